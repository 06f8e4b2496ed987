"""Scheduled tasks: CRUD with spec defaults, validation, and runs on an accelerated clock."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta

from browser_use_cloud.emulator import Emulator

from .conftest import Api

FAST_CLOCK = {"time_scale": 600.0}  # one emulated minute per 0.1 real second


def _create(api: Api, **fields: Any) -> str:
    body = {"task": "Check the news", "schedule_type": "interval", "interval_minutes": 60, **fields}
    schedule_id: str = api.json("create_scheduled_task", json=body)["id"]
    return schedule_id


def _runs(emulator: Emulator, schedule_id: str) -> list[str]:
    with emulator.state.lock:
        return [t.id for t in emulator.state.tasks.values() if t.schedule_id == schedule_id]


def _wait_for(predicate: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def test_create_get_defaults(api: Api) -> None:
    schedule_id = _create(api)
    got = api.json("get_scheduled_task", {"task_id": schedule_id})
    assert got["id"] == schedule_id and got["task"] == "Check the news"
    assert got["llm_model"] == "gpt-4.1"
    assert (got["use_adblock"], got["use_proxy"], got["highlight_elements"]) == (True, True, True)
    assert got["save_browser_data"] is False and got["is_active"] is True
    start, end = datetime.fromisoformat(got["start_at"]), datetime.fromisoformat(got["end_at"])
    assert end == datetime.fromisoformat(got["created_at"]) + relativedelta(years=1)
    assert start <= datetime.fromisoformat(got["next_run_at"]) <= start + timedelta(minutes=60)
    assert got["created_at"] == got["updated_at"]


def test_update_is_partial_and_delete_is_final(api: Api) -> None:
    schedule_id = _create(api, llm_model="o3", metadata={"team": "news"})
    updated = api.json(
        "update_scheduled_task",
        {"task_id": schedule_id},
        json={"task": "Check sports", "use_proxy": False, "interval_minutes": 30},
    )
    assert (updated["task"], updated["use_proxy"], updated["interval_minutes"]) == (
        "Check sports",
        False,
        30,
    )
    assert updated["llm_model"] == "o3" and updated["metadata"] == {"team": "news"}
    assert updated["updated_at"] >= updated["created_at"]
    assert api.json("get_scheduled_task", {"task_id": schedule_id}) == updated
    assert api.json("delete_scheduled_task", {"task_id": schedule_id}) == {}
    for op in ("get_scheduled_task", "delete_scheduled_task"):
        assert api.json(op, {"task_id": schedule_id}, expect=404) == {
            "detail": "Scheduled task not found"
        }
    missing = api.json("update_scheduled_task", {"task_id": schedule_id}, json={}, expect=404)
    assert missing == {"detail": "Scheduled task not found"}


@pytest.mark.parametrize(
    ("fields", "loc"),
    [
        ({"interval_minutes": None}, ["body", "interval_minutes"]),
        ({"interval_minutes": 0}, ["body", "interval_minutes"]),
        ({"schedule_type": "cron", "cron_expression": None}, ["body", "cron_expression"]),
        ({"schedule_type": "cron", "cron_expression": "61 * * * *"}, ["body", "cron_expression"]),
        ({"schedule_type": "cron", "cron_expression": "* * *"}, ["body", "cron_expression"]),
        ({"schedule_type": "weekly"}, ["body", "schedule_type"]),
        (
            {
                "interval_minutes": 5,
                "start_at": "2030-01-02T00:00:00Z",
                "end_at": "2030-01-01T00:00:00Z",
            },
            ["body", "end_at"],
        ),
    ],
)
def test_invalid_schedules_are_422(api: Api, fields: dict[str, Any], loc: list[str]) -> None:
    detail = api.json(
        "create_scheduled_task",
        json={"task": "t", "schedule_type": "interval", **fields},
        expect=422,
    )
    assert [e["loc"] for e in detail["detail"]] == [loc]


def test_invalid_update_changes_nothing(api: Api) -> None:
    schedule_id = _create(api)
    before = api.json("get_scheduled_task", {"task_id": schedule_id})
    api.call(
        "update_scheduled_task",
        {"task_id": schedule_id},
        json={"schedule_type": "cron"},
        expect=422,
    )
    api.call(
        "update_scheduled_task",
        {"task_id": schedule_id},
        json={"cron_expression": "0 9 * * *"},  # a cron field on an interval schedule
        expect=422,
    )
    assert api.json("get_scheduled_task", {"task_id": schedule_id}) == before


def test_cron_schedule_reports_next_run(api: Api) -> None:
    schedule_id = _create(
        api, schedule_type="cron", cron_expression="0 9 * * 1", interval_minutes=None
    )
    got = api.json("get_scheduled_task", {"task_id": schedule_id})
    next_run = datetime.fromisoformat(got["next_run_at"])
    assert (next_run.weekday(), next_run.hour, next_run.minute) == (0, 9, 0)


@pytest.mark.emulator_config(**FAST_CLOCK)
def test_interval_schedule_runs_tasks_and_stops_when_inactive(emulator: Emulator, api: Api) -> None:
    schedule_id = _create(api, interval_minutes=1, task="Scheduled run [[emulator:instant]]")
    _wait_for(lambda: len(_runs(emulator, schedule_id)) >= 3)
    run = api.json("get_task", {"task_id": _runs(emulator, schedule_id)[0]})
    assert run["task"] == "Scheduled run [[emulator:instant]]" and run["status"] == "finished"
    api.call("update_scheduled_task", {"task_id": schedule_id}, json={"is_active": False})
    time.sleep(0.05)
    count = len(_runs(emulator, schedule_id))
    time.sleep(0.3)
    assert len(_runs(emulator, schedule_id)) == count
    assert api.json("get_scheduled_task", {"task_id": schedule_id})["is_active"] is False


@pytest.mark.emulator_config(**FAST_CLOCK)
def test_start_and_end_are_respected(emulator: Emulator, api: Api) -> None:
    now = emulator.state.clock.now()
    later = _create(api, interval_minutes=1, start_at=(now + timedelta(hours=2)).isoformat())
    start = now + timedelta(minutes=1)
    bounded = _create(
        api,
        interval_minutes=1,
        start_at=start.isoformat(),
        end_at=(start + timedelta(minutes=2)).isoformat(),
        task="Bounded [[emulator:instant]]",
    )
    _wait_for(lambda: emulator.state.clock.now() > start + timedelta(minutes=4))
    assert len(_runs(emulator, bounded)) == 3  # at start, +1 and +2 minutes
    assert _runs(emulator, later) == []
    assert api.json("get_scheduled_task", {"task_id": bounded})["is_active"] is False


@pytest.mark.emulator_config(**FAST_CLOCK)
def test_deleting_lets_running_instances_finish(emulator: Emulator, api: Api) -> None:
    schedule_id = _create(api, interval_minutes=1, task="Long scheduled [[emulator:steps=8]]")
    _wait_for(lambda: _runs(emulator, schedule_id) != [])
    api.call("delete_scheduled_task", {"task_id": schedule_id})
    runs = _runs(emulator, schedule_id)
    assert api.finish(runs[0])["status"] == "finished"
    time.sleep(0.3)
    assert _runs(emulator, schedule_id) == runs
