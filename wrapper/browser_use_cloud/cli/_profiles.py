"""`browser-use-cloud profiles ...`: saved browser settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ._choices import spec_option
from ._context import CliState, pass_state
from ._derived import LISTS, derives, extras
from ._output import json_option, page_json, page_options, print_json, print_record, print_table

if TYPE_CHECKING:
    from .._models import BrowserProfile

F = TypeVar("F", bound=Callable[..., Any])

EPILOG = """\
Examples:

\b
  browser-use-cloud profiles create --name shopping --proxy-country de --no-ad-blocker
  browser-use-cloud profiles list
  browser-use-cloud profiles update PROFILE_ID --viewport 1920x1080
  browser-use-cloud profiles delete PROFILE_ID
"""

profile_id_argument = click.argument("profile_id")

SETTINGS = {
    "description": "description",
    "persist": "persist",
    "ad_blocker": "ad_blocker",
    "proxy": "proxy",
    "proxy_country": "proxy_country_code",
}
"""Hand-written option -> the request field it sets (--viewport sets the two sizes)."""
VIEWPORT = ("browser_viewport_width", "browser_viewport_height")
PROFILE_FIELDS = ("profile_name", *SETTINGS.values(), *VIEWPORT)
"""The request fields the hand-written options set; the table adds options for the rest."""


def _viewport(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    width, sep, height = value.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise click.BadParameter("use WIDTHxHEIGHT, e.g. 1280x960", ctx, param)
    return int(width), int(height)


def profile_options(func: F) -> F:
    """The settings shared by create and update (unset ones are not sent)."""
    options = [
        click.option("--description", help="Free text."),
        click.option("--persist/--no-persist", default=None, help="Keep cookies between tasks."),
        click.option("--ad-blocker/--no-ad-blocker", default=None, help="Block ads."),
        click.option("--proxy/--no-proxy", default=None, help="Use a residential proxy."),
        spec_option(  # the profile methods take no allow_unknown: a newer code is refused
            "--proxy-country",
            metavar="CODE",
            enum="ProxyCountryCode",
            field="proxy_country_code",
            help="Proxy country.",
        ),
        click.option("--viewport", metavar="WxH", callback=_viewport, help="e.g. 1280x960."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _fields(settings: dict[str, Any]) -> dict[str, Any]:
    fields = {field: settings[option] for option, field in SETTINGS.items()}
    if settings["viewport"] is not None:
        fields.update(zip(VIEWPORT, settings["viewport"], strict=True))
    return {name: value for name, value in fields.items() if value is not None}


def print_profile(profile: BrowserProfile) -> None:
    print_record(
        [
            ("id", profile.profile_id),
            ("name", profile.profile_name),
            ("description", profile.description or None),
            ("persist", profile.persist),
            ("ad blocker", profile.ad_blocker),
            ("proxy", f"{profile.proxy_country_code}" if profile.proxy else False),
            ("viewport", f"{profile.browser_viewport_width}x{profile.browser_viewport_height}"),
        ]
    )


@click.group(epilog=EPILOG)
def profiles() -> None:
    """Create, list, change and delete browser profiles."""


@profiles.command(
    "list",
    **derives("list_browser_profiles", "query", LISTS),
    epilog="Example:\n\n  browser-use-cloud profiles list --json",
)
@page_options
@json_option
@pass_state
def list_(state: CliState, page: int, limit: int, as_json: bool, derived: dict[str, Any]) -> None:
    """List browser profiles."""
    with state.client() as client:
        result = client.browser_profiles.list(page=page, limit=limit, **extras("query", derived))
    if as_json:
        print_json(page_json(result, "profiles"))
        return
    print_table(
        ("ID", "NAME", "PROXY", "VIEWPORT"),
        [
            (
                p.profile_id,
                p.profile_name,
                p.proxy_country_code if p.proxy else "off",
                f"{p.browser_viewport_width}x{p.browser_viewport_height}",
            )
            for p in result.items
        ],
        footer=f"page {result.page} of {result.total_pages} ({result.total_count} profiles)",
    )


@profiles.command(
    **derives("create_browser_profile", "body", PROFILE_FIELDS),
    epilog=EPILOG,
)
@click.option("--name", required=True, help="Profile name.")
@profile_options
@json_option
@pass_state
def create(
    state: CliState, /, name: str, as_json: bool, derived: dict[str, Any], **settings: Any
) -> None:
    """Create a browser profile (settings left out take the service's defaults)."""
    with state.client() as client:
        profile = client.browser_profiles.create(
            name, **_fields(settings), **extras("body", derived)
        )
    if as_json:
        print_json(profile)
    else:
        print_profile(profile)


@profiles.command(epilog="Example:\n\n  browser-use-cloud profiles get PROFILE_ID")
@profile_id_argument
@json_option
@pass_state
def get(state: CliState, profile_id: str, as_json: bool) -> None:
    """Show a browser profile."""
    state.about("browser profile", profile_id)
    with state.client() as client:
        profile = client.browser_profiles.get(profile_id)
    if as_json:
        print_json(profile)
    else:
        print_profile(profile)


@profiles.command(
    **derives("update_browser_profile", "body", PROFILE_FIELDS),
    epilog="Example:\n\n  browser-use-cloud profiles update PROFILE_ID --name work --no-proxy",
)
@profile_id_argument
@click.option("--name", help="New profile name.")
@profile_options
@json_option
@pass_state
def update(
    state: CliState,
    /,
    profile_id: str,
    name: str | None,
    as_json: bool,
    derived: dict[str, Any],
    **settings: Any,
) -> None:
    """Change the given settings of a profile (others stay as they are)."""
    state.about("browser profile", profile_id)
    with state.client() as client:
        profile = client.browser_profiles.update(
            profile_id, profile_name=name, **_fields(settings), **extras("body", derived)
        )
    if as_json:
        print_json(profile)
    else:
        print_profile(profile)


@profiles.command(epilog="Example:\n\n  browser-use-cloud profiles delete PROFILE_ID")
@profile_id_argument
@pass_state
def delete(state: CliState, profile_id: str) -> None:
    """Delete a browser profile and its saved data."""
    state.about("browser profile", profile_id)
    with state.client() as client:
        client.browser_profiles.delete(profile_id)
    click.echo(f"browser profile {profile_id} deleted")
