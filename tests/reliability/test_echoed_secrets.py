"""A server that echoes a task's `secrets` back as free text (a 400 text page, a 422 `msg`,
a 500 `detail`) must not get them into exceptions, the CLI's error line, batch's OUT file
or MCP tool errors: every secret value a request sent is scrubbed from what its response
makes, not only the API key."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from test_secrets_never_leak import exception_text

from browser_use_cloud import APIStatusError, AsyncBrowserUse, BrowserUse
from tests.reliability.reliability_helpers import RecordingServer, Reply, Seen, cli_env, run_cli

API_KEY = "bu_echo_test_key_0123"
SECRET = "hunter2-S3CR3T-pa55"
SPACED = "correct horse battery"  # a value with spaces is still one secret
QUOTED = 'qu"ote\\d'  # a JSON body echoes it escaped
EMPTY_PAGE = {"tasks": [], "page": 1, "limit": 100, "total_pages": 1, "total_count": 0}


def _json(status: int, body: object) -> Reply:
    return status, {"Content-Type": "application/json"}, json.dumps(body).encode()


def _echo_text_400(values: list[str], body: bytes) -> Reply:
    words = " / ".join(values)
    page = f"<html><body>Bad request: {words} is not allowed in {body.decode()}</body></html>"
    return 400, {"Content-Type": "text/html"}, page.encode()


def _echo_422_msg(values: list[str], body: bytes) -> Reply:
    msg = f"Value error, password {' and '.join(values)} is too weak"
    return _json(422, {"detail": [{"loc": ["body", "task"], "msg": msg, "type": "value_error"}]})


def _echo_500_detail(values: list[str], body: bytes) -> Reply:
    return _json(500, {"detail": f"login with {' / '.join(values)} failed upstream"})


ECHOES: dict[str, Callable[[list[str], bytes], Reply]] = {
    "400 text page": _echo_text_400,
    "422 msg": _echo_422_msg,
    "500 detail": _echo_500_detail,
}


def _echo(make: Callable[[list[str], bytes], Reply]) -> Callable[[Seen], Reply]:
    """run-task answers with its `secrets` values (and the 400 page with the raw JSON
    body, where they stand escaped) echoed; the task list is empty."""

    def respond(seen: Seen) -> Reply:
        if seen.method == "GET" and seen.path.endswith("/tasks"):
            return _json(200, EMPTY_PAGE)
        sent = json.loads(seen.body or b"{}").get("secrets") or {}
        return make([str(v) for v in sent.values()], seen.body)

    return respond


def assert_no_secret(text: str, where: str) -> None:
    for value in (SECRET, SPACED, QUOTED, json.dumps(QUOTED)[1:-1]):
        assert value not in text, f"{where} shows a task secret: {text[:1500]!r}"


SECRETS = {"password": SECRET, "phrase": SPACED, "quoted": QUOTED}


@pytest.mark.parametrize("echo", list(ECHOES))
def test_library_errors_hide_echoed_task_secrets(
    echo: str, recording_server: RecordingServer
) -> None:
    recording_server.respond = _echo(ECHOES[echo])
    client = BrowserUse(api_key=API_KEY, base_url=recording_server.base_url, max_retries=0)
    with client, pytest.raises(APIStatusError) as caught:
        client.tasks.create("log in", secrets=SECRETS, request_id=False)
    assert recording_server.seen, "the request was sent"
    exc = caught.value
    assert "<redacted>" in exception_text(exc)  # the echo arrived, and was hidden
    assert_no_secret(exception_text(exc), f"the {echo} error")
    assert_no_secret(repr(exc.detail) + exc.body + repr(exc.headers), f"the {echo} fields")


@pytest.mark.anyio
async def test_async_errors_hide_echoed_task_secrets(recording_server: RecordingServer) -> None:
    recording_server.respond = _echo(_echo_422_msg)
    base = recording_server.base_url
    async with AsyncBrowserUse(api_key=API_KEY, base_url=base, max_retries=0) as client:
        with pytest.raises(APIStatusError) as caught:
            await client.tasks.create("log in", secrets=SECRETS, request_id=False)
    assert_no_secret(exception_text(caught.value), "the async 422 error")


@pytest.mark.parametrize("echo", ["400 text page", "422 msg"])
def test_cli_error_line_hides_echoed_task_secrets(
    echo: str, recording_server: RecordingServer
) -> None:
    recording_server.respond = _echo(ECHOES[echo])
    base = ["--base-url", recording_server.base_url, "--api-key", API_KEY]
    secrets = [f"--secret=password={SECRET}", f"--secret=phrase={SPACED}"]
    result = run_cli(*base, "run", "log in", *secrets, env=cli_env())
    assert result.returncode == 5, result.stderr
    assert any(s.path.endswith("/run-task") for s in recording_server.seen)
    assert_no_secret(result.stdout + result.stderr, f"the CLI's {echo} error line")


def test_batch_out_error_hides_echoed_task_secrets(
    recording_server: RecordingServer, tmp_path: Path
) -> None:
    recording_server.respond = _echo(_echo_422_msg)
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "task": "log in", "secrets": SECRETS}) + "\n")
    out = tmp_path / "out.jsonl"
    base = ["--base-url", recording_server.base_url, "--api-key", API_KEY]
    result = run_cli(*base, "batch", str(source), "-o", str(out), env=cli_env())
    assert result.returncode == 1, result.stderr
    record = json.loads(out.read_text())
    assert record["error"]["type"] == "UnprocessableEntityError"
    assert "<redacted>" in record["error"]["message"]
    assert_no_secret(out.read_text(), "batch's OUT line")
    assert_no_secret(result.stdout + result.stderr, "batch's output")


@pytest.mark.anyio
@pytest.mark.parametrize("echo", list(ECHOES))
async def test_mcp_tool_error_hides_echoed_task_secrets(
    echo: str, recording_server: RecordingServer
) -> None:
    from mcp import Client

    from browser_use_cloud.mcp import create_server

    recording_server.respond = _echo(ECHOES[echo])
    base = recording_server.base_url
    async with (
        AsyncBrowserUse(api_key=API_KEY, base_url=base, max_retries=0) as library,
        Client(create_server(library)) as session,
    ):
        result = await session.call_tool("run_task", {"task": "log in", "secrets": SECRETS})
    assert result.is_error
    text = result.content[0].text
    assert "<redacted>" in text
    assert_no_secret(text, f"the MCP tool error for a {echo}")
