"""tasks.map(): results in input order, failures as results, re-attaching, the limits."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import Any

import anyio
import pytest

from browser_use_cloud import (
    AsyncBrowserUse,
    BrowserUse,
    InputError,
    StructuredOutputError,
    TaskFailedError,
    TaskStatus,
    WaitTimeoutError,
)
from browser_use_cloud._async._slots import AsyncSlots
from browser_use_cloud._policies.budget import BudgetShare
from browser_use_cloud._policies.map_plan import Admission
from browser_use_cloud._policies.polling import WAIT_POLICY, PollPolicy
from browser_use_cloud.emulator import Emulator, EmulatorConfig

FAST = PollPolicy(initial=0.05, factor=2, max_interval=0.1)
SLOW = "[[emulator:steps=400]]"


@contextlib.contextmanager
def served(**config: Any) -> Iterator[tuple[Emulator, BrowserUse]]:
    options = {"step_interval": 0.03, "steps_per_task": 3, **config}
    with (
        Emulator(EmulatorConfig(**options)) as emu,
        BrowserUse(api_key="k", base_url=emu.base_url, max_requests_per_second=None) as client,
    ):
        client.tasks.wait_policy = FAST
        yield emu, client


def test_results_come_back_in_input_order_with_failures_as_results() -> None:
    inputs: list[Any] = [f"Look up company {n}" for n in range(6)]
    inputs[2] = "This one breaks [[emulator:fail]]"
    inputs[4] = {"task": "With options", "max_agent_steps": 7, "metadata": {"row": "4"}}
    with served() as (emu, client):
        results = client.tasks.map(inputs, concurrency=3)
        tasks = emu.state.tasks
    assert [r.index for r in results] == list(range(6))
    assert len(tasks) == 6 and len({r.task_id for r in results}) == 6
    assert [r.ok for r in results] == [True, True, False, True, True, True]
    assert isinstance(results[2].error, TaskFailedError)
    assert results[2].status == TaskStatus.FAILED
    assert all(r.status == TaskStatus.FINISHED and r.output for r in results if r.ok)
    assert all(r.created_at is not None and r.finished_at is not None for r in results)
    assert all(r.seconds > 0 for r in results)
    row4 = tasks[results[4].task_id].request
    assert row4["max_agent_steps"] == 7 and row4["metadata"]["row"] == "4"


def test_bad_inputs_are_all_named_and_nothing_is_sent() -> None:
    with served() as (emu, client):
        with pytest.raises(InputError) as caught:
            client.tasks.map(["fine", "", {"task": "x", "colour": "red"}, 42, {"no": "task"}])
        assert emu.stats["requests"] == 0
    text = str(caught.value)
    assert "4 of the inputs" in text
    for index in (1, 2, 3, 4):
        assert f"input {index}:" in text
    assert "'colour'" in text and "it takes" in text


NOT_A_LIST_OF_INPUTS = ["Summarise", b"Summarise", {"task": "Summarise"}]


@pytest.mark.parametrize("inputs", NOT_A_LIST_OF_INPUTS, ids=["str", "bytes", "dict"])
@pytest.mark.parametrize("method", ["map", "map_as_completed"])
def test_a_text_or_a_dict_is_not_taken_for_a_list_of_inputs(inputs: Any, method: str) -> None:
    # A text was iterated letter by letter: "Summarise" billed nine tasks.
    with served() as (emu, client):
        with pytest.raises(InputError, match=r"must be a list .* \[") as caught:
            list(getattr(client.tasks, method)(inputs))
        assert emu.stats["requests"] == 0
    assert type(inputs).__name__ in str(caught.value)


@pytest.mark.anyio
@pytest.mark.parametrize("inputs", NOT_A_LIST_OF_INPUTS, ids=["str", "bytes", "dict"])
async def test_async_map_refuses_a_text_or_a_dict_too(inputs: Any) -> None:
    with Emulator() as emu:
        async with AsyncBrowserUse(api_key="k", base_url=emu.base_url) as client:
            with pytest.raises(InputError, match="must be a list"):
                await client.tasks.map(inputs)
            with pytest.raises(InputError, match="must be a list"):
                client.tasks.map_as_completed(inputs)
        assert emu.stats["requests"] == 0


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("request_id", "batch-7", "derived from its input"),
        ("request_id", False, "derived from its input"),
        ("task", "Summarise", "the task texts are the inputs"),
        ("files", ["notes.txt"], "included_file_names"),
        ("on_step", print, "on_step="),
    ],
)
def test_per_task_arguments_are_refused_with_what_map_does_instead(
    option: str, value: Any, says: str
) -> None:
    with served() as (emu, client):
        with pytest.raises(InputError, match=f"takes no {option}=") as caught:
            client.tasks.map(["Summarise"], **{option: value})
        assert emu.stats["requests"] == 0
    assert says in str(caught.value)


def test_running_the_same_inputs_again_reattaches_instead_of_paying_twice() -> None:
    inputs = ["Same question", "Same question", "Another one"]
    with served() as (emu, client):
        first = client.tasks.map(inputs)
        again = client.tasks.map(inputs)
        count = len(emu.state.tasks)
    assert count == 3  # the repeated input is its own task, once
    assert [r.task_id for r in again] == [r.task_id for r in first]
    assert all(r.reattached for r in again) and not any(r.reattached for r in first)
    assert [r.output for r in again] == [r.output for r in first]


def test_never_more_than_concurrency_tasks_at_once() -> None:
    with served() as (emu, client):
        results = client.tasks.map([f"Task {n}" for n in range(12)], concurrency=4)
        stats = emu.stats
    assert all(r.ok for r in results)
    assert stats["peak_running"] <= 4


def test_the_accounts_concurrency_limit_queues_instead_of_failing() -> None:
    with served(max_concurrent_tasks=3) as (emu, client):
        results = client.tasks.map([f"Queued {n}" for n in range(10)], concurrency=10)
        stats = emu.stats
    assert [r.status for r in results] == [TaskStatus.FINISHED] * 10
    assert all(r.ok for r in results)
    assert stats["concurrency_refused"] >= 1  # the limit was met ...
    assert stats["peak_running"] <= 3  # ... and respected
    assert len(emu.state.tasks) == 10


def test_the_map_gets_its_pace_back_once_other_clients_free_their_slots() -> None:
    # An account limit of 3, one slot taken by a task from elsewhere when the map starts:
    # the map is refused once and learns a ceiling of 2. Once the other task ends, the map
    # must run 3 at a time again (its own ends used to postpone every probe for more room).
    with served(max_concurrent_tasks=3, step_interval=0.1) as (emu, client):
        outside = client.tasks.create("Elsewhere [[emulator:steps=15]]", request_id=False)
        results = client.tasks.map(
            [f"Paced {n} [[emulator:steps=10]]" for n in range(9)], concurrency=3
        )
        records = emu.state.tasks
        records[outside.id].status(time.monotonic())  # settle its end
        freed = records[outside.id].finished_at
        spans = [(records[r.task_id].created_at, records[r.task_id].finished_at) for r in results]
        refused = emu.stats["concurrency_refused"]
    assert all(r.ok for r in results) and refused >= 1 and freed is not None
    after = [(max(start, freed), end) for start, end in spans if end is not None and end > freed]
    assert _most_at_once(after) == 3


def test_a_maps_own_ends_do_not_postpone_its_probe_for_more_room() -> None:
    admission = Admission(max_in_flight=5)
    for _ in range(3):
        admission.reserve()
    admission.created(0.0)
    admission.created(0.0)
    admission.refused(0.0)  # 2 running: the ceiling
    assert admission.ceiling == 2 and admission.delay(0.1) == pytest.approx(0.9)
    admission.ended()
    assert admission.delay(0.5) == 0  # a replacement for its own task, at once
    admission.reserve()
    admission.created(0.5)
    assert admission.delay(1.0) == 0  # the probe is due, the end at 0.5 notwithstanding
    admission.reserve()
    admission.refused(1.0)  # still full: wait twice as long
    assert admission.delay(1.0) == pytest.approx(2.0)
    admission.reserve()
    admission.created(3.0)  # room: a higher ceiling, and the next probe at once
    assert admission.ceiling == 3 and admission.delay(3.0) == 0


def _most_at_once(spans: list[tuple[Any, Any]]) -> int:
    edges = sorted([(start, 1) for start, _ in spans] + [(end, -1) for _, end in spans])
    most = running = 0
    for _, change in edges:
        running += change
        most = max(most, running)
    return most


def test_structured_output_is_parsed_per_result() -> None:
    schema = {
        "type": "object",
        "properties": {"name": {"type": "string"}},
        "required": ["name"],
    }
    with served() as (_, client):
        results = client.tasks.map(["Find a name", "Find another"], output_type=schema)
    assert all(r.ok and isinstance(r.parsed, dict) and "name" in r.parsed for r in results)


def test_an_overrun_is_that_inputs_result_and_the_task_is_stopped() -> None:
    with served() as (emu, client):
        [result] = client.tasks.map([SLOW], wait_timeout=0.3)
        assert emu.state.tasks[result.task_id].status(0) == "stopped"  # type: ignore[arg-type]
    assert isinstance(result.error, WaitTimeoutError)
    assert result.status == TaskStatus.STOPPED


def test_leaving_map_as_completed_early_stops_the_running_tasks() -> None:
    inputs = ["Quick one [[emulator:instant]]", *[f"Long {n} {SLOW}" for n in range(3)]]
    with served() as (emu, client):
        with contextlib.closing(client.tasks.map_as_completed(inputs, concurrency=4)) as results:
            first = next(iter(results))
        assert first.ok
        statuses = {t.history[-1] for t in emu.state.tasks.values() if t.id != first.task_id}
    assert statuses == {"stopped"}


@pytest.mark.anyio
async def test_async_map_as_completed_yields_every_result() -> None:
    with Emulator(EmulatorConfig(step_interval=0.02, steps_per_task=3)) as emu:
        async with AsyncBrowserUse(api_key="k", base_url=emu.base_url) as client:
            client.tasks.wait_policy = FAST
            seen = [r async for r in client.tasks.map_as_completed([f"T{n}" for n in range(8)])]
            ordered = await client.tasks.map([f"T{n}" for n in range(8)])
    assert sorted(r.index for r in seen) == list(range(8))
    assert [r.index for r in ordered] == list(range(8))
    assert [r.task_id for r in ordered] == [r.task_id for r in sorted(seen, key=lambda r: r.index)]


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_concurrency_is_checked(bad: Any) -> None:
    with served() as (_, client), pytest.raises(InputError, match="concurrency"):
        client.tasks.map(["x"], concurrency=bad)


@pytest.mark.anyio
async def test_inputs_waiting_for_a_creation_slot_are_woken_one_at_a_time() -> None:
    # 60 inputs at once, two creations in flight: the rest wait in line. Each freed slot
    # must wake the first in line only; waking all of them made every waiting input look
    # again at every change (tens of thousands of looks for a few hundred inputs). An input
    # checks its `leave()` each time it looks, so the calls to it count the looks.
    inputs = 60
    slots = AsyncSlots(BudgetShare(2))  # two requests a second: two creations in flight
    looks = [0] * inputs
    answers = [anyio.Event() for _ in range(inputs)]
    sent: list[int] = []
    sending, to_answer = anyio.create_memory_object_stream[int](inputs)

    async def create(n: int) -> None:
        def leave() -> bool:
            looks[n] += 1
            return False

        async def send() -> str:
            sent.append(n)
            sending.send_nowait(n)
            await answers[n].wait()
            return f"task-{n}"

        await slots.create(send, leave=leave)

    with anyio.fail_after(60):  # a line that stalls fails here instead of hanging
        async with anyio.create_task_group() as group:
            for n in range(inputs):
                group.start_soon(create, n)
            for _ in range(inputs):  # answer each creation sent, one at a time
                answers[await to_answer.receive()].set()
    assert sent == list(range(inputs))  # in line, in order
    assert sum(looks) <= 3 * inputs


def test_closing_a_map_releases_the_inputs_waiting_in_line() -> None:
    # Two slots on the account, taken by this map's tasks: the other inputs wait in line
    # (threads, which nothing cancels). Leaving the map must not leave them waiting.
    # The long ones are refused once (as if the account were full), so the quick one takes a
    # slot first whatever the order the map's threads start in: its result comes first.
    refused_once = "[[emulator:concurrency_limit=1]]"
    inputs = [
        "Quick one [[emulator:instant]]",
        *[f"Long {n} {SLOW} {refused_once}" for n in range(5)],
    ]
    with served(max_concurrent_tasks=2) as (emu, client):
        with contextlib.closing(client.tasks.map_as_completed(inputs, concurrency=6)) as results:
            first = next(iter(results))
        deadline = time.monotonic() + 5
        while _map_threads() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert first.ok
        assert _map_threads() == []
        assert all(t.history[-1] in ("finished", "stopped") for t in emu.state.tasks.values())


def _map_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "browser-use-map" and t.is_alive()]


def test_an_output_that_does_not_parse_is_that_inputs_result_naming_its_task() -> None:
    # The map's results use the same end-of-task mapping as wait(): the parse error says
    # which (billed) task it was; it named none before.
    schema = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
    with served() as (_, client):
        [result] = client.tasks.map(["Count [[emulator:invalid_output]]"], output_type=schema)
    assert isinstance(result.error, StructuredOutputError)
    assert result.error.task_id == result.task_id is not None
    assert result.status == TaskStatus.FINISHED


def test_an_overrun_says_where_each_task_was_left_as_wait_does() -> None:
    # The map's overruns use wait()'s follow and wording: a paused task is said to be
    # paused (the map said "still running" of every overrun).
    with served() as (_, client):
        client.tasks.wait_policy = WAIT_POLICY
        running, paused = client.tasks.map(
            [SLOW, f"Pause me {SLOW} [[emulator:paused_at=1]]"],
            wait_timeout=0.6,
            on_timeout="raise",
        )
        for result in (running, paused):
            client.tasks.stop(result.task_id)  # type: ignore[arg-type]
    assert isinstance(running.error, WaitTimeoutError)
    assert running.error.last_status == "running" and "still running" in str(running.error)
    assert isinstance(paused.error, WaitTimeoutError)
    assert paused.error.last_status == "paused" and "it is paused" in str(paused.error)
