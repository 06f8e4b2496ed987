from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class TaskGifResponse(FlatModel):
    """Where the task's GIF can be fetched, if there is one."""

    gif: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskGifResponse:
        """A TaskGifResponse from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_task_gif_response, d)


_FIELDS = frozenset(("gif",))


def parse_task_gif_response(d: Any) -> TaskGifResponse:
    """A TaskGifResponse from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(TaskGifResponse, _FIELDS, d)


def parse_task_gif_response_list(items: Any) -> tuple[TaskGifResponse, ...]:
    """`parse_task_gif_response` over a decoded JSON list."""
    return flat_results(TaskGifResponse, _FIELDS, items)
