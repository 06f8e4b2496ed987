"""upload_file and download_output_file; over HTTP no local paths are offered.

Where they may read and write is tested in test_mcp_local_paths.py; here the server runs
in the test's folder, which it allows by default.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mcp import Client

from browser_use_cloud import AsyncBrowserUse
from browser_use_cloud.mcp import create_server

pytestmark = pytest.mark.anyio


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


async def test_upload_then_use_the_name(
    session: Client, library: AsyncBrowserUse, tmp_path: Path
) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(b"%PDF-1.4 brief")
    result = await session.call_tool("upload_file", {"path": str(path)})
    assert not result.is_error, result.content[0].text
    name = result.structured_content["file_name"]
    assert name == "brief.pdf"
    run = await session.call_tool(
        "run_task_and_wait",
        {"task": "Read the brief [[emulator:instant]]", "included_file_names": [name]},
    )
    assert not run.is_error, run.content[0].text
    task = await library.tasks.get(run.structured_content["task_id"])
    assert task.user_uploaded_files == (name,)


async def test_upload_of_a_missing_file(session: Client, tmp_path: Path) -> None:
    result = await session.call_tool("upload_file", {"path": str(tmp_path / "nope.pdf")})
    assert result.is_error and "is not a file" in result.content[0].text


async def test_download_to_a_path_or_as_a_url(session: Client, tmp_path: Path) -> None:
    run = await session.call_tool(
        "run_task_and_wait", {"task": "Report [[emulator:files=out.csv]]"}
    )
    task_id = run.structured_content["task_id"]
    assert run.structured_content["output_files"] == ["out.csv"]
    args = {"task_id": task_id, "file_name": "out.csv"}

    as_url = await session.call_tool("download_output_file", args)
    assert as_url.structured_content["download_url"].startswith("http")

    saved = await session.call_tool("download_output_file", {**args, "destination": str(tmp_path)})
    assert not saved.is_error, saved.content[0].text
    target = tmp_path / "out.csv"
    assert saved.structured_content == {
        "file_name": "out.csv",
        "path": str(target.resolve()),
        "bytes": target.stat().st_size,
    }
    assert target.stat().st_size > 0

    again = await session.call_tool("download_output_file", {**args, "destination": str(target)})
    assert again.is_error and "overwrite=true" in again.content[0].text
    forced = {**args, "destination": str(target), "overwrite": True}
    assert not (await session.call_tool("download_output_file", forced)).is_error


async def test_without_local_files_there_are_no_paths(library: AsyncBrowserUse) -> None:
    async with Client(create_server(library, local_files=False)) as session:
        tools = {tool.name: tool for tool in (await session.list_tools()).tools}
        assert "upload_file" not in tools
        assert "destination" not in tools["download_output_file"].input_schema["properties"]
        refused = await session.call_tool(
            "download_output_file", {"task_id": "t", "file_name": "a", "destination": "out.csv"}
        )
        assert refused.is_error and "unexpected argument 'destination'" in refused.content[0].text
