from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import RAW, JsonModel, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class TaskMedia(JsonModel):
    """Where the task's recordings can be fetched, if there are any."""

    recordings: tuple[str, ...] | None = None
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskMedia:
        """A TaskMedia from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_task_media, d)


def parse_task_media(d: Any) -> TaskMedia:
    """A TaskMedia from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    recordings = d["recordings"]
    result = _new(TaskMedia)
    _setattr(
        result,
        "__dict__",
        {
            "recordings": None if recordings is None else tuple(recordings),
            "raw": d,
        },
    )
    return result


def parse_task_media_list(items: Any) -> tuple[TaskMedia, ...]:
    """`parse_task_media` over a decoded JSON list."""
    parse = parse_task_media
    return tuple([parse(item) for item in items])
