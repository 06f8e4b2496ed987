"""Step intervals: one default for programs and tests, one pace for people, each with its reason."""

from __future__ import annotations

import pytest

from browser_use_cloud._frontends._local_emulator import (
    DEFAULT_STEP_INTERVAL,
    STEP_INTERVAL_ENV,
    STEPS_ENV,
    local_config,
)
from browser_use_cloud.cli._run import LOOPBACK_STEP_INTERVAL
from browser_use_cloud.emulator import Emulator, EmulatorConfig, State
from browser_use_cloud.emulator._config import STEP_INTERVAL


def test_the_pytest_fixture_keeps_the_emulator_default(browser_use_emulator: Emulator) -> None:
    assert browser_use_emulator.config.step_interval == EmulatorConfig().step_interval
    assert EmulatorConfig().step_interval == STEP_INTERVAL


def test_the_cli_paces_its_emulators_for_people(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(STEP_INTERVAL_ENV, raising=False)
    assert local_config().step_interval == DEFAULT_STEP_INTERVAL > STEP_INTERVAL
    assert LOOPBACK_STEP_INTERVAL == DEFAULT_STEP_INTERVAL  # what `emulator` serves by default


def test_the_cli_and_programs_give_a_task_the_same_steps_and_output(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only the pace differs: `browser-use-cloud emulator` and `EmulatorConfig()` agree."""
    monkeypatch.delenv(STEP_INTERVAL_ENV, raising=False)
    monkeypatch.delenv(STEPS_ENV, raising=False)
    runs = []
    for config in (local_config(seed=3), EmulatorConfig(seed=3)):
        task = State(config).create_task({"task": "Find the population of Lima"})
        runs.append(([step.next_goal for _, step in task.steps], task.output))
    cli, program = runs
    assert cli == program
