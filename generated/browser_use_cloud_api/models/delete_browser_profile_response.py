from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class DeleteBrowserProfileResponse(FlatModel):
    """Empty answer to a profile deletion."""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> DeleteBrowserProfileResponse:
        """A DeleteBrowserProfileResponse from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_delete_browser_profile_response, d)


_FIELDS = frozenset(())


def parse_delete_browser_profile_response(d: Any) -> DeleteBrowserProfileResponse:
    """A DeleteBrowserProfileResponse from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(DeleteBrowserProfileResponse, _FIELDS, d)


def parse_delete_browser_profile_response_list(
    items: Any,
) -> tuple[DeleteBrowserProfileResponse, ...]:
    """`parse_delete_browser_profile_response` over a decoded JSON list."""
    return flat_results(DeleteBrowserProfileResponse, _FIELDS, items)
