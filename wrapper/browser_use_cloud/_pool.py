"""Run jobs a few at a time and hand back their results as they complete.

`AsyncPool` uses asyncio tasks, `Pool` threads; both start `concurrency` workers that
take the next job from one shared iterator (so ten thousand jobs never exist at once) and
stop taking jobs when the consumer stops iterating. Jobs report their own errors in their
results: an exception escaping a job ends the whole run.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Iterable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import anyio

R = TypeVar("R")


class AsyncPool:
    """`async for result in AsyncPool.as_completed(jobs, concurrency)`."""

    @staticmethod
    async def as_completed(
        jobs: Iterable[Callable[[], Awaitable[R]]], concurrency: int
    ) -> AsyncGenerator[R, None]:
        import anyio

        pending = iter(jobs)
        send, receive = anyio.create_memory_object_stream[R]()

        async def worker(out: anyio.abc.ObjectSendStream[R]) -> None:
            async with out:
                for job in pending:
                    await out.send(await job())

        async with anyio.create_task_group() as group, receive:
            async with send:
                for _ in range(concurrency):
                    group.start_soon(worker, send.clone())
            async for result in receive:
                yield result

    @staticmethod
    def shielded() -> contextlib.AbstractContextManager[object]:
        """A block that finishes even while its task is being cancelled (clean-up calls)."""
        import anyio

        return anyio.CancelScope(shield=True)


class Pool:
    """`for result in Pool.as_completed(jobs, concurrency)`, on daemon threads."""

    @staticmethod
    def as_completed(jobs: Iterable[Callable[[], R]], concurrency: int) -> Generator[R, None]:
        pending = iter(jobs)
        lock = threading.Lock()
        stop = threading.Event()
        results: queue.Queue[tuple[bool, R | BaseException | None]] = queue.Queue()

        def next_job() -> Callable[[], R] | None:
            with lock:
                return None if stop.is_set() else next(pending, None)

        def worker() -> None:
            try:
                while (job := next_job()) is not None:
                    results.put((True, job()))
            except BaseException as exc:  # handed to the consumer, which re-raises it
                results.put((False, exc))
            else:
                results.put((False, None))

        threads = [
            threading.Thread(target=worker, name="browser-use-map", daemon=True)
            for _ in range(concurrency)
        ]
        for thread in threads:
            thread.start()
        running = len(threads)
        try:
            while running:
                is_result, value = results.get()
                if is_result:
                    yield value  # type: ignore[misc]
                elif value is None:
                    running -= 1
                else:
                    assert isinstance(value, BaseException)
                    raise value
        finally:
            stop.set()

    @staticmethod
    def shielded() -> contextlib.AbstractContextManager[object]:
        """Threads are not cancelled: nothing to shield."""
        return contextlib.nullcontext()
