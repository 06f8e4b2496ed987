"""Retry policy: which failures to retry, and how long to wait. Pure: no I/O, no sleeping.

Every request carries a *retry class* saying what is safe to repeat:

- ``"idempotent"``: repeating cannot change the outcome (GET, PUT stop/pause/resume,
  DELETE, presigned-URL POST). Retried on connection errors, timeouts, dropped
  connections and HTTP 408, 429, 500, 502, 503, 504.
- ``"safe_post"``: creates something billable (run-task, scheduled-task create, search).
  Retried only when the request provably never reached the server: connection refused,
  connect/pool timeout, or a 429 rate limit (the server rejected it). Anything ambiguous
  (read timeout, dropped connection, 5xx) is raised for the caller to reconcile.
- ``"never"``: one attempt.

run-task goes one step further (see `AsyncTasks._send_run_task`): after a 5xx the server
answered itself (`answered_by_server`) and a complete read of the task list without the
task, it is re-sent too; every send of one creation counts against the same
`max_retries` (`AttemptCount`).

A 429 "too many concurrent sessions" is never retried: waiting a second will not help.
"""

from __future__ import annotations

import dataclasses
import enum
import random
import time
from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime
from typing import Literal

from .._exceptions import APIStatusError, ConcurrencyLimitError, RateLimitError

RetryClass = Literal["idempotent", "safe_post", "never"]

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
GATEWAY_STATUSES = frozenset({502, 504})
"""5xx a gateway sends about a server behind it, which may still be working on the request."""


def answered_by_server(status: int) -> bool:
    """A 5xx the server sent itself once done with the request (not a gateway's 502/504)."""
    return status >= 500 and status not in GATEWAY_STATUSES


@dataclasses.dataclass
class AttemptCount:
    """Attempts made so far at one logical call whose sends are spread over several
    `_send` loops (run-task re-sent after proven absence): they share `max_retries`."""

    retries: int = 0


class Failure(enum.Enum):
    """How a request failed before we got a status code."""

    UNSENT = "unsent"
    """Connection refused, DNS failure, connect or pool timeout: nothing reached the server."""
    AMBIGUOUS = "ambiguous"
    """Read/write timeout or dropped connection: the server may have acted on it."""


@dataclasses.dataclass(frozen=True)
class RetryPolicy:
    """Decides whether attempt `attempt` (0-based) that failed should be retried, and when.

    Backoff is `base_delay * 2**attempt`, capped at `max_delay`, times a jitter factor
    `1 - 0.25 * U` with U from `random` (injectable for tests). A server `Retry-After` up
    to `max_retry_after` seconds replaces the backoff; a longer one means "don't retry".
    """

    max_retries: int = 2
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    # A plain stdlib dataclass: the client's import path stays free of attrs.
    random: Callable[[], float] = dataclasses.field(
        default=random.random, compare=False, repr=False
    )

    def backoff(self, attempt: int) -> float:
        """Jittered exponential delay before retry number `attempt + 1`."""
        delay = min(self.base_delay * 2.0**attempt, self.max_delay)
        return delay * (1.0 - 0.25 * self.random())

    def delay_after_failure(
        self, retry: RetryClass, attempt: int, failure: Failure
    ) -> float | None:
        """Seconds to wait before retrying a transport failure, or None to give up."""
        if attempt >= self.max_retries or retry == "never":
            return None
        if failure is Failure.AMBIGUOUS and retry != "idempotent":
            return None
        return self.backoff(attempt)

    def delay_after_status(
        self,
        retry: RetryClass,
        attempt: int,
        status: int,
        *,
        retry_after: float | None = None,
        concurrency_limit: bool = False,
    ) -> float | None:
        """Seconds to wait before retrying an HTTP error status, or None to give up."""
        if attempt >= self.max_retries or retry == "never":
            return None
        if status == 429 and concurrency_limit:
            return None
        if retry == "safe_post" and status != 429:
            return None
        if status not in RETRYABLE_STATUSES:
            return None
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None
        return self.backoff(attempt)


def after_status_error(
    policy: RetryPolicy, retry: RetryClass, attempt: int, error: APIStatusError
) -> tuple[float | None, float | None]:
    """(seconds before retrying the request that got `error`, None to raise it; seconds a
    rate limit pauses every request of the client, None for no pause).

    A 429 rate limit (not a concurrency limit) pauses for its Retry-After, else for the
    backoff, at most `max_retry_after`, whether or not this request is retried.
    """
    retry_after = error.retry_after if isinstance(error, RateLimitError) else None
    concurrency_limit = isinstance(error, ConcurrencyLimitError)
    delay = policy.delay_after_status(
        retry,
        attempt,
        error.status_code,
        retry_after=retry_after,
        concurrency_limit=concurrency_limit,
    )
    pause = retry_after if retry_after is not None else delay
    if not isinstance(error, RateLimitError) or concurrency_limit or pause is None:
        return delay, None
    return delay, min(pause, policy.max_retry_after)


def parse_retry_after(
    headers: Mapping[str, str], *, now: Callable[[], float] = time.time
) -> float | None:
    """Seconds from `retry-after-ms` or `Retry-After` (seconds or HTTP date), else None.

    Pass httpx.Headers (case-insensitive). Negative values become 0; unparseable ones
    are ignored.
    """
    millis = headers.get("retry-after-ms")
    if millis is not None:
        seconds = _number(millis)
        if seconds is not None:
            return max(seconds / 1000.0, 0.0)
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _number(value)
    if seconds is not None:
        return max(seconds, 0.0)
    try:
        when = parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(when.timestamp() - now(), 0.0)


def _number(value: object) -> float | None:
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    return number if number == number and number not in (float("inf"), float("-inf")) else None
