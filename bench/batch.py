"""8. `browser-use-cloud batch` of 10,000 JSONL lines, killed at about half, then `--resume`.

The CLI runs in its own process against the emulator (another process). When OUT holds
half the lines the first run is killed with SIGKILL (no clean-up at all: its running tasks
keep running), then the same command with `--resume` finishes the job. Checked: how many
tasks exist on the emulator (each input must have exactly one), how many lines OUT holds
and that each input is there once; measured: each run's peak RSS (from the kernel's
rusage of the child), and the wall time of the two runs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._common import API_KEY, Figure, Outcome, at_most, fmt_seconds, subprocess_env
from ._server import EmulatorProcess

TARGET_RSS_MIB = 150.0


@dataclass(frozen=True)
class Sizes:
    lines: int
    concurrency: int
    rate: float  # the CLI's --max-requests-per-second
    step_interval: float
    steps: int


FULL = Sizes(lines=10_000, concurrency=200, rate=1000.0, step_interval=0.05, steps=3)
SMOKE = Sizes(lines=60, concurrency=10, rate=200.0, step_interval=0.02, steps=3)


def _write_input(path: Path, count: int) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(count):
            row = {"id": f"company-{n:05d}", "task": f"Find the head office of company {n}"}
            handle.write(json.dumps(row) + "\n")


def _lines(path: Path) -> int:
    if not path.exists():
        return 0
    with open(path, "rb") as handle:
        return sum(1 for _ in handle)


def _start(
    base_url: str, source: Path, out: Path, sizes: Sizes, *extra: str
) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "browser_use_cloud.cli",
        "--base-url",
        base_url,
        "--api-key",
        API_KEY,
        "batch",
        str(source),
        "-o",
        str(out),
        "--concurrency",
        str(sizes.concurrency),
        "--max-requests-per-second",
        str(sizes.rate),
        *extra,
    ]
    return subprocess.Popen(
        command, env=subprocess_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def _reap(process: subprocess.Popen[bytes]) -> tuple[int, float]:
    """Wait for the child; its exit status and peak RSS in MiB (kernel rusage)."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss / 1024


def run(sizes: Sizes = FULL) -> Outcome:
    config = {"step_interval": sizes.step_interval, "steps_per_task": sizes.steps}
    with tempfile.TemporaryDirectory() as scratch, EmulatorProcess(**config) as emulator:
        source, out = Path(scratch) / "in.jsonl", Path(scratch) / "out.jsonl"
        _write_input(source, sizes.lines)
        started = time.monotonic()
        first = _start(emulator.base_url, source, out, sizes)
        while _lines(out) < sizes.lines // 2 and first.poll() is None:
            time.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        first_code, first_rss = _reap(first)
        assert first.stderr is not None
        first.stderr.close()
        killed_at = _lines(out)
        first_wall = time.monotonic() - started
        resumed_at = time.monotonic()
        second = _start(emulator.base_url, source, out, sizes, "--resume")
        assert second.stderr is not None
        errors = second.stderr.read().decode(errors="replace")
        second.stderr.close()
        second_code, second_rss = _reap(second)
        second_wall = time.monotonic() - resumed_at
        tasks = int(emulator.command("tasks")["tasks"])
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ids = Counter(str(record["id"]) for record in records)
    problems = Counter(
        f"{record['status']}: {(record.get('error') or {}).get('message', '')}"
        for record in records
        if record["status"] != "finished"
    )
    finished = sum(1 for record in records if record["status"] == "finished")
    peak = max(first_rss, second_rss)
    exact = tasks == sizes.lines
    complete = len(records) == sizes.lines and len(ids) == sizes.lines
    figures = [
        Figure(
            name="8: tasks on the emulator after kill + --resume",
            value=f"{tasks:,}",
            baseline=f"{sizes.lines:,} input lines",
            ratio=tasks / sizes.lines,
            target="exactly one per line (0 billed twice)",
            met=exact,
        ),
        Figure(
            name="8: lines in OUT",
            value=f"{len(records):,} ({len(ids):,} distinct inputs, {finished:,} finished)",
            baseline=f"{sizes.lines:,} input lines",
            ratio=len(records) / sizes.lines,
            target="one per line",
            met=complete,
        ),
        Figure(
            name="8: client peak RSS",
            value=f"{peak:.0f} MiB (first run {first_rss:.0f}, resume {second_rss:.0f})",
            baseline=f"target {TARGET_RSS_MIB:.0f} MiB",
            ratio=peak / TARGET_RSS_MIB,
            target=f"≤ {TARGET_RSS_MIB:.0f} MB",
            met=at_most(peak, TARGET_RSS_MIB),
        ),
    ]
    notes = [
        f"{sizes.lines:,} JSONL lines (an `id` and a task each), tasks of {sizes.steps} steps "
        f"at {sizes.step_interval:g} s; `batch --concurrency {sizes.concurrency} "
        f"--max-requests-per-second {sizes.rate:g}` in its own process against the emulator.",
        f"First run killed with SIGKILL at {killed_at:,} lines in OUT after "
        f"{fmt_seconds(first_wall)} (exit {first_code}); the `--resume` run took "
        f"{fmt_seconds(second_wall)} (exit {second_code}).",
        "Peak RSS: ru_maxrss of each CLI process, from os.wait4().",
    ]
    if problems:
        notes.append(
            "Lines that did not finish: "
            + "; ".join(f"{count} x {text}" for text, count in problems.most_common(5))
        )
    if second_code != 0:
        notes.append(f"resume stderr (tail): {errors[-500:]!r}")
    facts: dict[str, Any] = {
        "tasks": tasks,
        "records": len(records),
        "distinct": len(ids),
        "finished": finished,
        "killed_at": killed_at,
        "resume_exit": second_code,
        "rss": peak,
    }
    return Outcome(
        number=8, title="batch, killed and resumed", figures=figures, notes=notes, facts=facts
    )
