"""`browser-use-cloud webhooks listen|verify`: receive and check signed webhook deliveries."""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final

import click

from .._webhooks.events import TaskStatusUpdateEvent, WebhookEvent
from .._webhooks.signing import SECRET_ENV, SIGNATURE_HEADER, TIMESTAMP_HEADER
from .._webhooks.verification import verify_webhook
from ._errors import CliError
from ._output import echo, json_text, print_json

if TYPE_CHECKING:
    from .._webhooks.receiver import WebhookApp

EventHandler = Callable[[WebhookEvent], None]
RECEIVER_LOGGER: Final = logging.getLogger("browser_use_cloud.webhooks")

EPILOG = f"""\
Examples:

\b
  browser-use-cloud webhooks listen --port 8766 --secret whsec_test
  browser-use-cloud emulator --webhook-url http://127.0.0.1:8766/webhook --webhook-secret whsec_test
  browser-use-cloud webhooks verify --body body.json --timestamp 1767225600 \\
      --signature 3f1c...e9 --secret whsec_test

The secret defaults to ${SECRET_ENV}.
"""

secret_option = click.option(
    "--secret",
    envvar=SECRET_ENV,
    metavar="SECRET",
    help=f"Webhook secret (default: ${SECRET_ENV}).",
)


def _require_secret(secret: str | None) -> str:
    if not secret:
        raise CliError(f"no webhook secret: pass --secret or `export {SECRET_ENV}=...`")
    return secret


def describe_event(event: WebhookEvent) -> str:
    """One line for a verified event."""
    if isinstance(event, TaskStatusUpdateEvent):
        return f"{event.type} task={event.task_id} status={event.status}"
    return f"{event.type} payload={json.dumps(event.payload, sort_keys=True)}"


@click.group(epilog=EPILOG)
def webhooks() -> None:
    """Receive and verify signed webhook deliveries."""


@webhooks.command(epilog=EPILOG)
@click.option(
    "--body",
    "body_file",
    required=True,
    type=click.File("rb"),
    help="File with the raw request body exactly as received (- for stdin).",
)
@click.option("--timestamp", required=True, help=f"The {TIMESTAMP_HEADER} header.")
@click.option("--signature", required=True, help=f"The {SIGNATURE_HEADER} header.")
@secret_option
@click.option(
    "--tolerance",
    type=click.IntRange(min=0),
    default=300,
    show_default=True,
    metavar="SECONDS",
    help="Accept timestamps this far from now.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the verified event as JSON.")
def verify(
    body_file: Any,
    timestamp: str,
    signature: str,
    secret: str | None,
    tolerance: int,
    as_json: bool,
) -> None:
    """Check a delivery's signature and age: exit 0 if valid, 1 with the reason if not."""
    body = body_file.read()
    headers = {TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: signature}
    event = verify_webhook(body, headers, secret=_require_secret(secret), tolerance=tolerance)
    if as_json:
        print_json(event.raw)
    else:
        echo(f"valid: {describe_event(event)}")


WEBHOOK_PATH: Final = "/webhook"


def receiver_app(secret: str, on_event: EventHandler) -> WebhookApp:
    """The wrapper's ASGI receiver on WEBHOOK_PATH: verifies, then calls `on_event`."""
    from .._webhooks.receiver import webhook_app

    return webhook_app(on_event, secret=secret, path=WEBHOOK_PATH)


class RejectionHandler(logging.Handler):
    """Passes the receiver's warnings (rejected deliveries, failed handlers) to a callback."""

    def __init__(self, on_reject: Callable[[str], None]) -> None:
        super().__init__(logging.WARNING)
        self._on_reject = on_reject

    def emit(self, record: logging.LogRecord) -> None:
        self._on_reject(record.getMessage())


@contextmanager
def rejections(on_reject: Callable[[str], None]) -> Iterator[None]:
    """Route the receiver's warnings to `on_reject` for the duration of the block."""
    handler = RejectionHandler(on_reject)
    RECEIVER_LOGGER.addHandler(handler)
    try:
        yield
    finally:
        RECEIVER_LOGGER.removeHandler(handler)


class EventLog:
    """Verified events and rejections, collected from the receiver's thread."""

    def __init__(self) -> None:
        self.events: list[WebhookEvent] = []
        self.rejected: list[str] = []
        self._changed = threading.Condition()

    def add(self, event: WebhookEvent) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def reject(self, message: str) -> None:
        with self._changed:
            self.rejected.append(message)
            self._changed.notify_all()

    def wait_for(self, done: Callable[[list[WebhookEvent]], bool], timeout: float) -> bool:
        """Block until `done(events)` holds or `timeout` seconds pass."""
        with self._changed:
            return self._changed.wait_for(lambda: done(self.events), timeout)


@webhooks.command(epilog=EPILOG)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port (default: a free one)."
)
@secret_option
@click.option("--json", "as_json", is_flag=True, help="Print each verified event as one JSON line.")
def listen(host: str, port: int, secret: str | None, as_json: bool) -> None:
    """Receive webhooks locally; verify and print each one until Ctrl-C.

    The first line printed is the URL to deliver to.
    """
    from .._frontends._serving import bind, run_foreground, url_of

    key = _require_secret(secret)

    def on_event(event: WebhookEvent) -> None:
        if as_json:
            click.echo(json_text(event.raw, indent=None, sort_keys=True))
        else:
            echo(f"{time.strftime('%H:%M:%S')} verified {describe_event(event)}")
        sys.stdout.flush()

    def on_reject(message: str) -> None:
        echo(f"{time.strftime('%H:%M:%S')} {message}", err=True)

    sock = bind(host, port)
    click.echo(url_of(sock, host) + WEBHOOK_PATH)
    click.echo("Verifying deliveries with the given secret; Ctrl-C stops.", err=True)
    sys.stdout.flush()
    with rejections(on_reject):
        run_foreground(receiver_app(key, on_event), sock, lifespan="off")
