"""Make a deterministic JSON value that validates against a user's JSON schema.

Covers what ``pydantic.BaseModel.model_json_schema()`` emits and a bit more:
``$ref``/``$defs``/``definitions``, ``allOf``/``anyOf``/``oneOf``, ``const``,
``enum``, nested objects, arrays (``prefixItems``, ``uniqueItems``, bounds),
string formats (date, date-time, time, email, uri, uuid, hostname, ipv4/ipv6),
string lengths and numeric bounds. Arrays get a few items at every depth (recursive
schemas stop after two levels); strings and numbers fit their field's name and hints
(``_field_words``), and a schema's ``examples`` are used as they are. Every candidate is
checked with jsonschema; ``pattern`` is honoured only when a candidate happens to match.
"""

from __future__ import annotations

import json
import math
import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from ._field_words import WORDS, number_range, singular, text_for, words_of
from ._spec import JSON

_MAX_DEPTH = 8  # deeper than this, only what the schema requires is generated
_GIVE_UP_DEPTH = 40  # self-requiring schemas: stop with null rather than recurse forever
_MAX_SIZE = 1000  # cap for minItems/minLength/minProperties taken from a user's schema
_ATTEMPTS = 25
_ITEM_BUDGET = 120  # array items a value may hold beyond what the schema requires
_RECURSION = 2  # a schema that contains itself is filled this many levels deep
_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


class SchemaError(ValueError):
    """The text is not JSON, or not a valid JSON schema."""


def parse_schema(text: str) -> JSON:
    """Parse ``structured_output_json``; raise SchemaError naming the problem."""
    import jsonschema

    try:
        schema = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"structured_output_json is not valid JSON: {exc.msg}") from None
    if not isinstance(schema, dict):
        raise SchemaError("structured_output_json must be a JSON object (a JSON schema)")
    try:
        jsonschema.validators.validator_for(schema).check_schema(schema)
    except jsonschema.SchemaError as exc:
        msg = f"structured_output_json is not a valid JSON schema: {exc.message}"
        raise SchemaError(msg) from None
    return schema


def is_valid(schema: JSON | bool, value: Any) -> bool:
    """Whether ``value`` validates against ``schema``, formats included."""
    import jsonschema

    cls = jsonschema.validators.validator_for(schema)
    try:
        valid = cls(schema, format_checker=cls.FORMAT_CHECKER).is_valid(value)
    except RecursionError:  # a schema that only refers to itself
        return False
    return bool(valid and _formats_ok(schema, value))


def generate(schema: JSON | bool, rng: random.Random) -> Any:
    """A value valid for ``schema`` (best effort after several seeded attempts)."""
    value: Any = None
    for _ in range(_ATTEMPTS):
        try:
            value = _Generator(schema, rng).value(schema, "", 0)
        except (ValueError, TypeError, IndexError, KeyError, OverflowError, RecursionError):
            continue  # e.g. an empty enum or contradictory bounds: try another draw
        if is_valid(schema, value):
            return value
    return value


def _formats_ok(schema: JSON | bool, value: Any) -> bool:
    """Strict checks for formats that jsonschema skips without optional packages."""
    return all(_format_ok(fmt, v) for fmt, v in _formatted(schema, schema, value, 0))


def _formatted(root: Any, schema: Any, value: Any, depth: int) -> list[tuple[str, Any]]:
    if not isinstance(schema, dict) or depth > _MAX_DEPTH:
        return []
    schema = _resolve(root, schema)
    found: list[tuple[str, Any]] = []
    if isinstance(value, str) and "format" in schema:
        found.append((schema["format"], value))
    if isinstance(value, dict) and isinstance(schema.get("properties"), dict):
        for name, sub in schema["properties"].items():
            if name in value:
                found += _formatted(root, sub, value[name], depth + 1)
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for item in value:
            found += _formatted(root, schema["items"], item, depth + 1)
    return found


def _format_ok(fmt: str, value: str) -> bool:
    try:
        if fmt == "date-time":
            return "T" in value and datetime.fromisoformat(value).tzinfo is not None
        if fmt == "date":
            datetime.strptime(value, "%Y-%m-%d")
        elif fmt == "uuid":
            uuid.UUID(value)
        elif fmt in ("uri", "url"):
            return value.startswith(("http://", "https://")) and " " not in value
        elif fmt == "email":
            local, _, domain = value.partition("@")
            return bool(local) and "." in domain
    except ValueError:
        return False
    return True


def _resolve(root: Any, schema: JSON) -> JSON:
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and seen < 32:
        ref = schema["$ref"]
        if not ref.startswith("#"):
            return {}
        node: Any = root
        for part in [p for p in ref[1:].split("/") if p]:
            node = node[part.replace("~1", "/").replace("~0", "~")]
        schema = {**node, **{k: v for k, v in schema.items() if k != "$ref"}}
        seen += 1
    return schema


class _Generator:
    def __init__(self, root: JSON | bool, rng: random.Random) -> None:
        self.root = root
        self.rng = rng
        self.refs: list[str] = []  # the $refs being filled, outermost first
        self.owners: list[str] = []  # what the enclosing objects are called, outermost first
        self.items_left = _ITEM_BUDGET

    def value(self, schema: Any, name: str, depth: int) -> Any:
        if schema is True or schema == {}:
            return self._text(name, {})
        if not isinstance(schema, dict) or depth > _GIVE_UP_DEPTH:
            return None
        ref = schema.get("$ref")
        self.refs.append(ref if isinstance(ref, str) else "")
        try:
            return self._value(_resolve(self.root, schema), name, depth)
        finally:
            self.refs.pop()

    def _value(self, schema: JSON, name: str, depth: int) -> Any:
        if "allOf" in schema:
            schema = self._merge(schema)
        examples = [e for e in schema.get("examples", ()) if self._fits(schema, e)]
        if examples:
            return self.rng.choice(examples)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return self.rng.choice(schema["enum"])
        for key in ("oneOf", "anyOf"):
            if key in schema:
                return self._branch(schema, key, name, depth)
        kind = self._type(schema)
        maker = {
            "object": self._object,
            "array": self._array,
            "string": self._string,
            "integer": self._integer,
            "number": self._number,
            "boolean": self._boolean,
        }.get(kind)
        return maker(schema, name, depth) if maker else None

    def _fits(self, schema: JSON, value: Any) -> bool:
        root = self.root if isinstance(self.root, dict) else {}
        defs: JSON = {k: root[k] for k in ("$defs", "definitions") if k in root}
        return is_valid({**schema, **defs, "examples": []}, value)

    def _recursive(self, schema: Any) -> bool:
        """Whether filling ``schema`` would enter a $ref already open ``_RECURSION`` times."""
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        return isinstance(ref, str) and self.refs.count(ref) >= _RECURSION

    def _merge(self, schema: JSON) -> JSON:
        merged: JSON = {k: v for k, v in schema.items() if k != "allOf"}
        for part in schema["allOf"]:
            part = _resolve(self.root, part) if isinstance(part, dict) else {}
            for key, val in part.items():
                if key == "properties":
                    merged["properties"] = {**merged.get("properties", {}), **val}
                elif key == "required":
                    merged["required"] = sorted({*merged.get("required", ()), *val})
                else:
                    merged.setdefault(key, val)
        return merged

    def _branch(self, schema: JSON, key: str, name: str, depth: int) -> Any:
        branches = list(schema[key])
        real = [b for b in branches if not (isinstance(b, dict) and b.get("type") == "null")]
        pick = self.rng.choice(real or branches)
        rest = {k: v for k, v in schema.items() if k != key}
        if isinstance(pick, dict):
            pick = {**rest, **_resolve(self.root, pick)}
        return self.value(pick, name, depth)

    def _type(self, schema: JSON) -> str:
        kind = schema.get("type")
        if isinstance(kind, list):
            real = [k for k in kind if k != "null"]
            return str(self.rng.choice(real)) if real else "null"
        if isinstance(kind, str):
            return kind
        if "properties" in schema or "additionalProperties" in schema:
            return "object"
        if "items" in schema or "prefixItems" in schema:
            return "array"
        if "minimum" in schema or "maximum" in schema:
            return "number"
        return "string"

    def _object(self, schema: JSON, name: str, depth: int) -> JSON:
        out: JSON = {}
        required = set(schema.get("required", ()))
        self.owners.append(name or str(schema.get("title", "")))
        try:
            for prop, sub in schema.get("properties", {}).items():
                if prop in required or depth < _MAX_DEPTH // 2:
                    out[prop] = self.value(sub, prop, depth + 1)
            extra = schema.get("additionalProperties")
            wanted = min(max(schema.get("minProperties", 0), 0 if out else 1), _MAX_SIZE)
            if isinstance(extra, dict) and not schema.get("properties"):
                for i in range(max(wanted, 2)):
                    key = f"{self.rng.choice(WORDS)}_{i + 1}"
                    out[key] = self.value(extra, name, depth + 1)
        finally:
            self.owners.pop()
        return out

    def _array(self, schema: JSON, name: str, depth: int) -> list[Any]:
        prefix = schema.get("prefixItems", [])
        low = min(max(schema.get("minItems", 0), len(prefix)), _MAX_SIZE)
        high = schema.get("maxItems", max(low, 3))
        items = schema.get("items", {})
        fill = depth < _MAX_DEPTH and self.items_left > 0 and not self._recursive(items)
        wanted = self.rng.randint(2, 3) if fill else 0
        count = min(max(low, wanted), high)
        self.items_left -= count
        item_name = " ".join(singular(w) for w in words_of(name))
        out: list[Any] = []
        for i in range(count):
            sub = prefix[i] if i < len(prefix) else items
            value = self.value(sub, item_name, depth + 1)
            tries = 0  # distinct items read better, and uniqueItems requires them
            while value in out and tries < (10 if schema.get("uniqueItems") else 3):
                value = self.value(sub, item_name, depth + 1)
                tries += 1
            out.append(value)
        return out

    def _boolean(self, schema: JSON, name: str, depth: int) -> bool:
        return self.rng.random() < 0.5

    def _string(self, schema: JSON, name: str, depth: int) -> str:
        fmt = schema.get("format")
        value = self._formatted(fmt) if fmt else self._text(name, schema)
        low, high = min(schema.get("minLength", 0), _MAX_SIZE), schema.get("maxLength")
        if len(value) < low:
            value = (value + " " + "x" * low)[:low] if value else "x" * low
        if high is not None and len(value) > high:
            value = value[:high]
        return value

    def _formatted(self, fmt: str) -> str:
        moment = _EPOCH + timedelta(minutes=self.rng.randint(0, 60 * 24 * 365))
        word = self.rng.choice(WORDS)
        return {
            "date-time": moment.isoformat().replace("+00:00", "Z"),
            "date": moment.date().isoformat(),
            "time": moment.time().isoformat(),
            "email": f"{word}.team@example.com",
            "idn-email": f"{word}@example.com",
            "uri": f"https://www.example.com/{word}",
            "url": f"https://www.example.com/{word}",
            "iri": f"https://www.example.com/{word}",
            "uri-reference": f"/{word}",
            "uuid": str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
            "hostname": f"{word}.example.com",
            "ipv4": f"192.0.2.{self.rng.randint(1, 254)}",
            "ipv6": f"2001:db8::{self.rng.randint(1, 9999)}",
            "duration": f"P{self.rng.randint(1, 30)}D",
        }.get(fmt, f"{word}")

    def _text(self, name: str, schema: JSON) -> str:
        hints = (name, str(schema.get("title", "")), str(schema.get("description", "")))
        return text_for(hints, self.owners[-1] if self.owners else "", self.rng)

    def _integer(self, schema: JSON, name: str, depth: int) -> int:
        low, high = self._range(schema, name, integer=True)
        value = self.rng.randint(int(low), int(high))
        step = schema.get("multipleOf")
        if isinstance(step, int) and step > 0:
            value = max(int(low), min(int(high), value - value % step))
            if value % step:
                value += step - value % step
        return value

    def _number(self, schema: JSON, name: str, depth: int) -> float | int:
        low, high = self._range(schema, name, integer=False)
        value = round(self.rng.uniform(low, high), 2)
        value = min(max(value, low), high)
        step = schema.get("multipleOf")
        if isinstance(step, int | float) and step > 0:
            value = round(round(value / step) * step, 10)
        return value

    def _range(self, schema: JSON, name: str, *, integer: bool) -> tuple[float, float]:
        """The schema's bounds; without any, a plausible range for the field's name."""
        hinted = number_range(" ".join((name, str(schema.get("title", "")))))
        if hinted is not None and not any(key in schema for key in _BOUNDS):
            low, high = hinted
            return (float(math.ceil(low)), float(math.floor(high))) if integer else hinted
        return _range(schema, integer=integer)


def _range(schema: JSON, *, integer: bool) -> tuple[float, float]:
    nudge = 1 if integer else 0.01
    low = schema.get("minimum", -1e15)
    high = schema.get("maximum", 1e15)
    ex_low, ex_high = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    if isinstance(ex_low, int | float) and not isinstance(ex_low, bool):
        low = max(low, ex_low + nudge)
    if isinstance(ex_high, int | float) and not isinstance(ex_high, bool):
        high = min(high, ex_high - nudge)
    if "minimum" not in schema and "exclusiveMinimum" not in schema:
        low = max(low, min(1, high))
    if "maximum" not in schema and "exclusiveMaximum" not in schema:
        high = max(low, min(high, low + (100 if integer else 1000)))
    if integer:
        return float(math.ceil(low)), float(math.floor(high))
    return float(low), float(high)
