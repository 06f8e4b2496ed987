"""Helpers shared by the task tests."""

from __future__ import annotations

import httpx


class Recorder:
    """Records every request a client sends (method, URL, headers, response size)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.bytes = 0

    def paths(self, method: str | None = None) -> list[str]:
        return [r.url.path for r in self.requests if method is None or r.method == method.upper()]

    def on_request(self, request: httpx.Request) -> None:
        self.requests.append(request)
