"""The ASGI receiver, in process (httpx.ASGITransport) and over real loopback HTTP (uvicorn)."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from browser_use_cloud._frontends._serving import BackgroundServer
from browser_use_cloud._webhooks.duplicates import DuplicateGuard
from browser_use_cloud._webhooks.errors import WebhookErrorReason, WebhookVerificationError
from browser_use_cloud._webhooks.events import TaskStatusUpdateEvent, TestEvent, WebhookEvent
from browser_use_cloud._webhooks.receiver import WebhookApp, webhook_app
from browser_use_cloud._webhooks.signing import (
    SECRET_ENV,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    sign_webhook,
)

SECRET = "whsec_receiver_secret"
pytestmark = pytest.mark.anyio


def status_update(status: str = "finished", task_id: str = "t-1") -> dict[str, Any]:
    return {
        "type": "agent.task.status_update",
        "timestamp": "2025-06-15T15:06:40+00:00",
        "payload": {"session_id": "s-1", "task_id": task_id, "status": status},
    }


def deliver(body: Any = None, *, ts: int | None = None) -> tuple[bytes, dict[str, str]]:
    ts = int(time.time()) if ts is None else ts
    return sign_webhook(status_update() if body is None else body, SECRET, timestamp=ts)


class Recorder:
    def __init__(self, fail_times: int = 0) -> None:
        self.events: list[WebhookEvent] = []
        self.threads: set[str] = set()
        self.fail_times = fail_times

    def __call__(self, event: WebhookEvent) -> None:
        self.threads.add(threading.current_thread().name)
        self.events.append(event)
        if self.fail_times:
            self.fail_times -= 1
            raise RuntimeError("handler broke")


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def client(recorder: Recorder) -> AsyncIterator[httpx.AsyncClient]:
    app = webhook_app(recorder, secret=SECRET)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://hooks.test") as client:
        yield client


async def test_verified_delivery_reaches_a_sync_handler_off_the_loop(
    client: httpx.AsyncClient, recorder: Recorder
) -> None:
    body, headers = deliver()
    response = await client.post("/webhook", content=body, headers=headers)
    assert (response.status_code, response.json()) == (200, {"ok": True})
    assert response.headers["content-type"] == "application/json"
    (event,) = recorder.events
    assert isinstance(event, TaskStatusUpdateEvent)
    assert event.status == "finished"
    assert threading.main_thread().name not in recorder.threads


async def test_async_handler_and_async_callable_object() -> None:
    seen: list[WebhookEvent] = []

    async def handler(event: WebhookEvent) -> None:
        seen.append(event)

    class Handler:
        async def __call__(self, event: WebhookEvent) -> None:
            seen.append(event)

    for target in (handler, Handler()):
        app = webhook_app(target, secret=SECRET, path="/hooks/bu")
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://hooks.test"
        ) as client:
            body, headers = deliver({"type": "test", "timestamp": "t", "payload": {"test": "ok"}})
            response = await client.post("/hooks/bu", content=body, headers=headers)
            assert response.status_code == 200
    assert [type(event) for event in seen] == [TestEvent, TestEvent]


async def test_duplicate_is_acknowledged_without_calling_the_handler_again(
    client: httpx.AsyncClient, recorder: Recorder
) -> None:
    body, headers = deliver()
    first = await client.post("/webhook", content=body, headers=headers)
    retry_body, retry_headers = deliver(ts=int(time.time()) + 1)
    retry = await client.post("/webhook", content=retry_body, headers=retry_headers)
    assert first.json() == {"ok": True}
    assert (retry.status_code, retry.json()) == (200, {"ok": True, "duplicate": True})
    assert len(recorder.events) == 1


async def test_handler_failure_is_a_500_and_the_retry_runs_again() -> None:
    recorder = Recorder(fail_times=1)
    app = webhook_app(recorder, secret=SECRET)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://hooks.test"
    ) as client:
        body, headers = deliver()
        failed = await client.post("/webhook", content=body, headers=headers)
        retried = await client.post("/webhook", content=body, headers=headers)
    assert (failed.status_code, failed.json()) == (500, {"ok": False, "error": "handler_failed"})
    assert (retried.status_code, retried.json()) == (200, {"ok": True})
    assert len(recorder.events) == 2


@pytest.mark.parametrize(
    ("mutate", "status", "reason"),
    [
        (
            lambda b, h: (b, {k: v for k, v in h.items() if k != SIGNATURE_HEADER}),
            400,
            "missing_header",
        ),
        (lambda b, h: (b, {**h, TIMESTAMP_HEADER: "soon"}), 400, "invalid_timestamp"),
        (lambda b, h: (b"{not json", h), 400, "malformed_body"),
        (lambda b, h: (b.replace(b"finished", b"stopped"), h), 401, "invalid_signature"),
        (lambda b, h: (b, {**h, SIGNATURE_HEADER: b"\xe9" * 64}), 401, "invalid_signature"),
        (lambda b, h: deliver(ts=int(time.time()) - 3600), 401, "timestamp_outside_tolerance"),
        (lambda b, h: deliver(ts=int(time.time()) + 3600), 401, "timestamp_outside_tolerance"),
        (lambda b, h: deliver(b"[1]"), 400, "malformed_body"),
    ],
)
async def test_rejections(
    client: httpx.AsyncClient, recorder: Recorder, mutate: Any, status: int, reason: str
) -> None:
    body, headers = mutate(*deliver())
    response = await client.post("/webhook", content=body, headers=headers)
    assert (response.status_code, response.json()) == (status, {"ok": False, "error": reason})
    assert SECRET not in response.text
    assert recorder.events == []


async def test_routing_and_methods(client: httpx.AsyncClient) -> None:
    body, headers = deliver()
    other = await client.post("/elsewhere", content=body, headers=headers)
    assert other.status_code == 404
    get = await client.get("/webhook")
    assert (get.status_code, get.headers["allow"]) == (405, "POST")


async def test_body_limit() -> None:
    app = webhook_app(Recorder(), secret=SECRET, max_body_bytes=64)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://hooks.test"
    ) as client:
        body, headers = deliver()
        declared = await client.post("/webhook", content=body, headers=headers)

        async def chunks() -> AsyncIterator[bytes]:  # no content-length: counted while read
            for start in range(0, len(body), 16):
                yield body[start : start + 16]

        streamed = await client.post("/webhook", content=chunks(), headers=headers)
    assert declared.status_code == streamed.status_code == 413


def test_secret_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    with pytest.raises(WebhookVerificationError) as info:
        webhook_app(Recorder())
    assert info.value.reason == WebhookErrorReason.NO_SECRET
    monkeypatch.setenv(SECRET_ENV, SECRET)
    app = webhook_app(Recorder(), secrets=None, dedupe=False)
    assert app.guard is None
    assert SECRET not in repr(app)
    guard = DuplicateGuard(ttl=5)
    assert webhook_app(Recorder(), dedupe=guard).guard is guard
    with pytest.raises(ValueError):
        webhook_app(Recorder(), tolerance=-1)


async def test_rotation_through_the_app(recorder: Recorder) -> None:
    app = webhook_app(recorder, secrets=["new-secret", SECRET])
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://hooks.test"
    ) as client:
        body, headers = deliver()
        assert (await client.post("/webhook", content=body, headers=headers)).status_code == 200


# --- real loopback HTTP ----------------------------------------------------------------------


@pytest.fixture
def served(recorder: Recorder) -> Iterator[str]:
    """The receiver under uvicorn on 127.0.0.1 and a free port, with its lifespan on."""
    app: WebhookApp = webhook_app(recorder, secret=SECRET)
    with BackgroundServer(app, lifespan="on") as server:
        yield server.url


def test_over_loopback_http(served: str, recorder: Recorder) -> None:
    with httpx.Client(base_url=served, timeout=5) as client:
        body, headers = deliver(status_update("started", task_id="loop-1"))
        ok = client.post("/webhook", content=body, headers=headers)
        again = client.post("/webhook", content=body, headers=headers)
        forged = client.post(
            "/webhook", content=body.replace(b"loop-1", b"loop-2"), headers=headers
        )
        lower = {name.lower(): value for name, value in deliver(status_update("paused"))[1].items()}
        cased = client.post("/webhook", content=deliver(status_update("paused"))[0], headers=lower)
    assert (ok.status_code, ok.json()) == (200, {"ok": True})
    assert again.json() == {"ok": True, "duplicate": True}
    assert (forged.status_code, forged.json()["error"]) == (401, "invalid_signature")
    assert cased.status_code == 200
    assert [getattr(event, "status", None) for event in recorder.events] == ["started", "paused"]


def test_emulator_deliveries_verify_end_to_end(served: str, recorder: Recorder) -> None:
    """The emulator signs independently; its deliveries (non-ASCII metadata) must verify."""
    from browser_use_cloud.emulator import Emulator, EmulatorConfig

    config = EmulatorConfig(
        step_interval=0.02,
        steps_per_task=2,
        webhook_url=f"{served}/webhook",
        webhook_secret=SECRET,
    )
    metadata = {"city": "Montréal", "team": "日本", "mood": "🚀"}
    with Emulator(config) as emulator, httpx.Client(timeout=5) as client:
        created = client.post(
            f"{emulator.base_url}/run-task",
            json={"task": "say hi [[emulator:steps=2]]", "metadata": metadata},
            headers={"Authorization": "Bearer any-key"},
        )
        task_id = created.json()["id"]
        deadline = time.monotonic() + 20
        while not any(getattr(e, "status", None) == "finished" for e in recorder.events):
            assert time.monotonic() < deadline, f"no finished event, got {recorder.events!r}"
            client.get(
                f"{emulator.base_url}/task/{task_id}/status",
                headers={"Authorization": "Bearer any-key"},
            )
            time.sleep(0.05)
    assert isinstance(recorder.events[0], TestEvent)
    updates = [e for e in recorder.events if isinstance(e, TaskStatusUpdateEvent)]
    assert {e.task_id for e in updates} == {task_id}
    assert all(e.metadata == metadata for e in updates)
    assert [e.known_status for e in updates][-1] == "finished"


async def test_mounted_under_a_prefix_answers_on_its_path(recorder: Recorder) -> None:
    from starlette.applications import Starlette
    from starlette.routing import Mount

    app = Starlette(routes=[Mount("/hooks", app=webhook_app(recorder, secret=SECRET))])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://hooks.test") as client:
        body, headers = deliver()
        response = await client.post("/hooks/webhook", content=body, headers=headers)
        other = await client.post("/hooks/elsewhere", content=body, headers=headers)
    assert (response.status_code, response.json()) == (200, {"ok": True})
    assert other.status_code == 404
    assert len(recorder.events) == 1


async def test_a_root_path_given_by_the_server_is_honoured(recorder: Recorder) -> None:
    app = webhook_app(recorder, secret=SECRET)
    transport = httpx.ASGITransport(app=app, root_path="/api")
    async with httpx.AsyncClient(transport=transport, base_url="http://hooks.test") as client:
        body, headers = deliver()
        response = await client.post("/api/webhook", content=body, headers=headers)
    assert response.status_code == 200 and len(recorder.events) == 1


async def test_a_sync_handler_that_returns_a_value_is_a_200() -> None:
    seen: list[WebhookEvent] = []

    def handler(event: WebhookEvent) -> str:
        seen.append(event)
        return "processed"

    app = webhook_app(handler, secret=SECRET)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://hooks.test") as client:
        body, headers = deliver()
        response = await client.post("/webhook", content=body, headers=headers)
    assert (response.status_code, response.json()) == (200, {"ok": True})
    assert len(seen) == 1
