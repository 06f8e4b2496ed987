"""Step intervals: one default for programs and tests, one pace for people, each with its reason."""

from __future__ import annotations

import pytest

from browser_use_cloud.cli._local import STEP_INTERVAL_ENV, local_config
from browser_use_cloud.cli._run import LOOPBACK_STEP_INTERVAL
from browser_use_cloud.emulator import Emulator, EmulatorConfig
from browser_use_cloud.emulator._config import READABLE_STEP_INTERVAL, STEP_INTERVAL


def test_the_pytest_fixture_keeps_the_emulator_default(browser_use_emulator: Emulator) -> None:
    assert browser_use_emulator.config.step_interval == EmulatorConfig().step_interval
    assert EmulatorConfig().step_interval == STEP_INTERVAL


def test_the_cli_paces_its_emulators_for_people(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(STEP_INTERVAL_ENV, raising=False)
    assert local_config().step_interval == READABLE_STEP_INTERVAL > STEP_INTERVAL
    assert LOOPBACK_STEP_INTERVAL == READABLE_STEP_INTERVAL  # what `emulator` serves by default
