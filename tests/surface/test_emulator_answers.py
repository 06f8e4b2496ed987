"""The emulator's answers follow the spec: missing response fields are filled with values valid
for their schema (list items too), and an operation without a handler gets a stand-in."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema

from browser_use_cloud.emulator._responses import ResponseShapes
from browser_use_cloud.emulator._spec import operations
from tests.conftest import operations_of


def _valid(spec: dict[str, Any], schema_name: str, value: Any) -> None:
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]}
    jsonschema.validate(value, schema)


def test_missing_fields_get_schema_valid_values(spec: dict[str, Any]) -> None:
    changed = copy.deepcopy(spec)
    schemas = changed["components"]["schemas"]
    schemas["TaskResponse"]["properties"]["cost"] = {
        "anyOf": [{"type": "number", "minimum": 0}, {"type": "null"}]
    }
    schemas["TaskStepResponse"]["properties"]["duration_ms"] = {"type": "integer", "minimum": 1}
    get_task = next(op for op in operations(operations_of(changed)) if op.name == "get_task")
    complete = ResponseShapes().for_operation(get_task)
    step = {"id": "s", "step": 1, "evaluation_previous_goal": "", "next_goal": "", "url": "u"}
    known = {
        "id": "t",
        "task": "x",
        "output": None,
        "status": "running",
        "created_at": "2025-07-29T10:00:00Z",
        "steps": [step],
    }
    answer = complete(known)
    assert isinstance(answer["cost"], float) and answer["cost"] >= 0
    assert isinstance(answer["steps"][0]["duration_ms"], int)
    assert "duration_ms" not in step  # the handler's objects are left as they were
    _valid(changed, "TaskResponse", answer)
    assert complete(known) == answer  # the same values every time


def test_an_operation_without_a_handler_gets_a_schema_valid_stand_in(
    spec: dict[str, Any],
) -> None:
    changed = copy.deepcopy(spec)
    gif = copy.deepcopy(changed["paths"]["/api/v1/task/{task_id}/gif"]["get"])
    gif["operationId"] = "get_task_logs_api_v1_task__task_id__logs_get"
    changed["paths"]["/api/v1/task/{task_id}/logs"] = {"get": gif}
    logs = next(op for op in operations(operations_of(changed)) if op.name == "get_task_logs")
    answer = ResponseShapes().stand_in(logs)(None)
    _valid(changed, "TaskGifResponse", answer)
    assert set(answer) == {"gif"}


def _balance_answers(spec: dict[str, Any], balance: dict[str, Any]) -> Any:
    """The emulator's shaping of check_balance answers when the spec declares `balance`."""
    changed = copy.deepcopy(spec)
    changed["components"]["schemas"]["CheckUserBalanceResponse"]["properties"]["balance"] = balance
    served = operations(operations_of(changed))
    check_balance = next(op for op in served if op.name == "check_balance")
    return ResponseShapes().for_operation(check_balance), changed


def test_a_changed_field_type_is_answered_with_the_new_type(spec: dict[str, Any]) -> None:
    """A breaking change accepted with `regen --allow-breaking` (balance: string -> integer)
    reaches the answers, whichever type the handler still builds."""
    as_integer, changed = _balance_answers(spec, {"type": "integer"})
    assert as_integer({"balance": "10000"}) == {"balance": 10000}
    assert as_integer({"balance": 10000}) == {"balance": 10000}
    _valid(changed, "CheckUserBalanceResponse", as_integer({"balance": "not a number"}))

    as_string, _ = _balance_answers(spec, {"type": "string"})
    assert as_string({"balance": 10000}) == {"balance": "10000"}
    assert as_string({"balance": "10000"}) == {"balance": "10000"}

    as_number, _ = _balance_answers(spec, {"anyOf": [{"type": "number"}, {"type": "null"}]})
    assert as_number({"balance": "12.5"}) == {"balance": 12.5}
    assert as_number({"balance": None}) == {"balance": None}
