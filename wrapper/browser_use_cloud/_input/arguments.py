"""The one argument check: a value against its schema in the operation table (pure).

Every entry point checks its arguments here, so one rule gives one message everywhere: the
typed methods (`tasks.create`, `scheduled_tasks.create/update`, `browser_profiles.*`,
`search.*`, through `task_input`), `client.call` and the MCP tools (through
`_spec/operations.py`), and the CLI and `batch` lines (through the typed methods). The schemas
are the table's: the spec's types, enums and bounds with the documented limits merged in at
build time (`maximum`, `maxProperties`, `propertyNames`, `x-not-blank`). A few fields get a
check of their own (`FIELD_CHECKS`). Values of a mapping are never echoed (a task's
`secrets`). Enum values must be ones the spec lists unless `allow_unknown`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .._exceptions import InputError
from .validate import check_bool, check_bounds, check_datetime, check_int

JSON = dict[str, Any]

ALLOW_UNKNOWN_HINT = "Pass allow_unknown=True to send a newer value on purpose."
"""The end of an unknown-enum error from the library. An entry point that sends newer
values another way, or not at all (the CLI, a `batch` line, an MCP tool), passes its own
`unknown_hint`."""

CALL_SENDS_UNKNOWN_HINT = (
    "This method takes no allow_unknown: client.call(..., allow_unknown=True) sends a newer "
    "value on purpose."
)
"""The end of an unknown-enum error from a typed method without `allow_unknown`."""

_DOMAIN_LABEL = re.compile(r"^[^\s/:*?#@\\]+$")


def check_argument(
    name: str,
    schema: JSON,
    value: Any,
    allow_unknown: bool = False,
    *,
    unknown_hint: str = ALLOW_UNKNOWN_HINT,
) -> Any:
    """`value` for argument `name` as it is sent, checked against its table `schema`;
    InputError saying what is wrong and what is allowed. An enum value the spec does not
    list is sent with `allow_unknown`, else refused ending with `unknown_hint` (how the
    caller's entry point sends one on purpose)."""
    if value is None:
        if _allows_null(schema):
            return None
        raise InputError(f"{name} must be {describe(schema)}, got None")
    branches = [b for b in schema.get("anyOf", ()) if b.get("type") != "null"]
    if len(branches) > 1:
        return _one_of(name, branches, value, allow_unknown, unknown_hint)
    special = FIELD_CHECKS.get(name)
    if special is not None:
        return special(name, value)
    return _check(name, branches[0] if branches else schema, value, allow_unknown, unknown_hint)


def refuse_unknown(owner: str, unknown: Sequence[str], allowed: Sequence[str], takes: str) -> None:
    """InputError for arguments `owner` does not take (one wording at every entry point),
    naming a near miss among `allowed`; `takes` says what it takes."""
    if not unknown:
        return
    names = sorted(unknown)
    close = difflib.get_close_matches(names[0], allowed, n=1, cutoff=0.75)
    hint = f" (did you mean {close[0]!r}?)" if len(names) == 1 and close else ""
    raise InputError(
        f"{owner} got unexpected argument{'s' if len(names) > 1 else ''} "
        f"{', '.join(map(repr, names))}{hint}; it takes {takes}"
    )


def check_tool_arguments(
    tool: str, schema: JSON, args: Mapping[str, Any], *, unknown_hint: str
) -> None:
    """Names, required arguments and values of a tool call that is not an operation (an
    MCP extra tool, whose values then go through a library call and its checks); an
    unknown enum value is refused ending with `unknown_hint`."""
    properties: JSON = schema.get("properties", {})
    refuse_unknown(tool, [*set(args) - set(properties)], [*properties], ", ".join(properties))
    missing = [name for name in schema.get("required", ()) if name not in args]
    if missing:
        raise InputError(f"{tool} needs {', '.join(map(repr, missing))}")
    for name, value in args.items():
        if name not in FIELD_CHECKS:  # those are checked by the call, in their own terms
            check_argument(name, properties[name], value, unknown_hint=unknown_hint)


def describe(schema: JSON) -> str:
    """`a string`, `an integer or null`, `one of 'a', 'b'`: what a schema accepts."""
    choices = schema.get("anyOf")
    if choices:
        return " or ".join(dict.fromkeys(describe(choice) for choice in choices))
    if "enum" in schema:
        return "one of " + ", ".join(repr(v) for v in schema["enum"])
    kind = schema.get("type")
    return {"null": "null", "integer": "an integer", "array": "a list", "object": "an object"}.get(
        str(kind), f"a {kind}" if kind else "any value"
    )


def check_enum(
    name: str,
    value: object,
    known: Sequence[str],
    allow_unknown: bool,
    unknown_hint: str = ALLOW_UNKNOWN_HINT,
) -> str:
    """A value the spec lists (a near miss is named), or any text with `allow_unknown`;
    the refusal ends with `unknown_hint`."""
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{name} must be a non-empty string, got {type(value).__name__}")
    if value in known or allow_unknown:
        return value
    close = [v for v in known if v.lower() == value.lower()]
    close = close or difflib.get_close_matches(value, known, n=1, cutoff=0.8)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    allowed = ", ".join(sorted(known))
    raise InputError(
        f"{name}={value!r} is not a known value{hint}; allowed: {allowed}. {unknown_hint}"
    )


def _allows_null(schema: JSON) -> bool:
    kinds = [b.get("type") for b in schema.get("anyOf", ())] or [schema.get("type")]
    return "null" in kinds or (schema.get("type") is None and "anyOf" not in schema)


def _one_of(
    name: str, branches: list[JSON], value: Any, allow_unknown: bool, unknown_hint: str
) -> Any:
    problems = []
    for branch in branches:
        try:
            return check_argument(name, branch, value, allow_unknown, unknown_hint=unknown_hint)
        except InputError as problem:
            problems.append((branch, problem))
    typed = [p for b, p in problems if _type_matches(value, b)]
    if len(typed) == 1:
        raise typed[0]
    raise InputError(f"{name} must be {describe({'anyOf': branches})}, got {type(value).__name__}")


def _check(name: str, schema: JSON, value: Any, allow_unknown: bool, unknown_hint: str) -> Any:
    if "enum" in schema:
        return check_enum(name, value, schema["enum"], allow_unknown, unknown_hint)
    kind = schema.get("type")
    if kind == "boolean":
        return check_bool(name, value)
    if kind == "integer":
        return check_int(name, value, _whole(schema.get("minimum")), _whole(schema.get("maximum")))
    if kind == "number":
        return _check_number(name, value, schema.get("minimum"), schema.get("maximum"))
    if kind == "string":
        return _check_string(name, schema, value)
    if kind == "array":
        return _check_array(name, schema, value, allow_unknown, unknown_hint)
    if kind == "object" or "properties" in schema:
        return _check_object(name, schema, value, allow_unknown, unknown_hint)
    return value


def _type_matches(value: Any, schema: JSON) -> bool:
    kind = schema.get("type")
    if kind is None or "enum" in schema:
        return kind is None or isinstance(value, str)
    types: dict[str, tuple[type, ...]] = {
        "string": (str, dt.datetime),
        "integer": (int,),
        "number": (int, float),
        "boolean": (bool,),
        "array": (list, tuple),
        "object": (Mapping,),
    }
    if isinstance(value, bool) and kind != "boolean":
        return False
    return isinstance(value, types.get(str(kind), object))


def _whole(bound: float | None) -> int | None:
    """A spec bound (JSON numbers may read as 2.0) as an integer bound."""
    return None if bound is None else int(bound)


def _check_number(name: str, value: object, low: float | None, high: float | None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"{name} must be a number, got {type(value).__name__}")
    check_bounds(name, value, low, high)
    return value


def _check_string(name: str, schema: JSON, value: object) -> str:
    if schema.get("format") == "date-time" and isinstance(value, dt.datetime):
        return check_datetime(name, value).isoformat()
    if not isinstance(value, str):
        raise InputError(f"{name} must be a string, got {type(value).__name__}")
    must = schema.get("x-not-blank")
    if must and not value.strip():
        if isinstance(must, str):
            raise InputError(f"{name} must {must}; it is empty")
        raise InputError(f"{name} must be a non-empty string")
    low, high = schema.get("minLength"), schema.get("maxLength")
    if (low is not None and len(value) < low) or (high is not None and len(value) > high):
        raise InputError(
            f"{name} must have between {low or 0} and {high or 'any number of'} characters, "
            f"got {len(value)}"
        )
    return value


def _check_array(
    name: str, schema: JSON, value: Any, allow_unknown: bool, unknown_hint: str
) -> list[Any]:
    items = schema.get("items", {})
    if items.get("type") == "string" and "enum" not in items:
        return check_str_list(name, value)
    if isinstance(value, str | bytes) or not isinstance(value, Sequence | set | frozenset):
        raise InputError(f"{name} must be a list, got {type(value).__name__}")
    return [
        check_argument(f"{name}[{i}]", items, v, allow_unknown, unknown_hint=unknown_hint)
        for i, v in enumerate(value)
    ]


def check_str_list(name: str, value: object) -> list[str]:
    """A list of non-empty strings (a tuple or set will do; a single string will not)."""
    if isinstance(value, str | bytes) or not isinstance(value, Sequence | set | frozenset):
        raise InputError(f"{name} must be a list of strings, got {type(value).__name__}")
    items: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise InputError(f"{name} must contain only non-empty strings, got {item!r}")
        items.append(item)
    return items


def _check_object(
    name: str, schema: JSON, value: Any, allow_unknown: bool, unknown_hint: str
) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise InputError(f"{name} must be a dict of str to str, got {type(value).__name__}")
    most = schema.get("maxProperties")
    if most is not None and len(value) > most:
        raise InputError(f"{name} may hold at most {most} pairs, got {len(value)}")
    keys = schema.get("propertyNames", {})
    values = schema.get("additionalProperties", True)
    properties = schema.get("properties", {})
    out: dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not key:
            raise InputError(f"{name} keys must be non-empty strings, got {key!r}")
        longest = keys.get("maxLength")
        if longest is not None and len(key) > longest:
            raise InputError(
                f"{name} key {key[:20]!r}... is {len(key)} characters; the limit is {longest}"
            )
        sub = properties.get(key, values)
        if sub is False:
            allowed = ", ".join(properties) or "none"
            raise InputError(f"{name} has no field {key!r} (fields: {allowed})")
        if isinstance(sub, dict) and sub.get("type") == "string" and key not in properties:
            out[key] = _map_text(name, key, item, sub)  # never echoed: may be a secret
        elif isinstance(sub, dict):
            out[key] = check_argument(
                f"{name}[{key!r}]", sub, item, allow_unknown, unknown_hint=unknown_hint
            )
        else:
            out[key] = item
    for field in schema.get("required", ()):
        if field not in value:
            raise InputError(f"{name} needs the field {field!r}")
    return out


def _map_text(name: str, key: str, item: object, schema: JSON) -> str:
    if not isinstance(item, str):
        raise InputError(f"{name}[{key!r}] must be a string, got {type(item).__name__}")
    longest = schema.get("maxLength")
    if longest is not None and len(item) > longest:
        raise InputError(f"{name}[{key!r}] is {len(item)} characters; the limit is {longest}")
    return item


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


def check_schema_json(text: object) -> str:
    """`structured_output_json` as given, once it parses to a plausible JSON Schema object."""
    from .structured_output import check_schema

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


def _check_domains(name: str, value: object) -> list[str]:
    domains = check_str_list(name, value)
    for domain in domains:
        check_domain(domain)
    return domains


FIELD_CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "allowed_domains": _check_domains,
    "structured_output_json": lambda name, value: check_schema_json(value),
}
"""Fields with a check of their own instead of their schema's (by name; a test checks that
they are real request fields)."""
