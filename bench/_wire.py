"""Count requests and bytes on the wire, client side, the same way for every client.

`CountingTransport` wraps httpx's transport: each request adds its request line,
headers and (known) body; each response its status line, headers and body bytes as
they stream in. Header bytes follow HTTP/1.1 framing (`name: value\\r\\n`).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx


def _header_bytes(raw: list[tuple[bytes, bytes]]) -> int:
    return sum(len(name) + len(value) + 4 for name, value in raw) + 2  # ": ", CRLF, final CRLF


class WireCount:
    """Totals for one client: requests sent, bytes sent and received, and when each was sent
    (`time.monotonic()`)."""

    def __init__(self) -> None:
        self.requests = 0
        self.sent = 0
        self.received = 0
        self.times: list[float] = []

    @property
    def total(self) -> int:
        return self.sent + self.received

    def reset(self) -> None:
        self.requests = self.sent = self.received = 0
        self.times.clear()


class _CountingStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, count: WireCount) -> None:
        self._inner = inner
        self._count = count

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            self._count.received += len(chunk)
            yield chunk

    def close(self) -> None:
        self._inner.close()


class CountingTransport(httpx.BaseTransport):
    """An httpx transport that counts what passes through it into `count`."""

    def __init__(self, inner: httpx.BaseTransport | None = None) -> None:
        self._inner = inner or httpx.HTTPTransport()
        self.count = WireCount()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        count = self.count
        count.requests += 1
        count.times.append(time.monotonic())
        line = len(request.method) + len(request.url.raw_path) + len(b"  HTTP/1.1\r\n")
        body = int(request.headers.get("content-length", "0") or 0)
        count.sent += line + _header_bytes(request.headers.raw) + body
        response = self._inner.handle_request(request)
        status_line = len(b"HTTP/1.1 200 \r\n") + len(response.reason_phrase)
        count.received += status_line + _header_bytes(response.headers.raw)
        assert isinstance(response.stream, httpx.SyncByteStream)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_CountingStream(response.stream, count),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._inner.close()
