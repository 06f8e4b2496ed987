"""Result types to and from the API's JSON: `to_dict()`, `to_json()` and `from_dict()`.

`to_dict()` gives the JSON object the API sent for a result (its `raw`), rebuilt from the
attributes so that a changed copy (`attrs.evolve`) says what it holds now: each field is
written back in the API's form (enums as their value, datetimes as the text received when
it still means the same instant, else ISO 8601), fields newer than this library are kept
as received, and the API's key order is kept. A result built by hand (no `raw`) gives
every field, `null` for None. `from_dict()` reads that object back (or one the API sent):
`T.from_dict(x.to_dict()) == x`.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, TypeVar

import attrs

from ._exceptions import InputError
from ._model_base import parse_datetime

R = TypeVar("R")

_JSON_FIELDS: dict[type, tuple[str, ...]] = {}
NOT_JSON = {"json": False}
"""attrs field metadata for an attribute that is ours, not part of the API's object."""


class JsonResult:
    """`to_dict()` and `to_json()` for an attrs result type that keeps its JSON in `raw`."""

    def to_dict(self) -> dict[str, Any]:
        """The API's JSON object for this result, as plain dicts, lists, strings and numbers.

        Fields newer than this library are included as received; `from_dict()` reads it back.
        """
        names = _json_fields(type(self))
        raw = getattr(self, "raw", None)
        received: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
        out: dict[str, Any] = {}
        for key, raw_value in received.items():
            if key in names:
                out[key] = to_json_value(getattr(self, key), raw_value)
            else:
                out[key] = copy_json(raw_value)
        for name in names:
            if name in received:
                continue
            value = getattr(self, name)
            if value is not None or not received:  # absent from the API's object: stays absent
                out[name] = to_json_value(value, None)
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        """`to_dict()` as JSON text (`indent` as for `json.dumps`)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def _json_fields(cls: type) -> tuple[str, ...]:
    names = _JSON_FIELDS.get(cls)
    if names is None:
        names = tuple(
            field.name
            for field in attrs.fields(cls)
            if field.name != "raw" and field.metadata.get("json", True)
        )
        _JSON_FIELDS[cls] = names
    return names


def to_json_value(value: Any, received: Any) -> Any:
    """`value` in the API's JSON form; `received` is what the API sent for it, if anything."""
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, _dt.datetime):
        if isinstance(received, str) and _same_instant(received, value):
            return received
        return value.isoformat()
    if isinstance(value, JsonResult):
        return value.to_dict()
    if isinstance(value, Mapping):
        sent = received if isinstance(received, Mapping) else {}
        return {str(key): to_json_value(item, sent.get(key)) for key, item in value.items()}
    if isinstance(value, tuple | list):
        sent_items = received if isinstance(received, list) and len(received) == len(value) else ()
        if sent_items:
            return [to_json_value(item, sent) for item, sent in zip(value, sent_items, strict=True)]
        return [to_json_value(item, None) for item in value]
    return value


def _same_instant(text: str, value: _dt.datetime) -> bool:
    try:
        return parse_datetime(text) == value
    except (ValueError, OverflowError):
        return False


def copy_json(value: Any) -> Any:
    """A copy of decoded JSON (dicts and lists copied, leaves shared): a result read from a
    caller's dict must not change when the caller changes that dict."""
    if isinstance(value, Mapping):
        return {key: copy_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [copy_json(item) for item in value]
    return value


def read_result(cls: type, parse: Callable[[Any], R], d: object) -> R:
    """`parse` applied to a copy of `d` (what `from_dict` does), with a clear error naming
    `cls` when `d` is not such an object."""
    name = f"{cls.__name__}.from_dict"
    if not isinstance(d, Mapping):
        raise InputError(f"{name} takes a JSON object (a dict), not {type(d).__name__}")
    try:
        return parse(copy_json(d))
    except KeyError as exc:
        raise InputError(f"{name}: the object lacks {exc}, which a {cls.__name__} has") from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{name}: the object is not a {cls.__name__} ({exc})") from None
