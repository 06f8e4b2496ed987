# Generated from _async/_tasks.py by scripts/unasync.py. Do not edit.
"""`client.tasks`: create (without duplicates), run and follow tasks.

Its other parts: `_task_calls` (get, status, list, stop, pause, resume), `_task_maps`
(`map`, `map_as_completed`) and `_task_outputs` (media and output files). The handle
(`_task_handle`) follows a task to its end; creating one exactly once is
`_task_creation`'s. Decisions live in pure modules: `_input.task_input` (arguments),
`_policies.request_id_search` (finding a task by its request id).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, Unpack, overload

from .._config import RequestTimeout
from .._exceptions import InputError
from .._input.call_options import TaskOptionsWithExtras
from .._input.follow_options import (
    DEFAULT_WAIT_TIMEOUT,
    OnTimeout,
    StepCallback,
    check_on_timeout,
    check_wait_timeout,
)
from .._input.structured_output import TaskResult, output_spec_for
from .._input.task_input import build_run_task_body, resolve_request_id
from .._input.upload import FileSource, prepare_uploads
from .._input.validate import check_id
from .._models import TaskStatus, TaskStep
from .._policies.polling import PollPolicy
from .._policies.request_id_search import REATTACH_WINDOW
from .._transport.request_extras import RequestExtras, takes_extras
from ._files import send_upload
from ._task_creation import TaskCreation, wall_clock
from ._task_handle import TaskHandle
from ._task_maps import TaskMaps

if TYPE_CHECKING:
    from .._webhooks.events import WebhookEvent
    from ._context import Context

T = TypeVar("T")


def _clock() -> float:
    return time.monotonic()


class Tasks(TaskMaps):
    """`client.tasks`: run, follow and control agent tasks.

    Every method that sends a request takes `timeout=`, the HTTP timeout of each request.
    `wait()`, `run()` and `steps()` also take `wait_timeout=`, how long to follow the task.
    """

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self._creation = TaskCreation(self._http, self.list)

    def notify(self, event: WebhookEvent) -> None:
        """Feed a verified webhook event: a task's end wakes its waiters at once.

        While events come in, waits poll only every 30 s as a safety net. Wire a receiver
        in one line: `webhook_app(client.tasks.notify, secret=...)`, served in the same
        process as this client (and on its loop, where it has one).
        """
        from .._webhooks.events import TaskStatusUpdateEvent, WebhookEvent

        if not isinstance(event, WebhookEvent):
            raise TypeError(
                f"notify() takes a verified WebhookEvent (from verify_webhook or webhook_app), "
                f"got {type(event).__name__}"
            )
        if isinstance(event, TaskStatusUpdateEvent):
            self._context.watcher.notify(event.task_id, str(event.status))
        else:
            self._context.watcher.notify(None, None)

    # -- create ---------------------------------------------------------------------------

    @overload
    def create(
        self,
        task: str,
        *,
        output_type: type[T],
        files: Sequence[FileSource] = ...,
        request_id: bool | str = ...,
        wait_for_slot: bool | None = ...,
        timeout: RequestTimeout = ...,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> TaskHandle[T]: ...

    @overload
    def create(
        self,
        task: str,
        *,
        output_type: Mapping[str, Any],
        files: Sequence[FileSource] = ...,
        request_id: bool | str = ...,
        wait_for_slot: bool | None = ...,
        timeout: RequestTimeout = ...,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> TaskHandle[Any]: ...

    @overload
    def create(
        self,
        task: str,
        *,
        output_type: None = ...,
        files: Sequence[FileSource] = ...,
        request_id: bool | str = ...,
        wait_for_slot: bool | None = ...,
        timeout: RequestTimeout = ...,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> TaskHandle[None]: ...

    @takes_extras()
    def create(
        self,
        task: str,
        *,
        output_type: type[Any] | Mapping[str, Any] | None = None,
        files: Sequence[FileSource] = (),
        request_id: bool | str = True,
        wait_for_slot: bool | None = None,
        timeout: RequestTimeout = None,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> TaskHandle[Any]:
        """Start a task and return its handle (nothing is sent if an argument is invalid).

        `output_type` (a pydantic model class or a JSON Schema dict) asks for structured
        output; `wait()` then returns it parsed. `files` (paths, bytes or binary file
        objects) are uploaded and added to `included_file_names`, once every argument and
        every file has passed its checks. `request_id` tags the task in metadata
        (key `bu_request_id`) so an ambiguous failure (timeout, dropped connection, 5xx)
        is resolved by finding the task instead of creating a second one; False opts out.
        A string is your idempotency key: a task created with it within the re-attach
        window (`REATTACH_WINDOW`, among your newest 1000 tasks) is returned instead of a
        new one, after a restart too; the same key with another prompt raises InputError.
        `wait_for_slot=True` (default: the client's `wait_for_slot`) waits in the client's
        line, shared with its maps, while the account runs as many tasks as it may, instead
        of raising ConcurrencyLimitError: it tries again 1 s after a refusal, then after 2,
        4, 8 and every 10 s, at once when a task of the client's maps or `run()` calls ends.
        `timeout` is the HTTP timeout of each request.
        """
        queued = self._queued(wait_for_slot)
        spec = output_spec_for(output_type, options)
        rid = resolve_request_id(request_id)
        uploads = prepare_uploads(files)
        if uploads:
            named = options.get("included_file_names") or ()
            options["included_file_names"] = [*named, *(upload.name for upload in uploads)]
        body = build_run_task_body(task, request_id=rid, **options)
        if isinstance(request_id, str) and rid is not None:  # the caller's key: look first
            earlier = self._creation.earlier_task(rid, task, timeout)
            if earlier is not None:
                return TaskHandle(self, earlier, context=self._context, output=spec)
        for upload in uploads:
            send_upload(self._http, upload, timeout)

        def send() -> str:
            return self._creation.send_or_stop(
                body, rid, timeout, lambda task_id: self.stop(task_id, timeout=timeout)
            )

        if queued:
            task_id = self._context.slots.create(send)
            self._context.slots.release()  # its end is not followed here: the line probes for room
        else:
            task_id = send()
        self._http.hooks.task_status(task_id, TaskStatus.CREATED)
        return TaskHandle(self, task_id, context=self._context, output=spec, created_at=_clock())

    def _queued(self, wait_for_slot: bool | None) -> bool:
        if wait_for_slot is None:
            return self._context.wait_for_slot
        if not isinstance(wait_for_slot, bool):
            raise InputError(
                f"wait_for_slot must be True, False or None (the client's default), "
                f"got {wait_for_slot!r}"
            )
        return wait_for_slot

    @takes_extras(body=False)
    def find_by_request_id(
        self,
        request_id: str,
        *,
        since: dt.datetime | None = None,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> str | None:
        """The id of the task created with `request_id`, or None if none is found.

        Reads the task list newest first, back to tasks created before `since` (default:
        the re-attach window, `REATTACH_WINDOW`, plus a few minutes of clock skew), at most
        1000 tasks.
        """
        check_id("request_id", request_id)
        if since is not None and (not isinstance(since, dt.datetime) or since.tzinfo is None):
            raise InputError(f"since must be a timezone-aware datetime, got {since!r}")
        start = wall_clock() - REATTACH_WINDOW if since is None else since
        return (self._creation.search(request_id, start, timeout)).task_id(request_id)

    # -- run ------------------------------------------------------------------------------

    @overload
    def run(
        self,
        task: str,
        *,
        output_type: type[T],
        files: Sequence[FileSource] = ...,
        wait_timeout: float | None = ...,
        on_timeout: OnTimeout = ...,
        on_step: StepCallback | None = ...,
        request_id: bool | str = ...,
        wait_for_slot: bool | None = ...,
        timeout: RequestTimeout = ...,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> TaskResult[T]: ...

    @overload
    def run(
        self,
        task: str,
        *,
        output_type: Mapping[str, Any],
        files: Sequence[FileSource] = ...,
        wait_timeout: float | None = ...,
        on_timeout: OnTimeout = ...,
        on_step: StepCallback | None = ...,
        request_id: bool | str = ...,
        wait_for_slot: bool | None = ...,
        timeout: RequestTimeout = ...,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> TaskResult[Any]: ...

    @overload
    def run(
        self,
        task: str,
        *,
        output_type: None = ...,
        files: Sequence[FileSource] = ...,
        wait_timeout: float | None = ...,
        on_timeout: OnTimeout = ...,
        on_step: StepCallback | None = ...,
        request_id: bool | str = ...,
        wait_for_slot: bool | None = ...,
        timeout: RequestTimeout = ...,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> TaskResult[None]: ...

    @takes_extras()
    def run(
        self,
        task: str,
        *,
        output_type: type[Any] | Mapping[str, Any] | None = None,
        files: Sequence[FileSource] = (),
        wait_timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_timeout: OnTimeout = "raise",
        on_step: StepCallback | None = None,
        request_id: bool | str = True,
        wait_for_slot: bool | None = None,
        timeout: RequestTimeout = None,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> TaskResult[Any]:
        """Upload `files`, create the task, wait for it and return the finished task.

        Every argument and file is checked before anything is uploaded or sent. Raises
        TaskFailedError / TaskStoppedError if it ends failed or stopped, and
        WaitTimeoutError after `wait_timeout` seconds (None: no limit), stopping it first
        if `on_timeout="stop"`. With `on_step`, each step is passed to the callback as it
        appears. `wait_for_slot` is `create()`'s: with it, the task holds its place in the
        client's line until the wait ends, so the next one in line starts at once.
        `timeout` is the HTTP timeout of each request.
        """
        check_on_timeout(on_timeout)
        check_wait_timeout(wait_timeout)
        queued = self._queued(wait_for_slot)
        handle = self.create(
            task,
            output_type=output_type,
            files=files,
            request_id=request_id,
            wait_for_slot=queued,
            timeout=timeout,
            **options,
        )
        if queued:
            self._context.slots.attached()  # counted as running until its wait ends
        try:
            return handle.wait(
                wait_timeout=wait_timeout, on_timeout=on_timeout, on_step=on_step, timeout=timeout
            )
        finally:
            if queued:
                self._context.slots.release()

    # -- by id ----------------------------------------------------------------------------

    def handle(self, task_id: str) -> TaskHandle[None]:
        """A handle for an existing task (no request is sent)."""
        return TaskHandle(self, _check_id(task_id), context=self._context)

    # -- follow ---------------------------------------------------------------------------

    @takes_extras(body=False)
    def wait(
        self,
        task_id: str,
        *,
        wait_timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_timeout: OnTimeout = "raise",
        on_step: StepCallback | None = None,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> TaskResult[None]:
        """Wait for a task to end and return it; see `TaskHandle.wait`."""
        return self.handle(task_id).wait(
            wait_timeout=wait_timeout, on_timeout=on_timeout, on_step=on_step, timeout=timeout
        )

    @takes_extras(body=False)
    def steps(
        self,
        task_id: str,
        *,
        wait_timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_timeout: OnTimeout = "raise",
        poll: PollPolicy | None = None,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> Iterator[TaskStep]:
        """Each step of a task once, in order, until it ends; see `TaskHandle.steps`."""
        return self.handle(task_id).steps(
            wait_timeout=wait_timeout, on_timeout=on_timeout, poll=poll, timeout=timeout
        )


def _check_id(task_id: str) -> str:
    return check_id("task_id", task_id)
