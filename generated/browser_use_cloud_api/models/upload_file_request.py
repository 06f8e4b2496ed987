from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class UploadFileRequest(FlatModel):
    """The name and content type of a file to be uploaded.

    Attributes:
        file_name: Name the file will have; tasks refer to it by this name.
        content_type: MIME type of the file, such as image/png or application/pdf; the PUT must send
            the same.
    """

    file_name: str
    content_type: str

    _REQUIRED: ClassVar[frozenset[str]] = frozenset(
        (
            "file_name",
            "content_type",
        )
    )

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> UploadFileRequest:
        """A UploadFileRequest from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_upload_file_request, d)


_FIELDS = frozenset(
    (
        "file_name",
        "content_type",
    )
)


def parse_upload_file_request(d: Any) -> UploadFileRequest:
    """A UploadFileRequest from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(UploadFileRequest, _FIELDS, d)


def parse_upload_file_request_list(items: Any) -> tuple[UploadFileRequest, ...]:
    """`parse_upload_file_request` over a decoded JSON list."""
    return flat_results(UploadFileRequest, _FIELDS, items)
