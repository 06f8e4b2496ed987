"""The fault middleware is off by default and counted on Emulator.fault_counts when on."""

from __future__ import annotations

import httpx

from browser_use_cloud.emulator import Emulator, EmulatorConfig


def test_no_faults_by_default(shared_emulator: Emulator) -> None:
    assert shared_emulator.config.faults is None and shared_emulator.fault_counts == {}


def test_faults_are_injected_and_counted() -> None:
    with Emulator(EmulatorConfig(faults="429=1.0")) as emu:
        response = httpx.get(emu.base_url + "/ping")
        assert response.status_code == 429 and "detail" in response.json()
        assert emu.fault_counts == {"429": 1}
        live = httpx.get(emu.base_url.removesuffix("/api/v1") + "/emulator/live/unknown")
        assert live.status_code == 404 and emu.fault_counts == {"429": 1}
