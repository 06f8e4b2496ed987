"""`browser-use-cloud mcp`: configuration errors, and streamable HTTP."""

from __future__ import annotations

import re
import subprocess
import sys
import threading

import pytest
from mcp import Client
from mcp_helpers import server_env

pytestmark = pytest.mark.anyio


def test_without_a_key_it_says_how_to_give_one() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "browser_use_cloud.mcp"],
        capture_output=True,
        text=True,
        env=server_env(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "no API key" in done.stderr and "--local" in done.stderr
    assert "Traceback" not in done.stderr


async def test_streamable_http() -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "browser_use_cloud.mcp", "--local", "--http", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=server_env(),
    )
    watchdog = threading.Timer(60, server.kill)
    watchdog.start()
    try:
        assert server.stderr is not None
        url = None
        while url is None:
            line = server.stderr.readline()
            assert line, "the server exited before serving"
            found = re.search(r"at (http://127\.0\.0\.1:\d+/mcp)$", line.strip())
            url = found.group(1) if found else None
        async with Client(url) as session:
            tools = {tool.name for tool in (await session.list_tools()).tools}
            assert "run_task_and_wait" in tools and "upload_file" not in tools
            result = await session.call_tool(
                "run_task_and_wait", {"task": "Hi [[emulator:instant]]"}
            )
            assert result.structured_content["status"] == "finished"
    finally:
        watchdog.cancel()
        server.terminate()
        server.wait(timeout=30)
