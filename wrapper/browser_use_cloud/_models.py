"""Public result types: frozen attrs classes, `None` for absent values, open enums.

Each type keeps the JSON object it was read from in `raw` (not shown in repr or used in
equality), so fields newer than this library are still reachable. The `parse_*` functions
turn decoded JSON into these types directly; they are private to the package.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, Generic, TypeVar

import attrs

T = TypeVar("T")
_UTC = _dt.UTC
_fromiso = _dt.datetime.fromisoformat


class OpenStrEnum(StrEnum):
    """A StrEnum that accepts values it does not know (a newer server's), instead of failing."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper().replace("-", "_").replace(".", "_")
        member._value_ = value
        return member


class TaskStatus(OpenStrEnum):
    """Status of a task. `is_terminal` is True for finished, stopped and failed (not paused)."""

    CREATED = "created"
    RUNNING = "running"
    FINISHED = "finished"
    STOPPED = "stopped"
    PAUSED = "paused"
    FAILED = "failed"

    @property
    def is_terminal(self) -> bool:
        """True for statuses a task never leaves: finished, failed, stopped."""
        return self.value in _TERMINAL


_TERMINAL = frozenset({"finished", "stopped", "failed"})


def _status(value: str) -> TaskStatus:
    known = TaskStatus._value2member_map_.get(value)
    return known if isinstance(known, TaskStatus) else TaskStatus(value)


class ScheduleType(OpenStrEnum):
    """How a scheduled task repeats."""

    INTERVAL = "interval"
    CRON = "cron"


class LLMModel(OpenStrEnum):
    """Models the service is known to accept; any other string may be sent too."""

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


class ProxyCountryCode(OpenStrEnum):
    """Residential proxy countries the service is known to accept."""

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


_raw = attrs.field(repr=False, eq=False, default=None)
# Result classes are frozen but not slotted: the parsers below fill `__dict__` in one step,
# several times cheaper than calling `__init__` (a task can carry 100+ steps).
_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class TaskStep:
    """One agent step: what it judged about the previous goal and what it does next."""

    id: str
    step: int
    evaluation_previous_goal: str
    next_goal: str
    url: str

    @property
    def raw(self) -> Mapping[str, Any]:
        """The step's JSON object as received (including fields newer than this library)."""
        fields: dict[str, Any] = self.__dict__
        raw: Mapping[str, Any] = fields.get("_raw", fields)
        return raw


@attrs.frozen(kw_only=True, slots=False)
class BrowserData:
    """Browser session data saved with a task (when `save_browser_data` was set)."""

    cookies: tuple[Mapping[str, Any], ...]


@attrs.frozen(kw_only=True, slots=False)
class Task:
    """Full view of a task, including its steps."""

    id: str
    task: str
    status: TaskStatus
    output: str | None
    created_at: _dt.datetime
    finished_at: _dt.datetime | None
    live_url: str | None
    steps: tuple[TaskStep, ...]
    browser_data: BrowserData | None
    user_uploaded_files: tuple[str, ...] | None
    output_files: tuple[str, ...] | None
    public_share_url: str | None
    metadata: Mapping[str, str] | None
    raw: Mapping[str, Any] | None = _raw


@attrs.frozen(kw_only=True, slots=False)
class TaskSummary:
    """A task as listed by `tasks.list()` (no steps)."""

    id: str
    task: str
    status: TaskStatus
    output: str | None
    created_at: _dt.datetime
    finished_at: _dt.datetime | None
    live_url: str | None
    metadata: Mapping[str, str] | None
    raw: Mapping[str, Any] | None = _raw


@attrs.frozen(kw_only=True, slots=False)
class TaskMedia:
    """Recording URLs of a task (None when the service has none yet)."""

    recordings: tuple[str, ...] | None


@attrs.frozen(kw_only=True, slots=False)
class ScheduledTask:
    """A task that runs on an interval or a cron schedule."""

    id: str
    task: str
    schedule_type: ScheduleType
    interval_minutes: int | None
    cron_expression: str | None
    start_at: _dt.datetime
    next_run_at: _dt.datetime
    end_at: _dt.datetime
    is_active: bool
    created_at: _dt.datetime
    updated_at: _dt.datetime
    llm_model: LLMModel
    save_browser_data: bool
    structured_output_json: str | None
    use_adblock: bool
    use_proxy: bool
    highlight_elements: bool
    browser_profile_id: str | None
    metadata: Mapping[str, str] | None
    raw: Mapping[str, Any] | None = _raw


@attrs.frozen(kw_only=True, slots=False)
class BrowserProfile:
    """Saved browser settings (ad blocker, proxy, viewport, persisted data)."""

    profile_id: str
    profile_name: str
    description: str
    persist: bool
    ad_blocker: bool
    proxy: bool
    proxy_country_code: ProxyCountryCode
    browser_viewport_width: int
    browser_viewport_height: int
    raw: Mapping[str, Any] | None = _raw


@attrs.frozen(kw_only=True, slots=False)
class UrlContent:
    """A web page the search agent read, and what it extracted from it."""

    url: str
    content: str


@attrs.frozen(kw_only=True, slots=False)
class Balance:
    """Account balance. `credits` is the number the API sends (1 credit = 0.01 USD).

    `raw` is the API's string; `credits` is None only if that string is not a number.
    """

    credits: Decimal | None
    raw: str

    @property
    def usd(self) -> Decimal | None:
        """The balance in US dollars (100 credits to the dollar), if known."""
        return None if self.credits is None else self.credits / 100


@attrs.frozen(kw_only=True, slots=False)
class Page(Generic[T]):
    """One page of a list endpoint (pages are numbered from 1, newest items first)."""

    items: tuple[T, ...]
    page: int
    limit: int
    total_pages: int
    total_count: int

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def has_next(self) -> bool:
        """True if a later page exists."""
        return self.page < self.total_pages


# -- parsing (decoded JSON -> models) ------------------------------------------------------


_STEP_FIELDS = frozenset(attrs.fields_dict(TaskStep))


def parse_datetime(value: Any) -> _dt.datetime:
    """ISO 8601 text to an aware datetime (naive values are taken as UTC)."""
    try:
        parsed = _fromiso(value)
    except ValueError:
        from dateutil.parser import isoparse  # rare formats only; keeps imports light

        parsed = isoparse(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_UTC)


def _opt_strings(value: Any) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


def parse_task_step(d: dict[str, Any]) -> TaskStep:
    """A step; `d` (fresh from the JSON decoder) becomes its attribute dict when it holds
    exactly the step fields, which keeps long step lists cheap to read."""
    step = _new(TaskStep)
    if d.keys() == _STEP_FIELDS:
        _setattr(step, "__dict__", d)
    else:
        fields = {name: d[name] for name in _STEP_FIELDS}
        fields["_raw"] = d
        _setattr(step, "__dict__", fields)
    return step


def parse_task(d: Mapping[str, Any]) -> Task:
    get = d.get
    browser_data = get("browser_data")
    finished_at = get("finished_at")
    task = _new(Task)
    _setattr(
        task,
        "__dict__",
        {
            "id": d["id"],
            "task": d["task"],
            "status": _status(d["status"]),
            "output": d["output"],
            "created_at": parse_datetime(d["created_at"]),
            "finished_at": None if finished_at is None else parse_datetime(finished_at),
            "live_url": get("live_url"),
            "steps": tuple([parse_task_step(s) for s in d["steps"]]),
            "browser_data": None
            if browser_data is None
            else BrowserData(cookies=tuple(browser_data.get("cookies") or ())),
            "user_uploaded_files": _opt_strings(get("user_uploaded_files")),
            "output_files": _opt_strings(get("output_files")),
            "public_share_url": get("public_share_url"),
            "metadata": get("metadata"),
            "raw": d,
        },
    )
    return task


def parse_task_summary(d: Mapping[str, Any]) -> TaskSummary:
    get = d.get
    finished_at = get("finished_at")
    summary = _new(TaskSummary)
    _setattr(
        summary,
        "__dict__",
        {
            "id": d["id"],
            "task": d["task"],
            "status": _status(d["status"]),
            "output": get("output"),
            "created_at": parse_datetime(d["created_at"]),
            "finished_at": None if finished_at is None else parse_datetime(finished_at),
            "live_url": get("live_url"),
            "metadata": get("metadata"),
            "raw": d,
        },
    )
    return summary


def parse_task_media(d: Mapping[str, Any]) -> TaskMedia:
    return TaskMedia(recordings=_opt_strings(d.get("recordings")))


def parse_scheduled_task(d: Mapping[str, Any]) -> ScheduledTask:
    get = d.get
    return ScheduledTask(
        id=d["id"],
        task=d["task"],
        schedule_type=ScheduleType(d["schedule_type"]),
        interval_minutes=get("interval_minutes"),
        cron_expression=get("cron_expression"),
        start_at=parse_datetime(d["start_at"]),
        next_run_at=parse_datetime(d["next_run_at"]),
        end_at=parse_datetime(d["end_at"]),
        is_active=d["is_active"],
        created_at=parse_datetime(d["created_at"]),
        updated_at=parse_datetime(d["updated_at"]),
        llm_model=LLMModel(d["llm_model"]),
        save_browser_data=d["save_browser_data"],
        structured_output_json=get("structured_output_json"),
        use_adblock=d["use_adblock"],
        use_proxy=d["use_proxy"],
        highlight_elements=d["highlight_elements"],
        browser_profile_id=get("browser_profile_id"),
        metadata=get("metadata"),
        raw=d,
    )


def parse_browser_profile(d: Mapping[str, Any]) -> BrowserProfile:
    return BrowserProfile(
        profile_id=d["profile_id"],
        profile_name=d["profile_name"],
        description=d["description"],
        persist=d["persist"],
        ad_blocker=d["ad_blocker"],
        proxy=d["proxy"],
        proxy_country_code=ProxyCountryCode(d["proxy_country_code"]),
        browser_viewport_width=d["browser_viewport_width"],
        browser_viewport_height=d["browser_viewport_height"],
        raw=d,
    )


def parse_url_content(d: Mapping[str, Any]) -> UrlContent:
    return UrlContent(url=d["url"], content=d["content"])


def parse_balance(d: Mapping[str, Any]) -> Balance:
    raw = str(d["balance"])
    try:
        credits: Decimal | None = Decimal(raw)
    except InvalidOperation:
        credits = None
    return Balance(credits=credits, raw=raw)


def parse_page(
    d: Mapping[str, Any], key: str, parse_item: Callable[[Mapping[str, Any]], T]
) -> Page[T]:
    """A list response: items under `key` plus the page counters."""
    return Page(
        items=tuple([parse_item(item) for item in d[key]]),
        page=d["page"],
        limit=d["limit"],
        total_pages=d["total_pages"],
        total_count=d["total_count"],
    )


def parse_created_id(d: Mapping[str, Any]) -> str:
    """The `id` of a created resource."""
    value = d["id"]
    if not isinstance(value, str):
        raise TypeError(f"expected a string id, got {value!r}")
    return value
