# Generated from _async/_paginate.py by scripts/unasync.py. Do not edit.
"""Drive a PageWalk over a list call, lazily, one page in memory at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, TypeVar

from .._models import Page
from .._pagination import PageWalk

T = TypeVar("T")


class PageFetcher(Protocol[T]):
    """A bound `list(page=..., limit=...)` method."""

    def __call__(self, *, page: int, limit: int) -> Page[T]: ...


def paginate(fetch: PageFetcher[T], walk: PageWalk[T]) -> Iterator[T]:
    """Yield every item once, fetching pages as the caller consumes them."""
    while (number := walk.next_page()) is not None:
        page = fetch(page=number, limit=walk.page_size)
        yield from walk.feed(page)
