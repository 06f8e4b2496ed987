"""`client.scheduled_tasks`: tasks that run on an interval or a cron schedule."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

from browser_use_cloud_api.api.scheduled_tasks import (
    create_scheduled_task,
    delete_scheduled_task,
    get_scheduled_task,
    list_scheduled_tasks,
    update_scheduled_task,
)
from browser_use_cloud_api.models import ScheduledTaskRequest, UpdateScheduledTaskRequest

from .._config import RequestTimeout
from .._models import Page, ScheduledTask, parse_created_id, parse_page, parse_scheduled_task
from .._page_walk import MAX_PAGE_SIZE, PageWalk, check_page_args
from .._schedule import schedule_fields, update_fields
from .._task_input import build_run_task_body
from .._validate import check_id
from ._http import body_op
from ._resource import AsyncAPIResource


def _parse_page(body: Any) -> Page[ScheduledTask]:
    return parse_page(body, "tasks", parse_scheduled_task)


def _key(item: ScheduledTask) -> str:
    return item.id


def _created_at(item: ScheduledTask) -> dt.datetime:
    return item.created_at


class AsyncScheduledTasks(AsyncAPIResource):
    """Create, inspect, change and delete scheduled tasks."""

    async def create(
        self,
        task: str,
        *,
        interval_minutes: int | None = None,
        cron_expression: str | None = None,
        schedule_type: str | None = None,
        start_at: dt.datetime | str | None = None,
        end_at: dt.datetime | str | None = None,
        llm_model: str | None = None,
        allowed_domains: Sequence[str] | None = None,
        save_browser_data: bool | None = None,
        structured_output_json: str | None = None,
        highlight_elements: bool | None = None,
        included_file_names: Sequence[str] | None = None,
        max_agent_steps: int | None = None,
        enable_public_share: bool | None = None,
        browser_profile_id: str | None = None,
        use_adblock: bool | None = None,
        use_proxy: bool | None = None,
        proxy_country_code: str | None = None,
        browser_viewport_width: int | None = None,
        browser_viewport_height: int | None = None,
        metadata: Mapping[str, str] | None = None,
        allow_unknown: bool = False,
        timeout: RequestTimeout = None,
    ) -> str:
        """Schedule `task`; returns the scheduled task's id.

        Give `interval_minutes=N` (every N minutes) or `cron_expression='0 9 * * MON-FRI'`.
        `start_at`/`end_at` are aware datetimes or ISO strings (the service defaults them
        to now and one year from now; an `end_at` in the past is refused). Secrets are not
        supported for scheduled tasks.
        """
        body = build_run_task_body(
            task,
            llm_model=llm_model,
            allowed_domains=allowed_domains,
            save_browser_data=save_browser_data,
            structured_output_json=structured_output_json,
            highlight_elements=highlight_elements,
            included_file_names=included_file_names,
            max_agent_steps=max_agent_steps,
            enable_public_share=enable_public_share,
            browser_profile_id=browser_profile_id,
            use_adblock=use_adblock,
            use_proxy=use_proxy,
            proxy_country_code=proxy_country_code,
            browser_viewport_width=browser_viewport_width,
            browser_viewport_height=browser_viewport_height,
            metadata=metadata,
            allow_unknown=allow_unknown,
        )
        body.update(
            schedule_fields(
                schedule_type=schedule_type,
                interval_minutes=interval_minutes,
                cron_expression=cron_expression,
                start_at=start_at,
                end_at=end_at,
                creating=True,
            )
        )
        op = body_op(create_scheduled_task, ScheduledTaskRequest, body)
        return await self._http.call(op, parse_created_id, retry="safe_post", timeout=timeout)

    async def get(self, task_id: str, *, timeout: RequestTimeout = None) -> ScheduledTask:
        """One scheduled task."""
        op = get_scheduled_task._get_kwargs(check_id("task_id", task_id))
        return await self._http.call(op, parse_scheduled_task, retry="idempotent", timeout=timeout)

    async def list(
        self, *, page: int = 1, limit: int = 10, timeout: RequestTimeout = None
    ) -> Page[ScheduledTask]:
        """One page of scheduled tasks, newest first (`limit` up to 100)."""
        check_page_args(page, limit)
        op = list_scheduled_tasks._get_kwargs(page=page, limit=limit)
        return await self._http.call(op, _parse_page, retry="idempotent", timeout=timeout)

    def iter(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        max_items: int | None = None,
        timeout: RequestTimeout = None,
    ) -> AsyncIterator[ScheduledTask]:
        """Every scheduled task once, newest first, fetching pages lazily."""
        walk = PageWalk(_key, page_size=page_size, max_items=max_items, order_key=_created_at)
        return self._paginate(self.list, walk, timeout)

    async def update(
        self,
        task_id: str,
        *,
        task: str | None = None,
        schedule_type: str | None = None,
        interval_minutes: int | None = None,
        cron_expression: str | None = None,
        start_at: dt.datetime | str | None = None,
        end_at: dt.datetime | str | None = None,
        is_active: bool | None = None,
        use_adblock: bool | None = None,
        use_proxy: bool | None = None,
        highlight_elements: bool | None = None,
        llm_model: str | None = None,
        save_browser_data: bool | None = None,
        structured_output_json: str | None = None,
        metadata: Mapping[str, str] | None = None,
        timeout: RequestTimeout = None,
    ) -> ScheduledTask:
        """Change the given fields (None leaves a field as it is); returns the new state.

        `cron_expression=` on an interval schedule switches it to cron (and
        `interval_minutes=` the other way): the other type's field is dropped, never kept
        beside. `end_at` must be in the future.
        """
        body = update_fields(
            {
                "task": task,
                "is_active": is_active,
                "use_adblock": use_adblock,
                "use_proxy": use_proxy,
                "highlight_elements": highlight_elements,
                "llm_model": llm_model,
                "save_browser_data": save_browser_data,
                "structured_output_json": structured_output_json,
                "metadata": metadata,
            }
        )
        body.update(
            schedule_fields(
                schedule_type=schedule_type,
                interval_minutes=interval_minutes,
                cron_expression=cron_expression,
                start_at=start_at,
                end_at=end_at,
                creating=False,
            )
        )
        op = body_op(
            update_scheduled_task,
            UpdateScheduledTaskRequest,
            body,
            task_id=check_id("task_id", task_id),
        )
        return await self._http.call(op, parse_scheduled_task, retry="idempotent", timeout=timeout)

    async def delete(self, task_id: str, *, timeout: RequestTimeout = None) -> None:
        """Delete a scheduled task (runs already started finish normally).

        A retry that finds it gone after an earlier attempt timed out counts as success.
        """
        op = delete_scheduled_task._get_kwargs(check_id("task_id", task_id))
        await self._http.request(op, retry="idempotent", timeout=timeout, missing_ok_on_retry=True)
