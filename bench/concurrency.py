"""7. A thousand tasks from one client: `tasks.map()` against one task, a rate limit, a slot limit.

Each measurement is a fresh Python process (`python -m bench.concurrency MODE ...`) on
one `AsyncBrowserUse`, against a fresh emulator in another process, so the emulator's
counters (`Emulator.stats`: requests per second, 429s, most tasks running) belong to
that measurement alone. Inputs carry a run nonce, so no run re-attaches to another's tasks.

- 7a: emulator and client unlimited; `tasks.map(1,000 inputs, concurrency=1000)` against
  `tasks.map([one input])`, alternating, medians; client CPU per task.
- 7b: emulator `rate_limit=25`, client `max_requests_per_second=20`; the map against the
  official SDK's strategy on the same kind of emulator (a poller per task: create, status
  every 2 s, one full GET; a 429 waits its Retry-After and retries, as the official SDK
  does), written with raw httpx.
- 7c: emulator `max_concurrent_tasks=50`; the map of 1,000 with `concurrency=1000`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

from ._common import (
    API_KEY,
    Figure,
    Outcome,
    at_most,
    fmt_seconds,
    median,
    proc_status_kib,
    ratio,
    run_worker,
)
from ._server import EmulatorProcess

TARGET_7A = 1.5
TARGET_7B = 1.25
SERVICE_RATE = 25
CLIENT_RATE = 20.0
TEXT = "Check the weather forecast for Lisbon"
OFFICIAL_POLL = 2.0


@dataclass(frozen=True)
class Sizes:
    tasks: int
    steps: int
    step_interval: float
    runs: int  # per case, 7a
    slots: int  # the emulator's max_concurrent_tasks, 7c
    budget: float = 600.0  # seconds before a worker gives up


FULL = Sizes(tasks=1000, steps=5, step_interval=0.35, runs=3, slots=50)
SMOKE = Sizes(tasks=30, steps=3, step_interval=0.05, runs=1, slots=5, budget=120.0)


def _texts(count: int) -> list[str]:
    nonce = uuid.uuid4().hex[:8]
    return [f"{TEXT} (run {nonce}, input {n})" for n in range(count)]


async def _map(base_url: str, count: int, rate: float | None, budget: float) -> dict[str, Any]:
    from browser_use_cloud import AsyncBrowserUse

    texts = _texts(count)
    async with AsyncBrowserUse(
        api_key=API_KEY, base_url=base_url, max_requests_per_second=rate
    ) as client:
        cpu, start = time.process_time(), time.perf_counter()
        results = await asyncio.wait_for(
            client.tasks.map(texts, concurrency=count, wait_timeout=budget), budget
        )
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    errors: dict[str, int] = {}
    for result in results:
        if result.error is not None:
            name = type(result.error).__name__
            errors[name] = errors.get(name, 0) + 1
    finished = sum(1 for r in results if r.ok and str(r.status) == "finished")
    return {"finished": finished, "errors": errors, "wall": wall, "cpu": cpu}


async def _official(base_url: str, count: int, budget: float) -> dict[str, Any]:
    """One poller per task, the official SDK's way, with raw httpx."""
    import httpx

    headers = {"Authorization": f"Bearer {API_KEY}"}
    limits = httpx.Limits(max_connections=100)
    refused = 0

    async def send(client: httpx.AsyncClient, method: str, url: str, **kw: Any) -> Any:
        nonlocal refused
        while True:
            response = await client.request(method, url, **kw)
            if response.status_code == 429:
                refused += 1
                await asyncio.sleep(float(response.headers.get("retry-after", "1")))
                continue
            response.raise_for_status()
            return response.json()

    async def one(client: httpx.AsyncClient, text: str) -> str:
        created = await send(client, "POST", f"{base_url}/run-task", json={"task": text})
        task_id = created["id"]
        while True:
            await asyncio.sleep(OFFICIAL_POLL)
            status = await send(client, "GET", f"{base_url}/task/{task_id}/status")
            if status in ("finished", "failed", "stopped"):
                task = await send(client, "GET", f"{base_url}/task/{task_id}")
                return str(task["status"])

    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=60) as client:
        start = time.perf_counter()
        runs = [asyncio.ensure_future(one(client, text)) for text in _texts(count)]
        done, pending = await asyncio.wait(runs, timeout=budget)
        wall = time.perf_counter() - start
        for run in pending:
            run.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    finished = sum(1 for r in done if r.exception() is None and r.result() == "finished")
    return {"finished": finished, "unfinished": len(pending), "wall": wall, "client_429": refused}


def worker(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["map", "official"])
    parser.add_argument("base_url")
    parser.add_argument("count", type=int)
    parser.add_argument("--rate", type=float, default=None)
    parser.add_argument("--budget", type=float, default=600.0)
    args = parser.parse_args(argv)
    import browser_use_cloud  # noqa: F401  (imports are not part of the measurement)

    if args.mode == "map":
        result = asyncio.run(_map(args.base_url, args.count, args.rate, args.budget))
    else:
        result = asyncio.run(_official(args.base_url, args.count, args.budget))
    result["rss_peak_mib"] = proc_status_kib("VmHWM") / 1024
    print(json.dumps(result))


def _measure(
    sizes: Sizes, mode: str, count: int, *, rate: float | None = None, **emulator: Any
) -> dict[str, Any]:
    """One worker run against a fresh emulator; the emulator's counters are added."""
    config = {"steps_per_task": sizes.steps, "step_interval": sizes.step_interval, **emulator}
    with EmulatorProcess(**config) as emu:
        args = [mode, emu.base_url, str(count), "--budget", str(sizes.budget)]
        if rate is not None:
            args += ["--rate", str(rate)]
        before = emu.cpu_seconds()
        result = run_worker("bench.concurrency", *args, timeout=sizes.budget + 120)
        result["server_cpu"] = emu.cpu_seconds() - before
        result["stats"] = emu.command("stats")
    return result


def _by_second(counts: list[int]) -> str:
    return " ".join(str(n) for n in counts)


def run(sizes: Sizes = FULL) -> Outcome:
    n = sizes.tasks
    # 7a: unlimited, alternating one / many.
    one: list[dict[str, Any]] = []
    many: list[dict[str, Any]] = []
    for index in range(sizes.runs):
        for count in (1, n) if index % 2 == 0 else (n, 1):
            (one if count == 1 else many).append(_measure(sizes, "map", count))

    def med(got: list[dict[str, Any]], key: str) -> float:
        return median([r[key] for r in got])

    ratio_a = ratio(med(many, "wall"), med(one, "wall"))
    complete_a = all(r["finished"] == n and not r["errors"] for r in many)
    # 7b: a 25/s service, a client budget of 20/s, against one poller per task.
    alone = _measure(sizes, "map", 1, rate=CLIENT_RATE, rate_limit=SERVICE_RATE)
    limited = _measure(sizes, "map", n, rate=CLIENT_RATE, rate_limit=SERVICE_RATE)
    official = _measure(sizes, "official", n, rate_limit=SERVICE_RATE)
    stats_b = limited["stats"]
    bound = TARGET_7B * (n / CLIENT_RATE + alone["wall"])
    complete_b = limited["finished"] == n and not limited["errors"]
    # 7c: 50 slots.
    slotted = _measure(sizes, "map", n, max_concurrent_tasks=sizes.slots)
    stats_c = slotted["stats"]
    figures = [
        Figure(
            name=f"7a: {n:,} tasks with tasks.map: wall",
            value=fmt_seconds(med(many, "wall")) + ("" if complete_a else " (incomplete)"),
            baseline=f"one task {fmt_seconds(med(one, 'wall'))}",
            ratio=ratio_a,
            target=f"≤ {TARGET_7A}x one task",
            met=complete_a and at_most(ratio_a, TARGET_7A),
        ),
        Figure(
            name="7a: client CPU per task",
            value=fmt_seconds(med(many, "cpu") / n),
            baseline=f"one task alone {fmt_seconds(med(one, 'cpu'))}",
            ratio=ratio(med(many, "cpu") / n, med(one, "cpu")),
            target="report",
            met=None,
        ),
        Figure(
            name="7b: rate-limit 429s received",
            value=f"{stats_b['rate_limited']}",
            baseline=f"official strategy {official['stats']['rate_limited']:,}",
            ratio=None,
            target="0",
            met=stats_b["rate_limited"] == 0 and complete_b,
        ),
        Figure(
            name="7b: busiest 1 s window (requests)",
            value=f"{stats_b['peak_requests_per_second']}",
            baseline=f"official strategy {official['stats']['peak_requests_per_second']}",
            ratio=None,
            target=f"≤ {SERVICE_RATE}",
            met=stats_b["peak_requests_per_second"] <= SERVICE_RATE,
        ),
        Figure(
            name=f"7b: {n:,} tasks at 20 req/s: wall",
            value=fmt_seconds(limited["wall"]) + ("" if complete_b else " (incomplete)"),
            baseline=(
                f"{n:,}/20 s + one task ({fmt_seconds(alone['wall'])}) = "
                f"{fmt_seconds(n / CLIENT_RATE + alone['wall'])}; official strategy "
                f"{fmt_seconds(official['wall'])}"
                + ("" if official["finished"] == n else f" ({official['finished']:,} finished)")
            ),
            ratio=ratio(limited["wall"], n / CLIENT_RATE + alone["wall"]),
            target=f"≤ {TARGET_7B}x ({fmt_seconds(bound)})",
            met=complete_b and at_most(limited["wall"], bound),
        ),
        Figure(
            name=f"7c: {n:,} tasks, {sizes.slots} slots: finished",
            value=f"{slotted['finished']:,} (errors: {slotted['errors'] or 'none'})",
            baseline=f"{n:,} inputs",
            ratio=slotted["finished"] / n,
            target="all finish, 0 failed by the limit",
            met=slotted["finished"] == n and not slotted["errors"],
        ),
        Figure(
            name="7c: most tasks running at once",
            value=f"{stats_c['peak_running']} ({stats_c['concurrency_refused']:,} creations "
            "refused and queued)",
            baseline=f"limit {sizes.slots}",
            ratio=None,
            target=f"≤ {sizes.slots}",
            met=stats_c["peak_running"] <= sizes.slots,
        ),
    ]
    duration = sizes.step_interval * (sizes.steps + 1)
    notes = [
        f"Tasks of {sizes.steps} steps at {sizes.step_interval:g} s (≈{duration:.1f} s each); "
        "every measurement a fresh client process and a fresh emulator process.",
        f"7a: {len(many)} runs of {n:,} and {len(one)} of one, alternating; medians. Client "
        f"CPU for {n:,}: {med(many, 'cpu'):.2f} s; emulator CPU {med(many, 'server_cpu'):.2f} s "
        "(2 cores shared by both and by other work on this machine).",
        f"7b: the map sent {stats_b['requests']:,} requests in {fmt_seconds(limited['wall'])}; "
        f"the official strategy sent {official['stats']['requests']:,} and got "
        f"{official['stats']['rate_limited']:,} 429s in {fmt_seconds(official['wall'])} "
        f"({official['finished']:,} of {n:,} finished).",
        "7b requests received by the emulator in each second of the map's run: "
        + _by_second(stats_b["requests_by_second"]),
        "7b the same for the official strategy: "
        + _by_second(official["stats"]["requests_by_second"]),
        f"7c: client CPU {slotted['cpu']:.2f} s, wall {fmt_seconds(slotted['wall'])}.",
    ]
    facts = {
        "finished_7a": [r["finished"] for r in many],
        "errors_7a": [r["errors"] for r in many + one],
        "ratio_7a": ratio_a,
        "rate_limited_7b": stats_b["rate_limited"],
        "peak_7b": stats_b["peak_requests_per_second"],
        "finished_7b": limited["finished"],
        "official_7b": official,
        "finished_7c": slotted["finished"],
        "errors_7c": slotted["errors"],
        "peak_running_7c": stats_c["peak_running"],
        "expected": n,
    }
    return Outcome(number=7, title="many tasks", figures=figures, notes=notes, facts=facts)


if __name__ == "__main__":
    worker()
