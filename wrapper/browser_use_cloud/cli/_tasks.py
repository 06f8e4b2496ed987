"""`browser-use-cloud tasks ...`: inspect and control tasks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ._context import CliState, pass_state
from ._interrupt import stop_on_interrupt
from ._output import (
    echo,
    is_terminal,
    json_option,
    page_json,
    page_options,
    print_json,
    print_record,
    print_table,
    progress_for,
    step_line,
)

if TYPE_CHECKING:
    from .._models import Task

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


@tasks.command("list", epilog="Example:\n\n  browser-use-cloud tasks list --page 2 --limit 50")
@page_options
@json_option
@pass_state
def list_(state: CliState, page: int, limit: int, as_json: bool) -> None:
    """List tasks, newest first."""
    with state.client() as client:
        result = client.tasks.list(page=page, limit=limit)
    if as_json:
        print_json(page_json(result, "tasks"))
        return
    print_table(
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


@tasks.command(epilog="Example:\n\n  browser-use-cloud tasks status TASK_ID")
@task_id_argument
@json_option
@pass_state
def status(state: CliState, task_id: str, as_json: bool) -> None:
    """Print a task's status (created, running, paused, finished, stopped or failed)."""
    state.about("task", task_id)
    with state.client() as client:
        value = client.tasks.status(task_id)
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
