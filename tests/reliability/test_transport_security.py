"""Transport security: the key stays on the API host, plain http is refused, ids stay one
path segment, and TLS certificates are verified by default."""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import quote, unquote

import httpx
import pytest

from browser_use_cloud import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    AsyncBrowserUse,
    BrowserUse,
    InputError,
)
from tests.reliability.reliability_helpers import RecordingServer, Seen

KEY = "bu_transport_key"
JSON = {"Content-Type": "application/json"}


def _json(
    status: int, body: object, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    return status, {**JSON, **(headers or {})}, json.dumps(body).encode()


# -- the Authorization header never leaves the API host ----------------------------------


def test_upload_put_to_another_host_carries_no_key(
    recording_server: RecordingServer, other_host: RecordingServer
) -> None:
    recording_server.respond = lambda seen: _json(
        200, {"upload_url": other_host.origin + "/bucket/notes.txt?X-Signature=abc"}
    )
    other_host.respond = lambda seen: (200, {}, b"")
    with BrowserUse(api_key=KEY, base_url=recording_server.base_url) as client:
        assert client.files.upload(b"hello", name="notes.txt") == "notes.txt"
    (presign,) = recording_server.seen
    (put,) = other_host.seen
    assert presign.headers["Authorization"] == f"Bearer {KEY}"
    assert put.method == "PUT" and put.body == b"hello"
    assert put.headers["Content-Type"] == "text/plain"
    assert not any(name.lower() == "authorization" for name in put.headers)
    assert KEY not in json.dumps(put.headers)


def test_download_from_another_host_carries_no_key(
    recording_server: RecordingServer, other_host: RecordingServer, tmp_path: Path
) -> None:
    recording_server.respond = lambda seen: _json(
        200, {"download_url": other_host.origin + "/bucket/out.csv?sig=1"}
    )
    other_host.respond = lambda seen: (200, {"Content-Type": "text/csv"}, b"a,b\n1,2\n")
    with BrowserUse(api_key=KEY, base_url=recording_server.base_url) as client:
        written = client.tasks.download_output_file("t-1", "out.csv", tmp_path / "out.csv")
    assert written == 8 and (tmp_path / "out.csv").read_bytes() == b"a,b\n1,2\n"
    (get,) = other_host.seen
    assert not any(name.lower() == "authorization" for name in get.headers)


@pytest.mark.parametrize("follow", [False, True], ids=["own-client", "caller-client-follows"])
def test_a_redirect_to_another_host_is_not_followed(
    recording_server: RecordingServer, other_host: RecordingServer, follow: bool
) -> None:
    recording_server.respond = lambda seen: (302, {"Location": other_host.origin + "/steal"}, b"")
    http = httpx.Client(follow_redirects=True) if follow else None
    client = BrowserUse(api_key=KEY, base_url=recording_server.base_url, http_client=http)
    with client, pytest.raises(APIStatusError) as caught:
        client.tasks.get("t-1")
    assert caught.value.status_code == 302
    assert other_host.seen == []
    if http is not None:
        http.close()


@pytest.mark.anyio
async def test_async_redirects_and_uploads_keep_the_key_home(
    recording_server: RecordingServer, other_host: RecordingServer
) -> None:
    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if seen.path.endswith("/presigned-url"):
            return _json(200, {"upload_url": other_host.origin + "/bucket/a.png"})
        return 307, {"Location": other_host.origin + "/steal"}, b""

    recording_server.respond = respond
    other_host.respond = lambda seen: (200, {}, b"")
    async with AsyncBrowserUse(api_key=KEY, base_url=recording_server.base_url) as client:
        await client.files.upload(b"\x89PNG", name="a.png")
        with pytest.raises(APIStatusError):
            await client.tasks.get("t-1")
    assert [s.method for s in other_host.seen] == ["PUT"]
    assert not any(name.lower() == "authorization" for name in other_host.seen[0].headers)


# -- plain http -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["http://api.example.com/api/v1", "http://10.0.0.5:8080/api/v1", "http://[2001:db8::1]/"]
)
def test_plain_http_to_a_remote_host_is_refused_unless_opted_in(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(InputError, match="allow_insecure_http=True"):
        BrowserUse(api_key=KEY, base_url=url)
    monkeypatch.setenv("BROWSER_USE_BASE_URL", url)
    with pytest.raises(InputError, match="Refusing plain http://"):
        BrowserUse(api_key=KEY)
    client = BrowserUse(api_key=KEY, base_url=url, allow_insecure_http=True)
    assert client.base_url.scheme == "http"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:1/api/v1",
        "http://127.8.9.10/",
        "http://localhost:8000/",
        "http://[::1]:80/",
    ],
)
def test_plain_http_to_loopback_is_allowed(url: str) -> None:
    assert BrowserUse(api_key=KEY, base_url=url).base_url.scheme == "http"


def _remote_storage(seen: list[httpx.Request]) -> httpx.MockTransport:
    """An API on loopback whose presigned URLs are plain http to a remote host."""

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/uploads/presigned-url"):
            return httpx.Response(200, json={"upload_url": "http://storage.example/up?sig=1"})
        if request.url.path.startswith("/api/v1/"):
            return httpx.Response(200, json={"download_url": "http://storage.example/d?sig=1"})
        return httpx.Response(200, stream=httpx.ByteStream(b"a,b\n"))

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("allowed", [False, True], ids=["refused", "opted-in"])
def test_presigned_plain_http_to_a_remote_host_is_refused_unless_opted_in(
    allowed: bool, tmp_path: Path
) -> None:
    seen: list[httpx.Request] = []
    client = BrowserUse(
        api_key=KEY,
        base_url="http://127.0.0.1:1/api/v1",
        transport=_remote_storage(seen),
        allow_insecure_http=allowed,
    )
    calls = [
        lambda: client.files.upload(b"hello", name="a.txt"),
        lambda: client.tasks.download_output_file("t-1", "out.csv", tmp_path / "out.csv"),
    ]
    for call in calls:
        if allowed:
            call()
        else:
            with pytest.raises(APIResponseValidationError) as caught:
                call()
            assert "'storage.example'" in str(caught.value) and "sig=1" not in str(caught.value)
            assert "allow_insecure_http=True" in str(caught.value)
    sent_to_storage = [r.method for r in seen if r.url.host == "storage.example"]
    assert sent_to_storage == (["PUT", "GET"] if allowed else [])
    assert sorted(p.name for p in tmp_path.iterdir()) == (["out.csv"] if allowed else [])


# -- path escaping --------------------------------------------------------------------------

AWKWARD_IDS = [
    "a/b",
    "../../tasks",
    "..",
    ".",
    "id?page=2",
    "id#frag",
    "with space",
    "ünïcødé",
    "%2F",
    "a;b",
]


def _single_segment(seen: Seen, prefix: str) -> str:
    assert seen.path.startswith(prefix), seen.target
    rest = seen.path[len(prefix) :]
    assert "/" not in rest and "?" not in seen.target and "#" not in seen.target, seen.target
    return unquote(rest)


@pytest.mark.parametrize("task_id", AWKWARD_IDS)
def test_ids_reach_the_server_as_one_path_segment(
    task_id: str, recording_server: RecordingServer
) -> None:
    """Each id arrives as exactly one segment that decodes back to it, or is refused unsent."""
    recording_server.respond = lambda seen: _json(404, {"detail": "Task not found"})
    with BrowserUse(api_key=KEY, base_url=recording_server.base_url, max_retries=0) as client:
        calls = [
            ("/api/v1/task/", lambda: client.tasks.get(task_id)),
            ("/api/v1/scheduled-task/", lambda: client.scheduled_tasks.get(task_id)),
        ]
        for prefix, call in calls:
            recording_server.seen.clear()
            try:
                call()
            except InputError:
                assert recording_server.seen == []  # refused before sending: also safe
                continue
            except APIStatusError:
                pass
            (seen,) = recording_server.seen
            assert _single_segment(seen, prefix) == task_id
            assert seen.target == prefix + quote(task_id, safe="")


@pytest.mark.parametrize("file_name", ["../secret.txt", "dir/file.csv", "a b?.txt"])
def test_output_file_names_are_escaped(file_name: str, recording_server: RecordingServer) -> None:
    recording_server.respond = lambda seen: _json(404, {"detail": "Output file not found"})
    client = BrowserUse(api_key=KEY, base_url=recording_server.base_url, max_retries=0)
    with client, pytest.raises(APIStatusError):
        client.tasks.output_file("t-1", file_name)
    (seen,) = recording_server.seen
    assert _single_segment(seen, "/api/v1/task/t-1/output-file/") == file_name


# -- TLS ------------------------------------------------------------------------------------


def _ssl_context(client: BrowserUse | AsyncBrowserUse) -> ssl.SSLContext:
    pool = client._http._client._transport._pool  # type: ignore[union-attr]
    context: ssl.SSLContext = pool._ssl_context
    return context


def test_tls_verification_is_on_by_default() -> None:
    for client in (BrowserUse(api_key=KEY), AsyncBrowserUse(api_key=KEY)):
        context = _ssl_context(client)
        assert context.verify_mode == ssl.CERT_REQUIRED
        assert context.check_hostname is True
        assert str(client.base_url).startswith("https://")


@pytest.fixture
def self_signed_server(tmp_path: Path) -> Iterator[str]:
    """An HTTPS server on loopback with a self-signed certificate; yields its base URL."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("no openssl CLI (and no `cryptography`) to make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    server = HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}/api/v1"
    server.shutdown()
    server.server_close()
    assert hits == []  # no request ever got through the failed handshake


def test_a_self_signed_certificate_is_a_typed_connection_error(self_signed_server: str) -> None:
    client = BrowserUse(api_key=KEY, base_url=self_signed_server, max_retries=0)
    with client, pytest.raises(APIConnectionError) as caught:
        client.ping()
    assert "CERTIFICATE_VERIFY_FAILED" in str(caught.value) or "certificate" in str(caught.value)
    assert KEY not in str(caught.value)
