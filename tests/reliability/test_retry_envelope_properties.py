"""Property tests of retries: delay bounds and envelope over random policies, Retry-After,
and, end to end through the HTTP driver, that an ambiguous POST is never simply re-sent.

(tests/wrapper/test_retry_policy.py checks the default policy by example; these vary the
policy itself and drive the real client over scripted failures.)
"""

from __future__ import annotations

import contextlib
import itertools
import json
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from browser_use_cloud import APIError, BrowserUse
from browser_use_cloud._policies.retry import Failure, RetryPolicy

BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

policies = st.builds(
    lambda base, spread, retries, cap_after: RetryPolicy(
        max_retries=retries, base_delay=base, max_delay=base * spread, max_retry_after=cap_after
    ),
    base=st.floats(0.001, 5.0),
    spread=st.floats(1.0, 100.0),
    retries=st.integers(0, 10),
    cap_after=st.floats(0.0, 300.0),
)
jitter = st.floats(0.0, 1.0, exclude_max=True)
RETRYABLE = (408, 429, 500, 502, 503, 504)


def with_random(policy: RetryPolicy, u: float) -> RetryPolicy:
    return RetryPolicy(
        max_retries=policy.max_retries,
        base_delay=policy.base_delay,
        max_delay=policy.max_delay,
        max_retry_after=policy.max_retry_after,
        random=lambda: u,
    )


def envelope(policy: RetryPolicy, attempt: int) -> float:
    return min(policy.base_delay * 2.0**attempt, policy.max_delay)


@BOUNDED
@given(policy=policies, attempt=st.integers(0, 60), u=jitter)
def test_every_delay_is_within_three_quarters_of_the_envelope_and_the_cap(
    policy: RetryPolicy, attempt: int, u: float
) -> None:
    delay = with_random(policy, u).backoff(attempt)
    top = envelope(policy, attempt)
    assert 0.75 * top - 1e-12 <= delay <= top <= policy.max_delay
    assert delay >= 0.75 * min(policy.base_delay, policy.max_delay) - 1e-12


@BOUNDED
@given(policy=policies, attempts=st.integers(1, 60))
def test_the_envelope_never_decreases_and_reaches_the_cap(
    policy: RetryPolicy, attempts: int
) -> None:
    tops = [envelope(policy, a) for a in range(attempts)]
    assert tops == sorted(tops)
    lows = [with_random(policy, 1 - 1e-9).backoff(a) for a in range(attempts)]
    assert lows == sorted(lows)
    assert envelope(policy, 64) == policy.max_delay


@BOUNDED
@given(
    policy=policies,
    failures=st.lists(
        st.sampled_from(RETRYABLE) | st.sampled_from([Failure.UNSENT, Failure.AMBIGUOUS]),
        min_size=1,
        max_size=15,
    ),
)
def test_an_idempotent_request_is_retried_at_most_max_retries_times(
    policy: RetryPolicy, failures: list[int | Failure]
) -> None:
    retries = 0
    for attempt, failure in enumerate(failures):
        if isinstance(failure, Failure):
            delay = policy.delay_after_failure("idempotent", attempt, failure)
        else:
            delay = policy.delay_after_status("idempotent", attempt, failure)
        if delay is None:
            break
        assert delay >= 0
        retries += 1
    assert retries == min(len(failures), policy.max_retries)


@BOUNDED
@given(
    policy=policies,
    attempt=st.integers(0, 10),
    retry_after=st.floats(0.0, 1000.0),
    kind=st.sampled_from(["idempotent", "safe_post"]),
)
def test_retry_after_is_honoured_exactly_up_to_the_cap(
    policy: RetryPolicy, attempt: int, retry_after: float, kind: str
) -> None:
    delay = policy.delay_after_status(kind, attempt, 429, retry_after=retry_after)  # type: ignore[arg-type]
    if attempt >= policy.max_retries or retry_after > policy.max_retry_after:
        assert delay is None
    else:
        assert delay == retry_after
    limited = policy.delay_after_status(
        kind,
        attempt,
        429,
        retry_after=retry_after,
        concurrency_limit=True,  # type: ignore[arg-type]
    )
    assert limited is None


@BOUNDED
@given(policy=policies, attempt=st.integers(0, 10), status=st.integers(400, 599))
def test_billable_posts_never_retry_an_ambiguous_answer(
    policy: RetryPolicy, attempt: int, status: int
) -> None:
    assert policy.delay_after_failure("safe_post", attempt, Failure.AMBIGUOUS) is None
    if status != 429:
        assert policy.delay_after_status("safe_post", attempt, status) is None
    assert policy.delay_after_status("never", attempt, status) is None
    assert policy.delay_after_failure("never", attempt, Failure.UNSENT) is None


# -- end to end: scripted failures through the real client ---------------------------------

Step = str  # "ok", "429", "500", "503", "drop-before", "drop-after" (lost response)
steps = st.sampled_from(["ok", "429", "500", "503", "drop-before", "drop-after"])


class ScriptedServer:
    """A transport that plays a script of outcomes for POSTs and keeps server-side truth."""

    def __init__(self, script: list[Step]) -> None:
        self.script: Iterator[Step] = iter(script)
        self.log: list[tuple[str, str, bool]] = []  # (method, path, may have acted)
        self.tasks: list[dict[str, object]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.method == "GET":  # the reconciliation lookup: newest first
            self.log.append(("GET", path, False))
            items = [
                {
                    "id": t["id"],
                    "task": "x",
                    "status": "created",
                    "output": None,
                    "created_at": "2030-01-01T00:00:00+00:00",
                    "finished_at": None,
                    "live_url": None,
                    "metadata": t["metadata"],
                }
                for t in reversed(self.tasks)
            ]
            page = {
                "tasks": items[:25],
                "total_pages": 1,
                "page": 1,
                "limit": 25,
                "total_count": len(items),
            }
            return httpx.Response(200, json=page)
        step = next(self.script, "ok")
        acted = step in ("ok", "drop-after")
        self.log.append(("POST", path, step in ("ok", "drop-after", "500", "503")))
        if step == "drop-before":
            raise httpx.ConnectError("refused")
        if acted:
            body = json.loads(request.content)
            task_id = f"task-{len(self.tasks)}"
            self.tasks.append({"id": task_id, "metadata": body.get("metadata") or {}})
            if step == "drop-after":
                raise httpx.ReadError("connection lost after the server acted")
            return httpx.Response(200, json={"id": task_id})
        if step == "429":
            return httpx.Response(429, json={"detail": "slow down"}, headers={"Retry-After": "0"})
        return httpx.Response(int(step), json={"detail": "boom"})


def _client(server: ScriptedServer) -> BrowserUse:
    client = BrowserUse(
        api_key="bu_prop",
        transport=httpx.MockTransport(server),
        max_retries=3,
        max_requests_per_second=None,  # judged: what is sent, not its pace
    )
    client._http.policy = RetryPolicy(max_retries=3, base_delay=0.0, max_delay=0.0)
    return client


@settings(max_examples=120, deadline=None)
@given(script=st.lists(steps, max_size=8))
def test_run_task_is_never_resent_without_looking_first_and_never_doubles(
    script: list[Step],
) -> None:
    server = ScriptedServer(script)
    with _client(server) as client:
        try:
            handle = client.tasks.create("x", request_id="rid-1")
        except APIError:
            handle = None
    # at most one task for the request id, and the one returned is it
    assert len(server.tasks) <= 1
    if handle is not None:
        assert [t["id"] for t in server.tasks] == [handle.id]
    # after a POST the server may have acted on, the next POST comes only after a lookup
    for before, after in zip(server.log, server.log[1:], strict=False):
        if before[0] == "POST" and before[2] and after[0] == "POST":
            pytest.fail(f"run-task re-sent without a lookup: {server.log}")


@settings(max_examples=80, deadline=None)
@given(script=st.lists(steps, max_size=6))
def test_scheduled_task_create_is_sent_again_only_when_provably_unsent(
    script: list[Step],
) -> None:
    server = ScriptedServer(script)
    with _client(server) as client, contextlib.suppress(APIError):
        client.scheduled_tasks.create("x", interval_minutes=5)
    posts = [entry for entry in server.log if entry[0] == "POST"]
    for before, _ in itertools.pairwise(posts):
        assert not before[2], f"an ambiguous scheduled-task POST was re-sent: {server.log}"
    assert len(server.tasks) <= 1
