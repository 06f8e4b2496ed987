from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from ..models.llm_model import LLMModel
from ..models.schedule_type import ScheduleType
from ..types import RAW, JsonModel, parse_datetime, read_model

_new = object.__new__
_setattr = object.__setattr__
_LLMModel_members = LLMModel._value2member_map_
_ScheduleType_members = ScheduleType._value2member_map_


@attrs.frozen(kw_only=True, slots=False)
class ScheduledTask(JsonModel):
    """A scheduled task and its schedule state.

    Attributes:
        llm_model: Language models the agent can run on.
        schedule_type: How a scheduled task's runs are timed: a fixed interval or a cron expression.
        interval_minutes: Minutes between runs; needed for interval schedules, at least 1.
        cron_expression: Five-field cron expression; needed for cron schedules.
        start_at: First moment a run may start; now when unset.
        next_run_at: When the next run is due.
        end_at: No runs after this moment; one year after the start when unset.
        is_active: Whether the schedule starts runs.
    """

    id: str
    task: str
    save_browser_data: bool
    structured_output_json: str | None = None
    llm_model: LLMModel
    use_adblock: bool
    use_proxy: bool
    highlight_elements: bool
    browser_profile_id: str | None = None
    schedule_type: ScheduleType
    interval_minutes: int | None = None
    cron_expression: str | None = None
    start_at: _dt.datetime
    next_run_at: _dt.datetime
    end_at: _dt.datetime
    is_active: bool
    created_at: _dt.datetime
    updated_at: _dt.datetime
    metadata: Mapping[str, str] | None = None
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ScheduledTask:
        """A ScheduledTask from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_scheduled_task, d)


def parse_scheduled_task(d: Any) -> ScheduledTask:
    """A ScheduledTask from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    get = d.get
    result = _new(ScheduledTask)
    _setattr(
        result,
        "__dict__",
        {
            "id": d["id"],
            "task": d["task"],
            "save_browser_data": d["save_browser_data"],
            "structured_output_json": get("structured_output_json"),
            "llm_model": _LLMModel_members.get(d["llm_model"]) or LLMModel(d["llm_model"]),
            "use_adblock": d["use_adblock"],
            "use_proxy": d["use_proxy"],
            "highlight_elements": d["highlight_elements"],
            "browser_profile_id": get("browser_profile_id"),
            "schedule_type": _ScheduleType_members.get(d["schedule_type"])
            or ScheduleType(d["schedule_type"]),
            "interval_minutes": get("interval_minutes"),
            "cron_expression": get("cron_expression"),
            "start_at": parse_datetime(d["start_at"]),
            "next_run_at": parse_datetime(d["next_run_at"]),
            "end_at": parse_datetime(d["end_at"]),
            "is_active": d["is_active"],
            "created_at": parse_datetime(d["created_at"]),
            "updated_at": parse_datetime(d["updated_at"]),
            "metadata": get("metadata"),
            "raw": d,
        },
    )
    return result


def parse_scheduled_task_list(items: Any) -> tuple[ScheduledTask, ...]:
    """`parse_scheduled_task` over a decoded JSON list."""
    parse = parse_scheduled_task
    return tuple([parse(item) for item in items])
