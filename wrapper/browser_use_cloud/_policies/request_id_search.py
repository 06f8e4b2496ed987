"""Find the task a client request id tagged (pure): after an ambiguous run-task failure,
and before sending with an id the caller chose (its idempotency window).

The task list is read newest first, page by page. The search ends at the task carrying
the id (created after the cutoff), at the end of the list, or at the first page holding a
task created before the cutoff (`sent_at` minus `CLOCK_SKEW`): every later page is older
still. Tasks created meanwhile only push older ones to later pages, so none is skipped.
After `max_pages` pages without an answer the search is inconclusive: the caller must not
re-send.
"""

from __future__ import annotations

import datetime as dt

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
"""Pages read at most (1000 tasks at the largest page size) before giving up."""


class RequestIdSearch:
    """Which pages of `tasks.list()` to read to find the task tagged `request_id`."""

    def __init__(
        self,
        request_id: str,
        *,
        sent_at: dt.datetime,
        page_size: int = MAX_PAGE_SIZE,
        max_pages: int = SEARCH_MAX_PAGES,
    ) -> None:
        self.request_id = request_id
        self.cutoff = sent_at - CLOCK_SKEW
        self.page_size = page_size
        self.max_pages = max_pages
        self.next_page: int | None = 1
        """The page to read next, or None when the search is over."""
        self.found: str | None = None
        self.found_item: TaskSummary | None = None
        """The task carrying the id (its summary), once found."""
        self.conclusive = False
        """True once the search has an answer: `found`, or provably no such task."""

    def feed(self, page: Page[TaskSummary]) -> None:
        """Take in the page numbered `next_page`, and decide what to read next."""
        assert self.next_page is not None, "the search is over"
        for item in page.items:
            tagged = (item.metadata or {}).get(REQUEST_ID_KEY) == self.request_id
            if tagged and item.created_at >= self.cutoff:
                self.found, self.found_item = item.id, item
                self.conclusive, self.next_page = True, None
                return
        last = len(page.items) < min(self.page_size, page.limit or self.page_size)
        older = any(item.created_at < self.cutoff for item in page.items)
        if last or older:
            self.conclusive, self.next_page = True, None
        elif self.next_page >= self.max_pages:
            self.next_page = None
        else:
            self.next_page += 1
