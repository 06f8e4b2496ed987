"""The client's line for creating tasks behind the account's limit on tasks running at once.

Every map of a client, and `create()` / `run()` with `wait_for_slot`, take their turn here:
one `Admission` (`_policies/map_plan.py`) decides when the next creation may be sent, and the inputs
wait in line, in order. Only the first is woken when the admission changes, and it wakes
the next once it leaves the line, so each slot that frees up costs one wake-up, not one per
waiting input (a thousand waiting inputs would otherwise all look again at every change).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable

from .._concurrency.gate import MAX_IN_FLIGHT
from .._concurrency.signals import AsyncGuard, AsyncSignal
from .._exceptions import ConcurrencyLimitError
from .._policies.budget import BudgetShare
from .._policies.map_plan import Admission

PROBE_EVERY = 1.0
"""Seconds after which the first in line looks again even when nothing changed."""


class LeftTheLine(Exception):
    """The waiter's `leave()` said to stop waiting (its map was closed)."""


def _clock() -> float:
    return time.monotonic()


class AsyncSlots:
    """`task_id = await slots.create(send)`; `release()` once that task has ended."""

    def __init__(self, share: BudgetShare) -> None:
        """`share`: the request budget's share for run-task requests; as many may be in
        flight at once as it allows in a second (at most `MAX_IN_FLIGHT`)."""
        self.admission = Admission(max_in_flight=share.at_once(MAX_IN_FLIGHT))
        self._guard = AsyncGuard()
        self._line: deque[AsyncSignal] = deque()

    async def create(
        self, send: Callable[[], Awaitable[str]], *, leave: Callable[[], bool] = lambda: False
    ) -> str:
        """Wait for a turn, then `send()` the run-task request (the caller shields it); a
        concurrency refusal puts it back in line. The slot stays taken until `release()`.
        Raises `LeftTheLine` when `leave()` turns true while waiting."""
        while True:
            await self._take_turn(leave)
            try:
                task_id = await send()
            except ConcurrencyLimitError:
                with self._guard:
                    self.admission.refused(_clock())
                continue
            except BaseException:
                with self._guard:
                    self.admission.failed()
                self._wake_first()
                raise
            with self._guard:
                self.admission.created(_clock())
            self._wake_first()
            return task_id

    def attached(self) -> None:
        """A task created earlier now counts as one of ours (`release()` it when it ends)."""
        with self._guard:
            self.admission.reserve()
            self.admission.created(_clock())

    def release(self) -> None:
        """One of our tasks ended: its slot is free for the next in line."""
        with self._guard:
            self.admission.ended()
        self._wake_first()

    def wake_all(self) -> None:
        """Everyone in line looks again (a map closed: its inputs leave the line)."""
        with self._guard:
            for signal in self._line:
                signal.set()

    async def _take_turn(self, leave: Callable[[], bool]) -> None:
        """Return once this caller may send its request (its slot is reserved)."""
        signal = AsyncSignal()
        with self._guard:
            self._line.append(signal)
        try:
            while True:
                signal.clear()
                with self._guard:
                    if leave():
                        raise LeftTheLine
                    first = self._line[0] is signal
                    delay = self.admission.delay(_clock()) if first else None
                    if delay == 0:
                        self.admission.reserve()
                        return
                # The first in line also looks again now and then (a probe, or a safety net).
                await signal.wait((PROBE_EVERY if delay is None else delay) if first else None)
        finally:
            with self._guard:
                self._line.remove(signal)
            self._wake_first()

    def _wake_first(self) -> None:
        with self._guard:
            if self._line:
                self._line[0].set()
