"""The emulator's two limits: requests per second per key, and tasks running at once."""

from __future__ import annotations

import httpx
import pytest

from browser_use_cloud import BrowserUse, ConcurrencyLimitError
from browser_use_cloud.emulator import Emulator, EmulatorConfig

SLOW = "Look something up [[emulator:steps=50]]"


def test_beyond_the_rate_limit_requests_get_429_with_retry_after() -> None:
    with Emulator(EmulatorConfig(rate_limit=5)) as emu, httpx.Client() as http:
        headers = {"Authorization": "Bearer one"}
        answers = [http.get(f"{emu.base_url}/ping", headers=headers) for _ in range(8)]
        other_key = http.get(f"{emu.base_url}/ping", headers={"Authorization": "Bearer two"})
        stats = emu.stats
    codes = [a.status_code for a in answers]
    assert codes[:5] == [200] * 5 and set(codes[5:]) == {429}
    refused = answers[5]
    assert int(refused.headers["retry-after"]) >= 1
    assert "rate limit" in refused.json()["detail"]
    assert other_key.status_code == 200  # the budget is per key
    assert stats["rate_limited"] == 3 and stats["requests"] == 9
    assert stats["peak_requests_per_second"] == 9
    assert sum(stats["requests_by_second"]) == 9


def test_unlimited_by_default_and_every_request_counted() -> None:
    with Emulator() as emu, httpx.Client() as http:
        codes = {
            http.get(f"{emu.base_url}/ping", headers={"Authorization": "Bearer k"}).status_code
            for _ in range(30)
        }
        stats = emu.stats
    assert codes == {200}
    assert stats["rate_limited"] == 0 and stats["concurrency_refused"] == 0
    assert stats["requests"] == 30


def test_new_tasks_are_refused_while_the_limit_runs() -> None:
    config = EmulatorConfig(max_concurrent_tasks=2, step_interval=0.05)
    with (
        Emulator(config) as emu,
        BrowserUse(api_key="k", base_url=emu.base_url, max_requests_per_second=None) as client,
    ):
        first = client.tasks.create(SLOW)
        client.tasks.create(SLOW)
        with pytest.raises(ConcurrencyLimitError):
            client.tasks.create(SLOW)
        client.tasks.stop(first.id)
        client.tasks.create(SLOW)  # a slot is free again
        stats = emu.stats
        assert len(emu.state.tasks) == 3
    assert stats["concurrency_refused"] == 1
    assert stats["peak_running"] == 2


def test_limits_are_checked() -> None:
    with pytest.raises(ValueError, match="rate_limit"):
        EmulatorConfig(rate_limit=0)
    with pytest.raises(ValueError, match="max_concurrent_tasks"):
        EmulatorConfig(max_concurrent_tasks=0)
