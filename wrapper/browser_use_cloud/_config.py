"""Client settings: API key, base URL and timeout, from arguments or the environment; the
API URLs built on the base URL."""

from __future__ import annotations

import functools
import ipaddress
import os
from collections.abc import Mapping
from typing import Any, TypeAlias

import httpx

from ._env import API_KEY_ENV, BASE_URL_ENV
from ._exceptions import InputError
from ._transport.log import hide_userinfo

DEFAULT_BASE_URL = "https://api.browser-use.com/api/v1"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
MCP_TOKEN_ENV = "BROWSER_USE_MCP_TOKEN"  # the bearer token of `browser-use-cloud mcp --http`
API_PATH_PREFIX = "/api/v1"
"""Path prefix of every operation in the spec; the base URL stands in for it."""

RequestTimeout: TypeAlias = float | httpx.Timeout | None
"""The `timeout=` every request-making method takes: the HTTP timeout of each request it
sends (seconds or an httpx.Timeout; None: the client's). Not how long to wait for a task:
that is `wait_timeout=`."""


def resolve_api_key(api_key: str | None) -> str:
    """Return the explicit key, else `BROWSER_USE_API_KEY`; refuse an empty or malformed one
    (whitespace or control characters inside, non-ASCII) without ever echoing it."""
    key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
    if key is not None and not isinstance(key, str):
        raise InputError(f"api_key must be a string, got {type(key).__name__}")
    if not key or not key.strip():
        raise InputError(
            "No API key given: pass BrowserUse(api_key='bu_...') or set the "
            f"{API_KEY_ENV} environment variable (keys are at https://cloud.browser-use.com)."
        )
    key = key.strip()
    problem = _key_problem(key)
    if problem:
        # Describe the key, never echo it: it may be a real one with a typo.
        raise InputError(
            f"The API key contains {problem}; an API key is one line of printable ASCII "
            f"characters (check the value passed or the {API_KEY_ENV} environment variable)."
        )
    return key


def api_key_hint(api_key: str | None) -> str:
    """What a 401 adds: where the key came from (never the key itself)."""
    origin = "passed as api_key=" if api_key is not None else f"read from {API_KEY_ENV}"
    return f"check the API key {origin} (keys are at https://cloud.browser-use.com)"


_CHAR_NAMES = {"\n": "a newline", "\r": "a carriage return", "\t": "a tab", " ": "a space"}


def _key_problem(key: str) -> str:
    """What makes `key` unusable in an Authorization header ("" if nothing)."""
    if key.isascii() and key.isprintable() and " " not in key:
        return ""
    for position, char in enumerate(key, 1):
        if not char.isascii():
            return f"a non-ASCII character (at position {position})"
        if char in _CHAR_NAMES:
            return f"{_CHAR_NAMES[char]} (at position {position})"
        if not char.isprintable():
            return f"a control character (U+{ord(char):04X} at position {position})"
    return ""


def resolve_base_url(base_url: str | httpx.URL | None, *, allow_insecure_http: bool) -> httpx.URL:
    """Return the base URL (argument, else `BROWSER_USE_BASE_URL`, else production).

    Plain http:// is allowed only to loopback hosts unless `allow_insecure_http` is set,
    because the API key would travel in clear text.
    """
    raw = base_url if base_url is not None else os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    url = httpx.URL(str(raw).strip())
    if url.scheme not in ("http", "https") or not url.host:
        shown = hide_userinfo(raw)
        raise InputError(f"base_url must be an http(s) URL with a host, got {shown!r}")
    if not allow_insecure_http and insecure_http(url):
        raise InputError(
            f"Refusing plain http:// to non-loopback host {url.host!r}: the API key would be "
            "sent unencrypted. Use https://, or pass allow_insecure_http=True if you must."
        )
    path = url.raw_path.split(b"?", 1)[0].rstrip(b"/") + b"/"
    return url.copy_with(raw_path=path, query=None, fragment=None)


_PREFIX = API_PATH_PREFIX + "/"
_DOT_SEGMENTS = frozenset({".", ".."})


def api_url(base: str, path: str, params: Mapping[str, Any] | None = None) -> httpx.URL:
    """The URL of a spec path such as `/api/v1/task/x` (or a bare `task/x`) under `base`
    (a resolved base URL, ending in `/`), with `params` as its query, encoded by httpx."""
    if path.startswith(_PREFIX):
        path = path[len(_PREFIX) :]
    if "." in path and _DOT_SEGMENTS.intersection(path.split("/")):
        raise InputError(
            f"cannot request {path!r}: '.' and '..' are not valid ids or file names "
            "(in a URL path they would address another resource)"
        )
    url = base + path.lstrip("/")
    if params:
        # One parse of the whole text costs half of httpx's `params=` (parse, then merge
        # and parse again). Not cached: every page of a walk has its own URL.
        return httpx.URL(f"{url}?{httpx.QueryParams(params)}")
    return _parsed_url(url)


@functools.lru_cache(maxsize=512)
def _parsed_url(url: str) -> httpx.URL:
    """`httpx.URL(url)`, remembered. Parsing a URL costs about as much as the rest of
    building a request, and waiting, steps and page walks send the same URLs again and
    again; httpx never changes a URL object (it makes a new one), so sharing is safe.

    For bench row 2 (`tasks.get` client CPU, target <= 1.08x raw httpx, measured 0.91x to
    1.04x): a call runs 1.91 M instructions with the cache, 2.04 M (+6.5%) without."""
    return httpx.URL(url)


def insecure_http(url: httpx.URL) -> bool:
    """True for plain http:// to a host that is not loopback: refused for the base URL and
    for presigned upload/download URLs unless the client has `allow_insecure_http=True`."""
    return url.scheme == "http" and not is_loopback(url.host)


def is_loopback(host: str) -> bool:
    """True for localhost names and loopback IP addresses (127.0.0.0/8, ::1)."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def resolve_timeout(timeout: RequestTimeout) -> httpx.Timeout:
    """Return an httpx.Timeout; `None` means the default (never "no timeout")."""
    if timeout is None:
        return DEFAULT_TIMEOUT
    if isinstance(timeout, httpx.Timeout):
        if None in (timeout.connect, timeout.read, timeout.write, timeout.pool):
            raise InputError("timeout parts must all be set: requests always have a timeout")
        return timeout
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise InputError(f"timeout must be a positive number of seconds, got {timeout!r}")
    return httpx.Timeout(float(timeout), connect=min(float(timeout), 5.0))


def check_max_retries(max_retries: int) -> int:
    """Validate the retry budget (a count of retries after the first attempt)."""
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise InputError(f"max_retries must be an integer >= 0, got {max_retries!r}")
    return max_retries
