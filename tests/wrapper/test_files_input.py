"""Upload preparation: names, content types, size limit, streaming and rewinding."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from browser_use_cloud import InputError
from browser_use_cloud._input.upload import CHUNK_SIZE, prepare_upload


def test_path_is_streamed_in_chunks_and_can_be_reread(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    data = bytes(range(256)) * 1000
    path.write_bytes(data)
    upload = prepare_upload(path)
    assert (upload.name, upload.content_type, upload.size) == (
        "report.pdf",
        "application/pdf",
        len(data),
    )
    chunks = list(upload.chunks())
    assert all(len(c) <= CHUNK_SIZE for c in chunks) and len(chunks) > 1
    assert b"".join(chunks) == data
    assert b"".join(upload.chunks()) == data  # a retry starts over


def test_bytes_need_a_name() -> None:
    with pytest.raises(InputError, match="name="):
        prepare_upload(b"abc")
    upload = prepare_upload(b"abc", name="notes.md")
    assert upload.content_type == "text/markdown" and b"".join(upload.chunks()) == b"abc"


def test_file_object_rewinds_to_where_it_started() -> None:
    handle = io.BytesIO(b"HEADERpayload")
    handle.name = "exports/data.csv"  # type: ignore[misc]
    handle.seek(6)
    upload = prepare_upload(handle)
    assert upload.name == "data.csv" and upload.size == 7
    assert b"".join(upload.chunks()) == b"payload"
    assert b"".join(upload.chunks()) == b"payload"


def test_text_mode_file_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        prepare_upload(io.StringIO("x"), name="a.txt")  # type: ignore[arg-type]


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    path.write_bytes(b"\0" * 2048)
    with pytest.raises(InputError, match="2048 bytes; the upload limit is 1024"):
        prepare_upload(path, max_bytes=1024)
    assert prepare_upload(path, max_bytes=2048).size == 2048


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("tool.exe", None), ("video.mp4", None), ("a.txt", "application/x-sh")],
)
def test_only_images_and_documents(name: str, content_type: str | None) -> None:
    with pytest.raises(InputError, match="only images"):
        prepare_upload(b"x", name=name, content_type=content_type)


def test_unknown_extension_asks_for_a_content_type() -> None:
    with pytest.raises(InputError, match="content_type="):
        prepare_upload(b"x", name="data.unknownext")
    assert prepare_upload(b"x", name="data.unknownext", content_type="text/plain").size == 1


@pytest.mark.parametrize("name", ["", "../x.txt", "a/b.txt", "a\\b.txt", "bad\n.txt"])
def test_file_names_must_be_plain(name: str) -> None:
    with pytest.raises(InputError, match="file name"):
        prepare_upload(b"x", name=name, content_type="text/plain")


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        prepare_upload(tmp_path / "nope.pdf")
