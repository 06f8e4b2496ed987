"""`batch` input and output files: read every line, check it, and know what is done already.

INPUT is JSONL (one object per line: `task`, any task option, an optional `id`) or CSV (a
`task` column, other columns are options; `id` too). CSV cells are text: numbers and
true/false are read as such for the options that take them, lists are `;`-separated (or a
JSON list), dicts (`metadata`, `secrets`) are JSON objects. Empty cells are left out.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from .._policies.map_plan import OPTION_NAMES, check
from .._spec.options import TaskOptions
from ._errors import CliError
from ._output import json_text
from ._text_files import read_text

ID_FIELD = "id"
MAX_SHOWN = 20
ALLOW_UNKNOWN_LINE_HINT = (  # a line's way to send an unknown enum value
    'Add "allow_unknown": true to the line (an allow_unknown column set to true in a CSV) '
    "to send a newer value on purpose."
)
OUT_MODE = 0o600
"""OUT holds task output and error details: readable by its owner only."""

_KINDS = {
    name: getattr(kind, "__forward_arg__", str(kind))
    for name, kind in TaskOptions.__annotations__.items()
}  # option name -> its type, as text ("int | None", "Sequence[str] | None", ...)


@attrs.frozen
class BatchInput:
    """The checked-to-parse lines: one dict per task, with its line number and id."""

    records: list[dict[str, Any]]
    lines: list[int]
    ids: list[str | None]


def read_input(source: str, stream: IO[str] | None = None) -> BatchInput:
    """Read INPUT (a path, or `-` for `stream`) and check every line as a task; raise
    CliError listing every bad line (nothing has been sent)."""
    if source == "-":
        assert stream is not None
        text = stream.read().removeprefix("\ufeff")  # a byte order mark, as utf-8-sig drops
        kind = "csv" if _looks_like_csv(text) else "jsonl"
    else:
        path = Path(source)
        text = read_text(path, source)
        kind = "csv" if path.suffix.lower() == ".csv" else "jsonl"
    rows = _csv_rows(text) if kind == "csv" else _jsonl_rows(text)
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    ids: list[str | None] = []
    problems: list[str] = []
    first_line: dict[str, int] = {}
    for line, row in rows:
        if isinstance(row, str):
            problems.append(f"line {line}: {row}")
            continue
        ident = row.pop(ID_FIELD, None)
        if ident is not None:
            ident = str(ident)
            if ident in first_line:
                problems.append(f"line {line}: id {ident!r} is also on line {first_line[ident]}")
                continue
            first_line[ident] = line
        records.append(row)
        lines.append(line)
        ids.append(ident)
    names = [f"line {line}" for line in lines]
    problems += check(records, {}, keys=ids, names=names, unknown_hint=ALLOW_UNKNOWN_LINE_HINT)[1]
    if problems:
        problems.sort(key=_line_number)
        raise_bad_lines(problems)
    if not records:
        raise CliError(f"{source} has no tasks (expected a JSON object or a CSV row per line)")
    return BatchInput(records, lines, ids)


def _line_number(problem: str) -> int:
    return int(problem.split(":", 1)[0].removeprefix("line "))


def raise_bad_lines(problems: list[str]) -> None:
    shown = problems[:MAX_SHOWN]
    more = f"\n  ... and {len(problems) - MAX_SHOWN} more" if len(problems) > MAX_SHOWN else ""
    raise CliError(
        f"{len(problems)} bad line(s) in the input; nothing was sent:\n  "
        + "\n  ".join(shown)
        + more
    )


def _looks_like_csv(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    return not first.startswith("{")


def _jsonl_rows(text: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield line, f"not valid JSON ({exc.msg} at column {exc.colno})"
            continue
        if not isinstance(value, dict):
            yield line, f"expected a JSON object with 'task', got {type(value).__name__}"
        elif "task" not in value:
            yield line, "no 'task' (the text of what the agent should do)"
        else:
            yield line, value


def _csv_rows(text: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    reader = csv.DictReader(io.StringIO(text))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        yield 1, _csv_problem(exc)
        return
    if "task" not in header:
        yield 1, f"the CSV header needs a 'task' column (got: {', '.join(header) or 'none'})"
        return
    unknown = [name for name in header if name not in OPTION_NAMES and name != ID_FIELD]
    if unknown:
        allowed = ", ".join(sorted(OPTION_NAMES | {ID_FIELD}))
        yield 1, f"unknown column(s) {', '.join(map(repr, unknown))}; allowed: {allowed}"
        return
    line = reader.line_num  # where the last row read ends
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # a cell over the reader's size limit, a NUL byte...
            yield line + 1, _csv_problem(exc)
            return
        line = reader.line_num
        if None in row:
            yield line, "more cells than header columns"
            continue
        try:
            yield (
                line,
                {
                    name: _cell(name, value)
                    for name, value in row.items()
                    if value not in ("", None)
                },
            )
        except ValueError as exc:
            yield line, str(exc)


def _csv_problem(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        limit = csv.field_size_limit() // 1024
        return f"a cell is over {limit} KiB, the most a CSV cell may hold; use JSONL for this row"
    return f"not valid CSV ({exc})"


def _cell(name: str, value: str) -> Any:
    """A CSV cell as the option `name` takes it."""
    kind = _KINDS.get(name, "str")
    if name in (ID_FIELD, "task") or kind.startswith("str"):
        return value
    if kind.startswith("bool"):
        lowered = value.strip().lower()
        if lowered in ("true", "yes", "1"):
            return True
        if lowered in ("false", "no", "0"):
            return False
        raise ValueError(f"{name} must be true or false, got {value!r}")
    if kind.startswith("int"):
        try:
            return int(value)
        except ValueError:
            raise ValueError(f"{name} must be a whole number, got {value!r}") from None
    if kind.startswith("Sequence"):
        if value.lstrip().startswith("["):
            return _json_cell(name, value, list)
        return [part.strip() for part in value.split(";") if part.strip()]
    if kind.startswith("Mapping"):
        return _json_cell(name, value, dict)
    return value


def _json_cell(name: str, value: str, kind: type) -> Any:
    try:
        parsed = json.loads(value)
    except ValueError:
        parsed = None
    if not isinstance(parsed, kind):
        raise ValueError(f"{name} must be a JSON {'list' if kind is list else 'object'}")
    return parsed


def check_out(out: Path, *, resume: bool, overwrite: bool) -> None:
    """Refuse an OUT that cannot be written, or that has lines already without `--resume`
    or `--overwrite` (appending would mix two runs)."""
    folder = out.parent
    if not folder.is_dir():
        raise CliError(f"cannot write {out}: the folder {folder} does not exist (nothing sent)")
    if out.is_dir():
        raise CliError(f"cannot write {out}: it is a folder (nothing sent)")
    if not resume and not overwrite and out.exists() and out.stat().st_size > 0:
        raise CliError(
            f"{out} already has results; add --resume to continue that run, or --overwrite "
            "to start again (its lines are lost)"
        )


def done_request_ids(out: Path) -> set[str]:
    """Request ids already written to OUT; a partial last line (a crash mid-write) is cut."""
    if not out.exists():
        return set()
    with open(out, "r+b") as handle:
        data = handle.read()
        end = data.rfind(b"\n") + 1
        if end < len(data):
            handle.truncate(end)
    done = set()
    for raw in data[:end].splitlines():
        try:
            record = json.loads(raw)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("request_id"), str):
            done.add(record["request_id"])
    return done


class LineWriter:
    """Appends one JSON line per result to OUT (or stdout), flushed at once: a crash of this
    process loses nothing already written. A new OUT is created readable by its owner only;
    `overwrite` empties an existing one."""

    def __init__(self, out: Path | None, stdout: IO[str], *, overwrite: bool = False) -> None:
        self._path = out
        self._handle: IO[str] = stdout if out is None else _open_out(out, overwrite=overwrite)

    def write(self, record: dict[str, Any]) -> None:
        self._handle.write(json_text(record, indent=None) + "\n")
        self._handle.flush()

    def close(self) -> None:
        if self._path is not None:
            self._handle.close()


def _open_out(out: Path, *, overwrite: bool) -> IO[str]:
    """OUT opened for appending (created with mode 0600), for the writer's life."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | (os.O_TRUNC if overwrite else 0)
    try:
        fd = os.open(out, flags, OUT_MODE)
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror or exc} (nothing sent)") from None
    return open(fd, "a", encoding="utf-8")
