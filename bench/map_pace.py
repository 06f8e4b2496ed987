"""10. A map's pace: after a concurrency refusal, and noticing short tasks' ends.

Each measurement is a fresh Python process (`python -m bench.map_pace ...`) running one
`tasks.map()` on an `AsyncBrowserUse` with the default request budget (20/s), against a fresh
emulator in another process. Tasks take `(steps + 1) * step_interval` seconds (about 1 s).
Runs of a row and of its baseline alternate; medians.

- 10a: the account allows 3 tasks at once (`max_concurrent_tasks=3`) and another client's task
  runs for 2 s when the map of 9 starts at `concurrency=3`: the map is refused and must get
  back to 3 at a time once that task ends. Baseline: the same map with no other task.
- 10b: a limit of 2, two tasks of another client running for 2 s, the map of 9 at
  `concurrency=2`. Baseline: the same map with no other task.
- 10c: the map of 9 at `concurrency=3`, no limit, no webhooks: wall time and requests,
  against the same map with the watcher's eager rounds turned off (the cadence before them:
  a check 1 s after creation, then every 2 s). The floor is 3 rounds of one task.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

from ._common import API_KEY, Figure, Outcome, at_most, fmt_seconds, median, ratio, run_worker
from ._server import EmulatorProcess

INPUTS = 9
OUTSIDE_STEPS = 7  # with the emulator's start delay, (7 + 1) steps: 2 s at 0.25 s a step
TARGET_9C = 0.75


@dataclass(frozen=True)
class Sizes:
    steps: int
    step_interval: float
    runs: int  # per variant


FULL = Sizes(steps=4, step_interval=0.25, runs=3)
SMOKE = Sizes(steps=2, step_interval=0.05, runs=1)


async def _map(base_url: str, concurrency: int, outside: int, eager: bool) -> dict[str, Any]:
    import httpx

    import browser_use_cloud._policies.watch_plan as watch
    from browser_use_cloud import AsyncBrowserUse

    if not eager:
        watch.EAGER_IDLE = 0.0  # never idle enough: the cadence before eager rounds
    nonce = uuid.uuid4().hex[:8]
    texts = [f"Check the forecast (run {nonce}, input {n})" for n in range(INPUTS)]
    headers = {"Authorization": f"Bearer {API_KEY}"}
    async with httpx.AsyncClient(headers=headers) as other:  # another client of the account
        for n in range(outside):
            text = f"Another client's task {n} [[emulator:steps={OUTSIDE_STEPS}]]"
            answer = await other.post(f"{base_url}/run-task", json={"task": text})
            answer.raise_for_status()
    async with AsyncBrowserUse(api_key=API_KEY, base_url=base_url) as client:
        start = time.perf_counter()
        results = await client.tasks.map(texts, concurrency=concurrency, wait_timeout=120)
        wall = time.perf_counter() - start
    return {"wall": wall, "finished": sum(1 for r in results if r.ok)}


def worker(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("--concurrency", type=int, required=True)
    parser.add_argument("--outside", type=int, default=0)
    parser.add_argument("--eager", choices=["on", "off"], default="on")
    args = parser.parse_args(argv)
    import browser_use_cloud  # noqa: F401  (imports are not part of the measurement)

    result = asyncio.run(_map(args.base_url, args.concurrency, args.outside, args.eager == "on"))
    print(json.dumps(result))


def _measure(
    sizes: Sizes, *, concurrency: int, outside: int = 0, eager: bool = True, **emulator: Any
) -> dict[str, Any]:
    config = {"steps_per_task": sizes.steps, "step_interval": sizes.step_interval, **emulator}
    with EmulatorProcess(**config) as emu:
        args = [emu.base_url, "--concurrency", str(concurrency), "--outside", str(outside)]
        result = run_worker("bench.map_pace", *args, "--eager", "on" if eager else "off")
        stats = emu.command("stats")
    result["requests"] = stats["requests"] - outside  # the map's own
    result["refused"] = stats["concurrency_refused"]
    result["peak_running"] = stats["peak_running"]
    return result


def _pairs(sizes: Sizes, row: dict[str, Any], base: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """Runs of a row and of its baseline, alternating."""
    got: list[Any] = []
    baseline: list[Any] = []
    for index in range(sizes.runs):
        order = [(got, row), (baseline, base)]
        for into, kwargs in order if index % 2 == 0 else order[::-1]:
            into.append(_measure(sizes, **kwargs))
    return got, baseline


def _med(runs: list[dict[str, Any]], key: str) -> float:
    return median([r[key] for r in runs])


def _slots_figure(
    name: str,
    runs: list[dict[str, Any]],
    baseline: list[dict[str, Any]],
    target: str,
    bound: float,
    complete: bool,
) -> Figure:
    """A map run against another client's tasks holding slots, beside one without them."""
    wall = _med(runs, "wall")
    return Figure(
        name=name,
        value=f"{fmt_seconds(wall)} ({_med(runs, 'refused'):.0f} refused)",
        baseline=f"no other task {fmt_seconds(_med(baseline, 'wall'))}",
        ratio=ratio(wall, _med(baseline, "wall")),
        target=target,
        met=complete and at_most(wall, bound),
    )


def run(sizes: Sizes = FULL) -> Outcome:
    task = (sizes.steps + 1) * sizes.step_interval
    held = (OUTSIDE_STEPS + 1) * sizes.step_interval
    slow_a, base_a = _pairs(
        sizes,
        {"concurrency": 3, "outside": 1, "max_concurrent_tasks": 3},
        {"concurrency": 3, "max_concurrent_tasks": 3},
    )
    slow_b, base_b = _pairs(
        sizes,
        {"concurrency": 2, "outside": 2, "max_concurrent_tasks": 2},
        {"concurrency": 2, "max_concurrent_tasks": 2},
    )
    eager, before = _pairs(sizes, {"concurrency": 3}, {"concurrency": 3, "eager": False})
    bound_a = _med(base_a, "wall") + held
    bound_b = _med(base_b, "wall") + 2 * held
    complete = all(r["finished"] == INPUTS for r in slow_a + slow_b + eager + before)
    ratio_c = ratio(_med(eager, "wall"), _med(before, "wall"))
    figures = [
        _slots_figure(
            f"10a: map of 9, 3 slots, one taken for {held:g} s: wall",
            slow_a,
            base_a,
            f"≤ baseline + the other task ({fmt_seconds(bound_a)})",
            bound_a,
            complete,
        ),
        _slots_figure(
            f"10b: map of 9, 2 slots, both taken for {held:g} s: wall",
            slow_b,
            base_b,
            f"≤ baseline + twice the other tasks ({fmt_seconds(bound_b)})",
            bound_b,
            complete,
        ),
        Figure(
            name="10c: map of 9 short tasks, 3 at a time: wall",
            value=fmt_seconds(_med(eager, "wall")),
            baseline=f"eager rounds off {fmt_seconds(_med(before, 'wall'))}; "
            f"floor 3 x {fmt_seconds(task)}",
            ratio=ratio_c,
            target=f"≤ {TARGET_9C}x eager rounds off",
            met=complete and at_most(ratio_c, TARGET_9C),
        ),
        Figure(
            name="10c: requests",
            value=f"{_med(eager, 'requests'):.0f}",
            baseline=f"eager rounds off {_med(before, 'requests'):.0f}",
            ratio=ratio(_med(eager, "requests"), _med(before, "requests")),
            target="report",
            met=None,
        ),
    ]
    notes = [
        f"Tasks of {sizes.steps} steps at {sizes.step_interval:g} s (≈{task:.1f} s each); the "
        f"other client's tasks ≈{held:.1f} s; {sizes.runs} runs of each variant, alternating, "
        "medians; every run a fresh client process and a fresh emulator process.",
        "10a walls: "
        + ", ".join(fmt_seconds(r["wall"]) for r in slow_a)
        + "; baseline: "
        + ", ".join(fmt_seconds(r["wall"]) for r in base_a)
        + ". 10b walls: "
        + ", ".join(fmt_seconds(r["wall"]) for r in slow_b)
        + "; baseline: "
        + ", ".join(fmt_seconds(r["wall"]) for r in base_b)
        + ".",
        "10c walls (requests): "
        + ", ".join(f"{fmt_seconds(r['wall'])} ({r['requests']})" for r in eager)
        + "; eager rounds off: "
        + ", ".join(f"{fmt_seconds(r['wall'])} ({r['requests']})" for r in before)
        + ".",
    ]
    facts = {
        "finished": [r["finished"] for r in slow_a + slow_b + eager + before],
        "peak_running_10a": max(r["peak_running"] for r in slow_a),
        "peak_running_10b": max(r["peak_running"] for r in slow_b),
        "refused_10a": [r["refused"] for r in slow_a],
        "ratio_10c": ratio_c,
    }
    return Outcome(number=10, title="a map's pace", figures=figures, notes=notes, facts=facts)


if __name__ == "__main__":
    worker()
