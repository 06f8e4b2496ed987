from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from ..models.browser_data import BrowserData, parse_browser_data
from ..models.task_status import TaskStatus
from ..models.task_step import TaskStep, parse_task_step_list
from ..types import RAW, JsonModel, parse_datetime, read_model

_new = object.__new__
_setattr = object.__setattr__
_TaskStatus_members = TaskStatus._value2member_map_


@attrs.frozen(kw_only=True, slots=False)
class Task(JsonModel):
    """Everything known about a task.

    Attributes:
        live_url: A page showing the browser live while the task runs; it can be embedded in an
            iframe and lets a person take control.
        output: The final answer once the task has ended; a JSON string when structured output
            was asked for.
        status: Lifecycle of a task: created (queued), running, paused (waiting to be resumed),
            then one of finished (succeeded), stopped (ended by the user) or failed (ended
            by an error).
        finished_at: When the task ended.
        steps: The steps taken so far, in order.
        browser_data: Cookies from the session, when save_browser_data was set.
        user_uploaded_files: Names of uploaded files the task was given.
        output_files: Names of files the task produced; fetch them with the output-file operation.
        public_share_url: Public link to watch the task, when enable_public_share was set.
        metadata: The metadata given when the task was created.
    """

    id: str
    task: str
    live_url: str | None = None
    output: str | None = None
    status: TaskStatus
    created_at: _dt.datetime
    finished_at: _dt.datetime | None = None
    steps: tuple[TaskStep, ...]
    browser_data: BrowserData | None = None
    user_uploaded_files: tuple[str, ...] | None = None
    output_files: tuple[str, ...] | None = None
    public_share_url: str | None = None
    metadata: Mapping[str, str] | None = None
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Task:
        """A Task from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_task, d)


def parse_task(d: Any) -> Task:
    """A Task from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    get = d.get
    finished_at = get("finished_at")
    browser_data = get("browser_data")
    user_uploaded_files = get("user_uploaded_files")
    output_files = get("output_files")
    result = _new(Task)
    _setattr(
        result,
        "__dict__",
        {
            "id": d["id"],
            "task": d["task"],
            "live_url": get("live_url"),
            "output": d["output"],
            "status": _TaskStatus_members.get(d["status"]) or TaskStatus(d["status"]),
            "created_at": parse_datetime(d["created_at"]),
            "finished_at": None if finished_at is None else parse_datetime(finished_at),
            "steps": parse_task_step_list(d["steps"]),
            "browser_data": None if browser_data is None else parse_browser_data(browser_data),
            "user_uploaded_files": None
            if user_uploaded_files is None
            else tuple(user_uploaded_files),
            "output_files": None if output_files is None else tuple(output_files),
            "public_share_url": get("public_share_url"),
            "metadata": get("metadata"),
            "raw": d,
        },
    )
    return result


def parse_task_list(items: Any) -> tuple[Task, ...]:
    """`parse_task` over a decoded JSON list."""
    parse = parse_task
    return tuple([parse(item) for item in items])
