"""run-task is sent again only when no task can exist (issue 20, items 1 and 2).

A loopback front server stands between the client and the emulator: it can hold a
run-task (the server acts on it later, after the client gave up) or answer it with a
status without passing it on. The emulator's task list is the judge.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from browser_use_cloud import (
    APITimeoutError,
    BrowserUse,
    InternalServerError,
    TaskCreationUnconfirmedError,
)
from browser_use_cloud._policies.retry import RetryPolicy
from browser_use_cloud.emulator import Emulator, EmulatorConfig
from tests.reliability.reliability_helpers import RecordingServer, Reply, Seen

Before = Callable[[Seen, int], Reply | None]
"""Called with each run-task and its number (1, 2, ...): a reply, or None to pass it on."""


class Front:
    """A loopback server passing every request on to `emulator`, run-tasks via `before`."""

    def __init__(self, emulator: Emulator, before: Before) -> None:
        self.origin = emulator.base_url.removesuffix("/api/v1")
        self.before = before
        self.posts = 0
        self.received = threading.Event()
        """Set once a run-task has reached this server."""
        self.passed_on = threading.Event()
        """Set once a run-task has been passed on to the emulator (and answered there)."""
        self.server = RecordingServer(respond=self._respond)

    def _respond(self, seen: Seen) -> Reply:
        if seen.method == "POST" and seen.path.endswith("/run-task"):
            self.posts += 1
            self.received.set()
            early = self.before(seen, self.posts)
            if early is not None:
                return early
        headers = {k: v for k, v in seen.headers.items() if k.lower() in FORWARDED}
        answer = httpx.request(
            seen.method, self.origin + seen.target, headers=headers, content=seen.body
        )
        if seen.method == "POST":
            self.passed_on.set()
        return answer.status_code, {"Content-Type": "application/json"}, answer.content


FORWARDED = ("authorization", "content-type")


def status(code: int) -> Reply:
    return code, {"Content-Type": "application/json"}, b'{"detail":"emulated"}'


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(EmulatorConfig(step_interval=0.01)) as emulator:
        yield emulator


def tagged(emulator: Emulator, request_id: str) -> list[str]:
    return [
        t.id
        for t in emulator.state.tasks.values()
        if (t.request.get("metadata") or {}).get("bu_request_id") == request_id
    ]


def client_via(front: Front, *, timeout: float = 10.0, max_retries: int = 2) -> BrowserUse:
    client = BrowserUse(api_key="bu_test", base_url=front.server.base_url, timeout=timeout)
    client._http.policy = RetryPolicy(max_retries=max_retries, base_delay=0.01, max_delay=0.2)
    return client


def test_a_run_task_the_server_holds_is_not_sent_twice(emu: Emulator) -> None:
    """Held 1.5 s, then carried out; the client times out at 0.5 s and looks twice."""

    def hold_the_first(seen: Seen, number: int) -> Reply | None:
        if number == 1:
            time.sleep(1.5)
        return None

    front = Front(emu, hold_the_first)
    with client_via(front, timeout=0.5) as client:
        with pytest.raises(TaskCreationUnconfirmedError) as raised:
            client.tasks.create("Billed once", request_id="order-7")
        assert raised.value.request_id == "order-7"
        assert isinstance(raised.value.cause, APITimeoutError)
        assert front.passed_on.wait(10)  # the server carries out the held request
        assert len(tagged(emu, "order-7")) == 1
        found = client.tasks.find_by_request_id("order-7")
        assert found == tagged(emu, "order-7")[0]
        # Re-attaching with the id returns that task instead of creating another.
        assert client.tasks.create("Billed once", request_id="order-7").id == found
    front.server.close()
    assert front.posts == 1
    assert len(tagged(emu, "order-7")) == 1


@pytest.mark.parametrize("code", [502, 504])
def test_a_gateway_error_is_not_sent_twice(emu: Emulator, code: int) -> None:
    """A 502/504 is a gateway's word: the server behind it may still create the task."""
    front = Front(emu, lambda seen, number: status(code) if number == 1 else None)
    with client_via(front) as client, pytest.raises(TaskCreationUnconfirmedError) as raised:
        client.tasks.create("Billed once")
    front.server.close()
    assert isinstance(raised.value.cause, InternalServerError)
    assert raised.value.cause.status_code == code
    assert front.posts == 1


def test_create_honours_max_retries_after_answered_500s(emu: Emulator) -> None:
    """Four 500s answered by the server itself, then success: max_retries=6 allows it."""
    front = Front(emu, lambda seen, number: status(500) if number <= 4 else None)
    with client_via(front, max_retries=6) as client:
        handle = client.tasks.create("Billed once", request_id="order-8")
    front.server.close()
    assert front.posts == 5
    assert tagged(emu, "order-8") == [handle.id]


@pytest.mark.parametrize("max_retries", [0, 1, 3])
def test_create_sends_at_most_max_retries_plus_one_times(emu: Emulator, max_retries: int) -> None:
    front = Front(emu, lambda seen, number: status(503))
    client = client_via(front, max_retries=max_retries)
    with client, pytest.raises(InternalServerError):  # proven: nothing was created
        client.tasks.create("Never created")
    front.server.close()
    assert front.posts == max_retries + 1
    assert emu.state.tasks == {}


def test_map_reports_the_request_id_and_reattaches_instead_of_doubling(emu: Emulator) -> None:
    front = Front(emu, lambda seen, number: time.sleep(1.5) if number == 1 else None)
    with client_via(front, timeout=0.5) as client:
        [first] = client.tasks.map(["Billed once"])
        assert isinstance(first.error, TaskCreationUnconfirmedError)
        request_id = first.error.request_id
        assert front.passed_on.wait(10)
        [again] = client.tasks.map(["Billed once"])  # the same input: the same request id
    front.server.close()
    assert again.error is None and again.reattached
    assert tagged(emu, request_id) == [again.task_id]
    assert front.posts == 1
