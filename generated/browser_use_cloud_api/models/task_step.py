from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

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
    _FIELDS: ClassVar[frozenset[str]] = frozenset(
        (
            "id",
            "step",
            "evaluation_previous_goal",
            "next_goal",
            "url",
        )
    )

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskStep:
        """A TaskStep from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, cls._parse, d)

    @classmethod
    def _parse(cls, d: Any) -> TaskStep:
        """A TaskStep from its decoded JSON object, kept as `raw` (no copy)."""
        return flat_result(cls, cls._FIELDS, d)

    @classmethod
    def _parse_many(cls, items: Any) -> tuple[TaskStep, ...]:
        """`_parse` over a decoded JSON list."""
        return flat_results(cls, cls._FIELDS, items)
