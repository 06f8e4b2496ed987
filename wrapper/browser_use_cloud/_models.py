"""Public result types: the generated models plus `Balance` and `Page`, and their parsers.

The enums and most result types are the generated package's models (openapi-python-client
with our templates, see `templates/model.py.jinja`): frozen attrs classes, `None` for absent
values, open enums; each keeps the JSON object it was read from in `raw` (not shown in repr
or used in equality), so fields newer than this library are still reachable. `Balance` and
`Page` are shaped by hand. The `parse_*` functions turn decoded JSON into these types
directly (the generated parsers); they are private to the package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Generic, TypeVar

import attrs

from browser_use_cloud_api.models.browser_data import BrowserData
from browser_use_cloud_api.models.browser_profile import BrowserProfile, parse_browser_profile
from browser_use_cloud_api.models.llm_model import LLMModel
from browser_use_cloud_api.models.proxy_country_code import ProxyCountryCode
from browser_use_cloud_api.models.schedule_type import ScheduleType
from browser_use_cloud_api.models.scheduled_task import ScheduledTask, parse_scheduled_task
from browser_use_cloud_api.models.task import Task, parse_task
from browser_use_cloud_api.models.task_media import TaskMedia, parse_task_media
from browser_use_cloud_api.models.task_status import TaskStatus
from browser_use_cloud_api.models.task_step import TaskStep, parse_task_step
from browser_use_cloud_api.models.task_summary import TaskSummary, parse_task_summary
from browser_use_cloud_api.models.url_content import UrlContent, parse_url_content
from browser_use_cloud_api.types import (
    RAW,
    JsonModel,
    OpenStrEnum,
    copy_json,
    parse_datetime,
    read_model,
    to_json_value,
)

from ._exceptions import InputError

# A model's from_dict() refuses an object it cannot read with the library's InputError.
JsonModel.read_error = InputError

__all__ = [
    "Balance",
    "BrowserData",
    "BrowserProfile",
    "LLMModel",
    "OpenStrEnum",
    "Page",
    "ProxyCountryCode",
    "ScheduleType",
    "ScheduledTask",
    "Task",
    "TaskMedia",
    "TaskStatus",
    "TaskStep",
    "TaskSummary",
    "UrlContent",
    "parse_balance",
    "parse_browser_profile",
    "parse_created_id",
    "parse_datetime",
    "parse_page",
    "parse_scheduled_task",
    "parse_task",
    "parse_task_media",
    "parse_task_step",
    "parse_task_summary",
    "parse_url_content",
]

T = TypeVar("T")


@attrs.frozen(kw_only=True, slots=False)
class Balance(JsonModel):
    """Account balance. `credits` is the number the API sends (1 credit = 0.01 USD).

    `raw` is the API's string; `credits` is None only if that string is not a number.
    """

    credits: Decimal | None
    raw: str

    @property
    def usd(self) -> Decimal | None:
        """The balance in US dollars (100 credits to the dollar), if known."""
        return None if self.credits is None else self.credits / 100

    def to_dict(self) -> dict[str, Any]:
        """The API's JSON object: `{"balance": raw}` (the number as the text it sent)."""
        return {"balance": self.raw}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Balance:
        """A Balance from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_balance, d)


@attrs.frozen(kw_only=True, slots=False)
class Page(JsonModel, Generic[T]):
    """One page of a list endpoint (pages are numbered from 1, newest items first).

    `raw` is the JSON object the page was read from (None for a page built by hand).
    """

    items: tuple[T, ...]
    page: int
    limit: int
    total_pages: int
    total_count: int
    raw: Mapping[str, Any] | None = RAW

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def has_next(self) -> bool:
        """True if a later page exists."""
        return self.page < self.total_pages

    def to_dict(self) -> dict[str, Any]:
        """The API's JSON object for the page: its items under the list's own key (`tasks`,
        `profiles`...; `items` for a page built by hand) and the page counters."""
        received: Mapping[str, Any] = self.raw or {}
        key = _items_key(received) if received else "items"
        fields: dict[str, Any] = {
            key: [to_json_value(item, None) for item in self.items],
            "page": self.page,
            "limit": self.limit,
            "total_pages": self.total_pages,
            "total_count": self.total_count,
        }
        out = {
            name: fields.pop(name) if name in fields else copy_json(value)
            for name, value in received.items()
        }
        out.update(fields)
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], item_type: type[T]) -> Page[T]:
        """A page from its JSON object (as sent by the API or `to_dict()`), its items read
        with `item_type.from_dict` (`Page.from_dict(d, TaskSummary)`)."""
        read_item = getattr(item_type, "from_dict", None)
        if read_item is None:
            raise InputError(f"Page.from_dict: {item_type!r} has no from_dict to read items")
        return read_model(cls, lambda body: parse_page(body, _items_key(body), read_item), d)


_PAGE_COUNTERS = frozenset({"page", "limit", "total_pages", "total_count"})


def _items_key(d: Mapping[str, Any]) -> str:
    """The key of a page object's item list (the one list that is not a counter)."""
    keys = [k for k, v in d.items() if k not in _PAGE_COUNTERS and isinstance(v, list)]
    if len(keys) != 1:
        raise ValueError(f"expected one list of items besides the page counters, found {keys}")
    return keys[0]


# -- parsing (decoded JSON -> models) ------------------------------------------------------


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
        raw=d,
    )


def parse_created_id(d: Mapping[str, Any]) -> str:
    """The `id` of a created resource."""
    value = d["id"]
    if not isinstance(value, str):
        raise TypeError(f"expected a string id, got {value!r}")
    return value
