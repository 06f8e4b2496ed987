"""Uploads through presigned URLs served by the emulator, and included_file_names rules."""

from __future__ import annotations

import httpx
import pytest

from .conftest import Api


def _upload(api: Api, name: str, data: bytes, content_type: str = "text/plain") -> None:
    url = api.json(
        "upload_file_presigned_url", json={"file_name": name, "content_type": content_type}
    )["upload_url"]
    assert url.startswith(str(api.http.base_url).split("/api/v1")[0])
    response = httpx.put(url, content=data, headers={"content-type": content_type})
    assert response.status_code == 200, response.text


def test_uploaded_files_can_be_included(api: Api) -> None:
    _upload(api, "notes.txt", b"remember the milk")
    task = api.finish(api.run("Read my notes", included_file_names=["notes.txt"]))
    assert task["user_uploaded_files"] == ["notes.txt"]


def test_unknown_included_file_is_422(api: Api) -> None:
    detail = api.json(
        "run_task", json={"task": "x", "included_file_names": ["ghost.pdf"]}, expect=422
    )["detail"]
    assert (
        detail[0]["loc"] == ["body", "included_file_names", 0] and "ghost.pdf" in detail[0]["msg"]
    )


def test_presign_refuses_bad_names_and_types(api: Api) -> None:
    body = {"file_name": "../etc/passwd", "content_type": "application/x-sh"}
    detail = api.json("upload_file_presigned_url", json=body, expect=422)["detail"]
    assert [e["loc"] for e in detail] == [["body", "file_name"], ["body", "content_type"]]


@pytest.mark.emulator_config(upload_limit_bytes=1000, task_upload_limit_bytes=1500)
def test_per_file_and_per_task_limits(api: Api) -> None:
    url = api.json(
        "upload_file_presigned_url", json={"file_name": "big.txt", "content_type": "text/plain"}
    )["upload_url"]
    assert (
        httpx.put(url, content=b"x" * 1001, headers={"content-type": "text/plain"}).status_code
        == 413
    )
    _upload(api, "a.txt", b"a" * 800)
    _upload(api, "b.txt", b"b" * 800)
    assert api.run("One file is fine", included_file_names=["a.txt"])
    detail = api.json(
        "run_task", json={"task": "x", "included_file_names": ["a.txt", "b.txt"]}, expect=422
    )
    assert "1500" in detail["detail"][0]["msg"]
