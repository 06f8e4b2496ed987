"""The three ways to run the emulator: serve(), Emulator in a thread, create_app in-process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest

from browser_use_cloud.emulator import Emulator, EmulatorConfig, create_app

ROOT = Path(__file__).resolve().parents[2]
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join([str(ROOT / "wrapper"), str(ROOT / "generated")]),
}


def test_serve_prints_base_url_first_and_stops_on_ctrl_c() -> None:
    code = "from browser_use_cloud.emulator import serve; serve(port=0)"
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=ENV
    )
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/api/v1")
        assert httpx.get(base_url + "/ping", timeout=5).json() == {}
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) in (0, -signal.SIGINT, 130)
    finally:
        proc.kill()
        proc.wait()


def test_emulator_context_manager_releases_the_port() -> None:
    with Emulator(EmulatorConfig(step_interval=0.0)) as emu:
        port = int(emu.base_url.split(":")[2].split("/")[0])
        assert httpx.get(emu.base_url + "/ping").status_code == 200
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


@pytest.mark.anyio
async def test_create_app_in_process() -> None:
    app = create_app(EmulatorConfig(step_interval=0.0))
    transport = httpx.ASGITransport(app=app)
    headers = {"Authorization": "Bearer k"}
    async with httpx.AsyncClient(
        transport=transport, base_url="http://emulator/api/v1", headers=headers
    ) as client:
        task_id = (await client.post("/run-task", json={"task": "In process"})).json()["id"]
        assert (await client.get(f"/task/{task_id}/status")).json() == "finished"
        live = (await client.get(f"/task/{task_id}")).json()["live_url"]
        assert live.startswith("http://emulator/emulator/live/")
    app.state.emulator.close()


def test_pytest_plugin_fixture_and_marker(tmp_path: Path) -> None:
    test_file = tmp_path / "test_uses_plugin.py"
    test_file.write_text(
        textwrap.dedent(
            """
            import httpx, pytest

            @pytest.mark.browser_use_emulator(api_key="k1", steps_per_task=2)
            def test_it(browser_use_emulator):
                me = browser_use_emulator.base_url + "/me"
                assert httpx.get(me, headers={"Authorization": "Bearer k1"}).json() is True
                assert httpx.get(me, headers={"Authorization": "Bearer k2"}).status_code == 401
                assert browser_use_emulator.config.steps_per_task == 2
            """
        )
    )
    # The fixture comes from the installed package's pytest11 entry point, as for users.
    args = ["-m", "pytest", "-q", "-p", "no:cacheprovider", str(test_file)]
    result = subprocess.run(
        [sys.executable, *args], cwd=tmp_path, env=ENV, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def test_plugin_import_is_light() -> None:
    code = textwrap.dedent(
        """
        import sys
        import browser_use_cloud.emulator.pytest_plugin
        heavy = {"starlette", "uvicorn", "jsonschema", "croniter"} & set(sys.modules)
        assert not heavy, heavy
        """
    )
    result = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
