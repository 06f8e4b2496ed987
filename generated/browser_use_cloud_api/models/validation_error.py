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
        return read_model(cls, cls._parse, d)

    @classmethod
    def _parse(cls, d: Any) -> ValidationError:
        """A ValidationError from its decoded JSON object, kept as `raw` (no copy)."""
        result = _new(cls)
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

    @classmethod
    def _parse_many(cls, items: Any) -> tuple[ValidationError, ...]:
        """`_parse` over a decoded JSON list."""
        parse = cls._parse
        return tuple([parse(item) for item in items])
