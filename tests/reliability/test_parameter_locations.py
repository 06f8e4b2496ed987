"""Every parameter location reaches the wire: after a synthetic release that adds an optional
header (`Idempotency-Key`) and a cookie to run-task and an optional query filter to
list-tasks, `client.call` and the MCP tools send them (a recording server on loopback
says what arrived); a header value that would split the request is refused unsent."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from mcp import Client

from browser_use_cloud import AsyncBrowserUse, BrowserUse, InputError
from browser_use_cloud._spec import operations as _operations
from browser_use_cloud.mcp import create_server
from tests.conftest import load_spec, operations_of
from tests.reliability.reliability_helpers import RecordingServer, Reply, Seen

HEADER = "Idempotency-Key"
COOKIE = "region_hint"


def synthetic_release() -> dict[str, Any]:
    spec = copy.deepcopy(load_spec())
    run = spec["paths"]["/api/v1/run-task"]["post"]
    run["parameters"] = [
        {"name": HEADER, "in": "header", "required": False, "schema": {"type": "string"}},
        {"name": COOKIE, "in": "cookie", "required": False, "schema": {"type": "string"}},
    ]
    listing = spec["paths"]["/api/v1/tasks"]["get"]
    listing["parameters"].append(
        {
            "name": "status",
            "in": "query",
            "required": False,
            "schema": {
                "anyOf": [{"$ref": "#/components/schemas/TaskStatusEnum"}, {"type": "null"}]
            },
        }
    )
    return spec


def _answer(seen: Seen) -> Reply:
    body = {"id": "t1"}
    if seen.method == "GET":
        body = {"tasks": [], "total_pages": 0, "page": 1, "limit": 10, "total_count": 0}
    return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()


@pytest.fixture
def released(monkeypatch: pytest.MonkeyPatch) -> Iterator[_operations.Operations]:
    table = operations_of(synthetic_release())
    monkeypatch.setattr(_operations, "operations", lambda: table)
    yield table


def test_the_table_has_every_location(released: _operations.Operations) -> None:
    where = {a.name: a.location for a in released["run_task"].arguments}
    assert where[HEADER] == "header" and where[COOKIE] == "cookie" and where["task"] == "body"
    schema = released["run_task"].input_schema()
    assert HEADER in schema["properties"] and HEADER not in schema["required"]


def test_client_call_sends_header_cookie_and_query(
    released: _operations.Operations, recording_server: RecordingServer
) -> None:
    recording_server.respond = _answer
    with BrowserUse(api_key="k", base_url=recording_server.base_url) as client:
        client.call("run_task", task="hello", **{HEADER: "k-1", COOKIE: "eu"})
        client.call("list_tasks", status="finished", limit=5)
    run, listing = recording_server.seen
    headers = {k.lower(): v for k, v in run.headers.items()}
    assert headers["idempotency-key"] == "k-1"
    assert headers["cookie"] == "region_hint=eu"
    assert json.loads(run.body) == {"task": "hello"}  # not in the body
    assert listing.target == "/api/v1/tasks?status=finished&limit=5"


@pytest.mark.anyio
async def test_mcp_tools_offer_and_send_them(
    released: _operations.Operations, recording_server: RecordingServer
) -> None:
    recording_server.respond = _answer
    library = AsyncBrowserUse(api_key="k", base_url=recording_server.base_url)
    async with Client(create_server(library, registry=released)) as session:
        tools = {tool.name: tool for tool in (await session.list_tools()).tools}
        assert HEADER in tools["run_task"].input_schema["properties"]
        assert "status" in tools["list_tasks"].input_schema["properties"]
        listed = await session.call_tool("list_tasks", {"status": "running"})
        assert not listed.is_error, listed.content
        result = await session.call_tool("get_task_status", {"task_id": "t1"})
        assert not result.is_error
    await library.close()
    assert recording_server.seen[0].target == "/api/v1/tasks?status=running"


@pytest.mark.parametrize("value", ["a\r\nX-Injected: 1", "a\nb", "nul\0"])
def test_a_header_value_that_would_split_the_request_is_refused(
    released: _operations.Operations, recording_server: RecordingServer, value: str
) -> None:
    with (
        BrowserUse(api_key="k", base_url=recording_server.base_url) as client,
        pytest.raises(InputError, match=f"{HEADER} must be one line of text"),
    ):
        client.call("run_task", task="hello", **{HEADER: value})
    assert recording_server.seen == []
