from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import RAW, JsonModel, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class TaskScreenshotsResponse(JsonModel):
    """Where the task's screenshots can be fetched, if there are any."""

    screenshots: tuple[str, ...] | None = None
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskScreenshotsResponse:
        """A TaskScreenshotsResponse from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_task_screenshots_response, d)


def parse_task_screenshots_response(d: Any) -> TaskScreenshotsResponse:
    """A TaskScreenshotsResponse from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    screenshots = d["screenshots"]
    result = _new(TaskScreenshotsResponse)
    _setattr(
        result,
        "__dict__",
        {
            "screenshots": None if screenshots is None else tuple(screenshots),
            "raw": d,
        },
    )
    return result


def parse_task_screenshots_response_list(items: Any) -> tuple[TaskScreenshotsResponse, ...]:
    """`parse_task_screenshots_response` over a decoded JSON list."""
    parse = parse_task_screenshots_response
    return tuple([parse(item) for item in items])
