"""Answers completed from the spec: every property of the declared response is present.

Handlers build the fields they know about; `ResponseShapes` adds each property of the
operation's 200 schema that a handler left out (a field newer than the handler) with a
value valid for its schema, in nested objects and list items too, gives a field whose type the
spec changed (say a string that became an integer, a breaking change a regen accepted) the
new type, and stands in for an operation that has no handler yet. So after a regen the
emulator starts, and its answers carry the new fields and types and stay valid against the
spec.
"""

from __future__ import annotations

import functools
import json
import random
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from . import _schema_values
from ._spec import JSON, Operation, response_schema

Shape = Callable[[Any], Any]

# The Python types of a JSON value of each scalar schema type (bool is no integer here).
_SCALAR_TYPES: dict[str, frozenset[type]] = {
    "string": frozenset({str}),
    "integer": frozenset({int}),
    "number": frozenset({int, float}),
    "boolean": frozenset({bool}),
}


def _identity(value: Any) -> Any:
    return value


class ResponseShapes:
    """One shaping function per operation, compiled once from the operation table."""

    def __init__(self) -> None:
        self._by_name: dict[str, Shape | None] = {}  # by component schema (`x-schema`)

    def for_operation(self, op: Operation) -> Shape:
        """The function that completes `op`'s 200 answers (identity when nothing to do)."""
        schema = response_schema(op, 200)
        shape = self._compile(schema) if schema else None
        return shape or _identity

    def stand_in(self, op: Operation) -> Callable[[Any], Any]:
        """A handler for an operation the emulator does not implement yet (one a regen just
        added): after the usual request checks it answers a value valid for the declared
        200 schema, so the emulator starts and stays valid against the spec."""
        schema = response_schema(op, 200)

        def handler(call: Any) -> Any:
            return None if not schema else self.filler(schema, op.name)

        return handler

    def filler(self, schema: JSON, name: str) -> Any:
        """A value valid for `schema` (not null when the schema allows other values)."""
        branches = [b for b in schema.get("anyOf", ()) if b.get("type") != "null"]
        target = branches[0] if len(branches) == 1 else schema
        return _schema_values.generate(target, random.Random(f"response field {name}"))

    def _compile(self, schema: JSON) -> Shape | None:
        name = schema.get("x-schema")
        if isinstance(name, str):  # a component: compiled once, wherever it is used
            if name not in self._by_name:
                self._by_name[name] = self._compile_schema(schema)
            return self._by_name[name]
        return self._compile_schema(schema)

    def _compile_schema(self, target: JSON) -> Shape | None:
        branches = [b for b in target.get("anyOf", ()) if b.get("type") != "null"]
        if branches:
            shapes = [s for s in map(self._compile, branches) if s is not None]
            return shapes[0] if len(shapes) == 1 else None
        if target.get("type") == "array":
            item = self._compile(target.get("items", {}))
            return None if item is None else _list_of(item)
        if "properties" in target:
            return self._object(target)
        return None

    def _object(self, schema: JSON) -> Shape:
        props: dict[str, JSON] = schema["properties"]
        names = tuple(props)
        nested = [(name, inner) for name, prop in props.items() if (inner := self._compile(prop))]
        typed = [
            (name, kind, _SCALAR_TYPES[kind])
            for name, prop in props.items()
            if (kind := _scalar_type(prop)) is not None
        ]
        filled: dict[str, Any] = {}  # the same value each time: answers stay reproducible

        def fill(name: str) -> Any:
            if name not in filled:
                filled[name] = self.filler(props[name], name)
            return filled[name]

        def complete(value: Any) -> Any:
            if not isinstance(value, dict):
                return value
            changes = {name: fill(name) for name in names if name not in value}
            for name, kind, types in typed:
                item = value.get(name)
                if item is not None and type(item) not in types:
                    changes[name] = _retyped(item, kind, functools.partial(fill, name))
            for name, inner in nested:
                item = value.get(name)
                if item is not None and (done := inner(item)) is not item:
                    changes[name] = done
            # A new dict: handlers may answer with objects the emulator's state holds.
            return {**value, **changes} if changes else value

        return complete


def _scalar_type(schema: JSON) -> str | None:
    """The scalar JSON type `schema` declares (itself or as `X | null`), if any."""
    branches = [b for b in schema.get("anyOf", ()) if b.get("type") != "null"]
    kind = (branches[0] if len(branches) == 1 else schema).get("type")
    return kind if isinstance(kind, str) and kind in _SCALAR_TYPES else None


def _retyped(value: Any, kind: str, otherwise: Callable[[], Any]) -> Any:
    """`value` (a handler's answer for an older spec) as the scalar `kind` the spec declares
    now: "10000" as 10000 for an integer, 10000 as "10000" for a string; `otherwise()` when it
    does not convert (a text that is no number)."""
    if kind == "string":
        return json.dumps(value) if isinstance(value, bool | dict | list) else str(value)
    if kind == "boolean":
        text = str(value).lower()
        return text == "true" if text in ("true", "false") else otherwise()
    if isinstance(value, bool | dict | list):
        return otherwise()
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return otherwise()
    if not number.is_finite():
        return otherwise()
    if kind == "number":
        return float(number)
    return int(number) if number == number.to_integral_value() else otherwise()


def _list_of(item: Shape) -> Shape:
    def shape(value: Any) -> Any:
        return [item(v) for v in value] if isinstance(value, list) else value

    return shape
