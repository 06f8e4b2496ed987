"""`browser-use-cloud batch`: every line checked first, a flushed line per result, Ctrl-C and
kill -9 both leave OUT resumable, and --resume never creates a task twice for an input."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser_use_cloud.emulator import Emulator, EmulatorConfig

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_helpers import CLI, KEY, cli_env, run_cli


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(EmulatorConfig(step_interval=0.02, steps_per_task=3)) as emu:
        yield emu


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def out_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def batch(emu: Emulator, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return run_cli("--base-url", emu.base_url, "--api-key", KEY, "batch", *args, timeout=timeout)


def start_batch(emu: Emulator, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CLI, "--base-url", emu.base_url, "--api-key", KEY, "batch", *args],
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_lines(path: Path, count: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and len(path.read_text().splitlines()) >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"{path} never reached {count} lines")


def test_every_bad_line_is_named_and_nothing_is_sent(emulator: Emulator, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"task": "fine"}\n{"task": ""}\nnot json\n\n{"nope": 1}\n[1]\n')
    result = batch(emulator, str(source), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2, result.stderr
    for line in (2, 3, 5, 6):
        assert f"line {line}:" in result.stderr
    assert "line 1:" not in result.stderr and "nothing was sent" in result.stderr
    assert emulator.stats["requests"] == 0 and not (tmp_path / "out.jsonl").exists()


def test_a_line_per_result_and_a_summary(emulator: Emulator, tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        {"id": f"r{n}", "task": f"Find fact {n}", "max_agent_steps": 7} for n in range(6)
    ]
    rows.append({"task": "This one fails [[emulator:fail]]"})
    out = tmp_path / "out.jsonl"
    result = batch(emulator, str(write_jsonl(tmp_path / "in.jsonl", rows)), "-o", str(out))
    assert result.returncode == 1, result.stderr  # one task failed
    records = out_lines(out)
    assert sorted(r["line"] for r in records) == list(range(1, 8))
    by_line = {r["line"]: r for r in records}
    assert by_line[7]["status"] == "failed" and by_line[7]["error"]["type"] == "TaskFailedError"
    assert all(by_line[n]["status"] == "finished" and by_line[n]["output"] for n in range(1, 7))
    assert by_line[1]["id"] == "r0" and by_line[7]["id"] is None
    assert "6 finished, 1 failed" in result.stderr
    assert "done (" in result.stderr  # plain progress lines when piped
    steps = {
        t.request["max_agent_steps"]
        for t in emulator.state.tasks.values()
        if t.id != by_line[7]["task_id"]
    }
    assert steps == {7}


def test_csv_from_stdin_with_typed_cells(emulator: Emulator) -> None:
    text = (
        "id,task,max_agent_steps,allowed_domains,use_adblock\n"
        "a,Find a,7,example.com;*.example.org,true\n"
    )
    result = run_cli("--base-url", emulator.base_url, "--api-key", KEY, "batch", "-", stdin=text)
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    request = emulator.state.tasks[record["task_id"]].request
    assert request["max_agent_steps"] == 7 and request["use_adblock"] is True
    assert request["allowed_domains"] == ["example.com", "*.example.org"]


def test_resume_needs_out(emulator: Emulator, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"task": "x"}])
    result = batch(emulator, str(source), "--resume")
    assert result.returncode == 2 and "--resume needs -o" in result.stderr


def slow_rows(count: int) -> list[dict[str, object]]:
    return [
        {"id": f"row-{n}", "task": f"Check page {n} [[emulator:steps=40]]"} for n in range(count)
    ]


def test_kill_9_then_resume_creates_each_task_once(emulator: Emulator, tmp_path: Path) -> None:
    """The smoke version of benchmark row 8."""
    source = write_jsonl(tmp_path / "in.jsonl", slow_rows(12))
    out = tmp_path / "out.jsonl"
    process = start_batch(emulator, str(source), "-o", str(out), "--concurrency", "4")
    wait_for_lines(out, 4)
    process.kill()
    process.wait()
    assert 4 <= len(out_lines(out)) < 12
    result = batch(emulator, str(source), "-o", str(out), "--resume", "--concurrency", "4")
    assert result.returncode == 0, result.stderr
    records = out_lines(out)
    assert len(records) == 12
    assert Counter(r["id"] for r in records) == Counter(f"row-{n}" for n in range(12))
    assert len(emulator.state.tasks) == 12  # nothing billed twice
    assert any(r["reattached"] for r in records)  # running at the kill, re-attached after
    assert "skipped (already in OUT)" in result.stderr


def test_ctrl_c_stops_running_tasks_and_resume_finishes_the_rest(
    emulator: Emulator, tmp_path: Path
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", slow_rows(10))
    out = tmp_path / "out.jsonl"
    process = start_batch(emulator, str(source), "-o", str(out), "--concurrency", "3")
    wait_for_lines(out, 3)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    assert "resume with" in stderr
    live = [
        t
        for t in emulator.state.tasks.values()
        if t.status(time.monotonic()) not in ("finished", "failed", "stopped")
    ]
    assert live == []  # the running tasks were stopped
    written = len(out_lines(out))
    result = batch(emulator, str(source), "-o", str(out), "--resume", "--concurrency", "3")
    assert result.returncode == 0, result.stderr
    records = out_lines(out)
    assert len(records) == 10 and len({r["id"] for r in records}) == 10
    assert all(r["status"] == "finished" for r in records)
    finished = Counter(
        t.request["metadata"]["bu_request_id"]
        for t in emulator.state.tasks.values()
        if t.status(time.monotonic()) == "finished"
    )
    assert len(finished) == 10 and set(finished.values()) == {1}  # one finished task per input
    assert written >= 3


def test_out_is_created_readable_by_its_owner_only(emulator: Emulator, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"task": "Find a"}])
    out = tmp_path / "out.jsonl"
    assert batch(emulator, str(source), "-o", str(out)).returncode == 0
    assert out.stat().st_mode & 0o777 == 0o600


def test_jsonl_with_a_byte_order_mark_on_stdin(emulator: Emulator) -> None:
    text = '\ufeff{"id": "a", "task": "Find a"}\n{"id": "b", "task": "Find b"}\n'
    result = run_cli("--base-url", emulator.base_url, "--api-key", KEY, "batch", "-", stdin=text)
    assert result.returncode == 0, result.stderr
    assert sorted(json.loads(line)["id"] for line in result.stdout.splitlines()) == ["a", "b"]


def test_a_csv_cell_over_the_size_limit_is_named_by_its_line(
    emulator: Emulator, tmp_path: Path
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(f'task\nFind a\n"{"x" * (200 * 1024)}"\n')
    result = batch(emulator, str(source), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2, result.stderr
    assert "line 3: a cell is over 128 KiB" in result.stderr
    assert emulator.stats["requests"] == 0


def test_no_api_key_is_a_usage_error_not_the_emulator(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"task": "Find a"}])
    out = tmp_path / "out.jsonl"
    result = run_cli("batch", str(source), "-o", str(out))  # no key, no base URL
    assert result.returncode == 2, result.stderr
    assert "no API key" in result.stderr and "--local" in result.stderr
    assert not out.exists()
    local = run_cli("batch", str(source), "-o", str(out), "--local")
    assert local.returncode == 0, local.stderr
    assert len(out_lines(out)) == 1


def test_out_in_a_missing_folder_is_refused_before_anything_is_sent(
    emulator: Emulator, tmp_path: Path
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"task": "Find a"}])
    result = batch(emulator, str(source), "-o", str(tmp_path / "results" / "out.jsonl"))
    assert result.returncode == 2, result.stderr
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert emulator.stats["requests"] == 0


def test_an_out_with_results_needs_resume_or_overwrite(emulator: Emulator, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"task": "Find a"}, {"task": "Find b"}])
    out = tmp_path / "out.jsonl"
    assert batch(emulator, str(source), "-o", str(out)).returncode == 0
    first = out.read_text()
    again = batch(emulator, str(source), "-o", str(out))
    assert again.returncode == 2 and "--resume" in again.stderr and "--overwrite" in again.stderr
    assert out.read_text() == first and len(emulator.state.tasks) == 2
    both = batch(emulator, str(source), "-o", str(out), "--resume", "--overwrite")
    assert both.returncode == 2 and out.read_text() == first
    fresh = batch(emulator, str(source), "-o", str(out), "--overwrite")
    assert fresh.returncode == 0, fresh.stderr
    records = out_lines(out)  # one line per input; the first run's tasks re-attached, as map does
    assert len(records) == 2 and all(r["reattached"] for r in records)
    assert len(emulator.state.tasks) == 2


def test_help_has_one_exit_code_table_about_batch() -> None:
    result = run_cli("batch", "--help")
    assert result.returncode == 0
    assert result.stdout.count("Exit codes") == 1
    assert "webhooks verify" not in result.stdout and "--wait-timeout passed" not in result.stdout


def test_an_unknown_value_says_how_to_allow_it_in_the_file(
    emulator: Emulator, tmp_path: Path
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"task": "Find a", "llm_model": "gpt-99"}])
    result = batch(emulator, str(source), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2, result.stderr
    assert "line 1: llm_model='gpt-99'" in result.stderr
    assert '"allow_unknown": true' in result.stderr and "allow_unknown=True" not in result.stderr
