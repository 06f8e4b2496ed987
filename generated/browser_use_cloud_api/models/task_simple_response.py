from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status_enum import TaskStatusEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_simple_response_metadata_type_0 import TaskSimpleResponseMetadataType0


T = TypeVar("T", bound="TaskSimpleResponse")


@_attrs_define
class TaskSimpleResponse:
    """The summary of a task shown in lists.

    Attributes:
        id (str):
        task (str):
        output (None | str):
        status (TaskStatusEnum): Lifecycle of a task: created (queued), running, paused (waiting to be resumed), then
            one of finished (succeeded), stopped (ended by the user) or failed (ended by an error).
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None | Unset):
        live_url (None | str | Unset):
        metadata (None | TaskSimpleResponseMetadataType0 | Unset):
    """

    id: str
    task: str
    output: None | str
    status: TaskStatusEnum
    created_at: datetime.datetime
    finished_at: datetime.datetime | None | Unset = UNSET
    live_url: None | str | Unset = UNSET
    metadata: None | TaskSimpleResponseMetadataType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.task_simple_response_metadata_type_0 import TaskSimpleResponseMetadataType0  # noqa: PLC0415

        id = self.id

        task = self.task

        output: None | str
        output = self.output

        status = self.status.value

        created_at = self.created_at.isoformat()

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        live_url: None | str | Unset
        if isinstance(self.live_url, Unset):
            live_url = UNSET
        else:
            live_url = self.live_url

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, TaskSimpleResponseMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "task": task,
                "output": output,
                "status": status,
                "created_at": created_at,
            }
        )
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if live_url is not UNSET:
            field_dict["live_url"] = live_url
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_simple_response_metadata_type_0 import TaskSimpleResponseMetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        task = d.pop("task")

        def _parse_output(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        output = _parse_output(d.pop("output"))

        status = TaskStatusEnum(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_live_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        live_url = _parse_live_url(d.pop("live_url", UNSET))

        def _parse_metadata(data: object) -> None | TaskSimpleResponseMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = TaskSimpleResponseMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskSimpleResponseMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        task_simple_response = cls(
            id=id,
            task=task,
            output=output,
            status=status,
            created_at=created_at,
            finished_at=finished_at,
            live_url=live_url,
            metadata=metadata,
        )

        task_simple_response.additional_properties = d
        return task_simple_response

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
