"""Output-file downloads go through the one HTTP layer (`_send`), like every other request.

So they pass the request gate, retry only what the retry policy retries (unsent and
ambiguous failures, retryable statuses) within its budget, raise scrubbed typed errors,
stream the body (never a whole file in memory), and never carry the API key.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from wrapper_helpers import KEY, Recorder, make_client, resolve

from browser_use_cloud import APIConnectionError, APIStatusError

STORAGE = "https://storage.example.test/out/report.bin"
SIGNED = STORAGE + "?X-Amz-Signature=s3cr3t-signature"
BODY = bytes(range(256)) * 64  # 16 KiB, sent in 1 KiB chunks
CHUNK = 1024


class Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body in 1 KiB chunks for the sync and async clients; `cut` drops the
    connection half-way."""

    def __init__(self, *, cut: bool = False) -> None:
        self.chunks = [BODY[start : start + CHUNK] for start in range(0, len(BODY), CHUNK)]
        if cut:
            self.chunks = self.chunks[: len(self.chunks) // 2]
        self.cut = cut

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks
        if self.cut:
            raise httpx.ReadError("connection dropped")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk
        if self.cut:
            raise httpx.ReadError("connection dropped")


class Storage:
    """Answers the API's output-file call with a presigned URL, then plays `script` for
    the storage requests: an int status, an exception, "ok" (streamed body) or
    "cut" (half the body, then a dropped connection)."""

    def __init__(self, *script: Any) -> None:
        self.script = list(script)
        self.storage_requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == "api.example.test":
            return httpx.Response(200, json={"file_name": "report.bin", "download_url": SIGNED})
        self.storage_requests.append(request)
        step = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(step, Exception):
            raise step
        if isinstance(step, int):
            return httpx.Response(step, text=f"storage says {step}")
        return httpx.Response(200, stream=Body(cut=step == "cut"))


class CountingGate:
    """Stands in for the client's request gate; counts the requests that passed it."""

    def __init__(self) -> None:
        self.entered = 0

    def __enter__(self) -> None:
        self.entered += 1

    def __exit__(self, *_: object) -> None:
        return None

    async def __aenter__(self) -> None:
        self.entered += 1

    async def __aexit__(self, *_: object) -> None:
        return None


class WriteLog(io.BytesIO):
    """A binary sink that remembers the size of each write."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, data: Any) -> int:
        self.sizes.append(len(data))
        return super().write(data)


def _client(kind: str, storage: Storage, *, max_retries: int = 2) -> Any:
    return make_client(kind, Recorder(storage), max_retries=max_retries)


@pytest.mark.anyio
async def test_a_download_passes_the_request_gate(kind: str, tmp_path: Path) -> None:
    storage = Storage(503, "ok")
    client = _client(kind, storage)
    gate = client._http._gate = CountingGate()
    size = await resolve(client.tasks.download_output_file("t1", "report.bin", tmp_path / "f"))
    assert size == len(BODY) == (tmp_path / "f").stat().st_size
    assert len(storage.storage_requests) == 2
    assert gate.entered == 1 + 2  # the output-file call, then both storage attempts


@pytest.mark.anyio
async def test_a_failed_attempt_is_retried_streamed_not_read_whole(kind: str) -> None:
    storage = Storage(503, "ok")
    sink = WriteLog()
    size = await resolve(_client(kind, storage).tasks.download_output_file("t1", "r", sink))
    assert size == len(BODY) and sink.getvalue() == BODY
    assert max(sink.sizes) <= CHUNK, "the file was read into memory and written at once"


@pytest.mark.anyio
async def test_only_what_the_retry_policy_retries_is_retried(kind: str) -> None:
    # A local protocol error is neither "never sent" nor "maybe done": not retried.
    storage = Storage(httpx.LocalProtocolError("bad header"))
    with pytest.raises(APIConnectionError):
        await resolve(_client(kind, storage).tasks.download_output_file("t1", "r", io.BytesIO()))
    assert len(storage.storage_requests) == 1


@pytest.mark.anyio
async def test_transport_retries_stay_within_the_budget(kind: str) -> None:
    storage = Storage(httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError) as caught:
        client = _client(kind, storage, max_retries=3)
        await resolve(client.tasks.download_output_file("t1", "r", io.BytesIO()))
    assert len(storage.storage_requests) == 4
    assert "after 4 attempts" in str(caught.value)


@pytest.mark.anyio
async def test_errors_are_typed_and_scrubbed(kind: str) -> None:
    storage = Storage(httpx.ReadError(f"peer reset; Authorization: Bearer {KEY}"))
    with pytest.raises(APIConnectionError) as caught:
        await resolve(_client(kind, storage).tasks.download_output_file("t1", "r", io.BytesIO()))
    message = str(caught.value)
    assert KEY not in message and "s3cr3t-signature" not in message
    assert STORAGE in message

    refused = Storage(403)
    with pytest.raises(APIStatusError) as status:
        await resolve(_client(kind, refused).tasks.download_output_file("t1", "r", io.BytesIO()))
    assert status.value.status_code == 403
    assert "s3cr3t-signature" not in str(status.value)
    assert len(refused.storage_requests) == 1  # a 403 is not retried


@pytest.mark.anyio
async def test_a_cut_body_restarts_a_file_but_not_a_stream(kind: str, tmp_path: Path) -> None:
    storage = Storage("cut", "ok")
    target = tmp_path / "report.bin"
    client = _client(kind, storage)
    assert await resolve(client.tasks.download_output_file("t1", "r", target)) == len(BODY)
    assert target.read_bytes() == BODY

    storage = Storage("cut", "ok")
    sink = io.BytesIO()
    with pytest.raises(APIConnectionError):
        await resolve(_client(kind, storage).tasks.download_output_file("t1", "r", sink))
    assert len(storage.storage_requests) == 1  # bytes already reached the caller's stream


@pytest.mark.anyio
async def test_no_api_key_on_the_presigned_url(kind: str) -> None:
    storage = Storage("ok")
    await resolve(_client(kind, storage).tasks.download_output_file("t1", "r", io.BytesIO()))
    (request,) = storage.storage_requests
    assert "authorization" not in request.headers
    assert str(request.url) == SIGNED
