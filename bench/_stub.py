"""A tiny fixed-answer HTTP server (own process) for the official SDK, which speaks API v2.

    python -m bench._stub ROUTES.json

ROUTES.json maps a path (`/api/v2/tasks/<id>`) to the JSON text to answer with. The
server prints its origin (`http://127.0.0.1:PORT`) as its first stdout line and runs
until stdin closes. HTTP/1.1 keep-alive, like the emulator, so clients reuse connections.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

from ._common import ROOT, subprocess_env


def _handler(routes: dict[str, bytes]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go in separate writes

        def do_GET(self) -> None:
            body = routes.get(self.path.split("?", 1)[0])
            status = 200 if body is not None else 404
            body = body if body is not None else b'{"detail":"Not Found"}'
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


def main() -> None:
    raw = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    routes = {path: text.encode() for path, text in raw.items()}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    sys.stdin.read()
    server.shutdown()


class StubProcess:
    """Run the stub in a child process serving `routes` (path -> JSON text)."""

    def __init__(self, routes: dict[str, str], workdir: Path) -> None:
        self._file = workdir / "stub-routes.json"
        self._file.write_text(json.dumps(routes), encoding="utf-8")
        self._process: subprocess.Popen[str] | None = None
        self.origin = ""

    def __enter__(self) -> StubProcess:
        process = self._process = subprocess.Popen(
            [sys.executable, "-m", "bench._stub", str(self._file)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
            cwd=ROOT,
        )
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("http"):
            self.__exit__(None, None, None)
            raise RuntimeError(f"the stub server did not start (first line: {line!r})")
        self.origin = line.strip()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        assert process.stdin is not None and process.stdout is not None
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()


if __name__ == "__main__":
    main()
