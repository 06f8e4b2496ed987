from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..models.validation_error import (
    ValidationError,
    parse_validation_error_list,
)
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
        return read_model(cls, parse_http_validation_error, d)


def parse_http_validation_error(d: Any) -> HTTPValidationError:
    """A HTTPValidationError from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    get = d.get
    detail = get("detail")
    result = _new(HTTPValidationError)
    _setattr(
        result,
        "__dict__",
        {
            "detail": None if detail is None else parse_validation_error_list(detail),
            "raw": d,
        },
    )
    return result


def parse_http_validation_error_list(items: Any) -> tuple[HTTPValidationError, ...]:
    """`parse_http_validation_error` over a decoded JSON list."""
    parse = parse_http_validation_error
    return tuple([parse(item) for item in items])
