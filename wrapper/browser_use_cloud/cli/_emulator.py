"""`browser-use-cloud emulator`: serve the local emulator of the v1 API in the foreground."""

from __future__ import annotations

import click

from .._frontends._local_emulator import (
    DEFAULT_STEP_INTERVAL,
    DEFAULT_STEPS,
    STEP_INTERVAL_ENV,
    STEPS_ENV,
    local_config,
)
from .._webhooks.signing import SECRET_ENV

EPILOG = f"""\
Examples:

\b
  browser-use-cloud emulator --port 8765
  browser-use-cloud emulator --api-key secret-key --faults "429=0.05,500=0.05"
  browser-use-cloud emulator --webhook-url http://127.0.0.1:8766/webhook --webhook-secret whsec
  browser-use-cloud emulator --rate-limit 25 --max-concurrent-tasks 50

The first line printed is the base URL; point a client at it:

\b
  browser-use-cloud --base-url http://127.0.0.1:8765/api/v1 --api-key any tasks list

Task text directives: [[emulator:fail]], [[emulator:steps=N]], [[emulator:instant]],
[[emulator:files=a.txt,b.csv]], [[emulator:output=TEXT]], [[emulator:invalid_output]],
[[emulator:concurrency_limit=N]], [[emulator:no_credits]], [[emulator:stopped_at=N]],
[[emulator:paused_at=N]], [[emulator:slow_create=S]] (the emulator guide has the table);
a run that needs more steps than its max_agent_steps fails at that limit, saying why.
Defaults for --step-interval and --steps come from ${STEP_INTERVAL_ENV} and ${STEPS_ENV}.
"""


@click.command(epilog=EPILOG)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port (default: a free one)."
)
@click.option("--api-key", metavar="KEY", help="Accept only this key (default: any non-empty key).")
@click.option(
    "--step-interval",
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    help=f"Seconds between agent steps (default {DEFAULT_STEP_INTERVAL}, a pace you can read).",
)
@click.option(
    "--steps", type=click.IntRange(min=1), help=f"Steps per task (default {DEFAULT_STEPS})."
)
@click.option(
    "--seed", type=int, help="Seed for ids, steps and outputs (default: a new one each start)."
)
@click.option("--faults", metavar="SPEC", help="Inject faults, e.g. '429=0.05,500=0.05,drop=0.02'.")
@click.option("--webhook-url", metavar="URL", help="POST signed task events here.")
@click.option(
    "--webhook-secret",
    envvar=SECRET_ENV,
    metavar="SECRET",
    help=f"Secret to sign webhooks with (default: ${SECRET_ENV}).",
)
@click.option(
    "--time-scale",
    type=click.FloatRange(min=0, min_open=True),
    default=1.0,
    show_default=True,
    help="Speed up the schedule clock (60: a minute per second).",
)
@click.option(
    "--rate-limit",
    type=click.FloatRange(min=0, min_open=True),
    metavar="R",
    help="Answer 429 (with Retry-After) beyond R API requests per second per key.",
)
@click.option(
    "--max-concurrent-tasks",
    type=click.IntRange(min=1),
    metavar="N",
    help="Refuse new tasks (the concurrency 429) while N tasks have not ended.",
)
def emulator(
    host: str,
    port: int,
    api_key: str | None,
    step_interval: float | None,
    steps: int | None,
    seed: int | None,
    faults: str | None,
    webhook_url: str | None,
    webhook_secret: str | None,
    time_scale: float,
    rate_limit: float | None,
    max_concurrent_tasks: int | None,
) -> None:
    """Serve a local emulator of the Browser Use Cloud API v1 until Ctrl-C."""
    from ..emulator import FaultSpec, serve

    try:
        spec = FaultSpec.parse(faults) if faults else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--faults") from None
    if webhook_url and not webhook_secret:
        raise click.UsageError(f"--webhook-url needs --webhook-secret (or ${SECRET_ENV})")
    overrides: dict[str, object] = {
        "api_key": api_key,
        "seed": seed,
        "faults": spec,
        "webhook_url": webhook_url,
        "webhook_secret": webhook_secret,
        "time_scale": time_scale,
        "rate_limit": rate_limit,
        "max_concurrent_tasks": max_concurrent_tasks,
    }
    if step_interval is not None:
        overrides["step_interval"] = step_interval
    if steps is not None:
        overrides["steps_per_task"] = steps
    config = local_config(**overrides)
    click.echo("Serving the Browser Use Cloud emulator; Ctrl-C stops it.", err=True)
    serve(config, host, port)
