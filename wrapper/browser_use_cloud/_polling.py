"""Poll scheduling (pure): when to poll next, and when to give up.

Intervals start at `initial`, grow by `factor` after each poll that shows no progress,
up to `max_interval`, and drop back to `initial` when progress is seen. A deadline
clips the last sleep so the final poll happens at the deadline, not after it.
Times are plain floats from an injected monotonic clock.
"""

from __future__ import annotations

import attrs

from ._exceptions import InputError


def _positive(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not value > 0:
        raise InputError(f"{attribute.name} must be > 0, got {value!r}")


@attrs.frozen
class PollPolicy:
    """How often to poll: start at `initial` seconds, grow by `factor`, cap at `max_interval`."""

    initial: float = attrs.field(default=0.5, validator=_positive)
    factor: float = attrs.field(default=1.5, validator=_positive)
    max_interval: float = attrs.field(default=10.0, validator=_positive)

    def __attrs_post_init__(self) -> None:
        if self.factor < 1:
            raise InputError(f"factor must be >= 1, got {self.factor!r}")
        if self.max_interval < self.initial:
            raise InputError("max_interval must be >= initial")


WAIT_POLICY = PollPolicy(initial=0.5, factor=1.5, max_interval=10.0)
"""`wait()`: cheap status polls, quick at first, then spaced out."""

STREAM_POLICY = PollPolicy(initial=2.0, factor=1.5, max_interval=10.0)
"""`steps()`: full task fetches, never more often than every 2 s; slower while idle."""


class PollSchedule:
    """The state of one polling loop: interval, last poll time and deadline."""

    def __init__(self, policy: PollPolicy, *, start: float, deadline: float | None) -> None:
        self.policy = policy
        self.deadline = deadline
        self._interval = policy.initial
        self._last = start

    @property
    def interval(self) -> float:
        """The current interval between polls."""
        return self._interval

    def first_delay(self, now: float) -> float:
        """Sleep before the first poll: `initial` after `start`, or none if that has passed."""
        return self._clip(now, max(0.0, self._last + self._interval - now))

    def after_poll(self, now: float, *, progressed: bool) -> float | None:
        """Record a poll made at `now`; return the sleep before the next one, or None if
        the deadline has passed (time to give up)."""
        if progressed:
            self._interval = self.policy.initial
        else:
            self._interval = min(self.policy.max_interval, self._interval * self.policy.factor)
        self._last = now
        if self.deadline is not None and now >= self.deadline:
            return None
        return self._clip(now, self._interval)

    def _clip(self, now: float, delay: float) -> float:
        if self.deadline is None:
            return delay
        return max(0.0, min(delay, self.deadline - now))
