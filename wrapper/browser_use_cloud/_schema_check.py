"""Check a value against the JSON Schema subset the API's spec uses (pure, no dependencies).

Covers `type`, `anyOf`/`oneOf`, `enum`, `const`, `minimum`/`maximum`, `minLength`/
`maxLength`, `items`, `properties`/`required`/`additionalProperties`. Keywords it does
not know are ignored: the server has the last word, this only refuses what it surely
would. `check_value` returns what is wrong, or None.
"""

from __future__ import annotations

from typing import Any

JSON = dict[str, Any]

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list, tuple),
    "object": (dict,),
}


def _has_type(value: Any, name: str) -> bool:
    if name == "null":
        return value is None
    if isinstance(value, bool) and name != "boolean":
        return False  # True is an int in Python, never in JSON
    if name == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, _TYPES.get(name, object))


def describe_type(schema: JSON) -> str:
    """`string`, `integer or null`, `one of 'a', 'b'`: what a schema accepts, in words."""
    choices = schema.get("anyOf") or schema.get("oneOf")
    if choices:
        return " or ".join(dict.fromkeys(describe_type(choice) for choice in choices))
    if "enum" in schema:
        return "one of " + ", ".join(repr(v) for v in schema["enum"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return " or ".join(kind)
    if kind == "array" and isinstance(schema.get("items"), dict):
        return f"a list of {describe_type(schema['items'])}"
    return str(kind) if kind else "any value"


def check_value(value: Any, schema: JSON) -> str | None:
    """What is wrong with `value` for `schema` ("must be ...", "has no field ..."), or None."""
    choices = schema.get("anyOf") or schema.get("oneOf")
    if choices:
        problems = [check_value(value, choice) for choice in choices]
        if all(problem is not None for problem in problems):
            # One alternative whose type matched says more than "must be X or Y".
            typed = [p for p, c in zip(problems, choices, strict=True) if _type_matches(value, c)]
            if len(typed) == 1:
                return typed[0]
            return f"must be {describe_type(schema)}, got {_shown(value)}"
        return None
    if not _type_matches(value, schema):
        return f"must be {describe_type(schema)}, got {_shown(value)}"
    if "enum" in schema and value not in schema["enum"]:
        return f"must be {describe_type(schema)}, got {value!r}"
    if "const" in schema and value != schema["const"]:
        return f"must be {schema['const']!r}, got {value!r}"
    return _check_bounds(value, schema) or _check_parts(value, schema)


def _type_matches(value: Any, schema: JSON) -> bool:
    kind = schema.get("type")
    if kind is None:
        return True
    kinds = kind if isinstance(kind, list) else [kind]
    return any(_has_type(value, k) for k in kinds)


def _check_bounds(value: Any, schema: JSON) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and value < low:
            return f"must be at least {low}, got {value!r}"
        if high is not None and value > high:
            return f"must be at most {high}, got {value!r}"
    if isinstance(value, str):
        shortest, longest = schema.get("minLength"), schema.get("maxLength")
        if shortest is not None and len(value) < shortest:
            return f"must have at least {shortest} characters"
        if longest is not None and len(value) > longest:
            return f"must have at most {longest} characters"
    return None


def _check_parts(value: Any, schema: JSON) -> str | None:
    items = schema.get("items")
    if isinstance(value, list | tuple) and isinstance(items, dict):
        for index, item in enumerate(value):
            problem = check_value(item, items)
            if problem is not None:
                return f"item {index} {problem}"
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", ()):
            if name not in value:
                return f"needs the field {name!r}"
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            if not isinstance(name, str):
                return f"has a key that is not a string: {name!r}"
            sub = properties.get(name, extra if isinstance(extra, dict) else None)
            if sub is None and extra is False:
                return f"has no field {name!r} (fields: {', '.join(properties)})"
            if sub is not None:
                problem = check_value(item, sub)
                if problem is not None:
                    return f"field {name!r} {problem}"
    return None


def _shown(value: Any) -> str:
    """The value's JSON type only: a value can be a secret (a task's `secrets`)."""
    for name in ("null", "boolean", "integer", "number", "string", "array", "object"):
        if _has_type(value, name):
            return name if name == "null" else f"a{'n' if name[0] in 'aeiou' else ''} {name}"
    return f"a Python {type(value).__name__}"
