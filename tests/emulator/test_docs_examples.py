"""The documentation's Python example programs run unchanged against the emulator.

The programs are read from the shared docs file at test time (never copied into the
repo). Only ``BASE_URL`` is pointed at the emulator; the key is whatever the program
uses (the emulator accepts any key by default). Their ``time`` module is swapped for
one whose ``sleep`` is 100 times shorter, so a 5-second wait costs 50 ms.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from browser_use_cloud.emulator import Emulator, EmulatorConfig

from .conftest import Api, vendor_docs

SLEEP_SCALE = 0.01


class _QuickTime:
    """Stands in for the ``time`` module inside an example program."""

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds * SLEEP_SCALE)

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)


def _between(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin) + len(end)]


def _basic_program() -> str:
    return _between(vendor_docs(), "import json\nimport time\n\nimport requests\n", "\tmain()\n")


def _control_task() -> str:
    text = vendor_docs()
    begin = text.index("def control_task():")
    lines = text[begin:].splitlines()
    body = [lines[0]]
    for line in lines[1:]:
        if line.strip() and not line.startswith((" ", "\t")):
            break
        body.append(line)
    return "\n".join(body) + "\n"


def _structured_program() -> str:
    start = "import json\nimport os\nimport time\nimport requests\nfrom pydantic"
    return _between(vendor_docs(), start, "    main()\n")


def _point_at(source: str, base_url: str) -> str:
    patched, count = re.subn(r"^BASE_URL = .*$", f"BASE_URL = {base_url!r}", source, flags=re.M)
    assert count == 1, "the example no longer sets BASE_URL on one line"
    return patched


def _exec(source: str, namespace: dict[str, Any]) -> dict[str, Any]:
    exec(compile(source, "<docs example>", "exec", dont_inherit=True), namespace)
    namespace["time"] = _QuickTime()
    return namespace


def _load(source: str, base_url: str) -> dict[str, Any]:
    return _exec(_point_at(source, base_url), {"__name__": "docs_example"})


@pytest.fixture(scope="module")
def docs_emulator() -> Iterator[Emulator]:
    with Emulator(EmulatorConfig(step_interval=0.05, steps_per_task=6)) as emu:
        yield emu


def test_basic_create_and_poll_program(
    docs_emulator: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    program = _load(_basic_program(), docs_emulator.base_url)
    program["main"]()
    out = capsys.readouterr().out
    task_id = re.search(r"Task created with ID: (\S+)", out)
    assert task_id is not None
    task = Api(docs_emulator.base_url).json("get_task", {"task_id": task_id.group(1)})
    assert task["status"] == "finished"
    assert out.count('"next_goal"') == len(task["steps"]) == 6  # each step printed once
    for step in task["steps"]:
        assert json.dumps(step, indent=4) in out
    assert f"Final output: {task['output']}" in out and "openai" in task["output"]


def test_pause_resume_control_program(
    docs_emulator: Emulator, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    api = Api(docs_emulator.base_url)
    seen_while_waiting: list[str] = []

    def fake_input(prompt: str) -> str:
        (task,) = api.json("list_tasks", params={"limit": 1})["tasks"]
        seen_while_waiting.append(api.status(task["id"]))
        return ""

    program = _load(_basic_program(), docs_emulator.base_url)
    monkeypatch.setattr("builtins.input", fake_input)
    _exec(_control_task(), program)
    program["control_task"]()
    out = capsys.readouterr().out
    assert seen_while_waiting == ["paused"]
    assert "Task paused! Check the live preview." in out
    (task,) = api.json("list_tasks", params={"limit": 1})["tasks"]
    assert (
        task["status"] == "finished"
        and task["task"] == "Go to google.com and search for Browser Use"
    )
    assert f"Task completed with output: {task['output']}" in out and task["output"]


def test_structured_output_program(
    docs_emulator: Emulator, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("API_KEY", "docs-example-key")
    program = _load(_structured_program(), docs_emulator.base_url)
    program["main"]()
    out = capsys.readouterr().out
    assert "Task completed!" in out and "Parsed output:" in out
    assert "Failed to parse" not in out
    raw = re.search(r"^Raw output: (.*)$", out, flags=re.M)
    assert raw is not None
    companies = json.loads(raw.group(1))["companies"]
    assert companies and {"name", "market_cap", "headquarters", "founded_year"} == set(companies[0])
