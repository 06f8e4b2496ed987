"""`browser-use-cloud demo`: the main job, end to end, on the in-process emulator.

Runs a task with live steps, a structured-output task, an upload followed by a task that
reads the file, and shows the signed webhook events the emulator sent, each verified.
Each task's prompt (and schema) is shown first, and the output says that the answers are
simulated. Needs no API key and no network: everything listens on loopback.
"""

from __future__ import annotations

import secrets
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from .._env import API_KEY_ENV
from .._frontends._local_emulator import (
    DEFAULT_STEP_INTERVAL,
    LOCAL_API_KEY,
    STEP_INTERVAL_ENV,
    local_config,
    local_emulator,
    local_poll,
)
from .._frontends._serving import BackgroundServer
from .._webhooks.errors import WebhookVerificationError
from .._webhooks.events import TaskStatusUpdateEvent, WebhookEvent
from .._webhooks.signing import SIGNATURE_HEADER, sign_webhook
from .._webhooks.verification import verify_webhook
from ._output import console, is_terminal, print_pretty_json, progress_for
from ._run import follow, show_result
from ._webhooks import WEBHOOK_PATH, EventLog, describe_event, receiver_app, rejections

PRODUCT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "price_eur": {"type": "number"},
        "in_stock": {"type": "boolean"},
        "colours": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["name", "price_eur", "in_stock", "colours"],
}
PRICES_CSV = "item,price_eur\nkettle,24.90\ntoaster,39.00\nblender,59.50\n"
FIRST_TASK = "Find the top story on Hacker News"
SECOND_TASK = "Find the red kettle on the shop's front page: name, price, stock, colours"
THIRD_TASK = "Read prices.csv and tell me which item is the cheapest"
SIMULATED = (
    "Every answer below is simulated by the local emulator (browser_use_cloud.emulator):\n"
    "no browser runs, no model is asked and nothing leaves this machine. With\n"
    f"{API_KEY_ENV} set, `browser-use-cloud run` sends the same tasks to the real service."
)
EVENT_WAIT = 10.0


def announce(prompt: str, schema: dict[str, Any] | None = None) -> None:
    """What the task asks for: its prompt, and the schema its answer must follow."""
    click.echo(f"prompt: {prompt}")
    if schema is not None:
        click.echo("schema:")
        print_pretty_json(schema)


def heading(title: str) -> None:
    if is_terminal(sys.stdout):
        console().rule(f"[bold]{title}[/]", align="left")
    else:
        click.echo(f"\n== {title} ==")


@click.command(
    epilog="Example:\n\n  browser-use-cloud demo --plain | less\n\n"
    f"The pace follows {STEP_INTERVAL_ENV} (seconds, default {DEFAULT_STEP_INTERVAL}: "
    "slow enough to read each step)."
)
@click.option("--plain", is_flag=True, help="Plain lines even on a terminal.")
def demo(plain: bool) -> None:
    """Show the main job on the built-in emulator: no API key, no network."""
    from .. import BrowserUse

    secret = secrets.token_urlsafe(24)
    log = EventLog()
    app = receiver_app(secret, log.add)
    with rejections(log.reject), BackgroundServer(app, lifespan="off") as receiver:
        webhook_url = receiver.url + WEBHOOK_PATH
        config = local_config(webhook_url=webhook_url, webhook_secret=secret)
        with local_emulator(config) as emulator:
            click.echo(
                f"Built-in emulator at {emulator.base_url}; webhooks go to {webhook_url}",
                err=True,
            )
            click.echo(SIMULATED)
            poll = local_poll(config.step_interval)
            with BrowserUse(api_key=LOCAL_API_KEY, base_url=emulator.base_url) as client:
                heading("1. Run a task and follow its steps")
                announce(FIRST_TASK)
                progress = progress_for(sys.stdout, plain=plain)
                first = follow(client, FIRST_TASK, progress=progress, poll=poll)
                show_result(first, progress=progress, structured=False)

                heading("2. Structured output: JSON that follows a schema")
                announce(SECOND_TASK, PRODUCT_SCHEMA)
                progress = progress_for(sys.stdout, plain=plain)
                second = follow(
                    client, SECOND_TASK, progress=progress, schema=PRODUCT_SCHEMA, poll=poll
                )
                show_result(second, progress=progress, structured=True)

                heading("3. Upload a file, then run a task that reads it")
                announce(THIRD_TASK)
                progress = progress_for(sys.stdout, plain=plain)
                with tempfile.TemporaryDirectory() as folder:
                    prices = Path(folder) / "prices.csv"
                    prices.write_text(PRICES_CSV, encoding="utf-8")
                    third = follow(client, THIRD_TASK, progress=progress, files=[prices], poll=poll)
                show_result(third, progress=progress, structured=False)
                click.echo(f"the task saw: {', '.join(third.user_uploaded_files or ())}")

            heading("4. Webhooks: signed events, verified on arrival")
            ids = {first.id, second.id, third.id}
            log.wait_for(lambda events: _all_finished(events, ids), EVENT_WAIT)
            show_events(log, ids)
            show_forgery(secret)


def _all_finished(events: list[WebhookEvent], ids: set[str]) -> bool:
    done = {
        e.task_id for e in events if isinstance(e, TaskStatusUpdateEvent) and e.status == "finished"
    }
    return ids <= done


def show_events(log: EventLog, ids: set[str]) -> None:
    """Each verified event of the demo's tasks, in arrival order."""
    shown = [
        event
        for event in log.events
        if not isinstance(event, TaskStatusUpdateEvent) or event.task_id in ids
    ]
    for event in shown:
        click.echo(f"verified  {describe_event(event)}")
    click.echo(
        f"{len(shown)} events verified (HMAC-SHA256 over timestamp and body), "
        f"{len(log.rejected)} rejected"
    )


def show_forgery(secret: str) -> None:
    """A delivery whose body changed after signing is refused."""
    body, headers = sign_webhook(
        {"type": "test", "timestamp": "2025-01-01T00:00:00Z", "payload": {"test": "ok"}}, secret
    )
    forged = body.replace(b'"ok"', b'"forged"')
    try:
        verify_webhook(forged, headers, secret=secret)
    except WebhookVerificationError as exc:
        click.echo(f"rejected  a forged delivery ({exc.reason.value}): {exc}")
    else:  # pragma: no cover - would be a verification bug
        raise click.ClickException(f"a forged delivery passed {SIGNATURE_HEADER} verification")
