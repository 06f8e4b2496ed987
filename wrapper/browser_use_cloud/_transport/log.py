"""The "browser_use_cloud" logger, its BROWSER_USE_LOG switch, and redaction helpers.

We log method, URL, status, elapsed time and retries. We never log request headers,
request bodies or anything under a `secrets` key; the helpers below scrub values for the
rare place where a structure must be shown. httpx logs every request at INFO on its own
logger: for the SDK's own requests, a filter there shows the URL as the SDK does (a
presigned URL without its signed query, no userinfo); other requests are left alone.
"""

from __future__ import annotations

import contextvars
import functools
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import quote, quote_plus, unquote, urlsplit

logger = logging.getLogger("browser_use_cloud")

LOG_ENV = "BROWSER_USE_LOG"
REDACTED = "<redacted>"
SENSITIVE_KEYS = frozenset({"secrets", "api_key", "webhook_secret", "secret", "authorization"})
_BEARER = re.compile(r"(?i)(bearer\s+)[^\s'\",]+")
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s'\"<>@]+@")
_TOKEN_CHAR = re.compile(r"[\w-]")


def setup_logging() -> None:
    """Honour BROWSER_USE_LOG=debug|info by attaching a stderr handler to our logger."""
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(
        os.environ.get(LOG_ENV, "").strip().lower()
    )
    if level is None or logger.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s", "%H:%M:%S")
    )
    handler.addFilter(RedactingFilter())
    logger.addHandler(handler)
    logger.setLevel(level)


def redact(value: Any, secrets: Iterable[str] = ()) -> Any:
    """Deep-copy JSON-like `value`: values under sensitive keys replaced, strings scrubbed."""
    if isinstance(value, str):
        return scrub(value, secrets)
    if isinstance(value, Mapping):
        return {
            scrub(str(k), secrets): REDACTED
            if str(k).lower() in SENSITIVE_KEYS
            else redact(v, secrets)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact(v, secrets) for v in value]
    return value


def sent_secrets(body: Any) -> tuple[str, ...]:
    """Every value a request body carries under a sensitive key (a task's `secrets`, ...):
    what an error made from the response to that request must hide, should the server
    echo one back."""
    return tuple(dict.fromkeys(_sensitive_values(body, sensitive=False)))


def _sensitive_values(value: Any, *, sensitive: bool) -> Iterator[str]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _sensitive_values(
                item, sensitive=sensitive or str(key).lower() in SENSITIVE_KEYS
            )
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _sensitive_values(item, sensitive=sensitive)
    elif sensitive and value is not None and not isinstance(value, bool):
        yield str(value)


def hide(text: str, secrets: Iterable[str]) -> str:
    """Replace each of `secrets` (such as the API key) in `text` wherever it stands as a
    whole token: in a header, a URL or an echoed value, never inside another word (with the
    key `k`, "Task not found" stays as it is). A secret is also found as a JSON string
    or a URL query would escape it."""
    for secret in secrets:
        for form in _forms(secret):
            if form in text:
                text = _token(form).sub(REDACTED, text)
    return text


@functools.lru_cache(maxsize=64)
def _forms(secret: str) -> tuple[str, ...]:
    """`secret` as written, and as a JSON string (ASCII or not) or a URL would escape it."""
    if not secret:
        return ()
    forms = (
        secret,
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        quote(secret, safe=""),
        quote_plus(secret, safe=""),
    )
    return tuple(dict.fromkeys(forms))


@functools.lru_cache(maxsize=16)
def _token(secret: str) -> re.Pattern[str]:
    """`secret` not glued to a letter, digit, `_` or `-` on a side where it has one."""
    before = r"(?<![\w-])" if _TOKEN_CHAR.match(secret[0]) else ""
    after = r"(?![\w-])" if _TOKEN_CHAR.match(secret[-1]) else ""
    return re.compile(before + re.escape(secret) + after)


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """Hide bearer tokens, URL userinfo (`user:password@`), and every one of `secrets`,
    in free text."""
    return hide_userinfo(_BEARER.sub(r"\1" + REDACTED, hide(text, secrets)))


def hide_userinfo(url: object) -> str:
    """`url` (or any text holding URLs) as logs, errors, reprs and output show it: without
    userinfo (a base URL such as `https://user:password@gateway/api/v1` carries a password)."""
    text = str(url)
    return _USERINFO.sub(r"\1" + REDACTED + "@", text) if "@" in text else text


def url_secrets(url: object) -> tuple[str, ...]:
    """What a URL's userinfo holds that must be hidden: its password, or a lone user
    name (a token, as in `https://TOKEN@host`)."""
    parts = urlsplit(str(url))
    if parts.password:
        return (unquote(parts.password),)
    return (unquote(parts.username),) if parts.username else ()


SHOWN_URL: contextvars.ContextVar[Callable[[Any], str] | None] = contextvars.ContextVar(
    "browser_use_cloud_shown_url", default=None
)
"""How the request the SDK is sending right now shows its URL (set around each send)."""


class OwnRequestFilter(logging.Filter):
    """On httpx's logger: while the SDK sends a request, the URL in httpx's "HTTP Request"
    line is rendered by `SHOWN_URL`; records about other requests pass unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        shown = SHOWN_URL.get()
        if shown is not None and isinstance(record.args, tuple):
            import httpx  # loaded already (a request is being sent); not on `import` of the SDK

            record.args = tuple(
                shown(arg) if isinstance(arg, httpx.URL) else arg for arg in record.args
            )
        return True


def filter_httpx_log() -> None:
    """Put `OwnRequestFilter` on httpx's logger (once)."""
    httpx_logger = logging.getLogger("httpx")
    if not any(isinstance(f, OwnRequestFilter) for f in httpx_logger.filters):
        httpx_logger.addFilter(OwnRequestFilter())


class RedactingFilter(logging.Filter):
    """Last line of defence: scrub bearer tokens from formatted records."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def log_retry(
    request: Any, shown: Callable[[Any], str], reason: str, delay: float, retry: int, of: int
) -> None:
    """The INFO line for retry number `retry` (1-based) of `of` of `request` in `delay` s."""
    logger.info(
        "retrying %s %s in %.2f s after %s (retry %d of %d)",
        request.method,
        shown(request.url),
        delay,
        reason,
        retry,
        of,
    )
