"""Which tasks to look for, which pages to read, and when (pure: no I/O, times passed in).

One `WatchPlan` per client serves every waiting task. A *round* checks the tasks that are
due: from `GET /tasks` pages (newest first, up to 100 items each, every item with its
status and output) when several are due, else with `GET /task/{id}/status` each.

- A task is due on its own cadence (`PollPolicy`, default: 1 s after creation, then
  every 2 s). With several tasks waiting, rounds come at most every `gap` seconds and
  take every task due before the next one, so a thousand tasks cost a few pages per round.
- Pages: a task's place in the list is learnt the first time it is seen (its *rank*,
  counted from the oldest task, never changes: tasks are only added at the top). Tasks
  not seen yet are looked for from page 1 down, while the pages keep holding watched tasks;
  known tasks are found on the page their rank points to, read when at least two due
  tasks are expected on it. A due task found on no page is checked by its status.
- List pages use at most `WATCH_SHARE` of the client's request budget: with many pages per
  round, rounds come further apart.
- Eager tasks (a map's): while the client's request budget is mostly idle, they are
  also checked in rounds every `EAGER_GAP` seconds or so, spending at most `EAGER_SHARE`
  of the budget, so a short task's end is noticed within a fraction of a second instead
  of one to two seconds late. A lone `wait()` keeps its cadence (and its request count).
- Webhooks: while the client is being fed webhook events, a finished or stopped event
  resolves its task at once and polling drops to every `SAFETY_INTERVAL` seconds.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from .._exceptions import (
    APIConnectionError,
    APIError,
    ConcurrencyLimitError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
)
from .._models import Page, TaskStatus, TaskSummary
from .budget import DEFAULT_MAX_REQUESTS_PER_SECOND, BudgetShare, RequestBudget
from .page_walk import MAX_PAGE_SIZE
from .polling import PollPolicy, PollSchedule

LIST_MIN = 3
"""Due tasks from which a round reads list pages instead of one status request each."""
PAGE_WORTH = 2
"""Due tasks expected on a page for it to be read (one task: its status is cheaper)."""
WATCH_SHARE = 0.25
"""Share of the client's request budget that list pages may use."""
EAGER_GAP = 0.25
"""Seconds between eager rounds at the least (more when a round costs more requests)."""
EAGER_SHARE = 0.25
"""Share of the client's request budget that eager rounds may use (of the default budget
when the client has no limit)."""
EAGER_IDLE = 0.5
"""Eager rounds run only while less than this share of the budget was used lately."""
SAFETY_INTERVAL = 30.0
"""Seconds between checks of a task while webhook events are coming in."""
WEBHOOK_FRESH = 600.0
"""Seconds after the last webhook event during which webhooks are trusted to wake waiters."""
MAX_SCAN_PAGES = 50
"""Pages a round reads at most (5,000 tasks); tasks further down are checked one by one."""
MAX_CHECK_FAILURES = 5
"""Consecutive transient errors a task's checks absorb before its waiters get the error."""
NOT_FOUND_GRACE = 5.0
"""Seconds after creation during which a 404 means "not visible yet", not an error."""

_WEBHOOK_ENDS = frozenset({"finished", "stopped"})
TRANSIENT_ERRORS = (APIConnectionError, InternalServerError, RateLimitError)
"""Errors a polling loop rides out (a concurrency 429 excepted)."""


class WatchShares(NamedTuple):
    """The parts of the client's request budget the watcher may spend (`watch_shares()`)."""

    pages: BudgetShare
    """For list pages: `WATCH_SHARE` of the budget."""
    eager: BudgetShare
    """For eager rounds: `EAGER_SHARE` of the budget (of the default one when the client
    has no limit); its `load` says whether the budget is idle enough for them."""


def watch_shares(budget: RequestBudget) -> WatchShares:
    """The watcher's shares of a client's request budget."""
    return WatchShares(
        pages=budget.share(WATCH_SHARE),
        eager=budget.share(EAGER_SHARE, unlimited=DEFAULT_MAX_REQUESTS_PER_SECOND),
    )


def _one_lane(entry: Watched) -> object:
    return None


def worth_riding_out(error: APIError, *, age: float | None, failures: int) -> bool:
    """Whether a polling loop should absorb `error` (its `failures`-th in a row before it):
    transient errors, and a 404 in the first seconds of a task made here (`age` seconds
    ago; None for a task made elsewhere), up to `MAX_CHECK_FAILURES` in a row."""
    transient = isinstance(error, TRANSIENT_ERRORS) and not isinstance(error, ConcurrencyLimitError)
    young = age is not None and age < NOT_FOUND_GRACE and isinstance(error, NotFoundError)
    return (transient or young) and failures + 1 < MAX_CHECK_FAILURES


class Watched:
    """One watched task: what is known of it, and when to check it next."""

    def __init__(self, task_id: str, policy: PollPolicy, start: float, created_here: bool):
        self.task_id = task_id
        self.schedule = PollSchedule(policy, start=start, deadline=None)
        self.next_due = start + policy.initial
        self.start = start
        self.created_here = created_here
        self.waiters = 0
        self.eager = False  # checked in eager rounds too (see the module docstring)
        self.rank: int | None = None
        self.missing = False  # looked for on pages and not found: checked by status
        self.status: TaskStatus | None = None
        self.summary: TaskSummary | None = None  # the list item, when seen on a page
        self.ended = False  # seen in a terminal status, or told so by a webhook
        self.error: APIError | None = None  # a check failed for good
        self.failures = 0
        self.checked_in: WatchRound | None = None  # the last round that had news of it

    def __repr__(self) -> str:
        return f"Watched({self.task_id!r}, status={self.status}, ended={self.ended})"

    @property
    def resolved(self) -> bool:
        """True when the waiters have an answer (an end or an error)."""
        return self.ended or self.error is not None


class WatchPlan:
    """Every watched task of one client, and the decisions of when and how to check them."""

    def __init__(
        self, shares: WatchShares, on_status: Callable[[str, TaskStatus], None] | None = None
    ) -> None:
        self.pages = shares.pages
        self.eager = shares.eager
        self.on_status = on_status  # told every status a check sees (the client's hooks)
        self.entries: dict[str, Watched] = {}
        self.gap = 0.0  # seconds between rounds while many tasks wait
        self.eager_gap = EAGER_GAP  # seconds between eager rounds
        self.eager_at = -math.inf  # when an eager round may come next
        self.total: int | None = None  # the task count the last page read said
        self.last_round = -math.inf
        self.webhook_at = -math.inf

    def add(
        self,
        task_id: str,
        now: float,
        policy: PollPolicy,
        created_at: float | None,
        *,
        eager: bool = False,
    ) -> Watched:
        """Start watching `task_id` (or join its watch); `created_at` if it was made here;
        `eager`: check it in eager rounds too."""
        entry = self.entries.get(task_id)
        if entry is None or (entry.resolved and entry.waiters == 0):
            start = created_at if created_at is not None else now - policy.initial
            entry = Watched(task_id, policy, start, created_at is not None)
            if self.webhooks_live(now):
                entry.next_due = max(now, start) + SAFETY_INTERVAL
            self.entries[task_id] = entry
        entry.waiters += 1
        if eager and not entry.eager:
            entry.eager = True
            if self.eager_at < entry.start:  # no eager rounds lately: the first comes soon
                self.eager_at = entry.start + EAGER_GAP
        return entry

    def release(self, entry: Watched) -> None:
        """One waiter of `entry` is done; forget the task when it was the last."""
        entry.waiters -= 1
        if entry.waiters <= 0 and self.entries.get(entry.task_id) is entry:
            del self.entries[entry.task_id]

    def rearm(self, entry: Watched, now: float) -> None:
        """Watch an ended task again (its full view said it had not ended after all)."""
        entry.ended = False
        entry.status = None
        entry.next_due = now + entry.schedule.policy.initial

    def webhooks_live(self, now: float) -> bool:
        return now - self.webhook_at <= WEBHOOK_FRESH

    def notify(self, task_id: str | None, status: str | None, now: float) -> Watched | None:
        """A verified webhook event arrived; returns the entry it resolved, if any."""
        if not self.webhooks_live(now):  # webhooks (again): every check becomes a safety net
            for waiting in self.entries.values():
                waiting.next_due = max(waiting.next_due, now + SAFETY_INTERVAL)
        self.webhook_at = now
        entry = self.entries.get(task_id) if task_id is not None else None
        if entry is None or entry.resolved or status not in _WEBHOOK_ENDS:
            return None
        entry.ended = True  # "finished" covers failed runs: the full view tells which
        entry.status = None
        entry.summary = None
        return entry

    def many(self) -> bool:
        return sum(1 for e in self.entries.values() if not e.resolved) >= LIST_MIN

    def next_round_at(self) -> float | None:
        """When the next round should run (None: nothing to check)."""
        at = self._usual_round_at()
        if at is not None and self.wants_eager(self.last_round):
            at = min(at, self.eager_at)
        return at

    def _usual_round_at(self) -> float | None:
        """When the next round is due on the tasks' own cadences."""
        dues = [e.next_due for e in self.entries.values() if not e.resolved]
        if not dues:
            return None
        first = min(dues)
        return max(first, self.last_round + self.gap) if self.many() else first

    def wants_eager(self, now: float) -> bool:
        """Some task waits for eager rounds, and no webhooks do their job."""
        return not self.webhooks_live(now) and any(
            e.eager and not e.resolved for e in self.entries.values()
        )

    def start_round(
        self, now: float, lane_of: Callable[[Watched], object] = _one_lane
    ) -> WatchRound:
        """The checks to make now (none when only an eager round was due and the request
        budget is busy: it is looked at again `eager_gap` seconds later). `lane_of(entry)`
        sorts them into the round's lanes (equal values: one lane); a lane's checks are
        made together (the watcher's lanes: the request timeout of the tasks' waiters)."""
        usual = self._usual_round_at()
        usual_due = usual is not None and now >= usual
        horizon = now + (self.gap if self.many() else 0.0) if usual_due else now
        eager = False
        if now >= self.eager_at and self.wants_eager(now):
            self.eager_at = now + self.eager_gap
            eager = self.eager.load(now) < EAGER_IDLE
        due = [
            e
            for e in self.entries.values()
            if not e.resolved and (e.next_due <= horizon or (eager and e.eager))
        ]
        if due:
            self.last_round = now
        return WatchRound(self, due, now, lane_of)

    def _after_check(self, entry: Watched, now: float) -> None:
        if self.webhooks_live(now):
            entry.next_due = now + SAFETY_INTERVAL
            return
        delay = entry.schedule.after_poll(now, progressed=False)
        entry.next_due = now + (delay if delay is not None else entry.schedule.interval)

    def seen(self, entry: Watched, status: TaskStatus, now: float) -> None:
        """A check saw `status` for `entry`."""
        entry.status = status
        if self.on_status is not None:
            self.on_status(entry.task_id, status)
        entry.failures = 0
        if status.is_terminal:
            entry.ended = True
        else:
            self._after_check(entry, now)

    def failed(self, entry: Watched, error: APIError, now: float) -> None:
        """A check of `entry` failed: ride out transient errors, else hand it to waiters."""
        age = now - entry.start if entry.created_here else None
        if worth_riding_out(error, age=age, failures=entry.failures):
            entry.failures += 1
            self._after_check(entry, now)
        else:
            entry.error = error

    def round_done(self, pages: int, requests: int) -> None:
        """Space rounds so that list pages stay within their share of the budget, and
        eager rounds (`requests` in this one) within theirs."""
        if not requests:
            return  # nothing was checked (an eager round while the budget was busy)
        floor = min((e.schedule.policy.initial for e in self.entries.values()), default=0.0)
        self.gap = max(floor, self.pages.seconds_for(pages))
        self.eager_gap = max(EAGER_GAP, self.eager.seconds_for(requests))
        self.eager_at = max(self.eager_at, self.last_round + self.eager_gap)


class WatchRound:
    """One round: in each of its `lanes`, `next_page()` / `feed_page()` until None, then
    `solo()` / `seen()`; then `finish()`."""

    def __init__(
        self,
        plan: WatchPlan,
        due: list[Watched],
        now: float,
        lane_of: Callable[[Watched], object] = _one_lane,
    ) -> None:
        self.plan = plan
        self.due = due
        self.now = now
        self.resolved: list[Watched] = []
        self.lanes: list[RoundLane] = []
        for entry in due:
            key = lane_of(entry)
            lane = next((lane for lane in self.lanes if lane.key == key), None)
            if lane is None:
                lane = RoundLane(self, key)
                self.lanes.append(lane)
            lane.due.append(entry)

    @property
    def pages(self) -> int:
        """List pages read in this round."""
        return sum(lane.pages for lane in self.lanes)

    @property
    def checks(self) -> int:
        """Status checks made in this round."""
        return sum(lane.checks for lane in self.lanes)

    def seen(self, entry: Watched, status: TaskStatus) -> None:
        """A page or a status check saw `status` for `entry`."""
        entry.checked_in = self
        self.plan.seen(entry, status, self.now)
        if entry.resolved:
            self.resolved.append(entry)

    def failed(self, entry: Watched, error: APIError) -> None:
        """A status check of `entry` failed."""
        entry.checked_in = self
        self.plan.failed(entry, error, self.now)
        if entry.resolved:
            self.resolved.append(entry)

    def finish(self) -> list[Watched]:
        """Close the round; return the entries it resolved (their waiters are to be woken)."""
        self.plan.round_done(self.pages, self.pages + self.checks)
        return self.resolved


class RoundLane:
    """The due tasks of one lane of a round, checked together: list pages, then each task
    the pages did not answer for by its status."""

    def __init__(self, round_: WatchRound, key: object) -> None:
        self.round = round_
        self.key = key
        self.due: list[Watched] = []
        self.pages = 0
        self.checks = 0  # status checks
        self.limit = MAX_PAGE_SIZE
        self._total: int | None = None
        self._last_page = 0
        self._read: set[int] = set()
        self._scanning = True  # looking for unseen tasks from page 1 down

    def next_page(self) -> tuple[int, int] | None:
        """The page to read next as (number, limit), or None when pages are done."""
        if len(self.due) < LIST_MIN or self.pages >= MAX_SCAN_PAGES:
            return None
        pending = [e for e in self.due if self._pending(e)]
        unseen = [e for e in pending if e.rank is None and not e.missing]
        ahead = len(unseen) + self._expected(self._last_page + 1)
        if self._scanning and unseen and ahead >= PAGE_WORTH:
            return self._last_page + 1, self.limit
        self._scanning = False
        for entry in unseen:
            entry.missing = True  # not near the top: check it by its status
        known = [e for e in pending if e.rank is not None]
        if len(known) < PAGE_WORTH:
            return None
        if self._total is None:
            last = self.round.plan.total
            if last is not None and all(last - (e.rank or 0) < self.limit for e in known):
                return 1, self.limit  # they were on page 1: read it (it says the count too)
            return 1, 1  # how many tasks there are now, to place the known ones
        counts: dict[int, int] = {}
        for entry in known:
            page = self._page_of(entry)
            if page is not None and page not in self._read:
                counts[page] = counts.get(page, 0) + 1
        worth = sorted(page for page, count in counts.items() if count >= PAGE_WORTH)
        return (worth[0], self.limit) if worth else None

    def _expected(self, page: int) -> int:
        return sum(1 for e in self.due if self._pending(e) and self._page_of(e) == page)

    def _pending(self, entry: Watched) -> bool:
        """Not answered for yet in this round."""
        return not entry.resolved and entry.checked_in is not self.round

    def _page_of(self, entry: Watched) -> int | None:
        if entry.rank is None or self._total is None:
            return None
        index = self._total - entry.rank
        return index // self.limit + 1 if index >= 0 else None

    def feed_page(self, number: int, limit: int, page: Page[TaskSummary]) -> None:
        """Take in page `number` of `limit` items: every watched task on it is updated."""
        self.pages += 1
        plan = self.round.plan
        total = self._total = plan.total = page.total_count
        if limit != self.limit:
            return  # the count probe
        self._read.add(number)
        entries = plan.entries
        found_watched = False
        for index, item in enumerate(page.items, start=(number - 1) * limit):
            entry = entries.get(item.id)
            if entry is None or entry.resolved:
                continue
            found_watched = True
            entry.rank = total - index
            entry.missing = False
            entry.summary = item
            self.round.seen(entry, item.status)
        if number == self._last_page + 1:
            self._last_page = number
            full = len(page.items) >= self.limit
            self._scanning = self._scanning and full and found_watched

    def solo(self) -> list[Watched]:
        """Due tasks the pages did not answer for: check each by its status."""
        alone = [e for e in self.due if self._pending(e)]
        self.checks += len(alone)
        return alone
