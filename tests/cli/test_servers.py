"""`emulator` and `webhooks listen|verify`: long-running servers and signature checks."""

from __future__ import annotations

import json
import queue
import re
import signal
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from cli_helpers import CLI, assert_clean_error, cli_env, lines, run_cli

from browser_use_cloud import BrowserUse, sign_webhook
from browser_use_cloud.cli._demo import PRODUCT_SCHEMA
from browser_use_cloud.emulator import Emulator, EmulatorConfig

SECRET = "whsec-test-secret"
EVENT = {
    "type": "agent.task.status_update",
    "timestamp": "2025-01-01T00:00:00Z",
    "payload": {"session_id": "s1", "task_id": "t1", "status": "finished", "metadata": {}},
}


class Server:
    """A CLI server subprocess whose stdout lines are read without blocking the test."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [*CLI, *args], env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        self.url = self.next_line()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))

    def next_line(self, timeout: float = 20) -> str:
        return self._lines.get(timeout=timeout)

    def stop(self) -> tuple[int, str]:
        self.process.send_signal(signal.SIGINT)
        _, stderr = self.process.communicate(timeout=20)
        return self.process.returncode, stderr


@contextmanager
def server(*args: str) -> Iterator[Server]:
    running = Server(*args)
    try:
        yield running
    finally:
        if running.process.poll() is None:
            running.process.kill()
            running.process.wait()


def test_emulator_command_serves_the_api_until_ctrl_c() -> None:
    with server("emulator", "--api-key", "right", "--step-interval", "0.01", "--steps", "2") as emu:
        assert emu.url.startswith("http://127.0.0.1:") and emu.url.endswith("/api/v1")
        with BrowserUse(api_key="right", base_url=emu.url) as client:
            task = client.tasks.run("two steps please")
        assert len(task.steps) == 2
        listed = run_cli("--base-url", emu.url, "--api-key", "right", "tasks", "list", "--json")
        assert [t["id"] for t in json.loads(listed.stdout)["tasks"]] == [task.id]
        code, stderr = emu.stop()
    assert code == 0 and "Traceback" not in stderr


def test_emulator_command_rejects_a_bad_fault_spec() -> None:
    result = run_cli("emulator", "--faults", "429=lots")
    assert result.returncode == 2 and "--faults" in result.stderr
    assert "Traceback" not in result.stderr


def test_listen_verifies_and_prints_each_delivery() -> None:
    with server("webhooks", "listen", "--secret", SECRET) as listener:
        assert listener.url.startswith("http://127.0.0.1:") and listener.url.endswith("/webhook")
        body, headers = sign_webhook(EVENT, SECRET)
        assert httpx.post(listener.url, content=body, headers=headers).status_code == 200
        assert listener.next_line().endswith(
            "verified agent.task.status_update task=t1 status=finished"
        )
        forged = body.replace(b"finished", b"stopped")
        assert httpx.post(listener.url, content=forged, headers=headers).status_code == 401
        code, stderr = listener.stop()
    assert "rejected" in stderr and "invalid_signature" in stderr
    assert code == 0 and "Traceback" not in stderr


def test_listen_receives_the_emulators_events() -> None:
    with server("webhooks", "listen", "--secret", SECRET, "--json") as listener:
        config = EmulatorConfig(step_interval=0.01, webhook_url=listener.url, webhook_secret=SECRET)
        with Emulator(config) as emulator, BrowserUse(api_key="k", base_url=emulator.base_url) as c:
            task_id = c.tasks.run("send me events").id
            seen: list[str] = []
            while "finished" not in seen:
                event = json.loads(listener.next_line())
                if event["type"] == "agent.task.status_update":
                    assert event["payload"]["task_id"] == task_id
                    seen.append(event["payload"]["status"])
        listener.stop()
    assert seen[0] == "initializing" and seen[-1] == "finished"


def test_verify_accepts_a_good_signature_and_explains_a_bad_one(tmp_path: Path) -> None:
    body, headers = sign_webhook(EVENT, SECRET)
    stamp, signature = headers["X-Browser-Use-Timestamp"], headers["X-Browser-Use-Signature"]
    saved = tmp_path / "body.json"
    saved.write_bytes(body)
    common = ["webhooks", "verify", "--timestamp", stamp, "--signature", signature]

    good = run_cli(*common, "--body", str(saved), "--secret", SECRET)
    assert good.returncode == 0
    assert good.stdout.strip() == "valid: agent.task.status_update task=t1 status=finished"
    from_stdin = run_cli(
        *common, "--body", "-", "--json", env=cli_env(BROWSER_USE_WEBHOOK_SECRET=SECRET),
        stdin=body.decode(),
    )  # fmt: skip
    assert json.loads(from_stdin.stdout) == EVENT

    wrong = run_cli(*common, "--body", str(saved), "--secret", "other")
    assert "invalid webhook (invalid_signature)" in assert_clean_error(wrong, 1)
    old_body, old = sign_webhook(EVENT, SECRET, timestamp=1_000_000_000)
    stale = run_cli(
        "webhooks", "verify", "--body", str(saved), "--secret", SECRET,
        "--timestamp", old["X-Browser-Use-Timestamp"],
        "--signature", old["X-Browser-Use-Signature"],
    )  # fmt: skip
    assert old_body == body
    assert "timestamp_outside_tolerance" in assert_clean_error(stale, 1)
    no_secret = run_cli(*common, "--body", str(saved))
    assert "--secret" in assert_clean_error(no_secret, 2)
    for result in (good, wrong, stale):
        assert SECRET not in result.stdout + result.stderr


def test_demo_runs_offline_end_to_end() -> None:
    result = run_cli("demo", timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    first_lines = " ".join(lines(out)[:3])
    assert "simulated by the local emulator" in first_lines  # said before any answer
    assert "no browser" in first_lines and "BROWSER_USE_API_KEY" in first_lines
    sections = [out.index(f"== {n}.") for n in (1, 2, 3, 4)]
    assert sections == sorted(sections)
    prompts = re.findall(r"^prompt: (.+)$", out, flags=re.M)
    assert len(prompts) == 3 and all(prompts)
    for prompt, start in zip(prompts, sections, strict=False):
        assert start < out.index(f"prompt: {prompt}") < out.index(" created", start)
    assert out.count(" finished after ") == 3
    second = out[sections[1] : sections[2]]
    schema_at = second.index("schema:\n") + len("schema:\n")
    schema_end = second.index("\n}\n", schema_at) + 2
    assert json.loads(second[schema_at:schema_end]) == PRODUCT_SCHEMA
    answer = second[second.index(" finished after ") :]
    structured = json.loads(answer[answer.index("{\n") : answer.index("\n}\n") + 2])
    assert set(structured) == set(PRODUCT_SCHEMA["properties"])
    assert structured["colours"]
    assert "uploaded prices.csv" in out and "the task saw: prices.csv" in out
    assert out.count("status=finished") == 3
    assert ", 0 rejected" in out
    assert "rejected  a forged delivery (invalid_signature)" in out
