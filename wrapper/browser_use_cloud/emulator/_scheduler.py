"""Schedule arithmetic, an accelerated clock and a background scheduler for scheduled tasks.

Interface::

    validate_cron("*/5 * * * *")                 # None, or ValueError saying what is wrong
    next_run_at("interval", interval_minutes=10, cron_expression=None,
                start_at=start, end_at=end, after=now)     # -> datetime | None
    clock = EmulatorClock(time_scale=60.0)       # one emulated minute per real second
    clock.now()                                  # aware UTC datetime, accelerated
    scheduler = Scheduler(clock, on_due=lambda schedule_id: ..., tick=0.05)
    scheduler.upsert(schedule_id, {"schedule_type": "cron", "cron_expression": "0 * * * *",
                                   "interval_minutes": None, "start_at": start,
                                   "end_at": end, "is_active": True})   # -> next run or None
    scheduler.next_run_at(schedule_id)           # -> datetime | None (for responses)
    scheduler.remove(schedule_id)
    scheduler.start(); scheduler.stop()
    scheduler.run_due()                          # one synchronous pass (tests, fake clocks)

Rules: an interval schedule runs at ``start_at + k * interval_minutes`` (k >= 0); a cron
schedule (standard 5 fields, UTC) at every match at or after ``start_at``. A run is due
when its time is <= ``clock.now()``. ``next_run_at`` returns the first run strictly after
``after``, or ``None`` when it would fall after ``end_at`` (which is inclusive).
``on_due(schedule_id)`` is called once per due run, from the scheduler thread, outside
the scheduler's lock; runs that fall due while a schedule is inactive are skipped, not
replayed. ``schedule_type`` may be a string or a str-valued enum. Naive datetimes are
taken as UTC. ``croniter`` is imported lazily.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import attrs

from .._input.cron import check_cron

__all__ = [
    "Clock",
    "EmulatorClock",
    "Scheduler",
    "next_run_at",
    "validate_cron",
]

_log = logging.getLogger(__name__)


class Clock(Protocol):
    """Anything with a ``now()`` returning an aware UTC datetime."""

    def now(self) -> datetime: ...


def validate_cron(expr: str) -> None:
    """Raise ``ValueError`` unless ``expr`` is a cron expression the client would send.

    The rule is the client's own (``browser_use_cloud._input.cron``), so the two cannot drift.
    """
    check_cron(expr)  # InputError is a ValueError


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _kind(schedule_type: object) -> str:
    return str(getattr(schedule_type, "value", schedule_type))


def next_run_at(
    schedule_type: object,
    *,
    interval_minutes: int | None,
    cron_expression: str | None,
    start_at: datetime,
    end_at: datetime | None,
    after: datetime,
) -> datetime | None:
    """First run strictly after ``after`` and not before ``start_at``; ``None`` past ``end_at``."""
    start, after = _utc(start_at), _utc(after)
    kind = _kind(schedule_type)
    if kind == "interval":
        if interval_minutes is None or interval_minutes < 1:
            raise ValueError(
                f"interval schedules need interval_minutes >= 1, got {interval_minutes}"
            )
        step = timedelta(minutes=interval_minutes)
        candidate = start if after < start else start + step * ((after - start) // step + 1)
    elif kind == "cron":
        if cron_expression is None:
            raise ValueError("cron schedules need a cron_expression")
        validate_cron(cron_expression)
        from croniter import croniter  # type: ignore[import-untyped]

        base = max(after, start - timedelta(microseconds=1))
        candidate = _utc(croniter(cron_expression, base).get_next(datetime))
    else:
        raise ValueError(f"unknown schedule_type {kind!r}; expected 'interval' or 'cron'")
    if end_at is not None and candidate > _utc(end_at):
        return None
    return candidate


class EmulatorClock:
    """UTC wall clock running ``time_scale`` times faster than real time from creation."""

    def __init__(self, time_scale: float = 1.0, *, start: datetime | None = None) -> None:
        if not time_scale > 0:
            raise ValueError(f"time_scale must be > 0, got {time_scale}")
        self.time_scale = time_scale
        self._origin = _utc(start) if start is not None else datetime.now(UTC)
        self._mono = time.monotonic()

    def now(self) -> datetime:
        """The emulated current time."""
        elapsed = (time.monotonic() - self._mono) * self.time_scale
        return self._origin + timedelta(seconds=elapsed)


@attrs.define
class _Entry:
    schedule_type: str
    interval_minutes: int | None
    cron_expression: str | None
    start_at: datetime
    end_at: datetime | None
    is_active: bool
    next_run: datetime | None = None

    def following(self, after: datetime) -> datetime | None:
        return next_run_at(
            self.schedule_type,
            interval_minutes=self.interval_minutes,
            cron_expression=self.cron_expression,
            start_at=self.start_at,
            end_at=self.end_at,
            after=after,
        )


class Scheduler:
    """Call ``on_due(schedule_id)`` once per due run of each active schedule."""

    def __init__(self, clock: Clock, on_due: Callable[[str], None], *, tick: float = 0.05) -> None:
        if not tick > 0:
            raise ValueError(f"tick must be > 0 seconds, got {tick}")
        self.clock = clock
        self.on_due = on_due
        self.tick = tick
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def upsert(self, schedule_id: str, fields: Mapping[str, Any]) -> datetime | None:
        """Add or replace a schedule; returns its next run (``None``: no run left).

        ``fields`` holds ``schedule_type``, ``interval_minutes``, ``cron_expression``,
        ``start_at``, ``end_at`` (``None``: open-ended) and ``is_active`` (default True);
        other keys are ignored. Raises ``ValueError`` for an invalid schedule.
        """
        start_at = fields.get("start_at")
        entry = _Entry(
            schedule_type=_kind(fields["schedule_type"]),
            interval_minutes=fields.get("interval_minutes"),
            cron_expression=fields.get("cron_expression"),
            start_at=_utc(start_at) if start_at is not None else self.clock.now(),
            end_at=_utc(end_at) if (end_at := fields.get("end_at")) is not None else None,
            is_active=bool(fields.get("is_active", True)),
        )
        entry.next_run = entry.following(self.clock.now())
        with self._lock:
            self._entries[schedule_id] = entry
        return entry.next_run

    def clear(self) -> None:
        """Forget every schedule."""
        with self._lock:
            self._entries.clear()

    def remove(self, schedule_id: str) -> None:
        """Forget a schedule (no error if unknown)."""
        with self._lock:
            self._entries.pop(schedule_id, None)

    def next_run_at(self, schedule_id: str) -> datetime | None:
        """The next run of a known schedule (``KeyError`` if unknown)."""
        with self._lock:
            return self._entries[schedule_id].next_run

    def run_due(self) -> list[str]:
        """Fire every run due now; returns the schedule ids fired, one per run."""
        fired: list[str] = []
        with self._lock:
            now = self.clock.now()
            for schedule_id, entry in self._entries.items():
                if not entry.is_active:
                    if entry.next_run is not None and entry.next_run <= now:
                        entry.next_run = entry.following(now)
                    continue
                while entry.next_run is not None and entry.next_run <= now:
                    fired.append(schedule_id)
                    entry.next_run = entry.following(entry.next_run)
        for schedule_id in fired:
            try:
                self.on_due(schedule_id)
            except Exception:
                _log.exception("scheduled run of %s failed", schedule_id)
        return fired

    def start(self) -> None:
        """Run :meth:`run_due` every ``tick`` real seconds on a daemon thread."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="emulator-scheduler", daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = 5.0) -> None:
        """Stop the thread and wait for it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.tick):
            self.run_due()
