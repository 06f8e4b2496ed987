"""`run`: live/plain progress, output, exit codes, local mode, Ctrl-C."""

from __future__ import annotations

import contextlib
import json
import os
import pty
import re
import signal
import subprocess
import sys
from pathlib import Path

from cli_helpers import CLI, KEY, Cli, assert_clean_error, cli_env, lines, run_cli

from browser_use_cloud import BrowserUse
from browser_use_cloud.emulator import Emulator, EmulatorConfig

STEP_LINE = re.compile(r"^step (\d+) \[\d\d:\d\d\] .+")
CREATED = re.compile(r"^task (\S+) created$")
SCHEMA = {
    "type": "object",
    "properties": {"title": {"type": "string"}, "points": {"type": "integer"}},
    "required": ["title", "points"],
}


def test_piped_run_prints_plain_step_lines_then_the_output(cli: Cli, client: BrowserUse) -> None:
    result = cli("run", "Find the top story [[emulator:steps=4]]")
    assert result.returncode == 0, result.stderr
    out = lines(result.stdout)
    steps = [int(m.group(1)) for line in out if (m := STEP_LINE.match(line))]
    assert steps == [1, 2, 3, 4]
    assert "\x1b[" not in result.stdout  # no terminal control sequences when piped
    task_id = CREATED.match(out[0]).group(1)  # type: ignore[union-attr]
    task = client.tasks.get(task_id)
    assert task.status == "finished"
    assert out[-1] == task.output
    assert "finished" in out[-2]


def test_json_mode_prints_the_task_and_sends_progress_to_stderr(cli: Cli) -> None:
    result = cli("run", "Read the news [[emulator:steps=2]]", "--json")
    assert result.returncode == 0, result.stderr
    task = json.loads(result.stdout)
    assert task["status"] == "finished"
    assert len(task["steps"]) == 2
    assert any(STEP_LINE.match(line) for line in lines(result.stderr))


def test_structured_output_is_printed_as_pretty_json(cli: Cli, tmp_path: Path) -> None:
    schema_file = tmp_path / "story.schema.json"
    schema_file.write_text(json.dumps(SCHEMA))
    result = cli("run", "Top story and its points", "--schema", str(schema_file))
    assert result.returncode == 0, result.stderr
    start = result.stdout.index("{\n")
    parsed = json.loads(result.stdout[start:])
    assert isinstance(parsed["title"], str) and isinstance(parsed["points"], int)
    inline = cli("run", "Top story", "--schema-json", json.dumps(SCHEMA), "--json")
    assert json.loads(json.loads(inline.stdout)["output"]).keys() == {"title", "points"}


def test_options_reach_the_task(cli: Cli, client: BrowserUse, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("remember the milk\n")
    result = cli(
        "run",
        "Use the notes",
        "--file",
        str(notes),
        "--allowed-domain",
        "example.com",
        "--model",
        "gpt-4.1",
        "--secret",
        "password=hunter2",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    task = json.loads(result.stdout)
    assert task["user_uploaded_files"] == ["notes.txt"]
    assert "hunter2" not in result.stdout + result.stderr


def test_run_file_checks_the_other_options_before_uploading(
    cli: Cli, emulator: Emulator, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("remember the milk\n")
    result = cli("run", "x", "--file", str(notes), "--allowed-domain", "https://example.com")
    line = assert_clean_error(result, 2)
    assert "has a scheme" in line
    assert not emulator.state.store.exists("uploads/notes.txt")


def test_a_failed_task_exits_1(cli: Cli) -> None:
    result = cli("run", "Break [[emulator:fail]]")
    line = assert_clean_error(result, 1)
    assert "failed" in line


# The emulator cannot write twelve digits for a field called "code", so the output it
# finishes with does not match: the finished-but-unusable case a user must be able to recover.
UNMATCHABLE = {
    "type": "object",
    "properties": {"code": {"type": "string", "pattern": "^[0-9]{12}$"}},
    "required": ["code"],
}


def test_output_that_does_not_match_the_schema_exits_6_and_keeps_the_task(
    cli: Cli, client: BrowserUse
) -> None:
    schema = json.dumps(UNMATCHABLE)
    as_json = cli("run", "Read the code [[emulator:steps=2]]", "--schema-json", schema, "--json")
    line = assert_clean_error(as_json, 6)
    task = json.loads(as_json.stdout)  # the task JSON on stdout, as for a failed task (exit 1)
    assert task["status"] == "finished" and task["output"]
    assert client.tasks.get(task["id"]).output == task["output"]
    assert f"task {task['id']}" in line  # stderr names the task
    assert line.count("does not match the schema") == 1, line  # said once
    plain = cli("run", "Read the code [[emulator:steps=2]]", "--schema-json", schema)
    plain_line = assert_clean_error(plain, 6)
    task_id = CREATED.match(lines(plain.stdout)[0]).group(1)  # type: ignore[union-attr]
    assert f"task {task_id}" in plain_line
    assert lines(plain.stdout)[-1] == client.tasks.get(task_id).output  # the raw output


def test_timeout_stops_the_task_and_exits_4(cli: Cli, client: BrowserUse) -> None:
    result = cli("run", "Take long [[emulator:steps=500]]", "--wait-timeout", "0.3")
    line = assert_clean_error(result, 4)
    assert "it was stopped" in line
    task_id = CREATED.match(lines(result.stdout)[0]).group(1)  # type: ignore[union-attr]
    assert client.tasks.status(task_id) == "stopped"


def test_without_key_or_url_run_uses_the_builtin_emulator() -> None:
    result = run_cli("run", "Offline please [[emulator:steps=2]]")
    assert result.returncode == 0, result.stderr
    notice = [line for line in lines(result.stderr) if "built-in emulator" in line]
    assert len(notice) == 1 and "http://127.0.0.1:" in notice[0]
    assert sum(bool(STEP_LINE.match(line)) for line in lines(result.stdout)) == 2


def test_each_local_run_gets_a_new_task_id() -> None:
    ids = set()
    for _ in range(2):
        result = run_cli("run", "--local", "Same words [[emulator:instant]]", "--json")
        assert result.returncode == 0, result.stderr
        ids.add(json.loads(result.stdout)["id"])
    assert len(ids) == 2


def test_local_flag_wins_over_a_configured_service() -> None:
    env = cli_env(BROWSER_USE_API_KEY="bu_real", BROWSER_USE_BASE_URL="http://127.0.0.1:9/api/v1")
    result = run_cli("run", "--local", "Offline [[emulator:instant]]", env=env)
    assert result.returncode == 0, result.stderr
    assert "--local" in result.stderr and "built-in emulator" in result.stderr


def test_terminal_output_uses_the_live_display(emulator: Emulator) -> None:
    pid, fd = pty.fork()
    if pid == 0:  # child: the CLI on a pseudo-terminal
        env = cli_env(TERM="xterm-256color", COLUMNS="120")
        args = ["--base-url", emulator.base_url, "--api-key", KEY]
        os.execve(sys.executable, [*CLI, *args, "run", "Go [[emulator:steps=3]]"], env)
    output = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    text = output.decode()
    assert "\x1b[?25l" in text  # the live display hides the cursor...
    assert "\x1b[2K" in text  # ...and redraws its lines
    assert "running" in text and "step 3" in text
    assert not any(STEP_LINE.match(line) for line in text.splitlines())  # not the piped format


def _start(emulator: Emulator, task: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [*CLI, "--base-url", emulator.base_url, "--api-key", KEY, "run", task],
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    match = CREATED.match(process.stdout.readline().strip())
    assert match, "the first line names the task"
    return process, match.group(1)


def test_ctrl_c_stops_the_remote_task_and_exits_130(emulator: Emulator) -> None:
    process, task_id = _start(emulator, "Long one [[emulator:steps=1000]]")
    assert process.stdout is not None
    assert STEP_LINE.match(process.stdout.readline())  # it is streaming
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "Traceback" not in stderr
    assert f"task {task_id} was stopped" in stderr
    with BrowserUse(api_key=KEY, base_url=emulator.base_url) as sdk:
        assert sdk.tasks.status(task_id) == "stopped"


def test_a_second_ctrl_c_leaves_without_waiting_for_the_stop() -> None:
    slow = EmulatorConfig(step_interval=0.02, faults="slow=1.0,slow_seconds=3")
    with Emulator(slow) as emulator:
        process, _ = _start(emulator, "Slow one [[emulator:steps=1000]]")
        process.send_signal(signal.SIGINT)  # during a 3 s poll: starts a 3 s stop request
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=1.0)
        process.send_signal(signal.SIGINT)  # while the stop request is in flight
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "Interrupted again" in stderr
    assert "was stopped" not in stderr
    assert "Traceback" not in stderr
