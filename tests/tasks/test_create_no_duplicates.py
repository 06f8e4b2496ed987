"""run-task is never doubled: ambiguous failures are resolved by the client request id."""

from __future__ import annotations

import collections
import contextlib
from typing import Any

import httpx
import pytest
from tasks_helpers import Recorder

from browser_use_cloud import (
    APIConnectionError,
    BrowserUse,
    BrowserUseError,
    ConcurrencyLimitError,
    InternalServerError,
    TaskCreationUnconfirmedError,
)
from browser_use_cloud._policies.retry import RetryPolicy
from browser_use_cloud.emulator import Emulator


@pytest.fixture(autouse=True)
def fast_retries(client: BrowserUse) -> None:
    """Same retry budget, millisecond backoff (and so settle time): keeps the suite fast."""
    client._http.policy = RetryPolicy(max_retries=2, base_delay=0.005, max_delay=0.02)


def request_ids(emulator: Emulator) -> list[str]:
    return [
        (t.request.get("metadata") or {}).get("bu_request_id", "")
        for t in emulator.state.tasks.values()
    ]


@pytest.mark.parametrize("emulator_config", [{"faults": "lost=1.0"}])
def test_lost_response_returns_the_task_already_created(
    client: BrowserUse, emulator: Emulator, recorder: Recorder
) -> None:
    handle = client.tasks.create("Billed once")
    assert list(emulator.state.tasks) == [handle.id]
    assert recorder.paths("POST") == ["/api/v1/run-task"]
    assert "/api/v1/tasks" in recorder.paths("GET")


@pytest.mark.parametrize("emulator_config", [{"faults": "lost=1.0"}])
def test_without_request_id_an_ambiguous_failure_is_raised(
    client: BrowserUse, emulator: Emulator
) -> None:
    with pytest.raises(APIConnectionError):
        client.tasks.create("Untracked", request_id=False)
    assert len(emulator.state.tasks) == 1  # created, but the caller cannot know its id


@pytest.mark.parametrize("emulator_config", [{"faults": "500=1.0"}])
def test_unverifiable_failure_is_raised_not_resent(
    client: BrowserUse, emulator: Emulator, recorder: Recorder
) -> None:
    with pytest.raises(TaskCreationUnconfirmedError) as raised:
        client.tasks.create("Server down")
    assert raised.value.request_id.startswith("bu-")
    assert isinstance(raised.value.cause, InternalServerError)
    assert recorder.paths("POST") == ["/api/v1/run-task"]  # lookup failed: no blind re-send
    assert emulator.state.tasks == {}


@pytest.mark.parametrize(
    "emulator_config", [{"faults": "500=0.15,502=0.1,lost=0.2,drop=0.1", "seed": 7}]
)
def test_no_request_id_is_ever_used_twice_under_faults(
    client: BrowserUse, emulator: Emulator
) -> None:
    created: list[str] = []
    for i in range(20):
        with contextlib.suppress(BrowserUseError):
            created.append(client.tasks.create(f"job {i}").id)
    ids = request_ids(emulator)
    duplicates = [rid for rid, n in collections.Counter(ids).items() if n > 1]
    assert duplicates == []
    assert set(created) <= set(emulator.state.tasks)
    assert len(created) >= 10
    assert sum(emulator.fault_counts.values()) > 0


def test_concurrency_limit_is_raised_at_once() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        detail: Any = {"detail": "Too many concurrent active sessions"}
        return httpx.Response(429, json=detail)

    transport = httpx.MockTransport(handler)
    with (
        BrowserUse(api_key="k", base_url="http://127.0.0.1:9/api/v1", transport=transport) as c,
        pytest.raises(ConcurrencyLimitError),
    ):
        c.tasks.create("Busy")
    assert len(calls) == 1
