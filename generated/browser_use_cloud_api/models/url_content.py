from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class UrlContent(FlatModel):
    """A page the agent read and the text it took from it."""

    url: str
    content: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> UrlContent:
        """A UrlContent from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_url_content, d)


_FIELDS = frozenset(
    (
        "url",
        "content",
    )
)


def parse_url_content(d: Any) -> UrlContent:
    """A UrlContent from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(UrlContent, _FIELDS, d)


def parse_url_content_list(items: Any) -> tuple[UrlContent, ...]:
    """`parse_url_content` over a decoded JSON list."""
    return flat_results(UrlContent, _FIELDS, items)
