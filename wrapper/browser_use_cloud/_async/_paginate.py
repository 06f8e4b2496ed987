"""Drive a PageWalk over a list call, lazily, one page in memory at a time."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol, TypeVar

from .._models import Page
from .._pagination import PageWalk

T = TypeVar("T")


class PageFetcher(Protocol[T]):
    """A bound `list(page=..., limit=...)` method."""

    async def __call__(self, *, page: int, limit: int) -> Page[T]: ...


async def paginate(fetch: PageFetcher[T], walk: PageWalk[T]) -> AsyncIterator[T]:
    """Yield every item once, fetching pages as the caller consumes them."""
    while (number := walk.next_page()) is not None:
        page = await fetch(page=number, limit=walk.page_size)
        for item in walk.feed(page):
            yield item
