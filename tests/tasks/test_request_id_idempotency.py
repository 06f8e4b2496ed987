"""A caller's request_id is an idempotency key: the same id re-attaches, it never bills twice.

Within `REATTACH_WINDOW` (the one re-attach window) and the newest 1000 tasks, `tasks.create()` or
`tasks.run()` with a request id the caller chose returns the task an earlier call created
with it (after a restart too) instead of creating another. Ids the client makes up itself
(the default) cost no lookup.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tasks_helpers import Recorder

from browser_use_cloud import AsyncBrowserUse, BrowserUse, InputError
from browser_use_cloud._policies.request_id_search import REATTACH_WINDOW
from browser_use_cloud.emulator import Emulator


def _tasks_with(emulator: Emulator, request_id: str) -> list[str]:
    with emulator.state.lock:
        return [
            t.id
            for t in emulator.state.tasks.values()
            if (t.request.get("metadata") or {}).get("bu_request_id") == request_id
        ]


def test_the_same_request_id_reattaches_instead_of_creating_another(
    client: BrowserUse, emulator: Emulator, recorder: Recorder
) -> None:
    first = client.tasks.create("Buy the kettle [[emulator:steps=50]]", request_id="order-42")
    sent = len(recorder.paths("POST"))
    again = client.tasks.create("Buy the kettle [[emulator:steps=50]]", request_id="order-42")
    assert again.id == first.id
    assert len(recorder.paths("POST")) == sent  # no second run-task
    assert _tasks_with(emulator, "order-42") == [first.id]
    first.stop()


def test_a_restarted_program_reattaches_and_gets_the_result(
    client: BrowserUse, emulator: Emulator
) -> None:
    first = client.tasks.run("Find the price", request_id="order-43")
    with BrowserUse(
        api_key="test-key", base_url=emulator.base_url, transport=emulator.transport()
    ) as restarted:
        again = restarted.tasks.run("Find the price", request_id="order-43")
    assert again.id == first.id and again.output == first.output
    assert _tasks_with(emulator, "order-43") == [first.id]


def test_a_reattached_run_does_not_upload_again(
    client: BrowserUse, recorder: Recorder, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    first = client.tasks.run("Read my notes", files=[notes], request_id="order-44")
    before = len(recorder.requests)
    again = client.tasks.run("Read my notes", files=[notes], request_id="order-44")
    assert again.id == first.id
    assert not any("presigned" in path for path in recorder.paths()[before:])


def test_the_same_request_id_for_another_prompt_is_refused(
    client: BrowserUse, emulator: Emulator
) -> None:
    first = client.tasks.create("Buy the kettle [[emulator:steps=50]]", request_id="order-45")
    with pytest.raises(InputError) as info:
        client.tasks.create("Buy the toaster", request_id="order-45")
    assert first.id in str(info.value) and "order-45" in str(info.value)
    assert _tasks_with(emulator, "order-45") == [first.id]
    first.stop()


def test_a_task_older_than_the_window_is_not_reattached(
    client: BrowserUse, emulator: Emulator
) -> None:
    # Long enough that the stops below never race the end of a run.
    old = client.tasks.create("Weekly report [[emulator:steps=50]]", request_id="report-1")
    old.stop()
    with emulator.state.lock:
        record = emulator.state.tasks[old.id]
        record.created_at -= REATTACH_WINDOW + dt.timedelta(hours=1)
    new = client.tasks.create("Weekly report [[emulator:steps=50]]", request_id="report-1")
    assert new.id != old.id
    new.stop()


def _age(emulator: Emulator, task_id: str, by: dt.timedelta) -> None:
    with emulator.state.lock:
        emulator.state.tasks[task_id].created_at -= by


@pytest.mark.parametrize(
    "age", [REATTACH_WINDOW / 2, REATTACH_WINDOW + dt.timedelta(minutes=30)], ids=["in", "out"]
)
def test_every_request_id_lookup_uses_the_one_window(
    client: BrowserUse, emulator: Emulator, age: dt.timedelta
) -> None:
    """create(request_id=...), find_by_request_id() and a map's re-attach agree on which
    tasks count (create looked back 24 hours, the other two an hour)."""
    keyed = client.tasks.create("Quick [[emulator:steps=1]]", request_id="one-window")
    keyed.wait()
    [mapped] = client.tasks.map(["Mapped [[emulator:steps=1]]"])
    _age(emulator, keyed.id, age)
    _age(emulator, mapped.task_id or "", age)
    again = client.tasks.create("Quick [[emulator:steps=1]]", request_id="one-window")
    found = client.tasks.find_by_request_id("one-window")
    [remapped] = client.tasks.map(["Mapped [[emulator:steps=1]]"])
    inside = age < REATTACH_WINDOW
    assert (again.id == keyed.id) is inside
    assert (found == keyed.id) is inside
    assert remapped.reattached is inside and (remapped.task_id == mapped.task_id) is inside


def test_generated_request_ids_cost_no_lookup(client: BrowserUse, recorder: Recorder) -> None:
    handle = client.tasks.create("Anything [[emulator:steps=50]]")
    assert recorder.paths() == ["/api/v1/run-task"]
    handle.stop()


@pytest.mark.anyio
async def test_the_async_client_reattaches_too(aclient: AsyncBrowserUse) -> None:
    first = await aclient.tasks.create("Book it [[emulator:steps=50]]", request_id="trip-9")
    again = await aclient.tasks.create("Book it [[emulator:steps=50]]", request_id="trip-9")
    assert again.id == first.id
    await first.stop()
