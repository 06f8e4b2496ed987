from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.task_browser_data_response_cookies_item import TaskBrowserDataResponseCookiesItem


T = TypeVar("T", bound="TaskBrowserDataResponse")


@_attrs_define
class TaskBrowserDataResponse:
    """Browser data kept from a task run with `save_browser_data`.

    Attributes:
        cookies (list[TaskBrowserDataResponseCookiesItem]): Cookies as the browser stored them.
    """

    cookies: list[TaskBrowserDataResponseCookiesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cookies = []
        for cookies_item_data in self.cookies:
            cookies_item = cookies_item_data.to_dict()
            cookies.append(cookies_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cookies": cookies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_browser_data_response_cookies_item import (
            TaskBrowserDataResponseCookiesItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        cookies = []
        _cookies = d.pop("cookies")
        for cookies_item_data in _cookies:
            cookies_item = TaskBrowserDataResponseCookiesItem.from_dict(cookies_item_data)

            cookies.append(cookies_item)

        task_browser_data_response = cls(
            cookies=cookies,
        )

        task_browser_data_response.additional_properties = d
        return task_browser_data_response

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
