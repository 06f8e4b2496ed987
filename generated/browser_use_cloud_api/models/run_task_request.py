from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.llm_model import LLMModel
from ..models.proxy_country_code import ProxyCountryCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_task_request_metadata_type_0 import RunTaskRequestMetadataType0
    from ..models.run_task_request_secrets_type_0 import RunTaskRequestSecretsType0


T = TypeVar("T", bound="RunTaskRequest")


@_attrs_define
class RunTaskRequest:
    """What to run and how. Only `task` is required. Browser settings given here override the chosen browser profile.

    Attributes:
        task (str): Instructions for the agent, in plain language.
        secrets (None | RunTaskRequestSecretsType0 | Unset): Named values (passwords, codes) the agent may type but that
            are never shown in its steps. Stored encrypted.
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
        metadata (None | RunTaskRequestMetadataType0 | Unset): Your own string tags for the task, returned with it and
            in webhooks: at most 10 pairs, keys of 1 to 100 characters, values of at most 1000.
    """

    task: str
    secrets: None | RunTaskRequestSecretsType0 | Unset = UNSET
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
    metadata: None | RunTaskRequestMetadataType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run_task_request_metadata_type_0 import RunTaskRequestMetadataType0  # noqa: PLC0415
        from ..models.run_task_request_secrets_type_0 import RunTaskRequestSecretsType0  # noqa: PLC0415

        task = self.task

        secrets: dict[str, Any] | None | Unset
        if isinstance(self.secrets, Unset):
            secrets = UNSET
        elif isinstance(self.secrets, RunTaskRequestSecretsType0):
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
        elif isinstance(self.metadata, RunTaskRequestMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task": task,
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_task_request_metadata_type_0 import RunTaskRequestMetadataType0  # noqa: PLC0415
        from ..models.run_task_request_secrets_type_0 import RunTaskRequestSecretsType0  # noqa: PLC0415

        d = dict(src_dict)
        task = d.pop("task")

        def _parse_secrets(data: object) -> None | RunTaskRequestSecretsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                secrets_type_0 = RunTaskRequestSecretsType0.from_dict(data)

                return secrets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunTaskRequestSecretsType0 | Unset, data)

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

        def _parse_metadata(data: object) -> None | RunTaskRequestMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = RunTaskRequestMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunTaskRequestMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        run_task_request = cls(
            task=task,
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
        )

        run_task_request.additional_properties = d
        return run_task_request

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
