"""upload_file and download_output_file stay inside the directories the user allows.

The attack: a web page, read by the assistant as task output, asks it to upload
~/.ssh/id_rsa or to save a "report" over ~/.bashrc. Each refusal must happen before
anything is sent, and leave the file system as it was.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from mcp import Client, types

from browser_use_cloud import AsyncBrowserUse, InputError
from browser_use_cloud.mcp import create_server

pytestmark = pytest.mark.anyio

BASHRC = b"# my shell settings\n"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home directory with a key, shell settings and a project folder."""
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_rsa").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n")
    (home / ".bashrc").write_bytes(BASHRC)
    (home / "notes.txt").write_text("private notes\n")
    project = home / "project"
    project.mkdir()
    (project / "brief.pdf").write_bytes(b"%PDF-1.4 brief")
    (project / ".env").write_text("TOKEN=abc\n")
    return home


class Recorder:
    """A client on a transport that records every request (and answers 500)."""

    def __init__(self) -> None:
        self.sent: list[httpx.Request] = []
        transport = httpx.MockTransport(lambda r: self.sent.append(r) or httpx.Response(500))
        self.client = AsyncBrowserUse(
            api_key="k", base_url="https://api.test/api/v1", transport=transport, max_retries=0
        )


@pytest.fixture
async def recorder() -> AsyncIterator[Recorder]:
    recorder = Recorder()
    async with recorder.client:
        yield recorder


async def refused(session: Client, tool: str, **args: Any) -> str:
    result = await session.call_tool(tool, args)
    assert result.is_error, result.content[0].text
    return str(result.content[0].text)


async def test_the_key_and_the_shell_settings_are_out_of_reach(
    home: Path, recorder: Recorder
) -> None:
    project = home / "project"
    server = create_server(recorder.client, allow_dirs=[project])
    async with Client(server) as session:
        text = await refused(session, "upload_file", path=str(home / ".ssh" / "id_rsa"))
        assert "is outside the directories this server may read and write" in text
        assert str(project.resolve()) in text and "--allow-dir" in text
        text = await refused(
            session,
            "download_output_file",
            task_id="t",
            file_name="out.csv",
            destination=str(home / ".bashrc"),
            overwrite=True,
        )
        assert "is outside the directories" in text
        # `~` is the server's home: refused the same way when outside.
        assert "outside" in await refused(session, "upload_file", path="~/.ssh/id_rsa")
    assert recorder.sent == []
    assert (home / ".bashrc").read_bytes() == BASHRC


async def test_dot_dot_and_symlinks_are_resolved_before_the_check(
    home: Path, recorder: Recorder
) -> None:
    project = home / "project"
    (project / "link.txt").symlink_to(home / "notes.txt")
    (project / "out").symlink_to(home)  # a folder link that leads out
    (project / "report.csv").symlink_to(home / ".bashrc")  # saving over it would write there
    (project / "new.csv").symlink_to(home / "planted.csv")  # dangling: it would create it
    async with Client(create_server(recorder.client, allow_dirs=[project])) as session:
        for path in (str(project / ".." / "notes.txt"), str(project / "link.txt")):
            text = await refused(session, "upload_file", path=path)
            assert "outside" in text and str((home / "notes.txt").resolve()) in text
        for destination in ("out", "out/x.csv", "report.csv", "new.csv", "../notes.txt"):
            text = await refused(
                session,
                "download_output_file",
                task_id="t",
                file_name="x.csv",
                destination=destination,  # relative: taken from the first allowed directory
                overwrite=True,
            )
            assert "outside" in text, destination
    assert recorder.sent == []
    assert (home / ".bashrc").read_bytes() == BASHRC
    assert not (home / "planted.csv").exists() and not (home / "x.csv").exists()


async def test_hidden_files_and_folders_are_refused_inside_an_allowed_directory(
    home: Path, recorder: Recorder
) -> None:
    """Started from the home folder, the default allows it: its dotfiles stay refused."""
    async with Client(create_server(recorder.client, allow_dirs=[home])) as session:
        for path in (".ssh/id_rsa", "project/.env", str(home / ".bashrc")):
            text = await refused(session, "upload_file", path=path)
            assert "is hidden" in text, path
        hooks = home / "project" / ".git" / "hooks"
        hooks.mkdir(parents=True)
        for destination, file_name in (
            (".bashrc", "out.csv"),
            (str(hooks / "pre-commit"), "out.csv"),
            (str(home), ".bashrc"),  # a name the server chose
        ):
            text = await refused(
                session,
                "download_output_file",
                task_id="t",
                file_name=file_name,
                destination=destination,
                overwrite=True,
            )
            assert "is hidden" in text, destination
    assert recorder.sent == []
    assert (home / ".bashrc").read_bytes() == BASHRC
    assert not (hooks / "pre-commit").exists()


async def test_the_default_is_the_working_directory(
    home: Path, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(home / "project")
    async with Client(create_server(recorder.client)) as session:
        text = await refused(session, "upload_file", path=str(home / "notes.txt"))
        assert f"may read and write: {(home / 'project').resolve()}." in text
        # Inside it the upload goes ahead (and meets the recorder's 500).
        text = await refused(session, "upload_file", path="brief.pdf")
        assert "outside" not in text
    assert len(recorder.sent) == 1


def answer_roots(*folders: Path) -> Any:
    async def list_roots(context: Any) -> types.ListRootsResult:
        return types.ListRootsResult(
            roots=[types.Root(uri=folder.as_uri(), name=folder.name) for folder in folders]
        )

    return list_roots


@pytest.mark.parametrize("mode", ["auto", "legacy"])  # 2026-07-28, and the handshake versions
async def test_the_clients_roots_are_the_allowed_directories(
    home: Path, library: AsyncBrowserUse, mode: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(home)  # the default, which the client's roots replace
    work = home / "work"
    work.mkdir()
    (work / "data.csv").write_text("a,b\n1,2\n")
    client = Client(create_server(library), mode=mode, list_roots_callback=answer_roots(work))
    async with client as session:
        uploaded = await session.call_tool("upload_file", {"path": str(work / "data.csv")})
        assert not uploaded.is_error, uploaded.content[0].text
        assert uploaded.structured_content["file_name"] == "data.csv"
        text = await refused(session, "upload_file", path=str(home / "notes.txt"))
        assert f"may read and write: {work.resolve()}." in text


async def test_allow_dirs_and_roots_together(home: Path, library: AsyncBrowserUse) -> None:
    work = home / "work"
    work.mkdir()
    server = create_server(library, allow_dirs=[home / "project"])
    async with Client(server, list_roots_callback=answer_roots(work)) as session:
        text = await refused(session, "upload_file", path=str(home / "notes.txt"))
        assert f"{(home / 'project').resolve()}, {work.resolve()}." in text
        uploaded = await session.call_tool("upload_file", {"path": "brief.pdf"})
        assert not uploaded.is_error, uploaded.content[0].text


async def test_a_download_inside_an_allowed_directory(home: Path, library: AsyncBrowserUse) -> None:
    project = home / "project"
    async with Client(create_server(library, allow_dirs=[project])) as session:
        run = await session.call_tool("run_task_and_wait", {"task": "R [[emulator:files=o.csv]]"})
        args = {"task_id": run.structured_content["task_id"], "file_name": "o.csv"}
        saved = await session.call_tool("download_output_file", {**args, "destination": "."})
        assert not saved.is_error, saved.content[0].text
        assert saved.structured_content["path"] == str((project / "o.csv").resolve())
        assert (project / "o.csv").stat().st_size == saved.structured_content["bytes"] > 0


async def test_allow_dirs_must_exist(tmp_path: Path, recorder: Recorder) -> None:
    with pytest.raises(InputError, match="is not an existing directory"):
        create_server(recorder.client, allow_dirs=[tmp_path / "missing"])
