"""The public enums and result types, derived from the spec's schemas.

GENERATED from openapi.json by scripts/derive_surface.py (`nox -s regen`); do not edit.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from ._model_base import (
    RAW,
    OpenStrEnum,
    ResultBase,
    TaskStatusConveniences,
    flat_result,
    flat_results,
    parse_datetime,
)
from ._result_json import JsonResult, read_result

# The parsers fill `__dict__` in one step: several times cheaper than `__init__`.
_new = object.__new__
_setattr = object.__setattr__


class TaskStatus(TaskStatusConveniences, OpenStrEnum):
    """Lifecycle of a task: created (queued), running, paused (waiting to be resumed), then one of
    finished (succeeded), stopped (ended by the user) or failed (ended by an error).
    """

    CREATED = "created"
    RUNNING = "running"
    FINISHED = "finished"
    STOPPED = "stopped"
    PAUSED = "paused"
    FAILED = "failed"


_TASKSTATUS_MEMBERS = {member.value: member for member in TaskStatus}


class LLMModel(OpenStrEnum):
    """Language models the agent can run on."""

    GPT_4O = "gpt-4o"
    GPT_4O_MINI = "gpt-4o-mini"
    GPT_4_1 = "gpt-4.1"
    GPT_4_1_MINI = "gpt-4.1-mini"
    O4_MINI = "o4-mini"
    O3 = "o3"
    GEMINI_2_0_FLASH = "gemini-2.0-flash"
    GEMINI_2_0_FLASH_LITE = "gemini-2.0-flash-lite"
    GEMINI_2_5_FLASH_PREVIEW_04_17 = "gemini-2.5-flash-preview-04-17"
    GEMINI_2_5_FLASH = "gemini-2.5-flash"
    GEMINI_2_5_PRO = "gemini-2.5-pro"
    CLAUDE_3_7_SONNET_20250219 = "claude-3-7-sonnet-20250219"
    CLAUDE_SONNET_4_20250514 = "claude-sonnet-4-20250514"
    LLAMA_4_MAVERICK_17B_128E_INSTRUCT = "llama-4-maverick-17b-128e-instruct"


_LLMMODEL_MEMBERS = {member.value: member for member in LLMModel}


class ProxyCountryCode(OpenStrEnum):
    """Countries the residential proxy can exit from."""

    US = "us"
    UK = "uk"
    FR = "fr"
    IT = "it"
    JP = "jp"
    AU = "au"
    DE = "de"
    FI = "fi"
    CA = "ca"
    IN = "in"


_PROXYCOUNTRYCODE_MEMBERS = {member.value: member for member in ProxyCountryCode}


class ScheduleType(OpenStrEnum):
    """How a scheduled task's runs are timed: a fixed interval or a cron expression."""

    INTERVAL = "interval"
    CRON = "cron"


_SCHEDULETYPE_MEMBERS = {member.value: member for member in ScheduleType}


@attrs.frozen(kw_only=True, slots=False)
class TaskStep(ResultBase, JsonResult):
    """One step the agent took."""

    id: str
    step: int
    evaluation_previous_goal: str
    next_goal: str
    url: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskStep:
        """A TaskStep from its JSON object (as sent by the API or `to_dict()`)."""
        return read_result(cls, parse_task_step, d)


_TASK_STEP_FIELDS = frozenset(("id", "step", "evaluation_previous_goal", "next_goal", "url"))


def parse_task_step(d: dict[str, Any]) -> TaskStep:
    """A TaskStep; `d` (fresh from the JSON decoder) is its attribute dict if it holds exactly its
    fields (no copy).
    """
    return flat_result(TaskStep, _TASK_STEP_FIELDS, d)


@attrs.frozen(kw_only=True, slots=False)
class BrowserData(JsonResult):
    """Browser data kept from a task run with `save_browser_data`."""

    cookies: tuple[Mapping[str, Any], ...]
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> BrowserData:
        """A BrowserData from its JSON object (as sent by the API or `to_dict()`)."""
        return read_result(cls, parse_browser_data, d)


def parse_browser_data(d: Mapping[str, Any]) -> BrowserData:
    """A BrowserData from its decoded JSON object."""
    result = _new(BrowserData)
    _setattr(result, "__dict__", {"cookies": tuple(d["cookies"]), "raw": d})
    return result


@attrs.frozen(kw_only=True, slots=False)
class Task(JsonResult):
    """Everything known about a task."""

    id: str
    task: str
    live_url: str | None = None
    output: str | None = None
    status: TaskStatus
    created_at: _dt.datetime
    finished_at: _dt.datetime | None = None
    steps: tuple[TaskStep, ...]
    browser_data: BrowserData | None = None
    user_uploaded_files: tuple[str, ...] | None = None
    output_files: tuple[str, ...] | None = None
    public_share_url: str | None = None
    metadata: Mapping[str, str] | None = None
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Task:
        """A Task from its JSON object (as sent by the API or `to_dict()`)."""
        return read_result(cls, parse_task, d)


def parse_task(d: Mapping[str, Any]) -> Task:
    """A Task from its decoded JSON object."""
    get = d.get
    finished_at = get("finished_at")
    browser_data = get("browser_data")
    user_uploaded_files = get("user_uploaded_files")
    output_files = get("output_files")
    result = _new(Task)
    _setattr(
        result,
        "__dict__",
        {
            "id": d["id"],
            "task": d["task"],
            "live_url": get("live_url"),
            "output": d["output"],
            "status": _TASKSTATUS_MEMBERS.get(d["status"]) or TaskStatus(d["status"]),
            "created_at": parse_datetime(d["created_at"]),
            "finished_at": None if finished_at is None else parse_datetime(finished_at),
            "steps": flat_results(TaskStep, _TASK_STEP_FIELDS, d["steps"]),
            "browser_data": None if browser_data is None else parse_browser_data(browser_data),
            "user_uploaded_files": None
            if user_uploaded_files is None
            else tuple(user_uploaded_files),
            "output_files": None if output_files is None else tuple(output_files),
            "public_share_url": get("public_share_url"),
            "metadata": get("metadata"),
            "raw": d,
        },
    )
    return result


@attrs.frozen(kw_only=True, slots=False)
class TaskSummary(JsonResult):
    """The summary of a task shown in lists."""

    id: str
    task: str
    output: str | None = None
    status: TaskStatus
    created_at: _dt.datetime
    finished_at: _dt.datetime | None = None
    live_url: str | None = None
    metadata: Mapping[str, str] | None = None
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskSummary:
        """A TaskSummary from its JSON object (as sent by the API or `to_dict()`)."""
        return read_result(cls, parse_task_summary, d)


def parse_task_summary(d: Mapping[str, Any]) -> TaskSummary:
    """A TaskSummary from its decoded JSON object."""
    get = d.get
    finished_at = get("finished_at")
    result = _new(TaskSummary)
    _setattr(
        result,
        "__dict__",
        {
            "id": d["id"],
            "task": d["task"],
            "output": d["output"],
            "status": _TASKSTATUS_MEMBERS.get(d["status"]) or TaskStatus(d["status"]),
            "created_at": parse_datetime(d["created_at"]),
            "finished_at": None if finished_at is None else parse_datetime(finished_at),
            "live_url": get("live_url"),
            "metadata": get("metadata"),
            "raw": d,
        },
    )
    return result


@attrs.frozen(kw_only=True, slots=False)
class TaskMedia(JsonResult):
    """Where the task's recordings can be fetched, if there are any."""

    recordings: tuple[str, ...] | None = None
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskMedia:
        """A TaskMedia from its JSON object (as sent by the API or `to_dict()`)."""
        return read_result(cls, parse_task_media, d)


def parse_task_media(d: Mapping[str, Any]) -> TaskMedia:
    """A TaskMedia from its decoded JSON object."""
    recordings = d["recordings"]
    result = _new(TaskMedia)
    _setattr(
        result,
        "__dict__",
        {"recordings": None if recordings is None else tuple(recordings), "raw": d},
    )
    return result


@attrs.frozen(kw_only=True, slots=False)
class ScheduledTask(JsonResult):
    """A scheduled task and its schedule state."""

    id: str
    task: str
    save_browser_data: bool
    structured_output_json: str | None = None
    llm_model: LLMModel
    use_adblock: bool
    use_proxy: bool
    highlight_elements: bool
    browser_profile_id: str | None = None
    schedule_type: ScheduleType
    interval_minutes: int | None = None
    cron_expression: str | None = None
    start_at: _dt.datetime
    next_run_at: _dt.datetime
    end_at: _dt.datetime
    is_active: bool
    created_at: _dt.datetime
    updated_at: _dt.datetime
    metadata: Mapping[str, str] | None = None
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ScheduledTask:
        """A ScheduledTask from its JSON object (as sent by the API or `to_dict()`)."""
        return read_result(cls, parse_scheduled_task, d)


def parse_scheduled_task(d: Mapping[str, Any]) -> ScheduledTask:
    """A ScheduledTask from its decoded JSON object."""
    get = d.get
    result = _new(ScheduledTask)
    _setattr(
        result,
        "__dict__",
        {
            "id": d["id"],
            "task": d["task"],
            "save_browser_data": d["save_browser_data"],
            "structured_output_json": get("structured_output_json"),
            "llm_model": _LLMMODEL_MEMBERS.get(d["llm_model"]) or LLMModel(d["llm_model"]),
            "use_adblock": d["use_adblock"],
            "use_proxy": d["use_proxy"],
            "highlight_elements": d["highlight_elements"],
            "browser_profile_id": get("browser_profile_id"),
            "schedule_type": _SCHEDULETYPE_MEMBERS.get(d["schedule_type"])
            or ScheduleType(d["schedule_type"]),
            "interval_minutes": get("interval_minutes"),
            "cron_expression": get("cron_expression"),
            "start_at": parse_datetime(d["start_at"]),
            "next_run_at": parse_datetime(d["next_run_at"]),
            "end_at": parse_datetime(d["end_at"]),
            "is_active": d["is_active"],
            "created_at": parse_datetime(d["created_at"]),
            "updated_at": parse_datetime(d["updated_at"]),
            "metadata": get("metadata"),
            "raw": d,
        },
    )
    return result


@attrs.frozen(kw_only=True, slots=False)
class BrowserProfile(JsonResult):
    """A browser profile and its settings."""

    profile_id: str
    profile_name: str
    description: str
    persist: bool
    ad_blocker: bool
    proxy: bool
    proxy_country_code: ProxyCountryCode
    browser_viewport_width: int
    browser_viewport_height: int
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> BrowserProfile:
        """A BrowserProfile from its JSON object (as sent by the API or `to_dict()`)."""
        return read_result(cls, parse_browser_profile, d)


def parse_browser_profile(d: Mapping[str, Any]) -> BrowserProfile:
    """A BrowserProfile from its decoded JSON object."""
    result = _new(BrowserProfile)
    _setattr(
        result,
        "__dict__",
        {
            "profile_id": d["profile_id"],
            "profile_name": d["profile_name"],
            "description": d["description"],
            "persist": d["persist"],
            "ad_blocker": d["ad_blocker"],
            "proxy": d["proxy"],
            "proxy_country_code": _PROXYCOUNTRYCODE_MEMBERS.get(d["proxy_country_code"])
            or ProxyCountryCode(d["proxy_country_code"]),
            "browser_viewport_width": d["browser_viewport_width"],
            "browser_viewport_height": d["browser_viewport_height"],
            "raw": d,
        },
    )
    return result


@attrs.frozen(kw_only=True, slots=False)
class UrlContent(ResultBase, JsonResult):
    """A page the agent read and the text it took from it."""

    url: str
    content: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> UrlContent:
        """A UrlContent from its JSON object (as sent by the API or `to_dict()`)."""
        return read_result(cls, parse_url_content, d)


_URL_CONTENT_FIELDS = frozenset(("url", "content"))


def parse_url_content(d: dict[str, Any]) -> UrlContent:
    """A UrlContent; `d` (fresh from the JSON decoder) is its attribute dict if it holds exactly its
    fields (no copy).
    """
    return flat_result(UrlContent, _URL_CONTENT_FIELDS, d)
