"""Find the tasks that client request ids tagged (pure): one id after an ambiguous run-task
failure or before sending with an id the caller chose (its idempotency window), many when a
map re-attaches its inputs to the tasks an earlier run created.

The task list is read newest first, page by page. The search ends once every id has its
task (created after the cutoff), at the end of the list, or at the first page holding a
task created before the cutoff (`since` minus `CLOCK_SKEW`): every later page is older
still. Tasks created meanwhile only push older ones to later pages, so none is skipped.
After `max_pages` pages without an answer the search is inconclusive: a creation must not
re-send.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .._input.task_input import REQUEST_ID_KEY
from .._models import Page, TaskSummary
from .page_walk import MAX_PAGE_SIZE

REATTACH_WINDOW = dt.timedelta(hours=1)
"""The one re-attach window: how far back every look-up of a request id reads by default
(plus `CLOCK_SKEW`): `create(request_id=...)`'s idempotency key, the tasks an earlier run
of a map (or `batch`) created, and `find_by_request_id()` without `since=`. Short, because
a map's ids come from its inputs: a schedule that runs the same inputs again later than
this gets fresh tasks, not the previous run's. docs/guides/reliability.md states it."""
CLOCK_SKEW = dt.timedelta(minutes=5)
"""How far the service's clock may lag ours before the search could stop too early."""
SEARCH_MAX_PAGES = 10
"""Pages read at most (1000 tasks at the largest page size) when looking for one id."""
REATTACH_MAX_PAGES = 200
"""Pages read at most (20,000 tasks) when a map looks for the tasks of earlier runs."""


class RequestIdSearch:
    """Which pages of `tasks.list()` to read to find the tasks tagged `request_ids`, each
    created after `since` (less the clock skew); `found` maps an id to its newest task."""

    def __init__(
        self,
        request_ids: Iterable[str],
        *,
        since: dt.datetime,
        page_size: int = MAX_PAGE_SIZE,
        max_pages: int = SEARCH_MAX_PAGES,
    ) -> None:
        self.wanted = frozenset(request_ids)
        self.cutoff = since - CLOCK_SKEW
        self.page_size = page_size
        self.max_pages = max_pages
        self.found: dict[str, TaskSummary] = {}
        """The task carrying each id found so far (its summary), by request id."""
        self.conclusive = not self.wanted
        """True once the search has an answer for every id: its task, or provably none."""
        self.next_page: int | None = None if self.conclusive else 1
        """The page to read next, or None when the search is over."""

    def task_id(self, request_id: str) -> str | None:
        """The id of the task tagged `request_id`, if found."""
        found = self.found.get(request_id)
        return None if found is None else found.id

    def feed(self, page: Page[TaskSummary]) -> None:
        """Take in the page numbered `next_page`, and decide what to read next."""
        assert self.next_page is not None, "the search is over"
        for item in page.items:
            rid = (item.metadata or {}).get(REQUEST_ID_KEY)
            if rid in self.wanted and rid not in self.found and item.created_at >= self.cutoff:
                self.found[rid] = item  # newest first: the first one seen is the newest
        full = min(self.page_size, page.limit or self.page_size)
        last = len(page.items) < full or page.page >= page.total_pages
        older = any(item.created_at < self.cutoff for item in page.items)
        if last or older or len(self.found) == len(self.wanted):
            self.conclusive, self.next_page = True, None
        elif self.next_page >= self.max_pages:
            self.next_page = None
        else:
            self.next_page += 1
