"""Check scheduled-task arguments and build request bodies (pure).

An interval schedule needs `interval_minutes` >= 1; a cron schedule a valid 5-field cron
expression; never both. `start_at`/`end_at` take timezone-aware datetimes or ISO 8601
strings with an offset; `start_at` must come before `end_at`, and `end_at` must be in the
future. The emulator enforces the same rules on arrival.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .._exceptions import InputError
from .cron import check_cron
from .validate import check_datetime


def schedule_fields(
    *,
    schedule_type: str | None,
    interval_minutes: int | None,
    cron_expression: str | None,
    start_at: dt.datetime | str | None,
    end_at: dt.datetime | str | None,
    creating: bool,
    allow_unknown: bool = False,
) -> dict[str, Any]:
    """Validate the schedule part of a create (`creating`) or update; return its JSON fields.

    On create the schedule type may be left out: it follows from which of
    `interval_minutes` / `cron_expression` is given. Each field goes through the one
    argument check (`allow_unknown`: a schedule type the spec does not list yet).
    """
    from .task_input import check_field

    request = "ScheduledTaskRequest" if creating else "UpdateScheduledTaskRequest"
    kind = None
    if schedule_type is not None:
        kind = str(check_field(request, "schedule_type", schedule_type, allow_unknown))
    if kind is None and (creating or interval_minutes is not None or cron_expression is not None):
        # The type follows from the field given; on update this switches the schedule's
        # type cleanly (the service drops the other type's field).
        if (interval_minutes is None) == (cron_expression is None):
            raise InputError(
                "give exactly one of interval_minutes=N (run every N minutes) or "
                "cron_expression='m h dom mon dow' (run on a cron schedule)"
            )
        kind = "interval" if interval_minutes is not None else "cron"
    if kind == "interval" and cron_expression is not None:
        raise InputError("an interval schedule takes interval_minutes, not cron_expression")
    if kind == "cron" and interval_minutes is not None:
        raise InputError("a cron schedule takes cron_expression, not interval_minutes")
    if creating and kind == "interval" and interval_minutes is None:
        raise InputError("an interval schedule needs interval_minutes (an integer >= 1)")
    if creating and kind == "cron" and cron_expression is None:
        raise InputError("a cron schedule needs cron_expression, e.g. '0 9 * * MON-FRI'")
    fields: dict[str, Any] = {}
    if kind is not None:
        fields["schedule_type"] = kind
    if interval_minutes is not None:
        fields["interval_minutes"] = check_field(request, "interval_minutes", interval_minutes)
    if cron_expression is not None:
        fields["cron_expression"] = check_cron(cron_expression)
    start = None if start_at is None else check_datetime("start_at", start_at)
    end = None if end_at is None else check_datetime("end_at", end_at)
    if start is not None and end is not None and start >= end:
        raise InputError(
            f"start_at ({start.isoformat()}) must be before end_at ({end.isoformat()})"
        )
    if end is not None and end <= dt.datetime.now(dt.UTC):
        raise InputError(
            f"end_at ({end.isoformat()}) is in the past: the schedule would never run "
            "(to stop a schedule, update it with is_active=False or delete it)"
        )
    if start is not None:
        fields["start_at"] = start.isoformat()
    if end is not None:
        fields["end_at"] = end.isoformat()
    return fields
