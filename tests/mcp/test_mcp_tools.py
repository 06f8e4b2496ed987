"""The tool list, derived from the spec; every operation tool called against the emulator."""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx
import pytest
from mcp import Client

from browser_use_cloud import AsyncBrowserUse
from browser_use_cloud._input.task_input import REQUEST_ID_KEY
from browser_use_cloud._spec.operations import operations
from browser_use_cloud.mcp import create_server
from tests.conftest import load_spec, operations_of

pytestmark = pytest.mark.anyio
EXTRA = {"run_task_and_wait", "monitor_task", "upload_file", "download_output_file"}


async def call(session: Client, name: str, **args: Any) -> Any:
    """Call a tool that must succeed; return its structured result."""
    result = await session.call_tool(name, args)
    assert not result.is_error, f"{name}: {result.content[0].text}"
    data = result.structured_content
    assert data is not None
    assert json.loads(result.content[0].text) == data.get("result", data)
    return data.get("result", data) if set(data) == {"result"} else data


async def test_every_operation_is_a_tool_with_the_api_arguments(session: Client) -> None:
    tools = {tool.name: tool for tool in (await session.list_tools()).tools}
    assert set(tools) == set(operations()) | EXTRA
    for op in operations().values():
        tool = tools[op.name]
        assert tool.input_schema == op.input_schema()
        assert tool.description
        hints = tool.annotations
        assert hints is not None
        assert hints.read_only_hint is (op.method == "GET")
        assert hints.idempotent_hint is (op.retry == "idempotent")
        if op.method != "GET":
            assert hints.destructive_hint is (op.method == "DELETE" or op.name == "stop_task")


async def test_extra_tools_reuse_the_operation_arguments(session: Client) -> None:
    tools = {tool.name: tool for tool in (await session.list_tools()).tools}
    run = operations()["run_task"].input_schema()
    wait = tools["run_task_and_wait"].input_schema
    assert set(wait["properties"]) == set(run["properties"]) | {"wait_timeout"}
    assert wait["required"] == run["required"]
    assert tools["monitor_task"].input_schema == operations()["get_task"].input_schema()
    assert tools["monitor_task"].annotations.read_only_hint is True


async def test_a_new_operation_becomes_a_tool(emulator: Any) -> None:
    """A regen that adds an operation needs no edit: feed the server a changed spec."""
    spec = copy.deepcopy(load_spec())
    spec["paths"]["/api/v1/task/{task_id}/notes"] = {
        "post": {
            "operationId": "add_task_note_api_v1_task__task_id__notes_post",
            "tags": ["tasks"],
            "description": "Attach a note to a task.",
            "parameters": [
                {"name": "task_id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}},
            },
            "responses": {"200": {"description": "OK"}},
        }
    }
    spec["components"]["schemas"]["Note"] = {
        "type": "object",
        "properties": {"text": {"type": "string", "description": "The note."}},
        "required": ["text"],
    }
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "n1"})

    library = AsyncBrowserUse(
        api_key="k", base_url="https://api.test/api/v1", transport=httpx.MockTransport(answer)
    )
    async with Client(create_server(library, registry=operations_of(spec))) as mcp:
        tools = {tool.name: tool for tool in (await mcp.list_tools()).tools}
        note = tools["add_task_note"]
        assert note.annotations.read_only_hint is False
        assert note.annotations.destructive_hint is False
        assert note.input_schema["required"] == ["task_id", "text"]
        assert note.input_schema["properties"]["text"]["description"] == "The note."
        assert await call(mcp, "add_task_note", task_id="t1", text="check") == {"id": "n1"}
    assert str(seen[0].url) == "https://api.test/api/v1/task/t1/notes"
    assert json.loads(seen[0].content) == {"text": "check"}
    assert seen[0].headers["Authorization"] == "Bearer k"


async def test_every_operation_tool_works_against_the_emulator(
    session: Client, tmp_path: Any
) -> None:
    called: set[str] = set()

    async def use(name: str, **args: Any) -> Any:
        called.add(name)
        return await call(session, name, **args)

    # account and service
    assert float((await use("check_balance"))["balance"]) >= 0
    assert await use("me") is True
    await use("ping")
    assert isinstance(await use("get_browser_use_version"), str)
    # tasks: one that produces a file, one that is paused, resumed and stopped
    done = await use("run_task", task="Write a report [[emulator:files=report.csv]]")
    created = await use("get_task", task_id=done["id"])
    assert REQUEST_ID_KEY in created["metadata"]  # through tasks.create: never created twice
    slow = await use("run_task", task="Take your time [[emulator:steps=500]]")
    await use("pause_task", task_id=slow["id"])
    await use("resume_task", task_id=slow["id"])
    await use("stop_task", task_id=slow["id"])
    assert await use("get_task_status", task_id=slow["id"]) == "stopped"
    task = await call(session, "run_task_and_wait", task="Again [[emulator:files=a.csv]]")
    assert task["status"] == "finished"
    full = await use("get_task", task_id=done["id"])
    assert full["id"] == done["id"]
    listed = await use("list_tasks", limit=5)
    assert {t["id"] for t in listed["tasks"]} >= {slow["id"], task["task_id"]}
    for name in ("get_task_media", "get_task_screenshots", "get_task_gif"):
        assert isinstance(await use(name, task_id=task["task_id"]), dict)
    url = await use("get_task_output_file", task_id=task["task_id"], file_name="a.csv")
    assert url["download_url"].startswith("http")
    upload = await use(
        "upload_file_presigned_url", file_name="notes.pdf", content_type="application/pdf"
    )
    assert upload["upload_url"]
    # scheduled tasks
    created = await use(
        "create_scheduled_task", task="Daily check", schedule_type="interval", interval_minutes=60
    )
    scheduled_id = created["id"]
    assert (await use("get_scheduled_task", task_id=scheduled_id))["task"] == "Daily check"
    await use("update_scheduled_task", task_id=scheduled_id, interval_minutes=30)
    assert any(s["id"] == scheduled_id for s in (await use("list_scheduled_tasks"))["tasks"])
    await use("delete_scheduled_task", task_id=scheduled_id)
    # browser profiles
    profile = await use("create_browser_profile", profile_name="shopping")
    profile_id = profile["profile_id"]
    assert (await use("get_browser_profile", profile_id=profile_id))["profile_name"] == "shopping"
    await use("update_browser_profile", profile_id=profile_id, profile_name="groceries")
    assert (await use("list_browser_profiles"))["profiles"]
    await use("delete_browser_profile", profile_id=profile_id)
    # search
    assert "results" in await use("simple_search", query="kettles")
    assert "content" in await use("search_url", query="price", url="https://example.com")
    # Operations added later are still called once, with placeholder values: they must
    # answer with a result or a tool error, never break the session.
    for op in operations().values():
        if op.name in called:
            continue
        args = {a.name: _placeholder(a.schema) for a in op.arguments if a.required}
        result = await session.call_tool(op.name, args)
        assert result.content[0].text
        called.add(op.name)
    assert called == set(operations())


def _placeholder(schema: dict[str, Any]) -> Any:
    kinds = [c.get("type") for c in schema.get("anyOf", [schema])]
    if "enum" in schema:
        return schema["enum"][0]
    for kind, value in (("string", "x"), ("integer", 1), ("number", 1), ("boolean", True)):
        if kind in kinds:
            return value
    return None


@pytest.mark.parametrize(
    "extra",
    [
        {"extra_headers": {"X-Injected": "1"}},
        {"extra_query": {"debug": "1"}},
        {"allow_unknown": True},
        {"timeout": 0.001},
    ],
)
async def test_a_tool_caller_cannot_reach_the_library_calls_own_options(
    extra: dict[str, Any],
) -> None:
    """Operation tools are sent through `client.call`; its own keyword options (unchecked
    extras, allow_unknown, timeout) are not tool arguments and are refused, nothing sent."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    library = AsyncBrowserUse(
        api_key="k", base_url="https://api.test/api/v1", transport=httpx.MockTransport(answer)
    )
    async with Client(create_server(library)) as mcp:
        result = await mcp.call_tool("get_task_status", {"task_id": "t1", **extra})
    await library.close()
    assert result.is_error
    assert next(iter(extra)) in result.content[0].text
    assert seen == []
