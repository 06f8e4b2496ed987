from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> CheckUserBalanceResponse:
        """A CheckUserBalanceResponse from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_check_user_balance_response, d)


_FIELDS = frozenset(("balance",))


def parse_check_user_balance_response(d: Any) -> CheckUserBalanceResponse:
    """A CheckUserBalanceResponse from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(CheckUserBalanceResponse, _FIELDS, d)


def parse_check_user_balance_response_list(items: Any) -> tuple[CheckUserBalanceResponse, ...]:
    """`parse_check_user_balance_response` over a decoded JSON list."""
    return flat_results(CheckUserBalanceResponse, _FIELDS, items)
