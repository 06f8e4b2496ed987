from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SimpleSearchRequest")


@_attrs_define
class SimpleSearchRequest:
    """A web search query and how widely to search.

    Attributes:
        query (str): What to search for.
        max_websites (int | Unset): How many sites to read, from 1 to 10. Default: 5.
        depth (int | Unset): How many steps the agent may spend per site, from 2 to 5. Default: 2.
    """

    query: str
    max_websites: int | Unset = 5
    depth: int | Unset = 2
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query = self.query

        max_websites = self.max_websites

        depth = self.depth

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "query": query,
            }
        )
        if max_websites is not UNSET:
            field_dict["max_websites"] = max_websites
        if depth is not UNSET:
            field_dict["depth"] = depth

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        query = d.pop("query")

        max_websites = d.pop("max_websites", UNSET)

        depth = d.pop("depth", UNSET)

        simple_search_request = cls(
            query=query,
            max_websites=max_websites,
            depth=depth,
        )

        simple_search_request.additional_properties = d
        return simple_search_request

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
