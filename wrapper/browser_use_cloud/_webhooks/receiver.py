"""A small ASGI app that receives Browser Use webhooks: verify, hand to a handler, answer.

Answers (JSON bodies):

- 200 ``{"ok": true}``: verified, and the handler returned.
- 200 ``{"ok": true, "duplicate": true}``: a redelivery of an accepted event; the handler is not
  called again, and answering 200 stops the service from retrying.
- 400: a header is missing, the timestamp is not Unix seconds, or the body is not a JSON event.
- 401: the signature matches no secret, or the timestamp is outside the tolerance window.
- 404 for other paths (``path`` is matched below the mount point, so the app works under
  Starlette's ``Mount`` or a server's ``--root-path``), 405 for other methods, 413 for a
  body over ``max_body_bytes``.
- 500: the handler raised; the event is forgotten by the duplicate guard so a retry runs it.

Pure ASGI (no framework needed), so it runs under any ASGI server or mounts inside one.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any, Final

from .duplicates import DuplicateGuard, WebhookDuplicateError
from .errors import WebhookErrorReason, WebhookVerificationError
from .events import WebhookEvent
from .signing import DEFAULT_TOLERANCE, resolve_keys
from .verification import verify_with_keys

__all__ = ["WebhookApp", "webhook_app"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
Handler = Callable[[WebhookEvent], object]  # a sync handler may return anything

_log = logging.getLogger("browser_use_cloud.webhooks")

_STATUS: Final[dict[WebhookErrorReason, int]] = {
    WebhookErrorReason.MISSING_HEADER: 400,
    WebhookErrorReason.INVALID_TIMESTAMP: 400,
    WebhookErrorReason.MALFORMED_BODY: 400,
    WebhookErrorReason.INVALID_SIGNATURE: 401,
    WebhookErrorReason.TIMESTAMP_OUTSIDE_TOLERANCE: 401,
}
_OK: Final = b'{"ok":true}'
_DUPLICATE: Final = b'{"ok":true,"duplicate":true}'


class _BodyTooLarge(Exception):
    pass


class WebhookApp:
    """The ASGI app built by :func:`webhook_app`; ``guard`` is its DuplicateGuard or None."""

    def __init__(
        self,
        handler: Handler,
        *,
        secret: str | None,
        secrets: Sequence[str] | None,
        tolerance: int,
        dedupe: bool | DuplicateGuard,
        path: str,
        max_body_bytes: int,
    ) -> None:
        if tolerance < 0:
            raise ValueError(f"tolerance must be >= 0 seconds, got {tolerance!r}")
        self._keys = resolve_keys(
            secret, secrets
        )  # resolved now: a missing secret fails at startup
        self._handler = handler
        self._is_async = inspect.iscoroutinefunction(handler) or inspect.iscoroutinefunction(
            type(handler).__call__  # objects with an async __call__
        )
        self._tolerance = tolerance
        self.guard: DuplicateGuard | None
        if isinstance(dedupe, DuplicateGuard):
            self.guard = dedupe
        else:
            self.guard = DuplicateGuard(ttl=2 * max(tolerance, 1)) if dedupe else None
        self.path = path
        self.max_body_bytes = max_body_bytes

    def __repr__(self) -> str:
        return f"WebhookApp(path={self.path!r}, secrets={len(self._keys)}, guard={self.guard!r})"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self._http(scope, receive, send)
        elif scope["type"] == "lifespan":
            await _lifespan(receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        if _route_path(scope) != self.path:
            await _respond(send, 404, b'{"ok":false,"error":"not_found"}')
            return
        if scope["method"] != "POST":
            await _respond(
                send, 405, b'{"ok":false,"error":"method_not_allowed"}', [(b"allow", b"POST")]
            )
            return
        headers = {
            name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]
        }
        try:
            body = await _read_body(receive, headers.get("content-length"), self.max_body_bytes)
        except _BodyTooLarge:
            await _respond(send, 413, b'{"ok":false,"error":"body_too_large"}')
            return
        if body is None:
            return  # the client went away
        try:
            event = verify_with_keys(body, headers, self._keys, self._tolerance, None, self.guard)
        except WebhookDuplicateError:
            await _respond(send, 200, _DUPLICATE)
            return
        except WebhookVerificationError as exc:
            _log.warning("rejected a webhook delivery: %s", exc.reason.value)
            status = _STATUS.get(exc.reason, 400)
            await _respond(send, status, b'{"ok":false,"error":"%s"}' % exc.reason.encode())
            return
        try:
            await self._call(event)
        except Exception:
            if self.guard is not None:
                self.guard.release(event)
            _log.exception("webhook handler failed on a %r event", event.type)
            await _respond(send, 500, b'{"ok":false,"error":"handler_failed"}')
            return
        await _respond(send, 200, _OK)

    async def _call(self, event: WebhookEvent) -> None:
        if self._is_async:
            result = self._handler(event)
        else:
            from anyio import to_thread  # httpx's own dependency; imported only when needed

            result = await to_thread.run_sync(self._handler, event)
        if inspect.isawaitable(result):  # a sync handler may return anything
            await result


def webhook_app(
    handler: Handler,
    *,
    secret: str | None = None,
    secrets: Sequence[str] | None = None,
    tolerance: int = DEFAULT_TOLERANCE,
    dedupe: bool | DuplicateGuard = True,
    path: str = "/webhook",
    max_body_bytes: int = 1024 * 1024,
) -> WebhookApp:
    """An ASGI app that verifies deliveries on ``path`` and calls ``handler(event)``.

    ``handler`` may be sync (run in a worker thread) or async; the answer is sent once it
    returns, so hand long work to a queue. Secrets resolve as in ``verify_webhook``, now.
    """
    return WebhookApp(
        handler,
        secret=secret,
        secrets=secrets,
        tolerance=tolerance,
        dedupe=dedupe,
        path=path,
        max_body_bytes=max_body_bytes,
    )


def _route_path(scope: Scope) -> str:
    """The path below the app's mount point: servers and routers (Starlette's `Mount`,
    `uvicorn --root-path`) put the prefix in `root_path` and may keep it in `path`."""
    path: str = scope["path"]
    root: str = scope.get("root_path", "").rstrip("/")
    if root and (path == root or path.startswith(root + "/")):
        return path[len(root) :] or "/"
    return path


async def _read_body(receive: Receive, length: str | None, limit: int) -> bytes | None:
    """The whole request body, None if the client disconnected; _BodyTooLarge over ``limit``."""
    if length is not None and length.isdigit() and int(length) > limit:
        raise _BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk: bytes = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _respond(
    send: Send, status: int, body: bytes, extra: Sequence[tuple[bytes, bytes]] = ()
) -> None:
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
