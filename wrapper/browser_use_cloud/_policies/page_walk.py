"""Page-iteration state for the newest-first, page-numbered list endpoints (pure).

While we walk pages, new items are inserted at the front, so everything shifts towards
later pages: an item seen on page N can show up again on page N+1 (or later, if many
items were created in between). Items are never skipped by insertions, only repeated.

`PageWalk` yields each item once with bounded memory:

- it remembers the ids of the last `window` pages (a shift smaller than that is caught);
- with an `order_key` (e.g. `created_at`), ranks only go down as we walk, so anything
  ranked above the last item yielded is skipped, and so is anything tied with it that
  was yielded already (the ids at the current rank are kept). This catches any shift.
  A new item that ties with the newest existing one cannot be told apart from it, so it
  may be yielded too (once). The watermark switches itself off if a page is not
  newest-first.

With an order key the walk treats the first page's `total_count` (S) as a snapshot of
the existing items, which sit behind every newer one. It counts the items it yielded
that are certainly existing ones: ranked below the first page's top item, or (checked
one page later, since a count may be taken before the rows are read) placed behind
every item created so far. That count gives a position no later than the next unseen
item, so it can jump over pages of new items, and once it reaches S the walk is over.
It also ends at the end of the list: an empty page, or a short page at or past
`total_pages` (a full last page is confirmed by fetching the next one). Without an
order key it stops after page `total_pages`. Deletions during a walk shift items the
other way and may hide some: offset pagination cannot prevent that.
"""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from .._exceptions import InputError
from .._input.validate import check_int
from .._models import Page
from .._spec.limits import MAX_PAGE_SIZE as MAX_PAGE_SIZE

T = TypeVar("T")


def check_page_args(page: int, limit: int, *, limit_name: str = "limit") -> None:
    """Validate `page` (>= 1) and `limit` (1..100) for a list call; errors call the page
    size `limit_name` (the argument the caller passed)."""
    check_int("page", page, 1)  # the messages of the one argument check (`_input/arguments.py`)
    check_int(limit_name, limit, 1, MAX_PAGE_SIZE)


class PageWalk(Generic[T]):
    """Decides which page to fetch next and which of its items are new."""

    def __init__(
        self,
        key: Callable[[T], Hashable],
        *,
        page_size: int = MAX_PAGE_SIZE,
        max_items: int | None = None,
        order_key: Callable[[T], Any] | None = None,
        window: int = 2,
    ) -> None:
        check_page_args(1, page_size, limit_name="page_size")
        if max_items is not None and (
            isinstance(max_items, bool) or not isinstance(max_items, int) or max_items < 0
        ):
            raise InputError(f"max_items must be None or an integer >= 0, got {max_items!r}")
        self.key = key
        self.page_size = page_size
        self.max_items = max_items
        self._order = order_key
        self._recent: deque[set[Hashable]] = deque(maxlen=max(window, 1))
        self._watermark: Any = None
        self._ties: set[Hashable] = set()  # ids yielded with rank == watermark
        self._page = 1
        self._yielded = 0
        self._snapshot: int | None = None  # S: first page's total_count
        self._top: Any = None  # rank of the first page's newest item
        self._existing = 0  # items yielded that certainly existed at the snapshot
        self._unsure: list[int] = []  # list positions of last page's other yields, ascending
        self.done = max_items == 0

    def next_page(self) -> int | None:
        """The page number to fetch next, or None when the walk is over."""
        return None if self.done else self._page

    def feed(self, page: Page[T]) -> list[T]:
        """Take the page just fetched; return its items not yielded before, in order."""
        if self.done:
            return []
        items = page.items
        if not items:
            self.done = True
            return []
        order = self._order
        key = self.key
        # Each key and rank read once (map: no Python frame per item when they are
        # C-level getters such as operator.attrgetter; a page can hold 100 items).
        idents = list(map(key, items))
        ranks = None if order is None else list(map(order, items))
        if ranks is not None and not _newest_first(ranks):
            self._order = order = ranks = None
        snapshot = self._snapshot
        if snapshot is None:
            snapshot = self._snapshot = page.total_count
            if ranks is not None:
                self._top = next((r for r in ranks if r is not None), None)
        elif order is not None:
            # This page's count was taken after the last page was read: positions from
            # `created` on were then held by items older than anything created since.
            created = page.total_count - snapshot
            unsure_before = self._unsure  # ascending
            self._existing += len(unsure_before) - bisect.bisect_left(unsure_before, created)
        unsure: list[int] = []
        self._unsure = unsure
        recent = self._recent
        watermark = self._watermark
        ties = self._ties
        top = self._top
        start = (self._page - 1) * self.page_size
        room = None if self.max_items is None else self.max_items - self._yielded
        fresh: list[T] = []
        rest = items
        if (
            ranks is not None
            and (room is None or room >= len(items))
            and None not in ranks
            and (watermark is None or ranks[0] < watermark)
            and all(ids.isdisjoint(idents) for ids in recent)
        ):
            # The common page: nothing seen before, all older than what was yielded. The
            # loop below would yield every item; do its bookkeeping in bulk. Kept for bench
            # row 4 (iterating 100,000 tasks, target <= 1.1x a raw page loop): per page of
            # 100 the client runs 5.34 M instructions with it, 5.60 M without (raw: 3.87 M;
            # callgrind, 2026-12-07), and the row's time ratio is at its target already.
            fresh = list(items)
            watermark = ranks[-1]
            first_tie = len(ranks) - 1
            while first_tie > 0 and ranks[first_tie - 1] == watermark:
                first_tie -= 1
            ties = set(idents[first_tie:])
            below_top = 0
            if top is None:
                below_top = len(ranks)
            else:
                while below_top < len(ranks) and not ranks[below_top] < top:
                    below_top += 1
                self._existing += len(ranks) - below_top
            unsure.extend(range(start, start + below_top))
            rest = ()  # the loop below has nothing left to do
        seen: set[Hashable] = set().union(*recent) if rest else set()
        for index, item in enumerate(rest):
            if room is not None and len(fresh) >= room:
                break
            ident = idents[index]
            if ident in seen:
                continue
            if ranks is not None:
                rank = ranks[index]
                if rank is not None:
                    if watermark is not None:
                        if rank > watermark or (rank == watermark and ident in ties):
                            continue
                        if rank < watermark:
                            ties = set()
                    watermark = rank
                    ties.add(ident)
                    if top is not None and rank < top:
                        self._existing += 1
                    else:
                        unsure.append(start + index)
            fresh.append(item)
        recent.append(set(idents))
        self._watermark = watermark
        self._ties = ties
        self._yielded += len(fresh)
        self._page += 1
        if order is not None:
            # Items created since the snapshot sit in front of the ones still to come;
            # skip whole pages of them (both terms can only underestimate the position).
            created = max(page.total_count - snapshot, 0)
            self._page = max(self._page, 1 + (created + self._existing) // self.page_size)
        end_of_list = len(items) < self.page_size and page.page >= page.total_pages
        if (
            (self.max_items is not None and self._yielded >= self.max_items)
            or end_of_list
            or (order is None and page.page >= page.total_pages)
            or (order is not None and self._existing >= snapshot)
        ):
            self.done = True
        return fresh


def _newest_first(ranks: list[Any]) -> bool:
    known = ranks if None not in ranks else [rank for rank in ranks if rank is not None]
    return sorted(known, reverse=True) == known  # linear on a sorted page
