"""Seeded fault injection for the emulator (pure ASGI middleware).

Interface::

    spec = FaultSpec.parse("429=0.05,500=0.05,drop=0.02,slow=0.05,lost=0.03,slow_seconds=0.2")
    counts: dict[str, int] = {}
    app = FaultMiddleware(app, spec, seed=0, counts=counts)

Kinds (``FAULT_KINDS``), each with a rate in 0..1 (rates add up to at most 1):

- ``"429"``: answered ``429`` with ``Retry-After: <spec.retry_after>`` and ``{"detail": ...}``.
- ``"500"``, ``"502"``, ``"503"``: answered with that status and a JSON ``{"detail": ...}``.
- ``"drop"``: the connection is closed before any response byte; the app never sees the request.
- ``"slow"``: the request is delayed by ``spec.slow_seconds`` and then served normally.
- ``"lost"``: POST only. The app processes the request, then the connection is closed
  without the response, so the client sees a transport error although the side effect
  happened. A ``lost`` draw on any other method serves the request normally.

Which requests: only HTTP requests whose path starts with one of ``paths`` (default
``DEFAULT_FAULT_PATHS``: the API under ``/api/v1/`` and the presigned file URLs under
``/emulator-files/``, because clients must retry uploads and downloads too), minus the
exact paths in ``exempt``. Everything else (emulator-internal routes, lifespan,
websockets) passes through untouched. Keep readiness probes outside these prefixes.

One random draw per eligible request from ``random.Random(seed)``: the same request
sequence gives the same faults. Every injected fault increments ``counts[kind]``.

Dropped connections: under uvicorn the server transport is aborted, so the client sees a
``httpx.RemoteProtocolError``/``ReadError`` and no status. Without access to a server
transport (for example ``httpx.ASGITransport``) the middleware raises
``httpx.RemoteProtocolError`` from the app, which in-process clients also see as a
transport error.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping
from types import MappingProxyType
from typing import Any

import attrs
import httpx

__all__ = ["DEFAULT_FAULT_PATHS", "FAULT_KINDS", "FaultMiddleware", "FaultSpec"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

FAULT_KINDS: tuple[str, ...] = ("429", "500", "502", "503", "drop", "slow", "lost")
DEFAULT_FAULT_PATHS: tuple[str, ...] = ("/api/v1/", "/emulator-files/")

_OPTIONS = ("slow_seconds", "retry_after")
_DETAILS = {
    "429": "Too Many Requests (emulated fault)",
    "500": "Internal Server Error (emulated fault)",
    "502": "Bad Gateway (emulated fault)",
    "503": "Service Unavailable (emulated fault)",
}


def _check_rates(value: Mapping[str, float]) -> Mapping[str, float]:
    rates: dict[str, float] = {}
    for kind, rate in value.items():
        if kind not in FAULT_KINDS:
            raise ValueError(
                f"unknown fault kind {kind!r}; expected one of {', '.join(FAULT_KINDS)}"
            )
        rate = float(rate)
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"fault rate for {kind!r} must be between 0 and 1, got {rate}")
        if rate:
            rates[kind] = rate
    total = sum(rates.values())
    if total > 1.0 + 1e-9:
        raise ValueError(f"fault rates add up to {total:g}; their sum must not exceed 1")
    return MappingProxyType(rates)


def _check_slow_seconds(_: object, __: object, value: float) -> None:
    if not value >= 0:
        raise ValueError(f"slow_seconds must be >= 0, got {value}")


def _check_retry_after(_: object, __: object, value: int) -> None:
    if value < 0:
        raise ValueError(f"retry_after must be >= 0 seconds, got {value}")


@attrs.frozen
class FaultSpec:
    """Fault rates per kind plus the knobs of the ``slow`` and ``429`` faults."""

    rates: Mapping[str, float] = attrs.field(factory=dict, converter=_check_rates)
    slow_seconds: float = attrs.field(default=0.5, converter=float, validator=_check_slow_seconds)
    retry_after: int = attrs.field(default=1, validator=_check_retry_after)

    @classmethod
    def parse(cls, text: str) -> FaultSpec:
        """Parse ``"kind=rate,...,slow_seconds=S,retry_after=N"`` (empty text: no faults)."""
        rates: dict[str, float] = {}
        options: dict[str, Any] = {}
        for raw in text.split(","):
            item = raw.strip()
            if not item:
                continue
            name, sep, value = (part.strip() for part in item.partition("="))
            if not sep or not name or not value:
                raise ValueError(f"bad fault item {item!r}; expected name=value, e.g. 429=0.05")
            if name in rates or name in options:
                raise ValueError(f"fault item {name!r} given twice")
            if name == "retry_after":
                try:
                    options[name] = int(value)
                except ValueError:
                    raise ValueError(f"retry_after must be whole seconds, got {value!r}") from None
                continue
            try:
                number = float(value)
            except ValueError:
                raise ValueError(f"value of {name!r} must be a number, got {value!r}") from None
            if name in _OPTIONS:
                options[name] = number
            elif name in FAULT_KINDS:
                rates[name] = number
            else:
                allowed = ", ".join((*FAULT_KINDS, *_OPTIONS))
                raise ValueError(f"unknown fault kind {name!r}; expected one of {allowed}")
        return cls(rates=rates, **options)

    @property
    def total(self) -> float:
        """Probability that a request gets any fault."""
        return sum(self.rates.values())

    def __str__(self) -> str:
        items = [f"{kind}={self.rates[kind]:g}" for kind in FAULT_KINDS if kind in self.rates]
        items += [f"slow_seconds={self.slow_seconds:g}", f"retry_after={self.retry_after}"]
        return ",".join(items)

    def draw(self, rng: random.Random) -> str | None:
        """Pick a fault kind (or ``None``) with one draw from ``rng``."""
        point = rng.random()
        edge = 0.0
        for kind in FAULT_KINDS:
            edge += self.rates.get(kind, 0.0)
            if point < edge:
                return kind
        return None


class FaultMiddleware:
    """ASGI middleware injecting the faults of a :class:`FaultSpec`."""

    def __init__(
        self,
        app: ASGIApp,
        spec: FaultSpec,
        seed: int | None,
        counts: MutableMapping[str, int],
        *,
        paths: Iterable[str] = DEFAULT_FAULT_PATHS,
        exempt: Iterable[str] = (),
        rng: random.Random | None = None,
    ) -> None:
        self.app = app
        self.spec = spec
        self.counts = counts
        self.paths = tuple(paths)
        self.exempt = frozenset(exempt)
        self._rng = rng if rng is not None else random.Random(seed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._eligible(scope):
            await self.app(scope, receive, send)
            return
        kind = self.spec.draw(self._rng)
        if kind == "lost" and scope["method"] != "POST":
            kind = None
        if kind is None:
            await self.app(scope, receive, send)
            return
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if kind == "slow":
            await asyncio.sleep(self.spec.slow_seconds)
            await self.app(scope, receive, send)
        elif kind == "drop":
            await _drop(receive, send)
        elif kind == "lost":
            await self.app(scope, receive, _discard)
            await _drop(receive, send)
        else:
            await _drain(receive)
            await _send_error(send, int(kind), self.spec.retry_after)

    def _eligible(self, scope: Scope) -> bool:
        if scope["type"] != "http" or not self.spec.rates:
            return False
        path: str = scope["path"]
        return path not in self.exempt and path.startswith(self.paths)


async def _discard(message: Message) -> None:
    """Swallow the app's response (the ``lost`` fault)."""


async def _drain(receive: Receive) -> None:
    """Read and discard the request body, so the error response is not cut off mid-upload."""
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


async def _send_error(send: Send, status: int, retry_after: int) -> None:
    body = json.dumps({"detail": _DETAILS[str(status)]}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    if status == 429:
        headers.append((b"retry-after", str(retry_after).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _drop(receive: Receive, send: Send) -> None:
    """Close the connection without a response.

    uvicorn's ``receive`` is a bound method of its request cycle, which holds the
    connection's transport: aborting it closes the socket before any response byte, and
    the cycle is marked disconnected so uvicorn does not answer ``500``. Without such a
    transport the app raises ``httpx.RemoteProtocolError`` instead.
    """
    cycle = getattr(receive, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if isinstance(transport, asyncio.WriteTransport):
        transport.abort()
        for _ in range(100):
            if getattr(cycle, "disconnected", True):
                return
            await asyncio.sleep(0)
        return
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-length", b"1")],
        }
    )
    raise httpx.RemoteProtocolError("connection dropped (emulated fault)")
