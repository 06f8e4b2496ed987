"""What a client records of each HTTP response: `ResponseInfo`, and `capture_responses()`.

```python
with client.capture_responses() as responses:
    task = client.tasks.get(task_id)
print(responses.last.status_code, responses.last.request_id, responses.last.elapsed)
```

Captures are context-local (a `contextvars.ContextVar`): a block records the responses to
the requests sent inside it by its own thread or asyncio task and the tasks it starts,
never those of a concurrent caller of the same client.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import overload

import attrs
import httpx

SERVER_REQUEST_ID_HEADERS = ("x-request-id", "request-id")
"""Response headers read, in this order, for the service's id of a request."""
_ID_HEADERS = tuple(name.encode() for name in SERVER_REQUEST_ID_HEADERS)


@attrs.frozen
class ResponseInfo:
    """One HTTP response: what `capture_responses()` records, what `ResponseEvent` hooks
    receive, and what `APIStatusError.response_info` holds.

    `request_id` is the id the service gave the request (its `x-request-id` or
    `request-id` response header) when it sent one, else `client_request_id`: an id this
    client made for the request (shared by its retries), which the service never saw.
    `elapsed` is the seconds from sending this attempt to having its whole response.
    `headers` are the response's, with the API key hidden should one echo it; `url` has no
    query string when it is a presigned storage URL (the query is its signature).
    `attempt` is 0 for the first attempt, 1 for the first retry, and so on.
    """

    method: str
    url: str
    status_code: int
    headers: httpx.Headers
    elapsed: float
    request_id: str
    client_request_id: str
    attempt: int


def new_client_request_id() -> str:
    """A fresh id for one request (all its attempts): `client-` and 16 hex digits."""
    return "client-" + os.urandom(8).hex()


def server_request_id(headers: httpx.Headers) -> str | None:
    """The service's id of the request, from the response headers, if it sent one."""
    found: dict[bytes, bytes] = {}
    for name, value in headers.raw:  # one pass over the raw pairs: no per-name lookups
        lowered = name.lower()
        if lowered in _ID_HEADERS and value and lowered not in found:
            found[lowered] = value
    for name in _ID_HEADERS:
        if name in found:
            return found[name].decode("latin-1")
    return None


class CapturedResponses(Sequence[ResponseInfo]):
    """The responses recorded by one `capture_responses()` block, oldest first.

    A sequence of `ResponseInfo` (retries and every request of a call that sends several
    are all there); `last` is the newest one, or None when nothing was received yet.
    """

    def __init__(self, items: list[ResponseInfo]) -> None:
        self._items = items  # the list `record` appends to while the block is open

    @overload
    def __getitem__(self, index: int) -> ResponseInfo: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[ResponseInfo]: ...
    def __getitem__(self, index: int | slice) -> ResponseInfo | Sequence[ResponseInfo]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"CapturedResponses({self._items!r})"

    @property
    def last(self) -> ResponseInfo | None:
        """The newest response recorded (None before the first one)."""
        return self._items[-1] if self._items else None


_captures: ContextVar[tuple[tuple[object, list[ResponseInfo]], ...]] = ContextVar(
    "browser_use_cloud_captures", default=()
)
"""The open captures in this context: (owner of the clients, the list their responses go to)."""


@contextmanager
def capture(owner: object) -> Iterator[CapturedResponses]:
    """Record, for the duration of the block, the responses of the clients of `owner`."""
    entry: tuple[object, list[ResponseInfo]] = (owner, [])
    token = _captures.set((*_captures.get(), entry))
    try:
        yield CapturedResponses(entry[1])
    finally:
        try:
            _captures.reset(token)
        except ValueError:  # left in another context than it was entered in
            _captures.set(tuple(c for c in _captures.get() if c is not entry))


def capturing() -> bool:
    """True when some `capture_responses()` block is open in this context."""
    return bool(_captures.get())


def record(owner: object, info: ResponseInfo) -> None:
    """Add `info` to the open captures of `owner`'s clients."""
    for captured_owner, items in _captures.get():
        if captured_owner is owner:
            items.append(info)
