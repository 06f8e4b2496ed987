from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.llm_model import LLMModel
from ..models.schedule_type import ScheduleType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.update_scheduled_task_request_metadata_type_0 import (
        UpdateScheduledTaskRequestMetadataType0,
    )


T = TypeVar("T", bound="UpdateScheduledTaskRequest")


@_attrs_define
class UpdateScheduledTaskRequest:
    """Fields to change on a scheduled task; omitted fields are left alone.

    Attributes:
        task (None | str | Unset): New instructions for the agent.
        schedule_type (None | ScheduleType | Unset): interval or cron.
        interval_minutes (int | None | Unset): Minutes between runs; needed for interval schedules, at least 1.
        cron_expression (None | str | Unset): Five-field cron expression; needed for cron schedules.
        start_at (datetime.datetime | None | Unset): First moment a run may start; now when unset.
        end_at (datetime.datetime | None | Unset): No runs after this moment; one year after the start when unset.
        is_active (bool | None | Unset): Whether the schedule starts runs.
        use_adblock (bool | None | Unset): Block ads; overrides the profile's setting.
        use_proxy (bool | None | Unset): Route traffic through a residential proxy, which captcha solving needs;
            overrides the profile's setting.
        highlight_elements (bool | None | Unset): Draw outlines around the page elements the agent considers.
        llm_model (LLMModel | None | Unset): Model the agent runs on; the service picks its default when unset.
        save_browser_data (bool | None | Unset): Keep the session's cookies and return them in the task's browser_data.
        structured_output_json (None | str | Unset): A JSON Schema, serialised as a string, that the final output must
            follow.
        metadata (None | Unset | UpdateScheduledTaskRequestMetadataType0): Your own string tags for the task, returned
            with it and in webhooks: at most 10 pairs, keys of 1 to 100 characters, values of at most 1000.
    """

    task: None | str | Unset = UNSET
    schedule_type: None | ScheduleType | Unset = UNSET
    interval_minutes: int | None | Unset = UNSET
    cron_expression: None | str | Unset = UNSET
    start_at: datetime.datetime | None | Unset = UNSET
    end_at: datetime.datetime | None | Unset = UNSET
    is_active: bool | None | Unset = UNSET
    use_adblock: bool | None | Unset = UNSET
    use_proxy: bool | None | Unset = UNSET
    highlight_elements: bool | None | Unset = UNSET
    llm_model: LLMModel | None | Unset = UNSET
    save_browser_data: bool | None | Unset = UNSET
    structured_output_json: None | str | Unset = UNSET
    metadata: None | Unset | UpdateScheduledTaskRequestMetadataType0 = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.update_scheduled_task_request_metadata_type_0 import (
            UpdateScheduledTaskRequestMetadataType0,  # noqa: PLC0415
        )

        task: None | str | Unset
        if isinstance(self.task, Unset):
            task = UNSET
        else:
            task = self.task

        schedule_type: None | str | Unset
        if isinstance(self.schedule_type, Unset):
            schedule_type = UNSET
        elif isinstance(self.schedule_type, ScheduleType):
            schedule_type = self.schedule_type.value
        else:
            schedule_type = self.schedule_type

        interval_minutes: int | None | Unset
        if isinstance(self.interval_minutes, Unset):
            interval_minutes = UNSET
        else:
            interval_minutes = self.interval_minutes

        cron_expression: None | str | Unset
        if isinstance(self.cron_expression, Unset):
            cron_expression = UNSET
        else:
            cron_expression = self.cron_expression

        start_at: None | str | Unset
        if isinstance(self.start_at, Unset):
            start_at = UNSET
        elif isinstance(self.start_at, datetime.datetime):
            start_at = self.start_at.isoformat()
        else:
            start_at = self.start_at

        end_at: None | str | Unset
        if isinstance(self.end_at, Unset):
            end_at = UNSET
        elif isinstance(self.end_at, datetime.datetime):
            end_at = self.end_at.isoformat()
        else:
            end_at = self.end_at

        is_active: bool | None | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        use_adblock: bool | None | Unset
        if isinstance(self.use_adblock, Unset):
            use_adblock = UNSET
        else:
            use_adblock = self.use_adblock

        use_proxy: bool | None | Unset
        if isinstance(self.use_proxy, Unset):
            use_proxy = UNSET
        else:
            use_proxy = self.use_proxy

        highlight_elements: bool | None | Unset
        if isinstance(self.highlight_elements, Unset):
            highlight_elements = UNSET
        else:
            highlight_elements = self.highlight_elements

        llm_model: None | str | Unset
        if isinstance(self.llm_model, Unset):
            llm_model = UNSET
        elif isinstance(self.llm_model, LLMModel):
            llm_model = self.llm_model.value
        else:
            llm_model = self.llm_model

        save_browser_data: bool | None | Unset
        if isinstance(self.save_browser_data, Unset):
            save_browser_data = UNSET
        else:
            save_browser_data = self.save_browser_data

        structured_output_json: None | str | Unset
        if isinstance(self.structured_output_json, Unset):
            structured_output_json = UNSET
        else:
            structured_output_json = self.structured_output_json

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, UpdateScheduledTaskRequestMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if task is not UNSET:
            field_dict["task"] = task
        if schedule_type is not UNSET:
            field_dict["schedule_type"] = schedule_type
        if interval_minutes is not UNSET:
            field_dict["interval_minutes"] = interval_minutes
        if cron_expression is not UNSET:
            field_dict["cron_expression"] = cron_expression
        if start_at is not UNSET:
            field_dict["start_at"] = start_at
        if end_at is not UNSET:
            field_dict["end_at"] = end_at
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if use_adblock is not UNSET:
            field_dict["use_adblock"] = use_adblock
        if use_proxy is not UNSET:
            field_dict["use_proxy"] = use_proxy
        if highlight_elements is not UNSET:
            field_dict["highlight_elements"] = highlight_elements
        if llm_model is not UNSET:
            field_dict["llm_model"] = llm_model
        if save_browser_data is not UNSET:
            field_dict["save_browser_data"] = save_browser_data
        if structured_output_json is not UNSET:
            field_dict["structured_output_json"] = structured_output_json
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_scheduled_task_request_metadata_type_0 import (
            UpdateScheduledTaskRequestMetadataType0,  # noqa: PLC0415
        )

        d = dict(src_dict)

        def _parse_task(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task = _parse_task(d.pop("task", UNSET))

        def _parse_schedule_type(data: object) -> None | ScheduleType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                schedule_type_type_0 = ScheduleType(data)

                return schedule_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScheduleType | Unset, data)

        schedule_type = _parse_schedule_type(d.pop("schedule_type", UNSET))

        def _parse_interval_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        interval_minutes = _parse_interval_minutes(d.pop("interval_minutes", UNSET))

        def _parse_cron_expression(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cron_expression = _parse_cron_expression(d.pop("cron_expression", UNSET))

        def _parse_start_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_at_type_0 = datetime.datetime.fromisoformat(data)

                return start_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        start_at = _parse_start_at(d.pop("start_at", UNSET))

        def _parse_end_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_at_type_0 = datetime.datetime.fromisoformat(data)

                return end_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        end_at = _parse_end_at(d.pop("end_at", UNSET))

        def _parse_is_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_active = _parse_is_active(d.pop("is_active", UNSET))

        def _parse_use_adblock(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        use_adblock = _parse_use_adblock(d.pop("use_adblock", UNSET))

        def _parse_use_proxy(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        use_proxy = _parse_use_proxy(d.pop("use_proxy", UNSET))

        def _parse_highlight_elements(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        highlight_elements = _parse_highlight_elements(d.pop("highlight_elements", UNSET))

        def _parse_llm_model(data: object) -> LLMModel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                llm_model_type_0 = LLMModel(data)

                return llm_model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LLMModel | None | Unset, data)

        llm_model = _parse_llm_model(d.pop("llm_model", UNSET))

        def _parse_save_browser_data(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        save_browser_data = _parse_save_browser_data(d.pop("save_browser_data", UNSET))

        def _parse_structured_output_json(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        structured_output_json = _parse_structured_output_json(
            d.pop("structured_output_json", UNSET)
        )

        def _parse_metadata(data: object) -> None | Unset | UpdateScheduledTaskRequestMetadataType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = UpdateScheduledTaskRequestMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UpdateScheduledTaskRequestMetadataType0, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        update_scheduled_task_request = cls(
            task=task,
            schedule_type=schedule_type,
            interval_minutes=interval_minutes,
            cron_expression=cron_expression,
            start_at=start_at,
            end_at=end_at,
            is_active=is_active,
            use_adblock=use_adblock,
            use_proxy=use_proxy,
            highlight_elements=highlight_elements,
            llm_model=llm_model,
            save_browser_data=save_browser_data,
            structured_output_json=structured_output_json,
            metadata=metadata,
        )

        update_scheduled_task_request.additional_properties = d
        return update_scheduled_task_request

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
