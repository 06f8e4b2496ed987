from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class TaskOutputFileResponse(FlatModel):
    """A presigned download URL for one output file.

    Attributes:
        download_url: Presigned URL to GET the file from; it expires.
    """

    download_url: str
    _FIELDS: ClassVar[frozenset[str]] = frozenset(("download_url",))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskOutputFileResponse:
        """A TaskOutputFileResponse from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, cls._parse, d)

    @classmethod
    def _parse(cls, d: Any) -> TaskOutputFileResponse:
        """A TaskOutputFileResponse from its decoded JSON object, kept as `raw` (no copy)."""
        return flat_result(cls, cls._FIELDS, d)

    @classmethod
    def _parse_many(cls, items: Any) -> tuple[TaskOutputFileResponse, ...]:
        """`_parse` over a decoded JSON list."""
        return flat_results(cls, cls._FIELDS, items)
