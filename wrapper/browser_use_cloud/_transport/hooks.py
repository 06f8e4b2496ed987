"""Hooks: plain functions a client calls with a typed, frozen event for each thing it does.

```python
def count(event: HookEvent) -> None:
    if isinstance(event, RetryEvent):
        retries[event.reason] += 1

client = BrowserUse(hooks=[count])
```

Events: `RequestEvent` (an attempt is about to be sent), `ResponseEvent` (it got an HTTP
response, any status), `RequestErrorEvent` (it got none), `RetryEvent` (another attempt
will follow after `delay`), `BudgetWaitEvent` (an attempt waited for the client's request
budget) and `TaskStatusEvent` (a task this client follows changed status).

What a hook sees is scrubbed: no Authorization or cookie header, no API key in any header value, no
query string of a presigned storage URL (its signature), no request body (where a task's
`secrets` travel). Hooks are called synchronously, in the thread or task that sends the
request, so keep them quick; the same function works for BrowserUse and AsyncBrowserUse.

A hook that raises does not break the call: the exception is logged with its traceback
at ERROR level on the `browser_use_cloud.hooks` logger (printed to stderr when logging is
not configured) and the SDK carries on; the other hooks still run. Only exceptions that
are not `Exception`s (KeyboardInterrupt, cancellation) propagate.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeAlias

import attrs
import httpx

from .._exceptions import InputError
from .log import hide
from .response_info import ResponseInfo

if TYPE_CHECKING:
    from .._models import TaskStatus

hook_logger = logging.getLogger("browser_use_cloud.hooks")

_TRACKED = 4096  # task statuses remembered per client, to report changes only
_CREDENTIAL_HEADERS = frozenset(
    {b"authorization", b"proxy-authorization", b"cookie", b"set-cookie"}
)
"""Headers hooks and `ResponseInfo` never show: credentials, and cookies (sessions)."""


@attrs.frozen
class RequestEvent:
    """An attempt at a request is about to be sent (after any budget wait).

    `headers` are the request's, with Authorization and cookies removed and the API key hidden.
    """

    method: str
    url: str
    headers: httpx.Headers
    attempt: int
    client_request_id: str


@attrs.frozen
class ResponseEvent:
    """An attempt got an HTTP response (any status, before it is turned into an error);
    `response` is the `ResponseInfo` that `capture_responses()` records."""

    response: ResponseInfo


@attrs.frozen
class RequestErrorEvent:
    """An attempt got no (whole) HTTP response: `error` names the failure (a transport
    error such as `ConnectTimeout`, or `CancelledError`, `KeyboardInterrupt`... when the
    call was cancelled or interrupted mid-request), `message` is its scrubbed text,
    `elapsed` the seconds it took. Every `RequestEvent` ends in a `ResponseEvent` or one
    of these."""

    method: str
    url: str
    error: str
    message: str
    elapsed: float
    attempt: int
    client_request_id: str


@attrs.frozen
class RetryEvent:
    """Attempt `attempt` failed and another follows after `delay` seconds.

    `reason` is `"HTTP <status>"` or the transport failure's name; `status_code` is the
    failed attempt's status (None when it got no response).
    """

    method: str
    url: str
    attempt: int
    delay: float
    reason: str
    status_code: int | None
    client_request_id: str


@attrs.frozen
class BudgetWaitEvent:
    """An attempt waited `seconds` for its turn in the client's request budget; `paused`
    when the wait was (at least partly) a 429 pause of the whole client."""

    method: str
    url: str
    seconds: float
    paused: bool
    client_request_id: str


@attrs.frozen
class TaskStatusEvent:
    """A task this client follows (created, waited on, read) was seen in a new status.

    `previous` is None the first time the client sees the task; `status` is a TaskStatus
    (open enum: a status newer than this library passes through).
    """

    task_id: str
    status: TaskStatus
    previous: TaskStatus | None


HookEvent: TypeAlias = (
    RequestEvent
    | ResponseEvent
    | RequestErrorEvent
    | RetryEvent
    | BudgetWaitEvent
    | TaskStatusEvent
)
"""Every event a hook may receive (check its type with `isinstance` or `match`)."""

Hook: TypeAlias = Callable[[HookEvent], object]
"""A hook: a function taking one event; what it returns is ignored."""


def check_hooks(hooks: Iterable[Hook] | None) -> tuple[Hook, ...]:
    """The hooks as a tuple; refuse anything that is not a sequence of callables."""
    if hooks is None:
        return ()
    if callable(hooks) or isinstance(hooks, str | bytes) or not isinstance(hooks, Iterable):
        raise InputError("hooks must be a list of functions, e.g. hooks=[my_hook]")
    found = tuple(hooks)
    for hook in found:
        if not callable(hook):
            raise InputError(
                f"each hook must be a function taking one event, got {type(hook).__name__}"
            )
    return found


class Hooks:
    """The hooks of one client and what they need: scrubbing and task status tracking."""

    def __init__(self, hooks: Sequence[Hook], secrets: Sequence[str]) -> None:
        self.hooks = tuple(hooks)
        self.secrets = tuple(secrets)
        self._statuses: OrderedDict[str, TaskStatus] = OrderedDict()
        self._lock = threading.Lock()

    def __bool__(self) -> bool:
        return bool(self.hooks)

    def emit(self, event: HookEvent) -> None:
        """Call every hook with `event`; log (never raise) what a hook raises."""
        for hook in self.hooks:
            try:
                hook(event)
            except Exception:
                hook_logger.exception(
                    "hook %s raised on %s; the SDK carried on without it",
                    getattr(hook, "__qualname__", repr(hook)),
                    type(event).__name__,
                )

    def headers(self, headers: httpx.Headers, hidden: Sequence[str] | None = None) -> httpx.Headers:
        """A copy of `headers` as hooks may see them: no Authorization nor cookies, the client's
        secrets (or `hidden`) hidden."""
        secrets = self.secrets if hidden is None else hidden
        needles = [secret.encode("latin-1", "ignore") for secret in secrets if secret]
        pairs = []
        for name, value in headers.raw:  # bytes: a value is decoded only to hide a secret
            if name.lower() in _CREDENTIAL_HEADERS:
                continue
            if any(needle in value for needle in needles):
                value = hide(value.decode("latin-1"), secrets).encode("latin-1")
            pairs.append((name, value))
        return httpx.Headers(pairs)

    def task_status(self, task_id: str, status: TaskStatus) -> None:
        """Report `status` of `task_id` if it differs from the last one seen."""
        if not self.hooks:
            return
        with self._lock:
            previous = self._statuses.pop(task_id, None)
            self._statuses[task_id] = status
            if len(self._statuses) > _TRACKED:
                self._statuses.popitem(last=False)
        if previous != status:
            self.emit(TaskStatusEvent(task_id=task_id, status=status, previous=previous))
