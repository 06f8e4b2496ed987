"""The HTTP driver: one connection pool, auth, timeouts, retries, error mapping.

Internal API (for resource modules such as `_tasks.py`):

```python
http = context.http                                    # an AsyncHTTP (a resource: self._http)
op = get_task.request_kwargs(task_id)                  # any generated operation's request
task = await http.call(op, parse_task, retry="idempotent", timeout=timeout)
response = await http.request(op, retry="never")       # raw httpx.Response (2xx only)
await http.request(op, retry="idempotent", missing_ok_on_retry=True)   # DELETE
response = await http.request_url("PUT", url, retry="idempotent", content=..., headers=...)
size = await http.download(url, sink, restartable=True)               # presigned GET, streamed
```

- `op` is the dict a generated module's `request_kwargs(...)` returns (method, url, params,
  json, headers); its `/api/v1` path prefix is replaced by the client's base URL. Build
  bodies with `body_op(module, ModelClass, fields)` (`_transport/operation.py`) to send
  only the fields given.
- `retry` is the request's retry class (see `_policies/retry.py`): "idempotent", "safe_post" or
  "never". Retry count and backoff come from `http.policy`.
- Every attempt at an API request (retries included) waits for its turn in the client's
  request budget (`http.budget`, see `_policies/budget.py`); a 429 rate limit pauses the whole
  budget for its Retry-After (or the backoff), so every request of the client holds back.
  Presigned storage URLs are another host and are not paced.
- `timeout` (seconds or httpx.Timeout) overrides the client's timeout for this call.
- `attempts` (an AttemptCount) makes several calls share one `max_retries`: each starts
  counting where the last left off (run-task re-sent after proven absence).
- `missing_ok_on_retry=True` (deletes): a 404 to a retry, after an attempt that may have
  reached the server (timeout, dropped connection, 5xx), means that attempt did the job;
  the 404 response is returned instead of raising NotFoundError.
- `call` decodes JSON (an empty body is None) and applies `parse`; a body `parse` cannot
  read raises APIResponseValidationError. Non-2xx raises the typed APIStatusError,
  transport failures raise APIConnectionError / APITimeoutError. The API key, bearer
  tokens, a password in the base URL and every value the request sent under a sensitive
  key (a task's `secrets`) are scrubbed from every error's text, even when a server
  echoes them. Logs and errors show URLs without userinfo, and presigned URLs without
  their query, httpx's own INFO line included (see `_transport/log.py`).
- A path segment `.` or `..` (an id or file name that httpx would resolve away) raises
  InputError before sending: resources check ids first, this is the backstop.
- `request_url` talks to a non-API URL (presigned upload/download): never with the API
  key, never following redirects, never over plain http:// to a non-loopback host unless
  the client allows insecure http (the base URL's rule; APIResponseValidationError).
  `content` may be a zero-argument callable returning a fresh body (iterator or bytes)
  for each attempt, so streamed uploads can be retried.
- `download` streams a presigned URL's body into a binary sink, chunk by chunk, with the
  same gate, retries and errors as every request; a body cut mid-way is fetched again
  from the start when the sink can be rewound (`restartable`), else the error is raised.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from typing import IO, Any, TypeVar

import httpx

from .._concurrency.gate import MAX_IN_FLIGHT, AsyncGate, AsyncPacer
from .._concurrency.loop import AsyncLoopBinding
from .._concurrency.pool import AsyncPool
from .._config import RequestTimeout, api_url, resolve_timeout
from .._exceptions import (
    APIResponseValidationError,
    ClientClosedError,
)
from .._policies.budget import RequestBudget
from .._policies.retry import AttemptCount, Failure, RetryClass, RetryPolicy, after_status_error
from .._transport.error_mapping import status_error
from .._transport.failures import connection_error, failure_kind
from .._transport.hooks import Hook, Hooks
from .._transport.log import (
    SHOWN_URL,
    filter_httpx_log,
    hide_userinfo,
    log_retry,
    logger,
    scrub,
    sent_secrets,
    url_secrets,
)
from .._transport.operation import decode_json
from .._transport.presigned import check_presigned, shown_presigned, without_api_headers
from .._transport.request_extras import current_extras, with_extras
from .._transport.request_trace import RequestTrace
from .._version import __version__

T = TypeVar("T")
Content = bytes | Iterable[bytes] | AsyncIterator[bytes]
USER_AGENT = f"browser-use-cloud-python/{__version__}"


class AsyncHTTP:
    """Sends API requests over one httpx.AsyncClient. See the module docstring."""

    def __init__(
        self,
        *,
        api_key: str,
        base_url: httpx.URL,
        timeout: httpx.Timeout,
        policy: RetryPolicy,
        budget: RequestBudget,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        allow_insecure_http: bool = False,
        key_hint: str = "",
        default_headers: Mapping[str, str] | None = None,
        hooks: Sequence[Hook] = (),
    ) -> None:
        self.base_url = base_url
        self.key_hint = key_hint  # ends a 401's message: where the key came from
        self.allow_insecure_http = allow_insecure_http
        self.budget = budget
        self.timeout = timeout
        self.policy = policy
        self._base = str(base_url)
        self._auth = {"Authorization": f"Bearer {api_key}"}
        # Scrubbed from every error we raise: the key, and a password in the base URL.
        self._secrets = (api_key, *url_secrets(base_url))
        self.hooks = Hooks(hooks, self._secrets)
        self.owner = object()  # shared with copies: what capture_responses() matches
        self.default_headers = dict(default_headers or {})
        self._owns_client = http_client is None
        self._transport = transport
        if http_client is None:
            # Our own pool: auth baked into default headers (cheapest per request);
            # request_url() strips it for every non-API URL.
            self._client = self._new_pool()
            self._timeout: httpx.Timeout | None = None
        else:
            # A caller's client: leave its defaults alone, send auth and timeout per request.
            self._client = http_client
            self._timeout = timeout
        self._headers = self._request_headers()
        self._gate = AsyncGate()
        self._pacer = AsyncPacer(budget)
        self._loop = AsyncLoopBinding()
        self.open_runs: set[AsyncPool[Any]] = set()
        """Runs of `tasks.map()` still open on this pool (copies share the set): `close()`
        closes them first, which stops their tasks."""
        filter_httpx_log()

    def _request_headers(self) -> dict[str, str] | None:
        """Headers each API request adds to the pool's: auth when the pool is a caller's
        client, then the client's default headers (None: nothing to add)."""
        ours = {} if self._owns_client else {**self._auth, "User-Agent": USER_AGENT}
        return {**ours, **self.default_headers} or None

    def _new_pool(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            headers={**self._auth, "User-Agent": USER_AGENT, "Accept": "application/json"},
            timeout=self.timeout,
            follow_redirects=False,
            transport=self._transport,
            limits=httpx.Limits(max_connections=MAX_IN_FLIGHT, max_keepalive_connections=20),
        )

    def _ready(self) -> None:
        """Refuse a closed client; renew the pool when `_loop` says this call cannot use
        it (a pool belongs to the loop that first used it: see `_concurrency/loop.py`)."""
        if self._client.is_closed:
            raise ClientClosedError(
                "this client is closed (its `with` block ended or close() was called); "
                "make a new AsyncBrowserUse(...) for more requests"
                if self._owns_client
                else "the httpx client passed as http_client= is closed; pass an open one"
            )
        self._follow_loop()

    def _follow_loop(self) -> None:
        if self._loop.moved():
            self._gate = AsyncGate()
            self._pacer = AsyncPacer(self.budget)  # same budget, a lock of the new loop
            if self._owns_client:
                self._client = self._new_pool()

    def __repr__(self) -> str:
        return f"AsyncHTTP(base_url={hide_userinfo(self._base)!r})"

    def copy(
        self,
        *,
        timeout: httpx.Timeout | None,
        policy: RetryPolicy | None,
        default_headers: Mapping[str, str] | None = None,
        hooks: Sequence[Hook] | None = None,
    ) -> AsyncHTTP:
        """A driver sharing this one's pool with other defaults (closing it is a no-op)."""
        clone = object.__new__(AsyncHTTP)
        clone.__dict__.update(self.__dict__)
        if default_headers is not None:  # added to (and over) this driver's
            clone.default_headers = {**self.default_headers, **default_headers}
            clone._headers = clone._request_headers()
        clone._owns_client = False
        if timeout is not None:
            clone.timeout = timeout
            clone._timeout = timeout
        if policy is not None:
            clone.policy = policy
        if hooks is not None:
            clone.hooks = Hooks(hooks, self._secrets)
        return clone

    async def close(self) -> None:
        if self._owns_client:
            for run in list(self.open_runs):  # a map whose loop was left: stop its tasks
                await run.aclose()
            if not self._client.is_closed:
                self._follow_loop()  # a pool whose loop has finished cannot be closed
            await self._client.aclose()

    async def call(
        self,
        op: Mapping[str, Any],
        parse: Callable[[Any], T],
        *,
        retry: RetryClass,
        timeout: RequestTimeout = None,
        attempts: AttemptCount | None = None,
    ) -> T:
        """Send `op`, decode the JSON body and return `parse(body)`."""
        response = await self.request(op, retry=retry, timeout=timeout, attempts=attempts)
        try:
            return parse(decode_json(response))
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            request = response.request
            reason = scrub(str(exc), self._hidden(op.get("json")))
            url = hide_userinfo(request.url)
            raise APIResponseValidationError(
                f"{request.method} {url} returned a body this library "
                f"cannot read ({type(exc).__name__}: {reason})",
                method=request.method,
                url=url,
            ) from exc

    async def request(
        self,
        op: Mapping[str, Any],
        *,
        retry: RetryClass,
        timeout: RequestTimeout = None,
        missing_ok_on_retry: bool = False,
        attempts: AttemptCount | None = None,
    ) -> httpx.Response:
        """Send one API operation (with retries); return the 2xx response."""
        headers = op.get("headers")
        if self._headers is not None:
            headers = {**self._headers, **headers} if headers else self._headers
        headers, params, body = with_extras(
            current_extras(), op["method"], headers, op.get("params"), op.get("json")
        )
        if self._owns_client:
            # Our pool has no default params to merge, so the query can be in the URL text
            # (bench row 4, at its 1.1x target: 5.35 M instructions per page, 5.40 M without).
            url, params = api_url(self._base, op["url"], params), None
        else:
            url = api_url(self._base, op["url"])
        request = self._client.build_request(
            op["method"],
            url,
            params=params,
            json=body,
            headers=headers,
            timeout=self._timeout_for(timeout),
        )
        return await self._send(
            lambda: request,
            retry,
            hide_userinfo,
            _read,
            missing_ok_on_retry,
            paced=True,
            sent=body,
            attempts=attempts,
        )

    async def request_url(
        self,
        method: str,
        url: str,
        *,
        retry: RetryClass,
        content: Content | Callable[[], Content] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: RequestTimeout = None,
    ) -> httpx.Response:
        """Send a request to a non-API URL (presigned storage URL) without credentials."""
        build = self._presigned(method, url, content, headers, timeout)
        return await self._send(build, retry, shown_presigned, _read)

    async def download(
        self, url: str, sink: IO[bytes], *, restartable: bool, timeout: RequestTimeout = None
    ) -> int:
        """Stream a presigned URL's body into `sink`; return the byte count."""
        written = 0

        async def receive(response: httpx.Response) -> int:
            nonlocal written
            if written:  # an earlier attempt was cut: start the file again
                sink.seek(0)
                sink.truncate()
                written = 0
            # Raw bytes: "identity" below asks the server not to encode them.
            async for chunk in response.aiter_raw():
                sink.write(chunk)
                written += len(chunk)
            return written

        def can_retry() -> bool:
            return restartable or not written

        build = self._presigned("GET", url, None, {"Accept-Encoding": "identity"}, timeout)
        return await self._send(build, "idempotent", shown_presigned, receive, can_retry=can_retry)

    def _presigned(
        self,
        method: str,
        url: str,
        content: Content | Callable[[], Content] | None,
        headers: Mapping[str, str] | None,
        timeout: RequestTimeout,
    ) -> Callable[[], httpx.Request]:
        """A builder of fresh requests to a non-API URL, without our credentials."""
        check_presigned(method, url, allow_insecure_http=self.allow_insecure_http)
        effective = self.timeout if timeout is None else resolve_timeout(timeout)

        def build() -> httpx.Request:
            body = content() if callable(content) else content
            request = self._client.build_request(
                method, url, content=body, headers=headers, timeout=effective
            )
            without_api_headers(request, headers)
            return request

        return build

    def _hidden(self, sent: Any) -> tuple[str, ...]:
        """What errors about a request must not show: the API key, and every value its
        body `sent` under a sensitive key (found only when an error is being made)."""
        return self._secrets + sent_secrets(sent) if sent else self._secrets

    def _timeout_for(self, timeout: RequestTimeout) -> Any:
        """The per-request timeout argument: httpx's "client default" unless overridden."""
        if timeout is not None:
            return resolve_timeout(timeout)
        return self._timeout if self._timeout is not None else httpx.USE_CLIENT_DEFAULT

    async def _send(
        self,
        build: Callable[[], httpx.Request],
        retry: RetryClass,
        shown: Callable[[httpx.URL], str],
        receive: Callable[[httpx.Response], Awaitable[T]],
        missing_ok_on_retry: bool = False,
        can_retry: Callable[[], bool] | None = None,
        *,
        paced: bool = False,
        sent: Any = None,
        attempts: AttemptCount | None = None,
    ) -> T:
        """Send with retries; return what `receive` makes of the 2xx response's body.

        `build` makes each attempt's request; `shown` renders its URL for logs and errors.
        `paced` (API requests): each attempt waits for its turn in the request budget.
        `sent` is the JSON body: errors hide the values it holds under sensitive keys.
        The body is received inside the gate and the retry loop, so a connection lost
        mid-body is classified and retried like any other failure, unless `can_retry()`
        says another attempt is impossible (part of a body went somewhere final).
        """
        self._ready()
        policy = self.policy
        log = logger.isEnabledFor(logging.INFO)
        trace = RequestTrace(self.hooks, self.owner, shown)
        count = AttemptCount() if attempts is None else attempts
        attempt = count.retries
        maybe_done = False  # an earlier attempt may have been carried out by the server
        while True:
            request = build()
            started = time.monotonic()
            try:
                async with self._gate:
                    if paced:
                        waited = await self._pacer.wait_turn()
                        if waited and trace.hooked:
                            paused = self.budget.paused_until() > started
                            trace.waited(request, waited, paused)
                    if trace.hooked:
                        trace.sending(request, attempt)
                    started = time.monotonic()
                    shown_as = SHOWN_URL.set(shown)  # httpx's own log line shows it so too
                    try:
                        response = await self._client.send(
                            request, stream=True, follow_redirects=False
                        )
                    finally:
                        SHOWN_URL.reset(shown_as)
                    try:
                        status = response.status_code
                        if log:
                            logger.info(
                                "%s %s -> %d (%.0f ms)",
                                request.method,
                                shown(request.url),
                                status,
                                (time.monotonic() - started) * 1000,
                            )
                        if 200 <= status < 300:
                            received = await receive(response)
                            if trace.observed:
                                trace.response(request, response, attempt, started)
                            return received
                        await response.aread()  # the error body, for the typed error
                        hidden = self._hidden(sent)  # the info shows what the error shows
                        info = trace.response(request, response, attempt, started, hidden)
                    finally:
                        await response.aclose()
            except httpx.TransportError as exc:
                trace.failed(request, exc, attempt, started)
                failure = failure_kind(exc)
                if failure is None or (can_retry is not None and not can_retry()):
                    delay = None
                else:
                    delay = policy.delay_after_failure(retry, attempt, failure)
                if delay is None:
                    url = shown(request.url)
                    lost = connection_error(exc, request, url, attempt, self._hidden(sent))
                    lost.client_request_id = trace.client_request_id
                    raise lost from exc
                maybe_done = maybe_done or failure is Failure.AMBIGUOUS
                trace.retrying(request, attempt, delay, type(exc).__name__, None)
                if log:
                    log_retry(
                        request, shown, type(exc).__name__, delay, attempt + 1, policy.max_retries
                    )
            except BaseException as exc:  # cancelled, interrupted, a sink that failed
                trace.abandoned(exc)
                raise
            else:
                if status == 404 and maybe_done and missing_ok_on_retry:
                    if log:
                        logger.info(
                            "%s %s: 404 on a retry, so an earlier attempt did it",
                            request.method,
                            shown(request.url),
                        )
                    return await receive(response)
                maybe_done = maybe_done or status >= 500
                url = shown(request.url)
                error = status_error(
                    response, request.method, url, self._hidden(sent), self.key_hint
                )
                error.response_info = info
                error.client_request_id = info.client_request_id
                delay, pause = after_status_error(policy, retry, attempt, error)
                if pause is not None and paced:  # a rate limit: every request holds back
                    self.budget.pause(time.monotonic(), pause)
                if delay is None:
                    raise error
                trace.retrying(request, attempt, delay, f"HTTP {status}", status)
                if log:
                    log_retry(
                        request, shown, f"HTTP {status}", delay, attempt + 1, policy.max_retries
                    )
            attempt = count.retries = attempt + 1
            await sleep(delay)


async def sleep(seconds: float) -> None:
    """Pause between attempts and polls."""
    import anyio  # imported on first use: keeps `import browser_use_cloud` light

    await anyio.sleep(seconds)


async def _read(response: httpx.Response) -> httpx.Response:
    """`receive` for responses kept whole: read the body, return the response."""
    await response.aread()
    return response
