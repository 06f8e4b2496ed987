"""2. `client.tasks.get(id)` on a 20-step task: client CPU time and wall time per call.

Against the emulator (another process): the SDK (typed `Task`), raw
`httpx.Client.get(url).json()` on one pooled client, and the documented recipe
(`requests.get` without a session: a new connection per call).

The official SDK (browser-use-sdk 3.12.1) speaks API v2 (`GET /api/v2/tasks/{id}`), so
it runs against a stub server (another process, `bench/_stub.py`) answering a v2-shaped
TaskView with the same 20 steps, padded to the same byte size as the v1 answer. The same
stub also serves the v1 bytes, so raw httpx and the SDK are measured there too and the
official SDK is compared on the same server.

CPU is `time.process_time()` of the client process over N calls (the server is another
process); variants are interleaved in rounds and the median of the per-round means taken.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from ._common import (
    API_KEY,
    Figure,
    Outcome,
    at_most,
    fmt_ratio,
    fmt_seconds,
    median,
    official_sdk_available,
    ratio,
)
from ._server import EmulatorProcess
from ._stub import StubProcess

TARGET = 1.08
STEPS = 20
TASK_TEXT = f"Compare the prices of three laptops [[emulator:steps={STEPS}]] [[emulator:instant]]"


@dataclass(frozen=True)
class Sizes:
    calls: int  # per variant per round
    rounds: int


FULL = Sizes(calls=400, rounds=15)
SMOKE = Sizes(calls=10, rounds=1)


def v2_payload(v1: dict[str, Any], size: int) -> str:
    """The same task as API v2 shapes it (TaskView: required fields, same texts), padded
    to `size` bytes of JSON when it is shorter."""
    steps = [
        {
            "number": step["step"],
            "memory": "",
            "evaluationPreviousGoal": step["evaluation_previous_goal"],
            "nextGoal": step["next_goal"],
            "url": step["url"],
            "actions": [],
        }
        for step in v1["steps"]
    ]
    view: dict[str, Any] = {
        "id": v1["id"],
        "sessionId": v1["id"],
        "llm": "gpt-4.1",
        "task": v1["task"],
        "status": v1["status"],
        "createdAt": v1["created_at"],
        "finishedAt": v1["finished_at"],
        "steps": steps,
        "output": v1["output"],
        "outputFiles": [],
    }
    missing = size - len(json.dumps(view))
    if missing > 0:  # spread the padding over the steps' memory fields
        each, extra = divmod(missing, len(steps))
        for index, step in enumerate(steps):
            step["memory"] = "m" * (each + (1 if index < extra else 0))
    return json.dumps(view)


def _measure(call: Callable[[], Any], calls: int) -> tuple[float, float]:
    """(CPU seconds, wall seconds) per call, over `calls` calls."""
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(calls):
        call()
    return (time.process_time() - cpu) / calls, (time.perf_counter() - wall) / calls


def run(sizes: Sizes = FULL) -> Outcome:
    import requests

    from browser_use_cloud import BrowserUse, Task

    notes: list[str] = []
    headers = {"Authorization": f"Bearer {API_KEY}"}
    with (
        EmulatorProcess() as emulator,
        tempfile.TemporaryDirectory() as workdir,
        httpx.Client(headers=headers) as raw,
    ):
        created = raw.post(f"{emulator.base_url}/run-task", json={"task": TASK_TEXT})
        task_id = created.raise_for_status().json()["id"]
        url = f"{emulator.base_url}/task/{task_id}"
        v1_bytes = raw.get(url).raise_for_status().content
        v1 = json.loads(v1_bytes)
        v2_text = v2_payload(v1, len(v1_bytes))
        routes = {f"/api/v2/tasks/{task_id}": v2_text, f"/api/v1/task/{task_id}": v1_bytes.decode()}
        with StubProcess(routes, Path(workdir)) as stub:
            # Unlimited budget: the baselines (raw httpx, the official SDK) pace nothing either.
            sdk = BrowserUse(
                api_key=API_KEY, base_url=emulator.base_url, max_requests_per_second=None
            )
            sdk_stub = BrowserUse(
                api_key=API_KEY, base_url=f"{stub.origin}/api/v1", max_requests_per_second=None
            )
            stub_url = f"{stub.origin}/api/v1/task/{task_id}"
            variants: dict[str, Callable[[], Any]] = {
                "sdk": lambda: sdk.tasks.get(task_id),
                "httpx": lambda: raw.get(url).json(),
                "requests": lambda: requests.get(url, headers=headers, timeout=30).json(),
                "sdk@stub": lambda: sdk_stub.tasks.get(task_id),
                "httpx@stub": lambda: raw.get(stub_url).json(),
            }
            typed = sdk.tasks.get(task_id)
            facts: dict[str, Any] = {
                "typed": isinstance(typed, Task),
                "steps": len(typed.steps),
                "v1_bytes": len(v1_bytes),
                "v2_bytes": len(v2_text),
            }
            if official_sdk_available():
                from browser_use_sdk import BrowserUse as Official  # type: ignore[import-untyped]

                official = Official(api_key=API_KEY, base_url=f"{stub.origin}/api/v2")
                variants["official@stub"] = lambda: official.tasks.get(task_id)
                facts["official_steps"] = len(official.tasks.get(task_id).steps)
            else:
                notes.append("official SDK (browser-use-sdk) not installed: its variant skipped")
            results = _rounds(variants, sizes)
            sdk.close()
            sdk_stub.close()
    cpu = {name: median([r[0] for r in values]) for name, values in results.items()}
    wall = {name: median([r[1] for r in values]) for name, values in results.items()}
    cpu_ratio = ratio(cpu["sdk"], cpu["httpx"])
    official_cpu = cpu.get("official@stub")
    figures = [
        Figure(
            name="client CPU per call",
            value=fmt_seconds(cpu["sdk"]),
            baseline=f"raw httpx {fmt_seconds(cpu['httpx'])}",
            ratio=cpu_ratio,
            target=f"≤ {TARGET}x raw httpx",
            met=at_most(cpu_ratio, TARGET),
        ),
        Figure(
            name="wall per call",
            value=fmt_seconds(wall["sdk"]),
            baseline=f"raw httpx {fmt_seconds(wall['httpx'])}",
            ratio=ratio(wall["sdk"], wall["httpx"]),
            target="report",
            met=None,
        ),
        Figure(
            name="client CPU per call, same stub server",
            value=fmt_seconds(cpu["sdk@stub"]),
            baseline=(
                f"official SDK {fmt_seconds(official_cpu)}" if official_cpu else "official: skipped"
            ),
            ratio=ratio(cpu["sdk@stub"], official_cpu),
            target="report",
            met=None,
        ),
        Figure(
            name="client CPU per call",
            value=fmt_seconds(cpu["sdk"]),
            baseline=f"recipe requests.get {fmt_seconds(cpu['requests'])}",
            ratio=ratio(cpu["sdk"], cpu["requests"]),
            target="report",
            met=None,
        ),
    ]
    table = ", ".join(
        f"{name} {fmt_seconds(cpu[name])} CPU / {fmt_seconds(wall[name])} wall" for name in cpu
    )
    notes[:0] = [
        f"{sizes.calls} calls per variant per round, {sizes.rounds} interleaved rounds; "
        f"medians per call: {table}.",
        f"Task: {STEPS} steps, {len(v1_bytes):,} bytes of v1 JSON. The official SDK reads a "
        f"v2 TaskView of {len(v2_text):,} bytes with the same steps from a stdlib stub "
        "server in another process (the official SDK cannot talk to v1 paths); raw httpx "
        f"on the same stub: {fmt_seconds(cpu['httpx@stub'])} CPU"
        + (
            f", so official/raw = {fmt_ratio(ratio(official_cpu, cpu['httpx@stub']))}."
            if official_cpu
            else "."
        ),
        "The requests recipe opens a new connection per call (no session), as documented.",
    ]
    facts["cpu"] = cpu
    facts["ratio"] = cpu_ratio
    return Outcome(number=2, title="tasks.get", figures=figures, notes=notes, facts=facts)


def _rounds(
    variants: dict[str, Callable[[], Any]], sizes: Sizes
) -> dict[str, list[tuple[float, float]]]:
    for call in variants.values():  # warm-up: connections, caches
        _measure(call, max(3, sizes.calls // 10))
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    names = list(variants)
    for index in range(sizes.rounds):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            results[name].append(_measure(variants[name], sizes.calls))
    return results
