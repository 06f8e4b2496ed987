"""Cancelling or Ctrl-C while a task is created or followed stops it, and names it (issue 20,
item 3). The front server holds run-task before the emulator carries it out, so the
interruption lands while the request is under way.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest
from test_create_no_resend import Front, client_via

from browser_use_cloud import AsyncBrowserUse, BrowserUse, TaskStatus
from browser_use_cloud.emulator import Emulator, EmulatorConfig
from tests.reliability.reliability_helpers import Reply, Seen, cli_env

HOLD = 1.0
"""Seconds the front server holds each run-task before passing it on."""


def hold_run_task(seen: Seen, number: int) -> Reply | None:
    time.sleep(HOLD)
    return None


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(EmulatorConfig(step_interval=0.05, steps_per_task=200)) as emulator:
        yield emulator


@pytest.fixture
def front(emu: Emulator) -> Iterator[Front]:
    server = Front(emu, hold_run_task)
    yield server
    server.server.close()


def only_task(emu: Emulator, front: Front) -> str:
    """The one task, once the held run-task has been carried out."""
    assert front.passed_on.wait(10)
    [task_id] = emu.state.tasks
    return task_id


def status_of(emu: Emulator, task_id: str) -> TaskStatus:
    with BrowserUse(api_key="bu_test", base_url=emu.base_url) as client:
        return client.tasks.status(task_id)


def async_client(front: Front) -> AsyncBrowserUse:
    return AsyncBrowserUse(api_key="bu_test", base_url=front.server.base_url)


@pytest.mark.anyio
@pytest.mark.parametrize("call", ["create", "run"])
async def test_cancelling_during_creation_stops_the_task_it_made(
    emu: Emulator, front: Front, call: str, caplog: pytest.LogCaptureFixture
) -> None:
    async with async_client(front) as client:
        job = asyncio.ensure_future(getattr(client.tasks, call)("Long job"))
        await asyncio.sleep(HOLD / 3)  # run-task is sent and held
        job.cancel()
        with pytest.raises(asyncio.CancelledError) as raised:
            await job
    task_id = only_task(emu, front)
    assert status_of(emu, task_id) == TaskStatus.STOPPED
    note = f"task {task_id} was stopped"
    assert any(note in n for n in raised.value.__notes__)
    assert any(note in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)


@pytest.mark.anyio
async def test_cancelling_wait_or_steps_stops_a_task_this_handle_created(emu: Emulator) -> None:
    async with AsyncBrowserUse(api_key="bu_test", base_url=emu.base_url) as client:
        waited = await client.tasks.create("Long job")
        streamed = await client.tasks.create("Long job")
        followed = await client.tasks.create("Long job")

        async def stream() -> None:
            async for _ in streamed.steps():
                pass

        jobs = [
            asyncio.ensure_future(waited.wait()),
            asyncio.ensure_future(stream()),
            asyncio.ensure_future(client.tasks.handle(followed.id).wait()),
        ]
        await asyncio.sleep(0.3)
        for job in jobs:
            job.cancel()
        await asyncio.gather(*jobs, return_exceptions=True)
        assert await client.tasks.status(waited.id) == TaskStatus.STOPPED
        assert await client.tasks.status(streamed.id) == TaskStatus.STOPPED
        # A task only followed here (not created by this handle) is left alone.
        assert await client.tasks.status(followed.id) != TaskStatus.STOPPED
        await followed.stop()


def interrupt_main_thread_after(seconds: float) -> None:
    threading.Timer(seconds, os.kill, (os.getpid(), signal.SIGINT)).start()


def test_ctrl_c_during_sync_creation_stops_the_task_and_names_it(
    emu: Emulator, front: Front
) -> None:
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    with client_via(front) as client:
        interrupt_main_thread_after(HOLD / 3)
        with pytest.raises(KeyboardInterrupt) as raised:
            client.tasks.run("Long job")
    task_id = only_task(emu, front)
    assert status_of(emu, task_id) == TaskStatus.STOPPED
    assert any(f"task {task_id} was stopped" in n for n in raised.value.__notes__)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_ctrl_c_during_a_sync_wait_stops_the_task(emu: Emulator) -> None:
    with BrowserUse(api_key="bu_test", base_url=emu.base_url) as client:
        handle = client.tasks.create("Long job")
        interrupt_main_thread_after(0.3)
        with pytest.raises(KeyboardInterrupt):
            handle.wait()
        assert client.tasks.status(handle.id) == TaskStatus.STOPPED


def test_ctrl_c_during_cli_run_creation_stops_the_task_and_shows_its_id(
    emu: Emulator, front: Front
) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "browser_use_cloud.cli",
            "--base-url",
            front.server.base_url,
            "--api-key",
            "bu_test",
            "run",
            "Long job",
        ],
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert front.received.wait(30)  # run-task is held by the server
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    task_id = only_task(emu, front)
    assert process.returncode == 130
    assert "Traceback" not in stderr
    assert f"Interrupted: task {task_id} was stopped." in stderr
    assert status_of(emu, task_id) == TaskStatus.STOPPED


@pytest.mark.anyio
async def test_cancelling_mcp_run_task_and_wait_during_creation_stops_the_task(
    emu: Emulator, front: Front, caplog: pytest.LogCaptureFixture
) -> None:
    import anyio
    from mcp import Client

    from browser_use_cloud.mcp import create_server

    async with async_client(front) as library, Client(create_server(library)) as session:
        with anyio.CancelScope() as scope:
            async with anyio.create_task_group() as group:
                group.start_soon(session.call_tool, "run_task_and_wait", {"task": "Long job"})
                while not front.received.is_set():  # run-task is held by the server
                    await anyio.sleep(0.01)
                scope.cancel()
        task_id = only_task(emu, front)
        with anyio.fail_after(10):
            while await library.tasks.status(task_id) != TaskStatus.STOPPED:
                await anyio.sleep(0.05)
    assert any(f"task {task_id} was stopped" in r.getMessage() for r in caplog.records)
