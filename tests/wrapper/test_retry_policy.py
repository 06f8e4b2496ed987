"""The pure retry policy: which failures are retried, backoff bounds, Retry-After."""

from __future__ import annotations

import email.utils

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from browser_use_cloud._policies.retry import Failure, RetryPolicy, parse_retry_after


@given(attempt=st.integers(0, 30), u=st.floats(0.0, 1.0, exclude_max=True))
def test_backoff_is_exponential_capped_and_jittered_down(attempt: int, u: float) -> None:
    policy = RetryPolicy(random=lambda: u)
    nominal = min(0.5 * 2**attempt, 8.0)
    delay = policy.backoff(attempt)
    assert nominal * 0.75 - 1e-12 <= delay <= nominal
    assert delay == pytest.approx(nominal * (1 - 0.25 * u))


def test_backoff_sequence_without_jitter() -> None:
    policy = RetryPolicy(random=lambda: 0.0)
    assert [policy.backoff(n) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_idempotent_requests_retry_transient_statuses(status: int) -> None:
    policy = RetryPolicy(random=lambda: 0.0)
    assert policy.delay_after_status("idempotent", 0, status) == 0.5


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 409, 422, 501, 520])
def test_other_statuses_are_not_retried(status: int) -> None:
    assert RetryPolicy().delay_after_status("idempotent", 0, status) is None


@pytest.mark.parametrize("status", [408, 500, 502, 503, 504])
def test_billable_posts_do_not_retry_ambiguous_statuses(status: int) -> None:
    assert RetryPolicy().delay_after_status("safe_post", 0, status) is None


def test_billable_posts_retry_a_rate_limit_the_server_rejected() -> None:
    policy = RetryPolicy(random=lambda: 0.0)
    assert policy.delay_after_status("safe_post", 0, 429) == 0.5
    assert policy.delay_after_status("safe_post", 0, 429, retry_after=3.0) == 3.0


def test_concurrency_limit_is_never_retried() -> None:
    policy = RetryPolicy()
    assert policy.delay_after_status("idempotent", 0, 429, concurrency_limit=True) is None


def test_transport_failures_by_retry_class() -> None:
    policy = RetryPolicy(random=lambda: 0.0)
    assert policy.delay_after_failure("idempotent", 0, Failure.AMBIGUOUS) == 0.5
    assert policy.delay_after_failure("idempotent", 1, Failure.UNSENT) == 1.0
    assert policy.delay_after_failure("safe_post", 0, Failure.UNSENT) == 0.5
    assert policy.delay_after_failure("safe_post", 0, Failure.AMBIGUOUS) is None
    assert policy.delay_after_failure("never", 0, Failure.UNSENT) is None


def test_budget_is_the_number_of_retries() -> None:
    policy = RetryPolicy(max_retries=2)
    assert policy.delay_after_status("idempotent", 1, 503) is not None
    assert policy.delay_after_status("idempotent", 2, 503) is None
    assert RetryPolicy(max_retries=0).delay_after_failure("idempotent", 0, Failure.UNSENT) is None


def test_retry_after_is_used_up_to_the_cap_and_refused_above() -> None:
    policy = RetryPolicy()
    assert policy.delay_after_status("idempotent", 0, 503, retry_after=60.0) == 60.0
    assert policy.delay_after_status("idempotent", 0, 503, retry_after=61.0) is None
    assert policy.delay_after_status("idempotent", 0, 429, retry_after=0.0) == 0.0


def _headers(**values: str) -> httpx.Headers:
    return httpx.Headers({k.replace("_", "-"): v for k, v in values.items()})


def test_parse_retry_after_seconds_millis_and_dates() -> None:
    assert parse_retry_after(_headers(retry_after="7")) == 7.0
    assert parse_retry_after(_headers(retry_after=" 1.5 ")) == 1.5
    assert parse_retry_after(_headers(retry_after_ms="250", retry_after="9")) == 0.25
    assert parse_retry_after(_headers(retry_after="-3")) == 0.0
    now = 1_700_000_000.0
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after(_headers(retry_after=date), now=lambda: now) == pytest.approx(30.0)
    past = email.utils.formatdate(now - 30, usegmt=True)
    assert parse_retry_after(_headers(retry_after=past), now=lambda: now) == 0.0


@pytest.mark.parametrize("value", ["soon", "", "nan", "inf", "Mon, 99 Foo 2020"])
def test_parse_retry_after_ignores_garbage(value: str) -> None:
    assert parse_retry_after(_headers(retry_after=value)) is None


def test_parse_retry_after_absent() -> None:
    assert parse_retry_after(httpx.Headers()) is None
