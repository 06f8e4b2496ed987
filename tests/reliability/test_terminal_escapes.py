"""Terminal escape injection: task text, output, step goals and URLs carrying OSC 52
(clipboard write), a window title, clear-screen and a forged OSC 8 link reach the CLI's human
output shown, never obeyed, on a terminal and piped; `--json` keeps the data exact."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from browser_use_cloud import BrowserUse
from browser_use_cloud.cli._terminal_text import json_terminal_safe, terminal_safe
from browser_use_cloud.emulator import Emulator, EmulatorConfig
from tests.reliability.reliability_helpers import RecordingServer, cli_env, run_cli

KEY = "test-key"
CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"  # OSC 52: put "pwned" on the clipboard
TITLE = "\x1b]0;pwned\x1b\\"  # OSC 0: the window title
CLEAR = "\x1b[2J\x1b[H"  # clear the screen, cursor home
LINK = "\x1b]8;;https://evil.example/\x1b\\safe.example\x1b]8;;\x1b\\"  # OSC 8 forged link
C1_CLIPBOARD = "\x9d52;c;cHduZWQ=\x9c"  # OSC 52 in its 8-bit (C1) form
HOSTILE = f"search for {CLIPBOARD} {TITLE} {CLEAR} {LINK} {C1_CLIPBOARD} done"
NEVER = ("\x1b]", "\x07", "\x9d", "\x9c", "\x1b[2J", "\x1b[H")
"""Sequences that must not reach the terminal (rich's own colour codes may)."""


def assert_harmless(text: str) -> None:
    for sequence in NEVER:
        assert sequence not in text, (sequence, text)


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(EmulatorConfig(step_interval=0.01, steps_per_task=3)) as emu:
        yield emu


@pytest.fixture
def task_id(emulator: Emulator) -> str:
    with BrowserUse(api_key=KEY, base_url=emulator.base_url) as client:
        task = client.tasks.run(HOSTILE)
    # the service really sent the sequences back, in every field the CLI shows
    assert CLIPBOARD in task.task and "\x1b" in (task.output or "")
    assert any("\x1b" in step.next_goal or "\x1b" in step.url for step in task.steps)
    return task.id


def on_a_terminal(*args: str, timeout: float = 60) -> str:
    """Run the CLI with stdout and stderr on a pseudo-terminal; return what it wrote."""
    leader, follower = pty.openpty()
    env = cli_env(COLUMNS="200", LINES="50", TERM="xterm-256color")
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "browser_use_cloud.cli", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.2)
            if ready:
                try:
                    data = os.read(leader, 65536)
                except OSError:  # the child closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
            elif process.poll() is not None:
                break
        assert process.wait(timeout=10) == 0, b"".join(chunks)
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
    return b"".join(chunks).decode("utf-8")


@pytest.mark.parametrize("command", [("tasks", "get"), ("tasks", "steps"), ("tasks", "list")])
def test_task_views_on_a_terminal_show_escapes_without_obeying_them(
    emulator: Emulator, task_id: str, command: tuple[str, ...]
) -> None:
    args = [*command, task_id] if command[1] != "list" else list(command)
    shown = on_a_terminal("--base-url", emulator.base_url, "--api-key", KEY, *args)
    assert_harmless(shown)
    if command[1] in ("get", "list"):  # the task text, its escapes visible in caret notation
        assert "^[]52;c;cHduZWQ=^G" in shown


@pytest.mark.parametrize("command", [("tasks", "get"), ("tasks", "steps"), ("tasks", "list")])
def test_piped_task_views_show_escapes_without_obeying_them(
    emulator: Emulator, task_id: str, command: tuple[str, ...]
) -> None:
    args = [*command, task_id] if command[1] != "list" else list(command)
    result = run_cli("--base-url", emulator.base_url, "--api-key", KEY, *args)
    assert result.returncode == 0, result.stderr
    assert_harmless(result.stdout + result.stderr)
    assert "^[]52;c;cHduZWQ=^G" in result.stdout or command[1] == "steps"


def test_piped_steps_stay_one_line_each(
    emulator: Emulator, task_id: str, recording_server: RecordingServer
) -> None:
    with BrowserUse(api_key=KEY, base_url=emulator.base_url) as client:
        task = dict(client.tasks.get(task_id).raw)
    task["steps"] = [dict(step) for step in task["steps"]]
    task["steps"][0]["next_goal"] = "look\nstep 99 [00:01] a forged line\r\nstep 100 another"
    body = json.dumps(task).encode()
    recording_server.respond = lambda seen: (200, {"Content-Type": "application/json"}, body)
    base = ("--base-url", recording_server.base_url, "--api-key", KEY)
    result = run_cli(*base, "tasks", "steps", task_id)
    assert result.returncode == 0, result.stderr
    shown = result.stdout.splitlines()
    assert len(shown) == len(task["steps"])
    assert all(line.startswith(f"step {n} ") for n, line in enumerate(shown, start=1))


def test_json_keeps_the_data_exact(emulator: Emulator, task_id: str) -> None:
    result = run_cli(
        "--base-url", emulator.base_url, "--api-key", KEY, "tasks", "get", task_id, "--json"
    )
    assert result.returncode == 0, result.stderr
    assert_harmless(result.stdout)
    assert json.loads(result.stdout)["task"] == HOSTILE


def test_run_live_view_and_output_on_a_terminal() -> None:
    shown = on_a_terminal("run", "--local", HOSTILE)
    assert_harmless(shown)
    assert "looked up '^[]52'" in shown  # the output names the search, escapes visible


def test_run_piped() -> None:
    result = run_cli("run", "--local", HOSTILE, env=cli_env(BROWSER_USE_EMULATOR_STEPS="3"))
    assert result.returncode == 0, result.stderr
    assert_harmless(result.stdout + result.stderr)


def test_an_error_detail_from_the_server_is_shown_not_obeyed(
    recording_server: RecordingServer,
) -> None:
    detail = json.dumps({"detail": f"refused {CLIPBOARD}{TITLE}"}).encode()
    recording_server.respond = lambda seen: (400, {"Content-Type": "application/json"}, detail)
    base = ("--base-url", recording_server.base_url, "--api-key", KEY)
    result = run_cli(*base, "tasks", "get", "abc")
    assert result.returncode == 5, result.stderr
    assert_harmless(result.stderr)
    assert "refused ^[]52;c;cHduZWQ=^G" in result.stderr


def test_caret_notation_and_exact_json() -> None:
    assert terminal_safe("a\x1b[2Jb\x07\x00\x7f\x9b1m\tc\nd\r\ne\rf") == (
        "a^[[2Jb^G^@^?^[[1m\tc\nd\ne^Mf"
    )
    assert terminal_safe("a\tb\nc\r\nd", one_line=True) == "a b c d"
    value = {"s": "é\x9d\x85\x7f\x1b ok"}
    text = json_terminal_safe(json.dumps(value, ensure_ascii=False))
    assert json.loads(text) == value and "é" in text
    assert not any(0x7F <= ord(char) <= 0x9F or ord(char) < 0x20 for char in text)
