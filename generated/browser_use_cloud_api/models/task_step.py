from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class TaskStep(FlatModel):
    """One step the agent took.

    Attributes:
        step: Step number, from 1.
        evaluation_previous_goal: The agent's verdict on whether the previous step reached its goal.
        next_goal: What the agent sets out to do next.
        url: The page the browser was on during this step.
    """

    id: str
    step: int
    evaluation_previous_goal: str
    next_goal: str
    url: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskStep:
        """A TaskStep from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_task_step, d)


_FIELDS = frozenset(
    (
        "id",
        "step",
        "evaluation_previous_goal",
        "next_goal",
        "url",
    )
)


def parse_task_step(d: Any) -> TaskStep:
    """A TaskStep from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(TaskStep, _FIELDS, d)


def parse_task_step_list(items: Any) -> tuple[TaskStep, ...]:
    """`parse_task_step` over a decoded JSON list."""
    return flat_results(TaskStep, _FIELDS, items)
