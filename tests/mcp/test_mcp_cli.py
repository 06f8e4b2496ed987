"""`browser-use-cloud mcp`: configuration errors, streamable HTTP with its token, stdio paths."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import httpx2
import pytest
from mcp import Client, StdioServerParameters
from mcp.client.streamable_http import streamable_http_client
from mcp_helpers import INITIALIZE, server_env

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


def start_http(*args: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[str], str]:
    """Start `mcp --local --http --port 0 ARGS`; returns it and its start-up line."""
    server = subprocess.Popen(
        [sys.executable, "-m", "browser_use_cloud.mcp", "--local", "--http", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or server_env(),
    )
    assert server.stderr is not None
    while True:
        line = server.stderr.readline()
        assert line, "the server exited before serving"
        if line.startswith("MCP server"):
            return server, line.strip()


def stop(server: subprocess.Popen[str]) -> str:
    """End the server; returns the rest of its stderr."""
    server.terminate()
    _, rest = server.communicate(timeout=30)
    return rest


LINE = re.compile(
    r"^MCP server \(streamable HTTP\) at (http://127\.0\.0\.1:\d+/mcp); "
    r"send the header 'Authorization: Bearer (\S+)'$"
)


async def test_streamable_http_with_the_printed_token() -> None:
    server, line = start_http()
    watchdog = threading.Timer(60, server.kill)
    watchdog.start()
    try:
        found = LINE.match(line)
        assert found, line
        url, token = found.groups()
        assert len(token) >= 43
        async with httpx.AsyncClient(timeout=10) as http:
            refused = await http.post(url, json={}, headers={"Authorization": "Bearer wrong"})
            assert refused.status_code == 401
        client = httpx2.AsyncClient(headers={"Authorization": f"Bearer {token}"}, timeout=30)
        async with Client(streamable_http_client(url, http_client=client)) as session:
            tools = {tool.name for tool in (await session.list_tools()).tools}
            assert "run_task_and_wait" in tools and "upload_file" not in tools
            result = await session.call_tool(
                "run_task_and_wait", {"task": "Hi [[emulator:instant]]"}
            )
            assert result.structured_content["status"] == "finished"
    finally:
        watchdog.cancel()
        rest = stop(server)
    assert token not in rest  # written once: in the start-up line


async def test_a_token_given_in_the_environment_is_used_and_never_printed() -> None:
    token = "given-token-0123456789abcdef"
    server, line = start_http(env={**server_env(), "BROWSER_USE_MCP_TOKEN": token})
    watchdog = threading.Timer(60, server.kill)
    watchdog.start()
    try:
        assert token not in line and "<the token you gave>" in line
        url = line.split(" at ", 1)[1].split(";", 1)[0]
        async with httpx.AsyncClient(timeout=10) as http:
            headers = {"Accept": "application/json, text/event-stream"}
            answer = await http.post(url, json=INITIALIZE, headers=headers)
            assert answer.status_code == 401
            headers["Authorization"] = f"Bearer {token}"
            answer = await http.post(url, json=INITIALIZE, headers=headers)
            assert answer.status_code == 200, answer.text
    finally:
        watchdog.cancel()
        rest = stop(server)
    assert token not in rest


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--http"], {"BROWSER_USE_MCP_TOKEN": "short"}, "BROWSER_USE_MCP_TOKEN: the MCP token"),
        (["--http", "--allow-dir", "."], {}, "--allow-dir is for stdio"),
        (["--token-file", __file__], {}, "--token-file is for --http"),
    ],
)
def test_option_mistakes_exit_2(args: list[str], env: dict[str, str], expected: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "browser_use_cloud.mcp", "--local", *args],
        capture_output=True,
        text=True,
        env={**server_env(), **env},
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert expected in done.stderr and "Traceback" not in done.stderr


async def test_over_stdio_the_key_and_the_shell_settings_are_out_of_reach(
    tmp_path: Path,
) -> None:
    """The issue's attack through the real command: HOME is a folder of this test."""
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_rsa").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n")
    (home / ".bashrc").write_text("# settings\n")
    work = home / "work"
    work.mkdir()
    (work / "brief.pdf").write_bytes(b"%PDF-1.4 brief")
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "browser_use_cloud.mcp", "--local", "--allow-dir", str(work)],
        env={**server_env(), "HOME": str(home)},
        cwd=str(home),
    )
    async with Client(params) as session:
        stolen = await session.call_tool("upload_file", {"path": "~/.ssh/id_rsa"})
        assert stolen.is_error and "is outside" in stolen.content[0].text
        run = await session.call_tool("run_task_and_wait", {"task": "R [[emulator:files=a.sh]]"})
        overwrite = {
            "task_id": run.structured_content["task_id"],
            "file_name": "a.sh",
            "destination": "~/.bashrc",
            "overwrite": True,
        }
        written = await session.call_tool("download_output_file", overwrite)
        assert written.is_error and "is outside" in written.content[0].text
        allowed = await session.call_tool("upload_file", {"path": str(work / "brief.pdf")})
        assert not allowed.is_error, allowed.content[0].text
    assert (home / ".bashrc").read_text() == "# settings\n"


@pytest.mark.parametrize("allow", [False, True])
def test_started_from_home_without_allow_dir_it_warns(tmp_path: Path, allow: bool) -> None:
    args = ["--allow-dir", str(tmp_path)] if allow else []
    done = subprocess.run(  # stdin is empty: the server starts, reads EOF and ends
        [sys.executable, "-m", "browser_use_cloud.mcp", "--local", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**server_env(), "HOME": str(tmp_path)},
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in done.stderr
    warned = f"may reach everything under {tmp_path.resolve()}" in done.stderr
    assert warned is not allow, done.stderr


def test_without_the_mcp_package_the_cli_says_how_to_install_it() -> None:
    """The CLI loads the MCP package's command; that must not need the `mcp` SDK itself."""
    blocked = "import sys; sys.modules['mcp'] = None; from browser_use_cloud.cli import main; "
    done = subprocess.run(
        [sys.executable, "-c", blocked + "main(['mcp', '--local'])"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=server_env(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "pip install 'browser-use-cloud[mcp]'" in done.stderr
    assert "Traceback" not in done.stderr
