"""`browser-use-cloud mcp`: the MCP server (extra `[mcp]`) over stdio or streamable HTTP."""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import sys

import click

from ._context import CliState, api_key_option, base_url_option, pass_state
from ._errors import CliError
from ._local import local_config
from ._run import local_poll

EPILOG = """\
Examples:

\b
  browser-use-cloud mcp                    # stdio, for an MCP client's configuration
  browser-use-cloud mcp --local            # the same, on the built-in emulator
  browser-use-cloud mcp --http --port 8000 # streamable HTTP at http://127.0.0.1:8000/mcp
"""


@click.command(epilog=EPILOG)
@api_key_option
@base_url_option
@click.option(
    "--local", is_flag=True, help="Run the tools on the built-in emulator (no key, no network)."
)
@click.option("--http", "use_http", is_flag=True, help="Serve streamable HTTP instead of stdio.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address for --http.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port for --http.",
)
@pass_state
def mcp(
    state: CliState,
    api_key: str | None,
    base_url: str | None,
    local: bool,
    use_http: bool,
    host: str,
    port: int,
) -> None:
    """Serve every API operation, and tools that wait for tasks, to an MCP client.

    One tool per API operation (run_task, get_task, list_tasks, ...) plus
    run_task_and_wait, monitor_task, upload_file and download_output_file. In stdio mode
    (the default) stdout carries only MCP messages; logs go to stderr.
    """
    try:
        import anyio

        from ..mcp._serve import serve_http, serve_stdio
    except ImportError as exc:
        raise CliError(
            f"the MCP server needs the mcp package ({exc.name} is missing): "
            "pip install 'browser-use-cloud[mcp]'"
        ) from None
    state.configure(api_key or state.api_key, base_url or state.base_url)
    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG if state.debug else logging.WARNING)
    logging.getLogger("browser_use_cloud.mcp").setLevel(logging.INFO)
    if use_http and not _is_loopback(host):
        click.echo(
            f"Warning: {host} is reachable from other machines, and the server has no "
            "authentication of its own: anyone who reaches it uses your API key.",
            err=True,
        )
    config = local_config() if local else None
    from .. import AsyncBrowserUse

    async def serve(api_key: str, base_url: str | None) -> None:
        async with AsyncBrowserUse(api_key=api_key, base_url=base_url) as client:
            if config is not None:
                client.tasks.stream_policy = local_poll(config.step_interval)
            if use_http:
                await serve_http(client, host=host, port=port)
            else:
                await serve_stdio(client)

    with (
        state.endpoint(local=local, config=config) as (key, url),
        contextlib.suppress(KeyboardInterrupt),  # Ctrl-C ends the server quietly
    ):
        anyio.run(serve, key, url)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
