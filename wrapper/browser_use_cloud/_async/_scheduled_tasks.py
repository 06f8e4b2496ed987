"""`client.scheduled_tasks`: tasks that run on an interval or a cron schedule."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any, Unpack

from browser_use_cloud_api.api.scheduled_tasks import (
    create_scheduled_task,
    delete_scheduled_task,
    get_scheduled_task,
    list_scheduled_tasks,
    update_scheduled_task,
)
from browser_use_cloud_api.models import ScheduledTaskRequest, UpdateScheduledTaskRequest

from .._config import RequestTimeout
from .._input.call_options import ScheduledTaskChangesWithExtras, ScheduledTaskOptionsWithExtras
from .._input.scheduled_task_input import schedule_fields
from .._input.task_input import build_run_task_body, check_options
from .._input.validate import check_id
from .._models import Page, ScheduledTask, parse_created_id, parse_page, parse_scheduled_task
from .._policies.page_walk import MAX_PAGE_SIZE, PageWalk, check_page_args
from .._transport.operation import body_op
from .._transport.request_extras import RequestExtras, takes_extras
from ._resource import AsyncAPIResource


def _parse_page(body: Any) -> Page[ScheduledTask]:
    return parse_page(body, "tasks", parse_scheduled_task)


def _key(item: ScheduledTask) -> str:
    return item.id


def _created_at(item: ScheduledTask) -> dt.datetime:
    return item.created_at


class AsyncScheduledTasks(AsyncAPIResource):
    """Create, inspect, change and delete scheduled tasks."""

    @takes_extras()
    async def create(
        self,
        task: str,
        *,
        interval_minutes: int | None = None,
        cron_expression: str | None = None,
        schedule_type: str | None = None,
        start_at: dt.datetime | str | None = None,
        end_at: dt.datetime | str | None = None,
        timeout: RequestTimeout = None,
        **options: Unpack[ScheduledTaskOptionsWithExtras],
    ) -> str:
        """Schedule `task`; returns the scheduled task's id.

        Give `interval_minutes=N` (every N minutes) or `cron_expression='0 9 * * MON-FRI'`.
        `start_at`/`end_at` are aware datetimes or ISO strings (the service defaults them
        to now and one year from now; an `end_at` in the past is refused). `options` are the
        run settings of each task (see `ScheduledTaskOptions`); secrets are not supported for
        scheduled tasks.
        """
        body = build_run_task_body(task, kind="ScheduledTaskOptions", **options)
        body.update(
            schedule_fields(
                schedule_type=schedule_type,
                interval_minutes=interval_minutes,
                cron_expression=cron_expression,
                start_at=start_at,
                end_at=end_at,
                creating=True,
                allow_unknown=bool(options.get("allow_unknown", False)),
            )
        )
        op = body_op(create_scheduled_task, ScheduledTaskRequest, body)
        return await self._http.call(op, parse_created_id, retry="safe_post", timeout=timeout)

    @takes_extras(body=False)
    async def get(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> ScheduledTask:
        """One scheduled task."""
        op = get_scheduled_task.request_kwargs(check_id("task_id", task_id))
        return await self._http.call(op, parse_scheduled_task, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    async def list(
        self,
        *,
        page: int = 1,
        limit: int = 10,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> Page[ScheduledTask]:
        """One page of scheduled tasks, newest first (`limit` up to 100)."""
        check_page_args(page, limit)
        op = list_scheduled_tasks.request_kwargs(page=page, limit=limit)
        return await self._http.call(op, _parse_page, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    def iter(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        max_items: int | None = None,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> AsyncIterator[ScheduledTask]:
        """Every scheduled task once, newest first, fetching pages lazily."""
        walk = PageWalk(_key, page_size=page_size, max_items=max_items, order_key=_created_at)
        return self._paginate(self.list, walk, timeout)

    @takes_extras()
    async def update(
        self,
        task_id: str,
        *,
        schedule_type: str | None = None,
        interval_minutes: int | None = None,
        cron_expression: str | None = None,
        start_at: dt.datetime | str | None = None,
        end_at: dt.datetime | str | None = None,
        timeout: RequestTimeout = None,
        **changes: Unpack[ScheduledTaskChangesWithExtras],
    ) -> ScheduledTask:
        """Change the given fields (None leaves a field as it is); returns the new state.

        `cron_expression=` on an interval schedule switches it to cron (and
        `interval_minutes=` the other way): the other type's field is dropped, never kept
        beside. `end_at` must be in the future. `changes` are the fields of
        `ScheduledTaskChanges` (task, is_active, run settings).
        """
        body = check_options("ScheduledTaskChanges", changes)
        body.update(
            schedule_fields(
                schedule_type=schedule_type,
                interval_minutes=interval_minutes,
                cron_expression=cron_expression,
                start_at=start_at,
                end_at=end_at,
                creating=False,
                allow_unknown=bool(changes.get("allow_unknown", False)),
            )
        )
        op = body_op(
            update_scheduled_task,
            UpdateScheduledTaskRequest,
            body,
            task_id=check_id("task_id", task_id),
        )
        return await self._http.call(op, parse_scheduled_task, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    async def delete(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> None:
        """Delete a scheduled task (runs already started finish normally).

        A retry that finds it gone after an earlier attempt timed out counts as success.
        """
        op = delete_scheduled_task.request_kwargs(check_id("task_id", task_id))
        await self._http.request(op, retry="idempotent", timeout=timeout, missing_ok_on_retry=True)
