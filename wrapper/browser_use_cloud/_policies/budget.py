"""The request budget of one client (pure: no I/O, no sleeping; times are passed in).

A sliding window: at most `capacity` requests start in any window of `window` seconds,
where `capacity = max(1, floor(rate))` and `window = capacity / rate` (20 per second: 20
in any second; 2.5 per second: 2 in any 0.8 s; 0.5 per second: 1 in any 2 s). So a
client set to the service's budget never exceeds it in any one-second window.

Within that, at most `burst` requests start in any `burst / rate` seconds (the client uses
a quarter of the capacity: 5 in any 0.25 s at 20 per second). Requests then go out evenly,
so when the network delays some of them more than others, they do not reach the service
in a clump that its own one-second window would refuse.

A 429 with `Retry-After` pauses the whole client: `pause(now, seconds)` holds every
request until then, whatever the window allows. `rate=None` keeps only the pauses.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable

from .._exceptions import InputError

DEFAULT_MAX_REQUESTS_PER_SECOND = 20.0
"""The default budget: under the service's documented standard of 25 requests/s per key."""


def check_rate(rate: float | None) -> float | None:
    """Validate `max_requests_per_second` (a positive number, or None for unlimited)."""
    if rate is None:
        return None
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not rate > 0:
        raise InputError(
            f"max_requests_per_second must be a positive number or None (unlimited), got {rate!r}"
        )
    if math.isinf(rate):
        return None
    return float(rate)


class RequestBudget:
    """When the next request may start. Thread-safe: one client shares it across threads."""

    def __init__(self, rate: float | None, *, burst: int | None = None) -> None:
        self.rate = check_rate(rate)
        self.capacity = 0 if self.rate is None else max(1, math.floor(self.rate))
        self.window = 0.0 if self.rate is None else self.capacity / self.rate
        self.burst = self.capacity if burst is None else max(1, min(burst, self.capacity))
        self.burst_window = 0.0 if self.rate is None else self.burst / self.rate
        self._starts: deque[float] = deque()  # start times inside the current window
        self._paused_until = 0.0
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"RequestBudget(rate={self.rate!r})"

    def share(self, fraction: float, *, unlimited: float | None = None) -> BudgetShare:
        """`fraction` of this budget, for one part of the client that paces itself.

        `unlimited`: the rate the share is a fraction of when this budget has no limit
        (None: then the share has no limit either).
        """
        base = self.rate if self.rate is not None else unlimited
        return BudgetShare(None if base is None else base * fraction, self.load)

    def delay(self, now: float) -> float:
        """Seconds until a request may start (0: now)."""
        with self._lock:
            wait = self._paused_until - now
            if self.rate is not None:
                starts = self._starts
                while starts and starts[0] <= now - self.window:
                    starts.popleft()
                if len(starts) >= self.capacity:
                    wait = max(wait, starts[0] + self.window - now)
                if len(starts) >= self.burst:
                    wait = max(wait, starts[-self.burst] + self.burst_window - now)
            return max(wait, 0.0)

    def load(self, now: float) -> float:
        """The share of the window's capacity used by requests started lately (0 when
        unlimited)."""
        if self.rate is None:
            return 0.0
        with self._lock:
            starts = self._starts
            while starts and starts[0] <= now - self.window:
                starts.popleft()
            return len(starts) / self.capacity

    def take(self, now: float) -> None:
        """Record a request starting at `now` (call once `delay(now)` is 0)."""
        if self.rate is not None:
            with self._lock:
                self._starts.append(now)

    def pause(self, now: float, seconds: float) -> None:
        """Hold every request for `seconds` (a 429's Retry-After)."""
        with self._lock:
            self._paused_until = max(self._paused_until, now + max(seconds, 0.0))

    def paused_until(self) -> float:
        """The monotonic time the current pause ends (in the past when none)."""
        return self._paused_until


def _idle(now: float) -> float:
    return 0.0


class BudgetShare:
    """A part of a client's request budget, handed out by `RequestBudget.share()` to a part
    of the client that paces itself (the watcher's list pages and eager rounds, the task
    creations in flight), so that none of them reads the client's rate back.

    `rate` is the requests per second this share may spend (None: no limit); `load(now)`
    says how much of the whole budget was used lately (0 to 1; 0 when unlimited).
    """

    __slots__ = ("load", "rate")

    def __init__(self, rate: float | None, load: Callable[[float], float] = _idle) -> None:
        self.rate = rate
        self.load = load

    def __repr__(self) -> str:
        return f"BudgetShare(rate={self.rate!r})"

    def seconds_for(self, requests: float) -> float:
        """Seconds that `requests` take at this share's rate (0 when unlimited)."""
        return 0.0 if self.rate is None else requests / self.rate

    def at_once(self, most: int) -> int:
        """Requests of this share that may be under way at once: one second's worth, at
        least 1 and at most `most` (`most` when unlimited)."""
        return most if self.rate is None else max(1, min(most, int(self.rate)))


def client_budget(rate: float | None) -> RequestBudget:
    """A client's budget: `rate` per second, in bursts of at most a quarter of that."""
    budget = RequestBudget(rate)
    budget.burst = max(1, budget.capacity // 4)
    budget.burst_window = 0.0 if budget.rate is None else budget.burst / budget.rate
    return budget
