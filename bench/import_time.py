"""1. Import time: `import browser_use_cloud` + its first attribute, whole process.

Each case is a fresh `python -c ...` process, timed from spawn to exit; cases are
interleaved, repeated, and the median taken. Baselines in the same run: the official
SDK (`from browser_use_sdk import BrowserUse`), a bare `import httpx`, and the empty
interpreter (`pass`) for reference. A `-X importtime` run names the heaviest imports.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass

from ._common import (
    Figure,
    Outcome,
    at_most,
    fmt_ratio,
    fmt_seconds,
    median,
    official_sdk_available,
    ratio,
    subprocess_env,
)

TARGET = 0.5
CASES = {
    "sdk": "import browser_use_cloud; browser_use_cloud.BrowserUse",
    "official": "from browser_use_sdk import BrowserUse",
    "httpx": "import httpx",
    "python": "pass",
}


@dataclass(frozen=True)
class Sizes:
    runs: int


FULL = Sizes(runs=15)
SMOKE = Sizes(runs=2)


def _time_process(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=subprocess_env())
    return time.perf_counter() - start


def heaviest_imports(code: str, top: int = 8) -> list[tuple[str, float]]:
    """(module, cumulative seconds) of the costliest imports up to two levels below the
    top, via `-X importtime` (one run: indicative, not a median)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=subprocess_env(),
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line[len("import time:") :].split("|")
        level = (len(name) - len(name.lstrip()) - 1) // 2
        if 1 <= level <= 2:
            rows.append((name.strip(), int(cumulative) / 1e6))
    return sorted(rows, key=lambda row: row[1], reverse=True)[:top]


def run(sizes: Sizes = FULL) -> Outcome:
    cases = dict(CASES)
    skipped = []
    if not official_sdk_available():
        del cases["official"]
        skipped.append("official SDK (browser-use-sdk) not installed: its baseline is skipped")
    for code in cases.values():  # warm-up: byte-code caches, page cache
        _time_process(code)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(sizes.runs):
        for name, code in cases.items():
            times[name].append(_time_process(code))
    medians = {name: median(values) for name, values in times.items()}
    sdk = medians["sdk"]
    official = medians.get("official")
    value = ratio(sdk, official)
    heavy = heaviest_imports(CASES["sdk"])
    net = {name: medians[name] - medians["python"] for name in medians}
    notes = [
        f"Median of {sizes.runs} interleaved runs per case, each a fresh `python -c` process "
        "(spawn to exit): " + ", ".join(f"{n} {fmt_seconds(t)}" for n, t in medians.items()) + ".",
        "Net of interpreter start-up: "
        + ", ".join(f"{n} {fmt_seconds(t)}" for n, t in net.items() if n != "python")
        + f"; httpx alone is {fmt_ratio(ratio(medians['httpx'], official))} of official.",
        "Heaviest imports inside `import browser_use_cloud` (-X importtime, one run, "
        "cumulative): " + ", ".join(f"{name} {fmt_seconds(sec)}" for name, sec in heavy) + ".",
        *skipped,
    ]
    figures = [
        Figure(
            name="import + first attribute",
            value=fmt_seconds(sdk),
            baseline=f"official {fmt_seconds(official)}" if official else "official: skipped",
            ratio=value,
            target=f"≤ {TARGET}x official",
            met=at_most(value, TARGET),
        ),
        Figure(
            name="vs bare `import httpx`",
            value=fmt_seconds(sdk),
            baseline=f"httpx {fmt_seconds(medians['httpx'])}",
            ratio=ratio(sdk, medians["httpx"]),
            target="report",
            met=None,
        ),
    ]
    return Outcome(
        number=1,
        title="import time",
        figures=figures,
        notes=notes,
        facts={"medians": medians, "runs": {n: len(v) for n, v in times.items()}, "heavy": heavy},
    )
