"""`tasks.map()` decisions (pure): inputs checked up front, request ids derived from them,
resuming (keys, skip, how far back to re-attach), and queueing behind the account's
concurrent-task limit. The drivers are `_async/_map.py` and its generated sync twin.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

import attrs

from .._exceptions import BrowserUseError, InputError
from .._input.arguments import ALLOW_UNKNOWN_HINT, refuse_unknown
from .._input.task_input import build_run_task_body, operation_for
from .._models import TaskStatus
from .._spec.options import TaskOptions

T = TypeVar("T")

DEFAULT_MAP_CONCURRENCY = 10
"""Tasks a map runs at once unless told otherwise."""
MAX_REPORTED_PROBLEMS = 20
"""Bad inputs listed by name in one InputError (the count says how many more)."""
_HASHED_OUT = frozenset({"secrets", "metadata"})  # never hashed into a visible id


@attrs.frozen
class MapItem:
    """One checked input: its index, the run-task body to send, and its request id."""

    index: int
    body: Mapping[str, Any]
    request_id: str


@attrs.frozen(kw_only=True)
class MapResult(Generic[T]):
    """What became of one input of `tasks.map()`. `error` is None when the task finished
    and its output parsed; otherwise it says why (the task's own failure, a timeout, a
    refused request...). `seconds` is the client time from the input's turn to its result.
    `request_id` is the id its task is tagged with, derived from the input (and its key):
    keep it with the result, and a later run given it in `skip=` does not run that input
    again."""

    index: int
    task_id: str | None
    status: TaskStatus | None
    output: str | None
    parsed: T | None
    error: BrowserUseError | None
    created_at: dt.datetime | None
    finished_at: dt.datetime | None
    seconds: float
    reattached: bool = False
    request_id: str | None = None

    @property
    def ok(self) -> bool:
        """True when the task finished and its output parsed (`error` is None)."""
        return self.error is None


def request_id_for(body: Mapping[str, Any], key: str) -> str:
    """A request id derived from an input (`key` tells repeated inputs apart).

    Secrets and metadata are left out of the hash: the id is visible in the task's metadata.
    """
    hashed = {name: value for name, value in body.items() if name not in _HASHED_OUT}
    text = json.dumps([hashed, key], sort_keys=True, separators=(",", ":"), default=str)
    return "bu-map-" + hashlib.sha256(text.encode()).hexdigest()[:32]


PER_TASK_ONLY = {
    "request_id": (
        "it gives every task a request id derived from its input (so running the same "
        "inputs again within the re-attach window returns their tasks instead of paying "
        "twice); "
        "for a request id of your own, create that task with create(..., request_id=...)"
    ),
    "task": "the task texts are the inputs: pass them in the list",
    "files": (
        "it uploads no files: upload them with client.files.upload(...) or create(..., files=...), "
        "then name them with included_file_names=[...]"
    ),
    "on_step": "it follows no steps: use run(..., on_step=...) or handle.steps() for one task",
}
"""Arguments of create()/run() that make no sense for a map, and what to do instead."""


def check_map_call(inputs: object, options: Mapping[str, Any]) -> None:
    """Refuse, before anything is sent, inputs that are not a collection of inputs (a text,
    bytes or a dict would be iterated into letters, numbers or keys) and per-task-only
    arguments."""
    for name, instead in PER_TASK_ONLY.items():
        if name in options:
            raise InputError(f"map() takes no {name}=: {instead}")
    if isinstance(inputs, str | bytes | bytearray | memoryview | Mapping):
        raise InputError(
            f"inputs must be a list of task texts or dicts (one per task), got a "
            f"{type(inputs).__name__}; to run one task, pass a list of one: [{_preview(inputs)}]"
        )
    if not isinstance(inputs, Iterable):
        raise InputError(
            f"inputs must be a list of task texts or dicts (one per task), "
            f"got {type(inputs).__name__}"
        )


def _preview(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def prepare(
    inputs: Iterable[str | Mapping[str, Any]],
    options: Mapping[str, Any],
    *,
    keys: Sequence[str | None] | None = None,
    names: Sequence[str] | None = None,
) -> list[MapItem]:
    """Check every input before anything is sent; raise one InputError naming the bad ones.

    An input is a task text or a dict with `task` and any task option (overriding
    `options`). `keys` (optional, one per input) names inputs for their request ids;
    without one, identical inputs are told apart by their occurrence. `names` says how
    errors name each input (default `input <index>`).
    """
    inputs = list(inputs)
    if keys is not None and len(keys) != len(inputs):
        raise InputError(
            f"keys has {len(keys)} entries for {len(inputs)} inputs: give one per input "
            "(None for an input without one)"
        )
    items, problems = check(inputs, options, keys=keys, names=names)
    if problems:
        shown = problems[:MAX_REPORTED_PROBLEMS]
        more = len(problems) - len(shown)
        raise InputError(
            f"{len(problems)} of the inputs cannot be sent (nothing was sent):\n  "
            + "\n  ".join(shown)
            + (f"\n  ... and {more} more" if more else "")
        )
    return items


def check(
    inputs: Iterable[str | Mapping[str, Any]],
    options: Mapping[str, Any],
    *,
    keys: Sequence[str | None] | None = None,
    names: Sequence[str] | None = None,
    unknown_hint: str = ALLOW_UNKNOWN_HINT,
) -> tuple[list[MapItem], list[str]]:
    """The inputs that can be sent, and a line per one that cannot (see `prepare`); an
    unknown enum value's line ends with `unknown_hint` (how the caller sends one)."""
    items: list[MapItem] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(inputs):
        name = names[index] if names is not None else f"input {index}"
        try:
            fields = _fields(raw, options)
            body = build_run_task_body(**fields, unknown_hint=unknown_hint)
        except (InputError, TypeError) as exc:
            problems.append(f"{name}: {exc}")
            continue
        key = keys[index] if keys is not None else None
        if key is None:
            basis = json.dumps(
                {k: v for k, v in body.items() if k not in _HASHED_OUT},
                sort_keys=True,
                default=str,
            )
            occurrence = seen.get(basis, 0)
            seen[basis] = occurrence + 1
            key = f"#{occurrence}"
        request_id = request_id_for(body, key)
        try:
            body = build_run_task_body(**fields, request_id=request_id)
        except InputError as exc:  # the metadata has no room for the id
            problems.append(f"{name}: {exc}")
            continue
        items.append(MapItem(index, body, request_id))
    return items, problems


def check_resume(keys: object, skip: object, reattach_since: object) -> None:
    """Refuse, before anything is sent, `map()`'s resume arguments of the wrong kind: `keys`
    a list of unique texts or None (one per input), `skip` a collection of request ids,
    `reattach_since` a timezone-aware datetime."""
    if keys is not None:
        if isinstance(keys, str | bytes) or not isinstance(keys, Sequence):
            raise InputError(f"keys must be a list (one key or None per input), got {keys!r}")
        first: dict[str, int] = {}
        for index, key in enumerate(keys):
            if key is None:
                continue
            if not isinstance(key, str) or not key:
                raise InputError(f"keys[{index}] must be a non-empty string or None, got {key!r}")
            if key in first:
                raise InputError(
                    f"keys[{index}] {key!r} is also keys[{first[key]}]: keys are unique"
                )
            first[key] = index
    if isinstance(skip, str | bytes) or not isinstance(skip, Collection):
        raise InputError(f"skip must be a collection of request ids, got {skip!r}")
    if not all(isinstance(rid, str) for rid in skip):
        raise InputError("skip must hold request ids (strings), as MapResult.request_id gives")
    aware = isinstance(reattach_since, dt.datetime) and reattach_since.utcoffset() is not None
    if reattach_since is not None and not aware:
        raise InputError(
            f"reattach_since must be a timezone-aware datetime, got {reattach_since!r}"
        )


def _fields(raw: str | Mapping[str, Any], options: Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(raw, str):
        return {**options, "task": raw}
    if not isinstance(raw, Mapping):
        raise InputError(
            f"an input must be a task text or a dict with 'task', got {type(raw).__name__}"
        )
    if "task" not in raw:
        raise InputError("this dict has no 'task' (the text of what the agent should do)")
    allowed = sorted(OPTION_NAMES)
    refuse_unknown(
        operation_for("RunTaskRequest"), [*set(raw) - OPTION_NAMES], allowed, ", ".join(allowed)
    )
    return {**options, **raw}


OPTION_NAMES = frozenset(TaskOptions.__annotations__) | {"task"}
"""Fields an input dict may have: `task` and the task options."""


class Admission:
    """When the next task may be created, behind the account's limit on tasks running at once.

    At most `max_in_flight` creations are awaiting an answer at a time (about a second of
    the request budget), so a refusal stops the others before they are sent. A concurrency
    429 teaches a ceiling: as many tasks as this map then had running. Below it, a task is
    created as soon as one of the map's own ends. At it, the map *probes*: one creation
    beyond the ceiling, `probe_first` seconds after the refusal, then after twice as long
    each time it is refused again (at most `max_backoff`). The limit is shared with other
    clients, whose tasks end without the map knowing: the map's own ends do not postpone a
    probe, so the pace comes back once the others' slots free up. A probe that succeeds
    raises the ceiling, and the next probe goes out at once (until one is refused). Plain
    `create()` is not queued: it raises at once.
    """

    def __init__(
        self, *, max_in_flight: int, probe_first: float = 1.0, max_backoff: float = 10.0
    ) -> None:
        self.running = 0  # created (or being created) and not ended
        self.in_flight = 0  # being created
        self.max_in_flight = max_in_flight
        self.ceiling: int | None = None
        self.refusals = 0  # probes refused in a row
        self.probe_at = 0.0
        self.probe_first = probe_first
        self.max_backoff = max_backoff

    def delay(self, now: float) -> float | None:
        """Seconds before a task may be created: 0 now, None when an answer or an end
        must come first."""
        if self.in_flight >= self.max_in_flight:
            return None
        if self.ceiling is None or self.running < self.ceiling:
            return 0.0
        if self.in_flight:
            return None
        return max(0.0, self.probe_at - now)

    def reserve(self) -> None:
        """A task is about to be created (counted now, so others see the slot taken)."""
        self.running += 1
        self.in_flight += 1

    def created(self, now: float) -> None:
        """The reserved task was created."""
        self.in_flight -= 1
        if self.ceiling is not None and self.running > self.ceiling:
            self.ceiling = self.running  # more room than we thought: look for more at once
            self.refusals = 0
            self.probe_at = now

    def refused(self, now: float) -> None:
        """The service refused the reserved task: too many running."""
        self.in_flight -= 1
        self.running -= 1
        self.ceiling = self.running - self.in_flight
        if self.in_flight == 0:  # the last answer of those sent together: one more refusal
            self.refusals += 1
        backoff = self.probe_first * 2.0 ** max(0, self.refusals - 1)
        self.probe_at = now + min(backoff, self.max_backoff)

    def failed(self) -> None:
        """Creating the reserved task failed otherwise (the input's result says why)."""
        self.in_flight -= 1
        self.running -= 1

    def ended(self) -> None:
        """A task of this map ended: its slot is free."""
        self.running -= 1
