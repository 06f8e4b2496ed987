"""A task being run (`AsyncTaskHandle`): waiting for it, following its steps and
controlling it, until it ends.

Decisions live in pure modules: `_policies.polling` (when to poll), `_policies.step_stream`
(which steps to yield), `_input.structured_output` (output parsing).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Generic, Literal, NoReturn, TypeVar, Unpack, cast, overload

from .._concurrency.shield import AsyncShield
from .._config import RequestTimeout
from .._exceptions import APIError
from .._input.download_target import Destination
from .._input.follow_options import (
    DEFAULT_WAIT_TIMEOUT,
    OnTimeout,
    StepCallback,
    check_on_timeout,
    check_poll,
    check_wait_timeout,
)
from .._input.structured_output import OutputSpec, TaskResult, with_parsed
from .._models import Task, TaskMedia, TaskStatus, TaskStep, TaskSummary
from .._policies.polling import PollPolicy, PollSchedule
from .._policies.step_stream import StepTracker
from .._policies.task_end import task_outcome, timeout_error
from .._policies.watch_plan import worth_riding_out
from .._transport.request_extras import RequestExtras, takes_extras
from ._http import sleep
from ._task_creation import stop_interrupted

if TYPE_CHECKING:
    from ._context import AsyncContext
    from ._task_calls import AsyncTaskCalls
    from ._watcher import AsyncWatcher

T = TypeVar("T")


def _clock() -> float:
    return time.monotonic()


class AsyncTaskHandle(Generic[T]):
    """A task being run: its `id`, and ways to wait for it, follow it and control it."""

    def __init__(
        self,
        tasks: AsyncTaskCalls,
        task_id: str,
        *,
        context: AsyncContext,
        output: OutputSpec[T] | None = None,
        created_at: float | None = None,
    ) -> None:
        self.id = task_id
        self._tasks = tasks
        self._context = context
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
        check_on_timeout(on_timeout)
        check_wait_timeout(wait_timeout)
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
        check_on_timeout(on_timeout)
        check_wait_timeout(wait_timeout)
        check_poll(poll)
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
                await give_up(self._tasks, self.id, last, on_timeout, timeout)

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
            note = await stop_interrupted(self.id, lambda: self.stop(timeout=timeout))
            interruption.add_note(note)

    async def _watch_until_done(
        self, wait_timeout: float | None, on_timeout: OnTimeout, timeout: RequestTimeout
    ) -> Task:
        return await follow_to_end(
            self._tasks,
            self._context.watcher,
            self.id,
            policy=self.wait_policy,
            created_at=self._created_at,
            wait_timeout=wait_timeout,
            on_timeout=on_timeout,
            timeout=timeout,
        )

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

    def _result(self, task: Task) -> TaskResult[T]:
        outcome = task_outcome(task, self._output)
        if outcome.error is not None:
            raise outcome.error
        return cast(TaskResult[T], with_parsed(task, outcome.parsed))


@overload
async def follow_to_end(
    tasks: AsyncTaskCalls,
    watcher: AsyncWatcher,
    task_id: str,
    *,
    policy: PollPolicy,
    created_at: float | None,
    wait_timeout: float | None,
    on_timeout: OnTimeout,
    timeout: RequestTimeout,
    many: Literal[False] = False,
) -> Task: ...


@overload
async def follow_to_end(
    tasks: AsyncTaskCalls,
    watcher: AsyncWatcher,
    task_id: str,
    *,
    policy: PollPolicy,
    created_at: float | None,
    wait_timeout: float | None,
    on_timeout: OnTimeout,
    timeout: RequestTimeout,
    many: Literal[True],
) -> Task | TaskSummary: ...


async def follow_to_end(
    tasks: AsyncTaskCalls,
    watcher: AsyncWatcher,
    task_id: str,
    *,
    policy: PollPolicy,
    created_at: float | None,
    wait_timeout: float | None,
    on_timeout: OnTimeout,
    timeout: RequestTimeout,
    many: bool = False,
) -> Task | TaskSummary:
    """Follow a task to its end through the client's `watcher` and return its view there
    (`wait()`, `run()` and `tasks.map()`): the full task, fetched once it is seen ended.

    `created_at` is the monotonic time this client created it (None: made elsewhere).
    After `wait_timeout` seconds it gives up (`give_up`: stopping it first with
    `on_timeout="stop"`), unless a last look at its status shows it ended. `many` (a map's
    tasks): it is checked more often while the request budget is idle, and the task
    list's item, when that shows the end, is returned instead of fetching the full task.
    """
    deadline = None if wait_timeout is None else _clock() + float(wait_timeout)
    recheck = False
    while True:
        entry = await watcher.watch(
            task_id,
            policy=policy,
            created_at=created_at,
            deadline=deadline,
            timeout=timeout,
            recheck=recheck,
            eager=many,
        )
        if entry.error is not None:
            raise entry.error
        if not entry.resolved:
            # A deadline before the first check (wait_timeout under a second): look once.
            last = entry.status or await _status_if_known(tasks, task_id, timeout)
            if last is None or not last.is_terminal:
                await give_up(tasks, task_id, last, on_timeout, timeout)
        if many and entry.summary is not None and entry.summary.status.is_terminal:
            return entry.summary
        task = await tasks.get(task_id, timeout=timeout)
        if task.status.is_terminal:
            return task
        recheck = True  # the status was ahead of the full view: keep watching


async def give_up(
    tasks: AsyncTaskCalls,
    task_id: str,
    last: TaskStatus | None,
    on_timeout: OnTimeout,
    timeout: RequestTimeout,
) -> NoReturn:
    """A follow ran out of time: stop the task if `on_timeout="stop"`, then raise
    WaitTimeoutError (saying its `last` status seen and whether it was stopped)."""
    if on_timeout != "stop":
        raise timeout_error(task_id, last)
    failure: APIError | None = None
    try:
        await tasks.stop(task_id, timeout=timeout)
    except APIError as exc:
        failure = exc
    raise timeout_error(task_id, last, stopped=failure is None, stop_failure=failure)


async def _status_if_known(
    tasks: AsyncTaskCalls, task_id: str, timeout: RequestTimeout
) -> TaskStatus | None:
    """The task's status now, or None if it cannot be had."""
    try:
        return await tasks.status(task_id, timeout=timeout)
    except APIError:
        return None
