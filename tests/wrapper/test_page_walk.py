"""PageWalk: each item once across shifting newest-first pages, bounded memory, stops."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from browser_use_cloud import InputError, Page
from browser_use_cloud._policies.page_walk import PageWalk, check_page_args


class Server:
    """A newest-first list: item n has id n and rank n (higher is newer)."""

    def __init__(self, count: int) -> None:
        self.items = list(range(count - 1, -1, -1))
        self.next_id = count

    def create(self, how_many: int) -> None:
        for _ in range(how_many):
            self.items.insert(0, self.next_id)
            self.next_id += 1

    def page(self, number: int, limit: int) -> Page[int]:
        start = (number - 1) * limit
        total = len(self.items)
        return Page(
            items=tuple(self.items[start : start + limit]),
            page=number,
            limit=limit,
            total_pages=max(1, math.ceil(total / limit)),
            total_count=total,
        )


def walk(server: Server, walker: PageWalk[int], creations: list[int]) -> list[int]:
    seen: list[int] = []
    fetches = 0
    while (number := walker.next_page()) is not None:
        seen.extend(walker.feed(server.page(number, walker.page_size)))
        server.create(creations[fetches] if fetches < len(creations) else 0)
        fetches += 1
        assert fetches < 1000
    return seen


@settings(max_examples=200, deadline=None)
@given(
    count=st.integers(0, 60),
    page_size=st.integers(1, 10),
    creations=st.lists(st.integers(0, 25), max_size=8),
    use_order=st.booleans(),
    tie_span=st.sampled_from([1, 3]),
)
def test_every_original_item_exactly_once_while_items_are_created(
    count: int, page_size: int, creations: list[int], use_order: bool, tie_span: int
) -> None:
    server = Server(count)
    original = list(server.items)
    walker = PageWalk(
        lambda i: i,
        page_size=page_size,
        # tie_span 3: originals share creation times in threes; later items are newer.
        order_key=(lambda i: i // tie_span if i < count else count + i) if use_order else None,
    )
    # Without an order key the id window (2 pages) covers shifts below one page per fetch.
    if not use_order:
        creations = [min(c, page_size - 1) for c in creations]
    assert walk(server, walker, creations) == original


def test_order_key_catches_shifts_larger_than_the_window() -> None:
    """Bursts of new items much larger than a page: skipped, and originals come once."""
    server = Server(30)
    walker = PageWalk(lambda i: i, page_size=5, order_key=lambda i: i, window=1)
    seen = walk(server, walker, [40, 3, 40, 12])
    assert sorted(seen, reverse=True) == list(range(29, -1, -1))


def test_without_order_key_a_huge_shift_is_documented_as_duplicates() -> None:
    server = Server(10)
    walker = PageWalk(lambda i: i, page_size=2, window=1)
    seen = walk(server, walker, [5])
    assert len(seen) > len(set(seen))  # the limit the module docstring states


def test_watermark_turns_itself_off_for_oldest_first_pages() -> None:
    pages = [
        Page(items=(1, 2, 3), page=1, limit=3, total_pages=2, total_count=6),
        Page(items=(4, 5, 6), page=2, limit=3, total_pages=2, total_count=6),
    ]
    walker = PageWalk(lambda i: i, page_size=3, order_key=lambda i: i)
    assert walker.feed(pages[0]) + walker.feed(pages[1]) == [1, 2, 3, 4, 5, 6]


def test_max_items_stops_early_and_truncates() -> None:
    server = Server(25)
    walker = PageWalk(lambda i: i, page_size=10, max_items=13)
    assert walk(server, walker, []) == list(range(24, 11, -1))
    assert walker.next_page() is None
    assert PageWalk(lambda i: i, max_items=0).next_page() is None


def test_stops_at_empty_page_and_after_last_page() -> None:
    walker = PageWalk(lambda i: i, page_size=3)
    assert walker.next_page() == 1
    assert walker.feed(Page(items=(), page=1, limit=3, total_pages=5, total_count=9)) == []
    assert walker.next_page() is None
    walker = PageWalk(lambda i: i, page_size=3)
    walker.feed(Page(items=(1,), page=1, limit=3, total_pages=1, total_count=1))
    assert walker.next_page() is None


def test_memory_is_bounded_to_the_window() -> None:
    server = Server(500)
    walker = PageWalk(lambda i: i, page_size=10, window=2)
    while (number := walker.next_page()) is not None:
        walker.feed(server.page(number, 10))
        assert sum(len(ids) for ids in walker._recent) <= 20


@pytest.mark.parametrize(
    ("page", "limit"), [(0, 10), (1, 0), (1, 101), (True, 10), (1, 2.5), ("1", 10)]
)
def test_page_arguments_are_checked(page: object, limit: object) -> None:
    with pytest.raises(InputError):
        check_page_args(page, limit)  # type: ignore[arg-type]


def test_bad_walk_arguments() -> None:
    with pytest.raises(InputError, match="max_items"):
        PageWalk(lambda i: i, max_items=-1)
    with pytest.raises(InputError, match="page_size"):
        PageWalk(lambda i: i, page_size=500)


def _page(items: tuple[str, ...], number: int, limit: int, total: int) -> Page[str]:
    pages = max(1, math.ceil(total / limit))
    return Page(items=items, page=number, limit=limit, total_pages=pages, total_count=total)


def test_a_new_item_tied_with_the_newest_does_not_end_the_walk_early() -> None:
    """Two items share a second; two more arrive in that second after the first page."""
    second = {"old-1": 5, "old-0": 5, "new-0": 5, "new-1": 5}
    walker = PageWalk(lambda i: i, page_size=1, order_key=second.__getitem__)
    items = ["old-1", "old-0"]
    seen: list[str] = []
    while (number := walker.next_page()) is not None:
        total = len(items)
        seen += walker.feed(_page(tuple(items[number - 1 : number]), number, 1, total))
        if number == 1:
            items[:0] = ["new-1", "new-0"]
    assert {"old-1", "old-0"} <= set(seen) and len(seen) == len(set(seen))


def test_a_count_taken_before_an_insert_does_not_end_the_walk_on_a_full_page() -> None:
    """total_count 4 says one page of 4, but an insert landed before the rows were read."""
    walker = PageWalk(lambda i: i, page_size=4, order_key=lambda i: 0 if i[0] == "o" else 1)
    rows = ("n", "o4", "o3", "o2")
    assert walker.feed(_page(rows, 1, 4, 4)) == list(rows)  # "n" cannot be told apart
    assert walker.next_page() == 2
    assert walker.feed(_page(("o1",), 2, 4, 5)) == ["o1"]
    assert walker.next_page() is None


def test_a_snapshot_walk_ends_without_an_extra_fetch_when_nothing_changed() -> None:
    server = Server(20)
    walker = PageWalk(lambda i: i, page_size=10, order_key=lambda i: i // 3)
    pages = 0
    while (number := walker.next_page()) is not None:
        walker.feed(server.page(number, 10))
        pages += 1
    assert pages == 2
