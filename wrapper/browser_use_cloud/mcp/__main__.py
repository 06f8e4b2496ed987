"""`python -m browser_use_cloud.mcp [OPTIONS]`: the MCP server, without the CLI.

The same command as `browser-use-cloud mcp`, with the key and base URL from its options
or the environment (the CLI adds profiles and its config file).
"""

from __future__ import annotations

import sys

import click

from .._exceptions import InputError
from ._command import given_endpoint, mcp_command


def main() -> None:
    """Run the command; a mistake in the options or settings is one line and exit status 2."""
    command = mcp_command(given_endpoint)
    try:
        command.main(prog_name="python -m browser_use_cloud.mcp", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except InputError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Interrupted.", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
