from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ..models.llm_model import LLMModel
from ..models.schedule_type import ScheduleType
from ..types import RAW, JsonModel, parse_datetime, read_model

_new = object.__new__
_setattr = object.__setattr__
_LLMModel_members = LLMModel._value2member_map_
_ScheduleType_members = ScheduleType._value2member_map_


@attrs.frozen(kw_only=True, slots=False)
class UpdateScheduledTaskRequest(JsonModel):
    """Fields to change on a scheduled task; omitted fields are left alone.

    Attributes:
        task: New instructions for the agent.
        schedule_type: interval or cron.
        interval_minutes: Minutes between runs; needed for interval schedules, at least 1.
        cron_expression: Five-field cron expression; needed for cron schedules.
        start_at: First moment a run may start; now when unset.
        end_at: No runs after this moment; one year after the start when unset.
        is_active: Whether the schedule starts runs.
        use_adblock: Block ads; overrides the profile's setting.
        use_proxy: Route traffic through a residential proxy, which captcha solving needs;
            overrides the profile's setting.
        highlight_elements: Draw outlines around the page elements the agent considers.
        llm_model: Model the agent runs on; the service picks its default when unset.
        save_browser_data: Keep the session's cookies and return them in the task's browser_data.
        structured_output_json: A JSON Schema, serialised as a string, that the final output must follow.
        metadata: Your own string tags for the task, returned with it and in webhooks: at most 10
            pairs, keys of 1 to 100 characters, values of at most 1000.
    """

    task: str | None = None
    schedule_type: ScheduleType | None = None
    interval_minutes: int | None = None
    cron_expression: str | None = None
    start_at: _dt.datetime | None = None
    end_at: _dt.datetime | None = None
    is_active: bool | None = None
    use_adblock: bool | None = None
    use_proxy: bool | None = None
    highlight_elements: bool | None = None
    llm_model: LLMModel | None = None
    save_browser_data: bool | None = None
    structured_output_json: str | None = None
    metadata: Mapping[str, str] | None = None
    raw: Mapping[str, Any] | None = RAW

    _REQUIRED: ClassVar[frozenset[str]] = frozenset(())

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> UpdateScheduledTaskRequest:
        """A UpdateScheduledTaskRequest from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_update_scheduled_task_request, d)


def parse_update_scheduled_task_request(d: Any) -> UpdateScheduledTaskRequest:
    """A UpdateScheduledTaskRequest from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    get = d.get
    schedule_type = get("schedule_type")
    start_at = get("start_at")
    end_at = get("end_at")
    llm_model = get("llm_model")
    result = _new(UpdateScheduledTaskRequest)
    _setattr(
        result,
        "__dict__",
        {
            "task": get("task"),
            "schedule_type": None
            if schedule_type is None
            else _ScheduleType_members.get(schedule_type) or ScheduleType(schedule_type),
            "interval_minutes": get("interval_minutes"),
            "cron_expression": get("cron_expression"),
            "start_at": None if start_at is None else parse_datetime(start_at),
            "end_at": None if end_at is None else parse_datetime(end_at),
            "is_active": get("is_active"),
            "use_adblock": get("use_adblock"),
            "use_proxy": get("use_proxy"),
            "highlight_elements": get("highlight_elements"),
            "llm_model": None
            if llm_model is None
            else _LLMModel_members.get(llm_model) or LLMModel(llm_model),
            "save_browser_data": get("save_browser_data"),
            "structured_output_json": get("structured_output_json"),
            "metadata": get("metadata"),
            "raw": d,
        },
    )
    return result


def parse_update_scheduled_task_request_list(items: Any) -> tuple[UpdateScheduledTaskRequest, ...]:
    """`parse_update_scheduled_task_request` over a decoded JSON list."""
    parse = parse_update_scheduled_task_request
    return tuple([parse(item) for item in items])
