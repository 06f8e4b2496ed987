from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class UpdateScheduledTaskRequestMetadataType0(FlatModel):
    """UpdateScheduledTaskRequestMetadataType0"""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> UpdateScheduledTaskRequestMetadataType0:
        """A UpdateScheduledTaskRequestMetadataType0 from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_update_scheduled_task_request_metadata_type_0, d)


_FIELDS = frozenset(())


def parse_update_scheduled_task_request_metadata_type_0(
    d: Any,
) -> UpdateScheduledTaskRequestMetadataType0:
    """A UpdateScheduledTaskRequestMetadataType0 from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(UpdateScheduledTaskRequestMetadataType0, _FIELDS, d)


def parse_update_scheduled_task_request_metadata_type_0_list(
    items: Any,
) -> tuple[UpdateScheduledTaskRequestMetadataType0, ...]:
    """`parse_update_scheduled_task_request_metadata_type_0` over a decoded JSON list."""
    return flat_results(UpdateScheduledTaskRequestMetadataType0, _FIELDS, items)
