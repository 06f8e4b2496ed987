"""Shared pieces: result records, medians, subprocess workers and memory readings."""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
API_KEY = "bench-key"


@dataclass
class Figure:
    """One measured ratio against its baseline and target.

    `ratio` is figure / baseline (None when the baseline could not be measured);
    `met` compares it with the target (None: not applicable, e.g. report-only).
    """

    name: str
    value: str
    baseline: str
    ratio: float | None
    target: str
    met: bool | None


@dataclass
class Outcome:
    """What one benchmark produced: its figures, notes on method, and functional facts."""

    number: int
    title: str
    figures: list[Figure]
    notes: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # asserted by the smoke tests

    @property
    def met(self) -> bool | None:
        verdicts = [f.met for f in self.figures if f.met is not None]
        return all(verdicts) if verdicts else None


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def ratio(value: float | None, baseline: float | None) -> float | None:
    """value / baseline, or None when either is missing or the baseline is zero."""
    if value is None or baseline is None or baseline == 0:
        return None
    result = value / baseline
    return result if math.isfinite(result) else None


def at_most(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def at_least(value: float | None, limit: float) -> bool | None:
    return None if value is None else value >= limit


def subprocess_env() -> dict[str, str]:
    """The environment for child processes: the repo's sources importable, no user site."""
    env = dict(os.environ)
    paths = [str(ROOT), str(ROOT / "wrapper"), str(ROOT / "generated")]
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env.pop("BROWSER_USE_API_KEY", None)
    env.pop("BROWSER_USE_BASE_URL", None)
    return env


def run_worker(module: str, *args: str, timeout: float = 1800) -> dict[str, Any]:
    """Run `python -m module args...` in a fresh process; it prints one JSON object last."""
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"worker {module} {' '.join(args)} exited {done.returncode}:\n{done.stderr[-4000:]}"
        )
    lines = done.stdout.strip().splitlines()
    if not lines:
        raise RuntimeError(f"worker {module} printed nothing; stderr:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def proc_status_kib(field_name: str) -> int:
    """A field of /proc/self/status in KiB (VmRSS: resident now, VmHWM: peak resident)."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"/proc/self/status has no {field_name}")


class MemoryProbe:
    """Peak resident-set growth of this process from `start()` to `stop()` (Linux /proc).

    The peak (VmHWM) is reset at start when the kernel allows it (writing 5 to
    /proc/self/clear_refs), so earlier peaks (imports, set-up) do not count.
    """

    def __init__(self) -> None:
        self.before_kib = 0
        self.peak_kib = 0

    def start(self) -> None:
        try:
            with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
                handle.write("5")
        except OSError:
            pass
        self.before_kib = proc_status_kib("VmRSS")

    def stop(self) -> float:
        """Growth of the peak over the starting RSS, in MiB."""
        self.peak_kib = proc_status_kib("VmHWM")
        return max(0, self.peak_kib - self.before_kib) / 1024


def fmt_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


def fmt_seconds(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def optional_version(distribution: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def official_sdk_available() -> bool:
    """Whether browser-use-sdk (the official SDK, a baseline) is importable."""
    import importlib.util

    return importlib.util.find_spec("browser_use_sdk") is not None
