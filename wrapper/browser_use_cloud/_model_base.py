"""What the spec-derived result types are built on: open enums, `raw`, fast parsing.

`_spec_models` (generated from openapi.json) declares the classes; this module holds the
hand-written behaviour they share and the conveniences layered on them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

import attrs

R = TypeVar("R")
_UTC = _dt.UTC
_fromiso = _dt.datetime.fromisoformat

# Result classes are frozen but not slotted: the parsers fill `__dict__` in one step,
# several times cheaper than calling `__init__` (a task can carry 100+ steps).
_new = object.__new__
_setattr = object.__setattr__

RAW: Any = attrs.field(repr=False, eq=False, default=None)
"""The `raw` field of a result type: the JSON object it was read from."""


class OpenStrEnum(StrEnum):
    """A StrEnum that accepts values it does not know (a newer server's), instead of failing."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper().replace("-", "_").replace(".", "_")
        member._value_ = value
        return member


class TaskStatusConveniences:
    """`TaskStatus.is_terminal`: True for finished, stopped and failed (not paused)."""

    value: str

    @property
    def is_terminal(self) -> bool:
        """True once the task has ended (finished, stopped or failed); paused is not."""
        return self.value in _TERMINAL


_TERMINAL = frozenset({"finished", "stopped", "failed"})


class ResultBase:
    """`raw` for result types whose fields are all taken as decoded (no conversion)."""

    @property
    def raw(self) -> Mapping[str, Any]:
        """The JSON object as received (including fields newer than this library)."""
        fields: dict[str, Any] = self.__dict__
        raw: Mapping[str, Any] = fields.get("_raw", fields)
        return raw


def parse_datetime(value: Any) -> _dt.datetime:
    """ISO 8601 text to an aware datetime (naive values are taken as UTC)."""
    try:
        parsed = _fromiso(value)
    except ValueError:
        from dateutil.parser import isoparse  # rare formats only; keeps imports light

        parsed = isoparse(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_UTC)


def flat_result(cls: type[R], names: frozenset[str], d: dict[str, Any]) -> R:
    """An instance of `cls` whose attribute dict is `d` itself when `d` holds exactly the
    field names (the common case: no copy); otherwise the fields, absent ones None, with
    `d` kept as `raw`."""
    result = _new(cls)
    _setattr(result, "__dict__", d if d.keys() == names else _fields(names, d))
    return result


def flat_results(cls: type[R], names: frozenset[str], items: list[dict[str, Any]]) -> tuple[R, ...]:
    """`flat_result` over a list (one call for a task's steps instead of two per step)."""
    out = []
    for d in items:
        result = _new(cls)
        _setattr(result, "__dict__", d if d.keys() == names else _fields(names, d))
        out.append(result)
    return tuple(out)


def _fields(names: frozenset[str], d: dict[str, Any]) -> dict[str, Any]:
    fields = {name: d.get(name) for name in names}
    fields["_raw"] = d
    return fields
