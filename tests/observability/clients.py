"""Make a sync or async client and drive either from one async test."""

from __future__ import annotations

import inspect
from typing import Any

import httpx

from browser_use_cloud import AsyncBrowserUse, BrowserUse
from browser_use_cloud._policies.polling import PollPolicy
from browser_use_cloud._policies.retry import RetryPolicy
from tests.wrapper.wrapper_helpers import resolve

__all__ = ["FAST", "KEY", "close", "make_client", "record_sends", "resolve"]

KEY = "bu_observed_key_0123456789"
FAST = PollPolicy(initial=0.02, factor=1.5, max_interval=0.1)


def make_client(kind: str, base_url: str, **options: Any) -> Any:
    """A client of `kind` ("sync" or "async") with fast polls and instant retries."""
    cls = BrowserUse if kind == "sync" else AsyncBrowserUse
    client: Any = cls(api_key=KEY, base_url=base_url, **options)
    client.tasks.wait_policy = client.tasks.stream_policy = FAST
    client._http.policy = RetryPolicy(max_retries=client.max_retries, base_delay=0.0)
    return client


def record_sends(client: Any) -> list[httpx.Request]:
    """The requests `client` sends from now on, as its pool sends them (extras included)."""
    pool = client._http._client
    original = pool.send
    seen: list[httpx.Request] = []

    def send(request: httpx.Request, **kw: Any) -> Any:
        seen.append(request)
        return original(request, **kw)

    async def asend(request: httpx.Request, **kw: Any) -> Any:
        seen.append(request)
        return await original(request, **kw)

    pool.send = asend if inspect.iscoroutinefunction(original) else send
    return seen


async def close(client: Any) -> None:
    await resolve(client.close())
