from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class UploadFileResponse(FlatModel):
    """Where to PUT the file's bytes.

    Attributes:
        upload_url: Presigned URL; PUT the bytes there with the requested content type.
    """

    upload_url: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> UploadFileResponse:
        """A UploadFileResponse from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_upload_file_response, d)


_FIELDS = frozenset(("upload_url",))


def parse_upload_file_response(d: Any) -> UploadFileResponse:
    """A UploadFileResponse from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(UploadFileResponse, _FIELDS, d)


def parse_upload_file_response_list(items: Any) -> tuple[UploadFileResponse, ...]:
    """`parse_upload_file_response` over a decoded JSON list."""
    return flat_results(UploadFileResponse, _FIELDS, items)
