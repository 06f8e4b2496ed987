"""What every command shares: the global options, and clients built from them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from .._transport.log import hide_userinfo
from ._errors import CliError, Subject, missing_key_error
from ._settings import PROFILE_ENV, ConfigFile, Resolved, check_profile_name, resolve

if TYPE_CHECKING:
    from .. import BrowserUse
    from ..emulator import EmulatorConfig


def _take_profile(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is None:
        return
    source = ctx.get_parameter_source(param.name or "profile")
    how = f"${PROFILE_ENV}" if source is click.core.ParameterSource.ENVIRONMENT else "--profile"
    ctx.ensure_object(CliState).choose_profile(value, how)


def _complete_profiles(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    try:
        names = ConfigFile.load().profiles
    except click.ClickException:  # a broken file: nothing to offer
        return []
    return [name for name in sorted(names) if name.startswith(incomplete)]


def profile_option(*, envvar: str | None = None) -> click.Option:
    """`--profile NAME`: take the API key and base URL from a profile of the config file."""
    return click.Option(
        ["--profile"],
        metavar="NAME",
        envvar=envvar,
        expose_value=False,
        callback=_take_profile,
        shell_complete=_complete_profiles,
        help=f"Use this profile of the config file (default: ${PROFILE_ENV}, else the file's "
        "default_profile); options and environment variables still win.",
    )


def add_profile_option(command: click.Command) -> None:
    """Give `command` and every command below it `--profile` (it may go anywhere)."""
    if not any(param.name == "profile" for param in command.params):
        command.params.append(profile_option())
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            add_profile_option(sub)


class CliState:
    """Global options, and the subject of the command (named in not-found errors).

    `api_key` and `base_url` apply the precedence option > environment > profile > default
    (see `_settings`), reading the config file on first use only.
    """

    def __init__(self) -> None:
        self._given_key: tuple[str | None, str] = (None, "not set")
        self._given_url: tuple[str | None, str] = (None, "default")
        self._profile: tuple[str | None, str] = (None, "none")
        self._resolved: Resolved | None = None
        self.debug = False
        self.subject = Subject()

    def __repr__(self) -> str:
        given = self._given_url[0]
        shown = None if given is None else hide_userinfo(given)
        return f"CliState(profile={self._profile[0]!r}, base_url={shown!r}, debug={self.debug!r})"

    def configure(
        self,
        api_key: str | None,
        base_url: str | None,
        *,
        key_source: str = "--api-key",
        url_source: str = "--base-url",
    ) -> None:
        """Take the --api-key and --base-url values (blank means not given) and where each
        came from (the option or its environment variable)."""
        key = api_key.strip() if api_key and api_key.strip() else None
        url = base_url.strip() if base_url and base_url.strip() else None
        self._given_key = (key, key_source) if key else (None, "not set")
        self._given_url = (url, url_source) if url else (None, "default")
        self._resolved = None

    def choose_profile(self, name: str, source: str) -> None:
        """Use the profile `name` (from `--profile` or `$BROWSER_USE_PROFILE`)."""
        self._profile = (check_profile_name(name.strip()), source)
        self._resolved = None

    @property
    def profile_choice(self) -> tuple[str | None, str]:
        """The profile named by `--profile` or `$BROWSER_USE_PROFILE` (None) and how."""
        return self._profile

    @property
    def settings(self) -> Resolved:
        """The API key and base URL in use, and where each came from."""
        if self._resolved is None:
            self._resolved = resolve(
                api_key=self._given_key, base_url=self._given_url, profile=self._profile
            )
        return self._resolved

    @property
    def api_key(self) -> str | None:
        """The key in use; a usage error if the profile names a variable that is not set."""
        problem = self.settings.key_problem
        if problem is not None:
            raise CliError(problem)
        return self.settings.api_key

    @property
    def base_url(self) -> str | None:
        return self.settings.base_url

    def about(self, kind: str, ident: str) -> None:
        """Name what the command works on, for error messages."""
        self.subject.set(kind, ident)

    def wants_local(self, local: bool) -> bool:
        """`run` falls back to the emulator when given neither a key nor a base URL."""
        return local or (not self.api_key and not self.base_url)

    def client(self, *, local_hint: bool = False) -> BrowserUse:
        """A client for the configured service; a usage error without an API key."""
        from .. import BrowserUse

        if not self.api_key:
            raise missing_key_error(local_hint=local_hint)
        return BrowserUse(api_key=self.api_key, base_url=self.base_url)

    @contextmanager
    def endpoint(
        self, *, local: bool, config: EmulatorConfig | None = None
    ) -> Iterator[tuple[str, str | None]]:
        """(API key, base URL) of the service, or of an in-process emulator when `local`."""
        from .._frontends._local_emulator import local_config, local_endpoint

        if not local:
            if not self.api_key:
                raise missing_key_error(local_hint=True)
            yield self.api_key, self.base_url
            return
        reason = "--local" if self.api_key or self.base_url else "no API key set"
        with local_endpoint(config or local_config(), reason=reason) as endpoint:
            yield endpoint

    @contextmanager
    def session(
        self, *, local: bool, config: EmulatorConfig | None = None, rate: float | None = None
    ) -> Iterator[BrowserUse]:
        """A client for the service, or for an in-process emulator when `local`; `rate` is
        its request budget in requests per second (None: the library's default)."""
        from .. import BrowserUse
        from .._policies.budget import DEFAULT_MAX_REQUESTS_PER_SECOND

        budget = DEFAULT_MAX_REQUESTS_PER_SECOND if rate is None else rate
        with (
            self.endpoint(local=local, config=config) as (api_key, base_url),
            BrowserUse(
                api_key=api_key, base_url=base_url, max_requests_per_second=budget
            ) as client,
        ):
            yield client


pass_state = click.make_pass_decorator(CliState)
