"""Leaving a `map_as_completed()` loop early: break, `aclosing`, an error in the loop body,
cancellation, a client closed meanwhile and a program that just ends (async), and break, an
error and Ctrl-C (sync). Each must leave
the caller's task alone (no stray cancellation, the body's own error kept) and stop the
map's tasks that are still running."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator
from typing import Any

import anyio
import pytest

from browser_use_cloud import AsyncBrowserUse, BrowserUse, ClientClosedError
from browser_use_cloud._policies.polling import PollPolicy
from browser_use_cloud.emulator import Emulator, EmulatorConfig

FAST = PollPolicy(initial=0.05, factor=2, max_interval=0.1)
QUICK = "Quick one [[emulator:instant]]"
INPUTS = [QUICK, *[f"Long {n} [[emulator:steps=400]]" for n in range(3)]]


@pytest.fixture
def emu() -> Any:
    with Emulator(EmulatorConfig(step_interval=0.03, steps_per_task=3)) as emulator:
        yield emulator


@contextlib.asynccontextmanager
async def client_of(emu: Emulator) -> AsyncIterator[AsyncBrowserUse]:
    async with AsyncBrowserUse(
        api_key="k", base_url=emu.base_url, max_requests_per_second=None
    ) as client:
        client.tasks.wait_policy = FAST
        yield client


def last_statuses(emu: Emulator) -> list[str]:
    return sorted(task.history[-1] for task in emu.state.tasks.values())


ALL_STOPPED = ["finished", "stopped", "stopped", "stopped"]


@pytest.mark.anyio
async def test_break_leaves_the_callers_task_alone_and_stops_the_rest(emu: Emulator) -> None:
    reported: list[dict[str, Any]] = []
    asyncio.get_running_loop().set_exception_handler(lambda _, context: reported.append(context))
    async with client_of(emu) as client:
        async for result in client.tasks.map_as_completed(INPUTS, concurrency=4):
            assert result.ok
            break
        await anyio.sleep(0.05)  # this await was cancelled by the map's clean-up
    gc.collect()
    assert reported == []  # no "Task exception was never retrieved"
    assert last_statuses(emu) == ALL_STOPPED


@pytest.mark.anyio
async def test_aclosing_stops_the_rest_at_once(emu: Emulator) -> None:
    async with client_of(emu) as client:
        results = client.tasks.map_as_completed(INPUTS, concurrency=4)
        async with contextlib.aclosing(results):  # type: ignore[type-var]
            async for result in results:
                assert result.ok
                break
        assert last_statuses(emu) == ALL_STOPPED  # before the client closes


@pytest.mark.anyio
async def test_an_error_in_the_loop_body_is_the_error_raised(emu: Emulator) -> None:
    async with client_of(emu) as client:
        with pytest.raises(ValueError, match="from the loop body"):
            async for _ in client.tasks.map_as_completed(INPUTS, concurrency=4):
                raise ValueError("from the loop body")
        await anyio.sleep(0.05)
    assert last_statuses(emu) == ALL_STOPPED


@pytest.mark.anyio
async def test_cancelling_the_loop_stops_the_rest_before_the_cancellation_ends(
    emu: Emulator,
) -> None:
    async with client_of(emu) as client:
        with anyio.CancelScope() as scope:
            async for _ in client.tasks.map_as_completed(INPUTS, concurrency=4):
                scope.cancel()  # the loop's next wait is cancelled
        assert scope.cancelled_caught
        assert last_statuses(emu) == ALL_STOPPED
        await anyio.sleep(0.05)  # the caller's task goes on


@pytest.mark.anyio
async def test_a_map_cut_short_by_a_timeout_stops_its_tasks(emu: Emulator) -> None:
    async with client_of(emu) as client:
        with anyio.move_on_after(1.0) as scope:
            await client.tasks.map(INPUTS, concurrency=4)
        assert scope.cancelled_caught
        assert last_statuses(emu) == ALL_STOPPED


@pytest.mark.anyio
async def test_closing_the_client_under_a_running_loop_stops_the_map(emu: Emulator) -> None:
    async with client_of(emu) as client:
        seen: list[Any] = []

        async def consume() -> None:
            with pytest.raises(ClientClosedError, match="closed before every input"):
                async for result in client.tasks.map_as_completed(INPUTS, concurrency=4):
                    seen.append(result)

        async with anyio.create_task_group() as group:
            group.start_soon(consume)
            while not seen:
                await anyio.sleep(0.02)
            await client.close()
            assert last_statuses(emu) == ALL_STOPPED


def test_a_program_that_ends_after_break_stops_the_rest(emu: Emulator) -> None:
    async def main() -> None:  # no `async with`, no close(): the program just ends
        client = AsyncBrowserUse(api_key="k", base_url=emu.base_url, max_requests_per_second=None)
        client.tasks.wait_policy = FAST
        async for _ in client.tasks.map_as_completed(INPUTS, concurrency=4):
            break

    asyncio.run(main())
    assert last_statuses(emu) == ALL_STOPPED


def test_a_program_that_ends_holding_the_iterator_stops_the_rest(emu: Emulator) -> None:
    held: list[Any] = []

    async def main() -> None:
        client = AsyncBrowserUse(api_key="k", base_url=emu.base_url, max_requests_per_second=None)
        client.tasks.wait_policy = FAST
        results = client.tasks.map_as_completed(INPUTS, concurrency=4)
        held.append(results)
        await results.__anext__()

    asyncio.run(main())
    assert last_statuses(emu) == ALL_STOPPED


@pytest.mark.parametrize("leave", ["break", "error", "ctrl_c"])
def test_leaving_a_sync_loop_stops_the_rest_before_the_client_closes(
    emu: Emulator, leave: str
) -> None:
    # The sync twin: break, an error in the loop body and Ctrl-C (KeyboardInterrupt) leave the
    # loop without close(); the map's running tasks are stopped as the loop is left, with the
    # client still open, and the body's own exception is the one raised.
    def loop(client: BrowserUse) -> None:
        for result in client.tasks.map_as_completed(INPUTS, concurrency=4):
            assert result.ok
            if leave == "break":
                break
            raise KeyboardInterrupt("leave") if leave == "ctrl_c" else RuntimeError("leave")

    with BrowserUse(api_key="k", base_url=emu.base_url, max_requests_per_second=None) as client:
        client.tasks.wait_policy = FAST
        if leave == "break":
            loop(client)
        else:
            expected = KeyboardInterrupt if leave == "ctrl_c" else RuntimeError
            with pytest.raises(expected, match="leave"):
                loop(client)
        assert last_statuses(emu) == ALL_STOPPED
