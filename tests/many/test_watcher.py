"""The per-client status watcher over real HTTP: many waits, cancellation, timeouts, webhooks."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import anyio
import httpx
import pytest

from browser_use_cloud import (
    APITimeoutError,
    AsyncBrowserUse,
    BrowserUse,
    HookEvent,
    RequestErrorEvent,
    ResponseEvent,
    TaskStatus,
    WaitTimeoutError,
    webhook_app,
)
from browser_use_cloud._frontends._serving import BackgroundServer
from browser_use_cloud._policies.polling import PollPolicy
from browser_use_cloud.emulator import Emulator, EmulatorConfig

FAST = PollPolicy(initial=0.05, factor=2, max_interval=0.1)
QUICK = "Find a number [[emulator:steps=3]]"
SLOW = "Read a long page [[emulator:steps=400]]"
SECRET = "whsec_watcher_test"


class Requests:
    """Counts API requests by kind (`status`, `list`, `get`, `create`)."""

    def __init__(self) -> None:
        self.kinds: list[str] = []
        self._lock = threading.Lock()

    def record(self, request: httpx.Request) -> None:
        path = request.url.path
        kind = (
            "create"
            if path.endswith("/run-task")
            else "status"
            if path.endswith("/status")
            else "list"
            if path.endswith("/tasks")
            else "get"
            if "/task/" in path
            else "other"
        )
        with self._lock:
            self.kinds.append(kind)

    def count(self, kind: str) -> int:
        return self.kinds.count(kind)


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(EmulatorConfig(step_interval=0.05, steps_per_task=3)) as emu:
        yield emu


def sync_client(emu: Emulator, requests: Requests) -> BrowserUse:
    http = httpx.Client(event_hooks={"request": [requests.record]})
    client = BrowserUse(api_key="k", base_url=emu.base_url, http_client=http)
    client.tasks.wait_policy = FAST
    return client


@pytest.mark.anyio
async def test_many_async_waits_share_list_pages(emulator: Emulator) -> None:
    requests = Requests()

    async def hook(request: httpx.Request) -> None:
        requests.record(request)

    async with (
        httpx.AsyncClient(event_hooks={"request": [hook]}) as http,
        AsyncBrowserUse(api_key="k", base_url=emulator.base_url, http_client=http) as client,
    ):
        client.tasks.wait_policy = FAST
        handles = [await client.tasks.create(QUICK) for _ in range(30)]
        results: dict[str, Any] = {}

        async def wait(handle: Any) -> None:
            results[handle.id] = await handle.wait(wait_timeout=30)

        async with anyio.create_task_group() as group:
            for handle in handles:
                group.start_soon(wait, handle)
    assert {r.status for r in results.values()} == {TaskStatus.FINISHED}
    assert len(results) == 30 and all(len(r.steps) == 3 for r in results.values())
    assert requests.count("list") >= 1
    assert requests.count("status") < 30  # a status request per task per check would be more
    assert requests.count("get") == 30  # one full fetch each, at the end


def test_many_threads_wait_through_one_watcher(emulator: Emulator) -> None:
    requests = Requests()
    with sync_client(emulator, requests) as client:
        handles = [client.tasks.create(QUICK) for _ in range(12)]
        results: list[Any] = []
        threads = [
            threading.Thread(target=lambda h=h: results.append(h.wait(wait_timeout=30)))
            for h in handles
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(r.id for r in results) == sorted(h.id for h in handles)
    assert {r.status for r in results} == {TaskStatus.FINISHED}
    assert requests.count("list") >= 1


def test_threads_asking_for_the_watcher_first_at_once_get_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A sync map's threads all reach the client's lazily made watcher at once; each used to
    # make its own, and each ran its own polling rounds.
    from browser_use_cloud._sync import _watcher

    made = _watcher.Watcher.__init__

    def slow_init(self: Any, *args: Any) -> None:
        time.sleep(0.05)  # widen the window between looking and storing
        made(self, *args)

    monkeypatch.setattr(_watcher.Watcher, "__init__", slow_init)
    client = BrowserUse(api_key="k", base_url="http://127.0.0.1:9")
    start = threading.Barrier(4)
    seen: list[object] = []

    def ask() -> None:
        start.wait()
        seen.append(client._context.watcher)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    client.close()
    assert len(seen) == 4 and len({id(w) for w in seen}) == 1


@pytest.mark.anyio
async def test_a_cancelled_leader_hands_the_rounds_to_another_waiter(emulator: Emulator) -> None:
    async with AsyncBrowserUse(api_key="k", base_url=emulator.base_url) as client:
        client.tasks.wait_policy = FAST
        slow = await client.tasks.create(SLOW)  # waits first, so it leads
        quick = await client.tasks.create("Takes a while [[emulator:steps=12]]")  # ~0.65 s
        done: list[Any] = []

        async def leader() -> None:
            with anyio.move_on_after(0.2):
                await slow.wait(wait_timeout=None)
            done.append("cancelled")

        async def follower() -> None:
            await anyio.sleep(0.05)
            done.append(await quick.wait(wait_timeout=30))

        async with anyio.create_task_group() as group:
            group.start_soon(leader)
            group.start_soon(follower)
        await client.tasks.stop(slow.id)
    assert done[0] == "cancelled"
    assert done[1].status == TaskStatus.FINISHED


@pytest.mark.anyio
@pytest.mark.parametrize("leader", ["short", "long"])
async def test_a_waits_request_timeout_applies_to_its_own_tasks_checks_only(leader: str) -> None:
    # Every request is answered 0.3 s late. One wait allows each request 0.1 s, the other
    # 5 s: whichever of them leads the watcher's rounds, the first's status checks time out
    # (it gets the error) and the second's are answered (it gets its task). The leader's
    # timeout used to apply to every check of its rounds.
    answered: list[str] = []
    timed_out: list[str] = []

    def hook(event: HookEvent) -> None:
        if isinstance(event, ResponseEvent):
            answered.append(event.response.url)
        elif isinstance(event, RequestErrorEvent):
            timed_out.append(event.url)

    config = EmulatorConfig(step_interval=0.05, steps_per_task=3, faults="slow=1,slow_seconds=0.3")
    outcomes: dict[str, Any] = {}
    with Emulator(config) as emu:
        async with AsyncBrowserUse(
            api_key="k", base_url=emu.base_url, max_retries=0, hooks=[hook]
        ) as client:
            client.tasks.wait_policy = FAST
            waits = {"short": (await client.tasks.create(QUICK), 0.1)}
            waits["long"] = (await client.tasks.create(QUICK), 5.0)

            async def wait(name: str) -> None:
                handle, timeout = waits[name]
                try:
                    outcomes[name] = await handle.wait(wait_timeout=30, timeout=timeout)
                except APITimeoutError as exc:
                    outcomes[name] = exc

            async with anyio.create_task_group() as group:
                for name in sorted(waits, key=lambda name: name != leader):  # leader first
                    group.start_soon(wait, name)

    def checks(urls: list[str], name: str) -> int:
        return sum(url.endswith(f"/task/{waits[name][0].id}/status") for url in urls)

    assert isinstance(outcomes["short"], APITimeoutError)
    assert checks(timed_out, "short") >= 1 and checks(answered, "short") == 0
    assert outcomes["long"].status == TaskStatus.FINISHED
    assert checks(answered, "long") >= 1 and checks(timed_out, "long") == 0


def test_on_timeout_stop_still_stops_the_task(emulator: Emulator) -> None:
    requests = Requests()
    with sync_client(emulator, requests) as client:
        handle = client.tasks.create(SLOW)
        started = time.monotonic()
        with pytest.raises(WaitTimeoutError) as caught:
            handle.wait(wait_timeout=0.5, on_timeout="stop")
        assert time.monotonic() - started < 5
        assert caught.value.stopped
        assert client.tasks.status(handle.id) == TaskStatus.STOPPED


def test_webhook_events_wake_waiters_and_polling_becomes_a_safety_net() -> None:
    requests = Requests()
    holder: dict[str, BrowserUse] = {}

    def handler(event: Any) -> None:
        holder["client"].tasks.notify(event)

    with BackgroundServer(webhook_app(handler, secret=SECRET)) as receiver:
        config = EmulatorConfig(
            step_interval=0.1,
            steps_per_task=3,
            webhook_url=receiver.url + "/webhook",
            webhook_secret=SECRET,
        )
        with Emulator(config) as emu, sync_client(emu, requests) as client:
            holder["client"] = client
            client.tasks.wait_policy = PollPolicy(initial=1.0, factor=2, max_interval=2.0)
            client.tasks.create("warm up [[emulator:instant]]").wait(wait_timeout=30)
            requests.kinds.clear()
            handle = client.tasks.create("Follow the events [[emulator:steps=20]]")
            result = handle.wait(wait_timeout=30)
    assert result.status == TaskStatus.FINISHED
    # ~2 s task: without webhooks, a status check every 2 s; with them, none before the
    # end event, then one full fetch.
    assert requests.count("status") == 0 and requests.count("list") == 0
    assert requests.count("get") == 1


@pytest.mark.anyio
async def test_notify_refuses_what_is_not_a_verified_event() -> None:
    async with AsyncBrowserUse(api_key="k", base_url="http://127.0.0.1:1/api/v1") as client:
        with pytest.raises(TypeError, match="verified WebhookEvent"):
            await client.tasks.notify({"type": "agent.task.status_update"})  # type: ignore[arg-type]
