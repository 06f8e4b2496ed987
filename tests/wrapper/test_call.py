"""`client.call`: any operation by name, through the client's HTTP layer."""

from __future__ import annotations

import dataclasses
from typing import Any

import httpx
import pytest
from wrapper_helpers import KEY, Recorder, make_client, resolve

import browser_use_cloud as bu

EMULATOR_KEY = "bu_emulator_key_for_call"
pytestmark = [pytest.mark.anyio, pytest.mark.browser_use_emulator(api_key=EMULATOR_KEY)]


@pytest.fixture
def emulator(browser_use_emulator: Any) -> Any:
    return browser_use_emulator


def connect(kind: str, emulator: Any, key: str = EMULATOR_KEY) -> Any:
    cls = bu.BrowserUse if kind == "sync" else bu.AsyncBrowserUse
    return cls(api_key=key, base_url=emulator.base_url)


async def test_call_reaches_operations_by_name(kind: str, emulator: Any) -> None:
    client = connect(kind, emulator)
    created = await resolve(client.call("run_task", task="Say hi [[emulator:instant]]"))
    task_id = created["id"]
    status = await resolve(client.call("get_task_status", task_id=task_id))
    assert status in {"created", "running", "finished"}
    task = await resolve(client.call("get_task", task_id=task_id))
    assert task["id"] == task_id and task["task"].startswith("Say hi")
    page = await resolve(client.call("list_tasks", limit=1))
    assert page["tasks"][0]["id"] == task_id
    await resolve(client.close())


async def test_call_raises_typed_errors(kind: str, emulator: Any) -> None:
    client = connect(kind, emulator)
    with pytest.raises(bu.NotFoundError):
        await resolve(client.call("get_task", task_id="no-such-task"))
    await resolve(client.close())
    wrong = connect(kind, emulator, key="bu_wrong_key_123")
    with pytest.raises(bu.AuthenticationError) as info:
        await resolve(wrong.call("check_balance"))
    assert "bu_wrong_key_123" not in str(info.value)
    await resolve(wrong.close())


async def test_bad_arguments_are_refused_before_sending(kind: str) -> None:
    recorder = Recorder(httpx.Response(200, json={}))
    client = make_client(kind, recorder)
    with pytest.raises(bu.InputError, match="unknown operation 'get_tsk'"):
        await resolve(client.call("get_tsk", task_id="x"))
    with pytest.raises(bu.InputError, match="get_task needs 'task_id'"):
        await resolve(client.call("get_task"))
    with pytest.raises(bu.InputError, match="limit must be an integer"):
        await resolve(client.call("list_tasks", limit="ten"))
    assert recorder.requests == []


async def test_call_sends_an_operation_the_packaged_table_lacks(kind: str) -> None:
    """The MCP server sends the operations of the registry it was given this way."""
    from browser_use_cloud._spec.operations import operations

    get_task = operations()["get_task"]
    newer = dataclasses.replace(get_task, name="get_task_notes", path=get_task.path + "/notes")
    recorder = Recorder(httpx.Response(200, json={"notes": []}))
    client = make_client(kind, recorder)
    with pytest.raises(bu.InputError, match="get_task_notes needs 'task_id'"):
        await resolve(client.call(newer))
    assert recorder.requests == []
    assert await resolve(client.call(newer, task_id="t1")) == {"notes": []}
    assert recorder.requests[0].url.path == "/api/v1/task/t1/notes"
    with pytest.raises(bu.InputError, match="unknown operation 'get_task_notes'"):
        await resolve(client.call("get_task_notes", task_id="t1"))


async def test_retry_classes_follow_the_method(kind: str) -> None:
    # A GET is retried after a 503; a POST that may have reached the server is not.
    recorder = Recorder(httpx.Response(503), httpx.Response(200, json={"balance": 1}))
    client = make_client(kind, recorder)
    assert await resolve(client.call("check_balance")) == {"balance": 1}
    assert len(recorder.requests) == 2
    assert recorder.requests[0].headers["Authorization"] == f"Bearer {KEY}"

    recorder = Recorder(httpx.Response(503), httpx.Response(200, json={"id": "t"}))
    client = make_client(kind, recorder)
    with pytest.raises(bu.InternalServerError):
        await resolve(client.call("run_task", task="x"))
    assert len(recorder.requests) == 1


async def test_an_empty_body_is_none(kind: str) -> None:
    client = make_client(kind, Recorder(httpx.Response(200, content=b"")))
    assert await resolve(client.call("ping")) is None


async def test_per_call_timeout(kind: str) -> None:
    recorder = Recorder(httpx.Response(200, json=True))
    client = make_client(kind, recorder)
    assert await resolve(client.call("me", timeout=3.5)) is True
    assert recorder.requests[0].extensions["timeout"]["read"] == 3.5
