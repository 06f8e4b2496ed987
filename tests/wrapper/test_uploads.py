"""files.upload over MockTransport: presign, PUT without the key, same type, safe retry."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from wrapper_helpers import KEY, make_client, resolve

import browser_use_cloud as bu

pytestmark = pytest.mark.anyio

STORAGE = "https://storage.example.test/bucket/report.pdf?X-Amz-Signature=abc123"


class Storage:
    """Presigns on the API host, stores PUTs on another host; can drop the first PUT."""

    def __init__(self, drop_first_put: bool = False) -> None:
        self.drop = drop_first_put
        self.requests: list[httpx.Request] = []
        self.stored: bytes | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path.endswith("/uploads/presigned-url"):
            return httpx.Response(200, json={"upload_url": STORAGE})
        assert request.method == "PUT"
        body = request.read()
        if self.drop:
            self.drop = False
            raise httpx.ReadError("connection reset")
        self.stored = body
        return httpx.Response(200)


async def test_upload_streams_file_without_the_api_key(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    data = b"%PDF-1.7 " + bytes(200_000)
    path.write_bytes(data)
    storage = Storage()
    client = make_client(kind, storage)  # type: ignore[arg-type]
    assert await resolve(client.files.upload(path)) == "report.pdf"
    presign, put = storage.requests
    assert json.loads(presign.content) == {
        "file_name": "report.pdf",
        "content_type": "application/pdf",
    }
    assert presign.headers["authorization"] == f"Bearer {KEY}"
    assert put.url.host == "storage.example.test"
    assert "authorization" not in put.headers
    assert put.headers["content-type"] == "application/pdf"
    assert put.headers["content-length"] == str(len(data))
    assert storage.stored == data


async def test_failed_put_is_retried_from_the_start(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    data = bytes(range(256)) * 700
    path.write_bytes(data)
    storage = Storage(drop_first_put=True)
    client = make_client(kind, storage)  # type: ignore[arg-type]
    assert await resolve(client.files.upload(path)) == "photo.png"
    assert [r.method for r in storage.requests] == ["POST", "PUT", "PUT"]
    assert storage.stored == data


async def test_bad_input_sends_nothing(kind: str) -> None:
    storage = Storage()
    client = make_client(kind, storage)  # type: ignore[arg-type]
    with pytest.raises(bu.InputError):
        await resolve(client.files.upload(b"x" * 11, name="a.txt", max_bytes=10))
    assert storage.requests == []


async def test_storage_errors_hide_the_presigned_query(kind: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return httpx.Response(200, json={"upload_url": STORAGE})
        return httpx.Response(403, text="<Error>SignatureDoesNotMatch</Error>")

    client = make_client(kind, handler)  # type: ignore[arg-type]
    with pytest.raises(bu.PermissionDeniedError) as info:
        await resolve(client.files.upload(b"x", name="a.txt"))
    assert "abc123" not in str(info.value) and "abc123" not in info.value.url
    assert "SignatureDoesNotMatch" in info.value.body
