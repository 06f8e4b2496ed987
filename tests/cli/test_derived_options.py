"""The CLI follows the operation table: after a synthetic upstream release (a new task status
`queued`, an optional `status` filter on list-tasks, a new optional field on the profile
update request and on run-task), regenerated into a temporary tree, the commands show the
new choice, filter and options and send them (a recording server on loopback says what
arrived), with no hand edit. A bad value is refused before anything is sent."""

from __future__ import annotations

import copy
import importlib.util
import json
from collections.abc import Iterator
from typing import Any

import derive_operation_table
import pytest
from click.testing import CliRunner, Result

from browser_use_cloud._spec import operations as _operations
from browser_use_cloud.cli._app import cli
from browser_use_cloud.emulator import Emulator
from tests.conftest import load_spec
from tests.reliability.reliability_helpers import RecordingServer, Reply, Seen

NEW_STATUS = "queued"
PROFILE_FIELD = "dark_mode"  # boolean, on UpdateBrowserProfileRequest
RUN_FIELD = "priority"  # integer 1..5, on RunTaskRequest


def synthetic_release() -> dict[str, Any]:
    spec = copy.deepcopy(load_spec())
    schemas = spec["components"]["schemas"]
    schemas["TaskStatusEnum"]["enum"].append(NEW_STATUS)
    spec["paths"]["/api/v1/tasks"]["get"]["parameters"].append(
        {
            "name": "status",
            "in": "query",
            "required": False,
            "description": "Only tasks with this status.",
            "schema": {
                "anyOf": [{"$ref": "#/components/schemas/TaskStatusEnum"}, {"type": "null"}]
            },
        }
    )
    schemas["UpdateBrowserProfileRequest"]["properties"][PROFILE_FIELD] = {
        "anyOf": [{"type": "boolean"}, {"type": "null"}],
        "description": "Render pages in dark mode.",
    }
    schemas["RunTaskRequest"]["properties"][RUN_FIELD] = {
        "anyOf": [{"type": "integer", "minimum": 1, "maximum": 5}, {"type": "null"}],
        "description": "Queue priority, 1 (lowest) to 5.",
    }
    return spec


@pytest.fixture(scope="module")
def released_table(tmp_path_factory: pytest.TempPathFactory) -> _operations.Operations:
    """The table `nox -s regen`'s derive step writes for the release, loaded from its tree."""
    tree = tmp_path_factory.mktemp("release")
    spec_path = tree / "openapi.json"
    spec_path.write_text(json.dumps(synthetic_release()), encoding="utf-8")
    package = tree / "browser_use_cloud_api"
    package.mkdir()
    written = derive_operation_table.derive(spec_path, package)
    loader = importlib.util.spec_from_file_location("released_operation_table", written)
    assert loader is not None and loader.loader is not None
    module = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(module)
    return _operations.Operations(module.OPERATIONS)


@pytest.fixture
def released(
    released_table: _operations.Operations, monkeypatch: pytest.MonkeyPatch
) -> _operations.Operations:
    monkeypatch.setattr(_operations, "operations", lambda: released_table)
    return released_table


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    recording = RecordingServer()
    recording.respond = _answer
    yield recording
    recording.close()


TASK = {
    "id": "t1",
    "task": "hello",
    "output": "done",
    "status": "finished",
    "created_at": "2026-01-01T00:00:00Z",
    "finished_at": "2026-01-01T00:00:05Z",
    "steps": [],
}


def _profile() -> dict[str, Any]:
    """A profile as the service answers: the create request's defaults, named p1."""
    create = _operations.operations()["create_browser_profile"]
    defaults = {arg.name: arg.schema["default"] for arg in create.arguments if not arg.required}
    return {**defaults, "profile_id": "p1", "profile_name": "work"}


def _answer(seen: Seen) -> Reply:
    body: Any = {"detail": "Not Found"}
    status = 200
    if seen.path == "/api/v1/tasks":
        body = {"tasks": [], "total_pages": 0, "page": 1, "limit": 10, "total_count": 0}
    elif seen.path == "/api/v1/run-task":
        body = {"id": "t1"}
    elif seen.path == "/api/v1/task/t1/status":
        body = "finished"
    elif seen.path == "/api/v1/task/t1":
        body = TASK
    elif seen.path == "/api/v1/browser-profiles/p1":
        body = _profile()
    else:
        status = 404
    return status, {"Content-Type": "application/json"}, json.dumps(body).encode()


def invoke(server: RecordingServer | None, *args: str) -> Result:
    where = ["--api-key", "k", "--base-url", server.base_url] if server else []
    return CliRunner().invoke(cli, [*where, *args], terminal_width=200, catch_exceptions=False)


def _sent(server: RecordingServer, path: str) -> list[Seen]:
    return [seen for seen in server.seen if seen.path == path]


def test_tasks_status_help_lists_the_new_status(released: _operations.Operations) -> None:
    shown = invoke(None, "tasks", "status", "--help").output
    assert f"finished, stopped, paused, failed, {NEW_STATUS}" in shown


def test_tasks_list_offers_and_sends_the_new_filter(
    released: _operations.Operations, server: RecordingServer
) -> None:
    shown = invoke(None, "tasks", "list", "--help").output
    assert "--status VALUE" in shown and NEW_STATUS in shown.split("--status", 1)[1]
    done = invoke(server, "tasks", "list", "--status", NEW_STATUS, "--limit", "5")
    assert done.exit_code == 0, done.output
    assert [s.target for s in server.seen] == [f"/api/v1/tasks?page=1&limit=5&status={NEW_STATUS}"]


def test_profiles_update_offers_and_sends_the_new_field(
    released: _operations.Operations, server: RecordingServer
) -> None:
    shown = invoke(None, "profiles", "update", "--help").output
    assert "--dark-mode / --no-dark-mode" in shown and "Render pages in dark mode." in shown
    done = invoke(server, "profiles", "update", "p1", "--no-dark-mode", "--name", "work")
    assert done.exit_code == 0, done.output
    (sent,) = _sent(server, "/api/v1/browser-profiles/p1")
    assert json.loads(sent.body) == {"profile_name": "work", PROFILE_FIELD: False}


def test_run_offers_and_sends_the_new_field(
    released: _operations.Operations, server: RecordingServer
) -> None:
    assert "--priority N" in invoke(None, "run", "--help").output
    done = invoke(server, "run", "hello", "--priority", "4", "--json")
    assert done.exit_code == 0, done.output
    (sent,) = _sent(server, "/api/v1/run-task")
    body = json.loads(sent.body)
    assert body["task"] == "hello" and body[RUN_FIELD] == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("run", "hello", "--priority", "9"), "priority must be between 1 and 5, got 9"),
        (("run", "hello", "--priority", "x"), "'x' is not a valid integer"),
        (("run", "hello", "--metadata", "[1]"), "metadata must be a dict of str to str, got list"),
        (("run", "hello", "--metadata", "{oops"), "not valid JSON"),
    ],
)
def test_a_bad_derived_value_is_refused_before_anything_is_sent(
    released: _operations.Operations, server: RecordingServer, args: tuple[str, ...], message: str
) -> None:
    done = invoke(server, *args)
    assert done.exit_code == 2, done.output
    assert message in done.output
    assert server.seen == []


def test_the_packaged_table_gives_todays_options() -> None:
    shown = invoke(None, "tasks", "status", "--help").output
    assert NEW_STATUS not in shown and "running" in shown
    assert "--status" not in invoke(None, "tasks", "list", "--help").output
    assert "--dark-mode" not in invoke(None, "profiles", "update", "--help").output


def test_secrets_are_never_a_derived_option() -> None:
    """A secret on the command line is visible in the process list: `run` has its own."""
    for command in (("run",), ("schedules", "create"), ("schedules", "update")):
        assert "--secrets " not in invoke(None, *command, "--help").output


def test_todays_derived_options_reach_the_emulator(emulator: Emulator) -> None:
    """Options derived from the packaged table: run's --metadata and --enable-public-share
    (no hand-written option), and schedules update's --no-highlight-elements."""
    base = ["--api-key", "k", "--base-url", emulator.base_url]
    args = ["run", "hi [[emulator:instant]]", "--metadata", '{"team": "growth"}']
    done = CliRunner().invoke(cli, [*base, *args, "--enable-public-share", "--json"])
    assert done.exit_code == 0, done.output
    (task,) = emulator.state.tasks.values()
    assert task.request["metadata"] == {"team": "growth"}
    assert task.request["enable_public_share"] is True
    made = CliRunner().invoke(
        cli, [*base, "schedules", "create", "daily", "--interval-minutes", "60", "--json"]
    )
    assert made.exit_code == 0, made.output
    schedule_id = json.loads(made.output)["id"]
    changed = CliRunner().invoke(
        cli, [*base, "schedules", "update", schedule_id, "--no-highlight-elements"]
    )
    assert changed.exit_code == 0, changed.output
    assert emulator.state.schedules[schedule_id].request["highlight_elements"] is False
