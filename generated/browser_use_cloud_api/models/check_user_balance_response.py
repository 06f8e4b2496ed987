from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class CheckUserBalanceResponse(FlatModel):
    """The account's credit balance.

    Attributes:
        balance: Remaining credits, as a string of whole credits (one credit is one US cent).
    """

    balance: str
    _FIELDS: ClassVar[frozenset[str]] = frozenset(("balance",))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> CheckUserBalanceResponse:
        """A CheckUserBalanceResponse from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, cls._parse, d)

    @classmethod
    def _parse(cls, d: Any) -> CheckUserBalanceResponse:
        """A CheckUserBalanceResponse from its decoded JSON object, kept as `raw` (no copy)."""
        return flat_result(cls, cls._FIELDS, d)

    @classmethod
    def _parse_many(cls, items: Any) -> tuple[CheckUserBalanceResponse, ...]:
        """`_parse` over a decoded JSON list."""
        return flat_results(cls, cls._FIELDS, items)
