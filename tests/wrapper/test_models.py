"""Result types: parsing, tolerance of unknown values, frozen, no UNSET."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest

from browser_use_cloud import Task, TaskStatus
from browser_use_cloud._models import (
    LLMModel,
    parse_balance,
    parse_browser_profile,
    parse_datetime,
    parse_page,
    parse_task,
    parse_task_summary,
)


def task_json(**extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "t1",
        "task": "find it",
        "status": "running",
        "output": None,
        "created_at": "2025-07-29T10:00:00.123456Z",
        "steps": [
            {
                "id": f"s{n}",
                "step": n,
                "evaluation_previous_goal": "ok",
                "next_goal": "next",
                "url": "https://example.com",
            }
            for n in (1, 2)
        ],
    }
    body.update(extra)
    return body


def test_task_parse_minimal_body_gives_none_for_absent_fields() -> None:
    task = parse_task(task_json())
    assert task.status is TaskStatus.RUNNING
    assert task.created_at == dt.datetime(2025, 7, 29, 10, 0, 0, 123456, tzinfo=dt.UTC)
    assert [s.step for s in task.steps] == [1, 2]
    assert task.finished_at is None and task.live_url is None and task.metadata is None
    assert task.browser_data is None and task.output_files is None


def test_unknown_status_and_fields_pass_through() -> None:
    task = parse_task(task_json(status="archived", brand_new_field=[1, 2]))
    assert task.status == "archived"
    assert isinstance(task.status, TaskStatus)
    assert not task.status.is_terminal
    assert task.raw is not None and task.raw["brand_new_field"] == [1, 2]
    assert LLMModel("gpt-9-ultra") == "gpt-9-ultra"


@pytest.mark.parametrize("value", ["gpt-9-ultra", "claude-5.1", "archived", 7])
def test_the_public_enums_are_the_generated_ones_with_one_open_rule(value: object) -> None:
    """The open-enum rule lives once, in the generated package's `OpenStrEnum` (the wrapper
    re-exports it and the generated enums, which cannot import the wrapper, are built on it)."""
    import browser_use_cloud_api.models as generated
    from browser_use_cloud._models import OpenStrEnum
    from browser_use_cloud_api.types import OpenStrEnum as GeneratedOpenStrEnum

    assert OpenStrEnum is GeneratedOpenStrEnum
    assert LLMModel is generated.LLMModel and issubclass(LLMModel, OpenStrEnum)
    if not isinstance(value, str):
        with pytest.raises(ValueError):
            LLMModel(value)
        return
    member = LLMModel(value)
    assert member.value == value and isinstance(member, LLMModel)
    assert member.name == value.upper().replace("-", "_").replace(".", "_")


def test_terminal_statuses() -> None:
    terminal = {s.value for s in TaskStatus if s.is_terminal}
    assert terminal == {"finished", "stopped", "failed"}


def test_models_are_frozen_and_compare_by_value() -> None:
    task = parse_task(task_json())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        task.status = TaskStatus.FINISHED  # type: ignore[misc]
    assert task == parse_task(task_json())
    assert attrs.evolve(task, output="x").output == "x"


def test_fast_construction_matches_init() -> None:
    task = parse_task(task_json(finished_at="2025-07-29T10:05:00+02:00", output_files=["a.txt"]))
    rebuilt = Task(**{f.name: getattr(task, f.name) for f in attrs.fields(Task)})
    assert rebuilt == task
    assert task.finished_at is not None and task.finished_at.utcoffset() == dt.timedelta(hours=2)
    assert task.output_files == ("a.txt",)


def test_naive_datetimes_are_taken_as_utc() -> None:
    assert parse_datetime("2025-01-02T03:04:05").tzinfo is dt.UTC
    assert parse_datetime("20250102T030405Z") == dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def test_missing_required_field_raises() -> None:
    body = task_json()
    del body["created_at"]
    with pytest.raises(KeyError):
        parse_task(body)


def test_page_and_summary() -> None:
    body = {
        "tasks": [task_json(id="a"), task_json(id="b")],
        "page": 1,
        "limit": 2,
        "total_pages": 3,
        "total_count": 5,
    }
    page = parse_page(body, "tasks", parse_task_summary)
    assert [t.id for t in page] == ["a", "b"]
    assert len(page) == 2 and page.has_next


@pytest.mark.parametrize(
    ("raw", "credits"), [("5000", Decimal(5000)), (1250, Decimal(1250)), ("12.5", Decimal("12.5"))]
)
def test_balance(raw: object, credits: Decimal) -> None:
    balance = parse_balance({"balance": raw})
    assert balance.credits == credits
    assert balance.usd == credits / 100


def test_balance_that_is_not_a_number_keeps_the_text() -> None:
    balance = parse_balance({"balance": "unlimited"})
    assert balance.credits is None and balance.raw == "unlimited" and balance.usd is None


def test_profile_with_new_country_code() -> None:
    profile = parse_browser_profile(
        {
            "profile_id": "p",
            "profile_name": "n",
            "description": "",
            "persist": True,
            "ad_blocker": True,
            "proxy": False,
            "proxy_country_code": "br",
            "browser_viewport_width": 1280,
            "browser_viewport_height": 960,
        }
    )
    assert profile.proxy_country_code == "br"


def test_step_raw_keeps_new_fields() -> None:
    body = task_json()
    body["steps"][1]["screenshot_url"] = "https://cdn.test/2.png"
    first, second = parse_task(body).steps
    assert first.raw["url"] == "https://example.com" and "screenshot_url" not in first.raw
    assert second.raw["screenshot_url"] == "https://cdn.test/2.png"
    assert second == attrs.evolve(second)
    assert "screenshot_url" not in repr(second)
