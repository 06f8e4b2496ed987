"""Task operations: run, control, inspect, list, media and output files."""

from __future__ import annotations

import time
from typing import Any

from . import _schema_values, _script
from ._handler import Call, Handler, iso, page_of
from ._state import ApiError
from ._tasks import TaskRecord, TransitionError
from ._uploads import download_key, upload_key
from ._validation import RequestValidationError, error


def check_run_request(call: Call) -> None:
    """Rules of RunTaskRequest beyond its schema: output schema, files, profile."""
    body = call.body
    state = call.state
    if body.get("structured_output_json") is not None:
        try:
            _schema_values.parse_schema(body["structured_output_json"])
        except _schema_values.SchemaError as exc:
            loc = ("body", "structured_output_json")
            value = body["structured_output_json"]
            raise RequestValidationError(
                [error("value_error", loc, f"Value error, {exc}", value, {"error": str(exc)})]
            ) from None
    names = body.get("included_file_names") or []
    problems = []
    total = 0
    for index, name in enumerate(names):
        key = upload_key(name)
        if not state.store.exists(key):
            msg = f"Value error, file {name!r} was not uploaded (use uploads/presigned-url first)"
            problems.append(error("value_error", ("body", "included_file_names", index), msg, name))
        else:
            total += state.store.size_of(key)
    limit = state.config.task_upload_limit_bytes
    if total > limit:
        msg = f"Value error, included files add up to {total} bytes; the limit is {limit} bytes"
        problems.append(error("value_error", ("body", "included_file_names"), msg, names))
    if problems:
        raise RequestValidationError(problems)
    if body.get("browser_profile_id") is not None:
        state.get_profile(body["browser_profile_id"])


def creation_delay(body: Any) -> float:
    """Seconds a run-task waits before the task is created and answered
    (``[[emulator:slow_create=S]]``)."""
    task = body.get("task") if isinstance(body, dict) else None
    return _script.parse_directives(task).slow_create if isinstance(task, str) else 0.0


def run_task(call: Call) -> Any:
    check_run_request(call)
    task = call.state.create_task(call.body)
    return {"id": task.id}


def _control(action: str) -> Handler:
    def handler(call: Call) -> Any:
        state = call.state
        with state.lock:
            task = state.get_task(call.params["task_id"])
            try:
                getattr(task, action)(time.monotonic())
            except TransitionError as exc:
                raise ApiError(409, str(exc)) from None
            state.observe(task)
        return {}

    handler.__name__ = f"{action}_task"
    return handler


def _task(call: Call) -> TaskRecord:
    task = call.state.get_task(call.params["task_id"])
    call.state.observe(task)
    return task


def _live_url(call: Call, task: TaskRecord) -> str:
    return f"{call.origin}/emulator/live/{task.id}"


def _simple(call: Call, task: TaskRecord, status: str) -> dict[str, Any]:
    done = status in ("finished", "failed", "stopped")
    return {
        "id": task.id,
        "task": task.task,
        "output": task.output if done else None,
        "status": status,
        "created_at": iso(task.created_at),
        "finished_at": iso(task.finished_at) if done else None,
        "live_url": _live_url(call, task),
        "metadata": task.request.get("metadata"),
    }


def get_task(call: Call) -> Any:
    state = call.state
    with state.lock:
        task = _task(call)
        now = time.monotonic()
        status = task.status(now)
        steps = task.visible_steps(now)
        finished = status == "finished"
        saved = task.request.get("save_browser_data") and finished
        share = task.request.get("enable_public_share")
        return {
            **_simple(call, task, status),
            "steps": [
                {
                    "id": step_id,
                    "step": step.number,
                    "evaluation_previous_goal": step.evaluation_previous_goal,
                    "next_goal": step.next_goal,
                    "url": step.url,
                }
                for step_id, step in steps
            ],
            "browser_data": {"cookies": state.cookies(task)} if saved else None,
            "user_uploaded_files": task.request.get("included_file_names"),
            "output_files": list(task.output_files) if finished else [],
            "public_share_url": f"{call.origin}/emulator/share/{task.id}" if share else None,
        }


def get_task_status(call: Call) -> Any:
    with call.state.lock:
        return call.state.observe(call.state.get_task(call.params["task_id"]))


def get_task_screenshots(call: Call) -> Any:
    with call.state.lock:
        task = _task(call)
        steps = task.visible_steps(time.monotonic())
    base = f"{call.origin}/emulator/tasks/{task.id}/screenshots"
    return {"screenshots": [f"{base}/{step.number}.png" for _, step in steps]}


def get_task_gif(call: Call) -> Any:
    with call.state.lock:
        task = _task(call)
        now = time.monotonic()
        ready = task.status(now) in ("finished", "failed", "stopped")
        enough = len(task.visible_steps(now)) >= 2
    gif = f"{call.origin}/emulator/tasks/{task.id}/run.gif" if ready and enough else None
    return {"gif": gif}


def get_task_media(call: Call) -> Any:
    with call.state.lock:
        task = _task(call)
        ready = task.status(time.monotonic()) in ("finished", "failed", "stopped")
    recording = f"{call.origin}/emulator/tasks/{task.id}/recording.mp4"
    return {"recordings": [recording] if ready else None}


def get_task_output_file(call: Call) -> Any:
    state = call.state
    name = call.params["file_name"]
    with state.lock:
        task = _task(call)
        key = download_key(task.id, name)
        if not state.store.exists(key):
            raise ApiError(404, "Output file not found")
        media_type = state.store.info(key).content_type
    return {"download_url": call.origin + state.signer.presign("GET", key, media_type)}


def list_tasks(call: Call) -> Any:
    state = call.state
    with state.lock:
        newest_first = list(reversed(state.tasks.values()))
        items, counters = page_of(newest_first, call.params["page"], call.params["limit"])
        for task in items:
            state.observe(task)
        now = time.monotonic()
        return {"tasks": [_simple(call, t, t.status(now)) for t in items], **counters}


HANDLERS: dict[str, Handler] = {
    "run_task": run_task,
    "stop_task": _control("stop"),
    "pause_task": _control("pause"),
    "resume_task": _control("resume"),
    "get_task": get_task,
    "get_task_status": get_task_status,
    "get_task_media": get_task_media,
    "get_task_screenshots": get_task_screenshots,
    "get_task_gif": get_task_gif,
    "get_task_output_file": get_task_output_file,
    "list_tasks": list_tasks,
}
