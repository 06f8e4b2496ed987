"""Prepare a file for upload (pure): name, content type, size, and a re-openable stream.

Only images and documents are accepted, up to `max_bytes` (10 MB by default, the
service's per-file limit); the content-type and file-name rules here are the emulator's
too. Files on disk are streamed in chunks, never read whole, and can be re-read from the
start if the upload is retried.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO

import attrs

from .._exceptions import InputError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
CHUNK_SIZE = 64 * 1024

FileSource = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO

DOCUMENT_TYPES = frozenset(
    {
        "application/pdf",
        "text/plain",
        "text/csv",
        "text/tab-separated-values",
        "text/markdown",
        "text/x-markdown",
        "text/html",
        "text/xml",
        "application/xml",
        "application/json",
        "application/rtf",
        "text/rtf",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-powerpoint",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation",
        "application/epub+zip",
    }
)
_EXTRA_TYPES = {".md": "text/markdown", ".markdown": "text/markdown", ".webp": "image/webp"}


@attrs.frozen
class Upload:
    """A validated upload. `chunks()` returns a fresh iterator over the bytes each call."""

    name: str
    content_type: str
    size: int
    chunks: Callable[[], Iterator[bytes]] = attrs.field(repr=False)


def allowed_content_type(content_type: str) -> bool:
    """True for images (`image/*`) and the document types the service accepts; parameters
    such as `; charset=utf-8` are ignored. The emulator applies this same rule."""
    media = content_type.split(";", 1)[0].strip().lower()
    kind, _, subtype = media.partition("/")
    if not subtype or " " in media:
        return False
    return kind == "image" or media in DOCUMENT_TYPES


def guess_content_type(name: str) -> str | None:
    """The content type for a file name: ours for `.md` and `.webp` (which system tables
    may lack), else the system's. The emulator labels output files with it too."""
    import mimetypes  # first use reads the system tables: keep it off the import path

    extension = os.path.splitext(name)[1].lower()
    return _EXTRA_TYPES.get(extension) or mimetypes.guess_type(name, strict=False)[0]


def check_file_name(name: object) -> str:
    """`name` if it is a plain file name (one URL path segment); the emulator's rule too."""
    if not isinstance(name, str) or not name.strip() or name in (".", ".."):
        raise InputError(f"file name must be a non-empty string, got {name!r}")
    if "/" in name or "\\" in name or any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise InputError(f"file name {name!r} must be a plain name (no '/', '\\', control chars)")
    if len(name.encode()) > 255:
        raise InputError("file name must be at most 255 bytes long")
    return name


def prepare_upload(
    source: FileSource,
    *,
    name: str | None = None,
    content_type: str | None = None,
    max_bytes: int = MAX_UPLOAD_BYTES,
) -> Upload:
    """Validate `source` (a path, bytes, or a binary file object) for upload."""
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        if not os.path.isfile(path):
            raise InputError(f"no such file: {path!r}")
        size = os.path.getsize(path)
        chunks = _path_chunks(path)
        name = name if name is not None else os.path.basename(path)
    elif isinstance(source, bytes | bytearray | memoryview):
        if name is None:
            raise InputError("uploading bytes needs name='file.pdf' (the name the task will see)")
        data = bytes(source)
        size = len(data)
        chunks = _bytes_chunks(data)
    elif isinstance(source, io.TextIOBase):
        raise InputError("open the file in binary mode ('rb') to upload it")
    elif hasattr(source, "read"):
        if name is None:
            raw_name = getattr(source, "name", None)
            name = os.path.basename(raw_name) if isinstance(raw_name, str) else None
        if name is None:
            raise InputError("this file object has no name; pass name='file.pdf'")
        size, chunks = _file_chunks(source, max_bytes)
    else:
        raise InputError(
            f"upload needs a path, bytes, or a binary file object; got {type(source).__name__}"
        )
    name = check_file_name(name)
    if content_type is None:
        content_type = guess_content_type(name)
        if content_type is None:
            raise InputError(f"cannot tell the content type of {name!r}; pass content_type=")
    if not allowed_content_type(content_type):
        raise InputError(
            f"{name!r}: content type {content_type!r} is not accepted: only images "
            "(image/*) and documents (PDF, text, CSV, Markdown, HTML, JSON, XML, Word, Excel, "
            "PowerPoint, OpenDocument, RTF, EPUB) can be uploaded"
        )
    if size > max_bytes:
        raise InputError(f"{name!r} is {size} bytes; the upload limit is {max_bytes} bytes")
    return Upload(name=name, content_type=content_type, size=size, chunks=chunks)


def _path_chunks(path: str) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        with open(path, "rb") as handle:
            while block := handle.read(CHUNK_SIZE):
                yield block

    return chunks


def _bytes_chunks(data: bytes) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        view = memoryview(data)
        for start in range(0, len(view), CHUNK_SIZE):
            yield bytes(view[start : start + CHUNK_SIZE])

    return chunks


def _file_chunks(handle: BinaryIO, max_bytes: int) -> tuple[int, Callable[[], Iterator[bytes]]]:
    seekable = False
    with contextlib.suppress(AttributeError, OSError, ValueError):
        seekable = handle.seekable()
    if not seekable:
        # Cannot rewind for a retry or measure it: read it (bounded by the limit) once.
        data = handle.read(max_bytes + 1)
        if not isinstance(data, bytes):
            raise InputError("open the file in binary mode ('rb') to upload it")
        return len(data), _bytes_chunks(data)
    start = handle.tell()
    size = handle.seek(0, os.SEEK_END) - start
    handle.seek(start)

    def chunks() -> Iterator[bytes]:
        handle.seek(start)
        remaining = size
        while remaining > 0 and (block := handle.read(min(CHUNK_SIZE, remaining))):
            if not isinstance(block, bytes):
                raise InputError("open the file in binary mode ('rb') to upload it")
            remaining -= len(block)
            yield block

    return size, chunks


def prepare_uploads(files: Sequence[FileSource]) -> list[Upload]:
    """Check every file to upload (name, type, size) before any is sent (`files=` of
    `tasks.create()` and `tasks.run()`)."""
    if isinstance(files, str | bytes | os.PathLike):
        raise InputError("files must be a list of paths, bytes or file objects, e.g. [path]")
    return [prepare_upload(source) for source in files]
