"""List endpoints: newest first, page/limit, consistent counters."""

from __future__ import annotations

import pytest

from .conftest import Api


@pytest.mark.emulator_config(step_interval=0.0)
def test_tasks_are_listed_newest_first_in_pages(api: Api) -> None:
    empty = api.json("list_tasks")
    assert empty == {"tasks": [], "total_pages": 0, "page": 1, "limit": 10, "total_count": 0}
    ids = [api.run(f"Task {i}") for i in range(7)]
    first = api.json("list_tasks", params={"page": 1, "limit": 3})
    assert [t["id"] for t in first["tasks"]] == ids[::-1][:3]
    assert (first["total_pages"], first["total_count"], first["limit"]) == (3, 7, 3)
    pages = [api.json("list_tasks", params={"page": p, "limit": 3})["tasks"] for p in (1, 2, 3)]
    assert [t["id"] for page in pages for t in page] == ids[::-1]
    assert len(pages[2]) == 1 and pages[2][0]["status"] == "finished"
    beyond = api.json("list_tasks", params={"page": 9, "limit": 3})
    assert beyond["tasks"] == [] and beyond["page"] == 9 and beyond["total_count"] == 7
    full = api.json("list_tasks", params={"limit": 100})
    assert full["total_pages"] == 1 and len(full["tasks"]) == 7


@pytest.mark.emulator_config(step_interval=0.0)
def test_profiles_and_schedules_pages(api: Api) -> None:
    for i in range(3):
        api.call("create_browser_profile", json={"profile_name": f"p{i}"})
        api.call(
            "create_scheduled_task",
            json={"task": f"s{i}", "schedule_type": "interval", "interval_minutes": 60},
        )
    profiles = api.json("list_browser_profiles", params={"limit": 2})
    assert [p["profile_name"] for p in profiles["profiles"]] == ["p2", "p1"]
    assert (profiles["total_pages"], profiles["total_count"]) == (2, 3)
    schedules = api.json("list_scheduled_tasks", params={"page": 2, "limit": 2})
    assert [s["task"] for s in schedules["tasks"]] == ["s0"]
