from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class BrowserDataCookiesItem(FlatModel):
    """BrowserDataCookiesItem"""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> BrowserDataCookiesItem:
        """A BrowserDataCookiesItem from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_browser_data_cookies_item, d)


_FIELDS = frozenset(())


def parse_browser_data_cookies_item(d: Any) -> BrowserDataCookiesItem:
    """A BrowserDataCookiesItem from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(BrowserDataCookiesItem, _FIELDS, d)


def parse_browser_data_cookies_item_list(items: Any) -> tuple[BrowserDataCookiesItem, ...]:
    """`parse_browser_data_cookies_item` over a decoded JSON list."""
    return flat_results(BrowserDataCookiesItem, _FIELDS, items)
