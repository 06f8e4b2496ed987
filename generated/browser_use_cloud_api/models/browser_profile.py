from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..models.proxy_country_code import ProxyCountryCode
from ..types import RAW, JsonModel, read_model

_new = object.__new__
_setattr = object.__setattr__
_ProxyCountryCode_members = ProxyCountryCode._value2member_map_


@attrs.frozen(kw_only=True, slots=False)
class BrowserProfile(JsonModel):
    """A browser profile and its settings.

    Attributes:
        proxy_country_code: Countries the residential proxy can exit from.
    """

    profile_id: str
    profile_name: str
    description: str
    persist: bool
    ad_blocker: bool
    proxy: bool
    proxy_country_code: ProxyCountryCode
    browser_viewport_width: int
    browser_viewport_height: int
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> BrowserProfile:
        """A BrowserProfile from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_browser_profile, d)


def parse_browser_profile(d: Any) -> BrowserProfile:
    """A BrowserProfile from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    result = _new(BrowserProfile)
    _setattr(
        result,
        "__dict__",
        {
            "profile_id": d["profile_id"],
            "profile_name": d["profile_name"],
            "description": d["description"],
            "persist": d["persist"],
            "ad_blocker": d["ad_blocker"],
            "proxy": d["proxy"],
            "proxy_country_code": _ProxyCountryCode_members.get(d["proxy_country_code"])
            or ProxyCountryCode(d["proxy_country_code"]),
            "browser_viewport_width": d["browser_viewport_width"],
            "browser_viewport_height": d["browser_viewport_height"],
            "raw": d,
        },
    )
    return result


def parse_browser_profile_list(items: Any) -> tuple[BrowserProfile, ...]:
    """`parse_browser_profile` over a decoded JSON list."""
    parse = parse_browser_profile
    return tuple([parse(item) for item in items])
