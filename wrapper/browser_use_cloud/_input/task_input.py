"""Check request options before anything is sent, and build JSON bodies (pure).

Which options exist comes from the spec (`_spec/options.py`' TypedDicts); every value is
checked by the one argument check (`arguments.check_argument`) against its field's schema
in the operation table, where the spec's types, enums and bounds and the documented limits
already are. Only the options a caller set are put in the body, so the service keeps its
own defaults. Enum values must be ones the spec lists; pass `allow_unknown=True` to send a
newer value on purpose. What is particular to a task (its request id) is added here.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from .._exceptions import InputError
from .._spec.options import OPTIONS, WRAPPER_OPTIONS
from .arguments import (
    ALLOW_UNKNOWN_HINT,
    CALL_SENDS_UNKNOWN_HINT,
    check_argument,
    refuse_unknown,
)
from .arguments import (
    FIELD_CHECKS as FIELD_CHECKS,
)
from .validate import check_bool

REQUEST_ID_KEY = "bu_request_id"
"""Metadata key that carries the client request id used to avoid duplicate tasks."""


def new_request_id() -> str:
    """A fresh random client request id."""
    return "bu-" + uuid.uuid4().hex


def request_fields(schema: str) -> Mapping[str, Any]:
    """Field name -> its schema in the operation table, for request body schema `schema`."""
    from .._spec.operations import operations

    return {name: arg.schema for name, arg in operations().request_fields(schema).items()}


def operation_for(schema: str) -> str:
    """The name of the operation whose JSON body is request schema `schema` (`run_task`)."""
    from .._spec.operations import operations

    return operations().body_owner(schema)


def _metadata_limits() -> tuple[int | None, int | None]:
    """(most pairs, longest value) of a task's metadata, from the table's schema."""
    schema = request_fields("RunTaskRequest")["metadata"]
    branches = schema.get("anyOf", [schema])
    mapping: dict[str, Any] = next((b for b in branches if b.get("type") == "object"), {})
    values = mapping.get("additionalProperties")
    longest = values.get("maxLength") if isinstance(values, dict) else None
    return mapping.get("maxProperties"), longest


def check_metadata(metadata: Mapping[str, str] | None, request_id: str | None) -> dict[str, str]:
    """Validate metadata against the service limits, counting the request id pair."""
    schema = request_fields("RunTaskRequest")["metadata"]
    out: dict[str, str] = {}
    if metadata is not None:
        out = check_argument("metadata", schema, metadata) or {}
    if request_id is None:
        return out
    if REQUEST_ID_KEY in out:
        raise InputError(
            f"metadata key {REQUEST_ID_KEY!r} is reserved for the client request id; "
            "pass request_id='...' to choose it, or request_id=False to use the key yourself"
        )
    most, _ = _metadata_limits()
    if most is not None and len(out) + 1 > most:
        raise InputError(
            f"metadata may hold at most {most} pairs (including the request id pair; "
            f"request_id=False frees it), got {len(out) + 1}"
        )
    return {**out, REQUEST_ID_KEY: request_id}


def resolve_request_id(request_id: bool | str) -> str | None:
    """Map the `request_id=` argument to the id to send (None: opted out)."""
    if request_id is True:
        return new_request_id()
    if request_id is False:
        return None
    if not isinstance(request_id, str) or not request_id.strip():
        raise InputError("request_id must be True, False or a non-empty string")
    _, longest = _metadata_limits()
    if longest is not None and len(request_id) > longest:
        raise InputError(f"request_id may be at most {longest} characters")
    return request_id


def check_field(request: str, name: str, value: object, allow_unknown: bool = False) -> Any:
    """`value` for field `name` of request schema `request`, checked by the one check."""
    return check_argument(name, request_fields(request)[name], value, allow_unknown)


def check_fields(request: str, /, **fields: Any) -> dict[str, Any]:
    """The given fields of request schema `request` (None values left out), checked, for a
    typed method that takes no `allow_unknown`."""
    schemas = request_fields(request)
    return {
        name: check_argument(name, schemas[name], value, unknown_hint=CALL_SENDS_UNKNOWN_HINT)
        for name, value in fields.items()
        if value is not None
    }


def check_options(
    kind: str, options: Mapping[str, Any], *, unknown_hint: str = ALLOW_UNKNOWN_HINT
) -> dict[str, Any]:
    """The JSON fields for `options` of TypedDict `kind` (None values left out), checked
    (an unknown enum value is refused ending with `unknown_hint`)."""
    request, offered = OPTIONS[kind]
    fields = request_fields(request)
    schemas = {name: fields[name] for name in offered}
    allow_unknown = check_bool("allow_unknown", options.get("allow_unknown", False))
    allowed = [*schemas, *WRAPPER_OPTIONS]
    unknown = [name for name in options if name not in allowed]
    refuse_unknown(operation_for(request), unknown, allowed, ", ".join(allowed))
    body: dict[str, Any] = {}
    for name, value in options.items():
        schema = schemas.get(name)
        if schema is not None and value is not None:
            body[name] = check_argument(
                name, schema, value, allow_unknown, unknown_hint=unknown_hint
            )
    return body


def build_run_task_body(
    task: str,
    *,
    kind: str = "TaskOptions",
    request_id: str | None = None,
    unknown_hint: str = ALLOW_UNKNOWN_HINT,
    **options: Any,
) -> dict[str, Any]:
    """Validate a task and its options (TypedDict `kind`); return the request body.

    The request id, if any, is added to the metadata (counting against its limits). An
    unknown enum value is refused ending with `unknown_hint` (the caller's way to send one).
    """
    body: dict[str, Any] = {"task": check_field(OPTIONS[kind][0], "task", task)}
    body.update(check_options(kind, options, unknown_hint=unknown_hint))
    if request_id is not None:
        body["metadata"] = check_metadata(body.get("metadata"), request_id)
    return body
