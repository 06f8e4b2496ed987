"""`tasks ...`: list, get, status, steps, pause/resume/stop, media, files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import Cli, lines

from browser_use_cloud import BrowserUse


def _finished(client: BrowserUse, text: str = "look something up") -> str:
    handle = client.tasks.create(text)
    handle.wait(wait_timeout=30)
    return handle.id


def test_list_shows_tasks_newest_first(cli: Cli, client: BrowserUse) -> None:
    older = client.tasks.create("first [[emulator:instant]]").id
    newer = client.tasks.create("second [[emulator:instant]]").id
    table = lines(cli("tasks", "list").stdout)
    assert table[0].split("\t") == ["ID", "STATUS", "CREATED", "TASK"]
    assert [row.split("\t")[0] for row in table[1:]] == [newer, older]
    data = json.loads(cli("tasks", "list", "--limit", "1", "--json").stdout)
    assert [t["id"] for t in data["tasks"]] == [newer]
    assert data["total_count"] == 2 and data["total_pages"] == 2


def test_get_and_status(cli: Cli, client: BrowserUse) -> None:
    task_id = _finished(client)
    record = cli("tasks", "get", task_id).stdout
    assert f"id        {task_id}" in record or task_id in record.splitlines()[0]
    assert "finished" in record
    data = json.loads(cli("tasks", "get", task_id, "--json").stdout)
    assert data["id"] == task_id and data["status"] == "finished"
    assert cli("tasks", "status", task_id).stdout.strip() == "finished"
    assert json.loads(cli("tasks", "status", task_id, "--json").stdout) == "finished"


def test_steps_lists_every_step(cli: Cli, client: BrowserUse) -> None:
    task_id = _finished(client, "four steps [[emulator:steps=4]]")
    out = lines(cli("tasks", "steps", task_id).stdout)
    assert [line.split()[1] for line in out] == ["1", "2", "3", "4"]
    assert all(line.startswith("step ") for line in out)
    data = json.loads(cli("tasks", "steps", task_id, "--json").stdout)
    assert [s["step"] for s in data] == [1, 2, 3, 4]


def test_steps_follow_streams_until_the_task_ends(cli: Cli, client: BrowserUse) -> None:
    task_id = client.tasks.create("follow me [[emulator:steps=5]]").id
    out = lines(cli("tasks", "steps", task_id, "--follow").stdout)
    assert [line.split()[1] for line in out] == ["1", "2", "3", "4", "5"]
    assert client.tasks.status(task_id) == "finished"


@pytest.mark.parametrize("emulator", [0.1], indirect=True)  # 20 s of steps, not 4 s: the
def test_pause_resume_stop(cli: Cli, client: BrowserUse) -> None:  # task outlives 3 CLI starts
    handle = client.tasks.create("long [[emulator:steps=200]]", max_agent_steps=200)
    next(iter(handle.steps()))  # running, not just created
    task_id = handle.id
    paused = cli("tasks", "pause", task_id)
    assert paused.stdout.strip() == f"task {task_id} paused"
    assert client.tasks.status(task_id) == "paused"
    cli("tasks", "resume", task_id)
    assert client.tasks.status(task_id) == "running"
    stopped = cli("tasks", "stop", task_id)
    assert stopped.returncode == 0
    assert client.tasks.status(task_id) == "stopped"


def test_stopping_a_finished_task_reports_the_conflict(cli: Cli, client: BrowserUse) -> None:
    task_id = _finished(client)
    result = cli("tasks", "stop", task_id)
    assert result.returncode == 5
    assert "Error: the API refused the request (409)" in result.stderr
    assert "Traceback" not in result.stderr


def test_media_screenshots_and_gif(cli: Cli, client: BrowserUse) -> None:
    task_id = _finished(client, "pictures please [[emulator:steps=3]]")
    media = json.loads(cli("tasks", "media", task_id, "--json").stdout)
    assert list(media["recordings"]) == list(client.tasks.media(task_id).recordings or ())
    shots = cli("tasks", "screenshots", task_id)
    expected = list(client.tasks.screenshots(task_id) or ())
    assert expected and lines(shots.stdout) == expected
    gif = cli("tasks", "gif", task_id, "--json")
    assert json.loads(gif.stdout) == {"gif": client.tasks.gif(task_id)}


def test_download_saves_an_output_file(cli: Cli, client: BrowserUse, tmp_path: Path) -> None:
    task_id = _finished(client, "make files [[emulator:files=report.csv]]")
    target = tmp_path / "out.csv"
    result = cli("tasks", "download", task_id, "report.csv", "-o", str(target))
    assert result.returncode == 0, result.stderr
    expected = tmp_path / "expected.csv"
    client.tasks.download_output_file(task_id, "report.csv", expected)
    assert target.read_bytes() == expected.read_bytes() and target.stat().st_size > 0
    assert f"saved {target}" in result.stderr
    to_stdout = cli("tasks", "download", task_id, "report.csv", "-o", "-")
    assert to_stdout.stdout.encode() == expected.read_bytes()


@pytest.mark.parametrize("verb", ["get", "stop"])
def test_unknown_task_ids_are_named_in_the_404(cli: Cli, verb: str) -> None:
    result = cli("tasks", verb, "no-such-task")
    assert result.returncode == 5
    assert "task 'no-such-task' was not found (404)" in result.stderr
