# Generated from _async/_resource.py by scripts/unasync.py. Do not edit.
"""The base of every resource (`client.tasks`, `client.files`, ...): what they share."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol, TypeVar

from .._config import RequestTimeout
from .._models import Page
from .._policies.page_walk import PageWalk

if TYPE_CHECKING:
    from ._context import Context
    from ._http import HTTP

T = TypeVar("T")


class PageFetcher(Protocol[T]):
    """A bound `list(page=..., limit=..., timeout=...)` method."""

    def __call__(self, *, page: int, limit: int, timeout: RequestTimeout) -> Page[T]: ...


class APIResource:
    """A group of operations of one client, sent through that client's HTTP driver.

    Made with the client's context (`_context.py`): everything a resource works with
    comes from there, never from the client or another resource.
    """

    _context: Context
    _http: HTTP

    def __init__(self, context: Context) -> None:
        self._context = context
        self._http = context.http

    @staticmethod
    def _paginate(fetch: PageFetcher[T], walk: PageWalk[T], timeout: RequestTimeout) -> Iterator[T]:
        """Yield every item once, fetching pages as the caller consumes them."""
        while (number := walk.next_page()) is not None:
            page = fetch(page=number, limit=walk.page_size, timeout=timeout)
            yield from walk.feed(page)
