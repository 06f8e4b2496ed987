"""The extra tools: run and wait with progress, monitor, upload, download.

Each takes the tool's arguments (already checked against its schema) and returns the
tool's result as plain JSON data; errors are raised and turned into tool errors by the
server. All of them use the public client API (handles, steps, wait, files).
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anyio

from .._exceptions import (
    APIError,
    InputError,
    StructuredOutputError,
    TaskFailedError,
    TaskStoppedError,
    WaitTimeoutError,
)
from .._frontends._explain import wait_timeout_state
from .._models import Task, TaskStep
from .._spec.operations import JSON
from ._catalog import DEFAULT_WAIT_TIMEOUT
from ._local_paths import LocalPaths

if TYPE_CHECKING:
    from .._async._client import AsyncBrowserUse

Progress = Callable[[float, float | None, str | None], Awaitable[None]]
STOP_GRACE = 10.0
"""Seconds a cancelled `run_task_and_wait` spends stopping its task."""

log = logging.getLogger("browser_use_cloud.mcp")


class ToolFailure(Exception):
    """A tool ran but did not succeed: `result` is returned with isError set."""

    def __init__(self, text: str, result: JSON | None = None) -> None:
        super().__init__(text)
        self.result = result


def step_line(step: TaskStep) -> str:
    """`Step 3: Open the pricing page (https://example.com)`: one progress message."""
    return f"Step {step.step}: {step.next_goal} ({step.url})"


def step_data(step: TaskStep) -> JSON:
    return {
        "step": step.step,
        "next_goal": step.next_goal,
        "url": step.url,
        "evaluation_previous_goal": step.evaluation_previous_goal,
    }


def task_data(task: Task) -> JSON:
    """What an assistant needs from a task: id, status, output, files, links, step count."""
    return {
        "task_id": task.id,
        "status": str(task.status),
        "output": task.output,
        "steps": len(task.steps),
        "output_files": list(task.output_files or ()),
        "live_url": task.live_url,
        "public_share_url": task.public_share_url,
    }


def schema_argument(value: object) -> Mapping[str, Any] | None:
    """structured_output_json given as an object or as JSON text; None if not given."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            raise InputError(f"structured_output_json is not valid JSON ({exc})") from None
    if not isinstance(value, dict):
        raise InputError("structured_output_json must be a JSON Schema object")
    return value


async def run_task_and_wait(
    client: AsyncBrowserUse, args: Mapping[str, Any], report: Progress
) -> JSON:
    """Create the task (with a request id), report each step, return the ended task."""
    options = {k: v for k, v in args.items() if v is not None}
    wait_timeout = args.get("wait_timeout", DEFAULT_WAIT_TIMEOUT)
    options.pop("wait_timeout", None)
    output_type = schema_argument(options.pop("structured_output_json", None))
    total = options.get("max_agent_steps")
    handle = await client.tasks.create(options.pop("task"), output_type=output_type, **options)
    limit = float(total) if total else None
    seen = 0
    try:
        await report(0.0, limit, f"Task {handle.id} created")
        async for step in handle.steps(wait_timeout=wait_timeout, on_timeout="stop"):
            seen += 1
            await report(float(seen), limit, step_line(step))
        result = await handle.wait()  # the stream fetched the final task: no request
    except anyio.get_cancelled_exc_class():
        with anyio.move_on_after(STOP_GRACE, shield=True):
            await _stop_quietly(client, handle.id)
        raise
    except (TaskFailedError, TaskStoppedError) as exc:
        ended: JSON = {"task_id": exc.task_id} if exc.task is None else task_data(exc.task)
        raise ToolFailure(
            f"task {exc.task_id} {exc.status}.", {**ended, "status": exc.status}
        ) from None
    except WaitTimeoutError as exc:
        state = wait_timeout_state(exc, resume="resume_task")
        raise ToolFailure(
            f"task {exc.task_id} did not end within wait_timeout ({wait_timeout} s; last "
            f"status: {exc.last_status}); {state}.",
            {
                "task_id": exc.task_id,
                "status": "stopped" if exc.stopped else exc.last_status,  # as it is now
                "stopped": exc.stopped,
            },
        ) from None
    except StructuredOutputError as exc:
        raise ToolFailure(
            f"task {handle.id} finished, but {exc}.",
            {"task_id": handle.id, "status": "finished", "output": exc.raw_output},
        ) from None
    data = task_data(result)
    if output_type is not None:
        data["parsed"] = result.parsed
    return data


async def _stop_quietly(client: AsyncBrowserUse, task_id: str) -> None:
    try:
        await client.tasks.stop(task_id)
    except APIError as exc:  # already ended (the SDK stops it too), or unreachable
        with contextlib.suppress(APIError):
            status = await client.tasks.status(task_id)
            if status.is_terminal:
                log.info("task %s is %s: the client cancelled the call", task_id, status)
                return
        log.warning("could not stop task %s after cancellation: %s", task_id, exc)
    else:
        log.info("stopped task %s: the client cancelled the call", task_id)


async def monitor_task(client: AsyncBrowserUse, args: Mapping[str, Any]) -> JSON:
    """Status and latest step; the output once the task has ended."""
    task = await client.tasks.get(args["task_id"])
    data = task_data(task)
    data["latest_step"] = step_data(task.steps[-1]) if task.steps else None
    data["ended"] = task.status.is_terminal
    return data


async def upload_file(client: AsyncBrowserUse, args: Mapping[str, Any], paths: LocalPaths) -> JSON:
    """Upload a file from an allowed directory, under the name the caller gave it."""
    given = Path(args["path"])
    path = paths.readable_file(args["path"])
    name = await client.files.upload(
        path, name=given.name or path.name, content_type=args.get("content_type")
    )
    return {
        "file_name": name,
        "next": "pass this name in included_file_names of run_task or run_task_and_wait",
    }


async def download_output_file(
    client: AsyncBrowserUse, args: Mapping[str, Any], paths: LocalPaths | None
) -> JSON:
    """The file's download URL; or, given a destination in an allowed directory, the file."""
    task_id, file_name = args["task_id"], args["file_name"]
    destination = args.get("destination")
    if destination is None:
        url = await client.tasks.output_file(task_id, file_name)
        return {"file_name": file_name, "download_url": url}
    if paths is None:  # the schema offers no destination then
        raise InputError("this server saves no files locally")
    target = paths.writable_target(destination, file_name)
    if target.exists() and not args.get("overwrite", False):
        raise InputError(f"{str(target)!r} exists; pass overwrite=true to replace it")
    if not target.parent.is_dir():
        raise InputError(f"{str(target.parent)!r} is not a directory")
    size = await client.tasks.download_output_file(task_id, file_name, target)
    return {"file_name": file_name, "path": str(target), "bytes": size}
