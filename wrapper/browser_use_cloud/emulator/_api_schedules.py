"""Scheduled task operations: create, list, get, update, delete."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from dateutil.relativedelta import relativedelta

from ._api_tasks import check_run_request
from ._handler import Call, Handler, iso, page_of
from ._scheduler import validate_cron
from ._state import DEFAULT_LLM, ScheduleRecord
from ._validation import ErrorDict, RequestValidationError, error

# The fields that make the schedule itself; every other field of a scheduled-task request
# (bar is_active) is a setting of the runs it starts, whatever the spec adds.
_SCHEDULE_FIELDS = ("schedule_type", "interval_minutes", "cron_expression", "start_at", "end_at")
_NOT_RUN_FIELDS = frozenset({*_SCHEDULE_FIELDS, "is_active"})
DEFAULT_LIFETIME = relativedelta(years=1)
"""`end_at` defaults to one year from now (the vendor docs), whatever `start_at` is."""
_FIELD_OF = {"interval": "interval_minutes", "cron": "cron_expression"}


def _problems(record: ScheduleRecord, now: datetime, end_changed: bool) -> list[ErrorDict]:
    problems = []
    kind = record.schedule_type
    other = {"interval": "cron", "cron": "interval"}.get(kind)
    if other is not None and getattr(record, _FIELD_OF[other]) is not None:
        field = _FIELD_OF[other]
        article = "an" if kind == "interval" else "a"
        msg = (
            f"Value error, {article} {kind} schedule takes {_FIELD_OF[kind]}, not {field}; "
            f"to switch, send schedule_type='{other}' with {field}"
        )
        problems.append(error("value_error", ("body", field), msg, getattr(record, field)))
    if kind == "interval" and record.interval_minutes is None:
        msg = "Value error, interval_minutes is required for interval schedules"
        problems.append(error("value_error", ("body", "interval_minutes"), msg, None))
    if kind == "cron":
        expression = record.cron_expression
        try:
            if expression is None:
                raise ValueError("cron_expression is required for cron schedules")
            validate_cron(expression)
        except ValueError as exc:
            loc = ("body", "cron_expression")
            problems.append(error("value_error", loc, f"Value error, {exc}", expression))
    if record.end_at <= record.start_at:
        msg = "Value error, end_at must be later than start_at"
        problems.append(error("value_error", ("body", "end_at"), msg, iso(record.end_at)))
    elif end_changed and record.end_at <= now:
        msg = "Value error, end_at is in the past: the schedule would never run"
        problems.append(error("value_error", ("body", "end_at"), msg, iso(record.end_at)))
    return problems


def _save(call: Call, record: ScheduleRecord, *, end_changed: bool) -> None:
    problems = _problems(record, call.state.clock.now(), end_changed)
    if problems:
        raise RequestValidationError(problems)
    try:
        call.state.save_schedule(record)
    except (ValueError, OverflowError) as exc:  # e.g. an interval beyond the calendar
        msg = f"Value error, the schedule cannot be planned: {exc}"
        raise RequestValidationError([error("value_error", ("body",), msg, None)]) from None


def create_scheduled_task(call: Call) -> Any:
    body = dict(call.body)
    check_run_request(call)
    now = call.state.clock.now()
    start: datetime = body["start_at"] or now
    end: datetime | None = body["end_at"]
    if end is None:
        end = now + DEFAULT_LIFETIME
        if end <= start:
            msg = (
                "Value error, end_at defaults to one year from now, which is not after "
                "start_at; give end_at"
            )
            raise RequestValidationError([error("value_error", ("body", "end_at"), msg, None)])
    run_request = {k: v for k, v in body.items() if k not in _SCHEDULE_FIELDS}
    run_request["secrets"] = None  # scheduled runs do not support secrets
    record = ScheduleRecord(
        id=call.state.new_id(),
        request=run_request,
        schedule_type=body["schedule_type"],
        interval_minutes=body["interval_minutes"],
        cron_expression=body["cron_expression"],
        start_at=start,
        end_at=end,
        is_active=True,
        created_at=now,
        updated_at=now,
    )
    with call.state.lock:
        _save(call, record, end_changed=True)
    return {"id": record.id}


def _response(call: Call, record: ScheduleRecord) -> dict[str, Any]:
    run = record.request
    next_run = call.state.next_run(record)

    def flag(name: str, default: bool) -> bool:
        value = run.get(name)
        return default if value is None else bool(value)

    return {
        "id": record.id,
        "task": run["task"],
        "save_browser_data": flag("save_browser_data", False),
        "structured_output_json": run.get("structured_output_json"),
        "llm_model": run.get("llm_model") or DEFAULT_LLM,
        "use_adblock": flag("use_adblock", True),
        "use_proxy": flag("use_proxy", True),
        "highlight_elements": flag("highlight_elements", True),
        "browser_profile_id": run.get("browser_profile_id"),
        "schedule_type": record.schedule_type,
        "interval_minutes": record.interval_minutes,
        "cron_expression": record.cron_expression,
        "start_at": iso(record.start_at),
        "next_run_at": iso(next_run or record.end_at),
        "end_at": iso(record.end_at),
        "is_active": record.is_active and next_run is not None,
        "created_at": iso(record.created_at),
        "updated_at": iso(record.updated_at),
        "metadata": run.get("metadata"),
    }


def list_scheduled_tasks(call: Call) -> Any:
    with call.state.lock:
        newest_first = list(reversed(call.state.schedules.values()))
        items, counters = page_of(newest_first, call.params["page"], call.params["limit"])
        return {"tasks": [_response(call, r) for r in items], **counters}


def get_scheduled_task(call: Call) -> Any:
    with call.state.lock:
        return _response(call, call.state.get_schedule(call.params["task_id"]))


def update_scheduled_task(call: Call) -> Any:
    changes = {k: v for k, v in call.body.items() if v is not None}
    with call.state.lock:
        record = call.state.get_schedule(call.params["task_id"])
        if "structured_output_json" in changes:
            check_run_request(call)
        schedule = {k: changes[k] for k in (*_SCHEDULE_FIELDS, "is_active") if k in changes}
        kind = schedule.get("schedule_type", record.schedule_type)
        if kind != record.schedule_type:  # a switch drops the old type's field
            schedule.setdefault(_FIELD_OF[record.schedule_type], None)
        run = {**record.request, **{k: v for k, v in changes.items() if k not in _NOT_RUN_FIELDS}}
        updated = dataclasses.replace(
            record, **schedule, request=run, updated_at=call.state.clock.now()
        )
        _save(call, updated, end_changed="end_at" in changes)
        return _response(call, updated)


def delete_scheduled_task(call: Call) -> Any:
    call.state.delete_schedule(call.params["task_id"])
    return {}


HANDLERS: dict[str, Handler] = {
    "create_scheduled_task": create_scheduled_task,
    "list_scheduled_tasks": list_scheduled_tasks,
    "get_scheduled_task": get_scheduled_task,
    "update_scheduled_task": update_scheduled_task,
    "delete_scheduled_task": delete_scheduled_task,
}
