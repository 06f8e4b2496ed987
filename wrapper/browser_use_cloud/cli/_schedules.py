"""`browser-use-cloud schedules ...`: tasks that run on an interval or a cron schedule."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from ._choices import spec_option
from ._context import CliState, pass_state
from ._derived import LISTS, derives, extras
from ._output import json_option, page_json, page_options, print_json, print_record, print_table

if TYPE_CHECKING:
    from .._models import ScheduledTask

EPILOG = """\
Examples:

\b
  browser-use-cloud schedules create "Check the price of the red kettle" --interval-minutes 60
  browser-use-cloud schedules create "Morning news digest" --cron "0 8 * * MON-FRI" \\
      --start-at 2026-01-05T08:00:00+00:00 --end-at 2026-06-30T00:00:00Z
  browser-use-cloud schedules list --json
  browser-use-cloud schedules update SCHEDULE_ID --inactive
  browser-use-cloud schedules delete SCHEDULE_ID
"""

SCHEDULE_FIELDS = (
    "task",
    "schedule_type",  # the client sets it from --interval-minutes or --cron
    "interval_minutes",
    "cron_expression",
    "start_at",
    "end_at",
    "llm_model",
)
"""The request fields the hand-written options of create and update set; the table adds
options for the rest."""

schedule_id_argument = click.argument("schedule_id")
interval_option = click.option(
    "--interval-minutes", type=int, metavar="N", help="Run every N minutes (N >= 1)."
)
cron_option = click.option(
    "--cron", metavar="EXPR", help="Run on a 5-field cron schedule, e.g. '0 9 * * MON-FRI'."
)
start_option = click.option(
    "--start-at", metavar="ISO", help="First run at this time, with a UTC offset (default: now)."
)
end_option = click.option(
    "--end-at", metavar="ISO", help="No runs after this time (default: a year from start)."
)
model_option = spec_option(
    "--model", metavar="MODEL", enum="LLMModel", help="LLM model for each run."
)


@click.group(epilog=EPILOG)
def schedules() -> None:
    """Create, list, change and delete scheduled tasks."""


def print_schedule(item: ScheduledTask) -> None:
    every = (
        f"every {item.interval_minutes} min"
        if item.interval_minutes is not None
        else f"cron {item.cron_expression}"
    )
    print_record(
        [
            ("id", item.id),
            ("task", item.task),
            ("schedule", every),
            ("active", item.is_active),
            ("next run", item.next_run_at),
            ("start", item.start_at),
            ("end", item.end_at),
            ("model", item.llm_model),
            ("profile", item.browser_profile_id),
            ("metadata", item.metadata),
        ]
    )


@schedules.command(
    **derives("create_scheduled_task", "body", SCHEDULE_FIELDS),
    epilog=EPILOG,
)
@click.argument("task")
@interval_option
@cron_option
@start_option
@end_option
@model_option
@json_option
@pass_state
def create(
    state: CliState,
    task: str,
    interval_minutes: int | None,
    cron: str | None,
    start_at: str | None,
    end_at: str | None,
    model: str | None,
    as_json: bool,
    derived: dict[str, Any],
) -> None:
    """Schedule TASK (give --interval-minutes or --cron)."""
    with state.client() as client:
        new_id = client.scheduled_tasks.create(
            task,
            interval_minutes=interval_minutes,
            cron_expression=cron,
            start_at=start_at,
            end_at=end_at,
            llm_model=model,
            allow_unknown=model is not None,
            **extras("body", derived),
        )
        created = client.scheduled_tasks.get(new_id)
    if as_json:
        print_json(created)
    else:
        print_schedule(created)


@schedules.command(
    "list",
    **derives("list_scheduled_tasks", "query", LISTS),
    epilog="Example:\n\n  browser-use-cloud schedules list --limit 50",
)
@page_options
@json_option
@pass_state
def list_(state: CliState, page: int, limit: int, as_json: bool, derived: dict[str, Any]) -> None:
    """List scheduled tasks, newest first."""
    with state.client() as client:
        result = client.scheduled_tasks.list(page=page, limit=limit, **extras("query", derived))
    if as_json:
        print_json(page_json(result, "tasks"))
        return
    print_table(
        ("ID", "ACTIVE", "SCHEDULE", "NEXT RUN", "TASK"),
        [
            (
                item.id,
                item.is_active,
                item.cron_expression or f"every {item.interval_minutes} min",
                item.next_run_at,
                item.task,
            )
            for item in result.items
        ],
        footer=f"page {result.page} of {result.total_pages} ({result.total_count} schedules)",
    )


@schedules.command(epilog="Example:\n\n  browser-use-cloud schedules get SCHEDULE_ID --json")
@schedule_id_argument
@json_option
@pass_state
def get(state: CliState, schedule_id: str, as_json: bool) -> None:
    """Show a scheduled task."""
    state.about("scheduled task", schedule_id)
    with state.client() as client:
        item = client.scheduled_tasks.get(schedule_id)
    if as_json:
        print_json(item)
    else:
        print_schedule(item)


@schedules.command(
    **derives("update_scheduled_task", "body", (*SCHEDULE_FIELDS, "is_active")),
    epilog="Examples:\n\n\b\n"
    "  browser-use-cloud schedules update SCHEDULE_ID --interval-minutes 30\n"
    "  browser-use-cloud schedules update SCHEDULE_ID --inactive",
)
@schedule_id_argument
@click.option("--task", help="New task text.")
@interval_option
@cron_option
@start_option
@end_option
@model_option
@click.option("--active/--inactive", default=None, help="Resume or pause the schedule.")
@json_option
@pass_state
def update(
    state: CliState,
    schedule_id: str,
    task: str | None,
    interval_minutes: int | None,
    cron: str | None,
    start_at: str | None,
    end_at: str | None,
    model: str | None,
    active: bool | None,
    as_json: bool,
    derived: dict[str, Any],
) -> None:
    """Change the given fields of a scheduled task (others stay as they are)."""
    state.about("scheduled task", schedule_id)
    fields: dict[str, Any] = {
        "task": task,
        "interval_minutes": interval_minutes,
        "cron_expression": cron,
        "start_at": start_at,
        "end_at": end_at,
        "llm_model": model,
        "is_active": active,
        "allow_unknown": True,  # a model newer than this SDK: the service decides
    }
    with state.client() as client:  # the client switches the type to match the field given
        item = client.scheduled_tasks.update(schedule_id, **fields, **extras("body", derived))
    if as_json:
        print_json(item)
    else:
        print_schedule(item)


@schedules.command(epilog="Example:\n\n  browser-use-cloud schedules delete SCHEDULE_ID")
@schedule_id_argument
@pass_state
def delete(state: CliState, schedule_id: str) -> None:
    """Delete a scheduled task (runs already started go on)."""
    state.about("scheduled task", schedule_id)
    with state.client() as client:
        client.scheduled_tasks.delete(schedule_id)
    click.echo(f"scheduled task {schedule_id} deleted")
