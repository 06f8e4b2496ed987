"""`capture_responses()` records status, headers, elapsed time and request id of each
response of a call; error responses carry the same `ResponseInfo`."""

from __future__ import annotations

import json
import socket

import anyio
import httpx
import pytest
from clients import close, make_client, resolve

from browser_use_cloud import (
    APIConnectionError,
    CapturedResponses,
    NotFoundError,
    ResponseInfo,
)
from browser_use_cloud._transport.response_info import server_request_id
from browser_use_cloud.emulator import Emulator
from tests.reliability.reliability_helpers import RecordingServer, Seen

pytestmark = pytest.mark.anyio


async def test_a_call_s_response_is_recorded_with_status_headers_time_and_id(
    kind: str, emulator: Emulator
) -> None:
    client = make_client(kind, emulator.base_url)
    try:
        with client.capture_responses() as responses:
            assert responses.last is None
            balance = await resolve(client.balance())
    finally:
        await close(client)
    assert balance.credits is not None
    (info,) = responses
    assert isinstance(info, ResponseInfo)
    assert (info.method, info.status_code, info.attempt) == ("GET", 200, 0)
    assert info.url == f"{emulator.base_url}/balance"
    assert info.headers["content-type"] == "application/json"
    assert info.elapsed > 0
    # the emulator sends no request id: the client's own stands in
    assert info.request_id == info.client_request_id
    assert info.client_request_id.startswith("client-")
    assert responses.last is info


async def test_the_service_s_request_id_is_used_when_it_sends_one(
    kind: str, server: RecordingServer
) -> None:
    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        headers = {"Content-Type": "application/json", "X-Request-Id": f"srv-{len(server.seen)}"}
        if seen.path.endswith("/balance"):
            return 200, headers, b'{"balance": "3"}'
        return 404, headers, json.dumps({"detail": "Task not found"}).encode()

    server.respond = respond
    client = make_client(kind, server.base_url)
    try:
        with client.capture_responses() as responses:
            await resolve(client.balance())
            with pytest.raises(NotFoundError) as raised:
                await resolve(client.tasks.get("t-missing"))
    finally:
        await close(client)
    ok, missing = responses
    assert ok.request_id == "srv-1" and ok.client_request_id.startswith("client-")
    assert missing.request_id == "srv-2"
    error = raised.value
    assert error.response_info == missing
    assert error.client_request_id == missing.client_request_id
    assert (error.status_code, error.method, error.url) == (
        missing.status_code,
        missing.method,
        missing.url,
    )


async def test_an_error_carries_its_response_info_without_a_capture(
    kind: str, emulator: Emulator
) -> None:
    client = make_client(kind, emulator.base_url)
    try:
        with pytest.raises(NotFoundError) as raised:
            await resolve(client.tasks.get("no-such-task"))
    finally:
        await close(client)
    info = raised.value.response_info
    assert info is not None and info.status_code == 404
    assert raised.value.client_request_id == info.request_id == info.client_request_id


async def test_retries_are_recorded_as_attempts_of_one_request(
    kind: str, server: RecordingServer
) -> None:
    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if len(server.seen) == 1:
            return 502, {"Content-Type": "application/json"}, b'{"detail": "bad gateway"}'
        return 200, {"Content-Type": "application/json"}, b'{"balance": "1"}'

    server.respond = respond
    client = make_client(kind, server.base_url)
    try:
        with client.capture_responses() as responses:
            await resolve(client.balance())
    finally:
        await close(client)
    assert [(r.status_code, r.attempt) for r in responses] == [(502, 0), (200, 1)]
    assert responses[0].client_request_id == responses[1].client_request_id


async def test_a_request_that_got_no_response_gives_its_client_request_id(kind: str) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = make_client(kind, f"http://127.0.0.1:{port}", max_retries=0)
    try:
        with client.capture_responses() as responses, pytest.raises(APIConnectionError) as raised:
            await resolve(client.ping())
    finally:
        await close(client)
    assert len(responses) == 0
    assert (raised.value.client_request_id or "").startswith("client-")


async def test_a_capture_sees_its_client_and_copies_only(kind: str, emulator: Emulator) -> None:
    client = make_client(kind, emulator.base_url)
    other = make_client(kind, emulator.base_url)
    try:
        with client.capture_responses() as responses:
            await resolve(client.with_options(timeout=5).ping())
            await resolve(other.ping())
    finally:
        await close(client)
        await close(other)
    assert len(responses) == 1


async def test_a_capture_records_every_request_of_a_call_that_sends_several(
    kind: str, emulator: Emulator
) -> None:
    client = make_client(kind, emulator.base_url)
    try:
        with client.capture_responses() as responses:
            await resolve(client.files.upload(b"hello", name="notes.txt"))
    finally:
        await close(client)
    presign, upload = responses
    assert presign.method == "POST" and presign.url.endswith("/uploads/presigned-url")
    assert upload.method == "PUT" and "?" not in upload.url  # the signature is not kept


async def test_concurrent_async_callers_each_capture_their_own_responses(
    emulator: Emulator,
) -> None:
    client = make_client("async", emulator.base_url)
    captured: dict[str, CapturedResponses] = {}

    async def caller(name: str, calls: int) -> None:
        with client.capture_responses() as responses:
            for _ in range(calls):
                await client.ping()
                await anyio.sleep(0)
        captured[name] = responses

    try:
        async with anyio.create_task_group() as group:
            group.start_soon(caller, "one", 1)
            group.start_soon(caller, "three", 3)
    finally:
        await client.close()
    assert (len(captured["one"]), len(captured["three"])) == (1, 3)


def test_map_jobs_on_threads_are_captured_by_the_caller(emulator: Emulator) -> None:
    client = make_client("sync", emulator.base_url)
    try:
        with client.capture_responses() as responses:
            results = client.tasks.map(["Short [[emulator:instant]]"] * 2, concurrency=2)
    finally:
        client.close()
    assert len(results) == 2
    assert sum(r.url.endswith("/run-task") for r in responses) == 2


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"X-Request-ID": "x-1", "Request-Id": "r-1"}, "x-1"),
        ({"Request-Id": "r-1", "X-Request-ID": "x-1"}, "x-1"),
        ({"request-id": "r-1"}, "r-1"),
        ({"x-request-id": "", "request-id": "r-1"}, "r-1"),
        ({"x-amz-request-id": "a-1"}, None),
    ],
)
def test_the_service_s_id_is_read_from_x_request_id_then_request_id(
    headers: dict[str, str], expected: str | None
) -> None:
    assert server_request_id(httpx.Headers(headers)) == expected
