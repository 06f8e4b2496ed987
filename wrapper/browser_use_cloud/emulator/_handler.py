"""What every API handler gets and the helpers they share."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ._state import State

if TYPE_CHECKING:
    from starlette.requests import Request


@dataclass(frozen=True)
class Call:
    """One validated API call: coerced parameters and body, plus the state."""

    request: Request
    state: State
    params: dict[str, Any]
    body: Any

    @property
    def origin(self) -> str:
        """``scheme://host:port`` the client used, for URLs that point back here."""
        return str(self.request.base_url).rstrip("/")


Handler = Callable[[Call], Any]


def iso(moment: datetime | None) -> str | None:
    """A timestamp as the API writes it (ISO 8601, UTC offset included)."""
    return moment.isoformat() if moment is not None else None


def page_of(items: Sequence[Any], page: int, limit: int) -> tuple[list[Any], dict[str, int]]:
    """One page of ``items`` and the counters of a list response.

    ``total_pages`` is ``ceil(total_count / limit)``, so 0 for an empty list; a page
    past the end is empty.
    """
    start = (page - 1) * limit
    counters = {
        "total_pages": math.ceil(len(items) / limit),
        "page": page,
        "limit": limit,
        "total_count": len(items),
    }
    return list(items[start : start + limit]), counters
