"""The task lifecycle: a clock-driven timeline that pause freezes and stop ends.

A task's timeline is ``start_delay`` seconds in ``created`` followed by one step
every ``interval`` seconds in ``running``; when the last step appears it is
``finished`` (or ``failed`` after its failing step). Nothing runs in the
background: the status is computed from the elapsed running time when asked.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from ._script import Step

TERMINAL = frozenset({"finished", "failed", "stopped"})
_EPS = 1e-9


class TransitionError(Exception):
    """A control call that the task's current status does not allow (answered 409)."""


@dataclass
class TaskRecord:
    """One task run and its timeline (times are ``time.monotonic()`` seconds)."""

    id: str
    session_id: str
    task: str
    request: dict[str, Any] = field(repr=False)
    created_at: datetime
    steps: list[tuple[str, Step]]  # (step id, step) for every step the run will show
    outcome: str  # "finished" or "failed"
    output: str | None
    output_files: tuple[str, ...]
    interval: float
    start_delay: float
    schedule_id: str | None = None
    interrupt: tuple[str, int] | None = None  # ("stop" | "pause", after step N): someone else
    finished_at: datetime | None = None
    history: list[str] = field(default_factory=list)  # statuses already announced
    _base: float = 0.0  # timeline seconds accumulated before the current segment
    _segment: float | None = None  # monotonic start of the current segment, None if frozen
    _held: str | None = None  # "paused" or a terminal status
    _steps_at_stop: int = 0

    def __post_init__(self) -> None:
        self._segment = time.monotonic()

    @property
    def end(self) -> float:
        """Timeline second at which the run ends by itself."""
        return self.start_delay + len(self.steps) * self.interval

    def elapsed(self, now: float) -> float:
        """Timeline seconds so far (frozen while paused or ended)."""
        running = now - self._segment if self._segment is not None else 0.0
        return self._base + running

    def status(self, now: float) -> str:
        """The status at ``now``, settling the end of the run if it has come."""
        if self._held is None and self.interrupt is not None:
            self._interrupt_if_due(now)
        if self._held is not None:
            return self._held
        elapsed = self.elapsed(now)
        if elapsed + _EPS >= self.end:
            self._held = self.outcome
            self._base, self._segment = self.end, None
            self.finished_at = datetime.now(UTC) - timedelta(seconds=elapsed - self.end)
            return self.outcome
        return "created" if elapsed + _EPS < self.start_delay else "running"

    def _interrupt_if_due(self, now: float) -> None:
        """Someone else stops or pauses the run after step N (``interrupt``), once."""
        assert self.interrupt is not None
        action, after = self.interrupt
        at = self.start_delay + after * self.interval
        elapsed = self.elapsed(now)
        if elapsed + _EPS < at:
            return
        self.interrupt = None
        self._base, self._segment = at, None
        if action == "pause":
            self._held = "paused"
            return
        self._held = "stopped"
        self._steps_at_stop = after
        self.output = None
        self.finished_at = datetime.now(UTC) - timedelta(seconds=elapsed - at)

    def visible_steps(self, now: float) -> list[tuple[str, Step]]:
        """Steps taken so far."""
        status = self.status(now)
        if status in ("finished", "failed"):
            return self.steps
        if status == "stopped":
            return self.steps[: self._steps_at_stop]
        return self.steps[: self._count(self.elapsed(now))]

    def _count(self, elapsed: float) -> int:
        if self.interval <= 0:
            return len(self.steps)
        done = math.floor((elapsed - self.start_delay) / self.interval + _EPS)
        return max(0, min(len(self.steps), done))

    def pause(self, now: float) -> bool:
        """Freeze the run; False when it was already paused (a harmless retry)."""
        status = self.status(now)
        if status == "paused":
            return False
        if status in TERMINAL:
            raise TransitionError(f"Task is already {status} and cannot be paused")
        self._base, self._segment, self._held = self.elapsed(now), None, "paused"
        return True

    def resume(self, now: float) -> bool:
        """Continue a paused run; False when it is already going (a harmless retry)."""
        status = self.status(now)
        if status in ("created", "running"):
            return False
        if status in TERMINAL:
            raise TransitionError(f"Task is {status} and cannot be resumed")
        self._segment, self._held = now, None
        return True

    def stop(self, now: float) -> bool:
        """End the run for good; False when it was already stopped (a harmless retry)."""
        status = self.status(now)
        if status == "stopped":
            return False
        if status in TERMINAL:
            raise TransitionError(f"Task is already {status} and cannot be stopped")
        self._steps_at_stop = self._count(self.elapsed(now))
        self._base, self._segment, self._held = self.elapsed(now), None, "stopped"
        self.output = None
        self.finished_at = datetime.now(UTC)
        return True
