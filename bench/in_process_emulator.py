"""9. The emulator as a test dependency: start + first call + stop, in-process.

One case is what a test pays with `Emulator(in_process=True)` (the pytest fixture's
in-process mode): create the emulator, make a `BrowserUse` on its transport, create one
task, close the client, stop the emulator. The baseline, in the same process and the same
run, is the cheapest stand-in a test could use instead: a `BrowserUse` on an
`httpx.MockTransport` that answers the same create with a canned id. For reference, the
emulator over a loopback socket (the fixture's default mode, a uvicorn thread) does the same.
Cases are interleaved and the median of each is taken; the first emulator of a process also
loads and compiles the spec (once, reported apart).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from ._common import API_KEY, Figure, Outcome, at_most, fmt_seconds, median, ratio

TARGET = 0.005
TASK = "Find the capital of Peru"
CANNED_ID = str(uuid.UUID(int=7, version=4))


@dataclass(frozen=True)
class Sizes:
    runs: int
    socket_runs: int


FULL = Sizes(runs=200, socket_runs=15)
SMOKE = Sizes(runs=3, socket_runs=1)


def _in_process() -> str:
    from browser_use_cloud import BrowserUse
    from browser_use_cloud.emulator import Emulator, EmulatorConfig

    with Emulator(EmulatorConfig(step_interval=0.0), in_process=True) as emulator:
        transport = emulator.transport()
        client = BrowserUse(
            API_KEY, base_url=emulator.base_url, transport=transport, max_requests_per_second=None
        )
        with client:
            return client.tasks.create(TASK).id


def _mock_transport() -> str:
    from browser_use_cloud import BrowserUse

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"id": CANNED_ID})

    client = BrowserUse(
        API_KEY,
        base_url="http://mock.localhost/api/v1",
        transport=httpx.MockTransport(answer),
        max_requests_per_second=None,
    )
    with client:
        return client.tasks.create(TASK).id


def _over_socket() -> str:
    from browser_use_cloud import BrowserUse
    from browser_use_cloud.emulator import Emulator, EmulatorConfig

    with Emulator(EmulatorConfig(step_interval=0.0)) as emulator:
        client = BrowserUse(API_KEY, base_url=emulator.base_url, max_requests_per_second=None)
        with client:
            return client.tasks.create(TASK).id


def _timed(case: Callable[[], str]) -> tuple[float, str]:
    start = time.perf_counter()
    task_id = case()
    return time.perf_counter() - start, task_id


def run(sizes: Sizes = FULL) -> Outcome:
    first_load, _ = _timed(_in_process)  # loads and compiles the spec: once per process
    _timed(_mock_transport)
    times: dict[str, list[float]] = {"in_process": [], "mock": [], "socket": []}
    ids: set[str] = set()
    for index in range(sizes.runs):
        for name, case in (("in_process", _in_process), ("mock", _mock_transport)):
            seconds, task_id = _timed(case)
            times[name].append(seconds)
            ids.add(task_id) if name == "in_process" else None
        if index < sizes.socket_runs:
            seconds, _ = _timed(_over_socket)
            times["socket"].append(seconds)
    medians = {name: median(values) for name, values in times.items()}
    in_process, mock, over_socket = medians["in_process"], medians["mock"], medians["socket"]
    notes = [
        f"Median of {sizes.runs} interleaved runs of each case in one process (the socket case "
        f"{sizes.socket_runs} runs): in-process {fmt_seconds(in_process)}, MockTransport "
        f"{fmt_seconds(mock)}, loopback socket {fmt_seconds(over_socket)}.",
        f"The first in-process emulator of the process took {fmt_seconds(first_load)}: it loads "
        "and compiles the operation table, which every later emulator reuses.",
        "Each case: construct, one `client.tasks.create(...)`, close, stop.",
    ]
    figures = [
        Figure(
            name="in-process emulator: start + first call + stop",
            value=fmt_seconds(in_process),
            baseline=f"MockTransport {fmt_seconds(mock)}",
            ratio=ratio(in_process, mock),
            target=f"≤ {fmt_seconds(TARGET)}",
            met=at_most(in_process, TARGET),
        ),
        Figure(
            name="loopback-socket emulator, same steps",
            value=fmt_seconds(over_socket),
            baseline=f"MockTransport {fmt_seconds(mock)}",
            ratio=ratio(over_socket, mock),
            target="report",
            met=None,
        ),
    ]
    return Outcome(
        number=9,
        title="the emulator as a test dependency",
        figures=figures,
        notes=notes,
        facts={"medians": medians, "distinct_ids": len(ids), "first_load": first_load},
    )
