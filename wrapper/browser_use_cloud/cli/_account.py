"""`balance`, `me` and `ping`: account and service checks."""

from __future__ import annotations

import click

from .._transport.log import hide_userinfo
from ._context import CliState, pass_state
from ._errors import EXIT_API
from ._output import echo, json_option, print_json


@click.command(epilog="Example:\n\n  browser-use-cloud balance --json")
@json_option
@pass_state
def balance(state: CliState, as_json: bool) -> None:
    """Show the account's credit balance (1 credit = 0.01 USD)."""
    with state.client() as client:
        result = client.balance()
    if as_json:
        print_json({"balance": result.raw})
    elif result.usd is not None:
        echo(f"{result.raw} credits (${result.usd:.2f})")
    else:
        echo(f"{result.raw} credits")


@click.command(epilog="Example:\n\n  browser-use-cloud me && echo 'key ok'")
@json_option
@pass_state
def me(state: CliState, as_json: bool) -> None:
    """Check the API key (exit 0 if the service accepts it, 5 if not)."""
    with state.client() as client:
        valid = client.me()
    if as_json:
        print_json(valid)
    else:
        click.echo("the API key is valid" if valid else "the API key was rejected (401)")
    if not valid:
        raise click.exceptions.Exit(EXIT_API)


@click.command(
    epilog="Example:\n\n  browser-use-cloud --base-url http://127.0.0.1:8765/api/v1 ping"
)
@json_option
@pass_state
def ping(state: CliState, as_json: bool) -> None:
    """Check that the service answers (no API key needed)."""
    from .. import BrowserUse

    # The ping endpoint needs no key; send a placeholder when there is none.
    with BrowserUse(api_key=state.api_key or "none", base_url=state.base_url) as client:
        client.ping()
        url = hide_userinfo(client.base_url)
    if as_json:
        print_json({"ok": True, "base_url": url})
    else:
        click.echo(f"ok: {url} answered")


COMMANDS = (balance, me, ping)
