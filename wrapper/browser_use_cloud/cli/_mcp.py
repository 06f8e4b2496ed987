"""`browser-use-cloud mcp`: the MCP server's own command, with the CLI's settings.

The command, its options and checks are the MCP package's (`python -m
browser_use_cloud.mcp` runs the same one); here it gets the API key and base URL through
the CLI's precedence (option, environment, profile), its built-in emulator and --debug.
This module is loaded only when the `mcp` command runs (see `_app`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from ..mcp._command import mcp_command
from ._context import CliState

if TYPE_CHECKING:
    from ..emulator import EmulatorConfig


def _state() -> CliState:
    return click.get_current_context().ensure_object(CliState)


@contextmanager
def _endpoint(
    api_key: str | None, base_url: str | None, config: EmulatorConfig | None
) -> Iterator[tuple[str, str | None]]:
    state = _state()
    state.configure(api_key or state.api_key, base_url or state.base_url)
    with state.endpoint(local=config is not None, config=config) as endpoint:
        yield endpoint


mcp = mcp_command(_endpoint, debug=lambda: _state().debug)
