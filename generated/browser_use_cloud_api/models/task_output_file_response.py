from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class TaskOutputFileResponse(FlatModel):
    """A presigned download URL for one output file.

    Attributes:
        download_url: Presigned URL to GET the file from; it expires.
    """

    download_url: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TaskOutputFileResponse:
        """A TaskOutputFileResponse from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_task_output_file_response, d)


_FIELDS = frozenset(("download_url",))


def parse_task_output_file_response(d: Any) -> TaskOutputFileResponse:
    """A TaskOutputFileResponse from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(TaskOutputFileResponse, _FIELDS, d)


def parse_task_output_file_response_list(items: Any) -> tuple[TaskOutputFileResponse, ...]:
    """`parse_task_output_file_response` over a decoded JSON list."""
    return flat_results(TaskOutputFileResponse, _FIELDS, items)
