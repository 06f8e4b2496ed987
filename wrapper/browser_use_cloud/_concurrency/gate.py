"""Admission of requests per client: a cap on requests in flight, and pacing by the budget.

httpcore's async connection pool spends time proportional to the number of queued requests
times its connections on every hand-over, so a thousand concurrent requests behind a pool of
100 connections slow each other to a crawl (and time out in the pool). Letting at most as many
requests into the pool as it has connections keeps the queue out of it.

The pacers hold requests back until the client's `RequestBudget` lets them start. One
request at a time waits on the budget (the others queue on a lock, in order), so a
thousand waiting requests cost one timer, and a late wake-up cannot release a burst.
"""

from __future__ import annotations

import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING

from .._policies.budget import RequestBudget

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
        self._semaphore = threading.Semaphore(limit)

    def __enter__(self) -> None:
        self._semaphore.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._semaphore.release()


class AsyncPacer:
    """`await pacer.wait_turn()` before each attempt: returns when the budget allows it."""

    def __init__(self, budget: RequestBudget) -> None:
        self.budget = budget
        self._lock: anyio.Lock | None = None

    async def wait_turn(self) -> float:
        """Wait for a turn; return the seconds spent waiting (0.0: none)."""
        budget = self.budget
        start = time.monotonic()
        if budget.rate is None and budget.paused_until() <= start:
            return 0.0  # unlimited and not paused: no lock, no timer
        import anyio

        if self._lock is None:
            self._lock = anyio.Lock()
        slept = False
        async with self._lock:
            while (delay := budget.delay(time.monotonic())) > 0:
                slept = True
                await anyio.sleep(delay)
            now = time.monotonic()
            budget.take(now)
        return now - start if slept else 0.0


class Pacer:
    """`pacer.wait_turn()` before each attempt, for the sync client's threads."""

    def __init__(self, budget: RequestBudget) -> None:
        self.budget = budget
        self._lock = threading.Lock()

    def wait_turn(self) -> float:
        """Wait for a turn; return the seconds spent waiting (0.0: none)."""
        budget = self.budget
        start = time.monotonic()
        if budget.rate is None and budget.paused_until() <= start:
            return 0.0
        slept = False
        with self._lock:
            while (delay := budget.delay(time.monotonic())) > 0:
                slept = True
                time.sleep(delay)
            now = time.monotonic()
            budget.take(now)
        return now - start if slept else 0.0
