"""Webhook events the emulator sends: the test event, then task status updates."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from browser_use_cloud.emulator import Emulator, EmulatorConfig

from .conftest import Api

SECRET = "whsec-test"


class _Receiver(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.events: list[tuple[dict[str, str], dict[str, Any]]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook"


class _Handler(BaseHTTPRequestHandler):
    server: _Receiver

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        self.server.events.append(({k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[_Receiver]:
    server = _Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _statuses(receiver: _Receiver, task_id: str) -> list[str]:
    return [
        b["payload"]["status"] for _, b in receiver.events if b["payload"].get("task_id") == task_id
    ]


def _wait(receiver: _Receiver, task_id: str, last: str) -> list[str]:
    deadline = time.monotonic() + 10
    while last not in _statuses(receiver, task_id):
        assert time.monotonic() < deadline, _statuses(receiver, task_id)
        time.sleep(0.01)
    return _statuses(receiver, task_id)


def test_events_are_signed_and_follow_the_lifecycle(receiver: _Receiver) -> None:
    config = EmulatorConfig(step_interval=0.02, webhook_url=receiver.url, webhook_secret=SECRET)
    with Emulator(config) as emu:
        api = Api(emu.base_url)
        finished = api.run("Webhook me", metadata={"k": "v"})
        assert _wait(receiver, finished, "finished") == ["initializing", "started", "finished"]
        controlled = api.run("Control me [[emulator:steps=40]]")
        api.wait(controlled, lambda s: s == "running")
        api.call("pause_task", params={"task_id": controlled})
        api.call("resume_task", params={"task_id": controlled})
        api.call("stop_task", params={"task_id": controlled})
        assert _wait(receiver, controlled, "stopped") == [
            "initializing",
            "started",
            "paused",
            "started",
            "stopped",
        ]
        failed = api.run("Fail me [[emulator:fail]]")
        assert _wait(receiver, failed, "finished") == ["initializing", "started", "finished"]
    headers, first = receiver.events[0]
    assert first["type"] == "test" and first["payload"] == {"test": "ok"}
    for headers, body in receiver.events:
        timestamp = headers["x-browser-use-timestamp"]
        canonical = json.dumps(body, separators=(",", ":"), sort_keys=True)
        expected = hmac.new(
            SECRET.encode(), f"{timestamp}.{canonical}".encode(), hashlib.sha256
        ).hexdigest()
        assert headers["x-browser-use-signature"] == expected
    update = next(b for _, b in receiver.events if b["type"] == "agent.task.status_update")
    assert set(update["payload"]) == {"session_id", "task_id", "status", "metadata"}
    assert update["payload"]["metadata"] == {"k": "v"}
    assert SECRET not in repr(emu) and SECRET not in repr(emu.state.webhooks)


def test_unreachable_webhook_never_blocks_the_api() -> None:
    config = EmulatorConfig(
        step_interval=0.0, webhook_url="http://127.0.0.1:9/hook", webhook_secret=SECRET
    )
    with Emulator(config) as emu:
        api = Api(emu.base_url)
        for i in range(5):
            assert api.status(api.run(f"Task {i}")) == "finished"
