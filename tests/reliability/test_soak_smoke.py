"""The soak runner in short: 300 operations, sync and async, with at least 20% of requests
faulted, and every target at zero (the full run is `nox -s soak`); and its budgeted variant
(`nox -s soak_budgeted`): the clients keep to the default request budget while the emulator
enforces the service's rate limit per key."""

from __future__ import annotations

import pytest

from soak.run import DEFAULT_FAULTS, SoakConfig, format_report, run_soak

FAULTS = DEFAULT_FAULTS.replace("retry_after=1", "retry_after=0")  # same mix, no 1 s waits


@pytest.mark.slow
def test_short_soak_meets_every_target() -> None:
    config = SoakConfig(operations=300, faults=FAULTS, async_workers=12, sync_workers=6, seed=7)
    report = run_soak(config)
    text = format_report(report)
    ledger = report.ledger
    assert sum(ledger.ops.values()) == 300, text
    assert ledger.by_client["sync"] > 0 and ledger.by_client["async"] > 0, text
    assert {"create", "run", "wait", "stream", "upload"} <= set(ledger.ops), text
    assert report.fault_rate >= 0.20, text
    assert sum(report.faults.values()) > 0 and sum(report.retries.values()) > 0, text
    assert report.verdict.uploads_checked > 0 and report.verdict.streams_checked > 0, text
    assert report.failures == [], text
    assert text.endswith("RESULT: PASS")
    # No request budget by default: two clients under the default budget (20 req/s each)
    # could never bring 60 requests into one second; unbudgeted they bring far more.
    assert report.limits["peak_requests_per_second"] > 60, text


@pytest.mark.slow
def test_short_budgeted_soak_meets_every_target() -> None:
    config = SoakConfig(
        operations=100,
        faults=FAULTS,
        async_workers=8,
        sync_workers=4,
        seed=11,
        max_requests_per_second=20,
        rate_limit=25,
    )
    report = run_soak(config)
    text = format_report(report)
    assert sum(report.ledger.ops.values()) == 100, text
    assert report.limits["requests"] > 0, text
    assert report.failures == [], text
