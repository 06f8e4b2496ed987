from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.task_simple_response import TaskSimpleResponse


T = TypeVar("T", bound="ListTasksResponse")


@_attrs_define
class ListTasksResponse:
    """One page of tasks, newest first, with paging counters.

    Attributes:
        tasks (list[TaskSimpleResponse]):
        total_pages (int): Number of pages at this page size.
        page (int): This page's number, from 1.
        limit (int): Page size.
        total_count (int): Number of items on all pages.
    """

    tasks: list[TaskSimpleResponse]
    total_pages: int
    page: int
    limit: int
    total_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tasks = []
        for tasks_item_data in self.tasks:
            tasks_item = tasks_item_data.to_dict()
            tasks.append(tasks_item)

        total_pages = self.total_pages

        page = self.page

        limit = self.limit

        total_count = self.total_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tasks": tasks,
                "total_pages": total_pages,
                "page": page,
                "limit": limit,
                "total_count": total_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_simple_response import TaskSimpleResponse  # noqa: PLC0415

        d = dict(src_dict)
        tasks = []
        _tasks = d.pop("tasks")
        for tasks_item_data in _tasks:
            tasks_item = TaskSimpleResponse.from_dict(tasks_item_data)

            tasks.append(tasks_item)

        total_pages = d.pop("total_pages")

        page = d.pop("page")

        limit = d.pop("limit")

        total_count = d.pop("total_count")

        list_tasks_response = cls(
            tasks=tasks,
            total_pages=total_pages,
            page=page,
            limit=limit,
            total_count=total_count,
        )

        list_tasks_response.additional_properties = d
        return list_tasks_response

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
