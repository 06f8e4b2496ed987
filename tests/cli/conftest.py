"""Fixtures: a live emulator, an SDK client on it, and the CLI pointed at it."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest
from cli_helpers import KEY, Cli, run_cli

from browser_use_cloud import BrowserUse
from browser_use_cloud.emulator import Emulator, EmulatorConfig


@pytest.fixture
def emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """Fast steps; a test that races a running task asks for slower ones with
    `@pytest.mark.parametrize("emulator", [SECONDS_PER_STEP], indirect=True)`."""
    step_interval = getattr(request, "param", 0.02)
    with Emulator(EmulatorConfig(step_interval=step_interval, steps_per_task=3)) as emu:
        yield emu


@pytest.fixture
def client(emulator: Emulator) -> Iterator[BrowserUse]:
    with BrowserUse(api_key=KEY, base_url=emulator.base_url) as sdk:
        yield sdk


@pytest.fixture
def cli(emulator: Emulator) -> Cli:
    """`cli("tasks", "list")`: the CLI pointed at the test emulator with a key."""

    def call(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return run_cli("--base-url", emulator.base_url, "--api-key", KEY, *args, timeout=timeout)

    return call
