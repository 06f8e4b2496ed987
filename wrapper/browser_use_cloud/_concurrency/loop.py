"""Notice when an async client is used from a new event loop (a second `asyncio.run`).

An httpx connection pool and the asyncio primitives around it belong to the loop that
first used them; once that loop is closed they fail with "Event loop is closed". The async
HTTP driver asks `moved()` before each request and builds fresh ones when it says so.
"""

from __future__ import annotations

import sys
import weakref


class AsyncLoopBinding:
    """Remembers the asyncio event loop a client last ran in."""

    def __init__(self) -> None:
        self._loop: weakref.ref[object] | None = None

    def moved(self) -> bool:
        """True when this call runs in another event loop than the previous call did."""
        asyncio = sys.modules.get("asyncio")
        if asyncio is None:
            return False
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not under asyncio (e.g. trio): nothing to rebind
            return False
        previous = None if self._loop is None else self._loop()
        if previous is loop:
            return False
        first = self._loop is None
        self._loop = weakref.ref(loop)
        return not first


class LoopBinding:
    """The sync client's twin: threads have no event loop to outlive."""

    def moved(self) -> bool:
        return False
