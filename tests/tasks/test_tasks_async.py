"""Tasks with the async client against the emulator over loopback."""

from __future__ import annotations

from pathlib import Path

import pydantic
import pytest
from tasks_helpers import Recorder

from browser_use_cloud import (
    AsyncBrowserUse,
    TaskFailedError,
    TaskStatus,
    TaskStep,
    WaitTimeoutError,
)
from browser_use_cloud.emulator import Emulator

pytestmark = pytest.mark.anyio


class Answer(pydantic.BaseModel):
    title: str
    score: int


async def test_run_parses_structured_output(aclient: AsyncBrowserUse) -> None:
    result = await aclient.tasks.run("Score it [[emulator:steps=2]]", output_type=Answer)
    assert isinstance(result.parsed, Answer)
    assert result.status == TaskStatus.FINISHED and result.output


async def test_async_steps_once_in_order(aclient: AsyncBrowserUse) -> None:
    handle = await aclient.tasks.create("Walk [[emulator:steps=9]]")
    steps: list[TaskStep] = [step async for step in handle.steps()]
    assert [s.step for s in steps] == list(range(1, 10))
    assert [s.step async for s in aclient.tasks.steps(handle.id)] == list(range(1, 10))


async def test_async_wait_timeout_stops(aclient: AsyncBrowserUse) -> None:
    handle = await aclient.tasks.create("Long [[emulator:steps=200]]")
    with pytest.raises(WaitTimeoutError) as info:
        await handle.wait(wait_timeout=0.05, on_timeout="stop")
    assert info.value.stopped
    assert await handle.status() == TaskStatus.STOPPED


async def test_async_failed(aclient: AsyncBrowserUse) -> None:
    with pytest.raises(TaskFailedError):
        await aclient.tasks.run("Nope [[emulator:fail]]")


@pytest.mark.parametrize("emulator_config", [{"faults": "lost=1.0"}])
async def test_async_lost_create_is_reconciled(
    aclient: AsyncBrowserUse, emulator: Emulator, recorder: Recorder
) -> None:
    handle = await aclient.tasks.create("Once")
    assert list(emulator.state.tasks) == [handle.id]
    assert recorder.paths("POST") == ["/api/v1/run-task"]


async def test_async_list_and_iter(aclient: AsyncBrowserUse) -> None:
    ids = [(await aclient.tasks.create(f"t{i}")).id for i in range(3)]
    page = await aclient.tasks.list(limit=2)
    assert [t.id for t in page] == ids[::-1][:2]
    assert [t.id async for t in aclient.tasks.iter(page_size=1)] == ids[::-1]


async def test_async_download(aclient: AsyncBrowserUse, tmp_path: Path) -> None:
    result = await aclient.tasks.run("Files [[emulator:files=out.csv]]")
    handle = aclient.tasks.handle(result.id)
    size = await handle.download_output_file("out.csv", tmp_path / "out.csv")
    assert size == (tmp_path / "out.csv").stat().st_size > 0
    assert not (tmp_path / "out.csv.part").exists()
