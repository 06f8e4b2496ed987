"""Request extras: headers, query parameters and body fields sent as given, for what the
packaged spec lacks.

Every request-making method takes `extra_headers=`, `extra_query=` and `extra_body=`
(typed by `RequestExtras`); `@takes_extras` pops them, checks them before anything is
sent, and makes them the current extras (a `ContextVar`) while the method runs, so every
API request it sends carries them, however deep it is made. Presigned storage URLs never
get them. Extras win over the method's own values; Authorization cannot be given.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypedDict, TypeVar, cast

import attrs

from .._exceptions import InputError

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

_NAMES = frozenset({"extra_headers", "extra_query", "extra_body"})
NO_BODY_METHODS = frozenset({"GET", "DELETE", "HEAD"})
"""Methods whose requests never carry `extra_body`."""
_REFUSED_HEADERS = frozenset({"authorization"})


class RequestExtras(TypedDict, total=False):
    """The request extras every method takes, sent as given to the API (never to presigned
    storage URLs), winning over the method's own values:

    - `extra_headers`: more HTTP headers (not Authorization: the client sends the key).
    - `extra_query`: more query parameters.
    - `extra_body`: more fields of the JSON body (requests with a body only).
    """

    extra_headers: Mapping[str, str]
    extra_query: Mapping[str, Any]
    extra_body: Mapping[str, Any]


@attrs.frozen
class Extras:
    """Checked extras; None for a part not given."""

    headers: dict[str, str] | None = None
    query: dict[str, Any] | None = None
    body: dict[str, Any] | None = None


_current: ContextVar[Extras | None] = ContextVar("browser_use_cloud_extras", default=None)


def current_extras() -> Extras | None:
    """The extras of the call being made in this context (None: none)."""
    return _current.get()


def with_extras(
    extras: Extras | None, method: str, headers: Any, params: Any, body: Any
) -> tuple[Any, Any, Any]:
    """(headers, query, body) of an API request with `extras` sent as given over the
    operation's own values; a method in `NO_BODY_METHODS` gets no `extra_body`."""
    if extras is not None:
        if extras.headers:
            headers = {**headers, **extras.headers} if headers else extras.headers
        if extras.query:
            params = {**params, **extras.query} if params else extras.query
        if extras.body and method.upper() not in NO_BODY_METHODS:
            body = {**body, **extras.body} if isinstance(body, dict) else extras.body
    return headers, params, body


def check_headers(headers: Any, what: str) -> dict[str, str] | None:
    """`headers` as a dict of str to str; refuse Authorization and non-string items."""
    if headers is None:
        return None
    if not isinstance(headers, Mapping):
        raise InputError(f"{what} must be a mapping of header names to strings")
    out: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise InputError(
                f"{what}: header names and values must be strings, got "
                f"{type(name).__name__} {name!r}: {type(value).__name__}"
            )
        if name.strip().lower() in _REFUSED_HEADERS:
            raise InputError(
                f"{what} cannot set {name}: the client sends the API key itself "
                "(pass api_key= to the client to use another one)"
            )
        out[name] = value
    return out


def check_extras(
    extra_headers: Any = None, extra_query: Any = None, extra_body: Any = None, *, body: bool
) -> Extras | None:
    """Checked extras (None when none are given); `body`: the call sends a JSON body."""
    if extra_headers is None and extra_query is None and extra_body is None:
        return None
    for name, value in (("extra_query", extra_query), ("extra_body", extra_body)):
        if value is not None and not isinstance(value, Mapping):
            raise InputError(f"{name} must be a mapping (a dict), got {type(value).__name__}")
        if value is not None and not all(isinstance(key, str) for key in value):
            raise InputError(f"{name} keys must be strings")
    if extra_body is not None and not body:
        raise InputError(
            "extra_body was given to a call that sends no request body; "
            "use extra_query for query parameters"
        )
    return Extras(
        headers=check_headers(extra_headers, "extra_headers") or None,
        query=dict(extra_query) if extra_query else None,
        body=dict(extra_body) if extra_body else None,
    )


@contextmanager
def sending_extras(extras: Extras | None) -> Iterator[None]:
    """Make `extras` the current extras inside the block (nothing when None)."""
    if extras is None:
        yield
        return
    token = _current.set(extras)
    try:
        yield
    finally:
        _current.reset(token)


def takes_extras(*, body: bool = True) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a public method declaring `**extras: Unpack[RequestExtras]`.

    `body=False` for a method whose requests have no body (`extra_body` is refused). The
    extras apply while the method runs (a coroutine method: while it is awaited), and
    while its result is iterated when it returns an iterator.
    """

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        if inspect.iscoroutinefunction(func):  # stays one, for inspect and frameworks

            @functools.wraps(func)
            async def coroutine(*args: Any, **kwargs: Any) -> Any:
                extras = _pop_extras(kwargs, body)
                if extras is None:
                    return await func(*args, **kwargs)
                with sending_extras(extras):
                    return await func(*args, **kwargs)

            return cast(Callable[P, R], coroutine)

        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            extras = _pop_extras(kwargs, body)
            if extras is None:
                return func(*args, **kwargs)
            with sending_extras(extras):
                result = func(*args, **kwargs)
            return cast(R, _carrying(result, extras))

        return wrapper

    return decorate


def _pop_extras(kwargs: dict[str, Any], body: bool) -> Extras | None:
    """Take the extras out of a call's keyword arguments; check them."""
    if not kwargs or _NAMES.isdisjoint(kwargs):
        return None
    given = {name: kwargs.pop(name) for name in _NAMES if name in kwargs}
    return check_extras(**given, body=body)


def _carrying(result: Any, extras: Extras) -> Any:
    """`result` made to run with `extras` when it is iterated later."""
    if isinstance(result, AsyncIterator):
        return _AsyncIteratorWithExtras(result, extras)
    if isinstance(result, Iterator):
        return _IteratorWithExtras(result, extras)
    return result


class _AsyncIteratorWithExtras(AsyncIterator[T]):
    """An async iterator whose every step runs with `extras`; `aclose()` passes through."""

    def __init__(self, inner: AsyncIterator[T], extras: Extras) -> None:
        self._inner = inner
        self._extras = extras

    async def __anext__(self) -> T:
        with sending_extras(self._extras):
            return await self._inner.__anext__()

    async def aclose(self) -> None:
        close = getattr(self._inner, "aclose", None)
        if close is not None:
            with sending_extras(self._extras):
                await close()


class _IteratorWithExtras(Iterator[T]):
    """An iterator whose every step runs with `extras`; `close()` passes through."""

    def __init__(self, inner: Iterator[T], extras: Extras) -> None:
        self._inner = inner
        self._extras = extras

    def __next__(self) -> T:
        with sending_extras(self._extras):
            return next(self._inner)

    def close(self) -> None:
        close = getattr(self._inner, "close", None)
        if close is not None:
            with sending_extras(self._extras):
                close()
