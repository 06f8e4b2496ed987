from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ..models.llm_model import LLMModel
from ..models.proxy_country_code import ProxyCountryCode
from ..models.schedule_type import ScheduleType
from ..types import RAW, JsonModel, parse_datetime, read_model

_new = object.__new__
_setattr = object.__setattr__
_LLMModel_members = LLMModel._value2member_map_
_ProxyCountryCode_members = ProxyCountryCode._value2member_map_
_ScheduleType_members = ScheduleType._value2member_map_


@attrs.frozen(kw_only=True, slots=False)
class ScheduledTaskRequest(JsonModel):
    """A task plus its schedule. `interval` schedules need `interval_minutes`; `cron` schedules
    need `cron_expression`. Secrets are not supported on scheduled tasks.

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
        schedule_type: How a scheduled task's runs are timed: a fixed interval or a cron expression.
        interval_minutes: Minutes between runs; needed for interval schedules, at least 1.
        cron_expression: Five-field cron expression; needed for cron schedules.
        start_at: First moment a run may start; now when unset.
        end_at: No runs after this moment; one year after the start when unset.
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
    schedule_type: ScheduleType
    interval_minutes: int | None = None
    cron_expression: str | None = None
    start_at: _dt.datetime | None = None
    end_at: _dt.datetime | None = None
    raw: Mapping[str, Any] | None = RAW

    _REQUIRED: ClassVar[frozenset[str]] = frozenset(
        (
            "task",
            "schedule_type",
        )
    )

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ScheduledTaskRequest:
        """A ScheduledTaskRequest from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_scheduled_task_request, d)


def parse_scheduled_task_request(d: Any) -> ScheduledTaskRequest:
    """A ScheduledTaskRequest from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    get = d.get
    allowed_domains = get("allowed_domains")
    llm_model = get("llm_model")
    included_file_names = get("included_file_names")
    proxy_country_code = get("proxy_country_code")
    start_at = get("start_at")
    end_at = get("end_at")
    result = _new(ScheduledTaskRequest)
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
            "schedule_type": _ScheduleType_members.get(d["schedule_type"])
            or ScheduleType(d["schedule_type"]),
            "interval_minutes": get("interval_minutes"),
            "cron_expression": get("cron_expression"),
            "start_at": None if start_at is None else parse_datetime(start_at),
            "end_at": None if end_at is None else parse_datetime(end_at),
            "raw": d,
        },
    )
    return result


def parse_scheduled_task_request_list(items: Any) -> tuple[ScheduledTaskRequest, ...]:
    """`parse_scheduled_task_request` over a decoded JSON list."""
    parse = parse_scheduled_task_request
    return tuple([parse(item) for item in items])
