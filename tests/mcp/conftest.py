"""Fixtures for the MCP server tests: an emulator, a client on it, an in-memory MCP session."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from mcp import Client  # the test group installs it: a missing SDK fails, never skips

from browser_use_cloud import AsyncBrowserUse, PollPolicy
from browser_use_cloud.mcp import create_server

EMULATOR_KEY = "bu_mcp_test_key_0123456789"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def emulator() -> Iterator[Any]:
    from browser_use_cloud.emulator import Emulator, EmulatorConfig

    config = EmulatorConfig(api_key=EMULATOR_KEY, step_interval=0.02, steps_per_task=3)
    with Emulator(config) as emu:
        yield emu


@pytest.fixture
async def library(emulator: Any) -> AsyncIterator[AsyncBrowserUse]:
    async with AsyncBrowserUse(api_key=EMULATOR_KEY, base_url=emulator.base_url) as client:
        client.tasks.stream_policy = PollPolicy(initial=0.01, factor=1.5, max_interval=0.05)
        yield client


@pytest.fixture
async def session(library: AsyncBrowserUse) -> AsyncIterator[Client]:
    async with Client(create_server(library)) as client:
        yield client
