"""Turn an HTTP error response into the matching typed exception (pure)."""

from __future__ import annotations

import json
from typing import Any

import httpx

from ._exceptions import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConcurrencyLimitError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._logging import redact
from ._retry import parse_retry_after

_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
}
_BODY_EXCERPT = 500


def is_concurrency_limit(detail: Any, body: str) -> bool:
    """True when a 429 says too many concurrent/active sessions (not a rate limit)."""
    text = (detail if isinstance(detail, str) else json.dumps(detail) if detail else body).lower()
    return "concurrent" in text or "active session" in text


def decode_detail(response: httpx.Response) -> tuple[Any, str]:
    """(`detail` from a JSON error body, with secrets redacted; text excerpt of a non-JSON body)."""
    content = response.content
    try:
        data = json.loads(content) if content.strip() else None
    except ValueError:
        text = content[:_BODY_EXCERPT].decode("utf-8", "replace").strip()
        return None, text
    if isinstance(data, dict) and "detail" in data:
        data = data["detail"]
    if isinstance(data, list):
        data = [_hide_secret_input(item) for item in data]
    return redact(data), ""


def _hide_secret_input(item: Any) -> Any:
    """A validation error about `secrets` must not echo the offending value."""
    if isinstance(item, dict) and "secrets" in (item.get("loc") or ()):
        return {k: v for k, v in item.items() if k not in ("input", "ctx")}
    return item


def status_error(response: httpx.Response, method: str, url: str) -> APIStatusError:
    """The exception for a non-2xx `response` to `method url`."""
    status = response.status_code
    detail, body = decode_detail(response)
    summary = _summary(detail, body)
    reason = response.reason_phrase or "HTTP error"
    message = f"{method} {url} returned {status} {reason}" + (f": {summary}" if summary else "")
    common: dict[str, Any] = dict(
        method=method,
        url=url,
        status_code=status,
        headers=response.headers,
        detail=detail,
        body=body,
    )
    if status == 422:
        return UnprocessableEntityError(message, errors=validation_errors(detail), **common)
    if status == 429:
        retry_after = parse_retry_after(response.headers)
        cls = ConcurrencyLimitError if is_concurrency_limit(detail, body) else RateLimitError
        return cls(message, retry_after=retry_after, **common)
    if status >= 500:
        return InternalServerError(message, **common)
    return _BY_STATUS.get(status, APIStatusError)(message, **common)


def validation_errors(detail: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """FastAPI's `detail` list as (location, message) pairs."""
    if not isinstance(detail, list):
        return []
    out: list[tuple[tuple[str | int, ...], str]] = []
    for item in detail:
        if isinstance(item, dict):
            loc = item.get("loc") or ()
            where = tuple(loc) if isinstance(loc, list | tuple) else (loc,)
            out.append((where, str(item.get("msg", ""))))
    return out


def _summary(detail: Any, body: str) -> str:
    if isinstance(detail, str):
        return detail[:_BODY_EXCERPT]
    pairs = validation_errors(detail)
    if pairs:
        return "; ".join(".".join(map(str, loc)) + f": {msg}" for loc, msg in pairs)
    if detail is not None:
        return json.dumps(detail)[:_BODY_EXCERPT]
    return " ".join(body.split())[:200]
