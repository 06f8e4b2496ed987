"""Property tests: round trips on random JSON, and no forgery or crash under random mutation."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from browser_use_cloud._webhooks.errors import (
    WebhookErrorReason,
    WebhookPayloadError,
    WebhookTimestampError,
    WebhookVerificationError,
)
from browser_use_cloud._webhooks.events import TaskStatusUpdateEvent, WebhookEvent
from browser_use_cloud._webhooks.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign_webhook
from browser_use_cloud._webhooks.verification import verify_webhook

BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOW = 1_750_000_000
TOLERANCE = 300

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats()  # NaN and infinities included: Python's json writes and reads them
    | st.text()
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=25,
)
secrets = st.text(min_size=1, max_size=40)
timestamps = st.integers(min_value=NOW - TOLERANCE, max_value=NOW + TOLERANCE)
metadata = st.dictionaries(st.text(max_size=8), st.text(max_size=12), max_size=4)
events = st.one_of(
    st.fixed_dictionaries(
        {
            "type": st.just("agent.task.status_update"),
            "timestamp": st.text(max_size=40),
            "payload": st.fixed_dictionaries(
                {
                    "session_id": st.text(max_size=10),
                    "task_id": st.text(max_size=10),
                    "status": st.sampled_from(
                        ["initializing", "started", "paused", "stopped", "finished"]
                    )
                    | st.text(max_size=10),
                },
                optional={"metadata": st.none() | metadata, "extra": json_values},
            ),
        }
    ),
    st.fixed_dictionaries(
        {
            "type": st.text(max_size=30),
            "timestamp": st.text(max_size=40),
            "payload": st.dictionaries(st.text(max_size=6), json_values, max_size=5),
        },
        optional={"unknown_top_level": json_values},
    ),
)


def canonical(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def reference_signature(secret: str, timestamp: str, raw: bytes) -> str:
    """The documented algorithm, written out with the standard library only."""
    message = f"{timestamp}.{canonical(json.loads(raw))}"
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def try_verify(body: Any, headers: Any, **kwargs: Any) -> WebhookEvent | WebhookVerificationError:
    try:
        return verify_webhook(body, headers, **kwargs)
    except WebhookVerificationError as exc:
        return exc


@BOUNDED
@given(event=events, secret=secrets, ts=timestamps, pretty=st.booleans())
def test_signed_events_verify(event: dict[str, Any], secret: str, ts: int, pretty: bool) -> None:
    raw = json.dumps(event, indent=2 if pretty else None, ensure_ascii=False).encode()
    body, headers = sign_webhook(raw, secret, timestamp=ts)
    assert headers[SIGNATURE_HEADER] == reference_signature(secret, str(ts), raw)
    verified = verify_webhook(body, headers, secret=secret, now=NOW, tolerance=TOLERANCE)
    assert canonical(verified.raw) == canonical(json.loads(raw))
    assert verified.type == event["type"]
    if event["type"] == "agent.task.status_update":
        assert isinstance(verified, TaskStatusUpdateEvent)
        assert verified.status == event["payload"]["status"]
        assert verified.metadata == (event["payload"].get("metadata") or {})


@BOUNDED
@given(value=json_values, secret=secrets, ts=timestamps)
def test_any_signed_json_verifies_or_is_a_payload_error(value: Any, secret: str, ts: int) -> None:
    body, headers = sign_webhook(json.dumps(value), secret, timestamp=ts)
    outcome = try_verify(body.decode(), headers, secret=secret, now=NOW)
    if isinstance(outcome, WebhookVerificationError):
        assert isinstance(outcome, WebhookPayloadError)
        assert outcome.reason == WebhookErrorReason.MALFORMED_BODY
    else:
        assert canonical(outcome.raw) == canonical(value)


def _mutate_bytes(data: st.DataObject, raw: bytes) -> bytes:
    kind = data.draw(st.sampled_from(["flip", "insert", "delete", "truncate", "replace"]))
    if not raw:
        return data.draw(st.binary(max_size=8))
    at = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
    if kind == "flip":
        bit = 1 << data.draw(st.integers(min_value=0, max_value=7))
        return raw[:at] + bytes([raw[at] ^ bit]) + raw[at + 1 :]
    if kind == "insert":
        return raw[:at] + data.draw(st.binary(min_size=1, max_size=4)) + raw[at:]
    if kind == "delete":
        return raw[:at] + raw[at + 1 :]
    if kind == "truncate":
        return raw[:at]
    return data.draw(st.binary(max_size=64))


@BOUNDED
@given(event=events, secret=secrets, ts=timestamps, data=st.data())
def test_mutations_never_forge_and_never_crash(
    event: dict[str, Any], secret: str, ts: int, data: st.DataObject
) -> None:
    body, headers = sign_webhook(event, secret, timestamp=ts)
    original_canonical = canonical(json.loads(body))
    target = data.draw(st.sampled_from(["body", "timestamp", "signature", "secret", "drop"]))
    used_secret = secret
    if target == "body":
        body = _mutate_bytes(data, body)
    elif target == "timestamp":
        headers[TIMESTAMP_HEADER] = data.draw(
            st.text(max_size=14) | st.integers(-(10**12), 10**12).map(str)
        )
    elif target == "signature":
        headers[SIGNATURE_HEADER] = data.draw(
            st.text(max_size=70)
            | st.binary(min_size=32, max_size=32).map(bytes.hex)
            | st.just(headers[SIGNATURE_HEADER].upper())
        )
    elif target == "secret":
        used_secret = data.draw(secrets)
    else:
        del headers[data.draw(st.sampled_from([TIMESTAMP_HEADER, SIGNATURE_HEADER]))]

    outcome = try_verify(body, headers, secret=used_secret, now=NOW, tolerance=TOLERANCE)
    if isinstance(outcome, WebhookVerificationError):
        assert isinstance(outcome.reason, WebhookErrorReason)
        assert outcome.reason != WebhookErrorReason.NO_SECRET
        return
    # Accepted: only a mutation that changes nothing signed may pass.
    assert used_secret == secret
    assert headers[TIMESTAMP_HEADER] == str(ts)
    assert canonical(outcome.raw) == original_canonical
    assert bytes.fromhex(headers[SIGNATURE_HEADER]) == bytes.fromhex(
        reference_signature(secret, str(ts), body)
    )


@BOUNDED
@given(
    event=events,
    secret=secrets,
    skew=st.integers(min_value=TOLERANCE + 1, max_value=10**9),
    future=st.booleans(),
    tolerance=st.integers(min_value=0, max_value=TOLERANCE),
)
def test_stale_and_future_timestamps_are_rejected(
    event: dict[str, Any], secret: str, skew: int, future: bool, tolerance: int
) -> None:
    ts = NOW + skew if future else NOW - skew
    body, headers = sign_webhook(event, secret, timestamp=ts)
    outcome = try_verify(body, headers, secret=secret, now=NOW, tolerance=tolerance)
    assert isinstance(outcome, WebhookTimestampError)
    assert outcome.reason == WebhookErrorReason.TIMESTAMP_OUTSIDE_TOLERANCE


@BOUNDED
@given(
    event=events,
    signer=secrets,
    others=st.lists(secrets, max_size=3),
    ts=timestamps,
    position=st.integers(min_value=0, max_value=3),
)
def test_rotation_accepts_iff_the_signer_is_listed(
    event: dict[str, Any], signer: str, others: list[str], ts: int, position: int
) -> None:
    body, headers = sign_webhook(event, signer, timestamp=ts)
    listed = others or ["x"]
    outcome = try_verify(body, headers, secrets=listed, now=NOW)
    assert isinstance(outcome, WebhookVerificationError) == (signer not in listed)
    listed.insert(min(position, len(listed)), signer)
    assert isinstance(verify_webhook(body, headers, secrets=listed, now=NOW), WebhookEvent)
