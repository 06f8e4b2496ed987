"""The `mcp` command: its options, their checks, and the server they start.

`python -m browser_use_cloud.mcp` runs it with the API key and base URL from its options
or the environment; `browser-use-cloud mcp` runs it with the CLI's settings (profiles,
the config file, --debug). Each passes an `Endpoint`, so this package needs no CLI.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .._config import MCP_TOKEN_ENV, is_loopback
from .._exceptions import InputError
from .._frontends._explain import no_api_key
from .._frontends._local_emulator import local_config, local_endpoint, local_poll
from .._frontends._options import api_key_option, base_url_option

if TYPE_CHECKING:
    from ..emulator import EmulatorConfig

Endpoint = Callable[
    [str | None, str | None, "EmulatorConfig | None"],
    AbstractContextManager[tuple[str, str | None]],
]
"""(--api-key, --base-url, the built-in emulator's settings with --local, else None) ->
a context giving the API key and base URL to serve."""

EPILOG = """\
Examples:

\b
  browser-use-cloud mcp                    # stdio, for an MCP client's configuration
  browser-use-cloud mcp --local            # the same, on the built-in emulator
  browser-use-cloud mcp --allow-dir ~/work # files only in ~/work (and the client's roots)
  browser-use-cloud mcp --http --port 8000 # streamable HTTP at http://127.0.0.1:8000/mcp

Over stdio, upload_file and download_output_file read and write only inside the
client's roots and every --allow-dir (with neither, the working directory); hidden
files and folders are refused. Over HTTP every request needs 'Authorization: Bearer
TOKEN': the token is printed at start, or taken from BROWSER_USE_MCP_TOKEN or
--token-file; pages from other sites (Origin) are refused.
"""


@contextmanager
def given_endpoint(
    api_key: str | None, base_url: str | None, config: EmulatorConfig | None
) -> Iterator[tuple[str, str | None]]:
    """The options' (or environment's) key and URL, or the built-in emulator with --local."""
    if config is not None:
        with local_endpoint(config, reason="--local") as endpoint:
            yield endpoint
        return
    key = api_key.strip() if api_key else ""
    if not key:
        raise InputError(no_api_key(local_hint=True))
    yield key, (base_url.strip() or None) if base_url else None


def mcp_command(endpoint: Endpoint, *, debug: Callable[[], bool] = lambda: False) -> click.Command:
    """The `mcp` command, serving the API that `endpoint` gives; `debug`: log everything."""

    @click.command("mcp", epilog=EPILOG)
    @api_key_option
    @base_url_option
    @click.option(
        "--local", is_flag=True, help="Run the tools on the built-in emulator (no key, no network)."
    )
    @click.option(
        "--http", "use_http", is_flag=True, help="Serve streamable HTTP instead of stdio."
    )
    @click.option("--host", default="127.0.0.1", show_default=True, help="Address for --http.")
    @click.option(
        "--port",
        type=click.IntRange(0, 65535),
        default=8000,
        show_default=True,
        help="Port for --http.",
    )
    @click.option(
        "--allow-dir",
        "allow_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help=(
            "A directory the file tools may read and write (repeatable; stdio). Default: the "
            "client's roots, or the working directory."
        ),
    )
    @click.option(
        "--token-file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help=f"Read the --http bearer token from this file (or set {MCP_TOKEN_ENV}).",
    )
    def mcp(
        api_key: str | None,
        base_url: str | None,
        local: bool,
        use_http: bool,
        host: str,
        port: int,
        allow_dirs: tuple[Path, ...],
        token_file: Path | None,
    ) -> None:
        """Serve every API operation, and tools that wait for tasks, to an MCP client.

        One tool per API operation (run_task, get_task, list_tasks, ...) plus
        run_task_and_wait, monitor_task, upload_file and download_output_file. In stdio mode
        (the default) stdout carries only MCP messages; logs go to stderr.
        """
        try:
            import anyio

            from ._serve import serve_http, serve_stdio
        except ImportError as exc:
            raise InputError(
                f"the MCP server needs the mcp package ({exc.name} is missing): "
                "pip install 'browser-use-cloud[mcp]'"
            ) from None
        if use_http and allow_dirs:
            raise InputError(
                "--allow-dir is for stdio: over --http no tool reads or writes local paths"
            )
        if token_file is not None and not use_http:
            raise InputError(
                "--token-file is for --http: over stdio the MCP client starts the server"
            )
        token = _token(token_file) if use_http else None
        logging.basicConfig(stream=sys.stderr, level=logging.DEBUG if debug() else logging.WARNING)
        logging.getLogger("browser_use_cloud.mcp").setLevel(logging.INFO)
        if use_http and not is_loopback(host):
            click.echo(
                f"Warning: {host} is reachable from other machines over plain HTTP: the token "
                "and everything else travel unencrypted. Keep it on loopback, or put TLS in "
                "front.",
                err=True,
            )
        if not use_http and not allow_dirs:
            _warn_if_everything_is_allowed()
        config = local_config() if local else None
        from .. import AsyncBrowserUse

        async def serve(api_key: str, base_url: str | None) -> None:
            async with AsyncBrowserUse(api_key=api_key, base_url=base_url) as client:
                if config is not None:
                    client.tasks.stream_policy = local_poll(config.step_interval)
                if use_http:
                    await serve_http(client, host=host, port=port, token=token)
                else:
                    await serve_stdio(client, allow_dirs=allow_dirs)

        with (
            endpoint(api_key, base_url, config) as (key, url),
            contextlib.suppress(KeyboardInterrupt),  # Ctrl-C ends the server quietly
        ):
            anyio.run(serve, key, url)

    return mcp


def _token(token_file: Path | None) -> str | None:
    """The bearer token from --token-file (its first line) or the environment; None: make one."""
    from ._http_guard import check_token

    if token_file is not None:
        lines = token_file.read_text(encoding="utf-8").splitlines()
        token, source = (lines[0].strip() if lines else ""), f"--token-file {token_file}"
    elif MCP_TOKEN_ENV in os.environ:
        token, source = os.environ[MCP_TOKEN_ENV].strip(), MCP_TOKEN_ENV
    else:
        return None
    try:
        return check_token(token)
    except InputError as exc:
        raise InputError(f"{source}: {exc}") from None


def _warn_if_everything_is_allowed() -> None:
    """Started from / or the home folder, the default lets the file tools reach it all."""
    here = Path.cwd().resolve()
    if here in (Path(here.anchor), Path.home().resolve()):
        click.echo(
            f"Warning: upload_file and download_output_file may reach everything under {here} "
            "(the working directory) unless the MCP client names roots; pass --allow-dir DIR "
            "to narrow it.",
            err=True,
        )
