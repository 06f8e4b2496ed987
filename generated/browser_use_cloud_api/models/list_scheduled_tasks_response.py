from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..models.scheduled_task import ScheduledTask, parse_scheduled_task_list
from ..types import RAW, JsonModel, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class ListScheduledTasksResponse(JsonModel):
    """One page of scheduled tasks.

    Attributes:
        total_pages: Number of pages at this page size.
        page: This page's number, from 1.
        limit: Page size.
        total_count: Number of items on all pages.
    """

    tasks: tuple[ScheduledTask, ...]
    total_pages: int
    page: int
    limit: int
    total_count: int
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ListScheduledTasksResponse:
        """A ListScheduledTasksResponse from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_list_scheduled_tasks_response, d)


def parse_list_scheduled_tasks_response(d: Any) -> ListScheduledTasksResponse:
    """A ListScheduledTasksResponse from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    result = _new(ListScheduledTasksResponse)
    _setattr(
        result,
        "__dict__",
        {
            "tasks": parse_scheduled_task_list(d["tasks"]),
            "total_pages": d["total_pages"],
            "page": d["page"],
            "limit": d["limit"],
            "total_count": d["total_count"],
            "raw": d,
        },
    )
    return result


def parse_list_scheduled_tasks_response_list(items: Any) -> tuple[ListScheduledTasksResponse, ...]:
    """`parse_list_scheduled_tasks_response` over a decoded JSON list."""
    parse = parse_list_scheduled_tasks_response
    return tuple([parse(item) for item in items])
