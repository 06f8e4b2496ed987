"""Typed webhook events: the envelope every delivery shares, the event types this SDK
knows, and the check that turns a verified body into one of them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

import attrs

from browser_use_cloud_api.types import JsonModel, read_model

from .._exceptions import InputError
from .errors import malformed

_STATUS_UPDATE: Final = "agent.task.status_update"
_TEST: Final = "test"


class WebhookTaskStatus(StrEnum):
    """Task statuses sent in webhooks (not the same vocabulary as the task API's statuses)."""

    INITIALIZING = "initializing"
    STARTED = "started"
    PAUSED = "paused"
    STOPPED = "stopped"
    FINISHED = "finished"


_KNOWN_STATUSES: Final[dict[str, WebhookTaskStatus]] = {s.value: s for s in WebhookTaskStatus}


@attrs.frozen(kw_only=True, slots=False)
class WebhookEvent(JsonModel):
    """A verified delivery. Unknown event types arrive as this class with the raw payload.

    `to_dict()` is the delivered body; `WebhookEvent.from_dict(body)` types a stored one
    again (no signature check: verify deliveries with `verify_webhook`).
    """

    type: str
    timestamp: str  # the body's "timestamp", as sent
    payload: dict[str, Any]
    raw: dict[str, Any] = attrs.field(repr=False)  # the whole body
    read_error = InputError

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> WebhookEvent:
        """The event a body describes (as `to_dict()` gives it), typed as on delivery."""
        return read_model(cls, to_event, d)

    @property
    def occurred_at(self) -> datetime | None:
        """``timestamp`` as a datetime, or None when it is not ISO 8601."""
        try:
            return datetime.fromisoformat(self.timestamp)
        except ValueError:
            return None


@attrs.frozen(kw_only=True, slots=False)
class TestEvent(WebhookEvent):
    """The ``test`` event sent once when a webhook endpoint is registered."""

    __test__ = False  # not a pytest test class


@attrs.frozen(kw_only=True, slots=False)
class TaskStatusUpdateEvent(WebhookEvent):
    """An ``agent.task.status_update`` event.

    Its fields read ``payload``, whose shape was checked when the event was verified (keeping
    them out of ``__init__`` keeps verification cheap). ``status`` is a ``WebhookTaskStatus``
    when known and the raw string otherwise.
    """

    @property
    def session_id(self) -> str:
        """The browser session the task ran in."""
        value: str = self.payload["session_id"]
        return value

    @property
    def task_id(self) -> str:
        """The task whose status changed."""
        value: str = self.payload["task_id"]
        return value

    @property
    def status(self) -> WebhookTaskStatus | str:
        """The task's new status (a plain string if this library does not know it)."""
        value: str = self.payload["status"]
        return _KNOWN_STATUSES.get(value, value)

    @property
    def known_status(self) -> WebhookTaskStatus | None:
        """``status`` when it is one this SDK knows, else None."""
        return _KNOWN_STATUSES.get(self.payload["status"])

    @property
    def metadata(self) -> dict[str, str]:
        """The task's metadata; empty when the event carries none."""
        value: dict[str, str] | None = self.payload.get("metadata")
        return {} if value is None else value


def to_event(data: Any) -> WebhookEvent:
    """Type a verified body: known types get their class, unknown ones pass through."""
    if type(data) is not dict:
        raise malformed("the webhook body must be a JSON object")
    kind = data.get("type")
    timestamp = data.get("timestamp")
    payload = data.get("payload")
    if type(kind) is not str or type(timestamp) is not str or type(payload) is not dict:
        raise malformed(
            "the webhook body must have a string 'type', a string 'timestamp' "
            "and an object 'payload'"
        )
    if kind == _STATUS_UPDATE:
        session_id = payload.get("session_id")
        task_id = payload.get("task_id")
        status = payload.get("status")
        if type(session_id) is not str or type(task_id) is not str or type(status) is not str:
            raise malformed(
                "an agent.task.status_update payload needs string 'session_id', "
                "'task_id' and 'status'"
            )
        metadata = payload.get("metadata")
        if type(metadata) is dict:
            for value in metadata.values():
                if type(value) is not str:
                    raise malformed("'metadata' values must be strings")
        elif metadata is not None:
            raise malformed("'metadata' must be an object of string values")
        return TaskStatusUpdateEvent(type=kind, timestamp=timestamp, payload=payload, raw=data)
    if kind == _TEST:
        return TestEvent(type=kind, timestamp=timestamp, payload=payload, raw=data)
    return WebhookEvent(type=kind, timestamp=timestamp, payload=payload, raw=data)
