from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import RAW, JsonModel, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class ValidationError(JsonModel):
    """One validation problem: its location in the request, a message and an error type."""

    loc: tuple[Any, ...]
    msg: str
    type_: str
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ValidationError:
        """A ValidationError from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_validation_error, d)


def parse_validation_error(d: Any) -> ValidationError:
    """A ValidationError from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    result = _new(ValidationError)
    _setattr(
        result,
        "__dict__",
        {
            "loc": tuple(d["loc"]),
            "msg": d["msg"],
            "type_": d["type"],
            "raw": d,
        },
    )
    return result


def parse_validation_error_list(items: Any) -> tuple[ValidationError, ...]:
    """`parse_validation_error` over a decoded JSON list."""
    parse = parse_validation_error
    return tuple([parse(item) for item in items])
