"""The ASGI app: one route per operation of openapi.json, plus the emulator's own pages.

Each API request goes auth -> spec validation -> handler -> answer completed from the
spec (`_responses`). Errors are JSON ``{"detail": ...}`` like FastAPI's, validation
errors FastAPI's 422 list.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any

from . import _api_account, _api_files, _api_profiles, _api_schedules, _api_tasks, _pages
from ._api_tasks import creation_delay
from ._config import EmulatorConfig
from ._handler import Call, Handler
from ._responses import ResponseShapes
from ._spec import API_PREFIX, Operation, operations
from ._state import ApiError, State
from ._validation import RequestValidationError, SchemaValidator, validate_request

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

HANDLERS: dict[str, Handler] = {
    **_api_tasks.HANDLERS,
    **_api_files.HANDLERS,
    **_api_schedules.HANDLERS,
    **_api_profiles.HANDLERS,
    **_api_account.HANDLERS,
}
# Served although the current spec dropped it (it was in the June 2025 spec).
LEGACY = (
    Operation(
        name="delete_browser_profile_for_user",
        operation_id="delete_browser_profile_for_user_api_v1_delete_browser_profile_for_user_post",
        method="POST",
        path=f"{API_PREFIX}/delete-browser-profile-for-user",
        parameters=(),
        body_schema=None,
        responses={"200": {}},
        secured=True,
    ),
)


def _route_path(path: str) -> str:
    return path.replace("{file_name}", "{file_name:path}")


def _json(content: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    from starlette.responses import JSONResponse

    return JSONResponse(content, status_code=status, headers=headers)


def _unauthorized(state: State, op: Operation, request: Request) -> Response | None:
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    key = key.strip()
    if scheme.lower() == "bearer" and key:
        expected = state.config.api_key
        if expected is None or key == expected:
            return None
        detail = "Invalid API key"
    else:
        detail = "Not authenticated"
    if op.name == "me":
        return _json(False, 401)
    return _json({"detail": detail}, 401, {"WWW-Authenticate": "Bearer"})


def _endpoint(
    op: Operation,
    handler: Handler,
    validator: SchemaValidator,
    shapes: ResponseShapes,
) -> Callable[[Request], Awaitable[Response]]:
    complete = shapes.for_operation(op)

    async def endpoint(request: Request) -> Response:
        state: State = request.app.state.emulator
        if op.secured and (refusal := _unauthorized(state, op, request)) is not None:
            return refusal
        body = await request.body() if op.body_schema is not None else b""
        try:
            params, parsed = validate_request(
                validator,
                op,
                request.path_params,
                request.query_params,
                body,
                headers=request.headers,
                cookies=request.cookies,
            )
            if op.name == "run_task" and (hold := creation_delay(parsed)) > 0:
                await asyncio.sleep(hold)  # [[emulator:slow_create=S]]: answered late
            return _json(complete(handler(Call(request, state, params, parsed))))
        except RequestValidationError as exc:
            return _json({"detail": exc.errors}, 422)
        except ApiError as exc:
            return _json({"detail": exc.detail}, exc.status)

    endpoint.__name__ = op.name
    return endpoint


def _by_method(
    endpoints: dict[str, Callable[[Request], Awaitable[Response]]],
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await endpoints[method](request)

    return endpoint


def tick_interval(config: EmulatorConfig) -> float:
    """How often live tasks are observed between requests when webhooks are on."""
    return min(0.25, max(0.01, config.step_interval / 2))


async def _tick(state: State, every: float) -> None:
    while True:
        await asyncio.sleep(every)
        state.tick()


@functools.cache
def _api_routes() -> tuple[Route, ...]:
    """The API's routes, built once per process: their endpoints find the emulator's State
    on the app that calls them, so every app shares them (an app costs well under 1 ms)."""
    from starlette.routing import Route

    validator = SchemaValidator()
    shapes = ResponseShapes()
    by_path: dict[str, dict[str, Callable[[Request], Awaitable[Response]]]] = {}
    for op in (*operations(), *LEGACY):
        handler = HANDLERS.get(op.name) or shapes.stand_in(op)
        endpoint = _endpoint(op, handler, validator, shapes)
        by_path.setdefault(_route_path(op.path), {})[op.method.upper()] = endpoint
    # One route per path, so that a 405 lists every method of the path in its Allow header.
    return tuple(
        Route(path, _by_method(endpoints), methods=list(endpoints))
        for path, endpoints in by_path.items()
    )


def create_app(config: EmulatorConfig | None = None) -> Starlette:
    """The emulated v1 service as a Starlette app; ``app.state.emulator`` is its State.

    Background work (schedules, webhook events) runs in the ASGI lifespan, which
    uvicorn drives; in-process clients without a lifespan get the API only.
    """
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.middleware import Middleware

    from .._policies.budget import RequestBudget
    from . import _uploads
    from ._disconnects import QuietDisconnectMiddleware
    from ._faults import FaultMiddleware, FaultSpec
    from ._limits import RateLimitMiddleware

    config = config or EmulatorConfig()
    state = State(config)
    routes = [*_api_routes()]
    routes += _pages.routes(state)
    routes += _uploads.routes(state.store, state.signer)

    fault_counts: dict[str, int] = {}
    fault_draws = random.Random(state.seed)
    budgets: dict[bytes, RequestBudget] = {}
    middleware = [
        Middleware(QuietDisconnectMiddleware),  # outermost: a client that left is no error
        Middleware(RateLimitMiddleware, rate=config.rate_limit, stats=state.stats, budgets=budgets),
    ]
    faults = config.faults
    if isinstance(faults, str):
        faults = FaultSpec.parse(faults)
    if faults is not None and faults.rates:
        middleware.append(
            Middleware(
                FaultMiddleware, spec=faults, seed=state.seed, counts=fault_counts, rng=fault_draws
            )
        )

    def reset() -> None:
        """Back to a fresh emulator of this configuration: state, fault draws, budgets."""
        state.reset()
        fault_counts.clear()
        fault_draws.seed(state.seed)
        budgets.clear()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state.start()
        every = tick_interval(config)
        ticker = asyncio.create_task(_tick(state, every)) if state.webhooks else None
        try:
            yield
        finally:
            if ticker is not None:
                ticker.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await ticker
            state.tick()
            state.close()

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return _json({"detail": exc.detail}, exc.status_code, dict(exc.headers or {}))

    async def server_error(request: Request, exc: Exception) -> Response:
        return _json({"detail": "Internal Server Error"}, 500)

    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={HTTPException: http_error, Exception: server_error},
    )
    app.state.emulator = state
    app.state.fault_counts = fault_counts
    app.state.reset = reset
    return app
