"""Run the emulator over real HTTP: in a background thread, or in the foreground."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from ._config import EmulatorConfig
from ._serving import BackgroundServer, bind, run_foreground, url_of
from ._spec import API_PREFIX

if TYPE_CHECKING:
    from ._state import State


class Emulator:
    """The emulator on a free loopback port, served by uvicorn in a background thread.

    >>> with Emulator(EmulatorConfig(seed=1)) as emu:  # doctest: +SKIP
    ...     httpx.get(emu.base_url + "/ping")
    """

    def __init__(
        self, config: EmulatorConfig | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        from ._app import create_app

        self.config = config or EmulatorConfig()
        self.app = create_app(self.config)
        self._background = BackgroundServer(
            self.app, host=host, port=port, lifespan="on", name="browser-use-emulator"
        )
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

    @property
    def stats(self) -> dict[str, Any]:
        """What the limits counted: requests (in total and by second), 429s sent for the
        rate limit and the concurrency limit, the busiest second, the most tasks running."""
        return self.state.stats.snapshot()

    def start(self, timeout: float = 10.0) -> Self:
        """Start serving; returns once the server accepts connections."""
        self._background.start(timeout)
        self.base_url = self._background.url + API_PREFIX
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving and release the port, the files and the background threads."""
        self._background.stop(timeout)

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
    sock = bind(host, port)
    print(url_of(sock, host) + API_PREFIX, flush=True)
    try:
        run_foreground(app, sock)
    finally:
        sys.stdout.flush()
