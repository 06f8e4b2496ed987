"""The base of every resource (`client.tasks`, `client.files`, ...): what they share."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Protocol, TypeVar

from .._config import RequestTimeout
from .._models import Page
from .._policies.page_walk import PageWalk

if TYPE_CHECKING:
    from ._context import AsyncContext
    from ._http import AsyncHTTP

T = TypeVar("T")


class PageFetcher(Protocol[T]):
    """A bound `list(page=..., limit=..., timeout=...)` method."""

    async def __call__(self, *, page: int, limit: int, timeout: RequestTimeout) -> Page[T]: ...


class AsyncAPIResource:
    """A group of operations of one client, sent through that client's HTTP driver.

    Made with the client's context (`_context.py`): everything a resource works with
    comes from there, never from the client or another resource.
    """

    _context: AsyncContext
    _http: AsyncHTTP

    def __init__(self, context: AsyncContext) -> None:
        self._context = context
        self._http = context.http

    @staticmethod
    async def _paginate(
        fetch: PageFetcher[T], walk: PageWalk[T], timeout: RequestTimeout
    ) -> AsyncIterator[T]:
        """Yield every item once, fetching pages as the caller consumes them."""
        while (number := walk.next_page()) is not None:
            page = await fetch(page=number, limit=walk.page_size, timeout=timeout)
            for item in walk.feed(page):
                yield item
