from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ..models.llm_model import LLMModel
from ..models.proxy_country_code import ProxyCountryCode
from ..types import RAW, JsonModel, read_model

_new = object.__new__
_setattr = object.__setattr__
_LLMModel_members = LLMModel._value2member_map_
_ProxyCountryCode_members = ProxyCountryCode._value2member_map_


@attrs.frozen(kw_only=True, slots=False)
class RunTaskRequest(JsonModel):
    """What to run and how. Only `task` is required. Browser settings given here override the
    chosen browser profile.

    Attributes:
        task: Instructions for the agent, in plain language.
        secrets: Named values (passwords, codes) the agent may type but that are never shown in
            its steps. Stored encrypted.
        allowed_domains: Domains the agent may visit; any domain when unset. Set it whenever secrets are
            given.
        save_browser_data: Keep the session's cookies and return them in the task's browser_data.
        structured_output_json: A JSON Schema, serialised as a string, that the final output must follow.
        llm_model: Model the agent runs on; the service picks its default when unset.
        highlight_elements: Draw outlines around the page elements the agent considers.
        included_file_names: Names of previously uploaded files to make available to the agent.
        max_agent_steps: Upper bound on the steps the agent may take; the service accepts up to 200.
        enable_public_share: Create a public link to watch the task.
        browser_profile_id: Browser profile to run with; the account's default profile when unset.
        use_adblock: Block ads; overrides the profile's setting.
        use_proxy: Route traffic through a residential proxy, which captcha solving needs;
            overrides the profile's setting.
        proxy_country_code: Country the proxy exits from; overrides the profile's setting.
        browser_viewport_width: Viewport width in pixels; overrides the profile's setting.
        browser_viewport_height: Viewport height in pixels; overrides the profile's setting.
        metadata: Your own string tags for the task, returned with it and in webhooks: at most 10
            pairs, keys of 1 to 100 characters, values of at most 1000.
    """

    task: str
    secrets: Mapping[str, str] | None = None
    allowed_domains: tuple[str, ...] | None = None
    save_browser_data: bool | None = None
    structured_output_json: str | None = None
    llm_model: LLMModel | None = None
    highlight_elements: bool | None = None
    included_file_names: tuple[str, ...] | None = None
    max_agent_steps: int | None = None
    enable_public_share: bool | None = None
    browser_profile_id: str | None = None
    use_adblock: bool | None = None
    use_proxy: bool | None = None
    proxy_country_code: ProxyCountryCode | None = None
    browser_viewport_width: int | None = None
    browser_viewport_height: int | None = None
    metadata: Mapping[str, str] | None = None
    raw: Mapping[str, Any] | None = RAW

    _REQUIRED: ClassVar[frozenset[str]] = frozenset(("task",))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> RunTaskRequest:
        """A RunTaskRequest from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_run_task_request, d)


def parse_run_task_request(d: Any) -> RunTaskRequest:
    """A RunTaskRequest from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    get = d.get
    allowed_domains = get("allowed_domains")
    llm_model = get("llm_model")
    included_file_names = get("included_file_names")
    proxy_country_code = get("proxy_country_code")
    result = _new(RunTaskRequest)
    _setattr(
        result,
        "__dict__",
        {
            "task": d["task"],
            "secrets": get("secrets"),
            "allowed_domains": None if allowed_domains is None else tuple(allowed_domains),
            "save_browser_data": get("save_browser_data"),
            "structured_output_json": get("structured_output_json"),
            "llm_model": None
            if llm_model is None
            else _LLMModel_members.get(llm_model) or LLMModel(llm_model),
            "highlight_elements": get("highlight_elements"),
            "included_file_names": None
            if included_file_names is None
            else tuple(included_file_names),
            "max_agent_steps": get("max_agent_steps"),
            "enable_public_share": get("enable_public_share"),
            "browser_profile_id": get("browser_profile_id"),
            "use_adblock": get("use_adblock"),
            "use_proxy": get("use_proxy"),
            "proxy_country_code": None
            if proxy_country_code is None
            else _ProxyCountryCode_members.get(proxy_country_code)
            or ProxyCountryCode(proxy_country_code),
            "browser_viewport_width": get("browser_viewport_width"),
            "browser_viewport_height": get("browser_viewport_height"),
            "metadata": get("metadata"),
            "raw": d,
        },
    )
    return result


def parse_run_task_request_list(items: Any) -> tuple[RunTaskRequest, ...]:
    """`parse_run_task_request` over a decoded JSON list."""
    parse = parse_run_task_request
    return tuple([parse(item) for item in items])
