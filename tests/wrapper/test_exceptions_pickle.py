"""Every public exception survives pickling (multiprocessing, Celery, concurrent.futures).

The classes are found by introspecting `browser_use_cloud.__all__`, and each is built from
its own signature, so a new exception is covered (or this test names the argument it
cannot fill) without editing the test.
"""

from __future__ import annotations

import datetime as dt
import inspect
import pickle
from typing import Any

import httpx
import pytest

import browser_use_cloud as bu
from browser_use_cloud._models import parse_task
from browser_use_cloud._webhooks.events import to_event

TASK = parse_task(
    {
        "id": "t-1",
        "task": "find it",
        "output": "{not json",
        "status": "finished",
        "created_at": "2025-06-01T10:00:00+00:00",
        "finished_at": "2025-06-01T10:01:00+00:00",
        "steps": [],
    }
)


def _jsonschema_error() -> BaseException:
    jsonschema = pytest.importorskip("jsonschema")
    try:
        jsonschema.validate(1, {"type": "string"})
    except jsonschema.ValidationError as exc:
        return exc
    raise AssertionError("jsonschema accepted 1 as a string")


SAMPLES: dict[str, Any] = {
    "message": "something went wrong",
    "method": "GET",
    "url": "https://api.example.test/api/v1/task/t-1",
    "status_code": 418,
    "headers": httpx.Headers({"x-request-id": "r-1", "retry-after": "3"}),
    "detail": [{"loc": ["body", "task"], "msg": "Field required", "type": "missing"}],
    "body": "<html>teapot</html>",
    "errors": [(("body", "task"), "Field required")],
    "retry_after": 3.0,
    "task_id": "t-1",
    "request_id": "bu-1",
    "status": "failed",
    "last_status": "paused",
    "stopped": False,
    "task": TASK,
    "raw_output": "{not json",
    "cause": ValueError("Expecting property name enclosed in double quotes"),
    "reason": bu.WebhookErrorReason.INVALID_SIGNATURE,
    "event": to_event(
        {"type": "test", "timestamp": "2024-03-21T12:00:00Z", "payload": {"test": "ok"}}
    ),
}


def public_exceptions() -> list[type[BaseException]]:
    classes = {getattr(bu, name) for name in bu.__all__}
    found = [c for c in classes if isinstance(c, type) and issubclass(c, BaseException)]
    return sorted(found, key=lambda c: c.__name__)


def build(cls: type[BaseException]) -> BaseException:
    """An instance of `cls` with every constructor argument filled from SAMPLES."""
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    try:
        parameters = inspect.signature(cls).parameters
    except ValueError:  # Exception's own constructor: one message
        return cls(SAMPLES["message"])
    for name, param in parameters.items():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if name not in SAMPLES:
            raise AssertionError(f"{cls.__name__}({name}=...): add a sample value for {name!r}")
        if param.kind is param.KEYWORD_ONLY:
            kwargs[name] = SAMPLES[name]
        else:
            args.append(SAMPLES[name])
    if issubclass(cls, bu.APIStatusError):  # the base class's keyword-only arguments too
        for name in ("method", "url", "status_code", "headers", "detail", "body"):
            kwargs.setdefault(name, SAMPLES[name])
    if issubclass(cls, bu.TaskError) and not issubclass(cls, bu.WaitTimeoutError):
        kwargs.setdefault("task", TASK)
    return cls(*args, **kwargs)


def state(exc: BaseException) -> dict[str, Any]:
    """What a receiver sees; exceptions held as attributes compare by type and text."""

    def comparable(value: Any) -> Any:
        return (type(value), str(value)) if isinstance(value, BaseException) else value

    attributes = {name: comparable(value) for name, value in vars(exc).items()}
    return {"type": type(exc), "str": str(exc), "args": exc.args, **attributes}


def test_the_package_exports_exceptions() -> None:
    names = {c.__name__ for c in public_exceptions()}
    assert {"BrowserUseError", "APIStatusError", "StructuredOutputError"} <= names


@pytest.mark.parametrize("cls", public_exceptions(), ids=lambda c: c.__name__)
def test_every_public_exception_round_trips_through_pickle(cls: type[BaseException]) -> None:
    original = build(cls)
    copy = pickle.loads(pickle.dumps(original))
    assert state(copy) == state(original)
    assert isinstance(copy, cls)


def test_an_unpicklable_cause_arrives_as_its_text() -> None:
    cause = _jsonschema_error()
    exc = bu.StructuredOutputError(
        "output does not match the schema", raw_output="1", cause=cause, task_id="t-1", task=TASK
    )
    copy = pickle.loads(pickle.dumps(exc))
    assert (copy.raw_output, copy.task_id, copy.task) == ("1", "t-1", TASK)
    assert isinstance(copy.cause, str) and "is not of type 'string'" in copy.cause


def test_a_pickled_status_error_keeps_its_headers_usable() -> None:
    exc = build(bu.RateLimitError)
    copy = pickle.loads(pickle.dumps(exc))
    assert isinstance(copy, bu.RateLimitError)
    assert copy.headers["Retry-After"] == "3" and copy.retry_after == 3.0
    assert dt.timedelta(seconds=copy.retry_after) == dt.timedelta(seconds=3)
