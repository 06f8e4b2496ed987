"""Types shared by the generated operations and models."""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    """The type of UNSET: a field or argument that was not given at all (unlike None)."""

    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

FileContent = IO[bytes] | bytes | str
FileTypes = (
    tuple[str | None, FileContent, str | None]
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """A file to send as multipart/form-data."""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        return self.file_name, self.payload, self.mime_type


def status_of(code: int) -> HTTPStatus | int:
    """The HTTPStatus for a registered code; the bare int for others (Cloudflare 520, nginx 499)."""
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


T = TypeVar("T")


@define
class Response(Generic[T]):
    """An HTTP response with its parsed body (None when the status was not declared)."""

    status_code: HTTPStatus | int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset", "status_of"]
