"""Tasks: create (without duplicates), wait, stream steps, control, media and output files.

Decisions live in pure modules: `_task_input` (arguments), `_polling` (when to poll),
`_steps` (which steps to yield) and `_structured_output` (output parsing).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import time
from collections.abc import AsyncIterator, Callable, Collection, Iterable, Mapping, Sequence
from operator import attrgetter
from typing import (
    IO,
    TYPE_CHECKING,
    Any,
    Generic,
    Literal,
    TypeVar,
    Unpack,
    cast,
    overload,
)

from browser_use_cloud_api.api.tasks import (
    get_task,
    get_task_gif,
    get_task_media,
    get_task_output_file,
    get_task_screenshots,
    get_task_status,
    list_tasks,
    pause_task,
    resume_task,
    run_task,
    stop_task,
)
from browser_use_cloud_api.models import RunTaskRequest

from .._concurrency.shield import AsyncShield
from .._concurrency.signals import AsyncGuard
from .._config import RequestTimeout
from .._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    InputError,
    InternalServerError,
    StructuredOutputError,
    TaskCreationUnconfirmedError,
    TaskFailedError,
    TaskStoppedError,
    WaitTimeoutError,
)
from .._input.call_options import TaskOptionsWithExtras
from .._input.download_target import download_path, replacing
from .._input.structured_output import OutputSpec, TaskResult, with_parsed
from .._input.task_input import build_run_task_body, resolve_request_id
from .._input.upload import FileSource, Upload, prepare_upload
from .._input.validate import check_id
from .._models import (
    Page,
    Task,
    TaskMedia,
    TaskStatus,
    TaskStep,
    TaskSummary,
    parse_page,
    parse_task,
    parse_task_media,
    parse_task_summary,
)
from .._policies.map_plan import DEFAULT_MAP_CONCURRENCY, MapResult
from .._policies.page_walk import MAX_PAGE_SIZE, PageWalk, check_page_args
from .._policies.polling import STREAM_POLICY, WAIT_POLICY, PollPolicy, PollSchedule
from .._policies.request_id_search import REATTACH_WINDOW, RequestIdSearch
from .._policies.retry import AttemptCount, answered_by_server
from .._policies.step_stream import StepTracker
from .._policies.watch_plan import TRANSIENT_ERRORS, worth_riding_out
from .._spec.options import TaskOptions
from .._transport.failures import never_sent
from .._transport.log import logger
from .._transport.operation import body_op
from .._transport.request_extras import RequestExtras, takes_extras
from ._http import sleep
from ._resource import AsyncAPIResource

if TYPE_CHECKING:
    from .._webhooks.events import WebhookEvent
    from ._client import AsyncBrowserUse
    from ._map import AsyncTaskMap
    from ._slots import AsyncSlots
    from ._watcher import AsyncWatcher

T = TypeVar("T")
OnTimeout = Literal["raise", "stop"]
StepCallback = Callable[[TaskStep], object]
Destination = str | os.PathLike[str] | IO[bytes]

DEFAULT_WAIT_TIMEOUT = 30 * 60.0
"""Default `wait_timeout`: seconds `wait()`, `run()` and `steps()` follow a task before
giving up; None means no limit."""
CREATE_SETTLE = 2.0
"""Seconds after an unprovable run-task failure before the task list is read a second
time (a slow server may be creating it meanwhile); at most the retry policy's `max_delay`."""
INTERRUPT_STOP_GRACE = 10.0
"""Seconds an interrupted `create`, `run`, `wait` or `steps` spends stopping its task."""

_AMBIGUOUS = (APIConnectionError, InternalServerError, APIResponseValidationError)


def _clock() -> float:
    return time.monotonic()


def _wall_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _status(body: Any) -> TaskStatus:
    if not isinstance(body, str):
        raise TypeError(f"expected a status string, got {type(body).__name__}")
    return TaskStatus(body)


def _text(name: str) -> Callable[[Any], str]:
    def parse(body: Any) -> str:
        value = body[name]
        if not isinstance(value, str):
            raise TypeError(f"expected {name} to be a string, got {type(value).__name__}")
        return value

    return parse


def _optional_text(name: str) -> Callable[[Any], str | None]:
    required = _text(name)

    def parse(body: Any) -> str | None:
        return None if body[name] is None else required(body)

    return parse


def _strings(name: str) -> Callable[[Any], tuple[str, ...] | None]:
    def parse(body: Any) -> tuple[str, ...] | None:
        value = body[name]
        return None if value is None else tuple(value)

    return parse


def _ignore(body: Any) -> None:
    return None


def _parse_task_page(body: Any) -> Page[TaskSummary]:
    return parse_page(body, "tasks", parse_task_summary)


_task_key = attrgetter("id")  # C-level getters: the page walk reads them for every item
_created_at = attrgetter("created_at")


class AsyncTasks(AsyncAPIResource):
    """`client.tasks`: run, follow and control agent tasks.

    Every method that sends a request takes `timeout=`, the HTTP timeout of each request.
    `wait()`, `run()` and `steps()` also take `wait_timeout=`, how long to follow the task.
    """

    def __init__(self, client: AsyncBrowserUse) -> None:
        super().__init__(client)
        self.wait_policy = WAIT_POLICY
        """Status-poll cadence of `wait()`; handles copy it when made."""
        self.stream_policy = STREAM_POLICY
        """Full-fetch cadence of `steps()` and `on_step` (see `STREAM_POLICY`); handles
        copy it when made, and `steps(poll=...)` overrides it for one stream."""
        self._watcher_: AsyncWatcher | None = None
        self._slots_: AsyncSlots | None = None
        self._watcher_guard = AsyncGuard()

    @property
    def _watcher(self) -> AsyncWatcher:
        """The one status watcher behind every wait of this client (made once, even when
        several threads ask for it first at the same time)."""
        if self._watcher_ is None:
            from ._watcher import AsyncWatcher

            with self._watcher_guard:
                if self._watcher_ is None:
                    self._watcher_ = AsyncWatcher(self, self._http.budget)
        return self._watcher_

    @property
    def _slots(self) -> AsyncSlots:
        """The line behind the account's concurrent-task limit (maps, `wait_for_slot`)."""
        if self._slots_ is None:
            from ._slots import AsyncSlots

            with self._watcher_guard:
                if self._slots_ is None:
                    self._slots_ = AsyncSlots(self._http.budget.rate)
        return self._slots_

    async def notify(self, event: WebhookEvent) -> None:
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
            await self._watcher.notify(event.task_id, str(event.status))
        else:
            await self._watcher.notify(None, None)

    # -- create ---------------------------------------------------------------------------

    @overload
    async def create(
        self,
        task: str,
        *,
        output_type: type[T],
        files: Sequence[FileSource] = ...,
        request_id: bool | str = ...,
        wait_for_slot: bool | None = ...,
        timeout: RequestTimeout = ...,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> AsyncTaskHandle[T]: ...

    @overload
    async def create(
        self,
        task: str,
        *,
        output_type: Mapping[str, Any],
        files: Sequence[FileSource] = ...,
        request_id: bool | str = ...,
        wait_for_slot: bool | None = ...,
        timeout: RequestTimeout = ...,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> AsyncTaskHandle[Any]: ...

    @overload
    async def create(
        self,
        task: str,
        *,
        output_type: None = ...,
        files: Sequence[FileSource] = ...,
        request_id: bool | str = ...,
        wait_for_slot: bool | None = ...,
        timeout: RequestTimeout = ...,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> AsyncTaskHandle[None]: ...

    @takes_extras()
    async def create(
        self,
        task: str,
        *,
        output_type: type[Any] | Mapping[str, Any] | None = None,
        files: Sequence[FileSource] = (),
        request_id: bool | str = True,
        wait_for_slot: bool | None = None,
        timeout: RequestTimeout = None,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> AsyncTaskHandle[Any]:
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
        spec = self._output_spec(output_type, options)
        rid = resolve_request_id(request_id)
        uploads = _prepare_files(files)
        if uploads:
            named = options.get("included_file_names") or ()
            options["included_file_names"] = [*named, *(upload.name for upload in uploads)]
        body = build_run_task_body(task, request_id=rid, **options)
        if isinstance(request_id, str) and rid is not None:  # the caller's key: look first
            earlier = await self._earlier_task(rid, task, timeout)
            if earlier is not None:
                return AsyncTaskHandle(self, earlier, output=spec)
        for upload in uploads:
            await self._client.files._send(upload, timeout)

        async def send() -> str:
            created: str = await AsyncShield.finish(
                lambda: self._send_run_task(body, rid, timeout),
                functools.partial(self._stop_interrupted, timeout=timeout),
            )
            return created

        if queued:
            task_id = await self._slots.create(send)
            self._slots.release()  # its end is not followed here: the line probes for room
        else:
            task_id = await send()
        self._http.hooks.task_status(task_id, TaskStatus.CREATED)
        return AsyncTaskHandle(self, task_id, output=spec, created_at=_clock())

    def _queued(self, wait_for_slot: bool | None) -> bool:
        if wait_for_slot is None:
            return self._http.wait_for_slot
        if not isinstance(wait_for_slot, bool):
            raise InputError(
                f"wait_for_slot must be True, False or None (the client's default), "
                f"got {wait_for_slot!r}"
            )
        return wait_for_slot

    @staticmethod
    def _output_spec(
        output_type: type[Any] | Mapping[str, Any] | None, options: TaskOptions
    ) -> OutputSpec[Any] | None:
        if output_type is None:
            return None
        if "structured_output_json" in options:
            raise InputError("pass either output_type or structured_output_json, not both")
        spec: OutputSpec[Any] = OutputSpec(output_type)
        options["structured_output_json"] = spec.schema_json
        return spec

    async def _send_run_task(
        self, body: dict[str, Any], rid: str | None, timeout: RequestTimeout
    ) -> str:
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
        sent_at = _wall_clock()
        attempts = AttemptCount()
        policy = self._http.policy
        while True:
            try:
                return await self._http.call(
                    op, _text("id"), retry="safe_post", timeout=timeout, attempts=attempts
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

    async def _stop_interrupted(self, task_id: str, *, timeout: RequestTimeout) -> str:
        """Stop the task of a call that was interrupted; say so in the log and the note
        returned (for the interruption: its id must not get lost)."""
        note = f"task {task_id} may still be running: the call that created it was interrupted"
        with AsyncShield.cleanup(INTERRUPT_STOP_GRACE):
            try:
                await self.stop(task_id, timeout=timeout)
            except APIError as exc:
                note += f" and stopping it failed ({type(exc).__name__})"
            else:
                note = f"task {task_id} was stopped: the call that created it was interrupted"
        logger.warning("%s", note)
        return note

    async def _look_up(
        self, rid: str, sent_at: dt.datetime, failure: APIError, timeout: RequestTimeout
    ) -> str | None:
        """The task tagged `rid`, None if provably none yet; TaskCreationUnconfirmedError
        if the list cannot be read far enough to tell."""
        try:
            search = await self._search(rid, sent_at, timeout)
        except TRANSIENT_ERRORS:
            search = None
        if search is None or not search.conclusive:
            raise _unconfirmed(rid, failure) from failure
        return search.found

    async def _search(
        self, request_id: str, since: dt.datetime, timeout: RequestTimeout
    ) -> RequestIdSearch:
        """Read the task list for the task tagged `request_id`, created after `since`."""
        search = RequestIdSearch(request_id, sent_at=since)
        while search.next_page is not None:
            page = await self.list(page=search.next_page, limit=search.page_size, timeout=timeout)
            search.feed(page)
        return search

    async def _earlier_task(
        self, request_id: str, task: str, timeout: RequestTimeout
    ) -> str | None:
        """The id of the task created with `request_id` within REATTACH_WINDOW, if any."""
        search = await self._search(request_id, _wall_clock() - REATTACH_WINDOW, timeout)
        found = search.found_item
        if found is None:
            return None
        if found.task != task:
            raise InputError(
                f"request_id {request_id!r} already belongs to task {found.id}, created for "
                "another prompt; use a new request_id for a new task, or "
                f"tasks.handle({found.id!r}) to follow that one"
            )
        return found.id

    @takes_extras(body=False)
    async def find_by_request_id(
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
        start = _wall_clock() - REATTACH_WINDOW if since is None else since
        return (await self._search(request_id, start, timeout)).found

    # -- run ------------------------------------------------------------------------------

    @overload
    async def run(
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
    async def run(
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
    async def run(
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
    async def run(
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
        _check_on_timeout(on_timeout)
        _check_wait_timeout(wait_timeout)
        queued = self._queued(wait_for_slot)
        handle = await self.create(
            task,
            output_type=output_type,
            files=files,
            request_id=request_id,
            wait_for_slot=queued,
            timeout=timeout,
            **options,
        )
        if queued:
            self._slots.attached()  # counted as running until its wait ends
        try:
            return await handle.wait(
                wait_timeout=wait_timeout, on_timeout=on_timeout, on_step=on_step, timeout=timeout
            )
        finally:
            if queued:
                self._slots.release()

    # -- many ---------------------------------------------------------------------------

    @takes_extras()
    async def map(
        self,
        inputs: Iterable[str | Mapping[str, Any]],
        *,
        concurrency: int = DEFAULT_MAP_CONCURRENCY,
        output_type: type[Any] | Mapping[str, Any] | None = None,
        wait_timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_timeout: OnTimeout = "stop",
        timeout: RequestTimeout = None,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> list[MapResult[Any]]:
        """Run a task per input, `concurrency` at a time; return the results in input order.

        An input is a task text or a dict of `task` and task options (overriding
        `options`); all are checked before anything is sent. Each result carries its
        index, task id, status, output (`parsed` with `output_type`), `error` (an input's
        failure is its result, never an exception) and timings. Every task is tagged with a
        request id derived from its input, so running the same inputs again within the
        re-attach window (`REATTACH_WINDOW`) re-attaches to their tasks instead of paying
        twice (a task that was stopped runs again). A refusal for too many running tasks
        queues the input until one of the map's tasks ends. `wait_timeout` bounds each
        task's run; `on_timeout="stop"` stops a task that overruns it. `timeout` is the
        HTTP timeout of each request.
        """
        results = [
            r
            async for r in self.map_as_completed(
                inputs,
                concurrency=concurrency,
                output_type=output_type,
                wait_timeout=wait_timeout,
                on_timeout=on_timeout,
                timeout=timeout,
                **options,
            )
        ]
        return sorted(results, key=_input_index)

    @takes_extras()
    def map_as_completed(
        self,
        inputs: Iterable[str | Mapping[str, Any]],
        *,
        concurrency: int = DEFAULT_MAP_CONCURRENCY,
        output_type: type[Any] | Mapping[str, Any] | None = None,
        wait_timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_timeout: OnTimeout = "stop",
        timeout: RequestTimeout = None,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> AsyncIterator[MapResult[Any]]:
        """`map()`, yielding each result as its task ends. Stopping the iteration early
        (break, an exception, Ctrl-C) stops the tasks still running."""
        return self._map(
            inputs,
            concurrency=concurrency,
            output_type=output_type,
            wait_timeout=wait_timeout,
            on_timeout=on_timeout,
            timeout=timeout,
            options=options,
        ).results()

    def _map(
        self,
        inputs: Iterable[str | Mapping[str, Any]],
        *,
        concurrency: int,
        output_type: type[Any] | Mapping[str, Any] | None,
        wait_timeout: float | None,
        on_timeout: OnTimeout,
        timeout: RequestTimeout,
        options: TaskOptions,
        keys: Sequence[str | None] | None = None,
        names: Sequence[str] | None = None,
        skip: Collection[str] = (),
        since: dt.datetime | None = None,
    ) -> AsyncTaskMap:
        """Check everything, then build the map run (nothing is sent yet). `keys` and
        `names` are the batch command's input ids and line names, `skip` the request ids
        it has results for; `since` how far back to look for tasks of earlier runs."""
        from .._policies.map_plan import check_map_call, prepare
        from ._map import AsyncTaskMap

        check_map_call(inputs, options)
        _check_on_timeout(on_timeout)
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise InputError(f"concurrency must be an integer >= 1, got {concurrency!r}")
        _check_wait_timeout(wait_timeout)
        spec = self._output_spec(output_type, options)
        items = prepare(inputs, options, keys=keys, names=names)
        if skip:
            items = [item for item in items if item.request_id not in skip]
        return AsyncTaskMap(
            self,
            items,
            output=spec,
            concurrency=concurrency,
            wait_timeout=wait_timeout,
            on_timeout=on_timeout,
            timeout=timeout,
            since=since if since is not None else _wall_clock() - REATTACH_WINDOW,
        )

    # -- by id ----------------------------------------------------------------------------

    def handle(self, task_id: str) -> AsyncTaskHandle[None]:
        """A handle for an existing task (no request is sent)."""
        return AsyncTaskHandle(self, _check_id(task_id))

    @takes_extras(body=False)
    async def get(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> Task:
        """The full task, with its steps."""
        op = get_task._get_kwargs(_check_id(task_id))
        task = await self._http.call(op, parse_task, retry="idempotent", timeout=timeout)
        self._http.hooks.task_status(task.id, task.status)
        return task

    @takes_extras(body=False)
    async def status(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> TaskStatus:
        """Just the status (a cheap request)."""
        op = get_task_status._get_kwargs(task_id := _check_id(task_id))
        status = await self._http.call(op, _status, retry="idempotent", timeout=timeout)
        self._http.hooks.task_status(task_id, status)
        return status

    @takes_extras(body=False)
    async def list(
        self,
        *,
        page: int = 1,
        limit: int = 10,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> Page[TaskSummary]:
        """One page of tasks, newest first (`limit` at most 100)."""
        check_page_args(page, limit)
        op = list_tasks._get_kwargs(page=page, limit=limit)
        return await self._http.call(op, _parse_task_page, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    def iter(
        self,
        *,
        max_items: int | None = None,
        page_size: int = MAX_PAGE_SIZE,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> AsyncIterator[TaskSummary]:
        """Every task, newest first, each once (even while new tasks shift the pages)."""
        walk: PageWalk[TaskSummary] = PageWalk(
            _task_key, page_size=page_size, max_items=max_items, order_key=_created_at
        )
        return self._paginate(self.list, walk, timeout)

    @takes_extras()
    async def stop(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> None:
        """Stop a task for good (it cannot be resumed)."""
        await self._control(stop_task, task_id, timeout)

    @takes_extras()
    async def pause(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> None:
        """Pause a running task; `resume()` continues it."""
        await self._control(pause_task, task_id, timeout)

    @takes_extras()
    async def resume(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> None:
        """Resume a paused task."""
        await self._control(resume_task, task_id, timeout)

    async def _control(self, module: Any, task_id: str, timeout: RequestTimeout) -> None:
        op = module._get_kwargs(task_id=_check_id(task_id))
        await self._http.call(op, _ignore, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    async def media(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> TaskMedia:
        """Recording URLs (available once the task has finished)."""
        op = get_task_media._get_kwargs(_check_id(task_id))
        return await self._http.call(op, parse_task_media, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    async def screenshots(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> tuple[str, ...] | None:
        """Screenshot URLs taken during the task."""
        op = get_task_screenshots._get_kwargs(_check_id(task_id))
        parse = _strings("screenshots")
        return await self._http.call(op, parse, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    async def gif(
        self, task_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> str | None:
        """URL of an animated GIF of the screenshots, if there is one."""
        op = get_task_gif._get_kwargs(_check_id(task_id))
        parse = _optional_text("gif")
        return await self._http.call(op, parse, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    async def output_file(
        self,
        task_id: str,
        file_name: str,
        *,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> str:
        """A presigned URL to download one of the task's output files."""
        op = get_task_output_file._get_kwargs(_check_id(task_id), check_id("file_name", file_name))
        parse = _text("download_url")
        return await self._http.call(op, parse, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    async def download_output_file(
        self,
        task_id: str,
        file_name: str,
        destination: Destination,
        *,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> int:
        """Stream an output file to a path, a folder or a binary file object; return the
        byte count.

        The presigned URL is fetched without the API key and without following
        redirects. A folder keeps the file under `file_name`'s last part. A path is
        written through a new temporary file with a random name beside it (readable by
        you only), renamed over the path once complete and removed if the download fails;
        a failed attempt is retried from the start while nothing has reached a file object.
        """
        target = None
        if isinstance(destination, str | os.PathLike):
            target = download_path(os.fspath(destination), file_name)
        url = await self.output_file(task_id, file_name, timeout=timeout)
        if target is None:
            sink = cast(IO[bytes], destination)
            return await self._http.download(url, sink, restartable=False, timeout=timeout)
        with replacing(target) as sink:
            return await self._http.download(url, sink, restartable=True, timeout=timeout)

    # -- follow ---------------------------------------------------------------------------

    @takes_extras(body=False)
    async def wait(
        self,
        task_id: str,
        *,
        wait_timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_timeout: OnTimeout = "raise",
        on_step: StepCallback | None = None,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> TaskResult[None]:
        """Wait for a task to end and return it; see `AsyncTaskHandle.wait`."""
        return await self.handle(task_id).wait(
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
    ) -> AsyncIterator[TaskStep]:
        """Each step of a task once, in order, until it ends; see `AsyncTaskHandle.steps`."""
        return self.handle(task_id).steps(
            wait_timeout=wait_timeout, on_timeout=on_timeout, poll=poll, timeout=timeout
        )


class AsyncTaskHandle(Generic[T]):
    """A task being run: its `id`, and ways to wait for it, follow it and control it."""

    def __init__(
        self,
        tasks: AsyncTasks,
        task_id: str,
        *,
        output: OutputSpec[T] | None = None,
        created_at: float | None = None,
    ) -> None:
        self.id = task_id
        self._tasks = tasks
        self._output = output
        self._created_at = created_at
        self._last: Task | None = None
        self.wait_policy = tasks.wait_policy
        self.stream_policy = tasks.stream_policy

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={self.id!r})"

    @takes_extras(body=False)
    async def status(
        self, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> TaskStatus:
        """The task's status now (a cheap request)."""
        return await self._tasks.status(self.id, timeout=timeout)

    @takes_extras(body=False)
    async def get(self, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]) -> Task:
        """The full task now, with its steps."""
        return await self._tasks.get(self.id, timeout=timeout)

    @takes_extras()
    async def stop(
        self, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> None:
        """Stop the task for good (it cannot be resumed)."""
        await self._tasks.stop(self.id, timeout=timeout)

    @takes_extras()
    async def pause(
        self, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> None:
        """Pause the task; `resume()` continues it."""
        await self._tasks.pause(self.id, timeout=timeout)

    @takes_extras()
    async def resume(
        self, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> None:
        """Resume the paused task."""
        await self._tasks.resume(self.id, timeout=timeout)

    @takes_extras(body=False)
    async def media(
        self, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> TaskMedia:
        """Recording URLs (available once the task has finished)."""
        return await self._tasks.media(self.id, timeout=timeout)

    @takes_extras(body=False)
    async def screenshots(
        self, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> tuple[str, ...] | None:
        """Screenshot URLs taken during the task."""
        return await self._tasks.screenshots(self.id, timeout=timeout)

    @takes_extras(body=False)
    async def gif(
        self, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> str | None:
        """URL of an animated GIF of the screenshots, if there is one."""
        return await self._tasks.gif(self.id, timeout=timeout)

    @takes_extras(body=False)
    async def output_file(
        self, file_name: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> str:
        """A presigned URL to download one of the task's output files."""
        return await self._tasks.output_file(self.id, file_name, timeout=timeout)

    @takes_extras(body=False)
    async def download_output_file(
        self,
        file_name: str,
        destination: Destination,
        *,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> int:
        """Stream an output file to a path, folder or binary file object; return the byte
        count (see `AsyncTasks.download_output_file`)."""
        return await self._tasks.download_output_file(
            self.id, file_name, destination, timeout=timeout
        )

    @takes_extras(body=False)
    async def wait(
        self,
        *,
        wait_timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_timeout: OnTimeout = "raise",
        on_step: StepCallback | None = None,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> TaskResult[T]:
        """Wait until the task ends and return it (parsed, if `output_type` was given).

        Polls the cheap status endpoint (quickly at first, then less often) and fetches
        the full task once at the end (no request at all after `steps()` ran to the end);
        with `on_step` it follows the steps instead.
        `paused` and unknown statuses are not an end. Raises TaskFailedError or
        TaskStoppedError, StructuredOutputError if the output does not parse, and
        WaitTimeoutError after `wait_timeout` seconds (None: no limit), stopping the task
        first when `on_timeout="stop"`. `timeout` is the HTTP timeout of each request.
        """
        _check_on_timeout(on_timeout)
        _check_wait_timeout(wait_timeout)
        if self._last is not None:  # a finished `steps()` already fetched the final task
            task = self._last
        elif on_step is not None:
            task = await self._follow(wait_timeout, on_timeout, on_step, timeout)
        else:
            task = await self._wait_until_done(wait_timeout, on_timeout, timeout)
        return self._result(task)

    @takes_extras(body=False)
    def steps(
        self,
        *,
        wait_timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_timeout: OnTimeout = "raise",
        poll: PollPolicy | None = None,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> AsyncIterator[TaskStep]:
        """Yield each step once, in order, until the task ends (after its last steps).

        Fetches the full task a second after creation and every second while steps keep
        coming, easing to every 2.5 s as the task ages, and less often while no new step
        appears (for example while paused); `poll` sets another cadence. Raises
        WaitTimeoutError after `wait_timeout` seconds (None: no limit), stopping the
        task first when `on_timeout="stop"`. `timeout` is the HTTP timeout of each request.
        """
        _check_on_timeout(on_timeout)
        _check_wait_timeout(wait_timeout)
        if poll is not None and not isinstance(poll, PollPolicy):
            raise InputError(f"poll must be a PollPolicy or None, got {poll!r}")
        return self._stream(wait_timeout, on_timeout, timeout, poll or self.stream_policy)

    async def _stream(
        self,
        wait_timeout: float | None,
        on_timeout: OnTimeout,
        timeout: RequestTimeout,
        policy: PollPolicy,
    ) -> AsyncIterator[TaskStep]:
        try:
            async for step in self._poll_steps(wait_timeout, on_timeout, timeout, policy):
                yield step
        except AsyncShield.interruptions() as exc:
            await self._stop_if_created_here(exc, timeout)
            raise

    async def _poll_steps(
        self,
        wait_timeout: float | None,
        on_timeout: OnTimeout,
        timeout: RequestTimeout,
        policy: PollPolicy,
    ) -> AsyncIterator[TaskStep]:
        tracker: StepTracker[TaskStep] = StepTracker()
        schedule = self._schedule(policy, wait_timeout)
        delay: float | None = schedule.first_delay(_clock())
        failures = 0
        last: TaskStatus | None = None
        while True:
            if delay:
                await sleep(delay)
            try:
                task = await self.get(timeout=timeout)
            except APIError as exc:
                failures = self._absorb(exc, failures)
                delay = schedule.after_poll(_clock(), progressed=False)
            else:
                failures = 0
                final = task.status.is_terminal
                new = tracker.feed(task.steps, final=final)
                for step in new:
                    yield step
                if final:
                    self._last = task
                    return
                progressed = bool(new) or task.status != last
                last = task.status
                delay = schedule.after_poll(_clock(), progressed=progressed)
            if delay is None:
                await self._timed_out(last, on_timeout, timeout)

    async def _follow(
        self,
        wait_timeout: float | None,
        on_timeout: OnTimeout,
        on_step: StepCallback,
        timeout: RequestTimeout,
    ) -> Task:
        async for step in self._stream(wait_timeout, on_timeout, timeout, self.stream_policy):
            on_step(step)
        assert self._last is not None
        return self._last

    async def _wait_until_done(
        self, wait_timeout: float | None, on_timeout: OnTimeout, timeout: RequestTimeout
    ) -> Task:
        try:
            return await self._watch_until_done(wait_timeout, on_timeout, timeout)
        except AsyncShield.interruptions() as exc:
            await self._stop_if_created_here(exc, timeout)
            raise

    async def _stop_if_created_here(
        self, interruption: BaseException, timeout: RequestTimeout
    ) -> None:
        """Waiting was interrupted: stop the task if this handle's `create` made it (a task
        only followed here is left alone)."""
        if self._created_at is not None:
            interruption.add_note(await self._tasks._stop_interrupted(self.id, timeout=timeout))

    async def _watch_until_done(
        self, wait_timeout: float | None, on_timeout: OnTimeout, timeout: RequestTimeout
    ) -> Task:
        """Wait through the client's watcher, then fetch the full task once."""
        deadline = None if wait_timeout is None else _clock() + float(wait_timeout)
        recheck = False
        while True:
            entry = await self._tasks._watcher.watch(
                self.id,
                policy=self.wait_policy,
                created_at=self._created_at,
                deadline=deadline,
                timeout=timeout,
                recheck=recheck,
            )
            if entry.error is not None:
                raise entry.error
            if not entry.resolved:
                # A deadline before the first check (wait_timeout under a second): look once.
                last = entry.status or await self._status_if_known(timeout)
                if last is None or not last.is_terminal:
                    await self._timed_out(last, on_timeout, timeout)
            task = await self.get(timeout=timeout)
            if task.status.is_terminal:
                return task
            recheck = True  # the status was ahead of the full view: keep watching

    async def _status_if_known(self, timeout: RequestTimeout) -> TaskStatus | None:
        """The task's status now, or None if it cannot be had."""
        try:
            return await self.status(timeout=timeout)
        except APIError:
            return None

    def _schedule(self, policy: PollPolicy, wait_timeout: float | None) -> PollSchedule:
        """Polls start `initial` after creation (or now, for a task made elsewhere)."""
        now = _clock()
        deadline = None if wait_timeout is None else now + float(wait_timeout)
        start = now - policy.initial if self._created_at is None else self._created_at
        return PollSchedule(policy, start=start, deadline=deadline)

    def _absorb(self, exc: APIError, failures: int) -> int:
        """Count a polling error that is worth riding out; re-raise any other."""
        age = None if self._created_at is None else _clock() - self._created_at
        if not worth_riding_out(exc, age=age, failures=failures):
            raise exc
        return failures + 1

    async def _timed_out(
        self, last: TaskStatus | None, on_timeout: OnTimeout, timeout: RequestTimeout
    ) -> None:
        if last == TaskStatus.PAUSED:
            outcome = "it is paused (resume() continues it, stop() ends it)"
        elif last == TaskStatus.RUNNING:
            outcome = "it is still running"
        else:
            outcome = "it has not ended"
        stopped = False
        if on_timeout == "stop":
            try:
                await self.stop(timeout=timeout)
            except APIError as exc:
                outcome = f"stopping it failed ({type(exc).__name__})"
            else:
                outcome, stopped = "it was stopped", True
        raise WaitTimeoutError(
            f"task {self.id} did not end in time (last status: {last or 'unknown'}); {outcome}",
            task_id=self.id,
            last_status=str(last or "unknown"),
            stopped=stopped,
        )

    def _result(self, task: Task) -> TaskResult[T]:
        if task.status == TaskStatus.FAILED:
            raise TaskFailedError(
                f"task {task.id} failed", task_id=task.id, status=task.status, task=task
            )
        if task.status == TaskStatus.STOPPED:
            raise TaskStoppedError(
                f"task {task.id} was stopped", task_id=task.id, status=task.status, task=task
            )
        if self._output is None:
            return cast(TaskResult[T], with_parsed(task, None))
        try:
            parsed = self._output.parse(task.output)
        except StructuredOutputError as exc:
            exc.task_id, exc.task = task.id, task  # the billed run stays reachable
            raise
        return with_parsed(task, parsed)


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


def _prepare_files(files: Sequence[FileSource]) -> list[Upload]:
    """Check every file to upload (name, type, size) before any is sent."""
    if isinstance(files, str | bytes | os.PathLike):
        raise InputError("files must be a list of paths, bytes or file objects, e.g. [path]")
    return [prepare_upload(source) for source in files]


def _input_index(result: MapResult[Any]) -> int:
    return result.index


def _check_id(task_id: str) -> str:
    return check_id("task_id", task_id)


def _check_wait_timeout(wait_timeout: float | None) -> None:
    if wait_timeout is None:
        return
    if (
        isinstance(wait_timeout, bool)
        or not isinstance(wait_timeout, int | float)
        or not wait_timeout >= 0
    ):
        raise InputError(
            f"wait_timeout must be a number of seconds >= 0 or None, got {wait_timeout!r}"
        )


def _check_on_timeout(on_timeout: str) -> None:
    if on_timeout not in ("raise", "stop"):
        raise InputError(f"on_timeout must be 'raise' or 'stop', got {on_timeout!r}")
