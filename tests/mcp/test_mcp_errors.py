"""Errors are tool errors that say what to do; bad arguments are refused before sending."""

from __future__ import annotations

import socket
from typing import Any

import httpx
import pytest
from mcp import Client

from browser_use_cloud import AsyncBrowserUse
from browser_use_cloud.mcp import create_server

pytestmark = pytest.mark.anyio


async def error_text(session: Client, name: str, **args: Any) -> str:
    result = await session.call_tool(name, args)
    assert result.is_error
    text = result.content[0].text
    assert text.startswith("Error: ")
    return text


async def test_unknown_task_id(session: Client) -> None:
    for tool in ("get_task", "get_task_status", "monitor_task", "download_output_file"):
        args = {"task_id": "no-such-task"}
        if tool == "download_output_file":
            args["file_name"] = "a.csv"
        text = await error_text(session, tool, **args)
        assert "task 'no-such-task' was not found (404). Check the id and try again." in text


async def test_wrong_key_is_a_401_without_the_key(emulator: Any) -> None:
    key = "bu_wrong_key_987654321"
    async with (
        AsyncBrowserUse(api_key=key, base_url=emulator.base_url) as library,
        Client(create_server(library)) as session,
    ):
        text = await error_text(session, "check_balance")
        assert "the API key was rejected (401)" in text and "BROWSER_USE_API_KEY" in text
        text = await error_text(session, "run_task_and_wait", task="x")
        assert "(401)" in text
    assert key not in text


async def test_connection_failure(tmp_path: Any) -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    library = AsyncBrowserUse(
        api_key="k", base_url=f"http://127.0.0.1:{port}/api/v1", max_retries=0
    )
    async with library, Client(create_server(library)) as session:
        text = await error_text(session, "get_task_status", task_id="t")
        assert f"could not connect to http://127.0.0.1:{port}" in text
        assert "Is the service running? Check --base-url / BROWSER_USE_BASE_URL." in text


async def test_a_422_names_the_field() -> None:
    body = {"detail": [{"loc": ["body", "interval_minutes"], "msg": "must be at least 1"}]}
    transport = httpx.MockTransport(lambda request: httpx.Response(422, json=body))
    library = AsyncBrowserUse(api_key="k", base_url="https://api.test/api/v1", transport=transport)
    async with library, Client(create_server(library)) as session:
        text = await error_text(
            session, "create_scheduled_task", task="x", schedule_type="interval"
        )
    assert "the API rejected a field (422): interval_minutes: must be at least 1." in text


@pytest.mark.parametrize(
    ("name", "args", "expected"),
    [
        ("get_task", {}, "get_task needs 'task_id'"),
        ("get_task", {"task_id": 7}, "task_id must be a string, got int"),
        ("get_task", {"task_id": "a", "id": "b"}, "got unexpected argument 'id'"),
        ("list_tasks", {"limit": "ten"}, "limit must be an integer, got str"),
        ("run_task", {"task": "x", "llm_model": "gpt-0"}, "llm_model='gpt-0' is not a known"),
        ("run_task", {"task": "  "}, "task must describe what the agent should do"),
        ("run_task_and_wait", {"task": "x", "structured_output_json": "{"}, "not valid JSON"),
        ("run_task_and_wait", {"task": "x", "wait_timeout": -1}, "at least 0"),
        ("no_such_tool", {}, "unknown tool 'no_such_tool'"),
    ],
)
async def test_bad_arguments_are_refused_before_sending(
    name: str, args: dict[str, Any], expected: str
) -> None:
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(500))
    library = AsyncBrowserUse(api_key="k", base_url="https://api.test/api/v1", transport=transport)
    async with library, Client(create_server(library)) as session:
        text = await error_text(session, name, **args)
    assert expected in text
    assert sent == []
