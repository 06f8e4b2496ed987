"""A client that hangs up before its request is read is not a server error.

Clients give up on slow answers (a ``slow`` fault longer than their timeout, a large upload
cut short); the app then finds the connection gone when it reads the body, and Starlette
raises ``ClientDisconnect``. Left alone, that reaches the server as an unhandled exception
("Exception in ASGI application" and a traceback on stderr) although nothing went wrong:
there is simply nobody left to answer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.requests import ClientDisconnect

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class QuietDisconnectMiddleware:
    """Ends a request quietly when its client disconnected before it was answered."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        except ClientDisconnect:
            if scope["type"] != "http":
                raise
