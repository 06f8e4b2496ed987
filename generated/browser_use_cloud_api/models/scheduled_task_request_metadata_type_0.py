from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class ScheduledTaskRequestMetadataType0(FlatModel):
    """ScheduledTaskRequestMetadataType0"""

    _FIELDS: ClassVar[frozenset[str]] = frozenset(())

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ScheduledTaskRequestMetadataType0:
        """A ScheduledTaskRequestMetadataType0 from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, cls._parse, d)

    @classmethod
    def _parse(cls, d: Any) -> ScheduledTaskRequestMetadataType0:
        """A ScheduledTaskRequestMetadataType0 from its decoded JSON object, kept as `raw` (no copy)."""
        return flat_result(cls, cls._FIELDS, d)

    @classmethod
    def _parse_many(cls, items: Any) -> tuple[ScheduledTaskRequestMetadataType0, ...]:
        """`_parse` over a decoded JSON list."""
        return flat_results(cls, cls._FIELDS, items)
