"""Scheduled tasks follow the vendor docs, and the client and the emulator apply the same rules.

- `end_at` defaults to one year from now (the docs), not to a year after `start_at`;
- a schedule that would end before it could run (its end in the past) is refused;
- a schedule is interval or cron, never both: the client's update switches cleanly (it
  names the new type, the emulator drops the old type's field) and the emulator refuses
  a request that would store a mix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from dateutil.relativedelta import relativedelta

from browser_use_cloud import BrowserUse, InputError
from browser_use_cloud.emulator import Emulator

from .conftest import Api


@pytest.fixture
def client(emulator: Emulator) -> Iterator[BrowserUse]:
    with BrowserUse(api_key="test-key", base_url=emulator.base_url) as client:
        yield client


def _iso(value: dt.datetime) -> str:
    return value.isoformat()


def _create(api: Api, expect: int = 200, **fields: Any) -> Any:
    body = {"task": "Check the news", "schedule_type": "interval", "interval_minutes": 60}
    return api.json("create_scheduled_task", json={**body, **fields}, expect=expect)


def test_end_at_defaults_to_one_year_from_now(api: Api) -> None:
    created = _create(api)
    got = api.json("get_scheduled_task", {"task_id": created["id"]})
    made = dt.datetime.fromisoformat(got["created_at"])
    assert dt.datetime.fromisoformat(got["end_at"]) == made + relativedelta(years=1)


def test_end_at_defaults_to_one_year_from_now_even_with_a_later_start(
    api: Api, emulator: Emulator
) -> None:
    start = emulator.state.clock.now() + dt.timedelta(days=30)
    created = _create(api, start_at=_iso(start))
    got = api.json("get_scheduled_task", {"task_id": created["id"]})
    made = dt.datetime.fromisoformat(got["created_at"])
    assert dt.datetime.fromisoformat(got["end_at"]) == made + relativedelta(years=1)
    assert dt.datetime.fromisoformat(got["start_at"]) == start


def test_a_start_beyond_the_default_end_needs_an_end_at(api: Api, emulator: Emulator) -> None:
    start = emulator.state.clock.now() + dt.timedelta(days=400)
    detail = _create(api, expect=422, start_at=_iso(start))["detail"]
    assert [e["loc"] for e in detail] == [["body", "end_at"]]
    assert "one year from now" in detail[0]["msg"]


def test_a_schedule_over_before_it_starts_is_refused_on_both_sides(
    api: Api, client: BrowserUse, emulator: Emulator
) -> None:
    now = emulator.state.clock.now()
    start, end = now - dt.timedelta(days=2), now - dt.timedelta(days=1)
    detail = _create(api, expect=422, start_at=_iso(start), end_at=_iso(end))["detail"]
    assert [e["loc"] for e in detail] == [["body", "end_at"]]
    assert "in the past" in detail[0]["msg"]
    before = client.scheduled_tasks.list().total_count
    with pytest.raises(InputError, match=r"end_at .* is in the past"):
        client.scheduled_tasks.create("x", interval_minutes=5, start_at=start, end_at=end)
    assert client.scheduled_tasks.list().total_count == before


def test_moving_the_end_into_the_past_is_refused_on_both_sides(
    api: Api, client: BrowserUse, emulator: Emulator
) -> None:
    schedule_id = _create(api)["id"]
    past = emulator.state.clock.now() - dt.timedelta(hours=1)
    api.call(
        "update_scheduled_task", {"task_id": schedule_id}, json={"end_at": _iso(past)}, expect=422
    )
    with pytest.raises(InputError, match="in the past"):
        client.scheduled_tasks.update(schedule_id, end_at=past)


def test_update_cron_on_an_interval_schedule_switches_cleanly(client: BrowserUse) -> None:
    schedule_id = client.scheduled_tasks.create("x", interval_minutes=30)
    switched = client.scheduled_tasks.update(schedule_id, cron_expression="0 9 * * MON-FRI")
    assert switched.schedule_type == "cron"
    assert (switched.cron_expression, switched.interval_minutes) == ("0 9 * * MON-FRI", None)
    back = client.scheduled_tasks.update(schedule_id, interval_minutes=15)
    assert back.schedule_type == "interval"
    assert (back.interval_minutes, back.cron_expression) == (15, None)
    assert client.scheduled_tasks.get(schedule_id) == back


def test_update_with_both_kinds_of_schedule_is_refused_before_sending(
    client: BrowserUse,
) -> None:
    with pytest.raises(InputError, match=r"one of interval_minutes=N .* or cron_expression="):
        client.scheduled_tasks.update("s-1", interval_minutes=5, cron_expression="* * * * *")
    with pytest.raises(InputError, match="cron schedule takes cron_expression"):
        client.scheduled_tasks.update("s-1", schedule_type="cron", interval_minutes=5)


def test_the_emulator_refuses_to_store_a_mix(api: Api) -> None:
    schedule_id = _create(api)["id"]
    path = {"task_id": schedule_id}
    detail = api.json(
        "update_scheduled_task", path, json={"cron_expression": "0 9 * * *"}, expect=422
    )["detail"]
    assert [e["loc"] for e in detail] == [["body", "cron_expression"]]
    assert "schedule_type" in detail[0]["msg"]
    mixed = {"schedule_type": "interval", "interval_minutes": 5, "cron_expression": "0 9 * * *"}
    assert _create(api, expect=422, **mixed)["detail"][0]["loc"] == ["body", "cron_expression"]
    switched = api.json(
        "update_scheduled_task",
        path,
        json={"schedule_type": "cron", "cron_expression": "0 9 * * *"},
    )
    assert (switched["schedule_type"], switched["interval_minutes"]) == ("cron", None)


def test_switching_type_without_the_new_field_is_refused(api: Api) -> None:
    schedule_id = _create(api)["id"]
    response = api.call(
        "update_scheduled_task",
        {"task_id": schedule_id},
        json={"schedule_type": "cron"},
        expect=422,
    )
    assert isinstance(response, httpx.Response)
    got = api.json("get_scheduled_task", {"task_id": schedule_id})
    assert (got["schedule_type"], got["interval_minutes"]) == ("interval", 60)
