"""Presigned upload/download URLs and the file store, over real loopback HTTP (uvicorn)."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from starlette.applications import Starlette

from browser_use_cloud._frontends._serving import BackgroundServer
from browser_use_cloud.emulator._uploads import (
    FileStore,
    SignatureError,
    UploadSigner,
    allowed_content_type,
    download_key,
    routes,
    upload_key,
    validate_file_name,
)

KEY = b"test-signing-key"


class FakeTime:
    def __init__(self) -> None:
        self.now = 1_750_000_000.0

    def __call__(self) -> float:
        return self.now


# -- pure helpers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [
        "image/png",
        "image/jpeg",
        "image/webp",
        "application/pdf",
        "Text/Plain",
        "text/csv; charset=utf-8",
        "application/json",
        "text/markdown",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel",
    ],
)
def test_allowed_content_types(content_type: str) -> None:
    assert allowed_content_type(content_type)


@pytest.mark.parametrize(
    "content_type",
    [
        "application/octet-stream",
        "video/mp4",
        "audio/mpeg",
        "application/zip",
        "",
        "image",
        "x/y z",
    ],
)
def test_refused_content_types(content_type: str) -> None:
    assert not allowed_content_type(content_type)


@pytest.mark.parametrize("name", ["a.txt", "report 2025.pdf", "données.csv", ".hidden"])
def test_valid_file_names(name: str) -> None:
    validate_file_name(name)


@pytest.mark.parametrize("name", ["", ".", "..", "a/b.txt", "a\\b.txt", "a\nb", "x" * 256])
def test_invalid_file_names(name: str) -> None:
    with pytest.raises(ValueError, match="file name"):
        validate_file_name(name)


def test_presign_format_and_round_trip() -> None:
    signer = UploadSigner(KEY, FakeTime())
    url = signer.presign("PUT", upload_key("a b.txt"), "text/plain", expires_in=60)
    parts = urlsplit(url)
    assert parts.path == "/emulator-files/uploads/a%20b.txt"
    query = dict(parse_qsl(parts.query))
    assert query["expires"] == str(1_750_000_060)
    assert query["content_type"] == "text/plain"
    assert len(query["signature"]) == 64
    assert signer.verify("PUT", "uploads/a b.txt", query) == "text/plain"


def _refusal(signer: UploadSigner, method: str, key: str, query: dict[str, str]) -> str:
    with pytest.raises(SignatureError) as info:
        signer.verify(method, key, query)
    assert info.value.status_code == 403
    return info.value.reason


def test_verify_refusals() -> None:
    clock = FakeTime()
    signer = UploadSigner(KEY, clock)
    query = dict(
        parse_qsl(urlsplit(signer.presign("PUT", "uploads/a.txt", "text/plain", 60)).query)
    )
    assert _refusal(signer, "PUT", "uploads/b.txt", query) == "signature"
    assert _refusal(signer, "PUT", "uploads/a.txt", {**query, "content_type": "image/png"}) == (
        "signature"
    )
    assert _refusal(signer, "PUT", "uploads/a.txt", {**query, "expires": "9999999999"}) == (
        "signature"
    )
    assert _refusal(signer, "GET", "uploads/a.txt", query) == "method"
    assert _refusal(signer, "PUT", "uploads/a.txt", {"expires": "1"}) == "malformed"
    assert _refusal(UploadSigner(b"other", clock), "PUT", "uploads/a.txt", query) == "signature"
    clock.now += 61
    assert _refusal(signer, "PUT", "uploads/a.txt", query) == "expired"
    assert "test-signing-key" not in repr(signer)


def test_file_store_basics() -> None:
    store = FileStore(limit_bytes=10)
    try:
        key = download_key("task-1", "out.csv")
        assert not store.exists(key)
        stored = store.put(key, b"a,b\n1,2\n" * 10, "text/csv")  # put() is not limited
        assert store.exists(key)
        assert store.get(key) == b"a,b\n1,2\n" * 10
        assert store.size_of(key) == 80 == stored.size
        assert store.info(key).content_type == "text/csv"
        assert stored.md5 == hashlib.md5(b"a,b\n1,2\n" * 10).hexdigest()
        store.put(key, b"new", "text/plain")
        assert (store.get(key), store.info(key).content_type) == (b"new", "text/plain")
        with pytest.raises(KeyError):
            store.get("uploads/missing.txt")
        directory = store.directory
        assert os.path.isdir(directory)
    finally:
        store.close()
    assert not os.path.exists(directory)
    assert not store.exists(key)


# -- over HTTP -------------------------------------------------------------------------------


@contextlib.contextmanager
def serve(app: Starlette) -> Iterator[str]:
    """Run ``app`` with uvicorn on a free loopback port; yields the base URL."""
    with BackgroundServer(app, lifespan="off") as server:
        yield server.url


@pytest.fixture
def files() -> Iterator[tuple[httpx.Client, FileStore, UploadSigner]]:
    store = FileStore(limit_bytes=64 * 1024)
    signer = UploadSigner(KEY)
    app = Starlette(routes=routes(store, signer))
    with serve(app) as base_url, httpx.Client(base_url=base_url, timeout=10) as client:
        yield client, store, signer
    store.close()


def test_signed_upload_is_stored(files: tuple[httpx.Client, FileStore, UploadSigner]) -> None:
    client, store, signer = files
    data = os.urandom(50_000)
    url = signer.presign("PUT", upload_key("photo.png"), "image/png", 60)
    response = client.put(url, content=data, headers={"content-type": "image/png"})
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["etag"] == f'"{hashlib.md5(data).hexdigest()}"'
    assert store.get(upload_key("photo.png")) == data
    assert store.info(upload_key("photo.png")).content_type == "image/png"


def test_names_with_spaces_and_non_ascii_round_trip(
    files: tuple[httpx.Client, FileStore, UploadSigner],
) -> None:
    client, store, signer = files
    name = "données 2025 (v2).csv"
    url = signer.presign("PUT", upload_key(name), "text/csv", 60)
    assert client.put(url, content=b"a,b", headers={"content-type": "text/csv"}).status_code == 200
    assert store.get(upload_key(name)) == b"a,b"


def test_upload_streams_without_content_length(
    files: tuple[httpx.Client, FileStore, UploadSigner],
) -> None:
    client, store, signer = files
    url = signer.presign("PUT", upload_key("notes.txt"), "text/plain", 60)
    chunks = [b"line %d\n" % i for i in range(2000)]
    response = client.put(url, content=iter(chunks), headers={"content-type": "text/plain"})
    assert response.status_code == 200
    assert store.get(upload_key("notes.txt")) == b"".join(chunks)


@pytest.mark.parametrize(
    ("sent_type", "tamper"),
    [
        ("text/plain", False),  # differs from the signed image/png
        (None, False),
        ("image/png", True),
    ],
)
def test_upload_refused_with_403(
    files: tuple[httpx.Client, FileStore, UploadSigner], sent_type: str | None, tamper: bool
) -> None:
    client, store, signer = files
    url = signer.presign("PUT", upload_key("a.png"), "image/png", 60)
    if tamper:
        url = url.replace("uploads/a.png", "uploads/b.png")
    headers = {"content-type": sent_type} if sent_type else {}
    response = client.put(url, content=b"\x89PNG", headers=headers)
    assert response.status_code == 403
    assert response.json()["detail"]
    assert not store.exists(upload_key("a.png")) and not store.exists(upload_key("b.png"))


def test_expired_and_unsigned_uploads(files: tuple[httpx.Client, FileStore, UploadSigner]) -> None:
    client, store, signer = files
    expired = signer.presign("PUT", upload_key("a.txt"), "text/plain", expires_in=-1)
    response = client.put(expired, content=b"x", headers={"content-type": "text/plain"})
    assert (response.status_code, response.json()["detail"]) == (403, "presigned URL has expired")
    response = client.put("/emulator-files/uploads/a.txt", content=b"x")
    assert response.status_code == 403
    assert not store.exists(upload_key("a.txt"))


def test_too_large_upload_is_refused_and_keeps_the_old_file(
    files: tuple[httpx.Client, FileStore, UploadSigner],
) -> None:
    client, store, signer = files
    key = upload_key("big.pdf")
    url = signer.presign("PUT", key, "application/pdf", 60)
    headers = {"content-type": "application/pdf"}
    assert client.put(url, content=b"%PDF-old", headers=headers).status_code == 200
    exact = client.put(url, content=b"x" * store.limit_bytes, headers=headers)
    assert exact.status_code == 200  # the limit itself is allowed
    assert client.put(url, content=b"%PDF-old", headers=headers).status_code == 200

    declared = client.put(url, content=b"x" * (store.limit_bytes + 1), headers=headers)
    assert declared.status_code == 413
    chunks = (b"y" * 8192 for _ in range(64))  # 512 KiB, no Content-Length
    streamed = client.put(url, content=chunks, headers=headers)
    assert streamed.status_code == 413
    assert "limit" in streamed.json()["detail"]
    assert store.get(key) == b"%PDF-old"
    leftovers = [n for n in os.listdir(store.directory) if n.endswith(".part")]
    assert leftovers == []


def test_signed_download(files: tuple[httpx.Client, FileStore, UploadSigner]) -> None:
    client, store, signer = files
    key = download_key("task-7", "result.json")
    store.put(key, b'{"ok": true}', "application/json")
    url = signer.presign("GET", key, "", 60)
    response = client.get(url)
    assert response.status_code == 200
    assert response.content == b'{"ok": true}'
    assert response.headers["content-type"].startswith("application/json")
    head = client.head(url)
    assert (head.status_code, head.headers["content-length"]) == (200, "12")

    missing = client.get(signer.presign("GET", download_key("task-7", "nope.txt"), "", 60))
    assert (missing.status_code, missing.json()) == (404, {"detail": "File not found"})
    assert client.get(url.replace("task-7", "task-8")).status_code == 403
    put_url = signer.presign("PUT", key, "", 60)
    wrong_method = client.get(put_url)
    assert wrong_method.status_code == 403
    assert "signed for PUT" in wrong_method.json()["detail"]
