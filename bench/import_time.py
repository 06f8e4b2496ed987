"""1. Import time: `import browser_use_cloud` + its first attribute, whole process; and
`browser-use-cloud --help`.

Each case is a fresh `python ...` process, timed from spawn to exit; cases are
interleaved, repeated, and the median taken. Baselines in the same run: the official
SDK (`from browser_use_sdk import BrowserUse`), a bare `import httpx`, `import click, rich`
(what the CLI's `--help` is compared with: it should load little more than click), and the
empty interpreter (`pass`) for reference. A `-X importtime` run names the heaviest imports.
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
CLI_HELP_TARGET = 0.15 / 0.09
"""`--help` in 0.15 s where `import click, rich` takes 0.09 s (issue 21), as a ratio."""
CASES = {
    "sdk": ["-c", "import browser_use_cloud; browser_use_cloud.BrowserUse"],
    "official": ["-c", "from browser_use_sdk import BrowserUse"],
    "httpx": ["-c", "import httpx"],
    "cli_help": [  # what the `browser-use-cloud` console script runs
        "-c",
        "import sys; sys.argv = ['browser-use-cloud', '--help']; "
        "from browser_use_cloud.cli import main; main()",
    ],
    "click_rich": ["-c", "import click, rich"],
    "python": ["-c", "pass"],
}


@dataclass(frozen=True)
class Sizes:
    runs: int


FULL = Sizes(runs=15)
SMOKE = Sizes(runs=2)


def _env() -> dict[str, str]:
    """Byte-code cached, as in an installed package (the warm-up run writes the caches)."""
    env = subprocess_env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _time_process(args: list[str]) -> float:
    env = _env()
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, env=env, stdout=subprocess.DEVNULL)
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
    heavy = heaviest_imports(CASES["sdk"][1])
    cli_ratio = ratio(medians["cli_help"], medians["click_rich"])
    net = {name: medians[name] - medians["python"] for name in medians}
    notes = [
        f"Median of {sizes.runs} interleaved runs per case, each a fresh `python -c` process "
        "(spawn to exit): " + ", ".join(f"{n} {fmt_seconds(t)}" for n, t in medians.items()) + ".",
        "Net of interpreter start-up: "
        + ", ".join(f"{n} {fmt_seconds(t)}" for n, t in net.items() if n != "python")
        + f"; httpx alone is {fmt_ratio(ratio(medians['httpx'], official))} of official.",
        "`browser-use-cloud --help` runs what the console script runs (output discarded); it "
        "imports neither httpx nor the SDK's clients. Every case runs with byte-code caches "
        "(PYTHONDONTWRITEBYTECODE dropped), as an installed package has them.",
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
        Figure(
            name="`browser-use-cloud --help`",
            value=fmt_seconds(medians["cli_help"]),
            baseline=f"import click, rich {fmt_seconds(medians['click_rich'])}",
            ratio=cli_ratio,
            target=f"≤ {CLI_HELP_TARGET:.2f}x click+rich (0.15 s vs 0.09 s)",
            met=at_most(cli_ratio, CLI_HELP_TARGET),
        ),
    ]
    return Outcome(
        number=1,
        title="import time",
        figures=figures,
        notes=notes,
        facts={"medians": medians, "runs": {n: len(v) for n, v in times.items()}, "heavy": heavy},
    )
