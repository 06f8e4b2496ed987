from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proxy_country_code import ProxyCountryCode

T = TypeVar("T", bound="GetBrowserProfileResponse")


@_attrs_define
class GetBrowserProfileResponse:
    """A browser profile and its settings.

    Attributes:
        profile_id (str):
        profile_name (str):
        description (str):
        persist (bool):
        ad_blocker (bool):
        proxy (bool):
        proxy_country_code (ProxyCountryCode): Countries the residential proxy can exit from.
        browser_viewport_width (int):
        browser_viewport_height (int):
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        profile_id = self.profile_id

        profile_name = self.profile_name

        description = self.description

        persist = self.persist

        ad_blocker = self.ad_blocker

        proxy = self.proxy

        proxy_country_code = self.proxy_country_code.value

        browser_viewport_width = self.browser_viewport_width

        browser_viewport_height = self.browser_viewport_height

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "profile_id": profile_id,
                "profile_name": profile_name,
                "description": description,
                "persist": persist,
                "ad_blocker": ad_blocker,
                "proxy": proxy,
                "proxy_country_code": proxy_country_code,
                "browser_viewport_width": browser_viewport_width,
                "browser_viewport_height": browser_viewport_height,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        profile_id = d.pop("profile_id")

        profile_name = d.pop("profile_name")

        description = d.pop("description")

        persist = d.pop("persist")

        ad_blocker = d.pop("ad_blocker")

        proxy = d.pop("proxy")

        proxy_country_code = ProxyCountryCode(d.pop("proxy_country_code"))

        browser_viewport_width = d.pop("browser_viewport_width")

        browser_viewport_height = d.pop("browser_viewport_height")

        get_browser_profile_response = cls(
            profile_id=profile_id,
            profile_name=profile_name,
            description=description,
            persist=persist,
            ad_blocker=ad_blocker,
            proxy=proxy,
            proxy_country_code=proxy_country_code,
            browser_viewport_width=browser_viewport_width,
            browser_viewport_height=browser_viewport_height,
        )

        get_browser_profile_response.additional_properties = d
        return get_browser_profile_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
