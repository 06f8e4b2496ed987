"""Races the soak found, replayed deterministically against the emulator on loopback.

A transport wrapper decides what the network does to one request (lose the answer after
the server acted, or let the server finish only after the client gave up) and what other
clients do meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from browser_use_cloud import BrowserUse
from browser_use_cloud._policies.retry import RetryPolicy
from browser_use_cloud.emulator import Emulator, EmulatorConfig

Hook = Callable[[httpx.Request, httpx.HTTPTransport], httpx.Response]


class Scripted(httpx.BaseTransport):
    """Real HTTP, except that the first request matching `when` is handled by `hook`."""

    def __init__(
        self,
        when: Callable[[httpx.Request], bool],
        hook: Hook,
        after: Callable[[httpx.Request, httpx.HTTPTransport], None] | None = None,
    ) -> None:
        self.real = httpx.HTTPTransport()
        self.when, self.hook, self.after = when, hook, after
        self.fired = False
        self.log: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.log.append(f"{request.method} {request.url.path}")
        if not self.fired and self.when(request):
            self.fired = True
            return self.hook(request, self.real)
        response = self.real.handle_request(request)
        if self.after is not None:
            self.after(request, self.real)
        return response


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(EmulatorConfig(step_interval=0.01)) as emu:
        yield emu


def tasks_for(emulator: Emulator, request_id: str) -> list[str]:
    return [
        t.id
        for t in emulator.state.tasks.values()
        if (t.request.get("metadata") or {}).get("bu_request_id") == request_id
    ]


def client_with(emulator: Emulator, transport: httpx.BaseTransport) -> BrowserUse:
    client = BrowserUse(api_key="bu_race", base_url=emulator.base_url, transport=transport)
    client._http.policy = RetryPolicy(max_retries=2, base_delay=0.001, max_delay=0.005)
    return client


def is_run_task(request: httpx.Request) -> bool:
    return request.method == "POST" and request.url.path.endswith("/run-task")


def test_lost_answer_while_other_clients_create_30_tasks_is_not_duplicated(
    emulator: Emulator,
) -> None:
    """The lookup must find the task even when more than one page of newer tasks exists."""
    others = BrowserUse(api_key="bu_other", base_url=emulator.base_url)

    def lose_answer(request: httpx.Request, real: httpx.HTTPTransport) -> httpx.Response:
        real.handle_request(request).read()  # the server created the task...
        for n in range(30):  # ...other clients keep creating tasks...
            others.tasks.create(f"busy {n}", request_id=False)
        raise httpx.ReadError("connection reset")  # ...and the answer never arrives

    with client_with(emulator, Scripted(is_run_task, lose_answer)) as client:
        handle = client.tasks.create("billed once", request_id="rid-window")
    assert tasks_for(emulator, "rid-window") == [handle.id]


def test_a_create_the_server_finishes_after_the_client_timed_out_is_not_duplicated(
    emulator: Emulator,
) -> None:
    """A slow server acts after the read timeout: the first lookup comes too early."""
    delayed: list[httpx.Request] = []

    def time_out(request: httpx.Request, real: httpx.HTTPTransport) -> httpx.Response:
        delayed.append(request)
        raise httpx.ReadTimeout("timed out")

    def finish_late(request: httpx.Request, real: httpx.HTTPTransport) -> None:
        if delayed and request.method == "GET":  # the server finishes during the lookup
            real.handle_request(delayed.pop()).read()

    transport = Scripted(is_run_task, time_out, after=finish_late)
    with client_with(emulator, transport) as client:
        handle = client.tasks.create("billed once", request_id="rid-slow")
    assert tasks_for(emulator, "rid-slow") == [handle.id], transport.log


def test_a_retried_delete_that_already_succeeded_is_not_a_not_found(emulator: Emulator) -> None:
    """DELETE is retried as idempotent; its retry meets 404 because the first one worked."""
    with BrowserUse(api_key="bu_race", base_url=emulator.base_url) as setup:
        schedule_id = setup.scheduled_tasks.create("nightly", interval_minutes=60)

    def act_then_time_out(request: httpx.Request, real: httpx.HTTPTransport) -> httpx.Response:
        real.handle_request(request).read()
        raise httpx.ReadTimeout("timed out after the server deleted it")

    def is_delete(request: httpx.Request) -> bool:
        return request.method == "DELETE"

    with client_with(emulator, Scripted(is_delete, act_then_time_out)) as client:
        client.scheduled_tasks.delete(schedule_id)  # must not raise NotFoundError
    assert schedule_id not in emulator.state.schedules
