"""What one request (all its attempts) reports: hook events, captured responses, and the
`ResponseInfo` an error carries. Used by both HTTP drivers; no I/O of its own."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import httpx

from .hooks import (
    BudgetWaitEvent,
    Hooks,
    RequestErrorEvent,
    RequestEvent,
    ResponseEvent,
    RetryEvent,
)
from .log import scrub
from .response_info import (
    ResponseInfo,
    capturing,
    new_client_request_id,
    record,
    server_request_id,
)


class RequestTrace:
    """Reports one request. `observed`: hooks or a capture want its responses (else only
    an error's `ResponseInfo` is built); `hooked`: there are hooks to call."""

    __slots__ = ("_hooks", "_open", "_owner", "_rid", "_shown", "hooked", "observed")

    def __init__(self, hooks: Hooks, owner: object, shown: Callable[[httpx.URL], str]) -> None:
        self._hooks = hooks
        self._owner = owner
        self._shown = shown
        self._rid: str | None = None
        self._open: tuple[httpx.Request, int, float] | None = None  # announced, not ended
        self.hooked = bool(hooks)
        self.observed = self.hooked or capturing()

    @property
    def client_request_id(self) -> str:
        """This request's own id, made when first needed."""
        if self._rid is None:
            self._rid = new_client_request_id()
        return self._rid

    def waited(self, request: httpx.Request, seconds: float, paused: bool) -> None:
        """The attempt waited `seconds` for the request budget."""
        self._hooks.emit(
            BudgetWaitEvent(
                method=request.method,
                url=self._shown(request.url),
                seconds=seconds,
                paused=paused,
                client_request_id=self.client_request_id,
            )
        )

    def sending(self, request: httpx.Request, attempt: int) -> None:
        """The attempt is about to go out."""
        self._open = (request, attempt, time.monotonic())
        self._hooks.emit(
            RequestEvent(
                method=request.method,
                url=self._shown(request.url),
                headers=self._hooks.headers(request.headers),
                attempt=attempt,
                client_request_id=self.client_request_id,
            )
        )

    def response(
        self,
        request: httpx.Request,
        response: httpx.Response,
        attempt: int,
        started: float,
        hidden: Sequence[str] | None = None,
    ) -> ResponseInfo:
        """The attempt's whole response arrived: its `ResponseInfo`, reported when observed.
        `hidden`: the values its headers must not show (default: the client's secrets)."""
        self._open = None
        rid = self.client_request_id
        info = ResponseInfo(
            method=request.method,
            url=self._shown(request.url),
            status_code=response.status_code,
            headers=self._hooks.headers(response.headers, hidden),
            elapsed=time.monotonic() - started,
            request_id=server_request_id(response.headers) or rid,
            client_request_id=rid,
            attempt=attempt,
        )
        if self.observed:
            record(self._owner, info)
            if self.hooked:
                self._hooks.emit(ResponseEvent(response=info))
        return info

    def failed(
        self, request: httpx.Request, exc: BaseException, attempt: int, started: float
    ) -> None:
        """The attempt got no (whole) response."""
        self._open = None
        if self.hooked:
            self._hooks.emit(
                RequestErrorEvent(
                    method=request.method,
                    url=self._shown(request.url),
                    error=type(exc).__name__,
                    message=scrub(str(exc), self._hooks.secrets),
                    elapsed=time.monotonic() - started,
                    attempt=attempt,
                    client_request_id=self.client_request_id,
                )
            )

    def abandoned(self, exc: BaseException) -> None:
        """The request ends with `exc` (cancelled, interrupted, a sink that failed): an
        attempt announced to the hooks and not ended yet is reported as failed, so that
        every `RequestEvent` has its end."""
        if self._open is not None:
            request, attempt, started = self._open
            self.failed(request, exc, attempt, started)

    def retrying(
        self,
        request: httpx.Request,
        attempt: int,
        delay: float,
        reason: str,
        status_code: int | None,
    ) -> None:
        """Another attempt follows in `delay` seconds."""
        if self.hooked:
            self._hooks.emit(
                RetryEvent(
                    method=request.method,
                    url=self._shown(request.url),
                    attempt=attempt,
                    delay=delay,
                    reason=reason,
                    status_code=status_code,
                    client_request_id=self.client_request_id,
                )
            )
