from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class TaskMetadataType0(FlatModel):
    """TaskMetadataType0"""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskMetadataType0:
        """A TaskMetadataType0 from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_task_metadata_type_0, d)


_FIELDS = frozenset(())


def parse_task_metadata_type_0(d: Any) -> TaskMetadataType0:
    """A TaskMetadataType0 from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(TaskMetadataType0, _FIELDS, d)


def parse_task_metadata_type_0_list(items: Any) -> tuple[TaskMetadataType0, ...]:
    """`parse_task_metadata_type_0` over a decoded JSON list."""
    return flat_results(TaskMetadataType0, _FIELDS, items)
