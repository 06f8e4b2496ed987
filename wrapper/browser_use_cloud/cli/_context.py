"""What every command shares: the global options, and clients built from them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from .._budget import DEFAULT_MAX_REQUESTS_PER_SECOND
from .._config import API_KEY_ENV, BASE_URL_ENV
from .._logging import hide_userinfo
from ._errors import Subject, missing_key_error
from ._local import LOCAL_API_KEY, local_config, local_emulator

if TYPE_CHECKING:
    from .. import BrowserUse
    from ..emulator import EmulatorConfig


api_key_option = click.option(
    "--api-key",
    envvar=API_KEY_ENV,
    metavar="KEY",
    help=f"API key (default: ${API_KEY_ENV}).",
)
base_url_option = click.option(
    "--base-url",
    envvar=BASE_URL_ENV,
    metavar="URL",
    help=f"API base URL (default: ${BASE_URL_ENV}, else the Browser Use Cloud service).",
)


class CliState:
    """Global options, and the subject of the command (named in not-found errors)."""

    def __init__(self) -> None:
        self.api_key: str | None = None
        self.base_url: str | None = None
        self.debug = False
        self.subject = Subject()

    def __repr__(self) -> str:
        shown = None if self.base_url is None else hide_userinfo(self.base_url)
        return f"CliState(base_url={shown!r}, debug={self.debug!r})"

    def configure(self, api_key: str | None, base_url: str | None) -> None:
        """Take the --api-key and --base-url values (blank means not given)."""
        self.api_key = api_key.strip() if api_key and api_key.strip() else None
        self.base_url = base_url.strip() if base_url and base_url.strip() else None

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
        if not local:
            if not self.api_key:
                raise missing_key_error(local_hint=True)
            yield self.api_key, self.base_url
            return
        with local_emulator(config or local_config()) as emulator:
            reason = "--local" if self.api_key or self.base_url else "no API key set"
            click.echo(
                f"Using the built-in emulator at {emulator.base_url} ({reason}; "
                "nothing leaves this machine).",
                err=True,
            )
            yield LOCAL_API_KEY, emulator.base_url

    @contextmanager
    def session(
        self, *, local: bool, config: EmulatorConfig | None = None, rate: float | None = None
    ) -> Iterator[BrowserUse]:
        """A client for the service, or for an in-process emulator when `local`; `rate` is
        its request budget in requests per second (None: the library's default)."""
        from .. import BrowserUse

        budget = DEFAULT_MAX_REQUESTS_PER_SECOND if rate is None else rate
        with (
            self.endpoint(local=local, config=config) as (api_key, base_url),
            BrowserUse(
                api_key=api_key, base_url=base_url, max_requests_per_second=budget
            ) as client,
        ):
            yield client


pass_state = click.make_pass_decorator(CliState)
