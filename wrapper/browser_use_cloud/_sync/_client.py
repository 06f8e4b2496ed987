# Generated from _async/_client.py by scripts/unasync.py. Do not edit.
"""BrowserUse: the client and its account/service calls."""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Unpack

import httpx

from .._config import (
    DEFAULT_MAX_RETRIES,
    RequestTimeout,
    api_key_hint,
    check_max_retries,
    resolve_api_key,
    resolve_base_url,
    resolve_timeout,
)
from .._exceptions import AuthenticationError, InputError
from .._policies.budget import DEFAULT_MAX_REQUESTS_PER_SECOND, RequestBudget, client_budget
from .._policies.retry import RetryPolicy
from .._transport.hooks import Hook, check_hooks
from .._transport.log import hide_userinfo
from .._transport.operation import decode_json
from .._transport.request_extras import (
    NO_BODY_METHODS,
    RequestExtras,
    check_extras,
    check_headers,
    sending_extras,
    takes_extras,
)
from .._transport.response_info import CapturedResponses, capture
from ._context import Context
from ._http import HTTP

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from .._models import Balance
    from .._spec.operations import Operation
    from ._browser_profiles import BrowserProfiles
    from ._files import Files
    from ._scheduled_tasks import ScheduledTasks
    from ._search import Search
    from ._tasks import Tasks

# Resources and generated operation modules are imported on first use: importing the
# generated models costs more than the rest of the package together.

_DELETE_PROFILE_FOR_USER = {"method": "post", "url": "/api/v1/delete-browser-profile-for-user"}


class BrowserUse:
    """The client for the Browser Use Cloud API v1.

    >>> with BrowserUse() as client:        # key from BROWSER_USE_API_KEY
    ...     task = client.tasks.run("Find the top story on Hacker News")

    `timeout` (seconds or httpx.Timeout, default 60 s with a 5 s connect timeout) and
    `max_retries` (default 2) apply to every request; each call also takes `timeout=`.
    `max_requests_per_second` (default 20, None: unlimited) is a budget shared by every
    request of this client, retries included; a 429 rate limit pauses the whole client.
    Pass `http_client` to reuse your own httpx client, or `transport` to route requests
    (tests, proxies). Plain http:// is refused except to loopback hosts unless
    `allow_insecure_http=True`, for the base URL and for presigned upload and download URLs.

    `default_headers` are sent with every API request (never to presigned storage URLs;
    not Authorization). `hooks` are functions called with an event for every request,
    response, retry, budget wait and task status change (see `HookEvent`).
    `wait_for_slot=True` makes `tasks.create()` and `tasks.run()` wait for a free slot when
    the account runs as many tasks as it may, instead of raising ConcurrencyLimitError.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: RequestTimeout = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_requests_per_second: float | None = DEFAULT_MAX_REQUESTS_PER_SECOND,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        allow_insecure_http: bool = False,
        default_headers: Mapping[str, str] | None = None,
        hooks: Iterable[Hook] | None = None,
        wait_for_slot: bool = False,
    ) -> None:
        if not isinstance(wait_for_slot, bool):
            raise InputError(f"wait_for_slot must be True or False, got {wait_for_slot!r}")
        if http_client is not None and transport is not None:
            raise InputError("pass either http_client or transport, not both")
        budget = client_budget(max_requests_per_second)
        self._http = HTTP(
            api_key=resolve_api_key(api_key),
            base_url=resolve_base_url(base_url, allow_insecure_http=allow_insecure_http),
            timeout=resolve_timeout(timeout),
            policy=RetryPolicy(max_retries=check_max_retries(max_retries)),
            budget=budget,
            http_client=http_client,
            transport=transport,
            allow_insecure_http=allow_insecure_http,
            key_hint=api_key_hint(api_key),
            default_headers=check_headers(default_headers, "default_headers"),
            hooks=check_hooks(hooks),
        )
        self._context = self._new_context(budget, wait_for_slot)

    def _new_context(self, budget: RequestBudget, wait_for_slot: bool) -> Context:
        """What this client hands each of its resources (the watcher reads through
        `self.tasks`, made when the watcher first needs it)."""
        return Context(
            self._http, budget, wait_for_slot=wait_for_slot, task_reads=lambda: self.tasks
        )

    @cached_property
    def tasks(self) -> Tasks:
        """Run, follow and control agent tasks."""
        from ._tasks import Tasks

        return Tasks(self._context)

    @cached_property
    def scheduled_tasks(self) -> ScheduledTasks:
        """Tasks that run on an interval or cron schedule."""
        from ._scheduled_tasks import ScheduledTasks

        return ScheduledTasks(self._context)

    @cached_property
    def files(self) -> Files:
        """File uploads for tasks."""
        from ._files import Files

        return Files(self._context)

    @cached_property
    def browser_profiles(self) -> BrowserProfiles:
        """Saved browser settings."""
        from ._browser_profiles import BrowserProfiles

        return BrowserProfiles(self._context)

    @cached_property
    def search(self) -> Search:
        """Web search by an agent."""
        from ._search import Search

        return Search(self._context)

    @property
    def base_url(self) -> httpx.URL:
        """The API's base URL, ending in `/api/v1/`."""
        return self._http.base_url

    @property
    def timeout(self) -> httpx.Timeout:
        """The default HTTP timeout of each request (a call's `timeout=` overrides it)."""
        return self._http.timeout

    @property
    def max_retries(self) -> int:
        """How many times a failed request may be retried (when retrying is safe)."""
        return self._http.policy.max_retries

    @property
    def max_requests_per_second(self) -> float | None:
        """The request budget every request of this client shares (None: unlimited)."""
        return self._context.budget.rate

    @property
    def default_headers(self) -> Mapping[str, str]:
        """The headers sent with every API request besides the client's own."""
        return dict(self._http.default_headers)

    @property
    def hooks(self) -> tuple[Hook, ...]:
        """The functions called with every `HookEvent` of this client."""
        return self._http.hooks.hooks

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={hide_userinfo(self.base_url)!r})"

    def with_options(
        self,
        *,
        timeout: RequestTimeout = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        hooks: Iterable[Hook] | None = None,
    ) -> BrowserUse:
        """A copy with other defaults that shares this client's connection pool.

        `default_headers` are added to (and win over) this client's; `hooks` replace this
        client's (pass `[*client.hooks, more]` to add one). Closing the copy does nothing;
        close the original when done with both.
        """
        clone = object.__new__(type(self))
        policy = None
        if max_retries is not None:
            policy = RetryPolicy(max_retries=check_max_retries(max_retries))
        clone._http = self._http.copy(
            timeout=None if timeout is None else resolve_timeout(timeout),
            policy=policy,
            default_headers=check_headers(default_headers, "default_headers"),
            hooks=None if hooks is None else check_hooks(hooks),
        )
        clone._context = clone._new_context(self._context.budget, self._context.wait_for_slot)
        return clone

    def capture_responses(self) -> AbstractContextManager[CapturedResponses]:
        """Record the HTTP responses of the calls made inside a `with` block.

        >>> with client.capture_responses() as responses:
        ...     client.tasks.get(task_id)
        >>> responses.last.status_code, responses.last.request_id, responses.last.elapsed

        Every response of this client (and of its `with_options` copies) to a request sent
        inside the block by this thread or task (or a task it starts) is recorded, retries
        included, as a `ResponseInfo`. An error response is also on the error:
        `APIStatusError.response_info`.
        """
        return capture(self._http.owner)

    def close(self) -> None:
        """Close the connection pool (unless it is a caller-supplied http_client)."""
        self._http.close()

    def __enter__(self) -> BrowserUse:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @takes_extras(body=False)
    def balance(
        self, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> Balance:
        """The account's credit balance."""
        from browser_use_cloud_api.api.account import check_balance

        from .._models import parse_balance

        return self._http.call(
            check_balance.request_kwargs(), parse_balance, retry="idempotent", timeout=timeout
        )

    @takes_extras(body=False)
    def me(self, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]) -> bool:
        """True if the API key is valid (False when the service answers 401)."""
        from browser_use_cloud_api.api.account import me

        try:
            op = me.request_kwargs()
            return self._http.call(op, _bool, retry="idempotent", timeout=timeout)
        except AuthenticationError:
            return False

    @takes_extras(body=False)
    def ping(self, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]) -> None:
        """Check that the service answers (raises if it does not)."""
        from browser_use_cloud_api.api.service import ping

        self._http.request(ping.request_kwargs(), retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    def browser_use_version(
        self, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> str:
        """The version of the browser-use library the service runs."""
        from browser_use_cloud_api.api.service import get_browser_use_version

        return self._http.call(
            get_browser_use_version.request_kwargs(), _str, retry="idempotent", timeout=timeout
        )

    def call(
        self,
        operation: str | Operation,
        /,
        *,
        timeout: RequestTimeout = None,
        allow_unknown: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **params: Any,
    ) -> Any:
        """Send any API operation by its name (`get_task`, `list_tasks`, ...); return its JSON.

        For operations without a method of their own, e.g. ones added to the API after
        this release: `client.call("get_task_status", task_id="...")`. Arguments
        are the API's path, query, header and cookie parameters and body fields, by their
        API names (`**{"Idempotency-Key": "k"}` for a header); they are checked against the
        operation table before anything is sent (InputError names what is allowed). Auth,
        retries (POSTs only when nothing reached the server) and typed errors are those of
        every other method. Returns the decoded JSON body, or None for an empty one.
        `allow_unknown=True` sends enum values the spec does not list, as in `tasks.create`.
        `extra_headers`, `extra_query` and `extra_body` are sent as given, unchecked (see
        `RequestExtras`). `operation` may also be an operation of another operation table
        (how the MCP server sends those of the registry it was given), sent as it describes.
        """
        from .._input.validate import check_bool
        from .._spec.operations import operations

        op = operations().find(operation) if isinstance(operation, str) else operation
        extras = check_extras(
            extra_headers, extra_query, extra_body, body=op.method not in NO_BODY_METHODS
        )
        with sending_extras(extras):
            request = op.build_request(
                params, allow_unknown=check_bool("allow_unknown", allow_unknown)
            )
            response = self._http.request(
                request,
                retry=op.retry,
                timeout=timeout,
                missing_ok_on_retry=op.method == "DELETE",
            )
        return decode_json(response)

    @takes_extras()
    def delete_browser_profile_for_user(
        self, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> None:
        """Delete the account's default browser profile (cookies, sessions, saved data)."""
        self._http.request(_DELETE_PROFILE_FOR_USER, retry="idempotent", timeout=timeout)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {value!r}")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {value!r}")
    return value
