"""`browser-use-cloud config ...`: set and show the named profiles of the config file."""

from __future__ import annotations

import sys
from typing import Any

import click

from .._transport.log import hide_userinfo
from ._context import CliState, pass_state
from ._output import json_option, print_json, print_record, print_table
from ._settings import (
    DEFAULT_PROFILE,
    SETTINGS,
    ConfigFile,
    check_profile_name,
    check_setting,
    config_path,
    mask,
)

EPILOG = """\
Examples:

\b
  browser-use-cloud --profile work config set api-key-env WORK_BROWSER_USE_KEY
  browser-use-cloud --profile local config set base-url http://127.0.0.1:8765/api/v1
  browser-use-cloud config use work
  browser-use-cloud config show
  browser-use-cloud --profile local tasks list

\b
Settings of a profile:
  api-key      the API key itself (stored in the file, readable only by you)
  api-key-env  the NAME of an environment variable holding the key (keeps it out of the file)
  base-url     the API base URL
"""

_KEYS = click.Choice([key.replace("_", "-") for key in SETTINGS])


@click.group(epilog=EPILOG)
def config() -> None:
    """Set and show the named profiles of the config file.

    A profile holds an API key (or the name of the environment variable that has it) and a
    base URL. The file lives in your config directory, readable only by you; set
    $BROWSER_USE_CONFIG to use another.
    """


def _target_profile(state: CliState, file: ConfigFile) -> str:
    """The profile `set`/`unset` change: --profile, else default_profile, else `default`."""
    chosen, _ = state.profile_choice
    return chosen or file.default_profile or DEFAULT_PROFILE


@config.command("set", epilog="Example:\n\n  browser-use-cloud --profile work config set api-key")
@click.argument("key", type=_KEYS)
@click.argument("value", required=False)
@pass_state
def set_(state: CliState, key: str, value: str | None) -> None:
    """Set KEY of a profile to VALUE (read from the terminal, hidden, or stdin if left out).

    The profile is the one --profile names, else the file's default_profile, else
    `default`. api-key and api-key-env replace each other.
    """
    file = ConfigFile.load()
    name = check_profile_name(_target_profile(state, file))
    setting = key.replace("-", "_")
    text = check_setting(setting, value if value is not None else _read_value(setting))
    profile = file.profiles.setdefault(name, {})
    if setting in ("api_key", "api_key_env"):
        profile.pop("api_key", None)
        profile.pop("api_key_env", None)
    profile[setting] = text
    file.save()
    shown = mask(text) if setting == "api_key" else hide_userinfo(text)
    click.echo(f"profile {name}: {key} = {shown} (saved in {file.path})")


def _read_value(setting: str) -> str:
    if sys.stdin.isatty():
        return str(click.prompt(setting.replace("_", "-"), hide_input=setting == "api_key"))
    return sys.stdin.readline()


@config.command(epilog="Example:\n\n  browser-use-cloud --profile work config unset base-url")
@click.argument("key", type=_KEYS)
@pass_state
def unset(state: CliState, key: str) -> None:
    """Remove KEY from a profile (the profile goes when it holds nothing more)."""
    file = ConfigFile.load()
    name = _target_profile(state, file)
    profile = file.profiles.get(name, {})
    if profile.pop(key.replace("-", "_"), None) is None:
        click.echo(f"profile {name} has no {key}", err=True)
        return
    if not profile:
        del file.profiles[name]
        if file.default_profile == name:
            file.default_profile = None
    file.save()
    click.echo(f"profile {name}: {key} removed")


@config.command(epilog="Example:\n\n  browser-use-cloud config use work")
@click.argument("name")
def use(name: str) -> None:
    """Make NAME the profile commands use when --profile and $BROWSER_USE_PROFILE are unset."""
    file = ConfigFile.load()
    if check_profile_name(name) not in file.profiles:
        known = ", ".join(sorted(file.profiles)) or "none yet"
        raise click.UsageError(f"no profile {name!r} in {file.path} (profiles: {known})")
    file.default_profile = name
    file.save()
    click.echo(f"default profile: {name}")


@config.command(epilog="Example:\n\n  browser-use-cloud --profile work config show")
@json_option
@pass_state
def show(state: CliState, as_json: bool) -> None:
    """Show the API key (masked) and base URL (password hidden) commands would use, and
    where each comes from."""
    settings = state.settings
    values: dict[str, Any] = {
        "config_file": str(settings.path),
        "profile": settings.profile,
        "profile_source": settings.profile_source,
        "api_key": mask(settings.api_key) if settings.api_key else None,
        "api_key_source": settings.api_key_source,
        "base_url": hide_userinfo(settings.base_url) if settings.base_url else None,
        "base_url_source": settings.base_url_source,
    }
    if as_json:
        print_json(values)
        return
    print_record(
        [
            ("config file", settings.path),
            ("profile", f"{settings.profile or '-'} ({settings.profile_source})"),
            ("api key", f"{values['api_key'] or '-'} ({settings.api_key_source})"),
            ("base url", f"{values['base_url'] or 'the service'} ({settings.base_url_source})"),
        ]
    )


@config.command("list", epilog="Example:\n\n  browser-use-cloud config list --json")
@json_option
def list_(as_json: bool) -> None:
    """List the profiles of the config file (API keys masked, base-URL passwords hidden)."""
    file = ConfigFile.load()
    rows = []
    for name in sorted(file.profiles):
        profile = file.profiles[name]
        key = mask(profile["api_key"]) if "api_key" in profile else None
        if "api_key_env" in profile:
            key = f"${profile['api_key_env']}"
        rows.append(
            {
                "name": name,
                "default": name == file.default_profile,
                "api_key": key,
                "base_url": hide_userinfo(profile["base_url"]) if "base_url" in profile else None,
            }
        )
    if as_json:
        print_json({"config_file": str(file.path), "profiles": rows})
        return
    print_table(
        ("PROFILE", "DEFAULT", "API KEY", "BASE URL"),
        [(r["name"], r["default"], r["api_key"], r["base_url"]) for r in rows],
        footer=f"{len(rows)} profile(s) in {file.path}",
    )


@config.command(epilog="Example:\n\n  browser-use-cloud config path")
def path() -> None:
    """Print where the config file is (it may not exist yet)."""
    click.echo(str(config_path()))
