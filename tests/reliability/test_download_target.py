"""A download to a path never opens a file already there: the temporary file is new, with
a random name, in the target's folder (a planted `<target>.part` symlink made a download
overwrite the file it pointed to, and a user's own `<target>.part` was destroyed). It is
renamed into place when complete and removed when the download fails or is cancelled. A
folder as destination keeps the file under its own name, inside the folder."""

from __future__ import annotations

import os
import stat
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import anyio
import httpx
import pytest

from browser_use_cloud import AsyncBrowserUse, BrowserUse, InternalServerError

BASE = "http://127.0.0.1:1/api/v1"
BODY = b"name,price\nkettle,24.90\n"


def _storage(
    respond: Callable[[httpx.Request], httpx.Response],
) -> Callable[[httpx.Request], httpx.Response]:
    """The API hands out a presigned URL on the same loopback host; `respond` serves it."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/api/v1/"):
            name = request.url.path.rsplit("/", 1)[-1]
            return httpx.Response(
                200, json={"download_url": f"http://127.0.0.1:1/storage/{name}?sig=1"}
            )
        return respond(request)

    return handler


def _serve(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, stream=httpx.ByteStream(BODY))


def _client(respond: Callable[[httpx.Request], httpx.Response] = _serve) -> BrowserUse:
    transport = httpx.MockTransport(_storage(respond))
    return BrowserUse(api_key="k", base_url=BASE, transport=transport, max_retries=0)


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name not in keep)


def test_a_planted_part_symlink_does_not_redirect_the_download(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    target = tmp_path / "out.csv"
    (tmp_path / "out.csv.part").symlink_to(victim)
    with _client() as client:
        assert client.tasks.download_output_file("t-1", "out.csv", target) == len(BODY)
    assert victim.read_bytes() == b"precious"
    assert target.read_bytes() == BODY and not target.is_symlink()
    assert os.readlink(tmp_path / "out.csv.part") == str(victim)  # left as it was
    assert _leftovers(tmp_path, {"victim.txt", "out.csv", "out.csv.part"}) == []


def test_a_users_own_part_file_is_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / "out.csv.part"
    mine.write_bytes(b"my half-finished work")
    with _client() as client:
        client.tasks.download_output_file("t-1", "out.csv", tmp_path / "out.csv")
    assert mine.read_bytes() == b"my half-finished work"
    assert (tmp_path / "out.csv").read_bytes() == BODY


def test_the_file_being_written_is_private(tmp_path: Path) -> None:
    modes: list[int] = []

    def watch(request: httpx.Request) -> httpx.Response:
        (partial,) = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
        modes.append(stat.S_IMODE(partial.stat().st_mode))
        return httpx.Response(200, stream=httpx.ByteStream(BODY))

    with _client(watch) as client:
        client.tasks.download_output_file("t-1", "out.csv", tmp_path / "out.csv")
    assert modes == [0o600]


def test_a_failed_download_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"yesterday's file")
    client = _client(lambda request: httpx.Response(500, text="storage down"))
    with client, pytest.raises(InternalServerError):
        client.tasks.download_output_file("t-1", "out.csv", target)
    assert target.read_bytes() == b"yesterday's file"
    assert _leftovers(tmp_path, {"out.csv"}) == []


@pytest.mark.anyio
async def test_a_cancelled_download_leaves_no_file(tmp_path: Path) -> None:
    started = anyio.Event()

    async def endless() -> AsyncIterator[bytes]:
        yield b"first chunk\n"
        started.set()
        await anyio.sleep_forever()
        yield b""  # pragma: no cover

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/api/v1/"):
            return httpx.Response(
                200, json={"download_url": "http://127.0.0.1:1/storage/out.csv?sig=1"}
            )
        return httpx.Response(200, content=endless())

    transport = httpx.MockTransport(handler)
    client = AsyncBrowserUse(api_key="k", base_url=BASE, transport=transport)

    async def download() -> None:
        await client.tasks.download_output_file("t-1", "out.csv", tmp_path / "out.csv")

    async with client, anyio.create_task_group() as group:
        group.start_soon(download)
        await started.wait()
        assert _leftovers(tmp_path, set()) != []  # the temporary file exists meanwhile
        group.cancel_scope.cancel()
    assert _leftovers(tmp_path, set()) == []


@pytest.mark.parametrize("file_name", ["report.csv", "../report.csv", "sub/dir/report.csv"])
def test_a_folder_keeps_the_file_under_its_name_inside(tmp_path: Path, file_name: str) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    with _client() as client:
        assert client.tasks.download_output_file("t-1", file_name, folder) == len(BODY)
    assert os.listdir(folder) == ["report.csv"]
    assert (folder / "report.csv").read_bytes() == BODY
    assert sorted(os.listdir(tmp_path)) == ["downloads"]
