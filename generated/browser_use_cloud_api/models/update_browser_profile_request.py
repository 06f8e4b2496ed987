from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proxy_country_code import ProxyCountryCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateBrowserProfileRequest")


@_attrs_define
class UpdateBrowserProfileRequest:
    """Fields to change on a browser profile; omitted fields are left alone.

    Attributes:
        profile_name (None | str | Unset): A name for the profile.
        description (None | str | Unset):
        persist (bool | None | Unset): Keep cookies and storage between the tasks that use this profile.
        ad_blocker (bool | None | Unset): Block ads.
        proxy (bool | None | Unset): Route traffic through a residential proxy.
        proxy_country_code (None | ProxyCountryCode | Unset): Country the proxy exits from.
        browser_viewport_width (int | None | Unset): Viewport width in pixels.
        browser_viewport_height (int | None | Unset): Viewport height in pixels.
    """

    profile_name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    persist: bool | None | Unset = UNSET
    ad_blocker: bool | None | Unset = UNSET
    proxy: bool | None | Unset = UNSET
    proxy_country_code: None | ProxyCountryCode | Unset = UNSET
    browser_viewport_width: int | None | Unset = UNSET
    browser_viewport_height: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        profile_name: None | str | Unset
        if isinstance(self.profile_name, Unset):
            profile_name = UNSET
        else:
            profile_name = self.profile_name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        persist: bool | None | Unset
        if isinstance(self.persist, Unset):
            persist = UNSET
        else:
            persist = self.persist

        ad_blocker: bool | None | Unset
        if isinstance(self.ad_blocker, Unset):
            ad_blocker = UNSET
        else:
            ad_blocker = self.ad_blocker

        proxy: bool | None | Unset
        if isinstance(self.proxy, Unset):
            proxy = UNSET
        else:
            proxy = self.proxy

        proxy_country_code: None | str | Unset
        if isinstance(self.proxy_country_code, Unset):
            proxy_country_code = UNSET
        elif isinstance(self.proxy_country_code, ProxyCountryCode):
            proxy_country_code = self.proxy_country_code.value
        else:
            proxy_country_code = self.proxy_country_code

        browser_viewport_width: int | None | Unset
        if isinstance(self.browser_viewport_width, Unset):
            browser_viewport_width = UNSET
        else:
            browser_viewport_width = self.browser_viewport_width

        browser_viewport_height: int | None | Unset
        if isinstance(self.browser_viewport_height, Unset):
            browser_viewport_height = UNSET
        else:
            browser_viewport_height = self.browser_viewport_height

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if profile_name is not UNSET:
            field_dict["profile_name"] = profile_name
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

        def _parse_profile_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        profile_name = _parse_profile_name(d.pop("profile_name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_persist(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        persist = _parse_persist(d.pop("persist", UNSET))

        def _parse_ad_blocker(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        ad_blocker = _parse_ad_blocker(d.pop("ad_blocker", UNSET))

        def _parse_proxy(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        proxy = _parse_proxy(d.pop("proxy", UNSET))

        def _parse_proxy_country_code(data: object) -> None | ProxyCountryCode | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proxy_country_code_type_0 = ProxyCountryCode(data)

                return proxy_country_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProxyCountryCode | Unset, data)

        proxy_country_code = _parse_proxy_country_code(d.pop("proxy_country_code", UNSET))

        def _parse_browser_viewport_width(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        browser_viewport_width = _parse_browser_viewport_width(
            d.pop("browser_viewport_width", UNSET)
        )

        def _parse_browser_viewport_height(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        browser_viewport_height = _parse_browser_viewport_height(
            d.pop("browser_viewport_height", UNSET)
        )

        update_browser_profile_request = cls(
            profile_name=profile_name,
            description=description,
            persist=persist,
            ad_blocker=ad_blocker,
            proxy=proxy,
            proxy_country_code=proxy_country_code,
            browser_viewport_width=browser_viewport_width,
            browser_viewport_height=browser_viewport_height,
        )

        update_browser_profile_request.additional_properties = d
        return update_browser_profile_request

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
