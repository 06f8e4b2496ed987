from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proxy_country_code import ProxyCountryCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateBrowserProfileRequest")


@_attrs_define
class CreateBrowserProfileRequest:
    """Settings for a new browser profile; every field but the name has a default.

    Attributes:
        profile_name (str): A name for the profile.
        description (str | Unset):  Default: ''.
        persist (bool | Unset): Keep cookies and storage between the tasks that use this profile. Default: True.
        ad_blocker (bool | Unset): Block ads. Default: True.
        proxy (bool | Unset): Route traffic through a residential proxy. Default: True.
        proxy_country_code (ProxyCountryCode | Unset): Countries the residential proxy can exit from.
        browser_viewport_width (int | Unset): Viewport width in pixels. Default: 1280.
        browser_viewport_height (int | Unset): Viewport height in pixels. Default: 960.
    """

    profile_name: str
    description: str | Unset = ""
    persist: bool | Unset = True
    ad_blocker: bool | Unset = True
    proxy: bool | Unset = True
    proxy_country_code: ProxyCountryCode | Unset = UNSET
    browser_viewport_width: int | Unset = 1280
    browser_viewport_height: int | Unset = 960
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        profile_name = self.profile_name

        description = self.description

        persist = self.persist

        ad_blocker = self.ad_blocker

        proxy = self.proxy

        proxy_country_code: str | Unset = UNSET
        if not isinstance(self.proxy_country_code, Unset):
            proxy_country_code = self.proxy_country_code.value

        browser_viewport_width = self.browser_viewport_width

        browser_viewport_height = self.browser_viewport_height

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "profile_name": profile_name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if persist is not UNSET:
            field_dict["persist"] = persist
        if ad_blocker is not UNSET:
            field_dict["ad_blocker"] = ad_blocker
        if proxy is not UNSET:
            field_dict["proxy"] = proxy
        if proxy_country_code is not UNSET:
            field_dict["proxy_country_code"] = proxy_country_code
        if browser_viewport_width is not UNSET:
            field_dict["browser_viewport_width"] = browser_viewport_width
        if browser_viewport_height is not UNSET:
            field_dict["browser_viewport_height"] = browser_viewport_height

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        profile_name = d.pop("profile_name")

        description = d.pop("description", UNSET)

        persist = d.pop("persist", UNSET)

        ad_blocker = d.pop("ad_blocker", UNSET)

        proxy = d.pop("proxy", UNSET)

        _proxy_country_code = d.pop("proxy_country_code", UNSET)
        proxy_country_code: ProxyCountryCode | Unset
        if isinstance(_proxy_country_code, Unset):
            proxy_country_code = UNSET
        else:
            proxy_country_code = ProxyCountryCode(_proxy_country_code)

        browser_viewport_width = d.pop("browser_viewport_width", UNSET)

        browser_viewport_height = d.pop("browser_viewport_height", UNSET)

        create_browser_profile_request = cls(
            profile_name=profile_name,
            description=description,
            persist=persist,
            ad_blocker=ad_blocker,
            proxy=proxy,
            proxy_country_code=proxy_country_code,
            browser_viewport_width=browser_viewport_width,
            browser_viewport_height=browser_viewport_height,
        )

        create_browser_profile_request.additional_properties = d
        return create_browser_profile_request

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
