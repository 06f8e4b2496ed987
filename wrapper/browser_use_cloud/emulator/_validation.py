"""Request validation driven by the operation table, with FastAPI/pydantic v2 shaped errors.

JSON bodies must carry the JSON types the spec names (``"7"`` or ``true`` is not an
integer, ``0`` is not a boolean, a number is not a date-time). Query and path
parameters arrive as text and are read the way pydantic's lax mode reads them
(``"7"`` -> 7, ``"yes"`` -> True). Defaults from the spec are filled in, unknown
body fields are dropped. Limits that the service documents but the spec does not
declare (page size, ``max_agent_steps``, ``metadata`` sizes) are in the table's schemas
already (merged at build time from ``_spec/limits.py``).
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, ClassVar

from ._spec import JSON, Operation

Loc = tuple[str | int, ...]
ErrorDict = dict[str, Any]
Check = Callable[["SchemaValidator", JSON, Any, Loc, list[ErrorDict]], Any]

_TRUE = {"1", "on", "t", "true", "y", "yes"}
_FALSE = {"0", "off", "f", "false", "n", "no"}


class RequestValidationError(Exception):
    """The request does not match the spec; ``errors`` is FastAPI's ``detail`` list."""

    def __init__(self, errors: list[ErrorDict]) -> None:
        super().__init__(f"{len(errors)} validation error(s)")
        self.errors = errors


def error(kind: str, loc: Loc, msg: str, value: Any, ctx: JSON | None = None) -> ErrorDict:
    """One FastAPI-shaped validation error."""
    err: ErrorDict = {"type": kind, "loc": list(loc), "msg": msg, "input": value}
    if ctx is not None:
        err["ctx"] = ctx
    return err


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _expected(values: list[Any]) -> str:
    quoted = [repr(v) if isinstance(v, str) else str(v) for v in values]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


class SchemaValidator:
    """Validate and coerce values against the table's (self-contained) schemas."""

    def validate(self, schema: JSON, value: Any, loc: Loc, errors: list[ErrorDict]) -> Any:
        """Return the coerced value; append problems to ``errors``."""
        if "anyOf" in schema:
            return self._any_of(schema["anyOf"], value, loc, errors)
        if "enum" in schema:
            if value in schema["enum"]:
                return value
            expected = _expected(schema["enum"])
            errors.append(
                error("enum", loc, f"Input should be {expected}", value, {"expected": expected})
            )
            return value
        kind = schema.get("type")
        check = self._CHECKS.get(kind) if isinstance(kind, str) else None
        if check is None:
            return value
        return check(self, schema, value, loc, errors)

    def _any_of(self, branches: list[JSON], value: Any, loc: Loc, errors: list[ErrorDict]) -> Any:
        real = [b for b in branches if b.get("type") != "null"]
        if value is None and len(real) < len(branches):
            return None
        first: list[ErrorDict] = []
        for branch in real:
            attempt: list[ErrorDict] = []
            result = self.validate(branch, value, loc, attempt)
            if not attempt:
                return result
            first = first or attempt
        errors.extend(first)
        return value

    def _object(self, schema: JSON, value: Any, loc: Loc, errors: list[ErrorDict]) -> Any:
        if not isinstance(value, dict):
            if "properties" in schema:
                msg = "Input should be a valid dictionary or object to extract fields from"
                errors.append(error("model_attributes_type", loc, msg, value))
            else:
                errors.append(error("dict_type", loc, "Input should be a valid dictionary", value))
            return value
        if "properties" in schema:
            return self._model(schema, value, loc, errors)
        return self._mapping(schema, value, loc, errors)

    def _model(self, schema: JSON, value: JSON, loc: Loc, errors: list[ErrorDict]) -> JSON:
        out: JSON = {}
        required = set(schema.get("required", ()))
        for name, prop in schema["properties"].items():
            if name in value:
                out[name] = self.validate(prop, value[name], (*loc, name), errors)
            elif name in required:
                errors.append(error("missing", (*loc, name), "Field required", value))
            else:
                out[name] = copy.deepcopy(prop.get("default"))
        return out

    def _mapping(self, schema: JSON, value: JSON, loc: Loc, errors: list[ErrorDict]) -> JSON:
        limit = schema.get("maxProperties")
        if limit is not None and len(value) > limit:
            msg = f"Dictionary should have at most {limit} items after validation, not more"
            ctx = {"field_type": "Dictionary", "max_length": limit, "actual_length": None}
            errors.append(error("too_long", loc, msg, value, ctx))
            return value
        names: JSON = schema.get("propertyNames", {"type": "string"})
        items: JSON = schema.get("additionalProperties", {})
        if not isinstance(items, dict):
            items = {}
        out: JSON = {}
        for key, item in value.items():
            self.validate({"type": "string", **names}, key, (*loc, key, "[key]"), errors)
            out[key] = self.validate(items, item, (*loc, key), errors)
        return out

    def _array(self, schema: JSON, value: Any, loc: Loc, errors: list[ErrorDict]) -> Any:
        if not isinstance(value, list):
            errors.append(error("list_type", loc, "Input should be a valid list", value))
            return value
        items = schema.get("items", {})
        return [self.validate(items, v, (*loc, i), errors) for i, v in enumerate(value)]

    def _string(self, schema: JSON, value: Any, loc: Loc, errors: list[ErrorDict]) -> Any:
        if not isinstance(value, str):
            if schema.get("format") == "date-time" and _is_number(value) and not _in_body(loc):
                return datetime.fromtimestamp(float(value), UTC)
            errors.append(error("string_type", loc, "Input should be a valid string", value))
            return value
        low, high = schema.get("minLength"), schema.get("maxLength")
        if low is not None and len(value) < low:
            s = "" if low == 1 else "s"
            msg = f"String should have at least {low} character{s}"
            errors.append(error("string_too_short", loc, msg, value, {"min_length": low}))
        elif high is not None and len(value) > high:
            s = "" if high == 1 else "s"
            msg = f"String should have at most {high} character{s}"
            errors.append(error("string_too_long", loc, msg, value, {"max_length": high}))
        if schema.get("format") == "date-time":
            return _datetime(value, loc, errors)
        return value

    def _integer(self, schema: JSON, value: Any, loc: Loc, errors: list[ErrorDict]) -> Any:
        if _in_body(loc) and not _is_number(value):
            errors.append(error("int_type", loc, "Input should be a valid integer", value))
            return value
        number = _to_int(value, loc, errors)
        if number is None:
            return value
        return _bounds(schema, number, value, loc, errors)

    def _number(self, schema: JSON, value: Any, loc: Loc, errors: list[ErrorDict]) -> Any:
        if _is_number(value):
            return _bounds(schema, value, value, loc, errors)
        if isinstance(value, str) and not _in_body(loc):
            try:
                return _bounds(schema, float(value), value, loc, errors)
            except ValueError:
                msg = "Input should be a valid number, unable to parse string as a number"
                errors.append(error("float_parsing", loc, msg, value))
                return value
        errors.append(error("float_type", loc, "Input should be a valid number", value))
        return value

    def _boolean(self, schema: JSON, value: Any, loc: Loc, errors: list[ErrorDict]) -> Any:
        if isinstance(value, bool):
            return value
        if _in_body(loc):
            errors.append(error("bool_type", loc, "Input should be a valid boolean", value))
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        if isinstance(value, str | int | float):
            msg = "Input should be a valid boolean, unable to interpret input"
            errors.append(error("bool_parsing", loc, msg, value))
        else:
            errors.append(error("bool_type", loc, "Input should be a valid boolean", value))
        return value

    # The check of each JSON type the spec names (`validate` dispatches on "type").
    _CHECKS: ClassVar[Mapping[str, Check]] = {
        "object": _object,
        "array": _array,
        "string": _string,
        "integer": _integer,
        "number": _number,
        "boolean": _boolean,
    }


def _in_body(loc: Loc) -> bool:
    """JSON bodies are typed; only query and path parameters arrive as text to be read."""
    return bool(loc) and loc[0] == "body"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _to_int(value: Any, loc: Loc, errors: list[ErrorDict]) -> int | None:
    # pydantic's lax mode would read a JSON true/false as 1/0; the spec says integer, so a
    # boolean is refused (schemathesis' negative checks rely on it).
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return int(value)
        msg = "Input should be a valid integer, got a number with a fractional part"
        errors.append(error("int_from_float", loc, msg, value))
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            pass
        try:
            as_float = float(text)
        except ValueError:
            as_float = math.nan
        if math.isfinite(as_float) and as_float.is_integer() and "." in text:
            return int(as_float)
        msg = "Input should be a valid integer, unable to parse string as an integer"
        errors.append(error("int_parsing", loc, msg, value))
        return None
    errors.append(error("int_type", loc, "Input should be a valid integer", value))
    return None


def _bounds(schema: JSON, number: Any, raw: Any, loc: Loc, errors: list[ErrorDict]) -> Any:
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and number < low:
        msg = f"Input should be greater than or equal to {_num(low)}"
        errors.append(error("greater_than_equal", loc, msg, raw, {"ge": _num(low)}))
    elif high is not None and number > high:
        msg = f"Input should be less than or equal to {_num(high)}"
        errors.append(error("less_than_equal", loc, msg, raw, {"le": _num(high)}))
    return number


def _datetime(value: str, loc: Loc, errors: list[ErrorDict]) -> Any:
    try:
        parsed = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        reason = "input is too short" if len(value) < 10 else "invalid datetime format"
        msg = f"Input should be a valid datetime or date, {reason}"
        errors.append(error("datetime_from_date_parsing", loc, msg, value, {"error": reason}))
        return value
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def validate_request(
    validator: SchemaValidator,
    op: Operation,
    path_params: Mapping[str, str],
    query: Mapping[str, str],
    body: bytes,
    *,
    headers: Mapping[str, str] | None = None,
    cookies: Mapping[str, str] | None = None,
) -> tuple[JSON, Any]:
    """Check parameters and body of one request; return them coerced, or raise."""
    errors: list[ErrorDict] = []
    params: JSON = {}
    sources = {"path": path_params, "query": query, "header": headers, "cookie": cookies}
    for param in op.parameters:
        name, where = param["name"], param["in"]
        source = sources.get(where) or {}
        schema = param.get("schema", {})
        loc: Loc = (where, name)
        if name in source:
            params[name] = validator.validate(schema, source[name], loc, errors)
        elif param.get("required"):
            errors.append(error("missing", loc, "Field required", None))
        else:
            params[name] = schema.get("default")
    parsed: Any = None
    if op.body_schema is not None:
        parsed = _body(validator, op.body_schema, body, errors)
    if errors:
        raise RequestValidationError(errors)
    return params, parsed


def _body(validator: SchemaValidator, schema: JSON, body: bytes, errors: list[ErrorDict]) -> Any:
    if not body.strip():
        errors.append(error("missing", ("body",), "Field required", None))
        return None
    try:
        value = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        pos = exc.pos if isinstance(exc, json.JSONDecodeError) else 0
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "invalid encoding"
        errors.append(
            error("json_invalid", ("body", pos), "JSON decode error", {}, {"error": reason})
        )
        return None
    return validator.validate(schema, value, ("body",), errors)
