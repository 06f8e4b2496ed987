"""run_task_and_wait: progress per step, structured output, cancellation stops the task."""

from __future__ import annotations

import anyio
import jsonschema
import pytest
from mcp import Client

from browser_use_cloud import AsyncBrowserUse

pytestmark = pytest.mark.anyio

SCHEMA = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "price": {"type": "number", "minimum": 0},
        "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    },
    "required": ["name", "price", "tags"],
    "additionalProperties": False,
}


class Recorder:
    def __init__(self) -> None:
        self.reports: list[tuple[float, float | None, str | None]] = []

    async def __call__(self, progress: float, total: float | None, message: str | None) -> None:
        self.reports.append((progress, total, message))

    @property
    def steps(self) -> list[str]:
        return [m for _, _, m in self.reports if m and m.startswith("Step ")]


async def test_progress_per_step_and_structured_output(
    session: Client, library: AsyncBrowserUse
) -> None:
    progress = Recorder()
    result = await session.call_tool(
        "run_task_and_wait",
        {"task": "Find a kettle [[emulator:steps=4]]", "structured_output_json": SCHEMA},
        progress_callback=progress,
    )
    assert not result.is_error, result.content[0].text
    data = result.structured_content
    assert data is not None and data["status"] == "finished"
    jsonschema.validate(data["parsed"], SCHEMA)
    task = await library.tasks.get(data["task_id"])
    assert data["steps"] == len(task.steps) == 4
    # One notification for the created task, then one per step, in order, increasing.
    assert progress.reports[0][2] == f"Task {task.id} created"
    assert progress.steps == [f"Step {s.step}: {s.next_goal} ({s.url})" for s in task.steps]
    values = [p for p, _, _ in progress.reports]
    assert values == sorted(set(values))


async def test_schema_as_json_text_and_step_total(session: Client) -> None:
    import json

    progress = Recorder()
    result = await session.call_tool(
        "run_task_and_wait",
        {
            "task": "Find a kettle [[emulator:steps=2]]",
            "structured_output_json": json.dumps(SCHEMA),
            "max_agent_steps": 10,
        },
        progress_callback=progress,
    )
    assert not result.is_error, result.content[0].text
    jsonschema.validate(result.structured_content["parsed"], SCHEMA)
    assert {total for _, total, _ in progress.reports} == {10}


async def test_without_schema_there_is_no_parsed_output(session: Client) -> None:
    result = await session.call_tool("run_task_and_wait", {"task": "Say hi [[emulator:instant]]"})
    assert not result.is_error
    assert "parsed" not in result.structured_content
    assert result.structured_content["output"]


async def test_a_failed_task_is_a_tool_error_with_its_status(session: Client) -> None:
    result = await session.call_tool("run_task_and_wait", {"task": "Break [[emulator:fail]]"})
    assert result.is_error
    assert result.structured_content["status"] == "failed"
    assert "failed" in result.content[0].text


async def test_the_wait_deadline_stops_the_task(session: Client, library: AsyncBrowserUse) -> None:
    result = await session.call_tool(
        "run_task_and_wait", {"task": "Slow [[emulator:steps=500]]", "wait_timeout": 0.2}
    )
    assert result.is_error
    text = result.content[0].text
    assert "did not end within wait_timeout" in text and "it was stopped" in text
    task_id = result.structured_content["task_id"]
    assert await library.tasks.status(task_id) == "stopped"
    # The result reports the task as it is after the stop, not as it was before.
    assert result.structured_content == {"task_id": task_id, "status": "stopped", "stopped": True}


UNMATCHABLE = {  # the emulator fills strings by field name, never twelve digits
    "type": "object",
    "properties": {"code": {"type": "string", "pattern": "^[0-9]{12}$"}},
    "required": ["code"],
}


async def test_output_that_does_not_match_the_schema_names_the_task_once(session: Client) -> None:
    result = await session.call_tool(
        "run_task_and_wait",
        {"task": "Read the code [[emulator:steps=2]]", "structured_output_json": UNMATCHABLE},
    )
    assert result.is_error
    text = result.content[0].text
    assert f"task {result.structured_content['task_id']} finished" in text
    assert text.count("does not match the schema") == 1, text
    assert result.structured_content["output"]


async def test_cancelling_the_call_stops_the_task(
    session: Client, library: AsyncBrowserUse
) -> None:
    started: list[str] = []

    with anyio.CancelScope() as scope:

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            if message and message.startswith("Task "):
                started.append(message.split()[1])
            if message and message.startswith("Step "):
                scope.cancel()  # the caller gives up once the task is under way

        await session.call_tool(
            "run_task_and_wait",
            {"task": "Long job [[emulator:steps=500]]"},
            progress_callback=on_progress,
        )
    assert scope.cancelled_caught and len(started) == 1
    with anyio.fail_after(10):
        while (status := await library.tasks.status(started[0])) != "stopped":
            await anyio.sleep(0.05)
    assert status == "stopped"
