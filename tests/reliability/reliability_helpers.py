"""Helpers for the reliability tests (and others): a recording loopback server, a transport
that must never be used, and the CLI run in this process with a clean environment."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from tests.cli_runs import cli_env as cli_env  # the CLI tests' environment
from tests.cli_runs import run_cli_here

ROOT = Path(__file__).resolve().parents[2]

Reply = tuple[int, dict[str, str], bytes]
Responder = Callable[["Seen"], Reply]


@dataclass(frozen=True)
class Seen:
    """One request as it arrived: the raw request target, headers and body."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]


def _not_found(_: Seen) -> Reply:
    return 404, {"Content-Type": "application/json"}, b'{"detail":"Not Found"}'


@dataclass
class RecordingServer:
    """A loopback HTTP server that records every request and answers via `respond`."""

    host: str = "127.0.0.1"
    respond: Responder = _not_found
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                request = Seen(self.command, self.path, dict(self.headers.items()), body)
                owner.seen.append(request)
                status, headers, data = owner.respond(request)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve

            def log_message(self, format: str, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer((self.host, 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self._thread.start()

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self._server.server_address[1]}"

    @property
    def base_url(self) -> str:
        return self.origin + "/api/v1"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class NoRequests:
    """httpx transports (sync and async) that record any request instead of sending it."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        raise AssertionError(f"a request was sent: {request.method} {request.url}")

    @property
    def sync(self) -> httpx.MockTransport:
        return httpx.MockTransport(self._handle)

    @property
    def asynchronous(self) -> httpx.MockTransport:
        return httpx.MockTransport(self._handle)


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """The CLI run to completion in this process (click's runner), with `env` or cli_env()."""
    return run_cli_here(*args, env=env or cli_env(), timeout=timeout)
