"""`browser-use-cloud batch`: a task per input line, a JSON line per result, resumable."""

from __future__ import annotations

import datetime as dt
import signal
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from .._exceptions import APIError
from .._frontends._local_emulator import local_config
from .._input.follow_options import DEFAULT_WAIT_TIMEOUT
from .._policies.map_plan import DEFAULT_MAP_CONCURRENCY, MapResult
from ._batch_input import BatchInput, LineWriter, check_out, done_request_ids, read_input
from ._context import CliState, pass_state
from ._errors import EXIT_FAILED, EXIT_INTERRUPTED, CliError, describe, missing_key_error
from ._output import clock, console, is_terminal, to_jsonable
from ._run import load_schema

if TYPE_CHECKING:
    from .. import BrowserUse, MapIterator

RESUME_WINDOW = dt.timedelta(days=7)
"""How far back `--resume` looks for tasks the interrupted run created."""
PLAIN_EVERY = 5.0
"""Seconds between progress lines when the output is not a terminal."""

EPILOG = """\
INPUT is a .jsonl file (one JSON object per line: "task", any task option, an optional
"id"), a .csv file (a "task" column, other columns are options) or - for stdin:

\b
  {"id": "acme", "task": "Find the CEO of Acme Corp", "max_agent_steps": 20}
  {"id": "globex", "task": "Find the CEO of Globex", "metadata": {"team": "sales"}}

Every line is checked before anything is sent. Each finished task is appended to OUT as one
JSON line (line, id, request_id, task_id, status, output, parsed, error, timings) and
flushed. Ctrl-C stops the batch's running tasks; `--resume` then skips the inputs already in
OUT, re-attaches to tasks still running or finished, and runs again those the interrupt
stopped. A task is never created twice for an input that finished.

\b
  browser-use-cloud batch companies.jsonl -o results.jsonl --concurrency 20
  browser-use-cloud batch companies.csv -o results.jsonl --schema person.schema.json
  browser-use-cloud batch companies.jsonl -o results.jsonl --resume

Without an API key `batch` stops (exit 2); `--local` runs it on the built-in emulator. An
OUT that already has lines is refused unless `--resume` (continue that run) or `--overwrite`
(start again).

Exit codes:

\b
  0    every task finished
  1    some tasks did not finish (see OUT and the summary)
  2    usage error: bad option, missing API key, bad input, OUT not writable (nothing sent)
  5    API error: the service refused or could not be reached; the batch stopped
  70   internal error (rerun with --debug and report it)
  130  interrupted by Ctrl-C (the running tasks were stopped; --resume continues)
"""


def result_record(result: MapResult[Any], line: int, ident: str | None) -> dict[str, Any]:
    """The JSON line written to OUT for one result."""
    error = None
    if result.error is not None:
        message, _ = describe(result.error, _NO_SUBJECT)
        error = {"type": type(result.error).__name__, "message": message}
    return {
        "line": line,
        "id": ident,
        "request_id": result.request_id,
        "task_id": result.task_id,
        "status": None if result.status is None else str(result.status),
        "output": result.output,
        "parsed": to_jsonable(result.parsed),
        "error": error,
        "created_at": _iso(result.created_at),
        "finished_at": _iso(result.finished_at),
        "seconds": round(result.seconds, 3),
        "reattached": result.reattached,
    }


def _iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


class _Subject:
    def describe(self) -> str:
        return "the task"


_NO_SUBJECT: Any = _Subject()


class Tally:
    """What the batch has done so far (for the progress display and the summary)."""

    def __init__(self, total: int, skipped: int) -> None:
        self.total = total
        self.skipped = skipped
        self.finished = 0
        self.failed = 0
        self.reattached = 0
        self.started = time.monotonic()
        self.credits_used: float | None = None

    @property
    def done(self) -> int:
        return self.finished + self.failed

    def add(self, result: MapResult[Any]) -> None:
        if result.ok:
            self.finished += 1
        else:
            self.failed += 1
        self.reattached += result.reattached

    def eta(self) -> str:
        elapsed = time.monotonic() - self.started
        if not self.done or self.done >= self.total:
            return "--:--"
        return clock(elapsed / self.done * (self.total - self.done))


class PlainProgress:
    """A line every few seconds: done, failed, running, queued, ETA."""

    def __init__(self, stream: IO[str], tally: Tally, run: MapIterator) -> None:
        self.stream = stream
        self.tally = tally
        self.run = run
        self._last = 0.0

    def __enter__(self) -> PlainProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def line(self) -> str:
        t = self.tally
        running = self.run.running
        queued = max(0, t.total - t.done - running)
        credits = f", {t.credits_used:g} credits" if t.credits_used is not None else ""
        return (
            f"[{clock(time.monotonic() - t.started)}] {t.done}/{t.total} done "
            f"({t.failed} failed), {running} running, {queued} queued, ETA {t.eta()}{credits}"
        )

    def update(self, *, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last >= PLAIN_EVERY:
            self._last = now
            click.echo(self.line(), file=self.stream)


class RichProgress(PlainProgress):
    """A progress bar on a terminal."""

    def __enter__(self) -> RichProgress:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._bar = Progress(
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[detail]}"),
            console=console(self.stream),
            transient=True,
        )
        self._bar.__enter__()
        self._id = self._bar.add_task("batch", total=self.tally.total, detail="")
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.__exit__(None, None, None)

    def update(self, *, force: bool = False) -> None:
        t = self.tally
        running = self.run.running
        queued = max(0, t.total - t.done - running)
        credits = f" · {t.credits_used:g} credits" if t.credits_used is not None else ""
        detail = (
            f"[red]{t.failed} failed[/] · {running} running · {queued} queued · "
            f"ETA {t.eta()}{credits}"
        )
        self._bar.update(self._id, completed=t.done, detail=detail)


def _credits(client: BrowserUse) -> float | None:
    try:
        balance = client.balance()
    except APIError:
        return None
    return None if balance.credits is None else float(balance.credits)


@click.command(epilog=EPILOG)
@click.argument("input_file", metavar="INPUT")
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a JSON line per task here, created if missing (default: stdout).",
)
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=DEFAULT_MAP_CONCURRENCY,
    show_default=True,
    help="Tasks running at once.",
)
@click.option(
    "--schema",
    "schema_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON Schema file: every output comes back as JSON following it.",
)
@click.option("--resume", is_flag=True, help="Skip inputs already in OUT; re-attach to the rest.")
@click.option("--overwrite", is_flag=True, help="Empty OUT first if it has lines already.")
@click.option(
    "--wait-timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Stop a task that runs longer than this (default: 30 min).",
)
@click.option(
    "--max-requests-per-second",
    "rate",
    type=click.FloatRange(min=0, min_open=True),
    default=20.0,
    show_default=True,
    help="This process's share of the API key's request budget.",
)
@click.option("--plain", is_flag=True, help="Plain progress lines even on a terminal.")
@click.option("--local", is_flag=True, help="Run on the built-in emulator (no key, no network).")
@pass_state
def batch(
    state: CliState,
    input_file: str,
    out: Path | None,
    concurrency: int,
    schema_file: Path | None,
    resume: bool,
    overwrite: bool,
    wait_timeout: float | None,
    rate: float,
    plain: bool,
    local: bool,
) -> None:
    """Run a task per line of INPUT, a few at a time; write each result as a JSON line."""
    if resume and out is None:
        raise CliError("--resume needs -o OUT (the file of the interrupted run)")
    if resume and overwrite:
        raise CliError("give --resume (continue the run in OUT) or --overwrite, not both")
    if not local and not state.api_key:  # only `run` falls back to the emulator
        raise missing_key_error(local_hint=True)
    schema = load_schema(schema_file, None)
    source = read_input(input_file, sys.stdin)
    if out is not None:
        check_out(out, resume=resume, overwrite=overwrite)
    done = done_request_ids(out) if resume and out is not None else set()
    writer = LineWriter(out, sys.stdout, overwrite=overwrite)  # before any task is created
    with (
        closing(writer),
        state.session(local=local, config=local_config() if local else None, rate=rate) as client,
    ):
        run = client.tasks.map_as_completed(
            source.records,
            concurrency=concurrency,
            output_type=schema,
            wait_timeout=wait_timeout if wait_timeout is not None else DEFAULT_WAIT_TIMEOUT,
            keys=source.ids,
            skip=done,
            reattach_since=dt.datetime.now(dt.UTC) - RESUME_WINDOW if resume else None,
        )
        code = _run_batch(client, run, source, writer, out, len(done), plain)
    sys.exit(code)


def _run_batch(
    client: BrowserUse,
    run: MapIterator,
    source: BatchInput,
    writer: LineWriter,
    out: Path | None,
    skipped: int,
    plain: bool,
) -> int:
    tally = Tally(run.total, skipped)
    stream = sys.stderr
    progress = (
        RichProgress(stream, tally, run)
        if not plain and is_terminal(stream)
        else PlainProgress(stream, tally, run)
    )
    if skipped:
        click.echo(f"resuming: {skipped} input(s) already in {out}", err=True)
    start_credits = _credits(client)
    interrupted = False
    previous = signal.getsignal(signal.SIGINT)
    try:
        with progress, closing(run):
            for result in run:
                index = result.index
                writer.write(result_record(result, source.lines[index], source.ids[index]))
                tally.add(result)
                progress.update()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        signal.signal(signal.SIGINT, previous)
        writer.close()
    end_credits = _credits(client)
    if start_credits is not None and end_credits is not None:
        tally.credits_used = start_credits - end_credits
    _summary(tally, out, interrupted)
    if interrupted:
        return EXIT_INTERRUPTED
    return 0 if tally.failed == 0 else EXIT_FAILED


def _summary(tally: Tally, out: Path | None, interrupted: bool) -> None:
    took = clock(time.monotonic() - tally.started)
    parts = [f"{tally.finished} finished", f"{tally.failed} failed"]
    if tally.reattached:
        parts.append(f"{tally.reattached} re-attached")
    if tally.skipped:
        parts.append(f"{tally.skipped} skipped (already in OUT)")
    credits = f"; {tally.credits_used:g} credits used" if tally.credits_used is not None else ""
    where = f"; results in {out}" if out is not None else ""
    head = "interrupted: running tasks were stopped; " if interrupted else ""
    click.echo(f"{head}{', '.join(parts)} in {took}{credits}{where}", err=True)
    if interrupted and out is not None:
        click.echo("resume with the same command plus --resume", err=True)
