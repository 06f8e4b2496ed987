# Generated from _async/_watcher.py by scripts/unasync.py. Do not edit.
"""The status watcher of one client: the I/O behind `_policies/watch_plan.py`.

There is no background task: the first waiter *leads* (runs the rounds) while the others
sleep on their signals. A leader whose task ends, or who is cancelled or times out, hands
the lead to another waiter, so waiting stays cancellable and needs no thread of its own.
"""

from __future__ import annotations

import time
from typing import Protocol, cast

from .._concurrency.signals import Guard, Signal
from .._config import RequestTimeout
from .._exceptions import APIError
from .._models import Page, TaskStatus, TaskSummary
from .._policies.polling import PollPolicy
from .._policies.watch_plan import RoundLane, Watched, WatchPlan, WatchRound, WatchShares
from .._transport.hooks import Hooks


def _clock() -> float:
    return time.monotonic()


class TaskReads(Protocol):
    """The two reads a watcher checks tasks with (`client.tasks` has them)."""

    def list(self, *, page: int, limit: int, timeout: RequestTimeout) -> Page[TaskSummary]:
        """One page of tasks, newest first."""
        ...

    def status(self, task_id: str, *, timeout: RequestTimeout) -> TaskStatus:
        """One task's status."""
        ...


class _Waiter:
    __slots__ = ("entry", "signal", "timeout")

    def __init__(self, entry: Watched, timeout: RequestTimeout) -> None:
        self.entry = entry
        self.signal = Signal()
        self.timeout = timeout


class Watcher:
    """`watcher.watch(task_id, ...)` returns once the task has ended (or None at the
    deadline); `notify()` feeds it webhook events."""

    def __init__(self, reads: TaskReads, hooks: Hooks, shares: WatchShares) -> None:
        self._reads = reads
        self._hooks = hooks
        self._seen: list[tuple[str, TaskStatus]] = []  # for the hooks, told after a round
        self.plan = WatchPlan(shares, on_status=self._seen_status if hooks else None)
        self._guard = Guard()
        self._waiters: list[_Waiter] = []
        self._leader: _Waiter | None = None
        self._leader_wakes = 0.0

    def watch(
        self,
        task_id: str,
        *,
        policy: PollPolicy,
        created_at: float | None,
        deadline: float | None,
        timeout: RequestTimeout = None,
        recheck: bool = False,
        eager: bool = False,
    ) -> Watched:
        """Wait until `task_id` is seen ended (or a check failed for good: `entry.error`).

        Returns the entry: not `resolved` when `deadline` (monotonic seconds) passed first.
        `timeout` is the HTTP timeout of the checks of `task_id` (and of list pages read
        for tasks whose waiters share it); another waiter's never applies to them.
        `recheck`: the caller saw the task not ended after it was reported ended.
        `eager`: check it more often while the request budget is mostly idle (a map's).
        """
        with self._guard:
            now = _clock()
            entry = self.plan.add(task_id, now, policy, created_at, eager=eager)
            if recheck:
                self.plan.rearm(entry, now)
            waiter = _Waiter(entry, timeout)
            self._waiters.append(waiter)
            soonest = min(entry.next_due, self.plan.eager_at) if eager else entry.next_due
            if self._leader is not None and soonest < self._leader_wakes:
                self._leader.signal.set()  # the leader sleeps too long for this one
        try:
            while True:
                waiter.signal.clear()
                with self._guard:
                    if entry.resolved:
                        return entry
                    now = _clock()
                    if deadline is not None and now >= deadline:
                        return entry
                    if self._leader is None:
                        self._leader = waiter
                    leading = self._leader is waiter
                if leading:
                    self._lead(waiter, deadline)
                else:
                    waiter.signal.wait(None if deadline is None else deadline - now)
        finally:
            with self._guard:
                self._waiters.remove(waiter)
                self.plan.release(entry)
                if self._leader is waiter:
                    self._leader = None
                if self._leader is None:
                    for other in self._waiters:  # someone must take over the rounds
                        if not other.entry.resolved:
                            other.signal.set()
                            break

    def notify(self, task_id: str | None, status: str | None) -> None:
        """A verified webhook event: an end wakes that task's waiters at once."""
        with self._guard:
            entry = self.plan.notify(task_id, status, _clock())
        if entry is not None:
            self._wake([entry])

    def _lead(self, waiter: _Waiter, deadline: float | None) -> None:
        """Run rounds until this waiter's task is resolved or its deadline passes."""
        entry = waiter.entry
        while True:
            waiter.signal.clear()
            with self._guard:
                if entry.resolved:
                    return
                now = _clock()
                if deadline is not None and now >= deadline:
                    return
                at = self.plan.next_round_at()
                wake = deadline if at is None else at if deadline is None else min(at, deadline)
                self._leader_wakes = wake if wake is not None else float("inf")
                round_ = None
                if wake is not None and wake <= now:
                    round_ = self.plan.start_round(now, self._timeouts().__getitem__)
            if round_ is None:
                waiter.signal.wait(None if wake is None else wake - now)
            else:
                self._run(round_)

    def _timeouts(self) -> dict[Watched, RequestTimeout]:
        """The request timeout of each watched task's checks: its first waiter's (waiters
        of one task share its checks). A round's lanes are these timeouts, so no waiter's
        timeout applies to the checks of another's task."""
        timeouts: dict[Watched, RequestTimeout] = {}
        for waiter in self._waiters:
            timeouts.setdefault(waiter.entry, waiter.timeout)
        return timeouts

    def _run(self, round_: WatchRound) -> None:
        try:
            for lane in round_.lanes:
                self._check(round_, lane, cast("RequestTimeout", lane.key))
        finally:
            with self._guard:
                resolved = round_.finish()
                seen, self._seen = self._seen, []
            for task_id, status in seen:  # outside the guard: a hook may call the client
                self._hooks.task_status(task_id, status)
            self._wake(resolved)

    def _check(self, round_: WatchRound, lane: RoundLane, timeout: RequestTimeout) -> None:
        """Check the due tasks of one lane of a round, each request with `timeout`."""
        reads = self._reads
        while (wanted := lane.next_page()) is not None:
            number, limit = wanted
            try:
                page = reads.list(page=number, limit=limit, timeout=timeout)
            except APIError:
                break  # the due tasks are checked one by one below
            with self._guard:
                lane.feed_page(number, limit, page)
        for entry in lane.solo():
            try:
                status = reads.status(entry.task_id, timeout=timeout)
            except APIError as exc:
                with self._guard:
                    round_.failed(entry, exc)
            else:
                with self._guard:
                    round_.seen(entry, status)

    def _seen_status(self, task_id: str, status: TaskStatus) -> None:
        self._seen.append((task_id, status))

    def _wake(self, entries: list[Watched]) -> None:
        if not entries:
            return
        ended = set(entries)
        with self._guard:
            for waiter in self._waiters:
                if waiter.entry in ended:
                    waiter.signal.set()
