"""A cap on requests in flight per client.

httpcore's async connection pool spends time proportional to the number of queued requests
times its connections on every hand-over, so a thousand concurrent requests behind a pool of
100 connections slow each other to a crawl (and time out in the pool). Letting at most as many
requests into the pool as it has connections keeps the queue out of it.
"""

from __future__ import annotations

import threading
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import anyio

MAX_IN_FLIGHT = 100  # the pool's max_connections


class AsyncGate:
    """`async with gate:` around a request; the semaphore is made in the running loop."""

    def __init__(self, limit: int = MAX_IN_FLIGHT) -> None:
        self._limit = limit
        self._semaphore: anyio.Semaphore | None = None

    async def __aenter__(self) -> None:
        if self._semaphore is None:
            import anyio  # on first use: keeps `import browser_use_cloud` light

            self._semaphore = anyio.Semaphore(self._limit)
        await self._semaphore.acquire()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        assert self._semaphore is not None
        self._semaphore.release()


class Gate:
    """`with gate:` around a request, for the sync client's threads."""

    def __init__(self, limit: int = MAX_IN_FLIGHT) -> None:
        self._semaphore = threading.BoundedSemaphore(limit)

    def __enter__(self) -> None:
        self._semaphore.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._semaphore.release()
