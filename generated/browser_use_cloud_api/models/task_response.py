from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status_enum import TaskStatusEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_browser_data_response import TaskBrowserDataResponse
    from ..models.task_response_metadata_type_0 import TaskResponseMetadataType0
    from ..models.task_step_response import TaskStepResponse


T = TypeVar("T", bound="TaskResponse")


@_attrs_define
class TaskResponse:
    """Everything known about a task.

    Attributes:
        id (str):
        task (str):
        output (None | str): The final answer once the task has ended; a JSON string when structured output was asked
            for.
        status (TaskStatusEnum): Lifecycle of a task: created (queued), running, paused (waiting to be resumed), then
            one of finished (succeeded), stopped (ended by the user) or failed (ended by an error).
        created_at (datetime.datetime):
        steps (list[TaskStepResponse]): The steps taken so far, in order.
        live_url (None | str | Unset): A page showing the browser live while the task runs; it can be embedded in an
            iframe and lets a person take control.
        finished_at (datetime.datetime | None | Unset): When the task ended.
        browser_data (None | TaskBrowserDataResponse | Unset): Cookies from the session, when save_browser_data was set.
        user_uploaded_files (list[str] | None | Unset): Names of uploaded files the task was given.
        output_files (list[str] | None | Unset): Names of files the task produced; fetch them with the output-file
            operation.
        public_share_url (None | str | Unset): Public link to watch the task, when enable_public_share was set.
        metadata (None | TaskResponseMetadataType0 | Unset): The metadata given when the task was created.
    """

    id: str
    task: str
    output: None | str
    status: TaskStatusEnum
    created_at: datetime.datetime
    steps: list[TaskStepResponse]
    live_url: None | str | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    browser_data: None | TaskBrowserDataResponse | Unset = UNSET
    user_uploaded_files: list[str] | None | Unset = UNSET
    output_files: list[str] | None | Unset = UNSET
    public_share_url: None | str | Unset = UNSET
    metadata: None | TaskResponseMetadataType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.task_browser_data_response import TaskBrowserDataResponse  # noqa: PLC0415
        from ..models.task_response_metadata_type_0 import TaskResponseMetadataType0  # noqa: PLC0415

        id = self.id

        task = self.task

        output: None | str
        output = self.output

        status = self.status.value

        created_at = self.created_at.isoformat()

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        live_url: None | str | Unset
        if isinstance(self.live_url, Unset):
            live_url = UNSET
        else:
            live_url = self.live_url

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        browser_data: dict[str, Any] | None | Unset
        if isinstance(self.browser_data, Unset):
            browser_data = UNSET
        elif isinstance(self.browser_data, TaskBrowserDataResponse):
            browser_data = self.browser_data.to_dict()
        else:
            browser_data = self.browser_data

        user_uploaded_files: list[str] | None | Unset
        if isinstance(self.user_uploaded_files, Unset):
            user_uploaded_files = UNSET
        elif isinstance(self.user_uploaded_files, list):
            user_uploaded_files = self.user_uploaded_files

        else:
            user_uploaded_files = self.user_uploaded_files

        output_files: list[str] | None | Unset
        if isinstance(self.output_files, Unset):
            output_files = UNSET
        elif isinstance(self.output_files, list):
            output_files = self.output_files

        else:
            output_files = self.output_files

        public_share_url: None | str | Unset
        if isinstance(self.public_share_url, Unset):
            public_share_url = UNSET
        else:
            public_share_url = self.public_share_url

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, TaskResponseMetadataType0):
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
                "steps": steps,
            }
        )
        if live_url is not UNSET:
            field_dict["live_url"] = live_url
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if browser_data is not UNSET:
            field_dict["browser_data"] = browser_data
        if user_uploaded_files is not UNSET:
            field_dict["user_uploaded_files"] = user_uploaded_files
        if output_files is not UNSET:
            field_dict["output_files"] = output_files
        if public_share_url is not UNSET:
            field_dict["public_share_url"] = public_share_url
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_browser_data_response import TaskBrowserDataResponse  # noqa: PLC0415
        from ..models.task_response_metadata_type_0 import TaskResponseMetadataType0  # noqa: PLC0415
        from ..models.task_step_response import TaskStepResponse  # noqa: PLC0415

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

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = TaskStepResponse.from_dict(steps_item_data)

            steps.append(steps_item)

        def _parse_live_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        live_url = _parse_live_url(d.pop("live_url", UNSET))

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

        def _parse_browser_data(data: object) -> None | TaskBrowserDataResponse | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                browser_data_type_0 = TaskBrowserDataResponse.from_dict(data)

                return browser_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskBrowserDataResponse | Unset, data)

        browser_data = _parse_browser_data(d.pop("browser_data", UNSET))

        def _parse_user_uploaded_files(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                user_uploaded_files_type_0 = cast(list[str], data)

                return user_uploaded_files_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        user_uploaded_files = _parse_user_uploaded_files(d.pop("user_uploaded_files", UNSET))

        def _parse_output_files(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                output_files_type_0 = cast(list[str], data)

                return output_files_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        output_files = _parse_output_files(d.pop("output_files", UNSET))

        def _parse_public_share_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        public_share_url = _parse_public_share_url(d.pop("public_share_url", UNSET))

        def _parse_metadata(data: object) -> None | TaskResponseMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = TaskResponseMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskResponseMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        task_response = cls(
            id=id,
            task=task,
            output=output,
            status=status,
            created_at=created_at,
            steps=steps,
            live_url=live_url,
            finished_at=finished_at,
            browser_data=browser_data,
            user_uploaded_files=user_uploaded_files,
            output_files=output_files,
            public_share_url=public_share_url,
            metadata=metadata,
        )

        task_response.additional_properties = d
        return task_response

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
