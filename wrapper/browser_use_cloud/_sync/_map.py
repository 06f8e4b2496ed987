# Generated from _async/_map.py by scripts/unasync.py. Do not edit.
"""`tasks.map()`: many inputs, a few tasks at a time, each input's outcome as its result.

The decisions are in `_policies/map_plan.py` (inputs, request ids, queueing), re-attaching in
`_policies/request_id_search.py`; each task is followed by the handle's `follow_to_end()`,
through the client's one watcher.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import time
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING, Any, Literal

from .._concurrency.pool import Pool, PoolClosed
from .._concurrency.signals import Guard, Signal
from .._config import RequestTimeout
from .._exceptions import APIError, BrowserUseError, ClientClosedError, WaitTimeoutError
from .._models import Task, TaskStatus, TaskSummary
from .._policies.map_plan import MapItem, MapResult
from .._policies.request_id_search import REATTACH_MAX_PAGES, RequestIdSearch
from .._policies.task_end import task_outcome
from ._slots import LeftTheLine
from ._task_handle import follow_to_end

if TYPE_CHECKING:
    from .._input.structured_output import OutputSpec
    from ._context import Context
    from ._task_calls import TaskCalls
    from ._task_creation import TaskCreation

View = Task | TaskSummary
SETTLE_SECONDS = 30.0
"""How long closing a map waits for run-task requests already sent (to stop their tasks)."""


class _MapClosed(BrowserUseError):
    """The map was closed before this input's task was created (its result says so)."""


def _clock() -> float:
    return time.monotonic()


class TaskMap:
    """One run of `tasks.map()` over checked inputs; `results()` yields as they complete."""

    def __init__(
        self,
        tasks: TaskCalls,
        context: Context,
        creation: TaskCreation,
        items: list[MapItem],
        *,
        output: OutputSpec[Any] | None,
        concurrency: int,
        wait_timeout: float | None,
        on_timeout: Literal["raise", "stop"],
        timeout: RequestTimeout,
        since: dt.datetime | None,
    ) -> None:
        self._tasks = tasks
        self._context = context
        self._creation = creation
        self.items = items
        """The checked inputs this run will work through."""
        self._output = output
        self._concurrency = concurrency
        self._wait_timeout = wait_timeout
        self._on_timeout = on_timeout
        self._timeout = timeout
        self._since = since
        self._slots = context.slots  # the client's line, shared with its other maps
        self._guard = Guard()
        self._creating = 0  # run-task requests of this map awaiting an answer
        self._settling: Signal | None = None  # a closing map waiting for creations
        self.running: set[str] = set()
        """Ids of tasks this map created or re-attached to that have not ended."""
        self._closed = False

    def results(self) -> Generator[MapResult[Any], None]:
        """Each input's result as it completes. Leaving early (break, an error in the loop,
        cancellation, Ctrl-C) stops the tasks still running: at once when the iterator is
        closed (`close()`, or an error or cancellation inside the iteration), else when
        it is garbage-collected or the client is closed."""
        found = self._earlier_runs()
        jobs = (
            functools.partial(self._run, item, found.get(item.request_id)) for item in self.items
        )
        completed = Pool(jobs, self._concurrency, on_close=self._close)
        open_runs = self._context.http.open_runs
        open_runs.add(completed)
        try:
            yield from completed
        except PoolClosed:
            raise ClientClosedError(
                "the client was closed before every input of this map had a result "
                "(the map's running tasks were stopped)"
            ) from None
        finally:
            open_runs.discard(completed)
            completed.close()  # nothing to do when every input has its result

    def _close(self) -> None:
        """Leaving early: no task is created from now on, and every task of this map that
        has not ended is stopped (those whose creation was under way too)."""
        with self._guard:
            self._closed = True
        self._slots.wake_all()  # threads are not cancelled: its inputs in line look and leave
        self.stop_running()
        self._settle_creations()
        self.stop_running()

    def _settle_creations(self) -> None:
        """Wait (a while) for run-task requests already sent to be answered."""
        signal = Signal()
        deadline = _clock() + SETTLE_SECONDS
        with self._guard:
            self._settling = signal
        try:
            while True:
                signal.clear()
                with self._guard:
                    if self._creating == 0:
                        return
                left = deadline - _clock()
                if left <= 0:
                    return
                signal.wait(min(left, 0.5))
        finally:
            with self._guard:
                self._settling = None

    def stop_running(self) -> None:
        """Stop every task of this map that has not ended (errors are ignored)."""
        for task_id in list(self.running):
            with contextlib.suppress(APIError):  # it may have just ended: nothing to do
                self._tasks.stop(task_id, timeout=self._timeout)

    def _earlier_runs(self) -> dict[str, TaskSummary]:
        """Tasks that earlier runs created for these inputs, by request id."""
        if self._since is None:
            return {}
        wanted = (item.request_id for item in self.items)
        search = RequestIdSearch(wanted, since=self._since, max_pages=REATTACH_MAX_PAGES)
        return (self._creation.read(search, self._timeout)).found

    def _run(self, item: MapItem, earlier: TaskSummary | None) -> MapResult[Any]:
        began = _clock()
        if earlier is not None and earlier.status == TaskStatus.STOPPED:
            earlier = None  # stopped before it could end (an interrupt, a timeout): run again
        if earlier is not None and earlier.status.is_terminal:
            return self._result(item, earlier, began, reattached=True)
        task_id: str | None = None
        view: View | None = earlier
        try:
            if earlier is not None:
                task_id, created_at = earlier.id, None
                self._slots.attached()
                with self._guard:
                    self.running.add(task_id)
            else:
                task_id = self._create(item)  # in `running` from its creation on
                created_at = _clock()
            view = self._wait(task_id, created_at)
            result = self._result(item, view, began, reattached=earlier is not None)
        except BrowserUseError as exc:
            result = self._failure(item, task_id, view, exc, began, earlier is not None)
        # Not on cancellation: the task stays in `running`, for `stop_running()`.
        if task_id is not None:
            self._done_with(task_id)
        return result

    def _done_with(self, task_id: str) -> None:
        """The map has this task's result: its slot is free for the next input."""
        with self._guard:
            if task_id not in self.running:
                return
            self.running.discard(task_id)
        self._slots.release()

    def _create(self, item: MapItem) -> str:
        """Create the task, queueing behind the account's concurrent-task limit."""

        def send() -> str:
            with self._guard:
                self._creating += 1
            try:
                with Pool.shielded():  # once sent, learn its id: it must not get lost
                    task_id = self._creation.send(dict(item.body), item.request_id, self._timeout)
                with self._guard:
                    self.running.add(task_id)  # now, for a close that waits on the creation
                self._context.hooks.task_status(task_id, TaskStatus.CREATED)
                return task_id
            finally:
                with self._guard:
                    self._creating -= 1
                    if self._settling is not None:
                        self._settling.set()

        try:
            return self._slots.create(send, leave=lambda: self._closed)
        except LeftTheLine:
            raise _MapClosed("the map was closed before this input's task was created") from None

    def _wait(self, task_id: str, created_at: float | None) -> View:
        """The task's view once it has ended (the list item when the watcher has it)."""
        return follow_to_end(
            self._tasks,
            self._context.watcher,
            task_id,
            policy=self._tasks.wait_policy,
            created_at=created_at,
            wait_timeout=self._wait_timeout,
            on_timeout=self._on_timeout,
            timeout=self._timeout,
            many=True,
        )

    def _result(
        self, item: MapItem, view: View, began: float, *, reattached: bool
    ) -> MapResult[Any]:
        outcome = task_outcome(view, self._output)
        return MapResult(
            index=item.index,
            task_id=view.id,
            status=view.status,
            output=view.output,
            parsed=outcome.parsed,
            error=outcome.error,
            created_at=view.created_at,
            finished_at=view.finished_at,
            seconds=_clock() - began,
            reattached=reattached,
            request_id=item.request_id,
        )

    def _failure(
        self,
        item: MapItem,
        task_id: str | None,
        view: View | None,
        error: BrowserUseError,
        began: float,
        reattached: bool,
    ) -> MapResult[Any]:
        status = view.status if view is not None else None
        if isinstance(error, WaitTimeoutError):
            status = TaskStatus.STOPPED if error.stopped else status
        return MapResult(
            index=item.index,
            task_id=task_id,
            status=status,
            output=None,
            parsed=None,
            error=error,
            created_at=view.created_at if view is not None else None,
            finished_at=None,
            seconds=_clock() - began,
            reattached=reattached,
            request_id=item.request_id,
        )


class MapIterator(Iterator[MapResult[Any]]):
    """What `tasks.map_as_completed()` returns: each input's result as its task ends, and
    how far the map has got, for a progress display (`total`, `running`).

    Leaving early (break, an error in the loop, cancellation, Ctrl-C) stops the map's tasks
    still running: at once when it is closed (`close()`), else when it is
    garbage-collected or the client is closed.
    """

    def __init__(self, run: TaskMap) -> None:
        self._run = run
        self._results = run.results()

    def __iter__(self) -> MapIterator:
        return self

    def __next__(self) -> MapResult[Any]:
        return self._results.__next__()

    def close(self) -> None:
        """Stop the map: no task is created from now on, and its running tasks are stopped."""
        self._results.close()

    @property
    def total(self) -> int:
        """Inputs this map runs (those given in `skip=` are not counted)."""
        return len(self._run.items)

    @property
    def running(self) -> int:
        """Tasks of this map created or re-attached to that have not ended yet (the rest of
        the inputs not done are waiting for their turn)."""
        return len(self._run.running)
