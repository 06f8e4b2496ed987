"""Non-API pages the API links to: live view, public share page, screenshots, GIF, video."""

from __future__ import annotations

import functools
import html
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from . import _media
from ._state import ApiError, State
from ._tasks import TERMINAL

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

PREFIX = "/emulator"


@functools.lru_cache(maxsize=256)
def _media_bytes(kind: str, seed: int) -> bytes:
    if kind == "png":
        return _media.png(seed=seed)
    if kind == "gif":
        return _media.gif(seed=seed)
    return _media.mp4(seed=seed)


def _page(state: State, task_id: str, *, live: bool) -> str:
    with state.lock:
        task = state.get_task(task_id)
        status = state.observe(task)
        steps = task.visible_steps(time.monotonic())
    rows = "".join(
        f"<li><b>Step {s.number}</b> {html.escape(s.next_goal)} "
        f"<small>{html.escape(s.url)}</small></li>"
        for _, s in steps
    )
    refresh = '<meta http-equiv="refresh" content="1">' if live and status not in TERMINAL else ""
    title = "Live view" if live else "Shared run"
    return (
        f'<!doctype html><html><head><meta charset="utf-8">{refresh}'
        f"<title>{title} - {html.escape(task.id)}</title></head><body>"
        f"<h1>{title} (Browser Use Cloud emulator)</h1>"
        f"<p>{html.escape(task.task)}</p><p>Status: <b>{html.escape(status)}</b></p>"
        f"<ol>{rows}</ol></body></html>"
    )


def routes(state: State) -> list[Route]:
    """Starlette routes for the pages, keyed by task id (like unguessable CDN links)."""
    from starlette.responses import HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    def not_found(detail: str = "Not Found") -> Response:
        return JSONResponse({"detail": detail}, status_code=404)

    async def live(request: Request) -> Response:
        try:
            return HTMLResponse(_page(state, request.path_params["task_id"], live=True))
        except ApiError as exc:
            return not_found(exc.detail)

    async def share(request: Request) -> Response:
        task = state.tasks.get(request.path_params["task_id"])
        if task is None or not task.request.get("enable_public_share"):
            return not_found("Shared task not found")
        return HTMLResponse(_page(state, task.id, live=False))

    def media_seed(task_id: str, extra: int = 0) -> int | None:
        task = state.tasks.get(task_id)
        return None if task is None else (uuid.UUID(task.id).int + extra) % 2**31

    async def screenshot(request: Request) -> Response:
        task_id, number = request.path_params["task_id"], request.path_params["number"]
        with state.lock:
            task = state.tasks.get(task_id)
            taken = len(task.visible_steps(time.monotonic())) if task else 0
        seed = media_seed(task_id, number)
        if seed is None or not 1 <= number <= taken:
            return not_found()
        return Response(_media_bytes("png", seed), media_type=_media.CONTENT_TYPES["png"])

    def animation(kind: str) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            seed = media_seed(request.path_params["task_id"])
            if seed is None:
                return not_found()
            return Response(_media_bytes(kind, seed), media_type=_media.CONTENT_TYPES[kind])

        return endpoint

    return [
        Route(f"{PREFIX}/live/{{task_id}}", live),
        Route(f"{PREFIX}/share/{{task_id}}", share),
        Route(f"{PREFIX}/tasks/{{task_id}}/screenshots/{{number:int}}.png", screenshot),
        Route(f"{PREFIX}/tasks/{{task_id}}/run.gif", animation("gif")),
        Route(f"{PREFIX}/tasks/{{task_id}}/recording.mp4", animation("mp4")),
    ]
