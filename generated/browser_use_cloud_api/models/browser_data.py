from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import RAW, JsonModel, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class BrowserData(JsonModel):
    """Browser data kept from a task run with `save_browser_data`.

    Attributes:
        cookies: Cookies as the browser stored them.
    """

    cookies: tuple[Mapping[str, Any], ...]
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> BrowserData:
        """A BrowserData from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_browser_data, d)


def parse_browser_data(d: Any) -> BrowserData:
    """A BrowserData from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    result = _new(BrowserData)
    _setattr(
        result,
        "__dict__",
        {
            "cookies": tuple(d["cookies"]),
            "raw": d,
        },
    )
    return result


def parse_browser_data_list(items: Any) -> tuple[BrowserData, ...]:
    """`parse_browser_data` over a decoded JSON list."""
    parse = parse_browser_data
    return tuple([parse(item) for item in items])
