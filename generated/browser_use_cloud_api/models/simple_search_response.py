from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..models.url_content import UrlContent
from ..types import RAW, JsonModel, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class SimpleSearchResponse(JsonModel):
    """The pages the search agent read."""

    results: tuple[UrlContent, ...]
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SimpleSearchResponse:
        """A SimpleSearchResponse from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, cls._parse, d)

    @classmethod
    def _parse(cls, d: Any) -> SimpleSearchResponse:
        """A SimpleSearchResponse from its decoded JSON object, kept as `raw` (no copy)."""
        result = _new(cls)
        _setattr(
            result,
            "__dict__",
            {
                "results": UrlContent._parse_many(d["results"]),
                "raw": d,
            },
        )
        return result

    @classmethod
    def _parse_many(cls, items: Any) -> tuple[SimpleSearchResponse, ...]:
        """`_parse` over a decoded JSON list."""
        parse = cls._parse
        return tuple([parse(item) for item in items])
