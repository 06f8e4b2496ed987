"""Exit codes, and every error turned into one line on stderr that says how to fix it.

No traceback unless `--debug`. Messages come from the SDK's exceptions, which never carry
the API key, a webhook secret or a task's secrets.
"""

from __future__ import annotations

import sys
from typing import Final, NoReturn

import click

from .._exceptions import (
    APIError,
    InputError,
    StructuredOutputError,
    TaskFailedError,
    TaskStoppedError,
    WaitTimeoutError,
)
from ._terminal_text import terminal_safe

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_USAGE: Final = 2
EXIT_STOPPED: Final = 3
EXIT_TIMEOUT: Final = 4
EXIT_API: Final = 5
EXIT_OUTPUT: Final = 6
EXIT_INTERNAL: Final = 70
EXIT_INTERRUPTED: Final = 130

EXIT_CODES_HELP: Final = """\
Exit codes:

\b
  0    success (for `run`: the task finished)
  1    the task failed (`webhooks verify`: the signature is not valid)
  2    usage error: bad option or argument, missing API key, invalid input
  3    the task was stopped
  4    --wait-timeout passed (the task was stopped)
  5    API error: the request was rejected or the service could not be reached
  6    the task finished but its output does not match --schema
  70   internal error (rerun with --debug and report it)
  130  interrupted by Ctrl-C (`run` stops the task first)
"""

# Request fields named by a 422, and the option that sets each one.
_OPTION_FOR_FIELD: Final = {
    "task": "TASK",
    "llm_model": "--model",
    "allowed_domains": "--allowed-domain",
    "secrets": "--secret",
    "structured_output_json": "--schema",
    "included_file_names": "--file",
    "interval_minutes": "--interval-minutes",
    "cron_expression": "--cron",
    "start_at": "--start-at",
    "end_at": "--end-at",
    "profile_name": "--name",
    "proxy_country_code": "--proxy-country",
    "browser_viewport_width": "--viewport",
    "browser_viewport_height": "--viewport",
    "limit": "--limit",
    "page": "--page",
}


class CliError(click.ClickException):
    """A usage problem the CLI finds itself (one line, exit code 2)."""

    exit_code = EXIT_USAGE

    def format_message(self) -> str:
        return terminal_safe(self.message)


class Subject:
    """What the current command is about (`task 'abc'`), named by not-found errors."""

    def __init__(self) -> None:
        self.kind = ""
        self.id = ""

    def set(self, kind: str, ident: str) -> None:
        self.kind, self.id = kind, ident

    def describe(self) -> str:
        return f"{self.kind} {self.id!r}" if self.kind else "the requested item"


def missing_key_error(*, local_hint: bool) -> CliError:
    """No API key: say how to give one (and about the emulator where it applies)."""
    from .._frontends._explain import no_api_key

    return CliError(no_api_key(local_hint=local_hint))


def describe(exc: BaseException, subject: Subject) -> tuple[str, int]:
    """The one-line message and the exit code for `exc`."""
    from .._frontends._explain import explain_api_error, wait_timeout_state  # httpx: not for --help
    from .._webhooks.errors import WebhookVerificationError

    if isinstance(exc, TaskFailedError):
        return f"task {exc.task_id} failed.", EXIT_FAILED
    if isinstance(exc, TaskStoppedError):
        return f"task {exc.task_id} was stopped.", EXIT_STOPPED
    if isinstance(exc, WaitTimeoutError):
        state = wait_timeout_state(exc, resume="`browser-use-cloud tasks resume`")
        return (
            f"task {exc.task_id} did not finish within --wait-timeout (last status: "
            f"{exc.last_status}); {state}.",
            EXIT_TIMEOUT,
        )
    if isinstance(exc, StructuredOutputError):
        which = f"task {exc.task_id}" if exc.task_id else "the task"
        return f"{which} finished, but {exc}.", EXIT_OUTPUT
    if isinstance(exc, WebhookVerificationError):
        return f"invalid webhook ({exc.reason.value}): {exc}", EXIT_FAILED
    if isinstance(exc, InputError):
        return f"{exc}", EXIT_USAGE
    if isinstance(exc, APIError):
        return (
            explain_api_error(exc, subject=subject.describe(), names=_OPTION_FOR_FIELD),
            EXIT_API,
        )
    return (
        f"unexpected {type(exc).__name__}: {exc} (rerun with --debug for a traceback)",
        EXIT_INTERNAL,
    )


def report(exc: BaseException, subject: Subject, *, debug: bool) -> NoReturn:
    """Print `exc` as one line (after a traceback with --debug) and exit with its code."""
    if isinstance(exc, click.ClickException):
        exc.show()
        sys.exit(exc.exit_code)
    if debug:
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    message, code = describe(exc, subject)
    click.echo(f"Error: {terminal_safe(message)}", err=True)
    sys.exit(code)
