"""The operations the emulator serves, read from the generated operation table.

The table (`browser_use_cloud_api._operation_table`, written by `nox -s regen`) carries each
operation's parameters by location, its body fields and its response schemas, every
`$ref` inlined and the documented limits merged in; nothing here reads openapi.json.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._spec.operations import Operation as TableOperation
from .._spec.operations import Operations
from .._spec.operations import operations as table_operations

API_PREFIX = "/api/v1"

JSON = dict[str, Any]


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, as the emulator needs it."""

    name: str  # operationId prefix, e.g. "run_task"
    operation_id: str
    method: str  # upper case
    path: str  # spec path, e.g. "/api/v1/task/{task_id}"
    parameters: tuple[JSON, ...]  # {"name", "in", "required", "schema"}, schemas resolved
    body_schema: JSON | None  # the JSON body as one object schema, or None
    responses: Mapping[str, JSON | None]  # status -> resolved JSON schema (None: no JSON)
    secured: bool


def operations(table: Operations | None = None) -> list[Operation]:
    """Every operation of the table (the generated one by default), in document order."""
    return [_served(op) for op in (table or table_operations()).values()]


def _served(op: TableOperation) -> Operation:
    parameters = tuple(
        {"name": a.name, "in": a.location, "required": a.required, "schema": a.schema}
        for a in op.arguments
        if a.location != "body"
    )
    body: JSON | None = None
    if op.has_body:
        fields = [a for a in op.arguments if a.location == "body"]
        body = {
            "type": "object",
            "properties": {a.name: a.schema for a in fields},
            "required": [a.name for a in fields if a.required],
        }
    return Operation(
        name=op.name,
        operation_id=op.operation_id,
        method=op.method,
        path=op.path,
        parameters=parameters,
        body_schema=body,
        responses=op.responses or {},
        secured=op.secured,
    )


def response_schema(op: Operation, status: int) -> JSON | None:
    """The JSON schema the spec declares for ``status`` (None if it declares none)."""
    return op.responses.get(str(status))
