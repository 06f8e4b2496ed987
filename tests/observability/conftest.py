"""Fixtures for the hooks, request extras and raw response tests: the emulator, a scripted
loopback server, and both client kinds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from browser_use_cloud.emulator import Emulator, EmulatorConfig
from tests.reliability.reliability_helpers import NoRequests, RecordingServer


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator(EmulatorConfig(step_interval=0.01, steps_per_task=3)) as emu:
        yield emu


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    """A loopback server answering from the test's `respond` function."""
    running = RecordingServer()
    yield running
    running.close()


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def no_requests() -> NoRequests:
    return NoRequests()
