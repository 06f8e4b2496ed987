"""Step-stream state (pure): each step is yielded once, in step-number order.

A stream re-fetches the whole task and feeds its step list here. Fetches may repeat
steps, come back stale (fewer steps than before) or, rarely, skip a number; a step is
released only when it is new (by id and by number) and comes after the last one
released. A gap in the numbering is held for a few fetches in case the missing step
shows up late; it is released when the task is final or the hold runs out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar


class StepLike(Protocol):
    """What the tracker needs from a step: its id and its number."""

    @property
    def id(self) -> str: ...

    @property
    def step(self) -> int: ...


S = TypeVar("S", bound=StepLike)


class StepTracker(Generic[S]):
    """Remembers what a stream released; `feed()` returns the steps to yield next."""

    def __init__(self, *, max_gap_holds: int = 2) -> None:
        self._last: int | None = None
        self._seen: set[str] = set()
        self._holds = 0
        self._max_gap_holds = max_gap_holds

    @property
    def count(self) -> int:
        """How many steps were released so far."""
        return len(self._seen)

    def feed(self, steps: Iterable[S], *, final: bool = False) -> list[S]:
        """New steps from one fetch, in order; `final` when the task is terminal."""
        fresh: dict[int, S] = {}
        for step in steps:
            if step.id in self._seen or step.step in fresh:
                continue
            if self._last is not None and step.step <= self._last:
                continue
            fresh[step.step] = step
        released: list[S] = []
        expected = self._last + 1 if self._last is not None else 1
        held = False
        for number in sorted(fresh):
            is_gap = number > expected
            if is_gap and not final and self._holds < self._max_gap_holds:
                held = True
                break
            released.append(fresh[number])
            expected = number + 1
        self._holds = self._holds + 1 if held else 0
        for step in released:
            self._seen.add(step.id)
            self._last = step.step
        return released
