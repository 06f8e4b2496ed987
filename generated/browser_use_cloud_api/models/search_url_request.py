from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class SearchUrlRequest(FlatModel):
    """A query to answer from one URL.

    Attributes:
        query: What to look for.
        url: The page to search.
        depth: How many steps the agent may spend, from 2 to 5.
    """

    query: str
    url: str
    depth: int | None = None

    _REQUIRED: ClassVar[frozenset[str]] = frozenset(
        (
            "query",
            "url",
        )
    )

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SearchUrlRequest:
        """A SearchUrlRequest from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_search_url_request, d)


_FIELDS = frozenset(
    (
        "query",
        "url",
        "depth",
    )
)


def parse_search_url_request(d: Any) -> SearchUrlRequest:
    """A SearchUrlRequest from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(SearchUrlRequest, _FIELDS, d)


def parse_search_url_request_list(items: Any) -> tuple[SearchUrlRequest, ...]:
    """`parse_search_url_request` over a decoded JSON list."""
    return flat_results(SearchUrlRequest, _FIELDS, items)
