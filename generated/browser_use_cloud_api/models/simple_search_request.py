from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class SimpleSearchRequest(FlatModel):
    """A web search query and how widely to search.

    Attributes:
        query: What to search for.
        max_websites: How many sites to read, from 1 to 10.
        depth: How many steps the agent may spend per site, from 2 to 5.
    """

    query: str
    max_websites: int | None = None
    depth: int | None = None

    _REQUIRED: ClassVar[frozenset[str]] = frozenset(("query",))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SimpleSearchRequest:
        """A SimpleSearchRequest from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_simple_search_request, d)


_FIELDS = frozenset(
    (
        "query",
        "max_websites",
        "depth",
    )
)


def parse_simple_search_request(d: Any) -> SimpleSearchRequest:
    """A SimpleSearchRequest from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(SimpleSearchRequest, _FIELDS, d)


def parse_simple_search_request_list(items: Any) -> tuple[SimpleSearchRequest, ...]:
    """`parse_simple_search_request` over a decoded JSON list."""
    return flat_results(SimpleSearchRequest, _FIELDS, items)
