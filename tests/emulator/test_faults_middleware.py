"""FaultSpec parsing and FaultMiddleware behaviour, over real loopback HTTP (uvicorn)."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any

import anyio
import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from browser_use_cloud._frontends._serving import BackgroundServer
from browser_use_cloud.emulator._faults import FAULT_KINDS, FaultMiddleware, FaultSpec

# -- parsing ---------------------------------------------------------------------------------


def test_parse_full_spec() -> None:
    spec = FaultSpec.parse(
        "429=0.05, 500=0.05,drop=0.02,slow=0.05,lost=0.03,slow_seconds=0.2,retry_after=3"
    )
    assert dict(spec.rates) == {"429": 0.05, "500": 0.05, "drop": 0.02, "slow": 0.05, "lost": 0.03}
    assert spec.slow_seconds == 0.2
    assert spec.retry_after == 3
    assert spec.total == pytest.approx(0.2)
    assert FaultSpec.parse(str(spec)) == spec


def test_parse_empty_means_no_faults() -> None:
    spec = FaultSpec.parse("")
    assert spec.rates == {}
    assert spec.slow_seconds == 0.5
    assert spec.retry_after == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("418=0.1", "unknown fault kind '418'"),
        ("500=1.5", "between 0 and 1"),
        ("500=-0.1", "between 0 and 1"),
        ("500=0.6,503=0.6", "must not exceed 1"),
        ("500=lots", "must be a number"),
        ("500", "expected name=value"),
        ("500=0.1,500=0.2", "given twice"),
        ("retry_after=1.5", "whole seconds"),
        ("slow_seconds=-1", "slow_seconds must be >= 0"),
    ],
)
def test_parse_rejects_bad_input(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FaultSpec.parse(text)


def test_constructor_validates_rates() -> None:
    with pytest.raises(ValueError, match="unknown fault kind 'boom'"):
        FaultSpec(rates={"boom": 0.1})
    assert FaultSpec(rates={"drop": 0.0}).rates == {}


def test_draw_follows_rates() -> None:
    import random

    spec = FaultSpec(rates={"429": 0.25, "drop": 0.25})
    rng = random.Random(1)
    draws = [spec.draw(rng) for _ in range(4000)]
    assert set(draws) == {"429", "drop", None}
    assert 800 < draws.count("429") < 1200
    assert 800 < draws.count("drop") < 1200


# -- a tiny app behind the middleware ----------------------------------------------------------


class Backend:
    """Counts requests it actually processed."""

    def __init__(self) -> None:
        self.created = 0
        self.uploaded = 0

    def app(self) -> Starlette:
        async def ping(request: Request) -> JSONResponse:
            return JSONResponse({})

        async def run_task(request: Request) -> JSONResponse:
            await request.body()
            self.created += 1
            return JSONResponse({"id": f"task-{self.created}"})

        async def upload(request: Request) -> JSONResponse:
            self.uploaded += len(await request.body())
            return JSONResponse({})

        return Starlette(
            routes=[
                Route("/api/v1/ping", ping),
                Route("/api/v1/run-task", run_task, methods=["POST"]),
                Route("/emulator-files/uploads/{name}", upload, methods=["PUT"]),
                Route("/emulator/state", ping),
            ]
        )


@contextlib.contextmanager
def serve(app: FaultMiddleware) -> Iterator[str]:
    """Run ``app`` with uvicorn on a free loopback port; yields the base URL."""
    with BackgroundServer(app, lifespan="off") as server:
        yield server.url


@contextlib.contextmanager
def faulty(
    spec: str, exempt: Iterable[str] = ()
) -> Iterator[tuple[httpx.Client, Backend, dict[str, int]]]:
    backend = Backend()
    counts: dict[str, int] = {}
    app = FaultMiddleware(backend.app(), FaultSpec.parse(spec), 0, counts, exempt=exempt)
    with serve(app) as base_url, httpx.Client(base_url=base_url, timeout=5) as client:
        yield client, backend, counts


@pytest.mark.parametrize("status", [429, 500, 502, 503])
def test_status_faults(status: int) -> None:
    with faulty(f"{status}=1,retry_after=7") as (client, backend, counts):
        response = client.post("/api/v1/run-task", json={"task": "x"})
    assert response.status_code == status
    assert "emulated fault" in response.json()["detail"]
    assert response.headers["content-type"] == "application/json"
    assert response.headers.get("retry-after") == ("7" if status == 429 else None)
    assert backend.created == 0
    assert counts == {str(status): 1}


def test_status_fault_during_upload_drains_the_body() -> None:
    body = b"x" * (2 * 1024 * 1024)
    with faulty("503=1") as (client, backend, counts):
        response = client.put(
            "/emulator-files/uploads/a.bin", content=body, headers={"content-type": "image/png"}
        )
        again = client.get("/emulator/state")
    assert response.status_code == 503
    assert again.status_code == 200
    assert backend.uploaded == 0
    assert counts == {"503": 1}


def test_drop_is_a_transport_error_and_the_server_survives() -> None:
    with faulty("drop=1") as (client, backend, counts):
        for _ in range(3):
            with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
                client.post("/api/v1/run-task", json={"task": "x"})
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            client.get("/api/v1/ping")
        assert client.get("/emulator/state").status_code == 200
    assert backend.created == 0
    assert counts == {"drop": 4}


def test_drop_sends_not_a_single_byte() -> None:
    with faulty("drop=1") as (client, _, counts):
        host, port = str(client.base_url.host), client.base_url.port
        with socket.create_connection((host, port or 80), timeout=5) as raw:
            raw.sendall(b"GET /api/v1/ping HTTP/1.1\r\nhost: x\r\n\r\n")
            try:
                received = raw.recv(1024)
            except ConnectionResetError:
                received = b""
    assert received == b""
    assert counts == {"drop": 1}


def test_lost_post_is_processed_but_the_client_sees_a_transport_error() -> None:
    with faulty("lost=1") as (client, backend, counts):
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            client.post("/api/v1/run-task", json={"task": "x"})
        assert backend.created == 1
        # only POSTs get lost: a GET drawn as "lost" is served normally and not counted
        assert client.get("/api/v1/ping").status_code == 200
    assert counts == {"lost": 1}


def test_slow_delays_the_response() -> None:
    with faulty("slow=1,slow_seconds=0.5") as (client, _, counts), pytest.raises(httpx.ReadTimeout):
        client.get("/api/v1/ping", timeout=httpx.Timeout(5, read=0.05))
    assert counts == {"slow": 1}
    with faulty("slow=1,slow_seconds=0.05") as (client, backend, counts):
        response = client.post("/api/v1/run-task", json={"task": "x"})
    assert response.status_code == 200
    assert backend.created == 1
    assert counts == {"slow": 1}


def test_only_api_and_file_paths_are_faulted() -> None:
    with faulty("500=1", exempt=["/api/v1/ping"]) as (client, _, counts):
        assert client.get("/emulator/state").status_code == 200
        assert client.get("/api/v1/ping").status_code == 200
        assert client.post("/api/v1/run-task", json={}).status_code == 500
    assert counts == {"500": 1}


def test_zero_rates_pass_everything_through() -> None:
    with faulty("") as (client, backend, counts):
        assert [client.post("/api/v1/run-task", json={}).status_code for _ in range(5)] == [200] * 5
    assert backend.created == 5
    assert counts == {}


# -- in-process (ASGI transport) -----------------------------------------------------------


def _statuses(seed: int, count: int) -> list[int | str]:
    spec = FaultSpec.parse("429=0.2,500=0.2,drop=0.2")
    app = FaultMiddleware(Backend().app(), spec, seed, {})

    async def run() -> list[int | str]:
        out: list[int | str] = []
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://emulator") as client:
            for _ in range(count):
                try:
                    out.append((await client.get("/api/v1/ping")).status_code)
                except httpx.RemoteProtocolError:
                    out.append("drop")
        return out

    return anyio.run(run)


def test_same_seed_same_faults_in_process() -> None:
    first = _statuses(seed=42, count=60)
    assert first == _statuses(seed=42, count=60)
    assert first != _statuses(seed=43, count=60)
    assert {200, 429, 500, "drop"} <= set(first)


def test_lost_in_process_raises_a_transport_error_after_processing() -> None:
    backend = Backend()
    app = FaultMiddleware(backend.app(), FaultSpec.parse("lost=1"), 0, {})
    transport = httpx.ASGITransport(app=app)

    async def run() -> None:
        async with httpx.AsyncClient(transport=transport, base_url="http://emulator") as client:
            with pytest.raises(httpx.RemoteProtocolError):
                await client.post("/api/v1/run-task", json={"task": "x"})

    anyio.run(run)
    assert backend.created == 1


def test_non_http_scopes_pass_through() -> None:
    seen: list[str] = []

    async def app(scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        seen.append(scope["type"])

    async def nothing() -> MutableMapping[str, Any]:
        return {}

    async def ignore(message: MutableMapping[str, Any]) -> None:
        pass

    counts: dict[str, int] = {}
    middleware = FaultMiddleware(app, FaultSpec.parse("500=1"), 0, counts)
    anyio.run(middleware, {"type": "lifespan"}, nothing, ignore)
    anyio.run(middleware, {"type": "websocket", "path": "/api/v1/x"}, nothing, ignore)
    assert seen == ["lifespan", "websocket"]
    assert counts == {}


def test_fault_kinds_are_documented_in_order() -> None:
    assert FAULT_KINDS == ("429", "500", "502", "503", "drop", "slow", "lost")
