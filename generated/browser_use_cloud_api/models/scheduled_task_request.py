from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.llm_model import LLMModel
from ..models.proxy_country_code import ProxyCountryCode
from ..models.schedule_type import ScheduleType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scheduled_task_request_metadata_type_0 import ScheduledTaskRequestMetadataType0
    from ..models.scheduled_task_request_secrets_type_0 import ScheduledTaskRequestSecretsType0


T = TypeVar("T", bound="ScheduledTaskRequest")


@_attrs_define
class ScheduledTaskRequest:
    """A task plus its schedule. `interval` schedules need `interval_minutes`; `cron` schedules need `cron_expression`.
    Secrets are not supported on scheduled tasks.

        Attributes:
            task (str): Instructions for the agent, in plain language.
            schedule_type (ScheduleType): How a scheduled task's runs are timed: a fixed interval or a cron expression.
            secrets (None | ScheduledTaskRequestSecretsType0 | Unset): Named values (passwords, codes) the agent may type
                but that are never shown in its steps. Stored encrypted.
            allowed_domains (list[str] | None | Unset): Domains the agent may visit; any domain when unset. Set it whenever
                secrets are given.
            save_browser_data (bool | None | Unset): Keep the session's cookies and return them in the task's browser_data.
                Default: False.
            structured_output_json (None | str | Unset): A JSON Schema, serialised as a string, that the final output must
                follow.
            llm_model (LLMModel | None | Unset): Model the agent runs on; the service picks its default when unset.
            highlight_elements (bool | None | Unset): Draw outlines around the page elements the agent considers. Default:
                True.
            included_file_names (list[str] | None | Unset): Names of previously uploaded files to make available to the
                agent.
            max_agent_steps (int | None | Unset): Upper bound on the steps the agent may take; the service accepts up to
                200. Default: 75.
            enable_public_share (bool | None | Unset): Create a public link to watch the task. Default: False.
            browser_profile_id (None | str | Unset): Browser profile to run with; the account's default profile when unset.
            use_adblock (bool | None | Unset): Block ads; overrides the profile's setting.
            use_proxy (bool | None | Unset): Route traffic through a residential proxy, which captcha solving needs;
                overrides the profile's setting.
            proxy_country_code (None | ProxyCountryCode | Unset): Country the proxy exits from; overrides the profile's
                setting.
            browser_viewport_width (int | None | Unset): Viewport width in pixels; overrides the profile's setting.
            browser_viewport_height (int | None | Unset): Viewport height in pixels; overrides the profile's setting.
            metadata (None | ScheduledTaskRequestMetadataType0 | Unset): Your own string tags for the task, returned with it
                and in webhooks: at most 10 pairs, keys of 1 to 100 characters, values of at most 1000.
            interval_minutes (int | None | Unset): Minutes between runs; needed for interval schedules, at least 1.
            cron_expression (None | str | Unset): Five-field cron expression; needed for cron schedules.
            start_at (datetime.datetime | None | Unset): First moment a run may start; now when unset.
            end_at (datetime.datetime | None | Unset): No runs after this moment; one year after the start when unset.
    """

    task: str
    schedule_type: ScheduleType
    secrets: None | ScheduledTaskRequestSecretsType0 | Unset = UNSET
    allowed_domains: list[str] | None | Unset = UNSET
    save_browser_data: bool | None | Unset = False
    structured_output_json: None | str | Unset = UNSET
    llm_model: LLMModel | None | Unset = UNSET
    highlight_elements: bool | None | Unset = True
    included_file_names: list[str] | None | Unset = UNSET
    max_agent_steps: int | None | Unset = 75
    enable_public_share: bool | None | Unset = False
    browser_profile_id: None | str | Unset = UNSET
    use_adblock: bool | None | Unset = UNSET
    use_proxy: bool | None | Unset = UNSET
    proxy_country_code: None | ProxyCountryCode | Unset = UNSET
    browser_viewport_width: int | None | Unset = UNSET
    browser_viewport_height: int | None | Unset = UNSET
    metadata: None | ScheduledTaskRequestMetadataType0 | Unset = UNSET
    interval_minutes: int | None | Unset = UNSET
    cron_expression: None | str | Unset = UNSET
    start_at: datetime.datetime | None | Unset = UNSET
    end_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.scheduled_task_request_metadata_type_0 import (
            ScheduledTaskRequestMetadataType0,  # noqa: PLC0415
        )
        from ..models.scheduled_task_request_secrets_type_0 import ScheduledTaskRequestSecretsType0  # noqa: PLC0415

        task = self.task

        schedule_type = self.schedule_type.value

        secrets: dict[str, Any] | None | Unset
        if isinstance(self.secrets, Unset):
            secrets = UNSET
        elif isinstance(self.secrets, ScheduledTaskRequestSecretsType0):
            secrets = self.secrets.to_dict()
        else:
            secrets = self.secrets

        allowed_domains: list[str] | None | Unset
        if isinstance(self.allowed_domains, Unset):
            allowed_domains = UNSET
        elif isinstance(self.allowed_domains, list):
            allowed_domains = self.allowed_domains

        else:
            allowed_domains = self.allowed_domains

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

        llm_model: None | str | Unset
        if isinstance(self.llm_model, Unset):
            llm_model = UNSET
        elif isinstance(self.llm_model, LLMModel):
            llm_model = self.llm_model.value
        else:
            llm_model = self.llm_model

        highlight_elements: bool | None | Unset
        if isinstance(self.highlight_elements, Unset):
            highlight_elements = UNSET
        else:
            highlight_elements = self.highlight_elements

        included_file_names: list[str] | None | Unset
        if isinstance(self.included_file_names, Unset):
            included_file_names = UNSET
        elif isinstance(self.included_file_names, list):
            included_file_names = self.included_file_names

        else:
            included_file_names = self.included_file_names

        max_agent_steps: int | None | Unset
        if isinstance(self.max_agent_steps, Unset):
            max_agent_steps = UNSET
        else:
            max_agent_steps = self.max_agent_steps

        enable_public_share: bool | None | Unset
        if isinstance(self.enable_public_share, Unset):
            enable_public_share = UNSET
        else:
            enable_public_share = self.enable_public_share

        browser_profile_id: None | str | Unset
        if isinstance(self.browser_profile_id, Unset):
            browser_profile_id = UNSET
        else:
            browser_profile_id = self.browser_profile_id

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

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, ScheduledTaskRequestMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task": task,
                "schedule_type": schedule_type,
            }
        )
        if secrets is not UNSET:
            field_dict["secrets"] = secrets
        if allowed_domains is not UNSET:
            field_dict["allowed_domains"] = allowed_domains
        if save_browser_data is not UNSET:
            field_dict["save_browser_data"] = save_browser_data
        if structured_output_json is not UNSET:
            field_dict["structured_output_json"] = structured_output_json
        if llm_model is not UNSET:
            field_dict["llm_model"] = llm_model
        if highlight_elements is not UNSET:
            field_dict["highlight_elements"] = highlight_elements
        if included_file_names is not UNSET:
            field_dict["included_file_names"] = included_file_names
        if max_agent_steps is not UNSET:
            field_dict["max_agent_steps"] = max_agent_steps
        if enable_public_share is not UNSET:
            field_dict["enable_public_share"] = enable_public_share
        if browser_profile_id is not UNSET:
            field_dict["browser_profile_id"] = browser_profile_id
        if use_adblock is not UNSET:
            field_dict["use_adblock"] = use_adblock
        if use_proxy is not UNSET:
            field_dict["use_proxy"] = use_proxy
        if proxy_country_code is not UNSET:
            field_dict["proxy_country_code"] = proxy_country_code
        if browser_viewport_width is not UNSET:
            field_dict["browser_viewport_width"] = browser_viewport_width
        if browser_viewport_height is not UNSET:
            field_dict["browser_viewport_height"] = browser_viewport_height
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if interval_minutes is not UNSET:
            field_dict["interval_minutes"] = interval_minutes
        if cron_expression is not UNSET:
            field_dict["cron_expression"] = cron_expression
        if start_at is not UNSET:
            field_dict["start_at"] = start_at
        if end_at is not UNSET:
            field_dict["end_at"] = end_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduled_task_request_metadata_type_0 import (
            ScheduledTaskRequestMetadataType0,  # noqa: PLC0415
        )
        from ..models.scheduled_task_request_secrets_type_0 import ScheduledTaskRequestSecretsType0  # noqa: PLC0415

        d = dict(src_dict)
        task = d.pop("task")

        schedule_type = ScheduleType(d.pop("schedule_type"))

        def _parse_secrets(data: object) -> None | ScheduledTaskRequestSecretsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                secrets_type_0 = ScheduledTaskRequestSecretsType0.from_dict(data)

                return secrets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScheduledTaskRequestSecretsType0 | Unset, data)

        secrets = _parse_secrets(d.pop("secrets", UNSET))

        def _parse_allowed_domains(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_domains_type_0 = cast(list[str], data)

                return allowed_domains_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        allowed_domains = _parse_allowed_domains(d.pop("allowed_domains", UNSET))

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

        def _parse_highlight_elements(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        highlight_elements = _parse_highlight_elements(d.pop("highlight_elements", UNSET))

        def _parse_included_file_names(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                included_file_names_type_0 = cast(list[str], data)

                return included_file_names_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        included_file_names = _parse_included_file_names(d.pop("included_file_names", UNSET))

        def _parse_max_agent_steps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_agent_steps = _parse_max_agent_steps(d.pop("max_agent_steps", UNSET))

        def _parse_enable_public_share(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enable_public_share = _parse_enable_public_share(d.pop("enable_public_share", UNSET))

        def _parse_browser_profile_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        browser_profile_id = _parse_browser_profile_id(d.pop("browser_profile_id", UNSET))

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

        def _parse_metadata(data: object) -> None | ScheduledTaskRequestMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = ScheduledTaskRequestMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScheduledTaskRequestMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

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

        scheduled_task_request = cls(
            task=task,
            schedule_type=schedule_type,
            secrets=secrets,
            allowed_domains=allowed_domains,
            save_browser_data=save_browser_data,
            structured_output_json=structured_output_json,
            llm_model=llm_model,
            highlight_elements=highlight_elements,
            included_file_names=included_file_names,
            max_agent_steps=max_agent_steps,
            enable_public_share=enable_public_share,
            browser_profile_id=browser_profile_id,
            use_adblock=use_adblock,
            use_proxy=use_proxy,
            proxy_country_code=proxy_country_code,
            browser_viewport_width=browser_viewport_width,
            browser_viewport_height=browser_viewport_height,
            metadata=metadata,
            interval_minutes=interval_minutes,
            cron_expression=cron_expression,
            start_at=start_at,
            end_at=end_at,
        )

        scheduled_task_request.additional_properties = d
        return scheduled_task_request

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
