"""Helpers shared by the wrapper tests: drive sync and async clients alike, mock servers."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import httpx

from browser_use_cloud import AsyncBrowserUse, BrowserUse
from browser_use_cloud._policies.retry import RetryPolicy

API = "https://api.example.test/api/v1"
KEY = "bu_test_key_0123456789"


async def resolve(value: Any) -> Any:
    """Await `value` if the async client returned an awaitable (lets one test drive both)."""
    return await value if inspect.isawaitable(value) else value


async def collect(iterator: Any) -> list[Any]:
    """List the items of a sync or async iterator."""
    if hasattr(iterator, "__aiter__"):
        return [item async for item in iterator]
    return list(iterator)


def resource_classes(*bases: type) -> list[type]:
    """The resources clients hand out: the subclasses of `bases` that nothing extends (a
    part such as `AsyncTaskCalls` is left out: `AsyncTasks`, built on it, has its methods).
    Import the resource modules first: a class is found once it is defined."""
    found: list[type] = []
    for base in bases:
        subclasses = base.__subclasses__()
        found += resource_classes(*subclasses) if subclasses else [base]
    return found


class Recorder:
    """A MockTransport handler that answers from a script and records every request."""

    def __init__(self, *responses: httpx.Response | Exception | Callable[..., Any]) -> None:
        self.responses = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        item = self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]
        if isinstance(item, Exception):
            raise item
        if callable(item) and not isinstance(item, httpx.Response):
            return item(request)  # type: ignore[no-any-return]
        return item


def make_client(kind: str, handler: Recorder, *, max_retries: int = 2, **kw: Any) -> Any:
    """A sync or async client on a MockTransport, with instant retries."""
    if kind == "sync":
        client: Any = BrowserUse(
            api_key=KEY, base_url=API, transport=httpx.MockTransport(handler), **kw
        )
    else:
        client = AsyncBrowserUse(
            api_key=KEY, base_url=API, transport=httpx.MockTransport(handler), **kw
        )
    client._http.policy = RetryPolicy(max_retries=max_retries, base_delay=0.0)
    return client
