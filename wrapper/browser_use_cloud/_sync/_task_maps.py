# Generated from _async/_task_maps.py by scripts/unasync.py. Do not edit.
"""Many tasks at once, by `client.tasks`: `map()` and `map_as_completed()` (`Tasks`
has them from `TaskMaps`); the run itself is `_map.TaskMap`'s."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Unpack

from .._config import RequestTimeout
from .._exceptions import InputError
from .._input.call_options import TaskOptionsWithExtras
from .._input.follow_options import (
    DEFAULT_WAIT_TIMEOUT,
    OnTimeout,
    check_on_timeout,
    check_wait_timeout,
)
from .._input.structured_output import output_spec_for
from .._policies.map_plan import (
    DEFAULT_MAP_CONCURRENCY,
    MapResult,
    check_map_call,
    check_resume,
    prepare,
)
from .._policies.request_id_search import REATTACH_WINDOW
from .._transport.request_extras import takes_extras
from ._task_calls import TaskCalls
from ._task_creation import wall_clock

if TYPE_CHECKING:
    from ._map import MapIterator
    from ._task_creation import TaskCreation


def _input_index(result: MapResult[Any]) -> int:
    return result.index


class TaskMaps(TaskCalls):
    """The methods of `client.tasks` that run many tasks (`Tasks` builds on it)."""

    _creation: TaskCreation  # set by Tasks

    @takes_extras()
    def map(
        self,
        inputs: Iterable[str | Mapping[str, Any]],
        *,
        concurrency: int = DEFAULT_MAP_CONCURRENCY,
        output_type: type[Any] | Mapping[str, Any] | None = None,
        wait_timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_timeout: OnTimeout = "stop",
        timeout: RequestTimeout = None,
        keys: Sequence[str | None] | None = None,
        skip: Collection[str] = (),
        reattach_since: dt.datetime | None = None,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> list[MapResult[Any]]:
        """Run a task per input, `concurrency` at a time; return the results in input order.

        An input is a task text or a dict of `task` and task options (overriding
        `options`); all are checked before anything is sent. Each result carries its
        index, task id, request id, status, output (`parsed` with `output_type`), `error`
        (an input's failure is its result, never an exception) and timings. A refusal for
        too many running tasks queues the input until one of the map's tasks ends.
        `wait_timeout` bounds each task's run; `on_timeout="stop"` stops a task that
        overruns it. `timeout` is the HTTP timeout of each request.

        Resuming: every task is tagged with a request id derived from its input, so running
        the same inputs again re-attaches to the tasks created for them since
        `reattach_since` (default: the re-attach window, `REATTACH_WINDOW`, ago) instead of
        paying twice (a task that was stopped runs again). `skip` takes the request ids of
        results you kept (`MapResult.request_id`): those inputs are not run and get no
        result. `keys`, one per input (None for an input without one), names the inputs for
        their request ids, so an input keeps its id when the list is reordered or grows;
        without a key, identical inputs are told apart by their order.
        """
        results = [
            r
            for r in self.map_as_completed(
                inputs,
                concurrency=concurrency,
                output_type=output_type,
                wait_timeout=wait_timeout,
                on_timeout=on_timeout,
                timeout=timeout,
                keys=keys,
                skip=skip,
                reattach_since=reattach_since,
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
        keys: Sequence[str | None] | None = None,
        skip: Collection[str] = (),
        reattach_since: dt.datetime | None = None,
        **options: Unpack[TaskOptionsWithExtras],
    ) -> MapIterator:
        """`map()`, yielding each result as its task ends (every input is checked before
        this returns; nothing is sent until the first result is asked for). The iterator
        also tells the map's `total` and how many of its tasks are `running`. Stopping the
        iteration early (break, an exception, Ctrl-C) stops the tasks still running."""
        from ._map import MapIterator, TaskMap

        check_map_call(inputs, options)
        check_on_timeout(on_timeout)
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise InputError(f"concurrency must be an integer >= 1, got {concurrency!r}")
        check_wait_timeout(wait_timeout)
        check_resume(keys, skip, reattach_since)
        spec = output_spec_for(output_type, options)
        items = prepare(inputs, options, keys=keys)
        if skip:
            items = [item for item in items if item.request_id not in skip]
        run = TaskMap(
            self,
            self._context,
            self._creation,
            items,
            output=spec,
            concurrency=concurrency,
            wait_timeout=wait_timeout,
            on_timeout=on_timeout,
            timeout=timeout,
            since=wall_clock() - REATTACH_WINDOW if reattach_since is None else reattach_since,
        )
        return MapIterator(run)
