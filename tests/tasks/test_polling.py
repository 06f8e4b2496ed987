"""Poll schedule: adaptive intervals and the deadline, on a fake clock."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from browser_use_cloud._exceptions import InputError
from browser_use_cloud._polling import (
    STREAM_POLICY,
    WAIT_POLICY,
    DurationPrior,
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


def _count_status_polls(duration: float) -> int:
    """Polls a waiter makes for a task finishing at `duration` (simulated clock)."""
    sched = PollSchedule(WAIT_POLICY, start=0.0, deadline=None)
    now = sched.first_delay(0.0)
    polls = 1
    while now < duration:
        delay = sched.after_poll(now, progressed=False)
        assert delay is not None
        now += delay
        polls += 1
    return polls


def test_wait_policy_uses_far_fewer_requests_than_full_get_every_2s() -> None:
    """For a 250 s task, status polls + create + one full GET stay under 0.3x the recipe."""
    recipe = 1 + 250 // 2 + 1
    assert (_count_status_polls(250.0) + 2) / recipe <= 0.3


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


def _simulate(duration: float, expected: float | None, offset: float = 0.0) -> tuple[int, float]:
    """(status polls, detection latency) for a task ending at `duration`, waited for
    from `offset` seconds after its creation."""
    sched = PollSchedule(WAIT_POLICY, start=0.0, deadline=None, expected_end=expected)
    now = offset + sched.first_delay(offset)
    polls = 1
    while now < duration:
        delay = sched.after_poll(now, progressed=False)
        assert delay is not None
        now += delay
        polls += 1
    return polls, now - duration


@pytest.mark.parametrize("duration", [25.0, 51.0, 100.0, 150.0, 250.0])
def test_expected_end_gets_a_poll_exactly_then(duration: float) -> None:
    polls_blind, latency_blind = _simulate(duration, None)
    polls, latency = _simulate(duration, duration)
    assert latency == 0.0 < latency_blind
    assert polls <= polls_blind
    recipe = 1 + duration // 2 + 1
    limit = 0.3 if duration >= 50 else 0.5  # a short task leaves less room for growth
    assert (polls + 2) / recipe <= limit  # create + polls + one GET vs a full GET every 2 s


def test_a_long_expected_duration_saves_polls() -> None:
    assert _simulate(250.0, 250.0)[0] < _simulate(250.0, None)[0]


@pytest.mark.parametrize("offset", [0.0, 0.4, 0.8, 1.2, 1.6])
def test_a_50_step_task_costs_under_a_third_of_the_recipe(offset: float) -> None:
    """The follow benchmark: 50 steps at 1 s (51 s), waiting from `offset` s after create."""
    duration = 51.0
    polls, _ = _simulate(duration, None, offset)
    recipe = next(k for k in range(1, 100) if offset + 2 * (k - 1) >= duration)  # full GETs
    assert (polls + 1) / recipe <= 0.3  # status polls + one full GET


def test_wrong_expectation_costs_little() -> None:
    early_polls, early_latency = _simulate(5.0, 100.0)
    assert early_latency <= 25.0 and early_polls <= _simulate(5.0, None)[0]
    late_polls, late_latency = _simulate(200.0, 50.0)
    assert late_latency <= WAIT_POLICY.max_interval
    assert late_polls <= _simulate(200.0, None)[0] + 8


def test_duration_prior_median() -> None:
    prior = DurationPrior(size=3)
    assert prior.expected() is None
    for seconds in (10.0, 0.0, 30.0, 20.0, 1000.0):
        prior.record(seconds)
    assert prior.expected() == 30.0  # last three positive: 30, 20, 1000
