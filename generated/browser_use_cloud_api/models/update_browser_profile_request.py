from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ..models.proxy_country_code import ProxyCountryCode
from ..types import RAW, JsonModel, read_model

_new = object.__new__
_setattr = object.__setattr__
_ProxyCountryCode_members = ProxyCountryCode._value2member_map_


@attrs.frozen(kw_only=True, slots=False)
class UpdateBrowserProfileRequest(JsonModel):
    """Fields to change on a browser profile; omitted fields are left alone.

    Attributes:
        profile_name: A name for the profile.
        persist: Keep cookies and storage between the tasks that use this profile.
        ad_blocker: Block ads.
        proxy: Route traffic through a residential proxy.
        proxy_country_code: Country the proxy exits from.
        browser_viewport_width: Viewport width in pixels.
        browser_viewport_height: Viewport height in pixels.
    """

    profile_name: str | None = None
    description: str | None = None
    persist: bool | None = None
    ad_blocker: bool | None = None
    proxy: bool | None = None
    proxy_country_code: ProxyCountryCode | None = None
    browser_viewport_width: int | None = None
    browser_viewport_height: int | None = None
    raw: Mapping[str, Any] | None = RAW

    _REQUIRED: ClassVar[frozenset[str]] = frozenset(())

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> UpdateBrowserProfileRequest:
        """A UpdateBrowserProfileRequest from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_update_browser_profile_request, d)


def parse_update_browser_profile_request(d: Any) -> UpdateBrowserProfileRequest:
    """A UpdateBrowserProfileRequest from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    get = d.get
    proxy_country_code = get("proxy_country_code")
    result = _new(UpdateBrowserProfileRequest)
    _setattr(
        result,
        "__dict__",
        {
            "profile_name": get("profile_name"),
            "description": get("description"),
            "persist": get("persist"),
            "ad_blocker": get("ad_blocker"),
            "proxy": get("proxy"),
            "proxy_country_code": None
            if proxy_country_code is None
            else _ProxyCountryCode_members.get(proxy_country_code)
            or ProxyCountryCode(proxy_country_code),
            "browser_viewport_width": get("browser_viewport_width"),
            "browser_viewport_height": get("browser_viewport_height"),
            "raw": d,
        },
    )
    return result


def parse_update_browser_profile_request_list(
    items: Any,
) -> tuple[UpdateBrowserProfileRequest, ...]:
    """`parse_update_browser_profile_request` over a decoded JSON list."""
    parse = parse_update_browser_profile_request
    return tuple([parse(item) for item in items])
