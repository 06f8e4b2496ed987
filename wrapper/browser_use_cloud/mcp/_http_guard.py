"""Who `mcp --http` answers: requests that carry its token, from no page or a local one.

The server acts with the owner's API key, so every request passes three checks before
the MCP app sees it, in this order, whatever address the server is bound to:

- Host (421): an IP address, `localhost` (or a `*.localhost` name), the `--host` name or
  this machine's name. A DNS rebinding attack reaches the server under the attacker's
  own domain name, none of these.
- Origin (403): absent (not a browser), or a page on a loopback host (`localhost`,
  `*.localhost`, 127.0.0.0/8, `[::1]`). A page anywhere else is refused even when its Host passed.
- Authorization (401): `Bearer <token>`, compared in constant time. Other local users
  reach 127.0.0.1 too; the token, printed once at start (or given), keeps them out.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import socket
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from .._config import MCP_TOKEN_ENV, is_loopback
from .._exceptions import InputError

MIN_TOKEN_LENGTH = 16


def new_token() -> str:
    """A token nobody can guess: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def check_token(token: str) -> str:
    """`token` if it can serve as a bearer token; InputError (never echoing it) if not."""
    if len(token) < MIN_TOKEN_LENGTH:
        raise InputError(
            f"the MCP token is {len(token)} characters; use at least {MIN_TOKEN_LENGTH} "
            "(or give none: a random one is made and printed at start)"
        )
    if not all("!" <= char <= "~" for char in token):
        raise InputError(
            "the MCP token must be printable ASCII without spaces (the token is not echoed)"
        )
    return token


class HttpGuard:
    """ASGI middleware: the Host, Origin and token checks in front of `app`."""

    def __init__(self, app: ASGIApp, *, token: str, host: str) -> None:
        self.app = app
        self._token = check_token(token).encode()
        self._names = {host.lower(), socket.gethostname().lower()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":  # MCP has no WebSocket route: refuse, unread
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] == "http":
            refusal = self.refusal(Headers(scope=scope))
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def refusal(self, headers: Headers) -> PlainTextResponse | None:
        """The answer to a request that fails a check; None when it passes them all."""
        if not self._host_allowed(headers.get("host", "")):
            return PlainTextResponse(
                "Misdirected request: the Host header must be this server's address, "
                "localhost or its name.",
                status_code=421,
            )
        origin = headers.get("origin")
        if origin is not None and not _local_origin(origin):
            return PlainTextResponse(
                "Forbidden: this server answers no web page except one on this machine "
                "(localhost, 127.0.0.1, [::1]).",
                status_code=403,
            )
        if not self._authorized(headers.get("authorization", "")):
            return PlainTextResponse(
                "Unauthorized: send the header 'Authorization: Bearer <token>' with the token "
                f"the server printed when it started (or the one set in {MCP_TOKEN_ENV}).",
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer realm="browser-use-cloud mcp"'},
            )
        return None

    def _host_allowed(self, host: str) -> bool:
        name = _hostname(host)
        if name is None:
            return False
        return _is_ip(name) or is_loopback(name) or name in self._names

    def _authorized(self, authorization: str) -> bool:
        scheme, _, credentials = authorization.partition(" ")
        presented = credentials.strip().encode("utf-8", "surrogateescape")
        matches = hmac.compare_digest(presented, self._token)  # constant time
        return scheme.lower() == "bearer" and matches


def _local_origin(origin: str) -> bool:
    parts = urlsplit(origin)
    name = _hostname(parts.netloc)
    return parts.scheme in ("http", "https") and name is not None and is_loopback(name)


def _hostname(netloc: str) -> str | None:
    """The lower-case host of `host[:port]` (IPv6 in brackets); None if malformed."""
    try:
        parts = urlsplit(f"//{netloc}")
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return None
    return parts.hostname or None


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True
