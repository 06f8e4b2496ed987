"""`browser-use-cloud tasks ...`: inspect and control tasks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ._choices import enum_values
from ._context import CliState, pass_state
from ._derived import LISTS, derives, extras
from ._interrupt import stop_on_interrupt
from ._output import (
    Table,
    echo,
    is_terminal,
    json_option,
    page_json,
    page_options,
    print_csv,
    print_json,
    print_record,
    print_table,
    progress_for,
    step_line,
    watch_table,
)

if TYPE_CHECKING:
    from .._models import Page, Task, TaskSummary

EPILOG = """\
Examples:

\b
  browser-use-cloud tasks list --limit 20
  browser-use-cloud tasks get TASK_ID --json
  browser-use-cloud tasks steps TASK_ID --follow
  browser-use-cloud tasks stop TASK_ID
  browser-use-cloud tasks download TASK_ID report.csv -o ./report.csv
"""

task_id_argument = click.argument("task_id")


@click.group(epilog=EPILOG)
def tasks() -> None:
    """List, inspect, pause, resume and stop tasks; fetch their media and files."""


@tasks.command(
    "list",
    **derives("list_tasks", "query", LISTS),
    epilog="Examples:\n\n\b\n  browser-use-cloud tasks list --page 2 --limit 50\n"
    "  browser-use-cloud tasks list --format csv > tasks.csv\n"
    "  browser-use-cloud tasks list --watch --interval 5",
)
@page_options
@json_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "json"]),
    help="table (the default; tab-separated when piped), csv (a header and a row per task), "
    "or json (the API's JSON, as --json).",
)
@click.option(
    "--watch",
    "-w",
    is_flag=True,
    help="Show the table again every --interval seconds until Ctrl-C (in place on a terminal).",
)
@click.option(
    "--interval",
    type=click.FloatRange(min=0.5),
    default=2.0,
    show_default=True,
    help="Seconds between refreshes with --watch.",
)
@pass_state
def list_(
    state: CliState,
    page: int,
    limit: int,
    as_json: bool,
    output_format: str | None,
    watch: bool,
    interval: float,
    derived: dict[str, Any],
) -> None:
    """List tasks, newest first."""
    if as_json and output_format not in (None, "json"):
        raise click.UsageError(f"--json and --format {output_format} ask for different outputs")
    output_format = "json" if as_json else output_format or "table"
    if watch and output_format != "table":
        raise click.UsageError("--watch redraws the table; leave out --json and --format")
    sent = extras("query", derived)
    with state.client() as client:
        if watch:
            watch_table(
                lambda: _task_table(client.tasks.list(page=page, limit=limit, **sent)), interval
            )
            return
        result = client.tasks.list(page=page, limit=limit, **sent)
    if output_format == "json":
        print_json(page_json(result, "tasks"))
    elif output_format == "csv":
        print_csv(CSV_COLUMNS, [task.to_dict() for task in result.items])
    else:
        print_table(*_task_table(result))


CSV_COLUMNS = ("id", "status", "created_at", "finished_at", "task", "output", "live_url")
"""The fields of `tasks list --format csv`, as the API sends them."""


def _task_table(result: Page[TaskSummary]) -> Table:
    return Table(
        ("ID", "STATUS", "CREATED", "TASK"),
        [(t.id, t.status, t.created_at, _short(t.task)) for t in result.items],
        footer=f"page {result.page} of {result.total_pages} ({result.total_count} tasks)",
    )


def _short(text: str, width: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def print_task(task: Task) -> None:
    """A task's fields, then its steps."""
    print_record(
        [
            ("id", task.id),
            ("status", task.status),
            ("task", task.task),
            ("created", task.created_at),
            ("finished", task.finished_at),
            ("steps", len(task.steps)),
            ("live url", task.live_url),
            ("share url", task.public_share_url),
            ("uploaded files", task.user_uploaded_files),
            ("output files", task.output_files),
            ("metadata", task.metadata),
            ("output", task.output),
        ]
    )


@tasks.command(epilog="Example:\n\n  browser-use-cloud tasks get TASK_ID --json | jq .status")
@task_id_argument
@json_option
@pass_state
def get(state: CliState, task_id: str, as_json: bool) -> None:
    """Show a task: status, output, files and step count."""
    state.about("task", task_id)
    with state.client() as client:
        task = client.tasks.get(task_id)
    if as_json:
        print_json(task)
    else:
        print_task(task)


def _statuses() -> str:
    return f"A status is one of: {', '.join(enum_values('TaskStatusEnum'))}."


@tasks.command(
    **derives("get_task_status", "query", about=_statuses),
    epilog="Example:\n\n  browser-use-cloud tasks status TASK_ID",
)
@task_id_argument
@json_option
@pass_state
def status(state: CliState, task_id: str, as_json: bool, derived: dict[str, Any]) -> None:
    """Print a task's status."""
    state.about("task", task_id)
    with state.client() as client:
        value = client.tasks.status(task_id, **extras("query", derived))
    if as_json:
        print_json(str(value))
    else:
        echo(str(value))


@tasks.command(
    epilog="Examples:\n\n\b\n  browser-use-cloud tasks steps TASK_ID\n"
    "  browser-use-cloud tasks steps TASK_ID --follow"
)
@task_id_argument
@click.option("--follow", "-f", is_flag=True, help="Keep showing new steps until the task ends.")
@click.option("--plain", is_flag=True, help="Plain step lines even on a terminal (--follow).")
@json_option
@pass_state
def steps(state: CliState, task_id: str, follow: bool, plain: bool, as_json: bool) -> None:
    """Show a task's steps: number, next goal and URL."""
    state.about("task", task_id)
    with state.client() as client:
        if follow and not as_json:
            handle = client.tasks.handle(task_id)
            progress = progress_for(sys.stdout, plain=plain)
            progress.task_id = task_id
            with stop_on_interrupt(handle), progress:
                for step in handle.steps(wait_timeout=None):
                    progress.step(step)
            return
        task = client.tasks.get(task_id)
    if as_json:
        print_json(list(task.steps))
    elif not is_terminal(sys.stdout):
        for step in task.steps:
            click.echo(step_line(step))
    else:
        print_table(
            ("STEP", "NEXT GOAL", "URL"),
            [(s.step, s.next_goal, s.url) for s in task.steps],
            flexible=1,
        )


def _control(verb: str, done: str) -> click.Command:
    @click.command(verb, epilog=f"Example:\n\n  browser-use-cloud tasks {verb} TASK_ID")
    @task_id_argument
    @pass_state
    def command(state: CliState, task_id: str) -> None:
        state.about("task", task_id)
        with state.client() as client:
            getattr(client.tasks, verb)(task_id)
        click.echo(f"task {task_id} {done}")

    command.help = {
        "pause": "Pause a running task (resume continues it).",
        "resume": "Resume a paused task.",
        "stop": "Stop a task for good (it cannot be resumed).",
    }[verb]
    return command


for _verb, _done in (("pause", "paused"), ("resume", "resumed"), ("stop", "stopped")):
    tasks.add_command(_control(_verb, _done))


@tasks.command(epilog="Example:\n\n  browser-use-cloud tasks media TASK_ID")
@task_id_argument
@json_option
@pass_state
def media(state: CliState, task_id: str, as_json: bool) -> None:
    """List the URLs of a task's recordings."""
    state.about("task", task_id)
    with state.client() as client:
        found = client.tasks.media(task_id)
    _print_urls(list(found.recordings or ()), "recordings", as_json)


@tasks.command(epilog="Example:\n\n  browser-use-cloud tasks screenshots TASK_ID --json")
@task_id_argument
@json_option
@pass_state
def screenshots(state: CliState, task_id: str, as_json: bool) -> None:
    """List the URLs of a task's screenshots."""
    state.about("task", task_id)
    with state.client() as client:
        found = client.tasks.screenshots(task_id)
    _print_urls(list(found or ()), "screenshots", as_json)


@tasks.command(epilog="Example:\n\n  browser-use-cloud tasks gif TASK_ID")
@task_id_argument
@json_option
@pass_state
def gif(state: CliState, task_id: str, as_json: bool) -> None:
    """Print the URL of an animated GIF of the task (if there is one)."""
    state.about("task", task_id)
    with state.client() as client:
        url = client.tasks.gif(task_id)
    if as_json:
        print_json({"gif": url})
    elif url:
        echo(url)
    else:
        click.echo("no GIF for this task (it needs at least two screenshots)", err=True)


def _print_urls(urls: list[str], key: str, as_json: bool) -> None:
    if as_json:
        print_json({key: urls})
    elif urls:
        for url in urls:
            echo(url)
    else:
        click.echo(f"no {key} for this task yet", err=True)


@tasks.command(
    epilog="Examples:\n\n\b\n  browser-use-cloud tasks download TASK_ID report.csv\n"
    "  browser-use-cloud tasks download TASK_ID report.csv -o - | head"
)
@task_id_argument
@click.argument("file_name")
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="Where to save it (default: FILE_NAME in the current directory; - for stdout).",
)
@pass_state
def download(state: CliState, task_id: str, file_name: str, output: str | None) -> None:
    """Download one of a task's output files."""
    state.about("output file", f"{task_id}/{file_name}")
    with state.client() as client:
        if output == "-":
            size = client.tasks.download_output_file(task_id, file_name, sys.stdout.buffer)
            sys.stdout.flush()
            return
        target = Path(output) if output else Path(Path(file_name).name)
        if target.is_dir():
            target = target / Path(file_name).name
        size = client.tasks.download_output_file(task_id, file_name, target)
    click.echo(f"saved {target} ({size} bytes)", err=True)
