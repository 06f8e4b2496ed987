"""Webhook properties not covered in tests/webhooks: a signature binds the JSON *value*, not
its bytes (any re-encoding a proxy might apply still verifies, any other value does not),
a signature never carries over to another timestamp, and no rejection ever shows the
secret, for any secret."""

from __future__ import annotations

import json
import random
import string
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from browser_use_cloud import WebhookVerificationError, sign_webhook, verify_webhook

BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOW = 1_800_000_000

leaves = st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.text(max_size=12)
values = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=12,
)
events = st.fixed_dictionaries(
    {
        "type": st.just("agent.task.status_update"),
        "timestamp": st.just("2027-01-15T10:00:00Z"),
        "payload": st.fixed_dictionaries(
            {
                "session_id": st.text(max_size=8),
                "task_id": st.text(max_size=8),
                "status": st.sampled_from(["started", "finished", "paused"]),
            },
            optional={
                "metadata": st.dictionaries(st.text(max_size=6), st.text(max_size=8), max_size=3),
                "extra": values,
            },
        ),
    }
)


def reencode(value: Any, seed: int) -> bytes:
    """The same JSON value with other bytes: key order, spacing, escapes, slashes."""
    rng = random.Random(seed)

    def shuffle(node: Any) -> Any:
        if isinstance(node, dict):
            keys = list(node)
            rng.shuffle(keys)
            return {k: shuffle(node[k]) for k in keys}
        if isinstance(node, list):
            return [shuffle(item) for item in node]
        return node

    text = json.dumps(
        shuffle(value),
        ensure_ascii=rng.random() < 0.5,
        indent=rng.choice([None, 0, 2]),
        separators=rng.choice([(",", ":"), (", ", ": "), (" ,", " : ")]),
    )
    if rng.random() < 0.5:
        text = text.replace("/", "\\/")  # a legal JSON escape some encoders emit
    return ("\n " if rng.random() < 0.5 else "").encode() + text.encode()


@BOUNDED
@given(event=events, secret=st.text(min_size=1, max_size=30), seed=st.integers(0, 2**32))
def test_any_reencoding_of_the_same_value_verifies(
    event: dict[str, Any], secret: str, seed: int
) -> None:
    _, headers = sign_webhook(event, secret, timestamp=NOW)
    verified = verify_webhook(reencode(event, seed), headers, secret=secret, now=NOW)
    assert verified.type == event["type"]


@BOUNDED
@given(event=events, other=events, secret=st.text(min_size=1, max_size=30))
def test_a_signature_never_covers_a_different_value(
    event: dict[str, Any], other: dict[str, Any], secret: str
) -> None:
    if json.loads(json.dumps(event)) == json.loads(json.dumps(other)):
        return
    _, headers = sign_webhook(event, secret, timestamp=NOW)
    with pytest.raises(WebhookVerificationError) as caught:
        verify_webhook(json.dumps(other), headers, secret=secret, now=NOW)
    assert caught.value.reason == "invalid_signature"


@BOUNDED
@given(event=events, secret=st.text(min_size=1, max_size=30), shift=st.integers(-300, 300))
def test_a_signature_does_not_carry_over_to_another_timestamp(
    event: dict[str, Any], secret: str, shift: int
) -> None:
    if shift == 0:
        return
    body, headers = sign_webhook(event, secret, timestamp=NOW)
    replayed = {**headers, "X-Browser-Use-Timestamp": str(NOW + shift)}
    with pytest.raises(WebhookVerificationError) as caught:
        verify_webhook(body, replayed, secret=secret, now=NOW)
    assert caught.value.reason == "invalid_signature"


distinct_secrets = st.text(
    alphabet=string.ascii_letters + string.digits + "_-!é", min_size=12, max_size=40
).map(lambda s: "whsec_" + s)
tamperings = st.sampled_from(
    ["signature", "body", "stale", "future", "no-headers", "not-json", "bad-ts"]
)


@BOUNDED
@given(event=events, secret=distinct_secrets, how=tamperings)
def test_no_rejection_ever_shows_the_secret(event: dict[str, Any], secret: str, how: str) -> None:
    body, headers = sign_webhook(event, secret, timestamp=NOW)
    ts, sig = "X-Browser-Use-Timestamp", "X-Browser-Use-Signature"
    cases = {
        "signature": (body, {**headers, sig: secret}),  # even a "signature" equal to the secret
        "body": (body + b" ", {**headers, ts: str(NOW + 1)}),
        "stale": (body, {**headers, ts: str(NOW - 10_000)}),
        "future": (body, {**headers, ts: str(NOW + 10_000)}),
        "no-headers": (body, {}),
        "not-json": (b"{" + secret.encode(), headers),
        "bad-ts": (body, {**headers, ts: secret}),
    }
    raw, hdrs = cases[how]
    with pytest.raises(WebhookVerificationError) as caught:
        verify_webhook(raw, hdrs, secret=secret, now=NOW)
    error = caught.value
    shown = f"{error}\n{error!r}\n{vars(error)!r}"
    assert secret not in shown
