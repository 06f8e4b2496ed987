"""The root command: global options and the command tree."""

from __future__ import annotations

import click

from .._frontends._options import api_key_option, base_url_option
from .._version import __version__
from ._context import CliState, add_profile_option, profile_option
from ._errors import EXIT_CODES_HELP
from ._lazy import LazyCommand, LazyGroup
from ._settings import PROFILE_ENV, SETTINGS_HELP

# Every command: its module, its attribute and the first paragraph of its help (what the
# command list of `--help` shows without importing the module; a test keeps them equal).
COMMANDS = {
    "run": LazyCommand(
        "._run", "run", "Run TASK (plain words) and show its steps live until it ends."
    ),
    "batch": LazyCommand(
        "._batch",
        "batch",
        "Run a task per line of INPUT, a few at a time; write each result as a JSON line.",
    ),
    "tasks": LazyCommand(
        "._tasks",
        "tasks",
        "List, inspect, pause, resume and stop tasks; fetch their media and files.",
    ),
    "files": LazyCommand("._files", "files", "Upload files for tasks to read."),
    "schedules": LazyCommand(
        "._schedules", "schedules", "Create, list, change and delete scheduled tasks."
    ),
    "profiles": LazyCommand(
        "._profiles", "profiles", "Create, list, change and delete browser profiles."
    ),
    "balance": LazyCommand(
        "._account", "balance", "Show the account's credit balance (1 credit = 0.01 USD)."
    ),
    "me": LazyCommand(
        "._account", "me", "Check the API key (exit 0 if the service accepts it, 5 if not)."
    ),
    "ping": LazyCommand("._account", "ping", "Check that the service answers (no API key needed)."),
    "config": LazyCommand(
        "._config", "config", "Set and show the named profiles of the config file."
    ),
    "emulator": LazyCommand(
        "._emulator",
        "emulator",
        "Serve a local emulator of the Browser Use Cloud API v1 until Ctrl-C.",
    ),
    "webhooks": LazyCommand(
        "._webhooks", "webhooks", "Receive and verify signed webhook deliveries."
    ),
    "mcp": LazyCommand(
        "._mcp",
        "mcp",
        "Serve every API operation, and tools that wait for tasks, to an MCP client.",
    ),
    "demo": LazyCommand(
        "._demo", "demo", "Show the main job on the built-in emulator: no API key, no network."
    ),
}

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
offline. Global options go before the command; --profile may go anywhere.

{SETTINGS_HELP}

{EXIT_CODES_HELP}"""


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    prepare=add_profile_option,
    context_settings=CONTEXT_SETTINGS,
    epilog=EPILOG,
)
@api_key_option
@base_url_option
@click.option("--debug", is_flag=True, help="Show a traceback when something fails.")
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, param, value: _print_version(ctx) if value else None,
    help="Show the version and exit.",
)
@click.pass_context
def cli(ctx: click.Context, api_key: str | None, base_url: str | None, debug: bool) -> None:
    """Run Browser Use Cloud tasks and manage your account from the terminal."""
    state = ctx.ensure_object(CliState)
    state.configure(
        api_key, base_url, key_source=_source(ctx, "api_key"), url_source=_source(ctx, "base_url")
    )
    state.debug = debug


def _print_version(ctx: click.Context) -> None:
    # click.version_option would do the same, but loads `locale` for it (--help pays)
    if not ctx.resilient_parsing:
        click.echo(f"browser-use-cloud, version {__version__}")
        ctx.exit()


def _source(ctx: click.Context, name: str) -> str:
    """`--api-key` or `$BROWSER_USE_API_KEY`: where a global option's value came from."""
    param = next(p for p in cli.params if p.name == name)
    if ctx.get_parameter_source(name) is click.core.ParameterSource.ENVIRONMENT:
        return f"${param.envvar}"
    return param.opts[0]


cli.params.insert(2, profile_option(envvar=PROFILE_ENV))  # after --api-key, --base-url
