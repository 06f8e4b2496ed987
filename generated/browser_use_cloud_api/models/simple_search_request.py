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
    _FIELDS: ClassVar[frozenset[str]] = frozenset(
        (
            "query",
            "max_websites",
            "depth",
        )
    )

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SimpleSearchRequest:
        """A SimpleSearchRequest from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, cls._parse, d)

    @classmethod
    def _parse(cls, d: Any) -> SimpleSearchRequest:
        """A SimpleSearchRequest from its decoded JSON object, kept as `raw` (no copy)."""
        return flat_result(cls, cls._FIELDS, d)

    @classmethod
    def _parse_many(cls, items: Any) -> tuple[SimpleSearchRequest, ...]:
        """`_parse` over a decoded JSON list."""
        return flat_results(cls, cls._FIELDS, items)
