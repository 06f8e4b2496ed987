"""What a task's end means for its caller (pure): its result or the error to give.

One mapping for every way of following a task to its end: `wait()` and `run()` raise the
error, `tasks.map()` (and the CLI's `batch`, which runs a map) keeps it in the input's result.
"""

from __future__ import annotations

from typing import Generic, TypeVar

import attrs

from .._exceptions import (
    BrowserUseError,
    StructuredOutputError,
    TaskFailedError,
    TaskStoppedError,
    WaitTimeoutError,
)
from .._input.structured_output import OutputSpec
from .._models import Task, TaskStatus, TaskSummary

T = TypeVar("T")


@attrs.frozen
class TaskOutcome(Generic[T]):
    """An ended task's result: `parsed` output (with an output type), or the `error` that
    says why there is none (None when the task finished and its output parsed)."""

    parsed: T | None
    error: BrowserUseError | None


def task_outcome(view: Task | TaskSummary, output: OutputSpec[T] | None) -> TaskOutcome[T]:
    """The outcome of a task seen ended: failed -> TaskFailedError, stopped ->
    TaskStoppedError, finished -> its output parsed by `output` (StructuredOutputError,
    naming the task, if it does not parse). The errors carry `view` when it is the full task."""
    full = view if isinstance(view, Task) else None
    if view.status == TaskStatus.FAILED:
        failed = TaskFailedError(
            f"task {view.id} failed", task_id=view.id, status=view.status, task=full
        )
        return TaskOutcome(None, failed)
    if view.status == TaskStatus.STOPPED:
        stopped = TaskStoppedError(
            f"task {view.id} was stopped", task_id=view.id, status=view.status, task=full
        )
        return TaskOutcome(None, stopped)
    if output is None:
        return TaskOutcome(None, None)
    try:
        parsed = output.parse(view.output)
    except StructuredOutputError as exc:
        exc.task_id, exc.task = view.id, full  # the billed run stays reachable
        return TaskOutcome(None, exc)
    return TaskOutcome(parsed, None)


def timeout_error(
    task_id: str,
    last: TaskStatus | None,
    *,
    stopped: bool = False,
    stop_failure: BaseException | None = None,
) -> WaitTimeoutError:
    """The error of a follow that gave up: the task's last status seen (`last`), whether it
    was then `stopped`, or the error that stopping it met (`stop_failure`)."""
    if stopped:
        outcome = "it was stopped"
    elif stop_failure is not None:
        outcome = f"stopping it failed ({type(stop_failure).__name__})"
    elif last == TaskStatus.PAUSED:
        outcome = "it is paused (resume() continues it, stop() ends it)"
    elif last == TaskStatus.RUNNING:
        outcome = "it is still running"
    else:
        outcome = "it has not ended"
    return WaitTimeoutError(
        f"task {task_id} did not end in time (last status: {last or 'unknown'}); {outcome}",
        task_id=task_id,
        last_status=str(last or "unknown"),
        stopped=stopped,
    )
