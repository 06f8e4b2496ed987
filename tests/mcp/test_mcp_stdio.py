"""`browser-use-cloud mcp --local` as a subprocess, driven by the mcp SDK's stdio client."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from typing import Any

import anyio
import pytest
from mcp import Client, StdioServerParameters
from mcp_helpers import INITIALIZE, server_env

pytestmark = pytest.mark.anyio


async def test_a_session_over_stdio() -> None:
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "browser_use_cloud.mcp", "--local"], env=server_env()
    )
    progress: list[str] = []

    async def on_progress(value: float, total: float | None, message: str | None) -> None:
        progress.append(message or "")

    async with Client(params) as session:
        names = {tool.name for tool in (await session.list_tools()).tools}
        assert {"run_task", "get_task", "list_tasks", "run_task_and_wait"} <= names
        schema = {
            "type": "object",
            "properties": {"title": {"type": "string"}},
            "required": ["title"],
        }
        result = await session.call_tool(
            "run_task_and_wait",
            {"task": "Find the top story", "structured_output_json": schema},
            progress_callback=on_progress,
        )
        assert not result.is_error, result.content[0].text
        assert result.structured_content["status"] == "finished"
        assert isinstance(result.structured_content["parsed"]["title"], str)
        # Over a real transport a notification may land just after the result.
        with anyio.fail_after(5):
            while sum(m.startswith("Step ") for m in progress) < 3:
                await anyio.sleep(0.01)
        assert sum(m.startswith("Step ") for m in progress) == 3
        missing = await session.call_tool("get_task", {"task_id": "no-such-task"})
        assert missing.is_error
        assert "task 'no-such-task' was not found (404)" in missing.content[0].text


async def test_cancellation_over_the_wire_stops_the_task() -> None:
    """The client's notifications/cancelled reaches the server process, which stops the task."""
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "browser_use_cloud.mcp", "--local"], env=server_env()
    )
    started: list[str] = []
    async with Client(params) as session:
        with anyio.CancelScope() as scope:

            async def on_progress(value: float, total: float | None, message: str | None) -> None:
                if message and message.startswith("Task "):
                    started.append(message.split()[1])
                if message and message.startswith("Step "):
                    scope.cancel()

            await session.call_tool(
                "run_task_and_wait",
                {"task": "Long job [[emulator:steps=500]]"},
                progress_callback=on_progress,
            )
        assert scope.cancelled_caught and len(started) == 1
        with anyio.fail_after(15):
            while True:
                status = await session.call_tool("get_task_status", {"task_id": started[0]})
                if status.structured_content == {"result": "stopped"}:
                    break
                await anyio.sleep(0.1)


def test_stdout_carries_only_protocol_messages() -> None:
    messages = [
        INITIALIZE,
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
        {
            "jsonrpc": "2.0",
            "id": 3,
            "method": "tools/call",
            "params": {"name": "get_task_status", "arguments": {"task_id": "missing"}},
        },
    ]
    server = subprocess.Popen(
        [sys.executable, "-m", "browser_use_cloud.mcp", "--local"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=server_env(),
    )
    watchdog = threading.Timer(60, server.kill)  # a hung server fails the test, not the run
    watchdog.start()
    assert server.stdin is not None and server.stdout is not None
    replies: dict[Any, Any] = {}
    try:
        server.stdin.write("".join(json.dumps(m) + "\n" for m in messages))
        server.stdin.flush()
        while 3 not in replies:  # the stdin stays open until the last answer is in
            line = server.stdout.readline()
            assert line, "the server closed stdout early"
            message = json.loads(line)  # every line is a JSON-RPC message
            assert message["jsonrpc"] == "2.0"
            replies[message.get("id")] = message
        rest, errors = server.communicate(timeout=30)  # closes stdin: the server ends
    finally:
        watchdog.cancel()
        server.kill()
    for line in rest.splitlines():
        assert json.loads(line)["jsonrpc"] == "2.0"
    assert {1, 2, 3} <= set(replies)
    assert replies[3]["result"]["isError"] is True
    assert "not found (404)" in replies[3]["result"]["content"][0]["text"]
    assert "Using the built-in emulator" in errors
