"""Wake-ups between waiters, for asyncio tasks and for threads.

Each waiter owns one signal: `clear()` it, look at the shared state, then `wait(timeout)`;
anyone may `set()` it meanwhile (nothing is lost between the look and the wait). The guard
protects state shared by waiters: threads need a lock, asyncio code between two awaits
already runs alone.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import anyio


class AsyncSignal:
    """A resettable event for one asyncio waiter (call `set()` from the event loop)."""

    def __init__(self) -> None:
        import anyio  # on first use: keeps `import browser_use_cloud` light

        self._event: anyio.Event = anyio.Event()

    def set(self) -> None:
        self._event.set()

    def clear(self) -> None:
        if self._event.is_set():
            import anyio

            self._event = anyio.Event()

    async def wait(self, timeout: float | None) -> None:
        """Return when set, or after `timeout` seconds (None: no limit)."""
        import anyio

        with anyio.move_on_after(timeout):
            await self._event.wait()


class Signal:
    """A resettable event for one waiting thread (`set()` from any thread)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def clear(self) -> None:
        self._event.clear()

    def wait(self, timeout: float | None) -> None:
        self._event.wait(timeout)


class AsyncGuard(contextlib.nullcontext[None]):
    """`with guard:` around shared state; nothing to do between two awaits."""

    def __init__(self) -> None:
        super().__init__()


class Guard:
    """`with guard:` around state shared by threads."""

    def __init__(self) -> None:
        self._lock = threading.RLock()

    def __enter__(self) -> None:
        self._lock.acquire()

    def __exit__(self, *exc: object) -> None:
        self._lock.release()
