"""`timeout=` means one thing everywhere: the HTTP timeout of each request a call sends.

Every public method that sends a request is found by introspection and must take
`timeout: RequestTimeout = None`; each is then called against the emulator with a
distinctive timeout, and every request it sent (API and presigned URLs alike) must carry
it. How long to follow a task is `wait_timeout=` (with `on_timeout=`), never `timeout=`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

import browser_use_cloud._async._resource as async_resource
import browser_use_cloud._sync._resource as sync_resource
from browser_use_cloud import AsyncBrowserUse, AsyncTaskHandle, BrowserUse, TaskHandle
from browser_use_cloud._policies.polling import PollPolicy
from browser_use_cloud.emulator import Emulator, EmulatorConfig
from tests.wrapper.wrapper_helpers import resource_classes

SENDS_NOTHING = {"handle", "with_options", "close", "notify", "capture_responses"}
"""Public methods that send no request (everything else must take `timeout=`)."""
FOLLOWS_A_TASK = {"wait", "run", "steps", "map", "map_as_completed"}
"""Methods that follow a task until it ends: they also take `wait_timeout=` and `on_timeout=`."""
TIMEOUT = httpx.Timeout(7.25, connect=1.25)
FAST = PollPolicy(initial=0.02, factor=1.5, max_interval=0.1)


def _classes(resource_base: type, client: type, handle: type) -> list[type]:
    import browser_use_cloud._async._client  # noqa: F401  (resources register on import)

    for name in ("_tasks", "_scheduled_tasks", "_files", "_browser_profiles", "_search"):
        __import__(f"{resource_base.__module__.rsplit('.', 1)[0]}.{name}")
    return [client, handle, *resource_classes(resource_base)]


def _request_methods(classes: list[type]) -> dict[str, Callable[..., Any]]:
    """`Class.method` -> function, for every public method that sends requests."""
    found = {}
    for cls in classes:
        for name, function in inspect.getmembers(cls, inspect.isfunction):
            if not name.startswith("_") and name not in SENDS_NOTHING:
                found[f"{cls.__name__}.{name}"] = function
    return found


SYNC_METHODS = _request_methods(
    _classes(sync_resource.APIResource, BrowserUse, TaskHandle)  # type: ignore[type-abstract]
)
ASYNC_METHODS = _request_methods(
    _classes(async_resource.AsyncAPIResource, AsyncBrowserUse, AsyncTaskHandle)
)


@pytest.mark.parametrize("qualname", sorted(SYNC_METHODS) + sorted(ASYNC_METHODS))
def test_every_request_method_takes_the_one_timeout_alias(qualname: str) -> None:
    function = {**SYNC_METHODS, **ASYNC_METHODS}[qualname]
    parameters = inspect.signature(function).parameters
    assert "timeout" in parameters, f"{qualname} sends requests but takes no timeout="
    timeout = parameters["timeout"]
    assert timeout.kind is inspect.Parameter.KEYWORD_ONLY
    assert timeout.default is None
    assert timeout.annotation == "RequestTimeout", f"{qualname}: {timeout.annotation}"
    if qualname.rsplit(".", 1)[1] in FOLLOWS_A_TASK:
        assert {"wait_timeout", "on_timeout"} <= parameters.keys(), qualname
    else:
        assert "wait_timeout" not in parameters, qualname


def test_the_sync_and_async_clients_have_the_same_request_methods() -> None:
    assert sorted(SYNC_METHODS) == sorted(name.replace("Async", "", 1) for name in ASYNC_METHODS)


@dataclass
class Context:
    client: BrowserUse
    tmp_path: Path
    seen: list[httpx.Request] = field(default_factory=list)

    def task(self, text: str = "Quick task [[emulator:files=a.txt]]") -> str:
        """A finished task's id."""
        return self.client.tasks.run(text, wait_timeout=30).id

    def running_short(self) -> str:
        return self.client.tasks.create("Short task [[emulator:steps=3]]").id

    def note(self) -> Path:
        path = self.tmp_path / "notes.txt"
        path.write_text("hello")
        return path

    def running(self) -> str:
        return self.client.tasks.create("Long task [[emulator:steps=200]]").id

    def paused(self) -> str:
        task_id = self.running()
        self.client.tasks.pause(task_id)
        return task_id

    def schedule(self) -> str:
        return self.client.scheduled_tasks.create("Every hour", interval_minutes=60)

    def profile(self) -> str:
        return self.client.browser_profiles.create("Timeouts").profile_id


def _rows() -> dict[str, Callable[[Context], Callable[..., Any]]]:
    """How to call each request method; the setup runs before requests are recorded."""
    p = functools.partial
    tasks = "Tasks."
    handle = "TaskHandle."
    return {
        "BrowserUse.balance": lambda c: c.client.balance,
        "BrowserUse.me": lambda c: c.client.me,
        "BrowserUse.ping": lambda c: c.client.ping,
        "BrowserUse.browser_use_version": lambda c: c.client.browser_use_version,
        "BrowserUse.call": lambda c: p(c.client.call, "get_task_status", task_id=c.task()),
        "BrowserUse.delete_browser_profile_for_user": (
            lambda c: c.client.delete_browser_profile_for_user
        ),
        tasks + "create": lambda c: p(c.client.tasks.create, "Hello"),
        tasks + "run": lambda c: p(
            c.client.tasks.run, "Hello [[emulator:steps=2]]", files=[c.note()], wait_timeout=30
        ),
        tasks + "get": lambda c: p(c.client.tasks.get, c.task()),
        tasks + "status": lambda c: p(c.client.tasks.status, c.task()),
        tasks + "list": lambda c: c.client.tasks.list,
        tasks + "iter": lambda c: p(c.client.tasks.iter, max_items=3),
        tasks + "find_by_request_id": lambda c: p(c.client.tasks.find_by_request_id, "rid-x"),
        tasks + "stop": lambda c: p(c.client.tasks.stop, c.running()),
        tasks + "pause": lambda c: p(c.client.tasks.pause, c.running()),
        tasks + "resume": lambda c: p(c.client.tasks.resume, c.paused()),
        tasks + "media": lambda c: p(c.client.tasks.media, c.task()),
        tasks + "screenshots": lambda c: p(c.client.tasks.screenshots, c.task()),
        tasks + "gif": lambda c: p(c.client.tasks.gif, c.task()),
        tasks + "output_file": lambda c: p(c.client.tasks.output_file, c.task(), "a.txt"),
        tasks + "download_output_file": lambda c: p(
            c.client.tasks.download_output_file, c.task(), "a.txt", c.tmp_path / "a.txt"
        ),
        tasks + "map": lambda c: p(c.client.tasks.map, ["Short [[emulator:steps=2]]"] * 2),
        tasks + "map_as_completed": lambda c: p(
            c.client.tasks.map_as_completed, ["Short [[emulator:steps=2]]"] * 2
        ),
        tasks + "wait": lambda c: p(c.client.tasks.wait, c.running_short(), wait_timeout=30),
        tasks + "steps": lambda c: p(c.client.tasks.steps, c.running_short(), wait_timeout=30),
        handle + "status": lambda c: c.client.tasks.handle(c.task()).status,
        handle + "get": lambda c: c.client.tasks.handle(c.task()).get,
        handle + "stop": lambda c: c.client.tasks.handle(c.running()).stop,
        handle + "pause": lambda c: c.client.tasks.handle(c.running()).pause,
        handle + "resume": lambda c: c.client.tasks.handle(c.paused()).resume,
        handle + "media": lambda c: c.client.tasks.handle(c.task()).media,
        handle + "screenshots": lambda c: c.client.tasks.handle(c.task()).screenshots,
        handle + "gif": lambda c: c.client.tasks.handle(c.task()).gif,
        handle + "output_file": lambda c: p(c.client.tasks.handle(c.task()).output_file, "a.txt"),
        handle + "download_output_file": lambda c: p(
            c.client.tasks.handle(c.task()).download_output_file, "a.txt", c.tmp_path / "b.txt"
        ),
        handle + "wait": lambda c: p(
            c.client.tasks.handle(c.running_short()).wait, wait_timeout=30
        ),
        handle + "steps": lambda c: p(
            c.client.tasks.handle(c.running_short()).steps, wait_timeout=30
        ),
        "ScheduledTasks.create": lambda c: p(
            c.client.scheduled_tasks.create, "Daily", interval_minutes=1440
        ),
        "ScheduledTasks.get": lambda c: p(c.client.scheduled_tasks.get, c.schedule()),
        "ScheduledTasks.list": lambda c: c.client.scheduled_tasks.list,
        "ScheduledTasks.iter": lambda c: p(c.client.scheduled_tasks.iter, max_items=3),
        "ScheduledTasks.update": lambda c: p(
            c.client.scheduled_tasks.update, c.schedule(), is_active=False
        ),
        "ScheduledTasks.delete": lambda c: p(c.client.scheduled_tasks.delete, c.schedule()),
        "Files.upload": lambda c: p(c.client.files.upload, b"hello", name="notes.txt"),
        "BrowserProfiles.create": lambda c: p(c.client.browser_profiles.create, "Mine"),
        "BrowserProfiles.get": lambda c: p(c.client.browser_profiles.get, c.profile()),
        "BrowserProfiles.list": lambda c: c.client.browser_profiles.list,
        "BrowserProfiles.iter": lambda c: p(c.client.browser_profiles.iter, max_items=3),
        "BrowserProfiles.update": lambda c: p(
            c.client.browser_profiles.update, c.profile(), profile_name="Renamed"
        ),
        "BrowserProfiles.delete": lambda c: p(c.client.browser_profiles.delete, c.profile()),
        "Search.simple": lambda c: p(c.client.search.simple, "kettles"),
        "Search.url": lambda c: p(c.client.search.url, "https://example.com", "kettles"),
    }


ROWS = _rows()


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator(EmulatorConfig(step_interval=0.01, steps_per_task=3)) as emu:
        yield emu


def requests_of_a_row(
    qualname: str, emulator: Emulator, tmp_path: Path, **arguments: Any
) -> tuple[list[httpx.Request], list[httpx.Request]]:
    """Call ROWS[qualname] with `arguments` on a client of `emulator` (a returned iterator
    is drained), then ping with the same client: the requests of the call, and the ping's."""
    seen: list[httpx.Request] = []
    http = httpx.Client(event_hooks={"request": [seen.append]})
    with BrowserUse(api_key="test-key", base_url=emulator.base_url, http_client=http) as client:
        client.tasks.wait_policy = client.tasks.stream_policy = FAST
        call = ROWS[qualname](Context(client, tmp_path))
        seen.clear()
        result = call(**arguments)
        if isinstance(result, Iterator):
            list(result)
        after = len(seen)
        client.ping()
    http.close()
    return seen[:after], seen[after:]


def test_every_request_method_has_a_row() -> None:
    assert sorted(ROWS) == sorted(SYNC_METHODS), "add a row to ROWS for each new method"


@pytest.mark.parametrize("qualname", sorted(ROWS))
def test_each_request_is_sent_with_the_callers_timeout(
    qualname: str, emulator: Emulator, tmp_path: Path
) -> None:
    seen, _ = requests_of_a_row(qualname, emulator, tmp_path, timeout=TIMEOUT)
    assert seen, f"{qualname} sent no request"
    wrong = [
        f"{r.method} {r.url.copy_with(query=None)}: {r.extensions.get('timeout')}"
        for r in seen
        if r.extensions.get("timeout") != TIMEOUT.as_dict()
    ]
    assert wrong == [], f"{qualname} sent requests without the caller's timeout"
