"""Task ids and output file names that cannot be one URL path segment are refused unsent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from browser_use_cloud import BrowserUse, InputError

CALLS: dict[str, Callable[[BrowserUse, str], Any]] = {
    "get": lambda c, i: c.tasks.get(i),
    "status": lambda c, i: c.tasks.status(i),
    "stop": lambda c, i: c.tasks.stop(i),
    "pause": lambda c, i: c.tasks.pause(i),
    "resume": lambda c, i: c.tasks.resume(i),
    "media": lambda c, i: c.tasks.media(i),
    "screenshots": lambda c, i: c.tasks.screenshots(i),
    "gif": lambda c, i: c.tasks.gif(i),
    "output_file": lambda c, i: c.tasks.output_file(i, "a.txt"),
    "handle": lambda c, i: c.tasks.handle(i),
    "wait": lambda c, i: c.tasks.wait(i),
}


@pytest.fixture
def client() -> Any:
    sent: list[httpx.Request] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    with BrowserUse(api_key="k", transport=httpx.MockTransport(refuse), max_retries=0) as c:
        yield c, sent


@pytest.mark.parametrize("task_id", ["", "  ", ".", "..", None])
@pytest.mark.parametrize("call", list(CALLS), ids=list(CALLS))
def test_a_task_id_that_is_not_one_segment_is_refused(
    client: tuple[BrowserUse, list[httpx.Request]], call: str, task_id: Any
) -> None:
    c, sent = client
    with pytest.raises(InputError, match="task_id"):
        CALLS[call](c, task_id)
    assert sent == []


@pytest.mark.parametrize("file_name", ["", ".", ".."])
def test_an_output_file_name_that_is_not_one_segment_is_refused(
    client: tuple[BrowserUse, list[httpx.Request]], file_name: str
) -> None:
    c, sent = client
    with pytest.raises(InputError, match="file_name"):
        c.tasks.output_file("task-1", file_name)
    assert sent == []
