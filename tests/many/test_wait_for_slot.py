"""create() / run() with wait_for_slot: queue at the account's concurrency limit (in the
client's line, shared with its maps) instead of raising ConcurrencyLimitError at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import anyio
import pytest

from browser_use_cloud import AsyncBrowserUse, BrowserUse, ConcurrencyLimitError, InputError
from browser_use_cloud._policies.polling import PollPolicy
from browser_use_cloud.emulator import Emulator, EmulatorConfig

FAST = PollPolicy(initial=0.05, factor=2, max_interval=0.1)
BUSY = "Holds the only slot for a while [[emulator:steps=8]]"


@pytest.fixture
def emu() -> Iterator[Emulator]:
    config = EmulatorConfig(step_interval=0.1, steps_per_task=2, max_concurrent_tasks=1)
    with Emulator(config) as emulator:
        yield emulator


def client_of(emu: Emulator, **options: Any) -> BrowserUse:
    client = BrowserUse(api_key="k", base_url=emu.base_url, **options)
    client.tasks.wait_policy = FAST
    return client


def test_create_waits_for_a_free_slot_instead_of_raising(emu: Emulator) -> None:
    with client_of(emu) as client:
        busy = client.tasks.create(BUSY)
        with pytest.raises(ConcurrencyLimitError):
            client.tasks.create("Refused at once")
        handle = client.tasks.create("Waits its turn", wait_for_slot=True)
        assert client.tasks.status(busy.id) == "finished"  # it got the freed slot
        assert handle.wait().status == "finished"
    assert emu.stats["concurrency_refused"] >= 2
    assert emu.stats["peak_running"] == 1


def test_the_clients_default_makes_every_create_and_run_wait(emu: Emulator) -> None:
    with client_of(emu, wait_for_slot=True) as client:
        client.tasks.create(BUSY)
        task = client.tasks.run("Runs when the slot is free")
        assert task.status == "finished"
        client.tasks.create(BUSY)
        with pytest.raises(ConcurrencyLimitError):  # the argument overrides the default
            client.tasks.create("Refused at once", wait_for_slot=False)


def test_runs_from_many_threads_take_the_slot_in_turn(emu: Emulator) -> None:
    results: list[str] = []
    with client_of(emu) as client:

        def one(n: int) -> None:
            results.append(str(client.tasks.run(f"Turn {n}", wait_for_slot=True).status))

        threads = [threading.Thread(target=one, args=(n,)) for n in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert results == ["finished"] * 3
    assert emu.stats["peak_running"] == 1


@pytest.mark.anyio
async def test_async_creates_queue_in_the_same_line(emu: Emulator) -> None:
    async with AsyncBrowserUse(api_key="k", base_url=emu.base_url) as client:
        client.tasks.wait_policy = FAST
        finished: list[str] = []

        async def one(n: int) -> None:
            task = await client.tasks.run(f"Turn {n}", wait_for_slot=True)
            finished.append(str(task.status))

        async with anyio.create_task_group() as group:
            for n in range(3):
                group.start_soon(one, n)
    assert finished == ["finished"] * 3
    assert emu.stats["peak_running"] == 1


@pytest.mark.parametrize("bad", ["yes", 1, 0.5])
def test_wait_for_slot_is_checked_before_anything_is_sent(emu: Emulator, bad: Any) -> None:
    with client_of(emu) as client, pytest.raises(InputError, match="wait_for_slot"):
        client.tasks.create("x", wait_for_slot=bad)
    with pytest.raises(InputError, match="wait_for_slot"):
        BrowserUse(api_key="k", base_url=emu.base_url, wait_for_slot=bad)
    assert emu.stats["requests"] == 0
