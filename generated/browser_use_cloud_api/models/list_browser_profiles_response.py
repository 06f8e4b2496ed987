from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.get_browser_profile_response import GetBrowserProfileResponse


T = TypeVar("T", bound="ListBrowserProfilesResponse")


@_attrs_define
class ListBrowserProfilesResponse:
    """One page of browser profiles.

    Attributes:
        profiles (list[GetBrowserProfileResponse]):
        total_pages (int): Number of pages at this page size.
        page (int): This page's number, from 1.
        limit (int): Page size.
        total_count (int): Number of items on all pages.
    """

    profiles: list[GetBrowserProfileResponse]
    total_pages: int
    page: int
    limit: int
    total_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        profiles = []
        for profiles_item_data in self.profiles:
            profiles_item = profiles_item_data.to_dict()
            profiles.append(profiles_item)

        total_pages = self.total_pages

        page = self.page

        limit = self.limit

        total_count = self.total_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "profiles": profiles,
                "total_pages": total_pages,
                "page": page,
                "limit": limit,
                "total_count": total_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_browser_profile_response import GetBrowserProfileResponse  # noqa: PLC0415

        d = dict(src_dict)
        profiles = []
        _profiles = d.pop("profiles")
        for profiles_item_data in _profiles:
            profiles_item = GetBrowserProfileResponse.from_dict(profiles_item_data)

            profiles.append(profiles_item)

        total_pages = d.pop("total_pages")

        page = d.pop("page")

        limit = d.pop("limit")

        total_count = d.pop("total_count")

        list_browser_profiles_response = cls(
            profiles=profiles,
            total_pages=total_pages,
            page=page,
            limit=limit,
            total_count=total_count,
        )

        list_browser_profiles_response.additional_properties = d
        return list_browser_profiles_response

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
