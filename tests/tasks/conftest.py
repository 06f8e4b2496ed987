"""Fixtures: an emulator on loopback and clients (sync and async) pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from tasks_helpers import Recorder

from browser_use_cloud import AsyncBrowserUse, BrowserUse
from browser_use_cloud._policies.polling import PollPolicy
from browser_use_cloud.emulator import Emulator, EmulatorConfig

FAST_WAIT = PollPolicy(initial=0.02, factor=1.5, max_interval=0.1)
FAST_STREAM = PollPolicy(initial=0.02, factor=1.5, max_interval=0.1)


@pytest.fixture
def emulator_config() -> dict[str, Any]:
    """Override in a test module (or parametrize) to change the emulator."""
    return {}


@pytest.fixture
def emulator(emulator_config: dict[str, Any]) -> Iterator[Emulator]:
    """In process (no socket): reach it with `client`, `aclient` or `emulator.client()`."""
    options = {"step_interval": 0.01, "steps_per_task": 4, **emulator_config}
    with Emulator(EmulatorConfig(**options), in_process=True) as emu:
        yield emu


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def client(emulator: Emulator, recorder: Recorder) -> Iterator[BrowserUse]:
    http = httpx.Client(
        transport=emulator.transport(), event_hooks={"request": [recorder.on_request]}
    )
    with BrowserUse(api_key="test-key", base_url=emulator.base_url, http_client=http) as c:
        c.tasks.wait_policy = FAST_WAIT
        c.tasks.stream_policy = FAST_STREAM
        yield c
    http.close()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def aclient(emulator: Emulator, recorder: Recorder) -> AsyncIterator[AsyncBrowserUse]:
    async def hook(request: httpx.Request) -> None:
        recorder.on_request(request)

    http = httpx.AsyncClient(transport=emulator.async_transport(), event_hooks={"request": [hook]})
    async with AsyncBrowserUse(
        api_key="test-key", base_url=emulator.base_url, http_client=http
    ) as c:
        c.tasks.wait_policy = FAST_WAIT
        c.tasks.stream_policy = FAST_STREAM
        yield c
    await http.aclose()
