"""4. Iterating 100,000 tasks: peak memory growth and time, SDK vs a raw httpx page loop.

The emulator (another process, `bench/_server.py --seed-tasks N`) is seeded with N
finished tasks directly in its state, 1 ms apart, so nothing is created over HTTP.
Each measurement runs in a fresh Python process: `client.tasks.iter()` (typed
summaries) vs `GET /tasks?page=p&limit=100` + `.json()` until `total_pages`. Memory is
the growth of the peak RSS (/proc VmHWM, reset at start) over the RSS before the first
request, i.e. after imports and client set-up. Runs alternate; medians are quoted.

The time ratio is the median of the ratios of the pairs of runs made one after the other.
The machine's speed drifts by more than the difference measured (the same raw walk took
0.5 to 0.85 s of client CPU within minutes); two runs seconds apart see about the same
speed, so a pair's ratio cancels much of the drift that a ratio of two medians keeps.
Both are printed.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass

from ._common import (
    API_KEY,
    Figure,
    MemoryProbe,
    Outcome,
    at_most,
    fmt_ratio,
    fmt_seconds,
    median,
    ratio,
    run_worker,
)
from ._server import EmulatorProcess

TARGET_MIB = 30.0
TARGET_TIME = 1.1
PAGE = 100


@dataclass(frozen=True)
class Sizes:
    tasks: int
    runs: int  # per variant


FULL = Sizes(tasks=100_000, runs=9)
SMOKE = Sizes(tasks=200, runs=1)


def _sdk(base_url: str, check_ids: bool, probe: MemoryProbe) -> tuple[int, int, float, float]:
    from browser_use_cloud import BrowserUse

    ids: set[str] = set()
    count = 0
    # Unlimited budget: the raw page loop it is compared with paces nothing either.
    with BrowserUse(api_key=API_KEY, base_url=base_url, max_requests_per_second=None) as client:
        tasks = client.tasks  # its first use imports the tasks module: set-up, as imports are
        probe.start()
        start, cpu = time.perf_counter(), time.process_time()
        for summary in tasks.iter():
            count += 1
            if check_ids:
                ids.add(summary.id)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return count, len(ids), seconds, cpu


def _raw(base_url: str, check_ids: bool, probe: MemoryProbe) -> tuple[int, int, float, float]:
    import httpx

    ids: set[str] = set()
    count = 0
    with httpx.Client(headers={"Authorization": f"Bearer {API_KEY}"}) as client:
        probe.start()
        start, cpu = time.perf_counter(), time.process_time()
        page = 1
        while True:
            response = client.get(f"{base_url}/tasks", params={"page": page, "limit": PAGE})
            body = response.raise_for_status().json()
            for task in body["tasks"]:
                count += 1
                if check_ids:
                    ids.add(task["id"])
            if not body["tasks"] or page >= body["total_pages"]:
                break
            page += 1
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return count, len(ids), seconds, cpu


def worker(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("variant", choices=("sdk", "raw"))
    parser.add_argument("base_url")
    parser.add_argument("--check-ids", action="store_true")
    args = parser.parse_args(argv)
    import httpx  # noqa: F401  (imports are not part of the measurement)

    import browser_use_cloud  # noqa: F401

    walk = _sdk if args.variant == "sdk" else _raw
    probe = MemoryProbe()  # started once the client exists
    count, unique, seconds, cpu = walk(args.base_url, args.check_ids, probe)
    growth = probe.stop()
    result = {"count": count, "unique": unique, "seconds": seconds, "cpu": cpu}
    print(json.dumps({**result, "rss_mib": growth}))


def run(sizes: Sizes = FULL) -> Outcome:
    check = sizes.tasks <= 10_000  # a set of 100k ids would itself weigh ~10 MB
    results: dict[str, list[dict[str, float]]] = {"sdk": [], "raw": []}
    with EmulatorProcess(seed_tasks=sizes.tasks) as emulator:
        for index in range(sizes.runs):
            order = ("sdk", "raw") if index % 2 == 0 else ("raw", "sdk")
            for variant in order:
                args = [variant, emulator.base_url] + (["--check-ids"] if check else [])
                results[variant].append(run_worker("bench.iterate", *args))
    seconds = {v: median([r["seconds"] for r in got]) for v, got in results.items()}
    memory = {v: median([r["rss_mib"] for r in got]) for v, got in results.items()}
    cpu = {v: median([r["cpu"] for r in got]) for v, got in results.items()}
    pair_ratios = sorted(
        s["seconds"] / r["seconds"] for s, r in zip(results["sdk"], results["raw"], strict=True)
    )
    time_ratio = median(pair_ratios)
    figures = [
        Figure(
            name="peak RSS growth",
            value=f"{memory['sdk']:.1f} MiB",
            baseline=f"raw page loop {memory['raw']:.1f} MiB",
            ratio=None,  # an absolute target: the raw figure is context
            target=f"≤ {TARGET_MIB:g} MB growth",
            met=memory["sdk"] <= TARGET_MIB,
        ),
        Figure(
            name="time",
            value=fmt_seconds(seconds["sdk"]),
            baseline=f"raw page loop {fmt_seconds(seconds['raw'])}",
            ratio=time_ratio,
            target=f"≤ {TARGET_TIME}x raw",
            met=at_most(time_ratio, TARGET_TIME),
        ),
    ]
    notes = [
        f"{sizes.tasks:,} finished tasks seeded in the emulator's state by the bench "
        f"launcher; pages of {PAGE}; {sizes.runs} fresh processes per variant, alternating; "
        "medians. Time includes the server's work (same for both).",
        f"Time ratio: the median of the {len(pair_ratios)} pairs' ratios (from "
        f"{fmt_ratio(pair_ratios[0])} to {fmt_ratio(pair_ratios[-1])}); the ratio of the "
        f"two medians is {fmt_ratio(ratio(seconds['sdk'], seconds['raw']))}.",
        "RSS growth = peak RSS during the walk - RSS after imports and client set-up.",
        f"Client CPU during the walk: SDK {fmt_seconds(cpu['sdk'])}, raw "
        f"{fmt_seconds(cpu['raw'])} ({fmt_ratio(ratio(cpu['sdk'], cpu['raw']))}).",
    ]
    facts = {
        "counts": {v: [r["count"] for r in got] for v, got in results.items()},
        "unique": {v: [r["unique"] for r in got] for v, got in results.items()} if check else {},
        "expected": sizes.tasks,
        "ratios": [time_ratio, ratio(memory["sdk"], memory["raw"])],
    }
    return Outcome(number=4, title="iterating tasks", figures=figures, notes=notes, facts=facts)


if __name__ == "__main__":
    worker()
