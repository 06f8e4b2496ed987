"""uvicorn on a socket of our own: in a background thread, or in the foreground.

Shared by the emulator, the CLI's local webhook receivers, `serve()` and the MCP server's
streamable HTTP. The socket is bound here (port 0 picks a free one) so the URL is known
before the server starts.
"""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self

if TYPE_CHECKING:
    import uvicorn

Lifespan = Literal["on", "off"]


def bind(host: str, port: int) -> socket.socket:
    """A listening socket. TCP_NODELAY: without it a loopback request waits ~40 ms."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.setblocking(False)
    return sock


def url_of(sock: socket.socket, host: str) -> str:
    """`http://HOST:PORT` of a bound socket (IPv6 hosts in brackets)."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{sock.getsockname()[1]}"


def make_server(app: Any, *, lifespan: Lifespan = "on") -> uvicorn.Server:
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", lifespan=lifespan, access_log=False)
    return uvicorn.Server(config)


def run_foreground(app: Any, sock: socket.socket, *, lifespan: Lifespan = "on") -> None:
    """Serve until Ctrl-C, which ends it quietly."""
    try:
        make_server(app, lifespan=lifespan).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()


class BackgroundServer:
    """`with BackgroundServer(app) as server: server.url` serves `app` from a daemon thread."""

    def __init__(
        self,
        app: Any,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        lifespan: Lifespan = "on",
        name: str = "browser-use-server",
    ) -> None:
        self.app = app
        self.url = ""
        self._host, self._port = host, port
        self._lifespan: Lifespan = lifespan
        self._name = name
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 10.0) -> Self:
        """Start serving; returns once the server accepts connections."""
        if self._thread is not None:
            return self
        sock = bind(self._host, self._port)
        self.url = url_of(sock, self._host)
        server = self._server = make_server(self.app, lifespan=self._lifespan)
        self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name=self._name, daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"could not start a server on {self._host}:{self._port}")
            time.sleep(0.005)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving and wait for the thread (and the app's lifespan) to end."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        self._server = self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
