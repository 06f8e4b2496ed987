"""Run the server over stdio or streamable HTTP."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._http_guard import HttpGuard, new_token
from ._server import create_server

if TYPE_CHECKING:
    from starlette.types import ASGIApp

    from .._async._client import AsyncBrowserUse

MCP_PATH = "/mcp"


async def serve_stdio(
    client: AsyncBrowserUse, *, allow_dirs: Sequence[str | os.PathLike[str]] = ()
) -> None:
    """Serve one MCP client on stdin/stdout until it disconnects.

    While it runs the SDK points file descriptor 1 at stderr, so nothing but protocol
    messages reaches stdout. Local paths must be inside `allow_dirs` or the client's
    roots (with neither, the working directory).
    """
    from mcp.server.stdio import stdio_server

    server = create_server(client, local_files=True, allow_dirs=allow_dirs)
    async with stdio_server() as (read, write):
        await server.run(read, write, server.create_initialization_options())


def http_app(client: AsyncBrowserUse, *, host: str, token: str) -> ASGIApp:
    """The streamable HTTP app at MCP_PATH, behind the Host, Origin and token checks.

    Local paths are not offered over HTTP: the caller may be on another machine. The
    guard replaces the SDK's own Host/Origin check, which covers loopback binds only.
    """
    from mcp.server.transport_security import TransportSecuritySettings

    server = create_server(client, local_files=False)
    app = server.streamable_http_app(
        streamable_http_path=MCP_PATH,
        host=host,
        transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False),
    )
    return HttpGuard(app, token=token, host=host)


async def serve_http(
    client: AsyncBrowserUse, *, host: str, port: int, token: str | None = None
) -> None:
    """Serve streamable HTTP at http://HOST:PORT/mcp until interrupted.

    Requests need `Authorization: Bearer <token>`; without a `token` a new one is made
    and printed, in the one start-up line that says how to connect (the only place the
    token is ever written).
    """
    from .._frontends._serving import bind, make_server, url_of

    given = token is not None
    token = token if token is not None else new_token()
    app = http_app(client, host=host, token=token)
    sock = bind(host, port)
    shown = "<the token you gave>" if given else token
    print(
        f"MCP server (streamable HTTP) at {url_of(sock, host)}{MCP_PATH}; "
        f"send the header 'Authorization: Bearer {shown}'",
        file=sys.stderr,
        flush=True,
    )
    try:
        await make_server(app).serve(sockets=[sock])
    finally:
        sock.close()
