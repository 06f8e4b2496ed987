from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from ..models.task_status import TaskStatus
from ..types import RAW, JsonModel, parse_datetime, read_model

_new = object.__new__
_setattr = object.__setattr__
_TaskStatus_members = TaskStatus._value2member_map_


@attrs.frozen(kw_only=True, slots=False)
class TaskSummary(JsonModel):
    """The summary of a task shown in lists.

    Attributes:
        status: Lifecycle of a task: created (queued), running, paused (waiting to be resumed),
            then one of finished (succeeded), stopped (ended by the user) or failed (ended
            by an error).
    """

    id: str
    task: str
    output: str | None = None
    status: TaskStatus
    created_at: _dt.datetime
    finished_at: _dt.datetime | None = None
    live_url: str | None = None
    metadata: Mapping[str, str] | None = None
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskSummary:
        """A TaskSummary from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_task_summary, d)


def parse_task_summary(d: Any) -> TaskSummary:
    """A TaskSummary from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    get = d.get
    finished_at = get("finished_at")
    result = _new(TaskSummary)
    _setattr(
        result,
        "__dict__",
        {
            "id": d["id"],
            "task": d["task"],
            "output": d["output"],
            "status": _TaskStatus_members.get(d["status"]) or TaskStatus(d["status"]),
            "created_at": parse_datetime(d["created_at"]),
            "finished_at": None if finished_at is None else parse_datetime(finished_at),
            "live_url": get("live_url"),
            "metadata": get("metadata"),
            "raw": d,
        },
    )
    return result


def parse_task_summary_list(items: Any) -> tuple[TaskSummary, ...]:
    """`parse_task_summary` over a decoded JSON list."""
    parse = parse_task_summary
    return tuple([parse(item) for item in items])
