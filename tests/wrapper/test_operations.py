"""The operation registry: derived from openapi.json, agreeing with the generated package."""

from __future__ import annotations

import copy
import importlib
import importlib.util
import json
import pkgutil
from pathlib import Path
from typing import Any

import pytest

import browser_use_cloud_api.api as generated_api
from browser_use_cloud import InputError
from browser_use_cloud._input.arguments import check_argument
from browser_use_cloud._spec.operations import operations
from tests.conftest import load_spec, operations_of

ROOT = Path(__file__).resolve().parents[2]


def _normalize() -> Any:
    spec = importlib.util.spec_from_file_location("normalize", ROOT / "scripts" / "normalize.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _spec() -> dict[str, Any]:
    return load_spec()


def test_names_and_tags_are_the_generated_modules() -> None:
    generated = {
        (package.name, module.name)
        for package in pkgutil.iter_modules(generated_api.__path__)
        for module in pkgutil.iter_modules([str(Path(generated_api.__path__[0]) / package.name)])
    }
    registry = {(op.tag, op.name) for op in operations().values()}
    assert registry == generated


def test_every_spec_operation_is_registered_with_its_arguments() -> None:
    spec = _spec()
    for path, item in spec["paths"].items():
        for method, raw in item.items():
            op = operations()[_normalize().clean_operation_id(raw["operationId"])]
            assert (op.method, op.path) == (method.upper(), path)
            names = {arg.name for arg in op.arguments}
            assert {p["name"] for p in raw.get("parameters", ())} <= names
            schema = op.input_schema()
            assert schema["type"] == "object" and set(schema["properties"]) == names
            assert "$ref" not in json.dumps(schema)  # self-contained: refs are inlined
            assert "timeout" not in names  # call() reserves timeout= for the HTTP timeout


def test_a_new_operation_in_the_spec_is_registered_without_an_edit() -> None:
    spec = copy.deepcopy(_spec())
    spec["paths"]["/api/v1/task/{task_id}/logs"] = {
        "get": {
            "operationId": "get_task_logs_api_v1_task__task_id__logs_get",
            "tags": ["tasks"],
            "description": "The agent's log lines.",
            "parameters": [
                {"name": "task_id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "tail", "in": "query", "schema": {"type": "integer", "minimum": 1}},
            ],
            "responses": {"200": {"description": "OK"}},
        }
    }
    ops = operations_of(spec)
    logs = ops.find("get_task_logs")
    assert logs.reads_only and logs.tag == "tasks"
    assert logs.build_request({"task_id": "t 1", "tail": 5}) == {
        "method": "get",
        "url": "/api/v1/task/t%201/logs",
        "params": {"tail": 5},
    }
    with pytest.raises(InputError, match="tail must be at least 1"):
        logs.build_request({"task_id": "t", "tail": 0})


def test_body_fields_are_flat_arguments() -> None:
    run = operations().find("run_task")
    required = [arg.name for arg in run.arguments if arg.required]
    assert required == ["task"]
    request = run.build_request({"task": "x", "max_agent_steps": 3, "secrets": {"pw": "s"}})
    assert request == {
        "method": "post",
        "url": "/api/v1/run-task",
        "json": {"task": "x", "max_agent_steps": 3, "secrets": {"pw": "s"}},
    }


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("get_task", {}, "get_task needs 'task_id': get_task(task_id)"),
        ("get_task", {"task_id": "a", "id": "b"}, "unexpected argument 'id'; it takes task_id"),
        ("get_task", {"task_id": ".."}, "task_id cannot be '..'"),
        ("list_tasks", {"limit": "5"}, "limit must be an integer, got str"),
        ("list_tasks", {"limit": 101}, "limit must be between 1 and 100, got 101"),
        ("run_task", {"task": "x", "max_agent_steps": True}, "must be an integer, got bool"),
        ("run_task", {"task": "x", "max_agent_steps": 500}, "must be between 1 and 200"),
        ("run_task", {"task": "   "}, "task must describe what the agent should do; it is empty"),
        ("run_task", {"task": "x", "llm_model": "gpt-0"}, "llm_model='gpt-0' is not a known"),
        ("run_task", {"task": "x", "allowed_domains": ["a", 1]}, "only non-empty strings"),
        ("run_task", {"task": "x", "metadata": {"k" * 200: "v"}}, "the limit is 100"),
    ],
)
def test_bad_arguments_are_refused_naming_what_is_allowed(
    name: str, params: dict[str, Any], message: str
) -> None:
    with pytest.raises(InputError, match=None) as info:
        operations().find(name).build_request(params)
    assert message in str(info.value)


def test_a_secret_value_never_appears_in_the_error() -> None:
    with pytest.raises(InputError) as info:
        operations().find("run_task").build_request({"task": "x", "secrets": {"pw": 424242}})
    assert "424242" not in str(info.value)
    assert "secrets['pw'] must be a string, got int" in str(info.value)


def test_unknown_operation_names_the_choices() -> None:
    with pytest.raises(InputError) as info:
        operations().find("get_tsk")
    text = str(info.value)
    assert "Did you mean 'get_task'?" in text
    assert all(name in text for name in operations())


def test_two_operations_with_one_name_are_refused() -> None:
    spec = copy.deepcopy(_spec())
    twin = copy.deepcopy(spec["paths"]["/api/v1/ping"]["get"])
    spec["paths"]["/api/v1/ping2"] = {"get": twin}
    with pytest.raises(SystemExit, match="both named 'ping'"):
        operations_of(spec)


@pytest.mark.parametrize(
    ("value", "schema", "ok"),
    [
        (1, {"type": "integer"}, True),
        (1.5, {"type": "integer"}, False),
        (True, {"type": "integer"}, False),
        (None, {"anyOf": [{"type": "string"}, {"type": "null"}]}, True),
        (None, {"type": "string"}, False),
        ({"a": "b"}, {"type": "object", "additionalProperties": {"type": "string"}}, True),
        ({"a": 1}, {"type": "object", "properties": {}, "additionalProperties": False}, False),
        ("x", {"type": "string", "format": "date-time"}, True),  # formats are the server's
        (5, {"type": "integer", "maximum": 4}, False),
        (3, {"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 1}]}, True),
        (0, {"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 1}]}, False),
    ],
)
def test_the_one_argument_check(value: Any, schema: dict[str, Any], ok: bool) -> None:
    try:
        check_argument("field", schema, value)
    except InputError:
        assert not ok
    else:
        assert ok


def test_the_table_merges_the_documented_limits_into_the_schemas() -> None:
    run = {arg.name: arg for arg in operations()["run_task"].arguments}
    steps = [b for b in run["max_agent_steps"].schema["anyOf"] if b.get("type") == "integer"]
    assert steps[0]["maximum"] == 200 and steps[0]["minimum"] == 1
    metadata = next(b for b in run["metadata"].schema["anyOf"] if b.get("type") == "object")
    assert metadata["maxProperties"] == 10
    assert metadata["propertyNames"]["maxLength"] == 100
    assert run["task"].schema["x-not-blank"] == "describe what the agent should do"
    limit = {arg.name: arg for arg in operations()["list_tasks"].arguments}["limit"]
    assert limit.schema["maximum"] == 100


def test_each_operation_names_the_generated_module_that_builds_it() -> None:
    for op in operations().values():
        module = importlib.import_module(op.module)
        assert callable(module.request_kwargs), op.name
    assert operations()["run_task"].retry == "safe_post"
    assert operations()["get_task"].retry == "idempotent"
    assert operations()["upload_file_presigned_url"].retry == "idempotent"
    assert operations()["get_task"].result == "TaskResponse"


def test_the_committed_table_is_what_the_build_writes() -> None:
    import derive_operation_table

    built = derive_operation_table.table(_spec(), derive_operation_table.load_limits())
    from browser_use_cloud_api._operation_table import OPERATIONS

    assert built == OPERATIONS
