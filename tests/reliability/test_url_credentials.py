"""Credentials inside URLs stay out of logs, reprs, errors and output: a presigned URL's
signed query (also in httpx's own INFO line) and a password in the base URL's userinfo."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx
import pytest
from test_secrets_never_leak import exception_text

from browser_use_cloud import (
    APIConnectionError,
    APIStatusError,
    AsyncBrowserUse,
    BrowserUse,
    InputError,
)
from tests.reliability.reliability_helpers import RecordingServer, Reply, Seen, cli_env, run_cli

KEY = "bu_url_test_key"
SIGNATURE = "X-Amz-Signature=5ec12e7519a7u7e0f"
PASSWORD = "gateway-Pa55w0rd"


def _json(status: int, body: object) -> Reply:
    return status, {"Content-Type": "application/json"}, json.dumps(body).encode()


def _log_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(record.getMessage() for record in caplog.records)


@pytest.fixture
def presigning_api(
    recording_server: RecordingServer, other_host: RecordingServer, caplog: pytest.LogCaptureFixture
) -> str:
    """An API (its base URL returned) whose upload and download URLs point at `other_host`,
    with a signed query; logging at INFO."""

    def respond(seen: Seen) -> Reply:
        if seen.path.endswith("/uploads/presigned-url"):
            return _json(200, {"upload_url": f"{other_host.origin}/up/a.txt?{SIGNATURE}"})
        return _json(200, {"download_url": f"{other_host.origin}/down/out.csv?{SIGNATURE}"})

    recording_server.respond = respond
    other_host.respond = lambda seen: (200, {"Content-Type": "text/csv"}, b"a,b\n")
    caplog.set_level(logging.INFO)
    return recording_server.base_url


def test_presigned_signatures_stay_out_of_httpx_info_log(
    presigning_api: str,
    other_host: RecordingServer,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with BrowserUse(api_key=KEY, base_url=presigning_api) as client:
        client.files.upload(b"hello", name="a.txt")
        client.tasks.download_output_file("t-1", "out.csv", tmp_path / "out.csv")
    assert [s.method for s in other_host.seen] == ["PUT", "GET"]
    httpx_lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert any("/down/out.csv" in line for line in httpx_lines), httpx_lines  # still logged
    assert SIGNATURE not in _log_text(caplog)


@pytest.mark.anyio
async def test_async_presigned_signatures_stay_out_of_httpx_info_log(
    presigning_api: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async with AsyncBrowserUse(api_key=KEY, base_url=presigning_api) as client:
        await client.files.upload(b"hello", name="a.txt")
        await client.tasks.download_output_file("t-1", "out.csv", tmp_path / "out.csv")
    assert any(r.name == "httpx" for r in caplog.records)
    assert SIGNATURE not in _log_text(caplog)


def test_other_httpx_requests_are_logged_as_before(
    recording_server: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    """The filter the SDK puts on httpx's logger leaves the caller's own requests alone."""
    BrowserUse(api_key=KEY, base_url=recording_server.base_url).close()  # filter in place
    caplog.set_level(logging.INFO)
    own = f"{recording_server.origin}/mine?{SIGNATURE}"
    with httpx.Client() as mine:
        mine.get(own)
    assert own in _log_text(caplog)


def _with_password(url: str) -> str:
    return url.replace("http://", f"http://gw-user:{PASSWORD}@", 1)


def test_a_password_in_the_base_url_is_hidden_everywhere(
    recording_server: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    recording_server.respond = lambda seen: _json(500, {"detail": "upstream down"})
    caplog.set_level(logging.DEBUG)
    base = _with_password(recording_server.base_url)
    errors: list[BaseException] = []
    with BrowserUse(api_key=KEY, base_url=base, max_retries=1) as client:
        shown = [repr(client), repr(client._http), repr(client.tasks.handle("t-1"))]
        with pytest.raises(APIStatusError) as caught:
            client.tasks.get("t-1")
        errors.append(caught.value)
    refused = _with_password("http://127.0.0.1:9/api/v1")
    with BrowserUse(api_key=KEY, base_url=refused, max_retries=0) as client:
        with pytest.raises(APIConnectionError) as caught_conn:
            client.tasks.get("t-1")
        errors.append(caught_conn.value)
    with pytest.raises(InputError) as caught_input:
        BrowserUse(api_key=KEY, base_url=f"ftp://u:{PASSWORD}@host/api/v1")
    errors.append(caught_input.value)
    assert recording_server.seen  # requests were sent to it
    assert "<redacted>@127.0.0.1" in str(errors[0])
    for text in [*shown, *(exception_text(e) for e in errors), _log_text(caplog)]:
        assert PASSWORD not in text, text[:2000]
    assert any(r.name == "httpx" for r in caplog.records)  # httpx's own line was checked


def test_cli_never_prints_a_base_url_password(recording_server: RecordingServer) -> None:
    recording_server.respond = lambda seen: (
        _json(200, "pong") if seen.path.endswith("/ping") else _json(404, {"detail": "Not Found"})
    )
    env = cli_env(BROWSER_USE_LOG="debug")
    base = ["--base-url", _with_password(recording_server.base_url), "--api-key", KEY]
    outputs = [
        run_cli(*base, "ping", env=env),
        run_cli(*base, "--debug", "tasks", "get", "t-1", env=env),
        run_cli("--base-url", _with_password("http://127.0.0.1:9/api/v1"), "ping", env=env),
    ]
    assert [r.returncode for r in outputs] == [0, 5, 5], [r.stderr for r in outputs]
    assert "<redacted>@127.0.0.1" in outputs[0].stdout
    for result in outputs:
        assert PASSWORD not in result.stdout + result.stderr, result.stdout + result.stderr
