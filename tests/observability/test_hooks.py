"""Hooks see every request, response, retry, budget wait and task status change of a
client, scrubbed; a hook that raises is logged and does not change the call."""

from __future__ import annotations

import itertools
import json
import logging
import socket
import threading
from typing import Any

import anyio
import httpx
import pytest
from clients import KEY, close, make_client, resolve

from browser_use_cloud import (
    APIConnectionError,
    BudgetWaitEvent,
    HookEvent,
    InputError,
    RateLimitError,
    RequestErrorEvent,
    RequestEvent,
    ResponseEvent,
    RetryEvent,
    TaskStatusEvent,
)
from browser_use_cloud._transport.hooks import Hooks
from browser_use_cloud.emulator import Emulator
from tests.reliability.reliability_helpers import RecordingServer, Seen

pytestmark = pytest.mark.anyio


def _of(events: list[HookEvent], cls: type[Any]) -> list[Any]:
    return [event for event in events if isinstance(event, cls)]


async def test_a_run_reports_each_request_its_response_and_the_task_statuses(
    kind: str, emulator: Emulator
) -> None:
    events: list[HookEvent] = []
    client = make_client(kind, emulator.base_url, hooks=[events.append])
    try:
        result = await resolve(client.tasks.run("Say hi [[emulator:steps=2]]", wait_timeout=30))
    finally:
        await close(client)

    requests, responses = _of(events, RequestEvent), _of(events, ResponseEvent)
    assert requests and len(requests) == len(responses)
    for request, response in zip(requests, responses, strict=True):
        assert request.client_request_id == response.response.client_request_id
        assert (request.method, request.url) == (response.response.method, response.response.url)
        assert response.response.status_code == 200
    assert requests[0].method == "POST" and requests[0].url.endswith("/run-task")
    statuses = [(e.previous, e.status) for e in _of(events, TaskStatusEvent)]
    assert {e.task_id for e in _of(events, TaskStatusEvent)} == {result.id}
    assert statuses[0] == (None, "created")
    assert statuses[-1][1] == "finished"
    assert all(before != after for before, after in statuses)  # changes only
    for (_, after), (before, _) in itertools.pairwise(statuses):
        assert after == before


def _flaky(statuses: list[int]) -> Any:
    """A responder answering `statuses` in turn, then 200 with a balance."""

    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        status = statuses.pop(0) if statuses else 200
        body = b'{"balance": "12"}' if status == 200 else json.dumps({"detail": "busy"}).encode()
        return status, {"Content-Type": "application/json"}, body

    return respond


async def test_a_retried_request_reports_the_failure_the_retry_and_the_second_attempt(
    kind: str, server: RecordingServer
) -> None:
    server.respond = _flaky([503])
    events: list[HookEvent] = []
    client = make_client(kind, server.base_url, hooks=[events.append])
    try:
        await resolve(client.balance())
    finally:
        await close(client)

    kinds = [type(event).__name__ for event in events]
    assert kinds == ["RequestEvent", "ResponseEvent", "RetryEvent", "RequestEvent", "ResponseEvent"]
    retry = _of(events, RetryEvent)[0]
    assert (retry.reason, retry.status_code, retry.attempt) == ("HTTP 503", 503, 0)
    first, second = (e.response for e in _of(events, ResponseEvent))
    assert (first.status_code, first.attempt) == (503, 0)
    assert (second.status_code, second.attempt) == (200, 1)
    assert len({e.client_request_id for e in _of(events, RequestEvent)}) == 1  # one request


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_a_request_with_no_response_reports_each_failed_attempt(kind: str) -> None:
    events: list[HookEvent] = []
    client = make_client(kind, f"http://127.0.0.1:{_closed_port()}", hooks=[events.append])
    try:
        with pytest.raises(APIConnectionError) as raised:
            await resolve(client.balance())
    finally:
        await close(client)

    failures = _of(events, RequestErrorEvent)
    assert [f.attempt for f in failures] == [0, 1, 2]
    assert all(f.error == "ConnectError" for f in failures)
    assert [r.reason for r in _of(events, RetryEvent)] == ["ConnectError", "ConnectError"]
    assert raised.value.client_request_id == failures[0].client_request_id


async def test_waiting_for_the_request_budget_is_reported(kind: str, emulator: Emulator) -> None:
    events: list[HookEvent] = []
    client = make_client(kind, emulator.base_url, hooks=[events.append], max_requests_per_second=4)
    try:
        for _ in range(3):
            await resolve(client.ping())
    finally:
        await close(client)

    waits = _of(events, BudgetWaitEvent)
    assert waits, "the third request within a second waits for the budget"
    assert all(w.seconds > 0 and not w.paused for w in waits)
    assert all(w.url.endswith("/ping") for w in waits)
    # the wait comes before the attempt it delayed
    index = events.index(waits[0])
    assert isinstance(events[index + 1], RequestEvent)
    assert events[index + 1].client_request_id == waits[0].client_request_id


async def test_a_rate_limit_pause_is_reported_as_a_paused_budget_wait(
    kind: str, server: RecordingServer
) -> None:
    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if len(server.seen) == 1:
            return 429, {"Retry-After": "0.2", "Content-Type": "application/json"}, b"{}"
        return 200, {"Content-Type": "application/json"}, b'{"balance": "1"}'

    server.respond = respond
    events: list[HookEvent] = []
    client = make_client(kind, server.base_url, hooks=[events.append], max_retries=0)
    try:
        with pytest.raises(RateLimitError):
            await resolve(client.balance())
        await resolve(client.balance())  # held until the pause ends
    finally:
        await close(client)

    waits = _of(events, BudgetWaitEvent)
    assert len(waits) == 1 and waits[0].paused and waits[0].seconds > 0


async def test_hooks_never_see_the_api_key_or_a_presigned_signature(
    kind: str, emulator: Emulator
) -> None:
    events: list[HookEvent] = []
    client = make_client(
        kind, emulator.base_url, hooks=[events.append], default_headers={"X-Echo": KEY}
    )
    try:
        await resolve(client.files.upload(b"hello", name="notes.txt"))
        await resolve(client.balance())
    finally:
        await close(client)

    shown = repr(events)
    assert KEY not in shown
    for request in _of(events, RequestEvent):
        assert "authorization" not in request.headers
    api = [r for r in _of(events, RequestEvent) if "/api/v1/" in r.url]
    assert api and all(r.headers["x-echo"] == "<redacted>" for r in api)
    uploads = [r for r in _of(events, RequestEvent) if r.method == "PUT"]
    assert uploads and all("?" not in r.url for r in uploads)


async def test_a_hook_that_raises_is_logged_and_the_call_and_other_hooks_go_on(
    kind: str, emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(event: HookEvent) -> None:
        raise RuntimeError("metrics backend down")

    events: list[HookEvent] = []
    client = make_client(kind, emulator.base_url, hooks=[broken, events.append])
    try:
        with caplog.at_level(logging.ERROR, logger="browser_use_cloud.hooks"):
            balance = await resolve(client.balance())
    finally:
        await close(client)

    assert balance.credits > 0
    assert [type(e) for e in events] == [RequestEvent, ResponseEvent]
    logged = [r for r in caplog.records if r.name == "browser_use_cloud.hooks"]
    assert len(logged) == 2
    assert all(r.exc_info and isinstance(r.exc_info[1], RuntimeError) for r in logged)
    assert "broken" in logged[0].getMessage()


async def test_with_options_replaces_the_hooks_and_otherwise_keeps_them(
    kind: str, emulator: Emulator
) -> None:
    first: list[HookEvent] = []
    second: list[HookEvent] = []
    client = make_client(kind, emulator.base_url, hooks=[first.append])
    try:
        assert client.hooks == (first.append,)
        await resolve(client.with_options(timeout=5).ping())
        assert len(first) == 2
        other = client.with_options(hooks=[second.append])
        assert other.hooks == (second.append,)
        await resolve(other.ping())
        assert len(first) == 2 and len(second) == 2
    finally:
        await close(client)


@pytest.mark.parametrize("hooks", [print, "print", [1], 3])
def test_hooks_that_are_not_a_list_of_functions_are_refused(hooks: Any) -> None:
    with pytest.raises(InputError, match="hook"):
        make_client("sync", "http://127.0.0.1:9", hooks=hooks)


async def test_hooks_are_not_told_about_requests_to_another_client(
    kind: str, emulator: Emulator
) -> None:
    events: list[HookEvent] = []
    observed = make_client(kind, emulator.base_url, hooks=[events.append])
    other = make_client(kind, emulator.base_url)
    try:
        await resolve(other.ping())
    finally:
        await close(observed)
        await close(other)
    assert events == []


def test_events_are_frozen() -> None:
    event = RequestEvent(
        method="GET", url="u", headers=httpx.Headers(), attempt=0, client_request_id="c"
    )
    with pytest.raises(AttributeError):
        event.url = "other"  # type: ignore[misc]


async def test_map_reports_each_task_from_its_creation_to_its_end(
    kind: str, emulator: Emulator
) -> None:
    events: list[HookEvent] = []
    client = make_client(kind, emulator.base_url, hooks=[events.append])
    try:
        inputs = [f"Mapped {kind} {n} [[emulator:steps=2]]" for n in range(2)]
        results = await resolve(client.tasks.map(inputs))
    finally:
        await close(client)
    for result in results:
        seen = [e for e in _of(events, TaskStatusEvent) if e.task_id == result.task_id]
        assert seen[0].previous is None and seen[0].status == "created"
        assert seen[-1].status == "finished"


async def test_a_cancelled_request_ends_with_a_request_error_event(
    server: RecordingServer,
) -> None:
    release = threading.Event()

    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        release.wait(10)
        return 200, {"Content-Type": "application/json"}, b'{"balance": "1"}'

    server.respond = respond
    events: list[HookEvent] = []
    client = make_client("async", server.base_url, hooks=[events.append])
    try:
        async with anyio.create_task_group() as group:
            group.start_soon(client.balance)
            while not server.seen:  # the request is at the server: cancel it there
                await anyio.sleep(0.01)
            group.cancel_scope.cancel()
    finally:
        release.set()
        await close(client)
    assert [type(e) for e in events] == [RequestEvent, RequestErrorEvent]
    assert events[1].error == "CancelledError"
    assert events[1].client_request_id == events[0].client_request_id


class _FullDisk:
    def write(self, data: bytes) -> int:
        raise OSError("no space left on device")


async def test_a_download_whose_sink_fails_ends_with_a_request_error_event(
    kind: str, emulator: Emulator
) -> None:
    events: list[HookEvent] = []
    client = make_client(kind, emulator.base_url)
    try:
        task = await resolve(client.tasks.run("Files [[emulator:files=a.txt]]", wait_timeout=30))
        observed = client.with_options(hooks=[events.append])
        with pytest.raises(OSError, match="no space"):
            await resolve(observed.tasks.download_output_file(task.id, "a.txt", _FullDisk()))
    finally:
        await close(client)
    download = [e for e in events if getattr(e, "method", None) == "GET" and "/task/" not in e.url]
    assert [type(e) for e in download] == [RequestEvent, RequestErrorEvent]
    assert download[1].error == "OSError"


def test_hooks_see_no_credential_or_cookie_header_and_the_key_hidden_in_any_other() -> None:
    hooks = Hooks([print], [KEY])
    sent = httpx.Headers(
        {
            "Authorization": f"Bearer {KEY}",
            "Proxy-Authorization": "Basic dXNlcjpwYXNz",
            "Cookie": "session=s3cr3t",
            "Set-Cookie": "session=s3cr3t; HttpOnly",
            "X-Echo": f"key={KEY};",
            "Accept": "application/json",
        }
    )
    shown = hooks.headers(sent)
    assert dict(shown) == {"x-echo": "key=<redacted>;", "accept": "application/json"}
    assert "authorization" in sent  # the request's own headers are left alone
