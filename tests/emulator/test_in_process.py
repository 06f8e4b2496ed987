"""The in-process emulator: an httpx transport into the app, with no socket and no server thread,
for sync and async clients; reset(); and the pytest plugin's in-process and session options."""

from __future__ import annotations

import asyncio
import io
import socket
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from browser_use_cloud import BrowserUse
from browser_use_cloud.emulator import Emulator, EmulatorConfig

from .test_runner import ENV

FAST = EmulatorConfig(step_interval=0.005, steps_per_task=3, seed=4)


def _no_network(*args: object, **kwargs: object) -> None:
    raise AssertionError("the in-process emulator used a network socket")


def _thread_names() -> set[str]:
    """Threads alive now, but for AnyIO's worker threads: an event loop that an earlier test
    of this process left behind may start one at any time, and a sync client with no event
    loop cannot."""
    return {t.name for t in threading.enumerate() if t.name != "AnyIO worker thread"}


def test_a_sync_client_runs_uploads_and_downloads_with_no_socket_and_no_thread(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    threads = _thread_names()
    with Emulator(FAST, in_process=True) as emulator:
        for method in ("connect", "connect_ex", "bind"):
            monkeypatch.setattr(socket.socket, method, _no_network)
        assert httpx.URL(emulator.base_url).host == "emulator.localhost"
        with emulator.client() as client:
            name = client.files.upload(io.BytesIO(b"a,b\n1,2\n"), name="table.csv")
            result = client.tasks.run(
                "Summarise the table [[emulator:files=summary.txt]]", included_file_names=[name]
            )
            assert result.status == "finished" and len(result.steps) == 3
            target = tmp_path / "summary.txt"
            client.tasks.download_output_file(result.id, "summary.txt", target)
        assert _thread_names() <= threads
        assert len(emulator.state.tasks) == 1
    assert "Summarise the table" in target.read_text()


def test_an_async_client_follows_steps_in_process() -> None:
    async def follow(emulator: Emulator) -> list[int]:
        async with emulator.async_client() as client:
            task = await client.tasks.create("Count the steps [[emulator:steps=4]]")
            return [step.step async for step in client.tasks.steps(task.id)]

    with Emulator(FAST, in_process=True) as emulator:
        assert asyncio.run(follow(emulator)) == [1, 2, 3, 4]


def test_a_sync_client_works_inside_a_running_event_loop_and_from_threads() -> None:
    with Emulator(FAST, in_process=True) as emulator, emulator.client() as client:

        async def inside_a_loop() -> str:
            return client.tasks.run("Called from async code").status

        assert asyncio.run(inside_a_loop()) == "finished"
        with ThreadPoolExecutor(4) as pool:
            statuses = list(pool.map(lambda n: client.tasks.run(f"Thread {n}").status, range(8)))
        assert statuses == ["finished"] * 8
        assert len(emulator.state.tasks) == 9


def test_faults_in_process_are_transport_errors_and_statuses_the_client_retries() -> None:
    headers = {"Authorization": "Bearer k"}
    dropped = EmulatorConfig(faults="drop=1.0")
    with Emulator(dropped, in_process=True) as emulator:
        http = httpx.Client(base_url=emulator.base_url, transport=emulator.transport())
        with http, pytest.raises(httpx.RemoteProtocolError):
            http.get("/ping", headers=headers)
    lost = EmulatorConfig(faults="lost=1.0")
    with Emulator(lost, in_process=True) as emulator:
        http = httpx.Client(base_url=emulator.base_url, transport=emulator.transport())
        with http, pytest.raises(httpx.RemoteProtocolError):
            http.post("/run-task", headers=headers, json={"task": "Carried out, unanswered"})
        assert len(emulator.state.tasks) == 1
    flaky = EmulatorConfig(step_interval=0.0, seed=2, faults="500=0.3,429=0.2,retry_after=0")
    with Emulator(flaky, in_process=True) as emulator, emulator.client(max_retries=8) as client:
        results = [client.tasks.run(f"Question {n}") for n in range(4)]
        assert set(emulator.fault_counts) == {"500", "429"}
    assert [r.status for r in results] == ["finished"] * 4


def test_due_schedules_start_on_the_next_request_in_process() -> None:
    config = EmulatorConfig(step_interval=0.0, time_scale=600.0)  # a minute every 0.1 s
    with Emulator(config, in_process=True) as emulator, emulator.client() as client:
        schedule_id = client.scheduled_tasks.create("Check the news", interval_minutes=1)
        deadline = time.monotonic() + 30
        while not emulator.state.get_schedule(schedule_id).runs:
            assert time.monotonic() < deadline, "no scheduled run started"
            time.sleep(0.05)
            client.ping()
    assert emulator.state.tasks


def test_reset_forgets_everything_and_the_seed_gives_the_same_ids_again() -> None:
    config = EmulatorConfig(step_interval=0.0, seed=9, faults="429=0.5,retry_after=0")
    with Emulator(config, in_process=True) as emulator, emulator.client(max_retries=5) as client:
        first = client.tasks.create("Same task").id
        faults = dict(emulator.fault_counts)
        client.files.upload(io.BytesIO(b"x"), name="x.txt")
        emulator.reset()
        assert emulator.state.tasks == {} and emulator.fault_counts == {}
        assert emulator.stats["requests"] == 0 and not emulator.state.store.exists("uploads/x.txt")
        assert client.tasks.create("Same task").id == first
        assert emulator.fault_counts == faults  # the same draws again


def test_transports_work_with_plain_httpx_clients_too() -> None:
    with Emulator(FAST, in_process=True) as emulator:
        headers = {"Authorization": "Bearer k"}
        http = httpx.Client(base_url=emulator.base_url, transport=emulator.transport())
        with http:
            assert http.get("/ping", headers=headers).json() == {}
            assert http.get("/me", headers={"Authorization": "Bearer"}).status_code == 401

        async def ping() -> object:
            transport = emulator.async_transport()
            async with httpx.AsyncClient(base_url=emulator.base_url, transport=transport) as a:
                return (await a.get("/ping", headers=headers)).json()

        assert asyncio.run(ping()) == {}


def test_client_needs_a_started_emulator() -> None:
    emulator = Emulator(FAST, in_process=True)
    with pytest.raises(RuntimeError, match="start the emulator first"):
        emulator.client()


def test_the_socket_emulator_gives_clients_over_loopback_http() -> None:
    with Emulator(FAST) as emulator, emulator.client() as client:
        assert isinstance(client, BrowserUse)
        assert client.tasks.run("Over the socket").status == "finished"
        assert emulator.base_url.startswith("http://127.0.0.1:")


def test_the_plugin_serves_in_process_and_shares_one_emulator_per_session(
    tmp_path: Path,
) -> None:
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\nbrowser_use_emulator_scope = session\nbrowser_use_emulator_in_process = true\n"
    )
    (tmp_path / "test_uses_plugin.py").write_text(
        textwrap.dedent(
            """
            import pytest

            SEEN = []

            @pytest.mark.browser_use_emulator(seed=1, step_interval=0)
            @pytest.mark.parametrize("n", range(3))
            def test_each_test_starts_fresh(browser_use_emulator, n):
                SEEN.append(id(browser_use_emulator))
                assert browser_use_emulator.in_process
                assert browser_use_emulator.state.tasks == {}
                with browser_use_emulator.client() as client:
                    task_id = client.tasks.create(f"Task {n}").id
                SEEN.append(task_id)

            def test_one_emulator_and_the_same_ids_each_time():
                emulators, ids = SEEN[0::2], SEEN[1::2]
                assert len(set(emulators)) == 1 and len(set(ids)) == 1, SEEN

            @pytest.mark.browser_use_emulator(in_process=False)
            def test_the_marker_can_ask_for_the_socket(browser_use_emulator):
                assert not browser_use_emulator.in_process
                assert browser_use_emulator.base_url.startswith("http://127.0.0.1:")
            """
        )
    )
    args = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"]
    result = subprocess.run(
        [sys.executable, *args], cwd=tmp_path, env=ENV, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 passed" in result.stdout


def test_the_plugin_refuses_an_unknown_scope(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\nbrowser_use_emulator_scope = module\n")
    (tmp_path / "test_x.py").write_text("def test_x(browser_use_emulator):\n    pass\n")
    args = ["-m", "pytest", "-q", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [sys.executable, *args], cwd=tmp_path, env=ENV, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "browser_use_emulator_scope = 'module'" in result.stdout + result.stderr
