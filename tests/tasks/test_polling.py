"""Poll schedule: adaptive intervals and the deadline, on a fake clock."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from browser_use_cloud._exceptions import InputError
from browser_use_cloud._policies.polling import (
    STREAM_POLICY,
    WAIT_POLICY,
    PollPolicy,
    PollSchedule,
)


def test_intervals_grow_to_cap_and_reset_on_progress() -> None:
    sched = PollSchedule(
        PollPolicy(initial=1.0, factor=2.0, max_interval=5.0), start=0, deadline=None
    )
    assert sched.first_delay(0.0) == 1.0
    delays = [sched.after_poll(float(t), progressed=False) for t in range(5)]
    assert delays == [2.0, 4.0, 5.0, 5.0, 5.0]
    assert sched.after_poll(10.0, progressed=True) == 1.0


def test_first_poll_immediate_when_start_is_old() -> None:
    sched = PollSchedule(WAIT_POLICY, start=0.0, deadline=None)
    assert sched.first_delay(100.0) == 0.0
    assert sched.first_delay(0.2) == pytest.approx(WAIT_POLICY.initial - 0.2)


def test_deadline_clips_and_ends() -> None:
    sched = PollSchedule(
        PollPolicy(initial=1.0, factor=1.0, max_interval=1.0), start=0, deadline=2.5
    )
    assert sched.after_poll(1.0, progressed=False) == 1.0
    assert sched.after_poll(2.0, progressed=False) == 0.5  # last poll lands on the deadline
    assert sched.after_poll(2.5, progressed=False) is None
    assert PollSchedule(WAIT_POLICY, start=0, deadline=0.1).first_delay(0.0) == pytest.approx(0.1)


@pytest.mark.parametrize(
    "kwargs",
    [{"initial": 0}, {"factor": 0.5}, {"initial": 5, "max_interval": 1}, {"max_interval": -1}],
)
def test_policy_validation(kwargs: dict[str, float]) -> None:
    with pytest.raises(InputError):
        PollPolicy(**kwargs)


def test_wait_policy_checks_first_after_a_second_then_every_two() -> None:
    """The official SDK's cadence (2 s) bounds the detection delay; the first check comes
    sooner so a task that fails at once is seen at once."""
    sched = PollSchedule(WAIT_POLICY, start=0.0, deadline=None)
    now = sched.first_delay(0.0)
    times = [now]
    for _ in range(5):
        delay = sched.after_poll(now, progressed=False)
        assert delay is not None
        now += delay
        times.append(now)
    assert times == [1.0, 3.0, 5.0, 7.0, 9.0, 11.0]


def test_stream_policy_is_quick_while_young_and_steady_when_old() -> None:
    """First fetch after 1 s; while steps keep coming, every second at first and never
    more often than every 2.5 s once the task is 10 s old."""
    sched = PollSchedule(STREAM_POLICY, start=0.0, deadline=None)
    assert sched.first_delay(0.0) == 1.0
    now, delays = 1.0, []
    while now < 120:
        delay = sched.after_poll(now, progressed=True)
        assert delay is not None
        delays.append((now, delay))
        now += delay
    assert all(delay <= 1.0 for at, delay in delays if at < 4)
    assert all(delay == 2.5 for at, delay in delays if at >= 10)


def test_steady_policy_costs_about_a_fetch_every_steady_seconds_on_long_tasks() -> None:
    """A stream of a 250 s task that changes at every fetch: at most 10% more fetches
    than one every 2.5 s."""
    sched = PollSchedule(STREAM_POLICY, start=0.0, deadline=None)
    now, fetches = sched.first_delay(0.0), 1
    while now < 250:
        delay = sched.after_poll(now, progressed=True)
        assert delay is not None
        now, fetches = now + delay, fetches + 1
    assert fetches <= 1.1 * 250 / 2.5


@given(st.floats(0.01, 5), st.floats(0, 10), st.floats(0, 1000))
def test_steady_bounds_the_interval_after_progress(
    initial: float, extra: float, elapsed: float
) -> None:
    policy = PollPolicy(initial=initial, max_interval=initial + extra, steady=initial + extra)
    sched = PollSchedule(policy, start=0.0, deadline=None)
    delay = sched.after_poll(elapsed, progressed=True)
    assert delay is not None and initial <= delay <= initial + extra


def test_steady_must_lie_between_initial_and_max_interval() -> None:
    with pytest.raises(InputError, match="steady"):
        PollPolicy(initial=1.0, max_interval=10.0, steady=0.5)
    with pytest.raises(InputError, match="steady"):
        PollPolicy(initial=1.0, max_interval=10.0, steady=11.0)


@given(
    st.floats(0.01, 5),
    st.floats(1, 3),
    st.floats(5, 20),
    st.lists(st.booleans(), min_size=1, max_size=40),
)
def test_interval_always_within_bounds(
    initial: float, factor: float, cap: float, progress: list[bool]
) -> None:
    policy = PollPolicy(initial=initial, factor=factor, max_interval=cap)
    sched = PollSchedule(policy, start=0.0, deadline=None)
    now = 0.0
    for p in progress:
        delay = sched.after_poll(now, progressed=p)
        assert delay is not None and initial <= delay <= cap
        now += delay
