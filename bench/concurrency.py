"""7. 1,000 tasks at once with `AsyncBrowserUse`: wall time vs one task alone, client RSS.

Emulator tasks take about 2 s (5 steps). Each measurement is a fresh Python process
running `asyncio.gather(*(client.tasks.run(text) for _ in range(n)))` on one client;
the baseline is the same with n = 1. The emulator (another process, one for the whole
benchmark) is shared by the two cases; runs alternate, medians are quoted. Server and
client CPU seconds are reported to show which side the extra wall time comes from.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from dataclasses import dataclass
from typing import Any

from ._common import (
    API_KEY,
    Figure,
    MemoryProbe,
    Outcome,
    at_most,
    fmt_seconds,
    median,
    proc_status_kib,
    ratio,
    run_worker,
)
from ._server import EmulatorProcess

TARGET = 1.5
TEXT = "Check the weather forecast for Lisbon"


@dataclass(frozen=True)
class Sizes:
    tasks: int
    steps: int
    step_interval: float
    runs: int  # per case
    budget: float = 240.0  # seconds before a burst is given up (and reported as such)


FULL = Sizes(tasks=1000, steps=5, step_interval=0.35, runs=3)
SMOKE = Sizes(tasks=20, steps=3, step_interval=0.05, runs=1, budget=60.0)


async def _burst(base_url: str, count: int, budget: float) -> dict[str, object]:
    from browser_use_cloud import AsyncBrowserUse

    async with AsyncBrowserUse(api_key=API_KEY, base_url=base_url) as client:
        probe = MemoryProbe()
        probe.start()
        cpu, start = time.process_time(), time.perf_counter()
        runs = [asyncio.ensure_future(client.tasks.run(TEXT)) for _ in range(count)]
        done, pending = await asyncio.wait(runs, timeout=budget)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        growth = probe.stop()
        for run in pending:
            run.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    errors: dict[str, int] = {}
    finished = 0
    for run in done:
        error = run.exception()
        if error is not None:
            errors[type(error).__name__] = errors.get(type(error).__name__, 0) + 1
        elif str(run.result().status) == "finished":
            finished += 1
    return {
        "finished": finished,
        "errors": errors,
        "unfinished": len(pending),
        "wall": wall,
        "cpu": cpu,
        "rss_growth_mib": growth,
    }


def worker(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("count", type=int)
    parser.add_argument("--budget", type=float, default=300.0, help="give up after (s)")
    args = parser.parse_args(argv)
    import browser_use_cloud  # noqa: F401  (imports are not part of the measurement)

    result = asyncio.run(_burst(args.base_url, args.count, args.budget))
    result["rss_peak_mib"] = proc_status_kib("VmHWM") / 1024
    print(json.dumps(result))


def run(sizes: Sizes = FULL) -> Outcome:
    results: dict[int, list[dict[str, Any]]] = {1: [], sizes.tasks: []}
    with EmulatorProcess(steps_per_task=sizes.steps, step_interval=sizes.step_interval) as emu:
        for index in range(sizes.runs):
            order = (1, sizes.tasks) if index % 2 == 0 else (sizes.tasks, 1)
            for count in order:
                before = emu.cpu_seconds()
                args = [emu.base_url, str(count), "--budget", str(sizes.budget)]
                result = run_worker("bench.concurrency", *args)
                result["server_cpu"] = emu.cpu_seconds() - before
                results[count].append(result)
            if any(r["unfinished"] or r["errors"] for r in results[sizes.tasks]):
                break  # a burst that does not complete is not worth timing again
    many, one = results[sizes.tasks], results[1]

    def med(got: list[dict[str, Any]], key: str) -> float:
        return median([r[key] for r in got])

    wall_ratio = ratio(med(many, "wall"), med(one, "wall"))
    incomplete = [r for r in many + one if r["unfinished"] or r["errors"]]
    value = fmt_seconds(med(many, "wall"))
    if incomplete:
        worst = min(incomplete, key=lambda r: r["finished"])
        errors = ", ".join(f"{name} x{n}" for name, n in worst["errors"].items())
        value = (
            f"incomplete in {len(incomplete)} of {len(many + one)} runs: worst "
            f"{worst['finished']:,} finished, {worst['unfinished']:,} still running after "
            f"{fmt_seconds(worst['wall'])}" + (f", errors: {errors}" if errors else "")
        )
    figures = [
        Figure(
            name=f"{sizes.tasks:,} tasks at once: wall",
            value=value,
            baseline=f"one task {fmt_seconds(med(one, 'wall'))}",
            ratio=wall_ratio,
            target=f"≤ {TARGET}x one task",
            met=False if incomplete else at_most(wall_ratio, TARGET),
        ),
        Figure(
            name="client peak RSS",
            value=f"{med(many, 'rss_peak_mib'):.0f} MiB (+{med(many, 'rss_growth_mib'):.0f})",
            baseline=f"one task {med(one, 'rss_peak_mib'):.0f} MiB "
            f"(+{med(one, 'rss_growth_mib'):.1f})",
            ratio=ratio(med(many, "rss_peak_mib"), med(one, "rss_peak_mib")),
            target="report",
            met=None,
        ),
    ]
    notes = [
        f"Tasks of {sizes.steps} steps at {sizes.step_interval:g} s per step "
        f"(≈{sizes.step_interval * (sizes.steps + 1):.1f} s each); one AsyncBrowserUse "
        f"client, `tasks.run()` x{sizes.tasks:,} under asyncio.gather; fresh processes "
        f"({len(many)} bursts, {len(one)} single runs), alternating; medians. A burst still "
        f"running after {sizes.budget:g} s is given up, reported as incomplete (its ratio is "
        "then a lower bound) and not repeated.",
        f"CPU during the burst of {sizes.tasks:,}: client {med(many, 'cpu'):.2f} s, "
        f"emulator {med(many, 'server_cpu'):.2f} s (one task: client "
        f"{med(one, 'cpu'):.2f} s, emulator {med(one, 'server_cpu'):.2f} s); 2 cores shared.",
        "RSS: peak of the client process (VmHWM); in brackets the growth during the burst.",
    ]
    facts = {
        "finished": {count: [r["finished"] for r in got] for count, got in results.items()},
        "errors": [r["errors"] for r in many + one],
        "expected": sizes.tasks,
        "ratio": wall_ratio,
    }
    return Outcome(number=7, title="concurrency", figures=figures, notes=notes, facts=facts)


if __name__ == "__main__":
    worker()
