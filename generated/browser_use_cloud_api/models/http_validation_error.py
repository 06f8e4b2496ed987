from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..models.validation_error import ValidationError
from ..types import RAW, JsonModel, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class HTTPValidationError(JsonModel):
    """The request did not match the schema; each entry says where and why."""

    detail: tuple[ValidationError, ...] | None = None
    raw: Mapping[str, Any] | None = RAW

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> HTTPValidationError:
        """A HTTPValidationError from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, cls._parse, d)

    @classmethod
    def _parse(cls, d: Any) -> HTTPValidationError:
        """A HTTPValidationError from its decoded JSON object, kept as `raw` (no copy)."""
        get = d.get
        detail = get("detail")
        result = _new(cls)
        _setattr(
            result,
            "__dict__",
            {
                "detail": None if detail is None else ValidationError._parse_many(detail),
                "raw": d,
            },
        )
        return result

    @classmethod
    def _parse_many(cls, items: Any) -> tuple[HTTPValidationError, ...]:
        """`_parse` over a decoded JSON list."""
        parse = cls._parse
        return tuple([parse(item) for item in items])
