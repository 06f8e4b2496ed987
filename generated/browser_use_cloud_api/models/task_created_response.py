from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class TaskCreatedResponse(FlatModel):
    """The id of the task (or scheduled task) just created."""

    id: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskCreatedResponse:
        """A TaskCreatedResponse from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_task_created_response, d)


_FIELDS = frozenset(("id",))


def parse_task_created_response(d: Any) -> TaskCreatedResponse:
    """A TaskCreatedResponse from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(TaskCreatedResponse, _FIELDS, d)


def parse_task_created_response_list(items: Any) -> tuple[TaskCreatedResponse, ...]:
    """`parse_task_created_response` over a decoded JSON list."""
    return flat_results(TaskCreatedResponse, _FIELDS, items)
