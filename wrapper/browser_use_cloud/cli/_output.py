"""Rendering: JSON for scripts, rich tables and a live step display on a terminal,
plain lines when the output is piped.

Human output passes text through `terminal_safe` (here, or via `echo`), so nothing the
service sends can drive the terminal; JSON output is exact and escapes control characters.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, NamedTuple

import attrs
import click

from ._terminal_text import json_terminal_safe, terminal_safe

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.live import Live
    from rich.spinner import Spinner

    from .._models import Page, TaskStep

json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print the API's JSON (for scripts)."
)
# Plain integers: the library's one argument check refuses a bad page or size, in its words.
_page_option = click.option("--page", type=int, default=1, show_default=True)
_limit_option = click.option(
    "--limit", type=int, default=10, show_default=True, help="Items per page (1 to 100)."
)


def page_options(command: Any) -> Any:
    """`--page` and `--limit` (at most 100, the service's cap) for a list command."""
    return _page_option(_limit_option(command))


def is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def console(stream: IO[str] | None = None) -> Console:
    from rich.console import Console

    return Console(file=stream or sys.stdout, highlight=False, soft_wrap=True)


def to_jsonable(value: Any) -> Any:
    """The API's JSON for a result (`to_dict()`), else an attrs object's fields, else `value`."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if attrs.has(type(value)):
        return {
            field.name: to_jsonable(getattr(value, field.name))
            for field in attrs.fields(type(value))
            if field.name != "raw"
        }
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    return value


def page_json(page: Page[Any], key: str) -> dict[str, Any]:
    """A list page in the API's shape: items under `key`, plus the page counters."""
    return {
        key: to_jsonable(list(page.items)),
        "page": page.page,
        "limit": page.limit,
        "total_pages": page.total_pages,
        "total_count": page.total_count,
    }


def echo(text: str, *, err: bool = False, file: IO[str] | None = None) -> None:
    """`click.echo` for human output: control characters shown, never obeyed."""
    click.echo(terminal_safe(text), file=file, err=err)


def json_text(value: Any, *, indent: int | None = 2, **dumps: Any) -> str:
    """`value` as JSON (non-ASCII kept readable, every control character escaped)."""
    text = json.dumps(value, indent=indent, ensure_ascii=False, default=str, **dumps)
    return json_terminal_safe(text)


def print_json(value: Any) -> None:
    click.echo(json_text(to_jsonable(value)))


def print_pretty_json(value: Any, stream: IO[str] | None = None) -> None:
    """Indented JSON; coloured on a terminal."""
    out = stream or sys.stdout
    text = json_text(value)
    if is_terminal(out):
        from rich.highlighter import JSONHighlighter
        from rich.text import Text

        # not rich.json.JSON: it dumps the data again, C1 characters raw
        console(out).print(JSONHighlighter()(Text(text)))
    else:
        click.echo(text, file=out)


def _cell(value: Any, *, compact: bool = False) -> str:
    return terminal_safe(_cell_text(value, compact=compact))


def _cell_text(value: Any, *, compact: bool) -> str:
    if compact and isinstance(value, datetime):
        utc = value.astimezone(UTC)
        return utc.strftime("%Y-%m-%d %H:%MZ")
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={v}" for k, v in value.items()) or "-"
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) or "-"
    if hasattr(value, "isoformat"):
        return str(value.isoformat(timespec="seconds"))
    return str(value)


def print_record(pairs: Iterable[tuple[str, Any]]) -> None:
    """`name  value` lines (aligned; names bold on a terminal)."""
    items = [(name, _cell(value)) for name, value in pairs]
    width = max((len(name) for name, _ in items), default=0)
    if is_terminal(sys.stdout):
        out = console()
        for name, value in items:
            out.print(f"[bold]{name.ljust(width)}[/]  {_escape(value)}")
    else:
        for name, value in items:
            click.echo(f"{name.ljust(width)}  {value}")


def print_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    footer: str = "",
    *,
    flexible: int = -1,
) -> None:
    """A table on a terminal; tab-separated lines with a header when piped.

    On a terminal only the `flexible` column wraps; the first (ids) is never cut.
    """
    terminal = is_terminal(sys.stdout)
    if terminal:
        console().print(rich_table(columns, rows, footer=footer, flexible=flexible))
    else:
        cells = [[_cell(value) for value in row] for row in rows]
        click.echo("\t".join(columns))
        for row in cells:
            click.echo("\t".join(terminal_safe(value, one_line=True) for value in row))
        if footer:
            click.echo(footer, err=True)


class Table(NamedTuple):
    """A table to print: its column names, its rows and a footer line."""

    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]
    footer: str = ""


def watch_table(fetch: Callable[[], Table], interval: float) -> None:
    """Show `fetch()`'s table every `interval` seconds until Ctrl-C, which ends it cleanly.

    On a terminal the table is redrawn in place (rich); piped, each round is printed in turn.
    """
    try:
        if not is_terminal(sys.stdout):
            while True:
                print_table(*fetch())
                click.echo("")
                time.sleep(interval)
        from rich.live import Live

        with Live(console=console(), auto_refresh=False, transient=False) as live:
            while True:
                live.update(rich_table(*fetch()), refresh=True)
                time.sleep(interval)
    except KeyboardInterrupt:  # the way to leave a watch: not an error
        return


def print_csv(columns: Sequence[str], records: Iterable[Mapping[str, Any]]) -> None:
    """CSV with a header: the named fields of each record (JSON text for lists and objects).

    A text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
    carriage return) gets a leading `'`: task outputs carry text from web pages. On a
    terminal, control characters are shown in caret notation as in tables.
    """
    import csv

    shown = terminal_safe if is_terminal(sys.stdout) else str
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([shown(_csv_cell(record.get(name))) for name in columns])


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Mapping | list):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    return "'" + text if text[:1] in _FORMULA_STARTS else text


_FORMULA_STARTS = frozenset("=+-@\t\r")


def rich_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    footer: str = "",
    *,
    flexible: int = -1,
) -> RenderableType:
    """What `print_table` shows on a terminal (also redrawn by `tasks list --watch`)."""
    from rich.console import Group
    from rich.table import Table as RichTable
    from rich.text import Text

    cells = [[_cell(value, compact=True) for value in row] for row in rows]
    table = RichTable(box=None, header_style="bold", pad_edge=False)
    flex = flexible % len(columns)
    for index, name in enumerate(columns):
        table.add_column(name, no_wrap=index != flex, overflow="ellipsis")
    if cells:
        table.columns[0].min_width = max(len(row[0]) for row in cells)
    for row in cells:
        table.add_row(*(_escape(value) for value in row))
    if not footer:
        return table
    return Group(table, Text(terminal_safe(footer), style="dim"))


def _escape(text: str) -> str:
    """`text` for rich markup: shown literally, control characters in caret notation."""
    from rich.markup import escape

    return escape(terminal_safe(text))


def clock(seconds: float) -> str:
    """Elapsed time as `MM:SS` (or `H:MM:SS`)."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes:02}:{secs:02}"


class Progress:
    """Shows a task as it runs. Plain lines (`step N [MM:SS] goal (url)`) by default."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.task_id = ""
        self.steps = 0

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def created(self, task_id: str) -> None:
        """The task exists: the clock starts now."""
        self.task_id = task_id
        self.started = time.monotonic()
        self.note(f"task {task_id} created")

    def step(self, step: TaskStep) -> None:
        self.steps = max(self.steps, step.step)
        click.echo(step_line(step, self.elapsed()), file=self.stream)

    def note(self, text: str) -> None:
        echo(text, file=self.stream)


def step_line(step: TaskStep, elapsed: float | None = None) -> str:
    """`step N [MM:SS] next goal (url)`; without `elapsed`, no clock."""
    when = "" if elapsed is None else f" [{clock(elapsed)}]"
    url = f" ({step.url})" if step.url else ""
    return terminal_safe(f"step {step.step}{when} {step.next_goal}{url}", one_line=True)


class LiveProgress(Progress):
    """A rich live display: steps scroll above a footer with a spinner and the clock."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__(stream)
        self.console = console(stream)
        self._live: Live | None = None
        self._spinner: Spinner | None = None
        self._goal = "starting the browser"
        self._url = ""

    def __enter__(self) -> LiveProgress:
        from rich.live import Live

        self._live = Live(_Footer(self), console=self.console, refresh_per_second=8, transient=True)
        self._live.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._live is not None:
            self._live.__exit__(exc_type, exc, tb)
            self._live = None

    def step(self, step: TaskStep) -> None:
        self.steps = max(self.steps, step.step)
        self._goal = terminal_safe(step.next_goal, one_line=True)
        self._url = terminal_safe(step.url or "", one_line=True)
        url = f" [dim]{_escape(self._url)}[/]" if self._url else ""
        self.console.print(
            f"[bold cyan]step {step.step}[/] [dim]{clock(self.elapsed())}[/] "
            f"{_escape(self._goal)}{url}"
        )

    def note(self, text: str) -> None:
        self.console.print(f"[dim]{_escape(text)}[/]")

    def footer(self) -> RenderableType:
        from rich.console import Group
        from rich.spinner import Spinner
        from rich.text import Text

        head = Text.assemble(
            ("running ", "bold"),
            (f"task {terminal_safe(self.task_id)} " if self.task_id else "", ""),
            (f"step {self.steps} " if self.steps else "", "cyan"),
            (clock(self.elapsed()), "dim"),
        )
        if self._spinner is None:
            self._spinner = Spinner("dots")
        self._spinner.update(text=head)
        lines: list[RenderableType] = [self._spinner]
        lines.append(Text(f"  next: {self._goal}", overflow="ellipsis", no_wrap=True))
        if self._url:
            lines.append(Text(f"  url:  {self._url}", style="dim", overflow="ellipsis"))
        return Group(*lines)


class _Footer:
    def __init__(self, progress: LiveProgress) -> None:
        self._progress = progress

    def __rich__(self) -> RenderableType:
        return self._progress.footer()


def progress_for(stream: IO[str], *, plain: bool) -> Progress:
    """Live display on a terminal (unless `plain`), plain lines otherwise."""
    if not plain and is_terminal(stream):
        return LiveProgress(stream)
    return Progress(stream)
