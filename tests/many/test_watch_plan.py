"""The watch plan: which tasks to check, from which pages, and when (no network)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from watch_model import Service, client_plan

from browser_use_cloud._exceptions import InternalServerError, NotFoundError
from browser_use_cloud._policies.polling import WAIT_POLICY, PollPolicy
from browser_use_cloud._policies.watch_plan import (
    EAGER_GAP,
    MAX_CHECK_FAILURES,
    SAFETY_INTERVAL,
    WATCH_SHARE,
    WatchPlan,
)


def failure(status: int) -> dict[str, Any]:
    url = "https://x.test/api/v1/task/t0/status"
    return {"method": "GET", "url": url, "status_code": status, "headers": {}}


def watch(
    plan: WatchPlan, ids: list[str], now: float, *, here: bool = True, eager: bool = False
) -> None:
    for task_id in ids:
        plan.add(task_id, now, WAIT_POLICY, now if here else None, eager=eager)


def rounds_until(service: Service, plan: WatchPlan, end: float) -> list[float]:
    """Run the rounds the plan asks for up to `end`; return the times of those that sent
    requests."""
    times = []
    while (at := plan.next_round_at()) is not None and at <= end:
        before = service.requests()
        service.run_round(plan, at)
        if service.requests() > before:
            times.append(at)
    return times


def test_one_task_is_checked_by_its_status_on_the_official_cadence() -> None:
    service, plan = Service(), client_plan(20)
    [task] = service.create(1)
    watch(plan, [task], 0.0)
    times = []
    now = 0.0
    for _ in range(4):
        at = plan.next_round_at()
        assert at is not None
        now = at
        times.append(now)
        service.run_round(plan, now)
    assert times == [1.0, 3.0, 5.0, 7.0]
    assert service.pages == [] and service.solos == [task] * 4
    service.status[task] = "finished"
    assert service.run_round(plan, plan.next_round_at() or 0) == [task]
    assert plan.entries[task].ended and plan.entries[task].status == "finished"


def test_a_thousand_tasks_cost_one_page_per_hundred_per_round() -> None:
    service, plan = Service(), client_plan(None)
    ids = service.create(1000)
    watch(plan, ids, 0.0)
    service.run_round(plan, 1.0)
    assert service.pages == list(range(1, 11)) and service.solos == []
    assert all(plan.entries[i].rank is not None for i in ids)
    service.reset_counts()
    # Later tasks push the old ones down; ranks still find the right pages.
    service.create(250, prefix="other")
    for task_id in ids[:900]:
        service.status[task_id] = "finished"
    resolved = service.run_round(plan, 3.0)
    assert sorted(resolved) == sorted(ids[:900])
    assert service.solos == [] and service.pages == [0, *range(3, 14)]
    service.reset_counts()
    service.run_round(plan, 5.0)  # 100 left, on pages 3 and 4 (250 newer tasks above them)
    assert service.pages == [0, 3, 4] and service.solos == []


def test_page_reads_stay_within_their_share_of_the_budget() -> None:
    service, plan = Service(), client_plan(20)
    watch(plan, service.create(1000), 0.0)
    service.run_round(plan, 1.0)
    assert plan.gap == pytest.approx(10 / (20 * WATCH_SHARE))
    assert plan.next_round_at() == pytest.approx(1.0 + plan.gap)


def test_each_lane_of_a_round_makes_its_own_checks() -> None:
    # The watcher's lanes are its waiters' request timeouts: a lane's pages and status
    # checks are its own requests. A page one lane reads answers for every task on it.
    service, plan = Service(), client_plan(None)
    [old] = service.create(1)
    service.create(500, prefix="noise")
    new = service.create(3)
    ours = service.create(2)
    watch(plan, [old, *new, *ours], 0.0)
    lanes = {old: "b", ours[0]: "b", ours[1]: "b"}
    round_ = plan.start_round(1.0, lambda entry: lanes.get(entry.task_id, "a"))
    assert [(lane.key, [e.task_id for e in lane.due]) for lane in round_.lanes] == [
        ("b", [old, ours[0], ours[1]]),
        ("a", new),
    ]
    service.run_round(plan, 1.0, lambda entry: lanes.get(entry.task_id, "a"))
    # Lane b reads page 1 for its three: it holds both of `ours` and the three of lane a,
    # so `old` is checked by its status and lane a has nothing left to ask.
    assert service.pages == [1] and service.solos == [old]


def test_a_lone_old_task_among_new_ones_is_checked_by_its_status() -> None:
    service, plan = Service(), client_plan(None)
    [old] = service.create(1)
    service.create(500, prefix="noise")
    new = service.create(5)
    watch(plan, [old], 0.0, here=False)
    watch(plan, new, 0.0)
    service.run_round(plan, 1.0)
    assert service.pages == [1] and service.solos == [old]
    assert plan.entries[old].missing


def test_a_webhook_end_resolves_at_once_and_polling_slows_to_a_safety_net() -> None:
    service, plan = Service(), client_plan(20)
    a, b = service.create(2)
    watch(plan, [a, b], 0.0)
    assert plan.notify(b, "started", 0.2) is None  # not an end, but webhooks are on
    assert plan.entries[b].next_due == pytest.approx(0.2 + SAFETY_INTERVAL)
    assert plan.notify(a, "finished", 0.5) is plan.entries[a]
    assert plan.entries[a].resolved and plan.entries[a].status is None
    service.run_round(plan, plan.next_round_at() or 0)
    assert plan.entries[b].next_due == pytest.approx(0.2 + 2 * SAFETY_INTERVAL)
    plan.add("late", 2.0, WAIT_POLICY, 2.0)
    assert plan.entries["late"].next_due == pytest.approx(2.0 + SAFETY_INTERVAL)


def test_transient_errors_are_ridden_out_then_handed_to_the_waiters() -> None:
    service, plan = Service(), client_plan(None)
    [task] = service.create(1)
    watch(plan, [task], 0.0)
    error = InternalServerError("boom", **failure(500))
    service.fail_status[task] = error
    for _ in range(MAX_CHECK_FAILURES - 1):
        assert service.run_round(plan, plan.next_round_at() or 0) == []
    assert service.run_round(plan, plan.next_round_at() or 0) == [task]
    assert plan.entries[task].error is error


def test_a_404_right_after_creation_is_not_an_error_but_later_it_is() -> None:
    service, plan = Service(), client_plan(None)
    missing = NotFoundError("Task not found", **failure(404))
    watch(plan, ["young"], 0.0)
    service.fail_status["young"] = missing
    assert service.run_round(plan, 1.0) == []
    plan.add("elsewhere", 0.0, WAIT_POLICY, None)
    service.fail_status["elsewhere"] = missing
    assert "elsewhere" in service.run_round(plan, 2.0)


def test_a_task_checked_again_after_its_full_view_lagged() -> None:
    service, plan = Service(), client_plan(None)
    [task] = service.create(1)
    entry = plan.add(task, 0.0, PollPolicy(initial=0.5, factor=1, max_interval=0.5), 0.0)
    service.status[task] = "finished"
    service.run_round(plan, 0.5)
    assert entry.resolved
    plan.rearm(entry, 1.0)
    assert not entry.resolved and entry.next_due == pytest.approx(1.5)


def test_a_resolved_task_is_forgotten_with_its_last_waiter() -> None:
    plan = client_plan(None)
    first = plan.add("t", 0.0, WAIT_POLICY, 0.0)
    second = plan.add("t", 0.0, WAIT_POLICY, 0.0)
    assert first is second and first.waiters == 2
    plan.release(first)
    assert "t" in plan.entries
    plan.release(first)
    assert plan.entries == {}


def test_a_maps_tasks_are_checked_several_times_a_second_while_the_budget_is_idle() -> None:
    # Three short tasks of a map: an end used to be noticed 1 to 2 s late (checks 1 s after
    # creation, then every 2 s). With the budget idle, a round comes every EAGER_GAP or so.
    service, plan = Service(), client_plan(20, load=lambda now: 0.0)
    ids = service.create(3)
    watch(plan, ids, 0.0, eager=True)
    times = rounds_until(service, plan, 2.0)
    assert len(times) >= 5 and all(b - a <= 2 * EAGER_GAP for a, b in itertools.pairwise(times))
    assert service.requests() == len(times)  # one page per round: they are on page 1
    service.status[ids[1]] = "finished"
    at = plan.next_round_at()
    assert at is not None and at - times[-1] <= 2 * EAGER_GAP
    assert service.run_round(plan, at) == [ids[1]]


def test_eager_rounds_keep_to_their_share_of_the_budget() -> None:
    service, plan = Service(), client_plan(4, load=lambda now: 0.0)  # 1 request/s for eager
    watch(plan, service.create(3), 0.0, eager=True)
    rounds_until(service, plan, 10.0)
    assert service.requests() <= 10 * 4 * 0.25 + 2  # plus the first round's count probe


def test_no_eager_rounds_while_the_budget_is_busy_or_for_a_lone_wait() -> None:
    busy, plan = Service(), client_plan(20, load=lambda now: 0.9)
    watch(plan, busy.create(3), 0.0, eager=True)
    assert rounds_until(busy, plan, 5.0) == [1.0, 3.0, 5.0]  # the usual cadence
    lone, plan = Service(), client_plan(20, load=lambda now: 0.0)
    watch(plan, lone.create(1), 0.0)  # a wait() (not a map's): row 3a's requests
    assert rounds_until(lone, plan, 7.0) == [1.0, 3.0, 5.0, 7.0] and lone.requests() == 4
