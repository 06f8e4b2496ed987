"""Scheduled-task input checks: cron syntax, intervals, start/end datetimes."""

from __future__ import annotations

import datetime as dt

import pytest
from croniter import croniter
from hypothesis import given
from hypothesis import strategies as st

from browser_use_cloud import InputError
from browser_use_cloud._input.cron import check_cron
from browser_use_cloud._input.scheduled_task_input import schedule_fields
from browser_use_cloud._input.validate import check_datetime

VALID = [
    "* * * * *",
    "*/5 * * * *",
    "0 9 * * MON-FRI",
    "0 0 1,15 * *",
    "30 2-22/4 * JAN-JUN 0",
    "15 10 * * 7",
    "5/10 * * * *",
    "0 12 * * sun",
    "0 0 29 2 *",
    "0 0 31 2 MON",
]
INVALID = [
    "* * * *",
    "* * * * * *",
    "60 * * * *",
    "* 24 * * *",
    "* * 0 * *",
    "* * 32 * *",
    "* * * 13 *",
    "* * * * 8",
    "*/0 * * * *",
    "5-1 * * * *",
    "a * * * *",
    "* * * FOO *",
    "1-2-3 * * * *",
    "",
    "@every_minute",
    "@daily",
    "@hourly",
    "² * * * *",
    "0 0 31 2 *",
    "0 0 31 4,6 *",
    "0 0 ? * *",
]


@pytest.mark.parametrize("expression", VALID)
def test_valid_cron_expressions(expression: str) -> None:
    assert check_cron(f"  {expression} ") == expression


@pytest.mark.parametrize("expression", INVALID)
def test_invalid_cron_expressions_name_the_problem(expression: str) -> None:
    with pytest.raises(InputError, match="cron_expression"):
        check_cron(expression)


FIELD = st.one_of(
    st.just("*"),
    st.integers(0, 70).map(str),
    st.tuples(st.integers(0, 40), st.integers(0, 40)).map(lambda t: f"{t[0]}-{t[1]}"),
    st.tuples(st.sampled_from(["*", "1-20"]), st.integers(0, 30)).map(lambda t: f"{t[0]}/{t[1]}"),
)


@given(st.lists(FIELD, min_size=5, max_size=5))
def test_agrees_with_croniter_on_numeric_expressions(fields: list[str]) -> None:
    expression = " ".join(fields)
    try:
        check_cron(expression)
        ours = True
    except InputError:
        ours = False
    if ours:  # whatever we accept, the reference parser accepts too
        assert croniter.is_valid(expression)


def test_schedule_type_follows_from_the_arguments() -> None:
    fields = schedule_fields(
        schedule_type=None,
        interval_minutes=15,
        cron_expression=None,
        start_at=None,
        end_at=None,
        creating=True,
    )
    assert fields == {"schedule_type": "interval", "interval_minutes": 15}
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)
    end = start + dt.timedelta(days=30)
    fields = schedule_fields(
        schedule_type=None,
        interval_minutes=None,
        cron_expression="0 9 * * *",
        start_at=start.isoformat().replace("+00:00", "Z"),
        end_at=end,
        creating=True,
    )
    assert fields == {
        "schedule_type": "cron",
        "cron_expression": "0 9 * * *",
        "start_at": start.isoformat(),
        "end_at": end.isoformat(),
    }


def test_an_end_in_the_past_is_refused() -> None:
    past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    for creating in (True, False):
        with pytest.raises(InputError, match="is in the past: the schedule would never run"):
            schedule_fields(
                schedule_type=None,
                interval_minutes=5,
                cron_expression=None,
                start_at=None,
                end_at=past,
                creating=creating,
            )


def test_an_update_names_the_type_of_the_field_it_changes() -> None:
    def update(**kwargs: object) -> dict[str, object]:
        fields: dict[str, object] = dict(
            schedule_type=None, interval_minutes=None, cron_expression=None, start_at=None
        )
        fields.update(kwargs)
        return schedule_fields(end_at=None, creating=False, **fields)  # type: ignore[arg-type]

    assert update(cron_expression="0 9 * * *") == {
        "schedule_type": "cron",
        "cron_expression": "0 9 * * *",
    }
    assert update(interval_minutes=5) == {"schedule_type": "interval", "interval_minutes": 5}
    assert update() == {}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "exactly one"),
        ({"interval_minutes": 5, "cron_expression": "* * * * *"}, "exactly one"),
        ({"interval_minutes": 0}, "interval_minutes"),
        ({"interval_minutes": True}, "interval_minutes"),
        ({"schedule_type": "interval"}, "needs interval_minutes"),
        ({"schedule_type": "cron", "interval_minutes": 5}, "not interval_minutes"),
        ({"schedule_type": "weekly", "interval_minutes": 5}, "allowed: cron, interval"),
        ({"interval_minutes": 5, "start_at": "2025-01-01T00:00:00"}, "timezone"),
        ({"interval_minutes": 5, "end_at": "next week"}, "ISO 8601"),
        (
            {
                "interval_minutes": 5,
                "start_at": "2025-02-01T00:00:00Z",
                "end_at": "2025-01-01T00:00:00Z",
            },
            "before end_at",
        ),
    ],
)
def test_bad_schedules_are_refused_before_sending(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {
        "schedule_type": None,
        "interval_minutes": None,
        "cron_expression": None,
        "start_at": None,
        "end_at": None,
    }
    args.update(kwargs)
    with pytest.raises(InputError, match=message):
        schedule_fields(creating=True, **args)  # type: ignore[arg-type]


def test_update_may_change_only_the_times() -> None:
    fields = schedule_fields(
        schedule_type=None,
        interval_minutes=None,
        cron_expression=None,
        start_at=None,
        end_at="2030-01-01T00:00:00+01:00",
        creating=False,
    )
    assert fields == {"end_at": "2030-01-01T00:00:00+01:00"}


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(InputError, match="timezone"):
        check_datetime("start_at", dt.datetime(2025, 1, 1))
