"""Run the server over stdio or streamable HTTP."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from ._server import create_server

if TYPE_CHECKING:
    from .._async._client import AsyncBrowserUse

MCP_PATH = "/mcp"


async def serve_stdio(client: AsyncBrowserUse) -> None:
    """Serve one MCP client on stdin/stdout until it disconnects.

    While it runs the SDK points file descriptor 1 at stderr, so nothing but protocol
    messages reaches stdout.
    """
    from mcp.server.stdio import stdio_server

    server = create_server(client, local_files=True)
    async with stdio_server() as (read, write):
        await server.run(read, write, server.create_initialization_options())


async def serve_http(client: AsyncBrowserUse, *, host: str, port: int) -> None:
    """Serve streamable HTTP at http://HOST:PORT/mcp until interrupted.

    Local paths are not offered over HTTP: the caller may be on another machine.
    """
    from ..emulator._serving import bind, make_server, url_of

    server = create_server(client, local_files=False)
    app = server.streamable_http_app(streamable_http_path=MCP_PATH, host=host)
    sock = bind(host, port)
    print(f"MCP server (streamable HTTP) at {url_of(sock, host)}{MCP_PATH}", file=sys.stderr)
    try:
        await make_server(app).serve(sockets=[sock])
    finally:
        sock.close()
