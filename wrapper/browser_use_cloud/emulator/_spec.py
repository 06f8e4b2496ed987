"""Load the project's openapi.json and index its operations."""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._operations import clean_name, read_packaged_spec

SPEC_ENV = "BROWSER_USE_EMULATOR_OPENAPI"
API_PREFIX = "/api/v1"

JSON = dict[str, Any]


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, as the emulator needs it."""

    name: str  # operationId prefix, e.g. "run_task"
    operation_id: str
    method: str  # upper case
    path: str  # spec path, e.g. "/api/v1/task/{task_id}"
    parameters: tuple[JSON, ...]
    body_schema: JSON | None
    responses: JSON
    secured: bool


def _read_spec_text() -> str:
    override = os.environ.get(SPEC_ENV)
    if override:
        return Path(override).read_text(encoding="utf-8")
    return read_packaged_spec()


@functools.cache
def load_spec() -> JSON:
    """The spec document: ``$BROWSER_USE_EMULATOR_OPENAPI``, package data or the repo's file."""
    spec: JSON = json.loads(_read_spec_text())
    return spec


def operations(spec: JSON) -> list[Operation]:
    """Every operation in the spec, in document order."""
    found = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            found.append(
                Operation(
                    name=clean_name(op["operationId"]),
                    operation_id=op["operationId"],
                    method=method.upper(),
                    path=path,
                    parameters=tuple(op.get("parameters", ())),
                    body_schema=body.get("schema"),
                    responses=op.get("responses", {}),
                    secured=bool(op.get("security")),
                )
            )
    return found


def response_schema(op: Operation, status: int) -> JSON | None:
    """The JSON schema the spec declares for ``status`` (None if it declares none)."""
    response = op.responses.get(str(status))
    if response is None:
        return None
    schema: JSON = response.get("content", {}).get("application/json", {}).get("schema", {})
    return schema
