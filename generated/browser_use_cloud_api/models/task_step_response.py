from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TaskStepResponse")


@_attrs_define
class TaskStepResponse:
    """One step the agent took.

    Attributes:
        id (str):
        step (int): Step number, from 1.
        evaluation_previous_goal (str): The agent's verdict on whether the previous step reached its goal.
        next_goal (str): What the agent sets out to do next.
        url (str): The page the browser was on during this step.
    """

    id: str
    step: int
    evaluation_previous_goal: str
    next_goal: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        step = self.step

        evaluation_previous_goal = self.evaluation_previous_goal

        next_goal = self.next_goal

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "step": step,
                "evaluation_previous_goal": evaluation_previous_goal,
                "next_goal": next_goal,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        step = d.pop("step")

        evaluation_previous_goal = d.pop("evaluation_previous_goal")

        next_goal = d.pop("next_goal")

        url = d.pop("url")

        task_step_response = cls(
            id=id,
            step=step,
            evaluation_previous_goal=evaluation_previous_goal,
            next_goal=next_goal,
            url=url,
        )

        task_step_response.additional_properties = d
        return task_step_response

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
