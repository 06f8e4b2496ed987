"""Every outcome of the emulator guide's table, made on purpose with a directive in the task text.

The in-process emulator keeps these fast; `slow_create` is also checked over the socket,
where a client timeout can meet it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import httpx
import jsonschema
import pytest

from browser_use_cloud import (
    BrowserUse,
    ConcurrencyLimitError,
    PaymentRequiredError,
    StructuredOutputError,
    TaskFailedError,
    TaskStoppedError,
)
from browser_use_cloud.emulator import Emulator, EmulatorConfig

SCHEMA = {
    "type": "object",
    "properties": {"city": {"type": "string"}, "population": {"type": "integer"}},
    "required": ["city", "population"],
}


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    config = EmulatorConfig(step_interval=0.005, steps_per_task=4, seed=6)
    with Emulator(config, in_process=True) as emu:
        yield emu


@pytest.fixture
def client(emulator: Emulator) -> Iterator[BrowserUse]:
    emulator.reset()
    with emulator.client(max_retries=0) as client:
        yield client


def test_fail(client: BrowserUse) -> None:
    with pytest.raises(TaskFailedError):
        client.tasks.run("Book a table [[emulator:fail]]")


def test_steps_files_and_instant(client: BrowserUse) -> None:
    result = client.tasks.run("Export [[emulator:steps=6]] [[emulator:files=a.csv]]")
    assert len(result.steps) == 6 and list(result.output_files) == ["a.csv"]
    assert client.tasks.create("Now [[emulator:instant]]").status() == "finished"


def test_output_gives_the_final_text(client: BrowserUse) -> None:
    result = client.tasks.run("Say it [[emulator:output=Lima, 10 million people]]")
    assert result.output == "Lima, 10 million people"


def test_invalid_output_does_not_match_the_schema(client: BrowserUse) -> None:
    task = "Find the largest city of Peru [[emulator:invalid_output]]"
    with pytest.raises(StructuredOutputError):
        client.tasks.run(task, output_type=SCHEMA)
    handle = client.tasks.create(task, structured_output_json=json.dumps(SCHEMA))
    raw = client.tasks.get(handle.id)
    while raw.status not in ("finished", "failed"):
        time.sleep(0.01)
        raw = client.tasks.get(handle.id)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(raw.output or ""), SCHEMA)
    fits = client.tasks.run("Find the largest city of Peru", output_type=SCHEMA)
    jsonschema.validate(json.loads(fits.output or ""), SCHEMA)  # without it: valid


def test_concurrency_limit_refuses_creations_then_accepts(
    client: BrowserUse, emulator: Emulator
) -> None:
    task = "Crowded [[emulator:concurrency_limit=2]]"
    for _ in range(2):
        with pytest.raises(ConcurrencyLimitError):
            client.tasks.create(task)
    assert client.tasks.run(task).status == "finished"
    assert emulator.stats["concurrency_refused"] == 2 and len(emulator.state.tasks) == 1


def test_no_credits_is_a_402(client: BrowserUse, emulator: Emulator) -> None:
    with pytest.raises(PaymentRequiredError):
        client.tasks.create("Costly [[emulator:no_credits]]")
    assert emulator.state.tasks == {}


def test_stopped_by_someone_else_after_step_n(client: BrowserUse) -> None:
    with pytest.raises(TaskStoppedError):
        client.tasks.run("Interrupted [[emulator:stopped_at=2]]")
    [task] = client.tasks.list().items
    stopped = client.tasks.get(task.id)
    assert stopped.status == "stopped" and len(stopped.steps) == 2 and stopped.output is None


def test_paused_by_someone_else_after_step_n_and_resumed(client: BrowserUse) -> None:
    handle = client.tasks.create("Held up [[emulator:paused_at=1]]")
    task = client.tasks.get(handle.id)
    while task.status != "paused":
        time.sleep(0.01)
        task = client.tasks.get(handle.id)
    time.sleep(0.05)  # a paused run takes no more steps
    task = client.tasks.get(handle.id)
    assert task.status == "paused" and len(task.steps) == 1
    client.tasks.resume(handle.id)
    assert handle.wait().status == "finished" and len(handle.wait().steps) == 4


def test_slow_create_holds_the_answer_then_creates_the_task() -> None:
    config = EmulatorConfig(step_interval=0.0, seed=6)
    with Emulator(config) as emulator:  # over the socket: a client timeout can meet it
        headers = {"Authorization": "Bearer k"}
        http = httpx.Client(base_url=emulator.base_url, headers=headers, timeout=0.05)
        with http, pytest.raises(httpx.ReadTimeout):
            http.post("/run-task", json={"task": "Late [[emulator:slow_create=0.5]]"})
        assert emulator.state.tasks == {}  # held: not created yet
        deadline = time.monotonic() + 30
        while not emulator.state.tasks:  # then carried out, although nobody waits
            assert time.monotonic() < deadline
            time.sleep(0.02)
        with emulator.client() as client:
            created = client.tasks.create("Answered late [[emulator:slow_create=0.1]]")
            assert created.wait().status == "finished"
