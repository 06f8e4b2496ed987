"""verify_webhook: every rejection reason, tolerance, rotation, headers, events, duplicates."""

from __future__ import annotations

import json
import pickle
import threading
from datetime import UTC, datetime
from typing import Any

import attrs
import httpx
import pytest
from starlette.datastructures import Headers as StarletteHeaders

from browser_use_cloud._exceptions import BrowserUseError
from browser_use_cloud._webhooks.duplicates import DuplicateGuard, WebhookDuplicateError
from browser_use_cloud._webhooks.errors import (
    WebhookErrorReason,
    WebhookPayloadError,
    WebhookSignatureError,
    WebhookTimestampError,
    WebhookVerificationError,
)
from browser_use_cloud._webhooks.events import (
    TaskStatusUpdateEvent,
    TestEvent,
    WebhookEvent,
    WebhookTaskStatus,
)
from browser_use_cloud._webhooks.signing import (
    SECRET_ENV,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    sign_webhook,
)
from browser_use_cloud._webhooks.verification import verify_webhook

SECRET = "whsec_unit_Zq8v3-never-shown"
NOW = 1_750_000_000


def status_update(status: str = "finished", **payload: Any) -> dict[str, Any]:
    return {
        "type": "agent.task.status_update",
        "timestamp": "2025-06-15T15:06:40.123456+00:00",
        "payload": {"session_id": "s-1", "task_id": "t-1", "status": status, **payload},
    }


def deliver(
    body: dict[str, Any] | bytes | str | None = None, *, secret: str = SECRET, ts: int = NOW
) -> tuple[bytes, dict[str, str]]:
    return sign_webhook(status_update() if body is None else body, secret, timestamp=ts)


def reject(body: Any, headers: Any, **kwargs: Any) -> WebhookVerificationError:
    kwargs.setdefault("secret", SECRET)
    kwargs.setdefault("now", NOW)
    with pytest.raises(WebhookVerificationError) as info:
        verify_webhook(body, headers, **kwargs)
    message = f"{info.value} {info.value!r}"
    assert SECRET not in message
    return info.value


# --- happy path and body forms -------------------------------------------------------------


@pytest.mark.parametrize("form", [bytes, bytearray, lambda b: b.decode()])
def test_accepts_bytes_bytearray_and_str(form: Any) -> None:
    body, headers = deliver()
    event = verify_webhook(form(body), headers, secret=SECRET, now=NOW)
    assert isinstance(event, TaskStatusUpdateEvent)
    assert event.task_id == "t-1"


@pytest.mark.parametrize("parsed", [{"type": "test"}, [1, 2]])
def test_parsed_json_is_refused_with_a_pointer_to_the_raw_body(parsed: Any) -> None:
    _, headers = deliver()
    with pytest.raises(TypeError, match="raw request body"):
        verify_webhook(parsed, headers, secret=SECRET, now=NOW)


def test_other_body_types_are_a_type_error() -> None:
    _, headers = deliver()
    with pytest.raises(TypeError, match="bytes or str"):
        verify_webhook(12, headers, secret=SECRET, now=NOW)  # type: ignore[arg-type]


def test_utf8_bom_and_utf16_bodies_parse_like_json_loads() -> None:
    body, headers = deliver()
    assert verify_webhook(b"\xef\xbb\xbf" + body, headers, secret=SECRET, now=NOW)
    utf16 = body.decode().encode("utf-16-le")
    assert verify_webhook(utf16, headers, secret=SECRET, now=NOW).type == (
        "agent.task.status_update"
    )


# --- headers ---------------------------------------------------------------------------------


def _with_case(headers: dict[str, str], case: Any) -> dict[str, str]:
    return {case(name): value for name, value in headers.items()}


@pytest.mark.parametrize(
    "make",
    [
        lambda h: dict(h),
        lambda h: _with_case(h, str.lower),
        lambda h: _with_case(h, str.upper),
        lambda h: _with_case(h, str.swapcase),
        lambda h: {"Content-Type": "application/json", **_with_case(h, str.title)},
        lambda h: httpx.Headers(_with_case(h, str.upper)),
        lambda h: StarletteHeaders(_with_case(h, str.lower)),
        lambda h: {k.lower(): v.encode() for k, v in h.items()},
    ],
    ids=["as-is", "lower", "upper", "swapcase", "title+extra", "httpx", "starlette", "bytes"],
)
def test_header_lookup_ignores_case_and_mapping_type(make: Any) -> None:
    body, headers = deliver()
    assert verify_webhook(body, make(headers), secret=SECRET, now=NOW).type == (
        "agent.task.status_update"
    )


def test_headers_that_are_not_a_mapping_are_a_type_error() -> None:
    body, headers = deliver()
    with pytest.raises(TypeError, match="mapping"):
        verify_webhook(body, list(headers.items()), secret=SECRET, now=NOW)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("drop", "cls"),
    [(TIMESTAMP_HEADER, WebhookTimestampError), (SIGNATURE_HEADER, WebhookSignatureError)],
)
def test_missing_header(drop: str, cls: type[WebhookVerificationError]) -> None:
    body, headers = deliver()
    del headers[drop]
    error = reject(body, headers)
    assert isinstance(error, cls)
    assert error.reason == "missing_header"  # a StrEnum: plain strings compare equal
    assert error.reason is WebhookErrorReason.MISSING_HEADER
    assert drop in str(error)


# --- timestamp -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "",
        " ",
        "abc",
        "1.5",
        "-5",
        "+1750000000",
        "1750000000 ",
        "\uff11\uff17\uff15\uff10",  # fullwidth digits
        "²",
        "1" * 16,
        "2025-06-15T15:06:40Z",
        "0x1A",
    ],
)
def test_timestamp_must_be_unix_seconds(value: str) -> None:
    body, headers = deliver()
    headers[TIMESTAMP_HEADER] = value
    error = reject(body, headers)
    assert isinstance(error, WebhookTimestampError)
    assert error.reason == WebhookErrorReason.INVALID_TIMESTAMP


@pytest.mark.parametrize("offset", [-300, -1, 0, 1, 300])
def test_within_tolerance_either_way_passes(offset: int) -> None:
    body, headers = deliver(ts=NOW + offset)
    assert verify_webhook(body, headers, secret=SECRET, now=NOW).type


@pytest.mark.parametrize(("offset", "word"), [(-301, "old"), (301, "future"), (-86_400, "old")])
def test_stale_and_future_timestamps_are_rejected(offset: int, word: str) -> None:
    body, headers = deliver(ts=NOW + offset)
    error = reject(body, headers)
    assert isinstance(error, WebhookTimestampError)
    assert error.reason == WebhookErrorReason.TIMESTAMP_OUTSIDE_TOLERANCE
    assert word in str(error)


def test_custom_tolerance_and_clock() -> None:
    body, headers = deliver(ts=NOW - 50)
    assert verify_webhook(body, headers, secret=SECRET, now=NOW, tolerance=50)
    assert reject(body, headers, tolerance=49).reason == "timestamp_outside_tolerance"
    with pytest.raises(ValueError, match="tolerance"):
        verify_webhook(body, headers, secret=SECRET, tolerance=-1)


def test_default_clock_is_now() -> None:
    body, headers = deliver(ts=int(datetime.now(UTC).timestamp()))
    assert verify_webhook(body, headers, secret=SECRET).type == "agent.task.status_update"
    stale, headers = deliver(ts=NOW)
    assert reject(stale, headers, now=None).reason == "timestamp_outside_tolerance"


def test_milliseconds_get_a_hint() -> None:
    body, headers = deliver(ts=NOW * 1000)
    assert "milliseconds" in str(reject(body, headers))


def test_leading_zeros_are_signed_as_sent() -> None:
    """The header text, not its integer value, is what the service signs."""
    body, headers = deliver()
    headers[TIMESTAMP_HEADER] = "0" + headers[TIMESTAMP_HEADER]
    assert reject(body, headers).reason == "invalid_signature"


# --- signature -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["", "zz" * 32, "ab" * 31, "ab" * 33, "é" * 64, "ab " * 21 + "a", "日本" * 32]
)
def test_malformed_signature_is_a_typed_error_not_a_crash(value: str) -> None:
    body, headers = deliver()
    headers[SIGNATURE_HEADER] = value
    error = reject(body, headers)
    assert isinstance(error, WebhookSignatureError)
    assert error.reason == WebhookErrorReason.INVALID_SIGNATURE


def test_signature_hex_case_does_not_matter() -> None:
    body, headers = deliver()
    headers[SIGNATURE_HEADER] = headers[SIGNATURE_HEADER].upper()
    assert verify_webhook(body, headers, secret=SECRET, now=NOW)


def test_tampered_body_is_rejected() -> None:
    body, headers = deliver()
    error = reject(body.replace(b"finished", b"stopped"), headers)
    assert isinstance(error, WebhookSignatureError)
    assert error.reason == "invalid_signature"


def test_signature_is_checked_before_the_body_is_typed() -> None:
    """A forged body with the wrong shape is a signature failure, never a payload one."""
    _, headers = deliver()
    error = reject(b'{"type": "agent.task.status_update", "payload": 1}', headers)
    assert error.reason == "invalid_signature"


# --- secrets -------------------------------------------------------------------------------


def test_rotation_any_secret_passes() -> None:
    old_body, old_headers = deliver(secret="old-secret")
    new_body, new_headers = deliver(secret="new-secret")
    for body, headers in [(old_body, old_headers), (new_body, new_headers)]:
        assert verify_webhook(body, headers, secrets=["new-secret", "old-secret"], now=NOW)
        assert verify_webhook(body, headers, secret="new-secret", secrets=("old-secret",), now=NOW)
    error = reject(old_body, old_headers, secret=None, secrets=["new-secret", "other"])
    assert "2 configured secret" in str(error)


def test_secret_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    body, headers = deliver()
    monkeypatch.setenv(SECRET_ENV, SECRET)
    assert verify_webhook(body, headers, now=NOW).type == "agent.task.status_update"
    monkeypatch.setenv(SECRET_ENV, "something-else")
    assert verify_webhook(body, headers, secret=SECRET, now=NOW)  # explicit wins
    assert reject(body, headers, secret=None).reason == "invalid_signature"


@pytest.mark.parametrize("kwargs", [{}, {"secret": ""}, {"secrets": []}, {"secrets": ["ok", ""]}])
def test_no_secret(monkeypatch: pytest.MonkeyPatch, kwargs: dict[str, Any]) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    body, headers = deliver()
    error = reject(body, headers, **{"secret": None, **kwargs})
    assert type(error) is WebhookVerificationError
    assert error.reason == WebhookErrorReason.NO_SECRET


def test_empty_environment_secret_is_no_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SECRET_ENV, "")
    body, headers = deliver()
    error = reject(body, headers, secret=None)
    assert error.reason == "no_secret"
    assert SECRET_ENV in str(error)


def test_secrets_must_be_a_list_of_str() -> None:
    body, headers = deliver()
    with pytest.raises(TypeError, match="not a single string"):
        verify_webhook(body, headers, secrets=SECRET, now=NOW)
    with pytest.raises(TypeError, match="must be a str"):
        verify_webhook(body, headers, secret=SECRET.encode(), now=NOW)  # type: ignore[arg-type]


# --- body shape (after a valid signature) --------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"",
        b'{"type": "test"',
        b"\xff\xfe\xfa",
        b"[" * 100_000 + b"]" * 100_000,
    ],
    ids=["text", "empty", "truncated", "bad-utf8", "deep"],
)
def test_body_that_is_not_json(body: bytes) -> None:
    _, headers = deliver()
    error = reject(body, headers)
    assert isinstance(error, WebhookPayloadError)
    assert error.reason == WebhookErrorReason.MALFORMED_BODY


@pytest.mark.parametrize(
    "body",
    [
        [1, 2],
        "a string",
        {"timestamp": "t", "payload": {}},
        {"type": 1, "timestamp": "t", "payload": {}},
        {"type": "test", "payload": {"test": "ok"}},
        {"type": "test", "timestamp": "t", "payload": None},
        {"type": "agent.task.status_update", "timestamp": "t", "payload": {"task_id": "t"}},
        status_update(session_id=None),
        status_update(metadata={"n": 1}),
        status_update(metadata=["a"]),
    ],
)
def test_signed_body_with_the_wrong_shape(body: Any) -> None:
    raw, headers = deliver(json.dumps(body))
    error = reject(raw, headers)
    assert isinstance(error, WebhookPayloadError)
    assert error.reason == "malformed_body"


# --- events --------------------------------------------------------------------------------


def test_status_update_event() -> None:
    body, headers = deliver(status_update("paused", metadata={"user": "é", "run": "7"}))
    event = verify_webhook(body, headers, secret=SECRET, now=NOW)
    assert isinstance(event, TaskStatusUpdateEvent)
    assert event.status == "paused"
    assert event.status is WebhookTaskStatus.PAUSED
    assert event.known_status is WebhookTaskStatus.PAUSED
    assert event.metadata == {"user": "é", "run": "7"}
    assert event.timestamp == "2025-06-15T15:06:40.123456+00:00"
    assert event.occurred_at == datetime(2025, 6, 15, 15, 6, 40, 123456, tzinfo=UTC)
    assert event.raw["payload"] is event.payload
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.type = "other"  # type: ignore[misc]


def test_null_metadata_is_empty() -> None:
    body, headers = deliver(status_update(metadata=None))
    event = verify_webhook(body, headers, secret=SECRET, now=NOW)
    assert isinstance(event, TaskStatusUpdateEvent)
    assert event.metadata == {}


def test_unknown_status_passes_through() -> None:
    body, headers = deliver(status_update("running", extra_field=[1]))
    event = verify_webhook(body, headers, secret=SECRET, now=NOW)
    assert isinstance(event, TaskStatusUpdateEvent)
    assert event.status == "running"
    assert not isinstance(event.status, WebhookTaskStatus)
    assert event.known_status is None
    assert event.payload["extra_field"] == [1]


def test_unknown_type_passes_through_as_a_generic_event() -> None:
    raw = {"type": "agent.task.step", "timestamp": "yesterday", "payload": {"n": 1.5}, "v": 2}
    body, headers = deliver(raw)
    event = verify_webhook(body, headers, secret=SECRET, now=NOW)
    assert type(event) is WebhookEvent
    assert (event.type, event.payload, event.raw) == ("agent.task.step", {"n": 1.5}, raw)
    assert event.occurred_at is None


def test_test_event() -> None:
    raw = {"type": "test", "timestamp": "2024-03-21T12:00:00Z", "payload": {"test": "ok"}}
    body, headers = deliver(raw)
    event = verify_webhook(body, headers, secret=SECRET, now=NOW)
    assert type(event) is TestEvent
    assert event.occurred_at == datetime(2024, 3, 21, 12, tzinfo=UTC)


# --- errors --------------------------------------------------------------------------------


def test_error_hierarchy_and_pickling() -> None:
    body, headers = deliver()
    error = reject(body, {**headers, SIGNATURE_HEADER: "0" * 64})
    assert isinstance(error, BrowserUseError)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.reason, str(copy)) == (type(error), error.reason, str(error))


def test_secret_never_in_any_message(monkeypatch: pytest.MonkeyPatch) -> None:
    body, headers = deliver()
    guard = DuplicateGuard()
    verify_webhook(body, headers, secret=SECRET, now=NOW, dedupe=guard)
    cases = [
        (body, {}),
        (body, {TIMESTAMP_HEADER: "x", SIGNATURE_HEADER: "y"}),
        (body, {TIMESTAMP_HEADER: "1", SIGNATURE_HEADER: "y"}),
        (body, {**headers, SIGNATURE_HEADER: "y"}),
        (body + b"x", headers),
        (body.replace(b"s-1", b"s-2"), headers),
        (body, headers),
    ]
    reasons = set()
    for raw, hdrs in cases:
        reasons.add(reject(raw, hdrs, dedupe=guard).reason)
    assert len(reasons) == 6
    assert SECRET not in repr(guard)


# --- duplicates ----------------------------------------------------------------------------


def test_duplicate_guard_catches_a_redelivery_with_a_fresh_timestamp() -> None:
    guard = DuplicateGuard()
    body, headers = deliver(ts=NOW)
    first = verify_webhook(body, headers, secret=SECRET, now=NOW, dedupe=guard)
    retry_body, retry_headers = deliver(ts=NOW + 60)  # a retry is signed again, later
    error = reject(retry_body, retry_headers, now=NOW + 60, dedupe=guard)
    assert isinstance(error, WebhookDuplicateError)
    assert error.reason == WebhookErrorReason.DUPLICATE
    assert error.event == first
    assert pickle.loads(pickle.dumps(error)).event == first
    next_body, next_headers = deliver(status_update("stopped"), ts=NOW + 60)
    assert verify_webhook(next_body, next_headers, secret=SECRET, now=NOW + 60, dedupe=guard)
    assert len(guard) == 2


def test_duplicate_guard_for_other_event_types() -> None:
    guard = DuplicateGuard()
    test = {"type": "test", "timestamp": "t0", "payload": {"test": "ok"}}
    body, headers = deliver(test)
    verify_webhook(body, headers, secret=SECRET, now=NOW, dedupe=guard)
    assert reject(body, headers, dedupe=guard).reason == "duplicate"
    other, headers = deliver({**test, "payload": {"test": "again"}})
    assert verify_webhook(other, headers, secret=SECRET, now=NOW, dedupe=guard)


def test_duplicate_guard_expires_and_releases() -> None:
    guard = DuplicateGuard(ttl=10)
    event = verify_webhook(*deliver(), secret=SECRET, now=NOW)
    assert guard.claim(event, now=0.0)
    assert not guard.claim(event, now=9.9)
    assert guard.claim(event, now=10.0)  # expired, claimed again
    guard.release(event)
    assert guard.claim(event, now=10.5)
    guard.clear()
    assert len(guard) == 0


def test_duplicate_guard_is_bounded() -> None:
    guard = DuplicateGuard(ttl=1_000, max_entries=3)
    events = []
    for i in range(5):
        body, headers = deliver(status_update(str(i)))
        events.append(verify_webhook(body, headers, secret=SECRET, now=NOW))
        assert guard.claim(events[-1], now=float(i))
    assert len(guard) == 3
    assert guard.claim(events[0], now=5.0)  # the oldest were evicted
    assert not guard.claim(events[4], now=5.0)
    with pytest.raises(ValueError):
        DuplicateGuard(ttl=0)
    with pytest.raises(ValueError):
        DuplicateGuard(max_entries=0)


def test_duplicate_guard_is_thread_safe() -> None:
    guard = DuplicateGuard()
    body, headers = deliver()
    results: list[bool] = []
    start = threading.Barrier(8)

    def worker() -> None:
        start.wait()
        try:
            verify_webhook(body, headers, secret=SECRET, now=NOW, dedupe=guard)
            results.append(True)
        except WebhookDuplicateError:
            results.append(False)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]


# --- sign_webhook --------------------------------------------------------------------------


def test_sign_webhook_checks_its_input() -> None:
    with pytest.raises(ValueError, match="not valid JSON"):
        sign_webhook(b"{", SECRET)
    with pytest.raises(WebhookVerificationError):
        sign_webhook({}, "")
    with pytest.raises(ValueError, match="timestamp"):
        sign_webhook({}, SECRET, timestamp=True)
    with pytest.raises(TypeError):
        sign_webhook(3, SECRET)  # type: ignore[arg-type]


def test_sign_webhook_int_keys_match_what_the_receiver_parses() -> None:
    body, headers = sign_webhook({"type": "x", "timestamp": "t", "payload": {2: 1, 10: 1}}, SECRET)
    assert verify_webhook(body, headers, secret=SECRET).payload == {"2": 1, "10": 1}
