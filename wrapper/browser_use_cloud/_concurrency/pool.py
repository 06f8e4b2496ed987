"""Run jobs a few at a time and hand back their results as they complete.

`AsyncPool` runs its workers in a background asyncio task, `Pool` on threads; both start
`concurrency` workers that take the next job from one shared iterator (so ten thousand jobs
never exist at once). Jobs report their own errors in their results: an exception escaping
a job ends the whole run and reaches the consumer.

The rule for leaving early: `aclose()` / `close()` before the last result stops the jobs
still running and then calls `on_close()` once (to stop what they started), and returns
when that is done. The async workers never live in the consumer's task: no task group or
cancel scope spans the consumer's `await`s or a `yield` of an async generator around the
pool, so `break`, `aclosing`, an exception in the loop body and cancelling the consumer all
leave the consumer's task alone. A pool left open (its iterator dropped) is closed by
whoever holds it (the map's generator when it is finalised, the client's `close()`), and
when the event loop shuts down (its runner task is cancelled and runs `on_close()`).
"""

from __future__ import annotations

import contextlib
import contextvars
import queue
import threading
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    import asyncio

    import anyio
    from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

R = TypeVar("R")


class PoolClosed(Exception):
    """The pool was closed elsewhere (not by this consumer) before its last result."""


def _unwrap(error: BaseException) -> BaseException:
    """An exception group of one (from a task group) is that exception."""
    while isinstance(error, BaseExceptionGroup) and len(error.exceptions) == 1:
        error = error.exceptions[0]
    return error


class AsyncPool(Generic[R]):
    """`async for result in AsyncPool(jobs, concurrency, on_close=...)`; `aclose()` to leave.

    The workers start on the first `__anext__`, in a task group inside a background
    asyncio task (the *runner*); results reach the consumer over a memory object stream.
    """

    def __init__(
        self,
        jobs: Iterable[Callable[[], Awaitable[R]]],
        concurrency: int,
        *,
        on_close: Callable[[], Awaitable[None]],
    ) -> None:
        self._pending = iter(jobs)
        self._concurrency = concurrency
        self._on_close = on_close
        self._runner: asyncio.Task[None] | None = None
        self._receive: MemoryObjectReceiveStream[R] | None = None
        self._scope: anyio.CancelScope | None = None
        self._finished: anyio.Event | None = None
        self._clean = False  # every job ran and nothing was cancelled
        self._error: BaseException | None = None
        self._closed = False  # aclose() was called

    def __aiter__(self) -> AsyncPool[R]:
        return self

    async def __anext__(self) -> R:
        import anyio

        if self._closed:
            raise PoolClosed("the pool is closed")
        if self._receive is None:
            self._start()
        assert self._receive is not None and self._finished is not None
        try:
            return await self._receive.receive()
        except anyio.EndOfStream:
            await self._finished.wait()
            if self._error is not None:
                raise self._error from None
            if not self._clean:
                raise PoolClosed("the pool was closed before its last result") from None
            raise StopAsyncIteration from None

    def _start(self) -> None:
        import asyncio

        import anyio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError(
                "running many tasks at once on AsyncBrowserUse needs an asyncio event loop"
            ) from None
        send, self._receive = anyio.create_memory_object_stream[R](float("inf"))
        self._scope = anyio.CancelScope()
        self._finished = anyio.Event()
        self._runner = loop.create_task(self._run(send), name="browser-use-map")

    async def _run(self, send: MemoryObjectSendStream[R]) -> None:
        import anyio

        assert self._scope is not None and self._finished is not None
        try:
            with self._scope:
                async with anyio.create_task_group() as group:
                    for _ in range(self._concurrency):
                        group.start_soon(self._work, send.clone())
            self._clean = not self._scope.cancel_called
        except BaseException as exc:  # a job's error, or the loop shutting down
            if not isinstance(exc, anyio.get_cancelled_exc_class()):
                self._error = _unwrap(exc)
        finally:
            send.close()
            try:
                if not self._clean:
                    with anyio.CancelScope(shield=True):
                        await self._on_close()
            finally:
                self._finished.set()

    async def _work(self, out: MemoryObjectSendStream[R]) -> None:
        async with out:
            for job in self._pending:
                result = await job()
                await out.send(result)

    async def aclose(self) -> None:
        """Unless every job has ended: stop the jobs still running, and return once
        `on_close()` has run (once, shielded from cancellation)."""
        import anyio

        self._closed = True
        if self._receive is None:
            return  # never started: nothing ran
        assert self._scope is not None and self._finished is not None
        self._scope.cancel()
        with anyio.CancelScope(shield=True):
            await self._finished.wait()
        self._receive.close()

    @staticmethod
    def shielded() -> contextlib.AbstractContextManager[object]:
        """A block that finishes even while its task is being cancelled (clean-up calls)."""
        import anyio

        return anyio.CancelScope(shield=True)


class Pool(Generic[R]):
    """`for result in Pool(jobs, concurrency, on_close=...)`, on daemon threads; `close()`
    to leave (threads are not cancelled: the jobs see `on_close()`'s effects and return)."""

    def __init__(
        self,
        jobs: Iterable[Callable[[], R]],
        concurrency: int,
        *,
        on_close: Callable[[], None],
    ) -> None:
        self._pending = iter(jobs)
        self._concurrency = concurrency
        self._on_close = on_close
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._results: queue.Queue[tuple[bool, R | BaseException | None]] = queue.Queue()
        self._running: int | None = None  # workers not finished (None: not started)
        self._closing: threading.Event | None = None  # set once on_close() returned
        self._ended = False  # the last result was handed over

    def __iter__(self) -> Pool[R]:
        return self

    def __next__(self) -> R:
        if self._closing is not None:
            raise PoolClosed("the pool is closed")
        if self._running is None:
            self._start()
        assert self._running is not None
        while self._running:
            is_result, value = self._results.get()
            if is_result:
                return value  # type: ignore[return-value]
            if value is None:
                self._running -= 1
            else:
                assert isinstance(value, BaseException)
                self._running = 0
                raise value
        if self._stop.is_set():
            raise PoolClosed("the pool was closed before its last result")
        self._ended = True
        raise StopIteration

    def _start(self) -> None:
        # Each thread runs in a copy of the caller's context, as asyncio tasks do: a call's
        # request extras and response captures (context variables) reach its jobs.
        context = contextvars.copy_context()
        threads = [
            threading.Thread(
                target=context.copy().run, args=(self._work,), name="browser-use-map", daemon=True
            )
            for _ in range(self._concurrency)
        ]
        self._running = len(threads)
        for thread in threads:
            thread.start()

    def _next_job(self) -> Callable[[], R] | None:
        with self._lock:
            return None if self._stop.is_set() else next(self._pending, None)

    def _work(self) -> None:
        try:
            while (job := self._next_job()) is not None:
                self._results.put((True, job()))
        except BaseException as exc:  # handed to the consumer, which re-raises it
            self._results.put((False, exc))
        else:
            self._results.put((False, None))

    def close(self) -> None:
        """Take no more jobs; unless every result was handed over, call `on_close()` once
        (a second caller waits for the first)."""
        with self._lock:
            self._stop.set()
            closing, first = self._closing, self._closing is None
            if first:
                closing = self._closing = threading.Event()
        assert closing is not None
        if not first:
            closing.wait()
            return
        try:
            if self._running is not None and not self._ended:
                self._on_close()
        finally:
            closing.set()

    @staticmethod
    def shielded() -> contextlib.AbstractContextManager[object]:
        """Threads are not cancelled: nothing to shield."""
        return contextlib.nullcontext()
