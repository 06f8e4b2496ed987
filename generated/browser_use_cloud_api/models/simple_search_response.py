from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..models.url_content import UrlContent, parse_url_content_list
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
        return read_model(cls, parse_simple_search_response, d)


def parse_simple_search_response(d: Any) -> SimpleSearchResponse:
    """A SimpleSearchResponse from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    result = _new(SimpleSearchResponse)
    _setattr(
        result,
        "__dict__",
        {
            "results": parse_url_content_list(d["results"]),
            "raw": d,
        },
    )
    return result


def parse_simple_search_response_list(items: Any) -> tuple[SimpleSearchResponse, ...]:
    """`parse_simple_search_response` over a decoded JSON list."""
    parse = parse_simple_search_response
    return tuple([parse(item) for item in items])
