"""Creating a task exactly once: sending run-task, finding the task by its request id when
the answer is lost, and stopping a task whose creating call was interrupted.

`tasks.create()`, `tasks.run()` and `tasks.map()` all create through one `AsyncTaskCreation`;
the search of the task list is decided by `_policies.request_id_search`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from browser_use_cloud_api.api.tasks import run_task
from browser_use_cloud_api.models import RunTaskRequest

from .._concurrency.shield import AsyncShield
from .._config import RequestTimeout
from .._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    InputError,
    InternalServerError,
    TaskCreationUnconfirmedError,
)
from .._models import TaskSummary
from .._policies.request_id_search import REATTACH_WINDOW, RequestIdSearch
from .._policies.retry import AttemptCount, answered_by_server
from .._policies.watch_plan import TRANSIENT_ERRORS
from .._transport.failures import never_sent
from .._transport.log import logger
from .._transport.operation import body_op
from ._http import sleep

if TYPE_CHECKING:
    from ._http import AsyncHTTP
    from ._resource import PageFetcher

CREATE_SETTLE = 2.0
"""Seconds after an unprovable run-task failure before the task list is read a second
time (a slow server may be creating it meanwhile); at most the retry policy's `max_delay`."""
INTERRUPT_STOP_GRACE = 10.0
"""Seconds an interrupted `create`, `run`, `wait` or `steps` spends stopping its task."""

_AMBIGUOUS = (APIConnectionError, InternalServerError, APIResponseValidationError)


def wall_clock() -> dt.datetime:
    """Now, in UTC (what the service's `created_at` is compared with)."""
    return dt.datetime.now(dt.UTC)


def _created_id(body: Any) -> str:
    task_id = body["id"]
    if not isinstance(task_id, str):
        raise TypeError(f"expected id to be a string, got {type(task_id).__name__}")
    return task_id


def _unconfirmed(request_id: str, failure: APIError) -> TaskCreationUnconfirmedError:
    return TaskCreationUnconfirmedError(
        f"{failure.message}; the task may or may not have been created, so it was not "
        f"sent again (a second task would be billed). It carries request id "
        f"{request_id!r}: tasks.find_by_request_id({request_id!r}) finds it later, and "
        f"tasks.create(..., request_id={request_id!r}) returns it if it exists",
        method=failure.method,
        url=failure.url,
        request_id=request_id,
        cause=failure,
    )


async def stop_interrupted(task_id: str, stop: Callable[[], Awaitable[None]]) -> str:
    """Stop (with `stop`) the task of a call that was interrupted; say so in the log and in
    the note returned (for the interruption: the task's id must not get lost)."""
    note = f"task {task_id} may still be running: the call that created it was interrupted"
    with AsyncShield.cleanup(INTERRUPT_STOP_GRACE):
        try:
            await stop()
        except APIError as exc:
            note += f" and stopping it failed ({type(exc).__name__})"
        else:
            note = f"task {task_id} was stopped: the call that created it was interrupted"
    logger.warning("%s", note)
    return note


class AsyncTaskCreation:
    """Run-task for one client, never creating a task twice.

    `http` sends the request; `list_page` reads one page of the task list (`tasks.list`),
    to find a task by the request id it was tagged with.
    """

    def __init__(self, http: AsyncHTTP, list_page: PageFetcher[TaskSummary]) -> None:
        self._http = http
        self._list_page = list_page

    async def send(self, body: dict[str, Any], rid: str | None, timeout: RequestTimeout) -> str:
        """Send run-task; re-send it only when no task can exist, else find the task.

        Sent again (all sends sharing the policy's `max_retries` and backoff) only when the
        task provably does not exist: nothing reached the server (connection refused,
        connect or pool timeout), a 429 rate limit, or a 5xx the server answered itself
        (not a gateway's 502/504) followed by a complete read of the task list, made after
        the backoff, without a task tagged `rid`. Any other failure (read timeout, dropped
        connection, 502/504, an unreadable 2xx) is never re-sent: the list is read at once
        and again `CREATE_SETTLE` seconds later, the task is returned if found, else
        TaskCreationUnconfirmedError carries `rid`. Without `rid`, failures are raised.
        """
        op = body_op(run_task, RunTaskRequest, body)
        sent_at = wall_clock()
        attempts = AttemptCount()
        policy = self._http.policy
        while True:
            try:
                return await self._http.call(
                    op, _created_id, retry="safe_post", timeout=timeout, attempts=attempts
                )
            except _AMBIGUOUS as exc:
                if rid is None or (isinstance(exc, APIConnectionError) and never_sent(exc)):
                    raise
                if isinstance(exc, InternalServerError) and answered_by_server(exc.status_code):
                    delay = policy.delay_after_status("idempotent", attempts.retries, 500)
                    await sleep(delay or 0.0)
                    found = await self._look_up(rid, sent_at, exc, timeout)
                    if found is not None:
                        return found
                    if delay is None:  # retries spent; no task was created
                        raise
                    attempts.retries += 1
                    continue
                found = await self._look_up(rid, sent_at, exc, timeout)
                if found is None:
                    await sleep(min(CREATE_SETTLE, policy.max_delay))
                    found = await self._look_up(rid, sent_at, exc, timeout)
                if found is None:
                    raise _unconfirmed(rid, exc) from exc
                return found

    async def send_or_stop(
        self,
        body: dict[str, Any],
        rid: str | None,
        timeout: RequestTimeout,
        stop: Callable[[str], Awaitable[None]],
    ) -> str:
        """`send()`, finished even if the caller is interrupted meanwhile; then the task it
        created is stopped with `stop(task_id)` and the interruption goes on."""

        async def undo(task_id: str) -> str:
            return await stop_interrupted(task_id, lambda: stop(task_id))

        created: str = await AsyncShield.finish(lambda: self.send(body, rid, timeout), undo)
        return created

    async def _look_up(
        self, rid: str, sent_at: dt.datetime, failure: APIError, timeout: RequestTimeout
    ) -> str | None:
        """The task tagged `rid`, None if provably none yet; TaskCreationUnconfirmedError
        if the list cannot be read far enough to tell."""
        try:
            search = await self.search(rid, sent_at, timeout)
        except TRANSIENT_ERRORS:
            search = None
        if search is None or not search.conclusive:
            raise _unconfirmed(rid, failure) from failure
        return search.task_id(rid)

    async def search(
        self, request_id: str, since: dt.datetime, timeout: RequestTimeout
    ) -> RequestIdSearch:
        """Read the task list for the task tagged `request_id`, created after `since`."""
        return await self.read(RequestIdSearch([request_id], since=since), timeout)

    async def read(self, search: RequestIdSearch, timeout: RequestTimeout) -> RequestIdSearch:
        """Read the task list, newest first, as far as `search` needs (the one walk of every
        request-id look-up: a creation's, `find_by_request_id()`'s, a map's re-attach)."""
        while search.next_page is not None:
            page = await self._list_page(
                page=search.next_page, limit=search.page_size, timeout=timeout
            )
            search.feed(page)
        return search

    async def earlier_task(self, request_id: str, task: str, timeout: RequestTimeout) -> str | None:
        """The id of the task created with `request_id` within REATTACH_WINDOW, if any;
        InputError if that task was created for another prompt."""
        search = await self.search(request_id, wall_clock() - REATTACH_WINDOW, timeout)
        found = search.found.get(request_id)
        if found is None:
            return None
        if found.task != task:
            raise InputError(
                f"request_id {request_id!r} already belongs to task {found.id}, created for "
                "another prompt; use a new request_id for a new task, or "
                f"tasks.handle({found.id!r}) to follow that one"
            )
        return found.id
