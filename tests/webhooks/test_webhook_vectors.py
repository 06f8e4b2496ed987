"""Known-answer vectors: signatures computed once, outside the SDK, and pasted here.

Each expected hex was produced by a separate one-off script using only ``hmac``, ``hashlib``
and ``json`` (``json.dumps(json.loads(raw), separators=(",", ":"), sort_keys=True)``), so these
tests catch a verifier that merely agrees with its own signer.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import NamedTuple

import pytest

from browser_use_cloud._webhooks.errors import WebhookErrorReason, WebhookSignatureError
from browser_use_cloud._webhooks.events import (
    TaskStatusUpdateEvent,
    TestEvent,
    WebhookEvent,
    WebhookTaskStatus,
)
from browser_use_cloud._webhooks.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign_webhook
from browser_use_cloud._webhooks.verification import verify_webhook


class Vector(NamedTuple):
    secret: str
    timestamp: str
    raw: bytes
    canonical: str
    signature: str


DOCS_TEST_EVENT = Vector(
    secret="whsec_kat_secret_1",
    timestamp="1711022400",
    raw=b'{"type": "test", "timestamp": "2024-03-21T12:00:00Z", "payload": {"test": "ok"}}',
    canonical='{"payload":{"test":"ok"},"timestamp":"2024-03-21T12:00:00Z","type":"test"}',
    signature="dddf9dff852e4699d1a850ec522ada397323a238be4e03d8cfdd58ebedded3ef",
)

# The docs' status update, pretty-printed: the raw bytes are not the canonical form.
DOCS_STATUS_UPDATE = Vector(
    secret="whsec_kat_secret_1",
    timestamp="1748164942",
    raw=(
        b'{\n  "type": "agent.task.status_update",\n'
        b'  "timestamp": "2025-05-25T09:22:22.269116+00:00",\n'
        b'  "payload": {\n    "session_id": "cd9cc7bf-e3af-4181-80a2-73f083bc94b4",\n'
        b'    "task_id": "5b73fb3f-a3cb-4912-be40-17ce9e9e1a45",\n'
        b'    "status": "finished"\n  }\n}\n'
    ),
    canonical=(
        '{"payload":{"session_id":"cd9cc7bf-e3af-4181-80a2-73f083bc94b4","status":"finished",'
        '"task_id":"5b73fb3f-a3cb-4912-be40-17ce9e9e1a45"},'
        '"timestamp":"2025-05-25T09:22:22.269116+00:00","type":"agent.task.status_update"}'
    ),
    signature="7fab07480ce8180cf3ea4e40887f8f09b03ce0b298931296e094c8782a0e78b4",
)

# Non-ASCII metadata as raw UTF-8 (é, 日本語, 🚀, a fullwidth U+FF01 key and an emoji key, which
# sort by code point, not UTF-16 unit) plus one value sent already escaped; non-ASCII secret.
UNICODE_METADATA = Vector(
    secret="sécret-日本-🔑",
    timestamp="1750000000",
    raw=(
        '{"payload": {"task_id": "t-1", "status": "started", "session_id": "s-1", '
        '"metadata": {"city": "Montréal", "greeting": "日本語", "mood": "🚀", '
        '"\uff01": "fullwidth", "😀": "emoji key", "escaped": "caf\\u00e9"}}, '
        '"type": "agent.task.status_update", "timestamp": "2025-06-15T15:06:40+00:00"}'
    ).encode(),
    canonical=(
        '{"payload":{"metadata":{"city":"Montr\\u00e9al","escaped":"caf\\u00e9",'
        '"greeting":"\\u65e5\\u672c\\u8a9e","mood":"\\ud83d\\ude80","\\uff01":"fullwidth",'
        '"\\ud83d\\ude00":"emoji key"},"session_id":"s-1","status":"started","task_id":"t-1"},'
        '"timestamp":"2025-06-15T15:06:40+00:00","type":"agent.task.status_update"}'
    ),
    signature="efaf3a99877eb2e6a2d0b1d2d1f367bf43b9defe9b6fa5651545569355d53af8",
)

# Floats (1.0, 1e16, 0.1, -0.0, 1E+2, 2.5e-07), a big int, nesting, escapes, CRLF, shuffled
# keys, spaces around colons and an event type this SDK does not know.
FLOATS_NESTED = Vector(
    secret="whsec_kat_secret_2",
    timestamp="1760000000",
    raw=(
        b'{ "timestamp" : "2025-10-09T08:53:20Z" ,\r\n "type":"agent.task.future_event", '
        b'"payload":{"z":[1.0, 1e16, 0.1, -0.0, 1E+2, 2.5e-07, 12345678901234567890, 3],\n'
        b'  "a": {"nested": {"deeper": [ {"k": null}, true, false, [], {} ]}, "b": "x"}, '
        b'"m": "tab\\tquote\\"slash\\/"}}'
    ),
    canonical=(
        '{"payload":{"a":{"b":"x","nested":{"deeper":[{"k":null},true,false,[],{}]}},'
        '"m":"tab\\tquote\\"slash/",'
        '"z":[1.0,1e+16,0.1,-0.0,100.0,2.5e-07,12345678901234567890,3]},'
        '"timestamp":"2025-10-09T08:53:20Z","type":"agent.task.future_event"}'
    ),
    signature="159910c5ab437973ba23fa83517e85ab3c448f5586b27bb6e9f4fb46a5ae2f2c",
)

# Repeated keys collapse, last one wins, exactly as json.loads does on the server.
DUPLICATE_KEYS = Vector(
    secret="whsec_kat_secret_2",
    timestamp="1760000001",
    raw=(
        b'{"type":"test","timestamp":"2025-10-09T08:53:21Z",'
        b'"payload":{"test":"no","test":"ok"},"type":"test"}'
    ),
    canonical='{"payload":{"test":"ok"},"timestamp":"2025-10-09T08:53:21Z","type":"test"}',
    signature="4bfa4e6f051b60c6e5f24e3e43c18bff3190811274524f375e01fd6ce0cc838e",
)

VECTORS = {
    "docs_test_event": DOCS_TEST_EVENT,
    "docs_status_update": DOCS_STATUS_UPDATE,
    "unicode_metadata": UNICODE_METADATA,
    "floats_nested": FLOATS_NESTED,
    "duplicate_keys": DUPLICATE_KEYS,
}
ALL = pytest.mark.parametrize("vector", list(VECTORS.values()), ids=list(VECTORS))


def headers_of(vector: Vector, signature: str | None = None) -> dict[str, str]:
    return {
        TIMESTAMP_HEADER: vector.timestamp,
        SIGNATURE_HEADER: vector.signature if signature is None else signature,
    }


def hex_hmac(secret: str, message: str) -> str:
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


@ALL
def test_vector_verifies(vector: Vector) -> None:
    event = verify_webhook(
        vector.raw, headers_of(vector), secret=vector.secret, now=int(vector.timestamp)
    )
    assert json.dumps(event.raw, separators=(",", ":"), sort_keys=True) == vector.canonical


@ALL
def test_vector_verifies_as_str_body(vector: Vector) -> None:
    event = verify_webhook(
        vector.raw.decode(), headers_of(vector), secret=vector.secret, now=int(vector.timestamp)
    )
    assert event.raw == json.loads(vector.raw)


@ALL
def test_sign_webhook_reproduces_vector(vector: Vector) -> None:
    body, headers = sign_webhook(vector.raw, vector.secret, timestamp=int(vector.timestamp))
    assert body == vector.raw
    assert headers == headers_of(vector)


@ALL
def test_sign_webhook_from_dict_reproduces_vector(vector: Vector) -> None:
    body, headers = sign_webhook(
        json.loads(vector.raw), vector.secret, timestamp=int(vector.timestamp)
    )
    assert body.decode() == vector.canonical
    assert headers[SIGNATURE_HEADER] == vector.signature


@ALL
def test_wrong_secret_rejects_vector(vector: Vector) -> None:
    with pytest.raises(WebhookSignatureError) as info:
        verify_webhook(
            vector.raw, headers_of(vector), secret=vector.secret + "x", now=int(vector.timestamp)
        )
    assert info.value.reason == WebhookErrorReason.INVALID_SIGNATURE


@ALL
def test_other_timestamp_rejects_vector(vector: Vector) -> None:
    later = str(int(vector.timestamp) + 1)
    with pytest.raises(WebhookSignatureError):
        verify_webhook(
            vector.raw,
            {TIMESTAMP_HEADER: later, SIGNATURE_HEADER: vector.signature},
            secret=vector.secret,
            now=int(later),
        )


def test_payload_only_signature_is_rejected() -> None:
    """The 1.0.2 helper signed body["payload"]; the service signs the whole body."""
    vector = DOCS_STATUS_UPDATE
    payload = json.dumps(json.loads(vector.raw)["payload"], separators=(",", ":"), sort_keys=True)
    wrong = hex_hmac(vector.secret, f"{vector.timestamp}.{payload}")
    with pytest.raises(WebhookSignatureError):
        verify_webhook(vector.raw, headers_of(vector, wrong), secret=vector.secret, now=1748164942)


def test_raw_bytes_signature_is_rejected() -> None:
    """Stripe-style signing of the raw bytes differs when the body is not canonical."""
    vector = DOCS_STATUS_UPDATE
    wrong = hex_hmac(vector.secret, f"{vector.timestamp}.{vector.raw.decode()}")
    with pytest.raises(WebhookSignatureError):
        verify_webhook(vector.raw, headers_of(vector, wrong), secret=vector.secret, now=1748164942)


def test_non_ascii_escaping_must_match_python() -> None:
    """A signer that skips ASCII escaping (JSON.stringify-like) does not match."""
    vector = UNICODE_METADATA
    unescaped = json.dumps(
        json.loads(vector.raw), separators=(",", ":"), sort_keys=True, ensure_ascii=False
    )
    assert unescaped != vector.canonical
    wrong = hex_hmac(vector.secret, f"{vector.timestamp}.{unescaped}")
    with pytest.raises(WebhookSignatureError):
        verify_webhook(vector.raw, headers_of(vector, wrong), secret=vector.secret, now=1750000000)


@pytest.mark.parametrize(
    ("original", "changed"),
    [(b"1.0,", b"1,"), (b"1e16", b"10000000000000000"), (b"0.1,", b"0.10000001,")],
)
def test_float_spelling_that_changes_the_value_is_rejected(original: bytes, changed: bytes) -> None:
    vector = FLOATS_NESTED
    tampered = vector.raw.replace(original, changed, 1)
    assert tampered != vector.raw
    with pytest.raises(WebhookSignatureError):
        verify_webhook(tampered, headers_of(vector), secret=vector.secret, now=1760000000)


def test_float_spelling_that_keeps_the_value_still_verifies() -> None:
    """1E+2 and 100.0 parse to the same float, so the canonical form (and signature) agree."""
    vector = FLOATS_NESTED
    respelled = vector.raw.replace(b"1E+2", b"100.000", 1)
    assert respelled != vector.raw
    event = verify_webhook(respelled, headers_of(vector), secret=vector.secret, now=1760000000)
    assert event.payload["z"][4] == 100.0


def test_vector_events_are_typed() -> None:
    docs = DOCS_TEST_EVENT
    test = verify_webhook(docs.raw, headers_of(docs), secret=docs.secret, now=1711022400)
    assert type(test) is TestEvent
    assert test.payload == {"test": "ok"}

    docs = DOCS_STATUS_UPDATE
    update = verify_webhook(docs.raw, headers_of(docs), secret=docs.secret, now=1748164942)
    assert isinstance(update, TaskStatusUpdateEvent)
    assert update.status is WebhookTaskStatus.FINISHED
    assert update.task_id == "5b73fb3f-a3cb-4912-be40-17ce9e9e1a45"
    assert update.session_id == "cd9cc7bf-e3af-4181-80a2-73f083bc94b4"
    assert update.metadata == {}

    uni = UNICODE_METADATA
    update = verify_webhook(uni.raw, headers_of(uni), secret=uni.secret, now=1750000000)
    assert isinstance(update, TaskStatusUpdateEvent)
    assert update.metadata["city"] == "Montréal"
    assert update.metadata["escaped"] == "café"
    assert update.metadata["😀"] == "emoji key"

    future = FLOATS_NESTED
    event = verify_webhook(future.raw, headers_of(future), secret=future.secret, now=1760000000)
    assert type(event) is WebhookEvent
    assert event.type == "agent.task.future_event"


def test_vectors_are_self_consistent() -> None:
    """Guards the pasted constants themselves against an editing slip."""
    for vector in VECTORS.values():
        assert json.dumps(json.loads(vector.raw), separators=(",", ":"), sort_keys=True) == (
            vector.canonical
        )
        assert hex_hmac(vector.secret, f"{vector.timestamp}.{vector.canonical}") == (
            vector.signature
        )
