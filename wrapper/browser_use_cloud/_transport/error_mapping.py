"""Turn an HTTP error response into the matching typed exception (pure)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import httpx

from .._exceptions import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConcurrencyLimitError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PayloadTooLargeError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from .._policies.retry import parse_retry_after
from .log import hide, redact, scrub

_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
}
_BODY_EXCERPT = 500
_SCAN = 64 * 1024  # bytes of a non-JSON body decoded (and scrubbed) for the excerpt


def is_concurrency_limit(detail: Any, body: str) -> bool:
    """True when a 429 says too many concurrent/active sessions (not a rate limit)."""
    text = (detail if isinstance(detail, str) else json.dumps(detail) if detail else body).lower()
    return "concurrent" in text or "active session" in text


def decode_detail(response: httpx.Response, secrets: Sequence[str] = ()) -> tuple[Any, str]:
    """(`detail` of a JSON error body; a text excerpt of a non-JSON one), both with
    sensitive values, bearer tokens and `secrets` (the API key) hidden."""
    content = response.content
    try:
        data = json.loads(content) if content.strip() else None
    except ValueError:
        # Scrub before cutting the excerpt, so that no prefix of a secret survives the cut.
        text = scrub(content[:_SCAN].decode("utf-8", "replace"), secrets)
        return None, text.strip()[:_BODY_EXCERPT]
    if isinstance(data, dict) and "detail" in data:
        data = data["detail"]
    if isinstance(data, list):
        data = [_hide_secret_input(item) for item in data]
    return redact(data, secrets), ""


def _hide_secret_input(item: Any) -> Any:
    """A validation error about `secrets` must not echo the offending value."""
    if isinstance(item, dict) and "secrets" in (item.get("loc") or ()):
        return {k: v for k, v in item.items() if k not in ("input", "ctx")}
    return item


def status_error(
    response: httpx.Response,
    method: str,
    url: str,
    secrets: Sequence[str] = (),
    key_hint: str = "",
) -> APIStatusError:
    """The exception for a non-2xx `response` to `method url`; `secrets` never show in it.
    `key_hint` ends a 401's message (where the API key came from)."""
    status = response.status_code
    detail, body = decode_detail(response, secrets)
    summary = _summary(detail, body)
    reason = response.reason_phrase or "HTTP error"
    message = f"{method} {url} returned {status} {reason}" + (f": {summary}" if summary else "")
    if status == 401 and key_hint:
        message += f"; {key_hint}"
    common: dict[str, Any] = dict(
        method=method,
        url=url,
        status_code=status,
        headers=_scrub_headers(response.headers, secrets),
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


def _scrub_headers(headers: httpx.Headers, secrets: Sequence[str]) -> httpx.Headers:
    """`headers`, or a copy with `secrets` hidden if a value echoes one (other values,
    such as a `WWW-Authenticate: Bearer realm=...` challenge, are left alone)."""
    items = headers.multi_items()
    clean = [(name, hide(value, secrets)) for name, value in items]
    return headers if clean == items else httpx.Headers(clean)


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
