"""WebhookDispatcher: signing, body shape, retries and shutdown, against loopback receivers."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import attrs
import httpx
import pytest

from browser_use_cloud.emulator._webhook_delivery import WebhookDispatcher, webhook_signature

from .conftest import vendor_docs

SECRET = "whsec_test"


def test_signature_known_answers() -> None:
    # computed with `openssl dgst -sha256 -hmac <secret>` over "<timestamp>.<canonical json>"
    body = {
        "type": "agent.task.status_update",
        "timestamp": "2025-05-25T09:22:22.269116+00:00",
        "payload": {"task_id": "t-1", "status": "finished"},
    }
    assert (
        webhook_signature(SECRET, "1700000000", body)
        == "fd024982df418778496f25d8765d8222cf4345a39278bb3d8d169d458a4d500e"
    )
    unicode_body = {
        "type": "test",
        "timestamp": "2024-03-21T12:00:00Z",
        "payload": {"note": "café"},
    }
    assert (
        webhook_signature("sécret", "1700000000", unicode_body)
        == "b94d60a46ff8204a29272f818aca2662d5387bccf79872c872934977ed6f32fd"
    )


@attrs.define
class Received:
    headers: dict[str, str]
    raw: bytes


class Receiver:
    """A stdlib HTTP server recording POSTs and answering with scripted statuses."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.statuses = list(statuses or [])
        self.received: list[Received] = []
        self.gate = threading.Event()
        self.gate.set()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers["content-length"]))
                receiver.gate.wait(5)
                receiver.received.append(
                    Received({k.lower(): v for k, v in self.headers.items()}, raw)
                )
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def __enter__(self) -> Receiver:
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.gate.set()
        self.server.shutdown()
        self.server.server_close()


@contextlib.contextmanager
def dispatcher(url: str, secret: str = SECRET, **kwargs: object) -> Iterator[WebhookDispatcher]:
    options: dict[str, object] = {"backoff": 0.01, "timeout": 5.0, **kwargs}
    sender = WebhookDispatcher(url, secret, **options)  # type: ignore[arg-type]
    sender.start()
    try:
        yield sender
    finally:
        sender.stop(drain=False, timeout=5)


def test_delivers_a_signed_event() -> None:
    with Receiver() as receiver, dispatcher(receiver.url) as sender:
        sender.send("agent.task.status_update", {"task_id": "t-1", "status": "started"})
        assert sender.flush(timeout=5)
    [request] = receiver.received
    body = json.loads(request.raw)
    assert body["type"] == "agent.task.status_update"
    assert body["payload"] == {"task_id": "t-1", "status": "started"}
    stamp = datetime.fromisoformat(body["timestamp"])
    assert stamp.utcoffset() is not None and stamp.utcoffset() == UTC.utcoffset(None)
    assert abs((datetime.now(UTC) - stamp).total_seconds()) < 60
    # the raw body is ordinary json.dumps output, not the canonical form used for signing
    assert request.raw == json.dumps(body).encode()
    assert request.raw != json.dumps(body, separators=(",", ":"), sort_keys=True).encode()
    assert request.headers["content-type"] == "application/json"
    timestamp = request.headers["x-browser-use-timestamp"]
    assert timestamp.isdigit() and abs(int(timestamp) - time.time()) < 60
    canonical = json.dumps(body, separators=(",", ":"), sort_keys=True)
    expected = hmac.new(SECRET.encode(), f"{timestamp}.{canonical}".encode(), hashlib.sha256)
    assert request.headers["x-browser-use-signature"] == expected.hexdigest()
    [attempt] = sender.deliveries
    assert (attempt.status_code, attempt.attempt, attempt.ok) == (200, 1, True)


def test_retries_until_the_receiver_accepts() -> None:
    with Receiver(statuses=[500, 503]) as receiver, dispatcher(receiver.url) as sender:
        event_id = sender.send("test", {"test": "ok"})
        assert sender.flush(timeout=5)
    assert [d.status_code for d in sender.deliveries] == [500, 503, 200]
    assert [d.attempt for d in sender.deliveries] == [1, 2, 3]
    assert {d.event_id for d in sender.deliveries} == {event_id}
    assert len({r.raw for r in receiver.received}) == 1  # the same event each time


def test_gives_up_after_max_retries() -> None:
    with Receiver(statuses=[500] * 10) as receiver, dispatcher(receiver.url, max_retries=2) as s:
        s.send("test", {"test": "ok"})
        assert s.flush(timeout=5)
    assert [d.status_code for d in s.deliveries] == [500, 500, 500]
    assert not any(d.ok for d in s.deliveries)
    assert len(receiver.received) == 3


def test_transport_errors_are_retried() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once closed
    with dispatcher(f"http://127.0.0.1:{port}/hook", max_retries=1) as sender:
        sender.send("test", {"test": "ok"})
        assert sender.flush(timeout=5)
    assert [d.status_code for d in sender.deliveries] == [None, None]
    assert all(d.error and "ConnectError" in d.error for d in sender.deliveries)


def test_send_does_not_wait_for_delivery() -> None:
    with Receiver() as receiver, dispatcher(receiver.url) as sender:
        receiver.gate.clear()  # the receiver holds every request until released
        sender.send("test", {"n": 1})
        sender.send("test", {"n": 2})
        assert sender.deliveries == []
        receiver.gate.set()
        assert sender.flush(timeout=5)
    assert [json.loads(r.raw)["payload"]["n"] for r in receiver.received] == [1, 2]


def test_stop_with_drain_delivers_everything_queued() -> None:
    with Receiver(statuses=[500]) as receiver:
        sender = WebhookDispatcher(receiver.url, SECRET, backoff=0.01)
        sender.start()
        for n in range(5):
            sender.send("test", {"n": n})
        sender.stop(drain=True, timeout=5)
    assert sorted(json.loads(r.raw)["payload"]["n"] for r in receiver.received) == [
        0,
        0,
        1,
        2,
        3,
        4,
    ]
    assert sum(d.ok for d in sender.deliveries) == 5


def test_stop_without_drain_drops_pending_events() -> None:
    with Receiver() as receiver:
        receiver.gate.clear()
        sender = WebhookDispatcher(receiver.url, SECRET, backoff=0.01)
        sender.start()
        for n in range(5):
            sender.send("test", {"n": n})
        time.sleep(0.05)  # let the first request reach the (held) receiver
        stopper = threading.Thread(target=sender.stop, kwargs={"drain": False, "timeout": 5})
        stopper.start()
        receiver.gate.set()
        stopper.join(5)
    assert len(receiver.received) < 5


def test_secret_stays_out_of_repr_and_records() -> None:
    with Receiver() as receiver, dispatcher(receiver.url, secret="s3cr3t-value") as sender:
        sender.send("test", {"test": "ok"})
        assert sender.flush(timeout=5)
    assert "s3cr3t-value" not in repr(sender)
    assert "s3cr3t-value" not in repr(sender.deliveries)


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        WebhookDispatcher("http://127.0.0.1:1/", SECRET, max_retries=-1)


# -- the documentation's FastAPI receiver ----------------------------------------------------


def _docs_receiver_source() -> str:
    match = re.search(
        r"^import uvicorn\n.*?^\s+uvicorn\.run\(app, host='0\.0\.0\.0', port=8080\)\n",
        vendor_docs(),
        re.S | re.M,
    )
    if match is None:
        pytest.fail("the vendor docs no longer hold the FastAPI webhook receiver example")
    return match.group(0)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_documented_fastapi_receiver_accepts_dispatched_events(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    port = _free_port()
    source = _docs_receiver_source().replace("port=8080", f"port={port}")
    script = tmp_path / "receiver.py"
    script.write_text(source, encoding="utf-8")
    env = {**os.environ, "SECRET_KEY": SECRET, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, str(script)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/docs", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, "the docs receiver exited early"
                assert time.monotonic() < deadline, "the docs receiver did not start"
                time.sleep(0.05)
        url = f"http://127.0.0.1:{port}/webhook"
        with dispatcher(url, max_retries=0) as good:
            good.send("test", {"test": "ok"})
            good.send("agent.task.status_update", {"task_id": "t-9", "status": "finished"})
            assert good.flush(timeout=10)
        with dispatcher(url, secret="not-the-secret", max_retries=0) as forged:
            forged.send("test", {"test": "forged"})
            assert forged.flush(timeout=10)
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=10)
    assert [d.status_code for d in good.deliveries] == [200, 200]
    assert [d.status_code for d in forged.deliveries] == [403]
    assert "Test webhook received: {'test': 'ok'}" in output
    assert "'task_id': 't-9'" in output
    assert "forged" not in output
