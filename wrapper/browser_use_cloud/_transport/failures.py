"""Requests that failed before a status came back: whether the server may have acted on
them, and the typed error raised when they are not retried. Pure."""

from __future__ import annotations

import httpx

from .._exceptions import APIConnectionError, APITimeoutError
from .._policies.retry import Failure
from .log import scrub

UNSENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
"""Failures before any byte of the request reached the server."""
AMBIGUOUS = (
    httpx.ReadTimeout,
    httpx.WriteTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
    httpx.CloseError,
)
"""Failures after the request (or part of it) was sent: the server may have acted on it."""


def failure_kind(exc: httpx.TransportError) -> Failure | None:
    """UNSENT, AMBIGUOUS, or None for a transport failure no retry class retries."""
    if isinstance(exc, UNSENT):
        return Failure.UNSENT
    if isinstance(exc, AMBIGUOUS):
        return Failure.AMBIGUOUS
    return None


def never_sent(error: APIConnectionError) -> bool:
    """True if `error` (raised by a request) failed before any byte reached the server."""
    return isinstance(error.__cause__, UNSENT)


def connection_error(
    exc: httpx.TransportError,
    request: httpx.Request,
    url: str,
    attempt: int,
    secrets: tuple[str, ...],
) -> APIConnectionError:
    """The APITimeoutError or APIConnectionError for `exc`, the last failure of a request
    shown as `url` after `attempt` retries; `secrets` are hidden from httpx's text."""
    tries = f" after {attempt + 1} attempts" if attempt else ""
    kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    what = "timed out" if kind is APITimeoutError else "failed"
    reason = scrub(str(exc), secrets)  # httpx's text may quote a header
    return kind(
        f"{request.method} {url} {what}{tries} ({type(exc).__name__}: {reason})",
        method=request.method,
        url=url,
    )
