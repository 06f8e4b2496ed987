"""The exception hierarchy: every error the SDK raises derives from BrowserUseError.

```
BrowserUseError
├── InputError (also ValueError)          bad input, caught before any request is sent
├── ClientClosedError (also RuntimeError)  the client was closed before this request
├── APIConnectionError                    the request got no HTTP response
│   └── APITimeoutError
├── APIResponseValidationError            a 2xx response we could not understand
├── TaskCreationUnconfirmedError          run-task may have created a task; not re-sent
├── APIStatusError                        a non-2xx response
│   ├── BadRequestError 400, AuthenticationError 401, PaymentRequiredError 402,
│   ├── PermissionDeniedError 403, NotFoundError 404, ConflictError 409,
│   ├── PayloadTooLargeError 413, UnprocessableEntityError 422,
│   ├── RateLimitError 429 (ConcurrencyLimitError),
│   └── InternalServerError 5xx
├── TaskError                             a task ended (or waiting ended) without a result
│   ├── TaskFailedError, TaskStoppedError
│   └── WaitTimeoutError (also TimeoutError)
└── StructuredOutputError (also ValueError)
```
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from browser_use_cloud_api.models.task import Task

    from ._transport.response_info import ResponseInfo


class BrowserUseError(Exception):
    """Base class of every error raised by browser_use_cloud.

    Every one pickles (to pass it between processes); an attribute that cannot be
    pickled, such as a third-party `cause`, arrives as its text.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        state = {name: _picklable(value) for name, value in self.__dict__.items()}
        return (_rebuild, (type(self), self.args), state)


def _rebuild(cls: type[BrowserUseError], args: tuple[Any, ...]) -> BrowserUseError:
    """Unpickle without calling `__init__` (its arguments are keyword-only)."""
    exc = cls.__new__(cls, *args)
    exc.args = args
    return exc


def _picklable(value: Any) -> Any:
    try:
        pickle.dumps(value)
    except Exception:
        return f"{type(value).__name__}: {value}"
    return value


class InputError(ValueError, BrowserUseError):
    """An argument was rejected before sending anything (the message says what is allowed)."""


class ClientClosedError(RuntimeError, BrowserUseError):
    """The client (or the httpx client it was given) is closed; make a new one."""


class APIError(BrowserUseError):
    """An error tied to one HTTP request: `method` and `url` say which (never the key).

    `client_request_id` is the id this client gave that HTTP request (see `ResponseInfo`;
    None when the error was not raised by a request the client sent). An error response's
    `response_info` (on `APIStatusError`) has the service's id as well.
    """

    client_request_id: str | None

    def __init__(self, message: str, *, method: str, url: str) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.url = url
        self.client_request_id = None


class APIConnectionError(APIError):
    """The request got no HTTP response (DNS, refused connection, dropped connection...)."""


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool timeout)."""


class APIResponseValidationError(APIError):
    """A successful response whose body does not have the documented shape."""


class TaskCreationUnconfirmedError(APIError):
    """run-task failed in a way that cannot tell whether the task was created, and the
    task was not found, so it was not sent again (that could bill a second task).

    The server may still create it (a request it holds, a slow write). `request_id` is the
    id it carries in metadata: `tasks.find_by_request_id(request_id)` finds it later, and
    `tasks.create(..., request_id=request_id)` returns it if it exists (else creates it).
    `cause` is the failure (a timeout, a dropped connection, a 502/504, an unreadable 2xx).
    """

    def __init__(
        self, message: str, *, method: str, url: str, request_id: str, cause: APIError
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.request_id = request_id
        self.cause = cause


class APIStatusError(APIError):
    """The API answered with a non-2xx status.

    `detail` is the decoded `detail` of a JSON error body (or the whole JSON body, or
    None for a non-JSON body such as an HTML error page); `body` is a short text excerpt.
    `response_info` is the response as `capture_responses()` records it (status, headers,
    elapsed time, and `request_id`: the id to quote to support).
    """

    response_info: ResponseInfo | None

    def __init__(
        self,
        message: str,
        *,
        method: str,
        url: str,
        status_code: int,
        headers: Mapping[str, str],
        detail: Any = None,
        body: str = "",
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.status_code = status_code
        self.headers = headers
        self.detail = detail
        self.body = body
        self.response_info = None


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401: the API key is missing, wrong or revoked."""


class PaymentRequiredError(APIStatusError):
    """HTTP 402: not enough credits (or no active subscription) for this call."""


InsufficientCreditsError = PaymentRequiredError


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404: no such task, scheduled task, profile or file."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class PayloadTooLargeError(APIStatusError):
    """HTTP 413: the body (an uploaded file) is larger than the server accepts."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422: the server rejected the request's fields.

    `errors` lists `(location, message)` pairs, e.g. `(("body", "task"), "Field required")`.
    """

    def __init__(
        self, message: str, *, errors: Sequence[tuple[tuple[str | int, ...], str]], **kw: Any
    ) -> None:
        super().__init__(message, **kw)
        self.errors = tuple(errors)


class RateLimitError(APIStatusError):
    """HTTP 429. `retry_after` is the server's suggested wait in seconds, if it sent one."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ConcurrencyLimitError(RateLimitError):
    """HTTP 429 "too many concurrent active sessions": waiting briefly will not help.

    Never retried automatically; stop or finish running tasks, then try again.
    """


class InternalServerError(APIStatusError):
    """HTTP 5xx (including non-standard codes such as 520)."""


class TaskError(BrowserUseError):
    """A task did not produce a result. `task` is the last full view, when fetched."""

    def __init__(self, message: str, *, task_id: str, status: str, task: Task | None = None):
        super().__init__(message)
        self.task_id = task_id
        self.status = status
        self.task = task


class TaskFailedError(TaskError):
    """The task ended with status `failed`."""


class TaskStoppedError(TaskError):
    """The task ended with status `stopped` (by a user, a timeout policy or the server)."""


class WaitTimeoutError(TaskError, TimeoutError):
    """Waiting for a task gave up. `stopped` says whether the task was stopped on the way out."""

    def __init__(
        self,
        message: str,
        *,
        task_id: str,
        last_status: str,
        stopped: bool,
        task: Task | None = None,
    ) -> None:
        super().__init__(message, task_id=task_id, status=last_status, task=task)
        self.last_status = last_status
        self.stopped = stopped


class StructuredOutputError(ValueError, BrowserUseError):
    """A finished task's output did not parse into the requested type.

    `raw_output` is the text the task returned; `cause` is the parse/validation error;
    `task_id` and `task` (the finished task) say which run it was, so that its output
    stays reachable after a billed run.
    """

    def __init__(
        self,
        message: str,
        *,
        raw_output: str | None,
        cause: BaseException | None,
        task_id: str | None = None,
        task: Task | None = None,
    ) -> None:
        super().__init__(message)
        self.raw_output = raw_output
        self.cause = cause
        self.task_id = task_id
        self.task = task
