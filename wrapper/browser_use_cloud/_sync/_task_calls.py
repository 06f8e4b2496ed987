# Generated from _async/_task_calls.py by scripts/unasync.py. Do not edit.
"""The calls of `client.tasks` on tasks by id and on the task list: read, list, stop, pause
and resume (`Tasks` has them from `TaskCalls`, and the recording and output
files from `TaskOutputs`). Task handles and map runs send through these."""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Unpack

from browser_use_cloud_api.api.tasks import (
    get_task,
    get_task_status,
    list_tasks,
    pause_task,
    resume_task,
    stop_task,
)

from .._config import RequestTimeout
from .._input.validate import check_id
from .._models import (
    Page,
    Task,
    TaskStatus,
    TaskSummary,
    parse_page,
    parse_task,
    parse_task_summary,
)
from .._policies.page_walk import MAX_PAGE_SIZE, PageWalk, check_page_args
from .._policies.polling import STREAM_POLICY, WAIT_POLICY
from .._transport.request_extras import RequestExtras, takes_extras
from ._resource import APIResource
from ._task_outputs import TaskOutputs

if TYPE_CHECKING:
    from ._context import Context


def _status(body: Any) -> TaskStatus:
    if not isinstance(body, str):
        raise TypeError(f"expected a status string, got {type(body).__name__}")
    return TaskStatus(body)


def _ignore(body: Any) -> None:
    return None


def _parse_task_page(body: Any) -> Page[TaskSummary]:
    return parse_page(body, "tasks", parse_task_summary)


_task_key = attrgetter("id")  # C-level getters: the page walk reads them for every item
_created_at = attrgetter("created_at")


class TaskCalls(APIResource, TaskOutputs):
    """Reading, listing and controlling tasks (a part of `Tasks`), and the poll
    cadences the handles made from it copy."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.wait_policy = WAIT_POLICY
        """Status-poll cadence of `wait()`; handles copy it when made."""
        self.stream_policy = STREAM_POLICY
        """Full-fetch cadence of `steps()` and `on_step` (see `STREAM_POLICY`); handles
        copy it when made, and `steps(poll=...)` overrides it for one stream."""

    @takes_extras(body=False)
    def get(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> Task:
        """The full task, with its steps."""
        op = get_task.request_kwargs(_check_id(task_id))
        task = self._http.call(op, parse_task, retry="idempotent", timeout=timeout)
        self._http.hooks.task_status(task.id, task.status)
        return task

    @takes_extras(body=False)
    def status(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> TaskStatus:
        """Just the status (a cheap request)."""
        op = get_task_status.request_kwargs(task_id := _check_id(task_id))
        status = self._http.call(op, _status, retry="idempotent", timeout=timeout)
        self._http.hooks.task_status(task_id, status)
        return status

    @takes_extras(body=False)
    def list(
        self,
        *,
        page: int = 1,
        limit: int = 10,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> Page[TaskSummary]:
        """One page of tasks, newest first (`limit` at most 100)."""
        check_page_args(page, limit)
        op = list_tasks.request_kwargs(page=page, limit=limit)
        return self._http.call(op, _parse_task_page, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    def iter(
        self,
        *,
        max_items: int | None = None,
        page_size: int = MAX_PAGE_SIZE,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> Iterator[TaskSummary]:
        """Every task, newest first, each once (even while new tasks shift the pages)."""
        walk: PageWalk[TaskSummary] = PageWalk(
            _task_key, page_size=page_size, max_items=max_items, order_key=_created_at
        )
        return self._paginate(self.list, walk, timeout)

    @takes_extras()
    def stop(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> None:
        """Stop a task for good (it cannot be resumed)."""
        self._control(stop_task, task_id, timeout)

    @takes_extras()
    def pause(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> None:
        """Pause a running task; `resume()` continues it."""
        self._control(pause_task, task_id, timeout)

    @takes_extras()
    def resume(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> None:
        """Resume a paused task."""
        self._control(resume_task, task_id, timeout)

    def _control(self, module: Any, task_id: str, timeout: RequestTimeout) -> None:
        op = module.request_kwargs(task_id=_check_id(task_id))
        self._http.call(op, _ignore, retry="idempotent", timeout=timeout)


def _check_id(task_id: str) -> str:
    return check_id("task_id", task_id)
