"""Resuming a map through its public arguments: `skip=` (the request ids of results kept),
`keys=` (ids that survive reordering) and `reattach_since=` (how far back earlier runs
count), and the progress the iterator reports. The emulator on loopback."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from browser_use_cloud import AsyncBrowserUse, BrowserUse, InputError, MapIterator
from browser_use_cloud._policies.polling import PollPolicy
from browser_use_cloud._policies.request_id_search import REATTACH_WINDOW
from browser_use_cloud.emulator import Emulator, EmulatorConfig

FAST = PollPolicy(initial=0.05, factor=2, max_interval=0.1)
INPUTS = ["Find A [[emulator:steps=1]]", "Find B [[emulator:steps=1]]", "Find C"]


@contextlib.contextmanager
def served() -> Iterator[tuple[Emulator, BrowserUse]]:
    config = EmulatorConfig(step_interval=0.03, steps_per_task=3)
    with (
        Emulator(config) as emu,
        BrowserUse(api_key="k", base_url=emu.base_url, max_requests_per_second=None) as client,
    ):
        client.tasks.wait_policy = FAST
        yield emu, client


def test_skip_leaves_out_the_inputs_whose_results_were_kept() -> None:
    with served() as (emu, client):
        first = client.tasks.map(INPUTS)
        kept = {r.request_id for r in first[:2] if r.request_id}
        again = client.tasks.map(INPUTS, skip=kept)
        created = len(emu.state.tasks)
    assert len(kept) == 2
    assert [r.index for r in again] == [2]  # the index is still the input's own
    assert again[0].request_id == first[2].request_id and again[0].reattached
    assert created == 3  # nothing was created for the resumed run


def test_results_carry_distinct_request_ids_tagged_on_their_tasks() -> None:
    with served() as (emu, client):
        results = client.tasks.map(INPUTS)
        tags = {r.task_id: emu.state.tasks[r.task_id or ""].request["metadata"] for r in results}
    ids = [r.request_id for r in results]
    assert len(set(ids)) == 3 and all(ids)
    assert all(tags[r.task_id]["bu_request_id"] == r.request_id for r in results)


def test_keys_keep_an_input_on_its_task_when_the_inputs_move() -> None:
    with served() as (emu, client):
        first = client.tasks.map(INPUTS[:2], keys=["a", "b"])
        moved = client.tasks.map([INPUTS[1], "Find D", INPUTS[0]], keys=["b", "d", "a"])
        created = len(emu.state.tasks)
    assert created == 3  # only the new input got a task
    assert moved[0].task_id == first[1].task_id and moved[0].reattached
    assert moved[2].task_id == first[0].task_id and moved[2].reattached
    assert not moved[1].reattached


def test_without_keys_a_moved_input_of_a_repeated_text_is_a_new_task() -> None:
    """What `keys` is for: without one, repeated inputs are told apart by their order."""
    same = "Same question [[emulator:steps=1]]"
    with served() as (emu, client):
        client.tasks.map([same, same])
        client.tasks.map([same, same, same])
        created = len(emu.state.tasks)
    assert created == 3


def test_reattach_since_reaches_tasks_older_than_the_window() -> None:
    with served() as (emu, client):
        [old] = client.tasks.map(INPUTS[:1])
        with emu.state.lock:
            emu.state.tasks[old.task_id or ""].created_at -= REATTACH_WINDOW * 3
        week = dt.datetime.now(dt.UTC) - dt.timedelta(days=7)
        [resumed] = client.tasks.map(INPUTS[:1], reattach_since=week)
        [fresh] = client.tasks.map(INPUTS[:1])  # the default window: the old task is too old
    assert resumed.reattached and resumed.task_id == old.task_id
    assert not fresh.reattached and fresh.task_id != old.task_id


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        ({"keys": ["a"]}, "keys has 1 entries for 3 inputs"),
        ({"keys": "abc"}, "keys must be a list"),
        ({"keys": ["a", "", None]}, "keys[1] must be a non-empty string or None"),
        ({"keys": ["a", "b", "a"]}, "keys[2] 'a' is also keys[0]"),
        ({"skip": "bu-map-1"}, "skip must be a collection of request ids"),
        ({"skip": [1]}, "skip must hold request ids"),
        ({"reattach_since": dt.datetime(2030, 1, 1)}, "reattach_since must be a timezone-aware"),
        ({"reattach_since": "yesterday"}, "reattach_since must be a timezone-aware"),
    ],
)
def test_bad_resume_arguments_are_refused_before_anything_is_sent(
    arguments: dict[str, Any], says: str
) -> None:
    with served() as (emu, client):
        with pytest.raises(InputError) as caught:
            client.tasks.map_as_completed(INPUTS, **arguments)
        assert emu.stats["requests"] == 0
    assert says in str(caught.value)


def test_the_iterator_reports_total_and_running() -> None:
    done = "Done before [[emulator:steps=1]]"
    inputs = ["Long [[emulator:steps=30]]", "Short [[emulator:steps=1]]", "Next", done]
    with served() as (_emu, client):
        [kept] = client.tasks.map([done], keys=["done"])
        run = client.tasks.map_as_completed(
            inputs, concurrency=2, keys=[None, None, None, "done"], skip={kept.request_id or ""}
        )
        assert isinstance(run, MapIterator)
        assert (run.total, run.running) == (3, 0)  # nothing is sent before the first result
        seen = []
        for result in run:
            seen.append((result.index, run.running))
        assert run.running == 0
    assert seen[0] == (1, 1) or seen[0] == (1, 2)  # the long task still runs, maybe "Next"
    assert sorted(index for index, _ in seen) == [0, 1, 2]
    assert all(running <= 2 for _, running in seen)


@pytest.mark.anyio
async def test_async_map_resumes_and_reports_the_same() -> None:
    config = EmulatorConfig(step_interval=0.03, steps_per_task=3)
    with Emulator(config) as emu:
        async with AsyncBrowserUse(
            api_key="k", base_url=emu.base_url, max_requests_per_second=None
        ) as client:
            client.tasks.wait_policy = FAST
            first = await client.tasks.map(INPUTS[:2], keys=["a", "b"])
            run = client.tasks.map_as_completed(
                INPUTS, keys=["a", "b", "c"], skip={first[0].request_id or ""}
            )
            assert run.total == 2
            again = [r async for r in run]
        created = len(emu.state.tasks)
    assert sorted(r.index for r in again) == [1, 2]
    assert [r.reattached for r in sorted(again, key=lambda r: r.index)] == [True, False]
    assert created == 3
