"""6. Webhook verification throughput: `verify_webhook` vs the bare documented algorithm.

Both verify the same signed `agent.task.status_update` delivery (raw bytes + headers).
The baseline is the documented recipe and nothing more: json.loads, canonical
json.dumps (sorted keys, compact separators), HMAC-SHA256 hexdigest, compare_digest.
`verify_webhook` also checks the freshness window, header shapes, and returns a typed
event. Rounds alternate between the two; the figure is the median events/s.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ._common import Figure, Outcome, at_least, median, ratio

SECRET = "whsec-bench-secret"
TARGET = 0.8


@dataclass(frozen=True)
class Sizes:
    events: int  # verifications per round
    rounds: int


FULL = Sizes(events=20_000, rounds=9)
SMOKE = Sizes(events=1_000, rounds=1)


def delivery(secret: str = SECRET) -> tuple[bytes, dict[str, str]]:
    """A realistic signed status-update delivery: the raw body and its headers."""
    timestamp = int(time.time())
    event = {
        "type": "agent.task.status_update",
        "timestamp": "2025-07-29T12:00:00.000000+00:00",
        "payload": {
            "session_id": "5f0e8a0c-6f1b-4e7e-9d6f-4a1c7f4f3a21",
            "task_id": "0b6d1d9e-8a57-4b2b-a6b0-3b1f2c9e7d44",
            "status": "finished",
            "metadata": {"customer": "acme", "run": "nightly-42", "city": "Zürich"},
        },
    }
    body = json.dumps(event).encode()
    canonical = json.dumps(json.loads(body), separators=(",", ":"), sort_keys=True)
    signature = hmac.new(
        secret.encode(), f"{timestamp}.{canonical}".encode(), hashlib.sha256
    ).hexdigest()
    headers = {"X-Browser-Use-Timestamp": str(timestamp), "X-Browser-Use-Signature": signature}
    return body, headers


def bare_verify(body: bytes, headers: Mapping[str, str], secret: str) -> Any:
    """The documented algorithm, as a user would paste it."""
    timestamp = headers["X-Browser-Use-Timestamp"]
    payload = json.loads(body)
    message = f"{timestamp}.{json.dumps(payload, separators=(',', ':'), sort_keys=True)}"
    expected = hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, headers["X-Browser-Use-Signature"]):
        raise ValueError("bad signature")
    return payload


def _rate(verify: Callable[[], Any], events: int) -> float:
    start = time.perf_counter()
    for _ in range(events):
        verify()
    return events / (time.perf_counter() - start)


def run(sizes: Sizes = FULL) -> Outcome:
    from browser_use_cloud import WebhookVerificationError, verify_webhook

    body, headers = delivery()
    event = verify_webhook(body, headers, secret=SECRET)
    baseline_payload = bare_verify(body, headers, SECRET)

    def sdk() -> Any:
        return verify_webhook(body, headers, secret=SECRET)

    def bare() -> Any:
        return bare_verify(body, headers, SECRET)

    _rate(sdk, min(200, sizes.events))  # warm-up
    _rate(bare, min(200, sizes.events))
    sdk_rates: list[float] = []
    bare_rates: list[float] = []
    for index in range(sizes.rounds):
        pair = [(sdk, sdk_rates), (bare, bare_rates)]
        for verify, rates in pair if index % 2 == 0 else reversed(pair):
            rates.append(_rate(verify, sizes.events))
    sdk_rate, bare_rate = median(sdk_rates), median(bare_rates)
    value = ratio(sdk_rate, bare_rate)
    tampered = body.replace(b"finished", b"stopped!")
    try:
        verify_webhook(tampered, headers, secret=SECRET)
        tampered_rejected = False
    except WebhookVerificationError:
        tampered_rejected = True
    return Outcome(
        number=6,
        title="webhook verification",
        figures=[
            Figure(
                name="events/s",
                value=f"{sdk_rate:,.0f}/s",
                baseline=f"bare algorithm {bare_rate:,.0f}/s",
                ratio=value,
                target=f"≥ {TARGET}x",
                met=at_least(value, TARGET),
            )
        ],
        notes=[
            f"{sizes.events:,} verifications of one {len(body)}-byte status-update delivery "
            f"per round, {sizes.rounds} rounds alternating, in-process; median rates.",
            "Baseline: json.loads, canonical json.dumps, hmac hexdigest, compare_digest "
            "(no freshness check, no typed event). verify_webhook also checks the timestamp "
            "window and header shapes and builds a typed event.",
        ],
        facts={
            "rounds": (len(sdk_rates), len(bare_rates)),
            "event_type": event.type,
            "task_id": event.payload["task_id"],
            "baseline_task_id": baseline_payload["payload"]["task_id"],
            "tampered_rejected": tampered_rejected,
            "ratio": value,
        },
    )
