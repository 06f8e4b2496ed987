"""The request budget: a sliding window per client, and pauses after a 429 (pure, then driven)."""

from __future__ import annotations

import threading
import time

import anyio
import httpx
import pytest

from browser_use_cloud import (
    AsyncBrowserUse,
    BrowserUse,
    Hook,
    HookEvent,
    InputError,
    RetryEvent,
)
from browser_use_cloud._concurrency.gate import AsyncPacer, Pacer
from browser_use_cloud._policies.budget import RequestBudget, check_rate, client_budget


def starts_allowed(budget: RequestBudget, times: list[float]) -> list[float]:
    """Start one request at each time if allowed, else as soon as the budget says."""
    started: list[float] = []
    for wanted in times:
        now = max([wanted, *started[-1:]])  # time only moves forward
        while (delay := budget.delay(now)) > 0:
            now += delay
        budget.take(now)
        started.append(now)
    return started


def busiest_window(starts: list[float], window: float) -> int:
    return max(sum(1 for s in starts if first <= s < first + window) for first in starts)


def test_at_most_rate_requests_in_any_second() -> None:
    budget = RequestBudget(20)
    starts = starts_allowed(budget, [0.0] * 100)
    assert busiest_window(starts, 1.0) == 20
    assert starts[:20] == [0.0] * 20  # without a burst limit: the whole second at once
    assert starts[20] == pytest.approx(1.0) and starts[-1] == pytest.approx(4.0)


def test_a_client_sends_evenly_in_small_bursts() -> None:
    budget = client_budget(20)
    assert (budget.burst, budget.burst_window) == (5, pytest.approx(0.25))
    starts = starts_allowed(budget, [0.0] * 100)
    assert busiest_window(starts, 1.0) <= 20
    assert busiest_window(starts, 0.25) <= 5
    assert starts[:5] == [0.0] * 5 and starts[5] == pytest.approx(0.25)
    assert starts[-1] == pytest.approx(4.75)  # still 20 per second on average


def test_a_fractional_rate_keeps_its_average() -> None:
    budget = RequestBudget(2.5)
    assert (budget.capacity, budget.window) == (2, pytest.approx(0.8))
    starts = starts_allowed(budget, [0.0] * 11)
    assert starts[-1] == pytest.approx(4.0)  # 10 intervals of 0.4 s on average
    slow = RequestBudget(0.5)
    assert starts_allowed(slow, [0.0, 0.0, 0.0]) == [0.0, 2.0, 4.0]


def test_a_pause_holds_every_request_even_an_unlimited_one() -> None:
    for rate in (None, 20.0):
        budget = RequestBudget(rate)
        assert budget.delay(10.0) == 0
        budget.pause(10.0, 3.0)
        assert budget.delay(10.0) == pytest.approx(3.0)
        assert budget.delay(12.5) == pytest.approx(0.5)
        budget.pause(11.0, 1.0)  # a shorter pause never cuts a longer one short
        assert budget.delay(12.5) == pytest.approx(0.5)
        assert budget.delay(13.0) == 0


def test_unlimited_never_delays() -> None:
    budget = RequestBudget(None)
    assert starts_allowed(budget, [0.0] * 1000) == [0.0] * 1000


@pytest.mark.parametrize("bad", [0, -1, "20", True, float("nan")])
def test_bad_rates_are_refused_with_what_is_allowed(bad: object) -> None:
    with pytest.raises(InputError, match="positive number or None"):
        check_rate(bad)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="max_requests_per_second"):
        BrowserUse(api_key="k", base_url="http://127.0.0.1:1", max_requests_per_second=bad)  # type: ignore[arg-type]


def test_the_client_default_is_twenty_and_none_is_unlimited() -> None:
    assert BrowserUse(api_key="k", base_url="http://127.0.0.1:1").max_requests_per_second == 20
    unlimited = AsyncBrowserUse(
        api_key="k", base_url="http://127.0.0.1:1", max_requests_per_second=None
    )
    assert unlimited.max_requests_per_second is None


def test_the_budget_hands_out_shares_of_its_rate() -> None:
    budget = RequestBudget(20)
    assert budget.share(0.25).rate == 5 and budget.share(0.25).seconds_for(10) == 2
    assert budget.share(1.0).at_once(64) == 20 and budget.share(1.0).at_once(8) == 8
    assert RequestBudget(0.5).share(1.0).at_once(64) == 1  # at least one
    unlimited = RequestBudget(None)
    assert unlimited.share(0.25).rate is None and unlimited.share(0.25).seconds_for(100) == 0
    assert unlimited.share(1.0).at_once(64) == 64
    assert unlimited.share(0.25, unlimited=20).rate == 5  # a share that keeps a pace anyway


def test_a_share_says_how_busy_the_whole_budget_is() -> None:
    budget = RequestBudget(4)
    share = budget.share(0.25)
    for _ in range(3):
        budget.take(0.0)
    assert share.load(0.5) == pytest.approx(0.75) and share.load(1.5) == 0
    assert RequestBudget(None).share(0.25).load(0.0) == 0


class RecordingBudget(RequestBudget):
    """Notes when each request was let through."""

    def __init__(self, rate: float) -> None:
        super().__init__(rate)
        self.starts: list[float] = []

    def take(self, now: float) -> None:
        super().take(now)
        self.starts.append(now)


def test_sync_pacer_shares_one_budget_across_threads() -> None:
    budget = RecordingBudget(40)
    pacer = Pacer(budget)
    starts = budget.starts

    def worker() -> None:
        for _ in range(10):
            pacer.wait_turn()

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(starts) == 60
    assert busiest_window(sorted(starts), 1.0) <= 40
    assert max(starts) - min(starts) >= 0.5  # 60 starts at 40/s must spread out


@pytest.mark.anyio
async def test_async_pacer_shares_one_budget_across_tasks() -> None:
    budget = RecordingBudget(40)
    pacer = AsyncPacer(budget)
    starts = budget.starts

    async def worker() -> None:
        for _ in range(10):
            await pacer.wait_turn()

    async with anyio.create_task_group() as group:
        for _ in range(6):
            group.start_soon(worker)
    assert len(starts) == 60
    assert busiest_window(sorted(starts), 1.0) <= 40
    assert max(starts) - min(starts) >= 0.5


def _balance_refused_once(sent: list[tuple[str, float]]) -> httpx.MockTransport:
    """A service whose first /balance is a 429 (Retry-After 400 ms).
    Every request is recorded in `sent` as (path, monotonic time)."""
    refused = threading.Event()

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append((request.url.path, time.monotonic()))
        if request.url.path.endswith("/balance") and not refused.is_set():
            refused.set()
            return httpx.Response(
                429, headers={"retry-after-ms": "400"}, json={"detail": "slow down"}
            )
        if request.url.path.endswith("/balance"):
            return httpx.Response(200, json={"balance": "10"})
        return httpx.Response(200, json=True)

    return httpx.MockTransport(answer)


def _set_when_the_429_is_taken(taken: threading.Event) -> Hook:
    """A hook that sets `taken` once the client has read the 429 and is about to retry (the
    service answering it is too early: the other request could leave before the client saw it)."""

    def hook(event: HookEvent) -> None:
        if isinstance(event, RetryEvent):
            taken.set()

    return hook


def _assert_both_waited_out_the_429(sent: list[tuple[str, float]]) -> None:
    """The retried /balance and the /me sent meanwhile both started after the pause."""
    first = sent[0][1]
    later = [(path, at - first) for path, at in sent[1:]]
    assert sorted(path.rsplit("/", 1)[1] for path, _ in later) == ["balance", "me"]
    assert all(after >= 0.38 for _, after in later), later


@pytest.mark.anyio
async def test_a_429_pauses_the_whole_async_client() -> None:
    """One request gets a 429 with Retry-After; another one, sent meanwhile, waits too."""
    sent: list[tuple[str, float]] = []
    refused = threading.Event()
    transport = _balance_refused_once(sent)

    async with AsyncBrowserUse(
        api_key="k",
        base_url="http://127.0.0.1:1/api/v1",
        transport=transport,
        hooks=[_set_when_the_429_is_taken(refused)],
    ) as client:

        async def me_after_the_429() -> None:
            while not refused.is_set():
                await anyio.sleep(0.005)
            await client.me()

        async with anyio.create_task_group() as group:
            group.start_soon(client.balance)
            group.start_soon(me_after_the_429)
    _assert_both_waited_out_the_429(sent)


def test_a_429_pauses_the_whole_sync_client() -> None:
    sent: list[tuple[str, float]] = []
    refused = threading.Event()
    transport = _balance_refused_once(sent)

    with BrowserUse(
        api_key="k",
        base_url="http://127.0.0.1:1/api/v1",
        transport=transport,
        hooks=[_set_when_the_429_is_taken(refused)],
    ) as client:
        other = threading.Thread(target=lambda: (refused.wait(5), client.me()))
        other.start()
        client.balance()
        other.join()
    _assert_both_waited_out_the_429(sent)


@pytest.mark.anyio
async def test_the_default_budget_stays_under_a_25_per_second_service() -> None:
    from browser_use_cloud.emulator import Emulator, EmulatorConfig

    with Emulator(EmulatorConfig(rate_limit=25)) as emu:
        async with (
            AsyncBrowserUse(api_key="k", base_url=emu.base_url) as client,
            anyio.create_task_group() as group,
        ):
            for _ in range(50):
                group.start_soon(client.ping)
        stats = emu.stats
    assert stats["requests"] == 50
    assert stats["rate_limited"] == 0
    assert stats["peak_requests_per_second"] <= 25
