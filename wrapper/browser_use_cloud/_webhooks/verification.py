"""Verify and sign Browser Use webhook deliveries, and turn them into typed events.

The service signs ``f"{timestamp}.{canonical}"`` with HMAC-SHA256 (lowercase hex), where
``timestamp`` is the ``X-Browser-Use-Timestamp`` header (Unix seconds) and ``canonical`` is the
whole JSON body re-dumped by Python's ``json`` with sorted keys, compact separators, ASCII
escapes and the default float repr. So verification starts from the raw body, never from an
object a web framework has already parsed or re-serialised, and it happens before any typing.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Hashable, Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

import attrs

from browser_use_cloud_api.types import JsonModel, read_model

from .._exceptions import BrowserUseError, InputError

__all__ = [
    "DEFAULT_TOLERANCE",
    "SECRET_ENV",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "DuplicateGuard",
    "TaskStatusUpdateEvent",
    "TestEvent",
    "WebhookDuplicateError",
    "WebhookErrorReason",
    "WebhookEvent",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WebhookTaskStatus",
    "WebhookTimestampError",
    "WebhookVerificationError",
    "sign_webhook",
    "verify_webhook",
]

SIGNATURE_HEADER: Final = "X-Browser-Use-Signature"
TIMESTAMP_HEADER: Final = "X-Browser-Use-Timestamp"
SECRET_ENV: Final = "BROWSER_USE_WEBHOOK_SECRET"
DEFAULT_TOLERANCE: Final = 300

_SIGNATURE_KEY: Final = SIGNATURE_HEADER.lower()  # lookups start with the lower-case form
_TIMESTAMP_KEY: Final = TIMESTAMP_HEADER.lower()
_MAX_TIMESTAMP_DIGITS: Final = 15
_HEX_SIGNATURE_LENGTH: Final = 64
_STATUS_UPDATE: Final = "agent.task.status_update"
_TEST: Final = "test"

_BODY_TYPES: Final = (bytes, str, bytearray)
_decode = json.JSONDecoder().decode
# One shared encoder: json.dumps(obj, separators=..., sort_keys=True) builds a new one per call.
_canonical = json.JSONEncoder(separators=(",", ":"), sort_keys=True).encode


# --- errors -----------------------------------------------------------------------------------


class WebhookErrorReason(StrEnum):
    """Why a delivery was rejected (compares equal to its string value)."""

    MISSING_HEADER = "missing_header"
    INVALID_TIMESTAMP = "invalid_timestamp"
    TIMESTAMP_OUTSIDE_TOLERANCE = "timestamp_outside_tolerance"
    INVALID_SIGNATURE = "invalid_signature"
    MALFORMED_BODY = "malformed_body"
    NO_SECRET = "no_secret"
    DUPLICATE = "duplicate"


class WebhookVerificationError(BrowserUseError):
    """A webhook delivery was rejected; ``reason`` says why. Never carries the secret."""

    def __init__(self, message: str, reason: WebhookErrorReason) -> None:
        super().__init__(message)
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.reason))


class WebhookSignatureError(WebhookVerificationError):
    """The signature header is missing, malformed, or matches none of the secrets."""


class WebhookTimestampError(WebhookVerificationError):
    """The timestamp header is missing, not Unix seconds, or outside the tolerance window."""


class WebhookPayloadError(WebhookVerificationError):
    """The body is not JSON, or not the event envelope this SDK understands."""


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


# --- events -----------------------------------------------------------------------------------


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
        return read_model(cls, _to_event, d)

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


def _malformed(message: str) -> WebhookPayloadError:
    return WebhookPayloadError(message, WebhookErrorReason.MALFORMED_BODY)


def _to_event(data: Any) -> WebhookEvent:
    """Type a verified body: known types get their class, unknown ones pass through."""
    if type(data) is not dict:
        raise _malformed("the webhook body must be a JSON object")
    kind = data.get("type")
    timestamp = data.get("timestamp")
    payload = data.get("payload")
    if type(kind) is not str or type(timestamp) is not str or type(payload) is not dict:
        raise _malformed(
            "the webhook body must have a string 'type', a string 'timestamp' "
            "and an object 'payload'"
        )
    if kind == _STATUS_UPDATE:
        session_id = payload.get("session_id")
        task_id = payload.get("task_id")
        status = payload.get("status")
        if type(session_id) is not str or type(task_id) is not str or type(status) is not str:
            raise _malformed(
                "an agent.task.status_update payload needs string 'session_id', "
                "'task_id' and 'status'"
            )
        metadata = payload.get("metadata")
        if type(metadata) is dict:
            for value in metadata.values():
                if type(value) is not str:
                    raise _malformed("'metadata' values must be strings")
        elif metadata is not None:
            raise _malformed("'metadata' must be an object of string values")
        return TaskStatusUpdateEvent(type=kind, timestamp=timestamp, payload=payload, raw=data)
    if kind == _TEST:
        return TestEvent(type=kind, timestamp=timestamp, payload=payload, raw=data)
    return WebhookEvent(type=kind, timestamp=timestamp, payload=payload, raw=data)


# --- duplicate guard --------------------------------------------------------------------------


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
        return (event.type, event.timestamp, _canonical(event.payload))

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


# --- verification -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=32)
def _keyed(secret: str) -> hmac.HMAC:
    """An HMAC-SHA256 already keyed with ``secret``; copying it skips re-keying per delivery."""
    return hmac.new(secret.encode(), digestmod=hashlib.sha256)


def resolve_keys(secret: str | None, secrets: Sequence[str] | None) -> tuple[hmac.HMAC, ...]:
    """Resolve the candidate secrets: ``secret``, then ``secrets``, else the environment."""
    if secrets is None:
        if secret is None:
            secret = os.environ.get(SECRET_ENV)
            if not secret:
                raise WebhookVerificationError(
                    f"no webhook secret: pass secret=... or set {SECRET_ENV}",
                    WebhookErrorReason.NO_SECRET,
                )
        candidates: Sequence[object] = (secret,)
    elif isinstance(secrets, str | bytes):
        raise TypeError("secrets must be a list of strings, not a single string")
    else:
        candidates = list(secrets) if secret is None else [secret, *secrets]
    keys = []
    for candidate in candidates:
        if not isinstance(candidate, str):
            raise TypeError(f"a webhook secret must be a str, got {type(candidate).__name__}")
        if not candidate:
            raise WebhookVerificationError(
                "a webhook secret is empty", WebhookErrorReason.NO_SECRET
            )
        keys.append(_keyed(candidate))
    if not keys:
        raise WebhookVerificationError(
            "secrets is empty: give at least one webhook secret", WebhookErrorReason.NO_SECRET
        )
    return tuple(keys)


def _header(headers: Mapping[str, str], key: str, name: str) -> object:
    """Find a header by its lower-case ``key`` or any other case of it, in any mapping."""
    try:
        value = headers.get(key)
        if value is None:
            value = headers.get(name)
    except AttributeError:
        raise TypeError(
            f"headers must be a mapping of header names to values, got {type(headers).__name__}"
        ) from None
    if value is None:
        for candidate, found in headers.items():
            if isinstance(candidate, str) and candidate.lower() == key:
                return found
    return value


def _text(value: object) -> str | None:
    """A header value as text: raw ASGI-style bytes are latin-1, anything else is unusable."""
    if type(value) is str:
        return value
    return value.decode("latin-1") if isinstance(value, bytes) else None


def _parse(body: bytes | bytearray | str) -> Any:
    """``json.loads(body)``; plain UTF-8 bytes skip its encoding detection (same result)."""
    if type(body) is bytes:
        try:
            return _decode(body.decode())
        except ValueError:
            pass  # a BOM, UTF-16/32 or encoded surrogates: let json.loads handle them exactly
    return json.loads(body)


def verify_with_keys(
    body: bytes | bytearray | str,
    headers: Mapping[str, str],
    keys: tuple[hmac.HMAC, ...],
    tolerance: int,
    now: float | None,
    dedupe: DuplicateGuard | None,
) -> WebhookEvent:
    """Verify with resolved keys (the shared hot path of verify_webhook and the receiver)."""
    if type(body) is not bytes and type(body) is not str and not isinstance(body, _BODY_TYPES):
        if isinstance(body, Mapping | list):
            raise TypeError(
                "pass the raw request body (bytes or str), not parsed JSON: the signature "
                "covers the body exactly as received, e.g. `await request.body()`"
            )
        raise TypeError(f"body must be bytes or str, got {type(body).__name__}")
    raw_timestamp = _header(headers, _TIMESTAMP_KEY, TIMESTAMP_HEADER)
    if raw_timestamp is None:
        raise WebhookTimestampError(
            f"missing {TIMESTAMP_HEADER} header", WebhookErrorReason.MISSING_HEADER
        )
    raw_signature = _header(headers, _SIGNATURE_KEY, SIGNATURE_HEADER)
    if raw_signature is None:
        raise WebhookSignatureError(
            f"missing {SIGNATURE_HEADER} header", WebhookErrorReason.MISSING_HEADER
        )
    timestamp_text = _text(raw_timestamp)
    if (
        timestamp_text is None
        or not timestamp_text.isdigit()
        or not timestamp_text.isascii()
        or len(timestamp_text) > _MAX_TIMESTAMP_DIGITS
    ):
        raise WebhookTimestampError(
            f"{TIMESTAMP_HEADER} must be an integer number of Unix seconds",
            WebhookErrorReason.INVALID_TIMESTAMP,
        )
    timestamp = int(timestamp_text)
    if now is None:
        now = time.time()
    drift = now - timestamp
    if drift > tolerance or -drift > tolerance:
        when = "old" if drift > 0 else "in the future"
        hint = " (milliseconds? it must be seconds)" if timestamp > 10**11 else ""
        raise WebhookTimestampError(
            f"{TIMESTAMP_HEADER} is {abs(drift):.0f} s {when}{hint}; tolerance is {tolerance} s",
            WebhookErrorReason.TIMESTAMP_OUTSIDE_TOLERANCE,
        )
    signature_text = _text(raw_signature)
    try:
        if signature_text is None or len(signature_text) != _HEX_SIGNATURE_LENGTH:
            raise ValueError
        received = bytes.fromhex(signature_text)
    except ValueError:
        raise WebhookSignatureError(
            f"{SIGNATURE_HEADER} must be a 64-character hex HMAC-SHA256",
            WebhookErrorReason.INVALID_SIGNATURE,
        ) from None
    try:
        data = _parse(body)
        canonical = _canonical(data)
    except (ValueError, RecursionError):
        raise _malformed("the webhook body is not valid JSON") from None
    message = (timestamp_text + "." + canonical).encode()
    for keyed in keys:
        mac = keyed.copy()
        mac.update(message)
        if hmac.compare_digest(mac.digest(), received):
            break
    else:
        raise WebhookSignatureError(
            f"{SIGNATURE_HEADER} matches none of the {len(keys)} configured secret(s); "
            "check the secret and pass the body exactly as received",
            WebhookErrorReason.INVALID_SIGNATURE,
        )
    event = _to_event(data)
    if dedupe is not None and not dedupe.claim(event, now):
        raise WebhookDuplicateError(event)
    return event


def verify_webhook(
    body: bytes | str,
    headers: Mapping[str, str],
    *,
    secret: str | None = None,
    secrets: Sequence[str] | None = None,
    tolerance: int = DEFAULT_TOLERANCE,
    now: float | None = None,
    dedupe: DuplicateGuard | None = None,
) -> WebhookEvent:
    """Check a delivery's signature and freshness, then return it as a typed event.

    ``body`` is the raw request body; ``headers`` any mapping (lookup ignores case). The secret
    is ``secret``, any of ``secrets`` (rotation) or ``$BROWSER_USE_WEBHOOK_SECRET``. The header
    timestamp must be within ``tolerance`` seconds of ``now`` either way. With ``dedupe``, a
    redelivered event raises WebhookDuplicateError. Every rejection is a
    WebhookVerificationError with a ``reason``.
    """
    if tolerance < 0:
        raise ValueError(f"tolerance must be >= 0 seconds, got {tolerance!r}")
    if secrets is None and type(secret) is str and secret:
        keys: tuple[hmac.HMAC, ...] = (_keyed(secret),)
    else:
        keys = resolve_keys(secret, secrets)
    return verify_with_keys(body, headers, keys, tolerance, now, dedupe)


def sign_webhook(
    body: dict[str, Any] | bytes | str, secret: str, *, timestamp: int | None = None
) -> tuple[bytes, dict[str, str]]:
    """Sign ``body`` as the service would: returns the body bytes to send and the two headers.

    Meant for tests of webhook endpoints. A dict is sent as compact JSON; bytes or str are sent
    as given (they must be JSON). ``timestamp`` defaults to now, in Unix seconds.
    """
    resolve_keys(None, [secret])  # the same checks as verification
    if isinstance(body, dict):
        raw = _canonical(body).encode()
    elif isinstance(body, bytes | bytearray):
        raw = bytes(body)
    elif isinstance(body, str):
        raw = body.encode()
    else:
        raise TypeError(f"body must be a dict, bytes or str, got {type(body).__name__}")
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise ValueError(f"body is not valid JSON: {exc}") from None
    if timestamp is None:
        timestamp = int(time.time())
    elif type(timestamp) is not int or timestamp < 0:
        raise ValueError(f"timestamp must be a non-negative int of Unix seconds, got {timestamp!r}")
    message = f"{timestamp}.{_canonical(data)}".encode()
    signature = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return raw, {TIMESTAMP_HEADER: str(timestamp), SIGNATURE_HEADER: signature}
