"""A hostile task text cannot freeze the emulator.

Task text is read with regular expressions (directives, URLs, domain names) inside the
server's event loop. Texts shaped to make a backtracking pattern scan the text once per
character ("a." repeated, thousands of distinct domains, unclosed directives) must be read
in time linear in their length, so a request made meanwhile is answered. The timeouts are
bounds that only a quadratic (or worse) parse reaches, not performance targets.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import httpx
import pytest

from browser_use_cloud.emulator import Emulator, EmulatorConfig

SIZE = 60_000
HOSTILE = {
    "dotted run": "a." * (SIZE // 2),
    "dotted run with dashes": "a-a." * (SIZE // 4),
    "distinct domains": " ".join(f"site{i}.com" for i in range(SIZE // 10)),
    "unclosed directives": "[[emulator:x=" * (SIZE // 13),
}
PARSE_BOUND = 60.0
"""Seconds a run-task with such a text may take: a linear parse needs milliseconds."""
PING_BOUND = 10.0
"""Seconds a concurrent ping may wait (the event loop is shared with the parse)."""


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator(EmulatorConfig(step_interval=0.01, steps_per_task=2, seed=3)) as emu:
        yield emu


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_task_text_is_parsed_and_a_concurrent_request_is_answered(
    emulator: Emulator, name: str
) -> None:
    headers = {"Authorization": "Bearer test"}
    answers: list[httpx.Response | BaseException] = []

    def create() -> None:
        try:
            with httpx.Client(base_url=emulator.base_url, headers=headers) as http:
                answers.append(
                    http.post("/run-task", json={"task": HOSTILE[name]}, timeout=PARSE_BOUND)
                )
        except BaseException as exc:  # reported by the assertion below
            answers.append(exc)

    creator = threading.Thread(target=create, name=f"hostile-{name}")
    creator.start()
    pings: list[int] = []
    with httpx.Client(base_url=emulator.base_url, headers=headers) as http:
        while creator.is_alive() or not pings:
            pings.append(http.get("/ping", timeout=PING_BOUND).status_code)
    creator.join()
    assert set(pings) == {200}
    [answer] = answers
    assert isinstance(answer, httpx.Response), repr(answer)
    assert answer.status_code == 200, answer.text
    task = emulator.state.get_task(answer.json()["id"])
    assert task.task == HOSTILE[name]
