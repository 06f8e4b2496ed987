"""Cron validation, next-run arithmetic, the accelerated clock and the Scheduler."""

from __future__ import annotations

import enum
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from browser_use_cloud.emulator._scheduler import (
    EmulatorClock,
    Scheduler,
    next_run_at,
    validate_cron,
)

T0 = datetime(2025, 7, 1, 10, 0, tzinfo=UTC)


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


class FakeClock:
    def __init__(self, now: datetime = T0) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current += delta


# -- validate_cron -------------------------------------------------------------------------


@pytest.mark.parametrize("expr", ["*/5 * * * *", "0 9 * * 1-5", "30 2 1 */2 *", " 0  0 * * 0 "])
def test_valid_cron(expr: str) -> None:
    validate_cron(expr)


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ("* * * *", "has 4 field"),
        ("* * * * * *", "has 6 field"),
        ("@daily", "macros such as @daily are not accepted"),
        ("", "has 0 field"),
        ("61 * * * *", "minute field item '61' is not a valid value"),
        ("* 25 * * *", "hour field item '25'"),
        ("a b c d e", "minute field item 'a'"),
    ],
)
def test_invalid_cron(expr: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        validate_cron(expr)


# -- next_run_at ---------------------------------------------------------------------------


def interval(after: datetime, *, every: int = 15, end: datetime | None = None) -> datetime | None:
    return next_run_at(
        "interval",
        interval_minutes=every,
        cron_expression=None,
        start_at=T0,
        end_at=end,
        after=after,
    )


def test_interval_runs_on_the_grid_from_start() -> None:
    assert interval(T0 - minutes(60)) == T0
    assert interval(T0) == T0 + minutes(15)  # strictly after
    assert interval(T0 + minutes(7)) == T0 + minutes(15)
    assert interval(T0 + minutes(15)) == T0 + minutes(30)
    assert interval(T0 + minutes(15) - timedelta(microseconds=1)) == T0 + minutes(15)
    assert interval(T0 + timedelta(days=3, minutes=1)) == T0 + timedelta(days=3, minutes=15)


def test_interval_end_is_inclusive() -> None:
    assert interval(T0 + minutes(15), end=T0 + minutes(30)) == T0 + minutes(30)
    assert interval(T0 + minutes(15), end=T0 + minutes(29)) is None
    assert interval(T0 + minutes(30), end=T0 + minutes(30)) is None


@pytest.mark.parametrize("every", [None, 0, -5])
def test_interval_needs_positive_minutes(every: int | None) -> None:
    with pytest.raises(ValueError, match="interval_minutes >= 1"):
        next_run_at(
            "interval",
            interval_minutes=every,
            cron_expression=None,
            start_at=T0,
            end_at=None,
            after=T0,
        )


def cron(expr: str, after: datetime, *, start: datetime = T0, end: datetime | None = None) -> Any:
    return next_run_at(
        "cron", interval_minutes=None, cron_expression=expr, start_at=start, end_at=end, after=after
    )


def test_cron_next_match() -> None:
    assert cron("0 * * * *", T0 - minutes(90)) == T0  # a match exactly at start_at counts
    assert cron("0 * * * *", T0) == T0 + minutes(60)  # strictly after `after`
    assert cron("0 * * * *", T0, start=T0 + minutes(30)) == T0 + minutes(60)
    assert cron("*/20 * * * *", T0 + minutes(41)) == T0 + minutes(60)
    assert cron("0 12 * * *", T0) == datetime(2025, 7, 1, 12, 0, tzinfo=UTC)
    assert cron("0 9 * * 1", T0) == datetime(2025, 7, 7, 9, 0, tzinfo=UTC)  # next Monday


def test_cron_end_and_errors() -> None:
    assert cron("0 * * * *", T0, end=T0 + minutes(59)) is None
    assert cron("0 * * * *", T0, end=T0 + minutes(60)) == T0 + minutes(60)
    with pytest.raises(ValueError, match="need a cron_expression"):
        next_run_at(
            "cron", interval_minutes=None, cron_expression=None, start_at=T0, end_at=None, after=T0
        )
    with pytest.raises(ValueError, match="has 6 field"):
        cron("* * * * * *", T0)


def test_naive_datetimes_are_utc_and_enums_are_accepted() -> None:
    class ScheduleType(enum.StrEnum):
        INTERVAL = "interval"

    naive = T0.replace(tzinfo=None)
    result = next_run_at(
        ScheduleType.INTERVAL,
        interval_minutes=10,
        cron_expression=None,
        start_at=naive,
        end_at=None,
        after=naive,
    )
    assert result == T0 + minutes(10)
    assert result is not None and result.tzinfo is not None


def test_unknown_schedule_type() -> None:
    with pytest.raises(ValueError, match="unknown schedule_type 'weekly'"):
        next_run_at(
            "weekly", interval_minutes=1, cron_expression=None, start_at=T0, end_at=None, after=T0
        )


# -- EmulatorClock -------------------------------------------------------------------------


def test_clock_runs_fast() -> None:
    clock = EmulatorClock(time_scale=600.0, start=T0)
    first = clock.now()
    time.sleep(0.02)
    second = clock.now()
    assert first >= T0
    assert second - first >= timedelta(seconds=0.02 * 600)
    assert second.tzinfo is not None


def test_clock_defaults_to_real_utc_now() -> None:
    clock = EmulatorClock()
    assert abs((clock.now() - datetime.now(UTC)).total_seconds()) < 5


def test_clock_rejects_bad_scale() -> None:
    with pytest.raises(ValueError, match="time_scale must be > 0"):
        EmulatorClock(time_scale=0)


# -- Scheduler with a fake clock -------------------------------------------------------------


def every(minutes_: int, **extra: Any) -> dict[str, Any]:
    return {
        "schedule_type": "interval",
        "interval_minutes": minutes_,
        "cron_expression": None,
        "start_at": T0,
        "end_at": None,
        "is_active": True,
        **extra,
    }


def make() -> tuple[FakeClock, Scheduler, list[str]]:
    clock = FakeClock(T0 - minutes(1))
    fired: list[str] = []
    return clock, Scheduler(clock, fired.append), fired


def test_fires_once_per_due_run() -> None:
    clock, scheduler, fired = make()
    assert scheduler.upsert("s1", every(10)) == T0
    assert scheduler.run_due() == []
    clock.advance(minutes(1))
    assert scheduler.run_due() == ["s1"]
    assert scheduler.run_due() == []  # not twice for the same run
    assert scheduler.next_run_at("s1") == T0 + minutes(10)
    clock.advance(minutes(35))  # runs at +10, +20, +30 are all due
    assert scheduler.run_due() == ["s1", "s1", "s1"]
    assert fired == ["s1"] * 4
    assert scheduler.next_run_at("s1") == T0 + minutes(40)


def test_cron_schedule_fires_at_matches() -> None:
    clock, scheduler, fired = make()
    fields = every(0, schedule_type="cron", interval_minutes=None, cron_expression="30 * * * *")
    assert scheduler.upsert("c", fields) == T0 + minutes(30)
    clock.advance(minutes(31))
    scheduler.run_due()
    clock.advance(minutes(60))
    scheduler.run_due()
    assert fired == ["c", "c"]
    assert scheduler.next_run_at("c") == T0 + minutes(150)


def test_inactive_schedules_skip_runs_without_replaying_them() -> None:
    clock, scheduler, fired = make()
    scheduler.upsert("s", every(10, is_active=False))
    clock.advance(minutes(31))
    assert scheduler.run_due() == []
    assert scheduler.next_run_at("s") == T0 + minutes(40)
    scheduler.upsert("s", every(10, is_active=True))
    assert scheduler.run_due() == []  # the runs missed while inactive are not replayed
    clock.advance(minutes(10))
    assert scheduler.run_due() == ["s"]
    assert fired == ["s"]


def test_end_at_and_remove() -> None:
    clock, scheduler, _ = make()
    scheduler.upsert("ends", every(10, end_at=T0 + minutes(10)))
    scheduler.upsert("gone", every(10))
    clock.advance(minutes(60))
    scheduler.remove("gone")
    scheduler.remove("never-added")
    assert scheduler.run_due() == ["ends", "ends"]
    assert scheduler.next_run_at("ends") is None
    with pytest.raises(KeyError):
        scheduler.next_run_at("gone")


def test_start_at_defaults_to_now_and_end_at_in_the_past() -> None:
    clock, scheduler, _ = make()
    now = clock.now()
    assert scheduler.upsert("s", every(5, start_at=None)) == now + minutes(5)
    assert scheduler.upsert("late", every(5, end_at=now - minutes(1))) is None


def test_upsert_rejects_invalid_schedules() -> None:
    _, scheduler, _ = make()
    with pytest.raises(ValueError, match="minute field item '99'"):
        scheduler.upsert("bad", every(0, schedule_type="cron", cron_expression="99 * * * *"))
    with pytest.raises(ValueError, match="interval_minutes"):
        scheduler.upsert("bad", every(0))
    with pytest.raises(KeyError):
        scheduler.next_run_at("bad")


def test_a_failing_callback_does_not_stop_other_runs() -> None:
    clock = FakeClock(T0)
    seen: list[str] = []

    def on_due(schedule_id: str) -> None:
        seen.append(schedule_id)
        if schedule_id == "a":
            raise RuntimeError("boom")

    scheduler = Scheduler(clock, on_due)
    scheduler.upsert("a", every(10))
    scheduler.upsert("b", every(10))
    clock.advance(minutes(10))
    assert scheduler.run_due() == ["a", "b"]
    assert seen == ["a", "b"]


# -- Scheduler on a real thread with time acceleration -------------------------------------------


def test_thread_fires_with_accelerated_time() -> None:
    clock = EmulatorClock(time_scale=600.0)  # one emulated minute every 0.1 s
    fired: list[str] = []
    enough = threading.Event()

    def on_due(schedule_id: str) -> None:
        fired.append(schedule_id)
        if len(fired) >= 3:
            enough.set()

    scheduler = Scheduler(clock, on_due, tick=0.01)
    first = scheduler.upsert("s", every(1, start_at=clock.now()))
    scheduler.start()
    try:
        assert enough.wait(5), f"only {len(fired)} run(s) fired"
    finally:
        scheduler.stop()
    count = len(fired)
    time.sleep(0.15)
    assert len(fired) == count  # stopped means stopped
    assert set(fired) == {"s"}
    after = scheduler.next_run_at("s")
    assert first is not None and after is not None
    assert after >= first + minutes(3)
