"""httpx transports that call the emulator's ASGI app directly: no socket, no server thread.

``InProcessTransport`` (for ``httpx.Client`` / ``BrowserUse``) and
``AsyncInProcessTransport`` (for ``httpx.AsyncClient`` / ``AsyncBrowserUse``) turn each
request into one ASGI call and its whole answer into an ``httpx.Response``. The sync one
runs the call on an event loop of its own per thread (or, when the calling thread already
runs a loop, on a helper thread), so a sync client works anywhere, from several threads too.

Before each call, schedules that are due are started: tasks progress by the clock alone, so
nothing needs to run between requests. Faults behave as over a socket, except that nothing
times out: a ``slow`` fault or a slow creation delays the answer, and ``drop`` / ``lost``
raise ``httpx.RemoteProtocolError`` (no status), as a closed connection does.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from ._state import State

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
CLIENT = ("127.0.0.1", 50000)


async def exchange(app: ASGIApp, request: httpx.Request, body: bytes) -> httpx.Response:
    """Send ``request`` (whose body is ``body``) to ``app`` and collect its whole answer."""
    url = request.url
    scope: Scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": request.method,
        "scheme": url.scheme,
        "path": url.path,
        "raw_path": url.raw_path.split(b"?", 1)[0],
        "query_string": url.query,
        "root_path": "",
        "headers": [(key.lower(), value) for key, value in request.headers.raw],
        "client": CLIENT,
        "server": (url.host, url.port or (443 if url.scheme == "https" else 80)),
        "extensions": {},
    }
    sent = False
    status = 0
    headers: list[tuple[bytes, bytes]] = []
    chunks: list[bytes] = []
    complete = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        nonlocal status, headers, complete
        if message["type"] == "http.response.start":
            status = message["status"]
            headers = list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))
            complete = not message.get("more_body", False)

    try:
        await app(scope, receive, send)
    except httpx.TransportError:
        raise  # an emulated dropped or lost connection: no answer at all
    except Exception:
        if not complete:
            raise
        # Answered (a 500) and then raised, as Starlette does: the client has its answer.
    if not complete:
        raise httpx.RemoteProtocolError("the emulator ended the request without an answer")
    stream = httpx.ByteStream(b"".join(chunks))  # unread, so a streaming client can read it
    return httpx.Response(status, headers=headers, stream=stream, request=request)


class _Loops(threading.local):
    loop: asyncio.AbstractEventLoop | None = None


class InProcessTransport(httpx.BaseTransport):
    """A sync httpx transport into an emulator app (``Emulator.transport()`` makes one)."""

    def __init__(self, app: ASGIApp, state: State) -> None:
        self._app = app
        self._state = state
        self._local = _Loops()
        self._loops: list[asyncio.AbstractEventLoop] = []
        self._lock = threading.Lock()
        self._helper: ThreadPoolExecutor | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` from the emulator (httpx calls this; not for direct use)."""
        body = request.read()
        self._state.catch_up()
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return self._loop().run_until_complete(exchange(self._app, request, body))
        # This thread runs an event loop already (a sync client inside async code).
        with self._lock:
            if self._helper is None:
                self._helper = ThreadPoolExecutor(1, thread_name_prefix="emulator-in-process")
            helper = self._helper
        return helper.submit(self._call_on_own_loop, request, body).result()

    def _call_on_own_loop(self, request: httpx.Request, body: bytes) -> httpx.Response:
        return self._loop().run_until_complete(exchange(self._app, request, body))

    def _loop(self) -> asyncio.AbstractEventLoop:
        loop = self._local.loop
        if loop is None or loop.is_closed():
            loop = self._local.loop = asyncio.new_event_loop()
            with self._lock:
                self._loops.append(loop)
        return loop

    def close(self) -> None:
        """Close the event loops this transport made (those not running)."""
        with self._lock:
            loops, self._loops = self._loops, []
            helper, self._helper = self._helper, None
        if helper is not None:
            helper.shutdown(wait=True)
        for loop in loops:
            if not loop.is_running() and not loop.is_closed():
                loop.close()


class AsyncInProcessTransport(httpx.AsyncBaseTransport):
    """An async httpx transport into an emulator app (``Emulator.async_transport()``)."""

    def __init__(self, app: ASGIApp, state: State) -> None:
        self._app = app
        self._state = state

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` from the emulator (httpx calls this; not for direct use)."""
        body = await request.aread()
        self._state.catch_up()
        return await exchange(self._app, request, body)
