"""What a task's end means (`_policies.task_end`): the one mapping behind `wait()`,
`run()`, `tasks.map()` and `batch`, checked on the views each of them meets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from browser_use_cloud import (
    StructuredOutputError,
    TaskFailedError,
    TaskStatus,
    TaskStoppedError,
    WaitTimeoutError,
)
from browser_use_cloud._input.structured_output import OutputSpec
from browser_use_cloud._models import Task, TaskSummary
from browser_use_cloud._policies.task_end import task_outcome, timeout_error

T0 = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
SCHEMA = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}


def summary(status: TaskStatus, output: str | None = None) -> TaskSummary:
    return TaskSummary(**ended(status, output), live_url=None, metadata=None)


def full(status: TaskStatus, output: str | None = None) -> Task:
    return Task(**ended(status, output), steps=())


def ended(status: TaskStatus, output: str | None) -> dict[str, Any]:
    return {
        "id": "task-1",
        "task": "x",
        "status": status,
        "output": output,
        "created_at": T0,
        "finished_at": T0,
    }


View = Callable[..., Task | TaskSummary]


@pytest.mark.parametrize("view", [summary, full])
@pytest.mark.parametrize(
    ("status", "error"),
    [(TaskStatus.FAILED, TaskFailedError), (TaskStatus.STOPPED, TaskStoppedError)],
)
def test_a_failed_or_stopped_task_has_its_error_naming_it(
    view: View, status: TaskStatus, error: type[Exception]
) -> None:
    seen = view(status)
    outcome = task_outcome(seen, OutputSpec(SCHEMA))
    assert isinstance(outcome.error, error) and outcome.parsed is None
    assert outcome.error.task_id == "task-1" and outcome.error.status == status
    assert outcome.error.task is (seen if isinstance(seen, Task) else None)


@pytest.mark.parametrize("view", [summary, full])
def test_a_finished_task_has_its_output_parsed(view: View) -> None:
    outcome = task_outcome(view(TaskStatus.FINISHED, '{"n": 3}'), OutputSpec(SCHEMA))
    assert outcome.error is None and outcome.parsed == {"n": 3}
    untyped = task_outcome(view(TaskStatus.FINISHED, "text"), None)
    assert untyped.error is None and untyped.parsed is None


@pytest.mark.parametrize("view", [summary, full])
def test_an_output_that_does_not_parse_is_an_error_naming_the_task(view: View) -> None:
    seen = view(TaskStatus.FINISHED, "not json")
    outcome = task_outcome(seen, OutputSpec(SCHEMA))
    assert isinstance(outcome.error, StructuredOutputError) and outcome.parsed is None
    assert outcome.error.task_id == "task-1"
    assert outcome.error.task is (seen if isinstance(seen, Task) else None)


@pytest.mark.parametrize(
    ("last", "stopped", "failure", "says"),
    [
        (TaskStatus.RUNNING, False, None, "it is still running"),
        (TaskStatus.PAUSED, False, None, "it is paused"),
        (None, False, None, "it has not ended"),
        (TaskStatus.RUNNING, True, None, "it was stopped"),
        (TaskStatus.RUNNING, False, ConnectionError(), "stopping it failed (ConnectionError)"),
    ],
)
def test_a_timeout_says_where_the_task_was_left(
    last: TaskStatus | None, stopped: bool, failure: BaseException | None, says: str
) -> None:
    error = timeout_error("task-1", last, stopped=stopped, stop_failure=failure)
    assert isinstance(error, WaitTimeoutError)
    assert says in str(error) and error.stopped is stopped
    assert error.last_status == (str(last) if last else "unknown")
