"""Run the emulator over real HTTP: in a background thread, or in the foreground."""

from __future__ import annotations

import socket
import sys
import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING, Self

from ._config import EmulatorConfig
from ._spec import API_PREFIX

if TYPE_CHECKING:
    import uvicorn
    from starlette.applications import Starlette

    from ._state import State


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.setblocking(False)
    return sock


def _base_url(sock: socket.socket, host: str) -> str:
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{API_PREFIX}"


def _server(app: Starlette) -> uvicorn.Server:
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False)
    return uvicorn.Server(config)


class Emulator:
    """The emulator on a free loopback port, served by uvicorn in a background thread.

    >>> with Emulator(EmulatorConfig(step_interval=0.02)) as emu:  # doctest: +SKIP
    ...     httpx.get(emu.base_url + "/ping")
    """

    def __init__(
        self, config: EmulatorConfig | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        from ._app import create_app

        self.config = config or EmulatorConfig()
        self.app = create_app(self.config)
        self._host, self._port = host, port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.base_url = ""

    def __repr__(self) -> str:
        return f"Emulator(base_url={self.base_url!r}, config={self.config!r})"

    @property
    def state(self) -> State:
        """The in-memory state (tasks, schedules, profiles, files)."""
        state: State = self.app.state.emulator
        return state

    @property
    def fault_counts(self) -> dict[str, int]:
        """How many faults of each kind were injected so far."""
        counts: dict[str, int] = self.app.state.fault_counts
        return counts

    def start(self, timeout: float = 10.0) -> Self:
        """Start serving; returns once the server accepts connections."""
        if self._thread is not None:
            return self
        sock = _bind(self._host, self._port)
        self.base_url = _base_url(sock, self._host)
        server = self._server = _server(self.app)
        self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="browser-use-emulator", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the emulator did not start")
            time.sleep(0.005)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving and release the port, the files and the background threads."""
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


def serve(config: EmulatorConfig | None = None, host: str = "127.0.0.1", port: int = 0) -> None:
    """Serve in the foreground: print the base URL as the first line, run until Ctrl-C."""
    from ._app import create_app

    app = create_app(config or EmulatorConfig())
    sock = _bind(host, port)
    print(_base_url(sock, host), flush=True)
    server = _server(app)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
        sys.stdout.flush()
