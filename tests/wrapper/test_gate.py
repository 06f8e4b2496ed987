"""The in-flight cap lets at most `limit` requests into the connection pool at once."""

from __future__ import annotations

import threading
import time

import anyio
import pytest

from browser_use_cloud._concurrency.gate import AsyncGate, Gate


class _Peak:
    def __init__(self) -> None:
        self.now = 0
        self.peak = 0
        self._lock = threading.Lock()

    def enter(self) -> None:
        with self._lock:
            self.now += 1
            self.peak = max(self.peak, self.now)

    def leave(self) -> None:
        with self._lock:
            self.now -= 1


@pytest.mark.anyio
async def test_async_gate_caps_concurrency() -> None:
    gate, peak = AsyncGate(3), _Peak()

    async def request() -> None:
        async with gate:
            peak.enter()
            await anyio.sleep(0.01)
            peak.leave()

    async with anyio.create_task_group() as group:
        for _ in range(20):
            group.start_soon(request)
    assert peak.peak == 3 and peak.now == 0


def test_sync_gate_caps_concurrency() -> None:
    gate, peak = Gate(2), _Peak()

    def request() -> None:
        with gate:
            peak.enter()
            time.sleep(0.01)
            peak.leave()

    threads = [threading.Thread(target=request) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak.peak == 2 and peak.now == 0


@pytest.mark.anyio
async def test_async_gate_releases_on_error() -> None:
    gate = AsyncGate(1)
    with pytest.raises(RuntimeError):
        async with gate:
            raise RuntimeError("request failed")
    with anyio.fail_after(1):
        async with gate:
            pass
