"""Poll scheduling (pure): when to poll next, and when to give up.

Intervals start at `initial`, grow by `factor` after each poll that shows no progress,
up to `max_interval`, and drop back to `initial` when progress is seen. With `steady`,
progress drops them back to a quarter of the time since polling started instead, kept
between `initial` and `steady`: a young task is polled quickly, an old one at a steady
pace. A deadline clips the last sleep so the final poll happens at the deadline, not
after it.

Times are plain floats from an injected monotonic clock.
"""

from __future__ import annotations

import attrs

from .._exceptions import InputError


def _positive(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not value > 0:
        raise InputError(f"{attribute.name} must be > 0, got {value!r}")


@attrs.frozen
class PollPolicy:
    """How often to poll: start at `initial` seconds, grow by `factor` while nothing
    changes, cap at `max_interval`. After a change, poll again `initial` seconds later,
    or, with `steady`, after a quarter of the time followed so far, between `initial`
    and `steady` seconds."""

    initial: float = attrs.field(default=0.5, validator=_positive)
    factor: float = attrs.field(default=1.5, validator=_positive)
    max_interval: float = attrs.field(default=10.0, validator=_positive)
    steady: float | None = attrs.field(default=None, validator=attrs.validators.optional(_positive))

    def __attrs_post_init__(self) -> None:
        if self.factor < 1:
            raise InputError(f"factor must be >= 1, got {self.factor!r}")
        if self.max_interval < self.initial:
            raise InputError("max_interval must be >= initial")
        if self.steady is not None and not self.initial <= self.steady <= self.max_interval:
            raise InputError(
                f"steady must be None or between initial and max_interval, got {self.steady!r}"
            )


WAIT_POLICY = PollPolicy(initial=1.0, factor=2.0, max_interval=2.0)
"""`wait()` of a lone task: a status check 1 s after creation (an instant failure is seen
at once), then every 2 s, the official SDK's cadence, so the end of a task is noticed about
1 s after it happens. Many tasks are checked together from list pages (see `watch_plan.py`), and
with webhooks fed to the client these checks are only a slow safety net.
"""

STREAM_POLICY = PollPolicy(initial=1.0, factor=1.5, max_interval=10.0, steady=2.5)
"""`steps()`: a full task fetch a second after creation, then every second while steps
keep coming, easing to every 2.5 s once the task is 10 s old; less often while idle.

A short task's steps show up about a second after they happen instead of in one burst;
a long task costs about what a fetch every 2.5 s costs (each fetch carries every step
so far, so the late fetches are the expensive ones)."""


class PollSchedule:
    """The state of one polling loop: interval, last poll time and deadline."""

    def __init__(self, policy: PollPolicy, *, start: float, deadline: float | None) -> None:
        self.policy = policy
        self.deadline = deadline
        self._interval = policy.initial
        self._last = start
        self._start = start

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
            self._interval = self._after_progress(now)
        else:
            self._interval = min(self.policy.max_interval, self._interval * self.policy.factor)
        self._last = now
        if self.deadline is not None and now >= self.deadline:
            return None
        return self._clip(now, self._interval)

    def _after_progress(self, now: float) -> float:
        steady = self.policy.steady
        if steady is None:
            return self.policy.initial
        return min(max(self.policy.initial, (now - self._start) / 4), steady)

    def _clip(self, now: float, delay: float) -> float:
        if self.deadline is None:
            return delay
        return max(0.0, min(delay, self.deadline - now))
