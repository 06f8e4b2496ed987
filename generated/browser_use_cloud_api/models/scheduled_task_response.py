from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.llm_model import LLMModel
from ..models.schedule_type import ScheduleType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ScheduledTaskResponse")


@_attrs_define
class ScheduledTaskResponse:
    """A scheduled task and its schedule state.

    Attributes:
        id (str):
        task (str):
        save_browser_data (bool):
        llm_model (LLMModel): Language models the agent can run on.
        use_adblock (bool):
        use_proxy (bool):
        highlight_elements (bool):
        schedule_type (ScheduleType): How a scheduled task's runs are timed: a fixed interval or a cron expression.
        start_at (datetime.datetime): First moment a run may start; now when unset.
        next_run_at (datetime.datetime): When the next run is due.
        end_at (datetime.datetime): No runs after this moment; one year after the start when unset.
        is_active (bool): Whether the schedule starts runs.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        structured_output_json (None | str | Unset):
        browser_profile_id (None | str | Unset):
        interval_minutes (int | None | Unset): Minutes between runs; needed for interval schedules, at least 1.
        cron_expression (None | str | Unset): Five-field cron expression; needed for cron schedules.
    """

    id: str
    task: str
    save_browser_data: bool
    llm_model: LLMModel
    use_adblock: bool
    use_proxy: bool
    highlight_elements: bool
    schedule_type: ScheduleType
    start_at: datetime.datetime
    next_run_at: datetime.datetime
    end_at: datetime.datetime
    is_active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    structured_output_json: None | str | Unset = UNSET
    browser_profile_id: None | str | Unset = UNSET
    interval_minutes: int | None | Unset = UNSET
    cron_expression: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        task = self.task

        save_browser_data = self.save_browser_data

        llm_model = self.llm_model.value

        use_adblock = self.use_adblock

        use_proxy = self.use_proxy

        highlight_elements = self.highlight_elements

        schedule_type = self.schedule_type.value

        start_at = self.start_at.isoformat()

        next_run_at = self.next_run_at.isoformat()

        end_at = self.end_at.isoformat()

        is_active = self.is_active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        structured_output_json: None | str | Unset
        if isinstance(self.structured_output_json, Unset):
            structured_output_json = UNSET
        else:
            structured_output_json = self.structured_output_json

        browser_profile_id: None | str | Unset
        if isinstance(self.browser_profile_id, Unset):
            browser_profile_id = UNSET
        else:
            browser_profile_id = self.browser_profile_id

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "task": task,
                "save_browser_data": save_browser_data,
                "llm_model": llm_model,
                "use_adblock": use_adblock,
                "use_proxy": use_proxy,
                "highlight_elements": highlight_elements,
                "schedule_type": schedule_type,
                "start_at": start_at,
                "next_run_at": next_run_at,
                "end_at": end_at,
                "is_active": is_active,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if structured_output_json is not UNSET:
            field_dict["structured_output_json"] = structured_output_json
        if browser_profile_id is not UNSET:
            field_dict["browser_profile_id"] = browser_profile_id
        if interval_minutes is not UNSET:
            field_dict["interval_minutes"] = interval_minutes
        if cron_expression is not UNSET:
            field_dict["cron_expression"] = cron_expression

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        task = d.pop("task")

        save_browser_data = d.pop("save_browser_data")

        llm_model = LLMModel(d.pop("llm_model"))

        use_adblock = d.pop("use_adblock")

        use_proxy = d.pop("use_proxy")

        highlight_elements = d.pop("highlight_elements")

        schedule_type = ScheduleType(d.pop("schedule_type"))

        start_at = datetime.datetime.fromisoformat(d.pop("start_at"))

        next_run_at = datetime.datetime.fromisoformat(d.pop("next_run_at"))

        end_at = datetime.datetime.fromisoformat(d.pop("end_at"))

        is_active = d.pop("is_active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_structured_output_json(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        structured_output_json = _parse_structured_output_json(
            d.pop("structured_output_json", UNSET)
        )

        def _parse_browser_profile_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        browser_profile_id = _parse_browser_profile_id(d.pop("browser_profile_id", UNSET))

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

        scheduled_task_response = cls(
            id=id,
            task=task,
            save_browser_data=save_browser_data,
            llm_model=llm_model,
            use_adblock=use_adblock,
            use_proxy=use_proxy,
            highlight_elements=highlight_elements,
            schedule_type=schedule_type,
            start_at=start_at,
            next_run_at=next_run_at,
            end_at=end_at,
            is_active=is_active,
            created_at=created_at,
            updated_at=updated_at,
            structured_output_json=structured_output_json,
            browser_profile_id=browser_profile_id,
            interval_minutes=interval_minutes,
            cron_expression=cron_expression,
        )

        scheduled_task_response.additional_properties = d
        return scheduled_task_response

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
