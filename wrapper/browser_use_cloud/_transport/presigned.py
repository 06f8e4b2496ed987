"""Presigned storage URLs (uploads and downloads on another host than the API): which are
refused, how they are shown, and what they never carry. Pure."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from .._config import insecure_http
from .._exceptions import APIResponseValidationError
from .log import hide_userinfo

_POOL_HEADERS_DROPPED = ("Authorization", "Accept")


def shown_presigned(url: httpx.URL) -> str:
    """A presigned URL for logs and errors: its query string is a credential."""
    return hide_userinfo(url.copy_with(query=None))


def check_presigned(method: str, url: str, *, allow_insecure_http: bool) -> None:
    """Refuse a presigned URL the base URL would be refused for (plain http:// to a
    host that is not loopback, without `allow_insecure_http`), or that is not http(s)."""
    parsed = httpx.URL(url)
    shown = shown_presigned(parsed)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        problem = "it is not an http(s) URL with a host"
    elif insecure_http(parsed) and not allow_insecure_http:
        problem = (
            f"it is plain http:// to the non-loopback host {parsed.host!r}, so the file "
            "and the URL's signature would travel unencrypted (pass "
            "allow_insecure_http=True to the client if you must)"
        )
    else:
        return
    raise APIResponseValidationError(
        f"refusing the storage URL the API returned ({method} {shown}): {problem}",
        method=method,
        url=shown,
    )


def without_api_headers(request: httpx.Request, given: Mapping[str, str] | None) -> None:
    """Drop from `request` the API pool's own headers (the key, the JSON Accept) unless
    the caller `given` them for this storage request."""
    for name in _POOL_HEADERS_DROPPED:
        if name not in (given or {}):
            request.headers.pop(name, None)
