"""The duplicate guard: catches a redelivered webhook event (deliveries carry no event id),
and the error a redelivery raises."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from .errors import WebhookErrorReason, WebhookVerificationError
from .events import TaskStatusUpdateEvent, WebhookEvent
from .signing import DEFAULT_TOLERANCE, canonical_json


class WebhookDuplicateError(WebhookVerificationError):
    """A correctly signed delivery of an event already accepted; ``event`` is that event."""

    def __init__(self, event: WebhookEvent) -> None:
        super().__init__(
            f"duplicate delivery of a {event.type!r} event sent at {event.timestamp!r}",
            WebhookErrorReason.DUPLICATE,
        )
        self.event = event

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.event,))


class DuplicateGuard:
    """Remembers accepted events for ``ttl`` seconds so a redelivery is caught.

    Deliveries are retried (at least once, up to 5 times) and carry no event id, so an event is
    keyed on ``(task_id, status, body timestamp)`` for status updates and on
    ``(type, body timestamp, payload)`` otherwise. Thread-safe; at most ``max_entries`` keys
    are kept (the oldest go first).
    """

    def __init__(self, ttl: float = 2 * DEFAULT_TOLERANCE, max_entries: int = 10_000) -> None:
        if ttl <= 0:
            raise ValueError(f"ttl must be positive, got {ttl!r}")
        if max_entries < 1:
            raise ValueError(f"max_entries must be at least 1, got {max_entries!r}")
        self.ttl = ttl
        self.max_entries = max_entries
        self._expiry: OrderedDict[Hashable, float] = OrderedDict()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"DuplicateGuard(ttl={self.ttl!r}, max_entries={self.max_entries!r})"

    def __len__(self) -> int:
        return len(self._expiry)

    @staticmethod
    def key(event: WebhookEvent) -> Hashable:
        """The identity of ``event`` across redeliveries."""
        if isinstance(event, TaskStatusUpdateEvent):
            return (event.type, event.task_id, str(event.status), event.timestamp)
        return (event.type, event.timestamp, canonical_json(event.payload))

    def claim(self, event: WebhookEvent, now: float | None = None) -> bool:
        """Record ``event``; False when it was already recorded within ``ttl``."""
        key = self.key(event)
        now = time.time() if now is None else now
        with self._lock:
            expiry = self._expiry
            while expiry:
                oldest_key, oldest_expiry = next(iter(expiry.items()))
                if oldest_expiry > now:
                    break
                del expiry[oldest_key]
            seen = expiry.get(key)
            if seen is not None and seen > now:
                return False
            expiry[key] = now + self.ttl
            expiry.move_to_end(key)
            if len(expiry) > self.max_entries:
                expiry.popitem(last=False)
            return True

    def release(self, event: WebhookEvent) -> None:
        """Forget ``event`` (e.g. its handler failed) so a redelivery is processed again."""
        with self._lock:
            self._expiry.pop(self.key(event), None)

    def clear(self) -> None:
        """Forget every event."""
        with self._lock:
            self._expiry.clear()
