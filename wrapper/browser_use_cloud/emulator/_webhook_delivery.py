"""Signed webhook delivery with retries, on a background thread.

Interface::

    dispatcher = WebhookDispatcher(url, secret, max_retries=5, backoff=0.5, timeout=5.0)
    dispatcher.start()
    dispatcher.send("agent.task.status_update", {"session_id": ..., "task_id": ..., "status": ...})
    dispatcher.flush(timeout=5.0)      # optional: wait until nothing is pending
    dispatcher.stop(drain=True)        # drain=True: deliver (and retry) what is queued first
    dispatcher.deliveries              # list[DeliveryAttempt], one per HTTP attempt

``send`` never blocks: events go to a queue served by one thread with a sync
``httpx.Client``. The POSTed body is ``{"type", "timestamp" (ISO 8601 UTC), "payload"}``
serialised with plain ``json.dumps``. Each attempt carries ``X-Browser-Use-Timestamp``
(Unix seconds, fresh per attempt) and ``X-Browser-Use-Signature``, the hex HMAC-SHA256
(key: the secret's UTF-8 bytes) of ``"{timestamp}.{canonical body}"`` where the
canonical body is ``json.dumps(body, separators=(",", ":"), sort_keys=True)``
(see :func:`webhook_signature`). A non-2xx answer or a transport error is retried up to
``max_retries`` times, after ``backoff * 2**(n-1)`` seconds (capped at ``backoff_max``);
other events are delivered meanwhile. Redirects are not followed. The secret never
appears in reprs or in ``deliveries``.
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import itertools
import json
import logging
import threading
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import attrs
import httpx

__all__ = ["DeliveryAttempt", "WebhookDispatcher", "webhook_signature"]

_log = logging.getLogger(__name__)


def webhook_signature(secret: str, timestamp: str, body: Mapping[str, Any]) -> str:
    """Hex HMAC-SHA256 over ``"{timestamp}.{canonical JSON of body}"``."""
    canonical = json.dumps(body, separators=(",", ":"), sort_keys=True)
    message = f"{timestamp}.{canonical}".encode()
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


@attrs.frozen
class DeliveryAttempt:
    """One HTTP attempt to deliver one event."""

    event_id: int
    event_type: str
    attempt: int  # 1 for the first try, 2 for the first retry, ...
    status_code: int | None  # None: transport error
    error: str | None
    ok: bool
    body: Mapping[str, Any]


@attrs.define
class _Pending:
    event_id: int
    event_type: str
    body: dict[str, Any]
    attempt: int = 0


class WebhookDispatcher:
    """Deliver events to one webhook URL from a background thread."""

    def __init__(
        self,
        url: str,
        secret: str,
        *,
        max_retries: int = 5,
        backoff: float = 0.5,
        backoff_max: float = 30.0,
        timeout: float = 5.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {max_retries}")
        if backoff < 0 or backoff_max < 0:
            raise ValueError("backoff and backoff_max must be >= 0")
        self.url = url
        self._secret = secret
        self.max_retries = max_retries
        self.backoff = backoff
        self.backoff_max = backoff_max
        self.timeout = timeout
        self._transport = transport
        self.deliveries: list[DeliveryAttempt] = []
        self._heap: list[tuple[float, int, _Pending]] = []
        self._order = itertools.count()
        self._ids = itertools.count(1)
        self._cond = threading.Condition()
        self._in_flight = 0
        self._stopping = False
        self._drain = True
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"WebhookDispatcher(url={self.url!r})"

    def start(self) -> None:
        """Start the delivery thread (idempotent)."""
        with self._cond:
            if self._thread is not None:
                return
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name="emulator-webhooks", daemon=True)
            self._thread.start()

    def send(self, event_type: str, payload: Mapping[str, Any]) -> int:
        """Queue an event; returns its event id (used in ``deliveries``)."""
        body = {
            "type": event_type,
            "timestamp": datetime.now(UTC).isoformat(),
            "payload": dict(payload),
        }
        with self._cond:
            event_id = next(self._ids)
            self._push(time.monotonic(), _Pending(event_id, event_type, body))
            return event_id

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until no event is queued, waiting for a retry or in flight."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._heap and not self._in_flight, timeout)

    def stop(self, drain: bool = True, timeout: float | None = None) -> None:
        """Stop the thread; with ``drain`` deliver everything pending (with retries) first."""
        with self._cond:
            thread = self._thread
            self._stopping = True
            self._drain = drain
            if not drain:
                self._heap.clear()
            self._cond.notify_all()
        if thread is not None:
            thread.join(timeout)
        with self._cond:
            if self._thread is thread and (thread is None or not thread.is_alive()):
                self._thread = None

    def _push(self, due: float, pending: _Pending) -> None:
        heapq.heappush(self._heap, (due, next(self._order), pending))
        self._cond.notify_all()

    def _next(self) -> _Pending | None:
        """Block until an event is due; ``None`` once stopping and nothing is left to do."""
        with self._cond:
            while True:
                if self._stopping and (not self._drain or not self._heap):
                    return None
                if self._heap:
                    wait = self._heap[0][0] - time.monotonic()
                    if wait <= 0:
                        self._in_flight += 1
                        return heapq.heappop(self._heap)[2]
                    self._cond.wait(wait)
                else:
                    self._cond.wait()

    def _run(self) -> None:
        with httpx.Client(
            timeout=self.timeout, transport=self._transport, follow_redirects=False
        ) as client:
            while (pending := self._next()) is not None:
                ok = False
                try:
                    ok = self._attempt(client, pending)
                finally:
                    with self._cond:
                        self._in_flight -= 1
                        retry = not ok and pending.attempt <= self.max_retries
                        if retry and not (self._stopping and not self._drain):
                            self._push(time.monotonic() + self._delay(pending), pending)
                        self._cond.notify_all()

    def _delay(self, pending: _Pending) -> float:
        return float(min(self.backoff * 2 ** (pending.attempt - 1), self.backoff_max))

    def _attempt(self, client: httpx.Client, pending: _Pending) -> bool:
        pending.attempt += 1
        timestamp = str(int(time.time()))
        headers = {
            "content-type": "application/json",
            "user-agent": "browser-use-cloud-emulator",
            "x-browser-use-timestamp": timestamp,
            "x-browser-use-signature": webhook_signature(self._secret, timestamp, pending.body),
        }
        status: int | None = None
        error: str | None = None
        try:
            response = client.post(self.url, content=json.dumps(pending.body), headers=headers)
            status = response.status_code
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        except Exception as exc:  # a broken URL must not kill the delivery thread
            error = f"{type(exc).__name__}: {exc}"
            _log.exception("webhook delivery failed unexpectedly")
        ok = status is not None and 200 <= status < 300
        self.deliveries.append(
            DeliveryAttempt(
                event_id=pending.event_id,
                event_type=pending.event_type,
                attempt=pending.attempt,
                status_code=status,
                error=error,
                ok=ok,
                body=pending.body,
            )
        )
        return ok
