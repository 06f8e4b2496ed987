"""The service's two limits, as the emulator models them, and what it counted.

- ``--rate-limit R``: at most R API requests per second per key (the client library's own
  sliding window, `RequestBudget`, decides); beyond it a ``429`` with ``Retry-After`` in
  whole seconds. Refused requests do not use up the budget.
- ``--max-concurrent-tasks N``: while N tasks of the account are not finished (created,
  running or paused), run-task answers the concurrency ``429`` (see `State.create_task`).

`LimitStats` counts every API request per whole second of arrival (so a benchmark can show
the request rate over time and the busiest one-second window), the 429s of each kind and
the most tasks that were running at once.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .._policies.budget import RequestBudget

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

API_PATHS = "/api/v1/"
RATE_LIMIT_DETAIL = "Too Many Requests: the rate limit of this API key is exceeded"
CONCURRENCY_DETAIL = (
    "Too many concurrent active sessions: {limit} tasks are running; wait for one to end"
)


class LimitStats:
    """Counters of the limits (thread-safe). `snapshot()` is what `Emulator.stats` returns."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._zero()

    def _zero(self) -> None:
        self._started = time.monotonic()
        self.per_second: Counter[int] = Counter()  # API requests by second since start
        self.rate_limited = 0
        self.concurrency_refused = 0
        self.peak_running = 0
        self._recent: deque[float] = deque()  # arrival times inside the last second
        self.peak_per_second = 0  # most requests that arrived in any one-second window

    def request(self, now: float) -> None:
        with self._lock:
            self.per_second[math.floor(now - self._started)] += 1
            recent = self._recent
            recent.append(now)
            while recent[0] <= now - 1.0:
                recent.popleft()
            self.peak_per_second = max(self.peak_per_second, len(recent))

    def refused_rate(self) -> None:
        with self._lock:
            self.rate_limited += 1

    def refused_concurrency(self) -> None:
        with self._lock:
            self.concurrency_refused += 1

    def running(self, count: int) -> None:
        with self._lock:
            self.peak_running = max(self.peak_running, count)

    def snapshot(self) -> dict[str, Any]:
        """Totals, the busiest one-second window and the request count of each second."""
        with self._lock:
            last = max(self.per_second, default=-1)
            return {
                "requests": sum(self.per_second.values()),
                "rate_limited": self.rate_limited,
                "concurrency_refused": self.concurrency_refused,
                "peak_running": self.peak_running,
                "peak_requests_per_second": self.peak_per_second,
                "requests_by_second": [self.per_second.get(s, 0) for s in range(last + 1)],
            }

    def reset(self) -> None:
        """Start counting afresh (second 0 is now)."""
        with self._lock:
            self._zero()


class RateLimitMiddleware:
    """Counts API requests; refuses those over `rate` per second per key with a 429."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        rate: float | None,
        stats: LimitStats,
        budgets: dict[bytes, RequestBudget] | None = None,
    ) -> None:
        self.app = app
        self.rate = rate
        self.stats = stats
        self._budgets = budgets if budgets is not None else {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PATHS):
            await self.app(scope, receive, send)
            return
        now = time.monotonic()
        self.stats.request(now)
        if self.rate is not None:
            budget = self._budget(scope)
            wait = budget.delay(now)
            if wait > 0:
                self.stats.refused_rate()
                await _too_many(receive, send, math.ceil(wait))
                return
            budget.take(now)
        await self.app(scope, receive, send)

    def _budget(self, scope: Scope) -> RequestBudget:
        key = dict(scope["headers"]).get(b"authorization", b"")
        budget = self._budgets.get(key)
        if budget is None:
            budget = self._budgets[key] = RequestBudget(self.rate)
        return budget


async def _too_many(receive: Receive, send: Send, retry_after: int) -> None:
    while True:  # read the body first, so the answer is not cut off mid-upload
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            break
    body = json.dumps({"detail": RATE_LIMIT_DETAIL}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(retry_after).encode()),
    ]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})
