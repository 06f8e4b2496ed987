"""Check request options before anything is sent, and build JSON bodies (pure).

Which options exist, their types, enums and the bounds the spec states come from
openapi.json (through `_spec_options`); limits only the service's documentation gives
come from `_limits`; a few fields get checks of their own (`FIELD_CHECKS`). Only the
options a caller set are put in the body, so the service keeps its own defaults. Enum
values must be ones the spec lists; pass `allow_unknown=True` to send a newer value on
purpose.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ._exceptions import InputError
from ._limits import (
    FIELD_BOUNDS,
    MAX_METADATA_KEY_CHARS,
    MAX_METADATA_PAIRS,
    MAX_METADATA_VALUE_CHARS,
    NON_EMPTY,
)
from ._spec_options import OPTIONS, REQUEST_FIELDS, WRAPPER_OPTIONS
from ._structured_output import check_schema
from ._validate import check_bool, check_int

REQUEST_ID_KEY = "bu_request_id"
"""Metadata key that carries the client request id used to avoid duplicate tasks."""

_DOMAIN_LABEL = re.compile(r"^[^\s/:*?#@\\]+$")


def new_request_id() -> str:
    """A fresh random client request id."""
    return "bu-" + uuid.uuid4().hex


ALLOW_UNKNOWN_HINT = "Pass allow_unknown=True to send a newer value on purpose."
"""The end of an unknown-enum error; the CLI says it in its own terms."""


def known_values(enum: str | Sequence[str]) -> frozenset[str]:
    """The values of a spec enum: a public enum's name (`"LLMModel"`) or the values."""
    if isinstance(enum, str):
        from . import _models

        return frozenset(member.value for member in getattr(_models, enum))
    return frozenset(enum)


def _check_enum(name: str, value: object, known: frozenset[str], allow_unknown: bool) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{name} must be a non-empty string, got {type(value).__name__}")
    if value in known or allow_unknown:
        return str(value)
    hint = ""
    if value.lower() in known:
        hint = f" (did you mean {value.lower()!r}?)"
    allowed = ", ".join(sorted(known))
    raise InputError(
        f"{name}={value!r} is not a known value{hint}; allowed: {allowed}. {ALLOW_UNKNOWN_HINT}"
    )


def _check_str_list(name: str, value: object) -> list[str]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence | set | frozenset):
        raise InputError(f"{name} must be a list of strings, got {type(value).__name__}")
    items: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise InputError(f"{name} must contain only non-empty strings, got {item!r}")
        items.append(item)
    return items


def check_domain(pattern: str) -> None:
    """Reject an allowed-domains entry that is not a host name or a `*.` host pattern."""
    if "://" in pattern:
        raise InputError(
            f"allowed_domains entry {pattern!r} has a scheme; give only the host, "
            "e.g. 'example.com' or '*.example.com'"
        )
    host = pattern.split(":", 1)[0] if pattern.count(":") == 1 else pattern
    body = host[2:] if host.startswith("*.") else host
    if "/" in pattern or not body or not all(_DOMAIN_LABEL.match(p) for p in body.split(".")):
        raise InputError(
            f"allowed_domains entry {pattern!r} is not a domain; use a host name such as "
            "'example.com' or a pattern such as '*.example.com' (no scheme, path, spaces, "
            "or '*' other than a leading '*.')"
        )


def _check_str_map(name: str, value: object) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise InputError(f"{name} must be a dict of str to str, got {type(value).__name__}")
    out: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not key:
            raise InputError(f"{name} keys must be non-empty strings, got {key!r}")
        if not isinstance(item, str):
            # Never echo the value: for secrets it is confidential.
            raise InputError(f"{name}[{key!r}] must be a string, got {type(item).__name__}")
        out[key] = item
    return out


def check_metadata(metadata: Mapping[str, str] | None, request_id: str | None) -> dict[str, str]:
    """Validate metadata against the service limits, counting the request id pair."""
    out = _check_str_map("metadata", metadata) if metadata is not None else {}
    if request_id is not None:
        if REQUEST_ID_KEY in out:
            raise InputError(
                f"metadata key {REQUEST_ID_KEY!r} is reserved for the client request id; "
                "pass request_id='...' to choose it, or request_id=False to use the key yourself"
            )
        out[REQUEST_ID_KEY] = request_id
    if len(out) > MAX_METADATA_PAIRS:
        extra = " (including the request id pair; request_id=False frees it)" if request_id else ""
        raise InputError(
            f"metadata may hold at most {MAX_METADATA_PAIRS} pairs{extra}, got {len(out)}"
        )
    for key, value in out.items():
        if len(key) > MAX_METADATA_KEY_CHARS:
            raise InputError(
                f"metadata key {key[:20]!r}... is {len(key)} characters; "
                f"the limit is {MAX_METADATA_KEY_CHARS}"
            )
        if len(value) > MAX_METADATA_VALUE_CHARS:
            raise InputError(
                f"metadata[{key!r}] is {len(value)} characters; "
                f"the limit is {MAX_METADATA_VALUE_CHARS}"
            )
    return out


def check_schema_json(text: object) -> str:
    """`structured_output_json` as given, once it parses to a plausible JSON Schema object."""
    hint = (
        "pass a JSON Schema object serialised as a string (json.dumps), "
        "or the schema itself as output_type= (a dict or a pydantic model class)"
    )
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"structured_output_json must be a non-empty string; {hint}")
    try:
        schema = json.loads(text)
    except ValueError as exc:
        raise InputError(f"structured_output_json is not valid JSON ({exc}); {hint}") from None
    check_schema(schema, "structured_output_json")
    return text


def resolve_request_id(request_id: bool | str) -> str | None:
    """Map the `request_id=` argument to the id to send (None: opted out)."""
    if request_id is True:
        return new_request_id()
    if request_id is False:
        return None
    if not isinstance(request_id, str) or not request_id.strip():
        raise InputError("request_id must be True, False or a non-empty string")
    if len(request_id) > MAX_METADATA_VALUE_CHARS:
        raise InputError(f"request_id may be at most {MAX_METADATA_VALUE_CHARS} characters")
    return request_id


Check = Callable[[str, Any], Any]


def _check_domains(name: str, value: object) -> list[str]:
    domains = _check_str_list(name, value)
    for domain in domains:
        check_domain(domain)
    return domains


FIELD_CHECKS: dict[str, Check] = {
    "allowed_domains": _check_domains,
    "structured_output_json": lambda name, value: check_schema_json(value),
    "metadata": lambda name, value: check_metadata(value, None),
}
"""Fields with a check beyond their schema (by name; a test checks they are real fields)."""


def check_value(name: str, schema: Mapping[str, Any], value: object, allow_unknown: bool) -> Any:
    """`value` for field `name` as it goes into the JSON body, checked against `schema` (a
    field of `_spec_options.REQUEST_FIELDS`), the documented limits and `FIELD_CHECKS`."""
    special = FIELD_CHECKS.get(name)
    if special is not None:
        return special(name, value)
    if "enum" in schema:
        return _check_enum(name, value, known_values(schema["enum"]), allow_unknown)
    kind = schema.get("type")
    if kind == "boolean":
        return check_bool(name, value)
    if kind in ("integer", "number"):
        low, high = FIELD_BOUNDS.get(name, (schema.get("minimum"), schema.get("maximum")))
        if kind == "integer":
            return check_int(name, value, _whole(low), _whole(high))
        return _check_number(name, value, low, high)
    if kind == "string":
        return _check_string(name, schema, value)
    if kind == "array":
        if schema.get("items", {}).get("type") == "string":
            return _check_str_list(name, value)
        if isinstance(value, str | bytes) or not isinstance(value, Sequence):
            raise InputError(f"{name} must be a list, got {type(value).__name__}")
        items = schema.get("items", {})
        return [check_value(f"{name}[{i}]", items, v, allow_unknown) for i, v in enumerate(value)]
    if kind == "object" and schema.get("values", {}).get("type") == "string":
        return _check_str_map(name, value)
    return value


def _whole(bound: float | None) -> int | None:
    """A spec bound (JSON numbers may read as 2.0) as an integer bound."""
    return None if bound is None else int(bound)


def _check_number(name: str, value: object, low: float | None, high: float | None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"{name} must be a number, got {type(value).__name__}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise InputError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _check_string(name: str, schema: Mapping[str, Any], value: object) -> str:
    if schema.get("format") == "date-time" and isinstance(value, dt.datetime):
        from ._schedule import check_datetime

        return check_datetime(name, value).isoformat()
    if not isinstance(value, str):
        raise InputError(f"{name} must be a string, got {type(value).__name__}")
    if name in NON_EMPTY and not value.strip():
        raise InputError(f"{name} must be a non-empty string")
    low, high = schema.get("minLength"), schema.get("maxLength")
    if (low is not None and len(value) < low) or (high is not None and len(value) > high):
        raise InputError(
            f"{name} must have between {low or 0} and {high or 'any number of'} characters, "
            f"got {len(value)}"
        )
    return value


def check_field(request: str, name: str, value: object) -> Any:
    """`value` for field `name` of request schema `request`, checked (see `check_value`)."""
    return check_value(name, REQUEST_FIELDS[request][name], value, False)


def check_options(kind: str, options: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON fields for `options` of TypedDict `kind` (None values left out), checked."""
    request, offered = OPTIONS[kind]
    schemas = {name: REQUEST_FIELDS[request][name] for name in offered}
    allow_unknown = check_bool("allow_unknown", options.get("allow_unknown", False))
    body: dict[str, Any] = {}
    for name, value in options.items():
        if name in WRAPPER_OPTIONS:
            continue
        schema = schemas.get(name)
        if schema is None:
            allowed = ", ".join([*schemas, *WRAPPER_OPTIONS])
            raise InputError(f"unknown option {name!r}; allowed: {allowed}")
        if value is not None:
            body[name] = check_value(name, schema, value, allow_unknown)
    return body


def build_run_task_body(
    task: str, *, kind: str = "TaskOptions", request_id: str | None = None, **options: Any
) -> dict[str, Any]:
    """Validate a task and its options (TypedDict `kind`); return the request body.

    The request id, if any, is added to the metadata (counting against its limits).
    """
    if not isinstance(task, str):
        raise InputError(f"task must be a string, got {type(task).__name__}")
    if not task.strip():
        raise InputError("task must describe what the agent should do; it is empty")
    body: dict[str, Any] = {"task": task}
    body.update(check_options(kind, options))
    if request_id is not None:
        body["metadata"] = check_metadata(body.get("metadata"), request_id)
    return body


def check_proxy_country_code(value: object, *, allow_unknown: bool = False) -> str:
    """A proxy country the spec lists: the one rule of every call that takes one."""
    return _check_enum("proxy_country_code", value, known_values("ProxyCountryCode"), allow_unknown)
