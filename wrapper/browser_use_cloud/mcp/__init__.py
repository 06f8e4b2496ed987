"""An MCP server built on the library (extra ``[mcp]``).

Every API operation is a tool named by its operation name (`run_task`, `get_task`, ...),
with the API's argument names, derived from the packaged openapi.json; beside them,
`run_task_and_wait` (progress per step, structured output, cancellation stops the task),
`monitor_task`, `upload_file` and `download_output_file`. Every call goes through the
client: auth, retries, request ids and typed errors, which come back as tool errors.

    browser-use-cloud mcp                      # stdio, for an assistant's MCP configuration
    browser-use-cloud mcp --allow-dir ~/work   # file tools only there (and the client's roots)
    browser-use-cloud mcp --http --port 8000   # streamable HTTP on 127.0.0.1:8000/mcp (token)
    python -m browser_use_cloud.mcp --local    # against the built-in emulator

Over stdio the file tools stay inside the client's roots and every `--allow-dir` (else the
working directory); over HTTP there are none, and every request needs the bearer token.

`create_server(client)` returns the `mcp` SDK's low-level `Server` for other transports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._server import create_server

__all__ = ["create_server"]


def __getattr__(name: str) -> Any:
    """`create_server` is imported on first use: the `mcp` command's module, imported by
    the CLI, must load without the `mcp` package, so that it can say how to install it."""
    if name != "create_server":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from ._server import create_server

    globals()[name] = create_server
    return create_server


def __dir__() -> list[str]:
    return sorted(__all__)
