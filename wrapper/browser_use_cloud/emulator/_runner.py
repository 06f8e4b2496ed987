"""Run the emulator over real HTTP in a background thread, in-process (no socket), or in the
foreground."""

from __future__ import annotations

import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from .._frontends._serving import BackgroundServer, bind, run_foreground, url_of
from ._config import EmulatorConfig
from ._spec import API_PREFIX

if TYPE_CHECKING:
    from .. import AsyncBrowserUse, BrowserUse
    from ._state import State
    from ._transport import AsyncInProcessTransport, InProcessTransport

IN_PROCESS_ORIGIN = "http://emulator.localhost"
"""Where an in-process emulator says it lives: a loopback name that no server answers."""


class Emulator:
    """The emulated service, served by uvicorn on a free loopback port in a background thread,
    or, with ``in_process=True``, reached through an httpx transport with no socket at all.

    >>> with Emulator(EmulatorConfig(seed=1)) as emu:  # doctest: +SKIP
    ...     httpx.get(emu.base_url + "/ping")
    >>> with Emulator(in_process=True) as emu, emu.client() as client:  # doctest: +SKIP
    ...     client.tasks.run("Find the capital of Peru")

    In-process, ``transport()`` / ``async_transport()`` (or ``client()`` /
    ``async_client()``) are the way in; tasks progress by the clock and due schedules start
    on the next request, so no thread runs unless webhooks are configured. Requests do not
    time out in-process: test client timeouts over the socket.
    """

    def __init__(
        self,
        config: EmulatorConfig | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        in_process: bool = False,
    ) -> None:
        from ._app import create_app

        self.config = config or EmulatorConfig()
        self.app = create_app(self.config)
        self.in_process = in_process
        self._background = BackgroundServer(
            self.app, host=host, port=port, lifespan="on", name="browser-use-emulator"
        )
        self._transports: list[InProcessTransport] = []
        self._ticker: _Ticker | None = None
        self._started = False
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

    def reset(self) -> None:
        """Forget every task, schedule, profile, file and count: the emulator is as new
        (same configuration, same seed), without a restart. For one emulator shared by
        many tests (the pytest plugin's ``browser_use_emulator_scope = session``)."""
        self.app.state.reset()

    def start(self, timeout: float = 10.0) -> Self:
        """Start serving; returns once the server accepts connections (in-process: at once)."""
        if self.in_process:
            if not self._started and self.state.webhooks is not None:
                from ._app import tick_interval

                self.state.start()  # webhook delivery runs on its own thread
                self._ticker = _Ticker(self.state, every=tick_interval(self.config))
            self.base_url = IN_PROCESS_ORIGIN + API_PREFIX
        else:
            self._background.start(timeout)
            self.base_url = self._background.url + API_PREFIX
        self._started = True
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving and release the port, the files and the background threads."""
        if self.in_process:
            if self._ticker is not None:
                self._ticker.stop(timeout)
                self._ticker = None
            if self._started:
                self.state.close()
        else:
            self._background.stop(timeout)
        for transport in self._transports:
            transport.close()
        self._transports.clear()
        self._started = False

    def transport(self) -> InProcessTransport:
        """A sync httpx transport into this emulator, no socket involved:
        ``BrowserUse(..., base_url=emu.base_url, transport=emu.transport())``."""
        from ._transport import InProcessTransport

        transport = InProcessTransport(self.app, self.state)
        self._transports.append(transport)
        return transport

    def async_transport(self) -> AsyncInProcessTransport:
        """An async httpx transport into this emulator, no socket involved:
        ``AsyncBrowserUse(..., base_url=emu.base_url, transport=emu.async_transport())``."""
        from ._transport import AsyncInProcessTransport

        return AsyncInProcessTransport(self.app, self.state)

    def client(self, **options: Any) -> BrowserUse:
        """A `BrowserUse` for this emulator: through the transport in-process, over loopback
        HTTP otherwise. ``options`` go to `BrowserUse`; by default the key is the one the
        emulator accepts and there is no request budget (``rate_limit`` models the service's)."""
        from .. import BrowserUse

        if self.in_process:
            options.setdefault("transport", self.transport())
        return BrowserUse(**self._client_options(options))

    def async_client(self, **options: Any) -> AsyncBrowserUse:
        """An `AsyncBrowserUse` for this emulator, as `client()` makes a `BrowserUse`."""
        from .. import AsyncBrowserUse

        if self.in_process:
            options.setdefault("transport", self.async_transport())
        return AsyncBrowserUse(**self._client_options(options))

    def _client_options(self, options: dict[str, Any]) -> dict[str, Any]:
        if not self._started:
            raise RuntimeError("start the emulator first (with Emulator(...) as emu: ...)")
        options.setdefault("api_key", self.config.api_key or "test")
        options.setdefault("base_url", self.base_url)
        options.setdefault("max_requests_per_second", None)
        return options

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


class _Ticker:
    """Observes every live task every ``every`` seconds on a daemon thread, so an in-process
    emulator sends webhook events between requests too."""

    def __init__(self, state: State, *, every: float) -> None:
        self._state = state
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="emulator-ticker", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            self._state.tick()

    def stop(self, timeout: float) -> None:
        self._stop.set()
        self._thread.join(timeout)
