"""The root command: global options and the command tree."""

from __future__ import annotations

import click

from .._version import __version__
from . import (
    _account,
    _batch,
    _demo,
    _emulator,
    _files,
    _mcp,
    _profiles,
    _run,
    _schedules,
    _tasks,
    _webhooks,
)
from ._context import CliState, api_key_option, base_url_option
from ._errors import EXIT_CODES_HELP

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

EPILOG = f"""\
Examples:

\b
  browser-use-cloud run "Find the top story on Hacker News"
  browser-use-cloud run --local "Compare two laptops" --schema laptops.schema.json
  browser-use-cloud batch companies.jsonl -o results.jsonl --concurrency 20
  browser-use-cloud tasks list --json
  browser-use-cloud emulator --port 8765
  browser-use-cloud mcp --local
  browser-use-cloud demo

Without an API key (and without --base-url), `run` uses the built-in emulator, so it works
offline. Global options go before the command.

{EXIT_CODES_HELP}"""


@click.group(context_settings=CONTEXT_SETTINGS, epilog=EPILOG)
@api_key_option
@base_url_option
@click.option("--debug", is_flag=True, help="Show a traceback when something fails.")
@click.version_option(__version__, "-V", "--version", prog_name="browser-use-cloud")
@click.pass_context
def cli(ctx: click.Context, api_key: str | None, base_url: str | None, debug: bool) -> None:
    """Run Browser Use Cloud tasks and manage your account from the terminal."""
    state = ctx.ensure_object(CliState)
    state.configure(api_key, base_url)
    state.debug = debug


cli.add_command(_run.run)
cli.add_command(_batch.batch)
cli.add_command(_tasks.tasks)
cli.add_command(_files.files)
cli.add_command(_schedules.schedules)
cli.add_command(_profiles.profiles)
for command in _account.COMMANDS:
    cli.add_command(command)
cli.add_command(_emulator.emulator)
cli.add_command(_webhooks.webhooks)
cli.add_command(_mcp.mcp)
cli.add_command(_demo.demo)
