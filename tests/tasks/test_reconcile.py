"""Finding the task of a lost run-task answer: paging back, settling, and re-sending only
when the task provably does not exist."""

from __future__ import annotations

import collections
import datetime as dt
import functools
from collections.abc import Callable, Iterator

import httpx
import pytest

from browser_use_cloud import (
    APITimeoutError,
    BrowserUse,
    InputError,
    TaskCreationUnconfirmedError,
    TaskStatus,
)
from browser_use_cloud._models import Page, TaskSummary
from browser_use_cloud._policies.request_id_search import CLOCK_SKEW, RequestIdSearch
from browser_use_cloud._policies.retry import RetryPolicy
from browser_use_cloud._sync import _task_creation as sync_creation
from browser_use_cloud.emulator import Emulator, EmulatorConfig

T0 = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


# -- the search (pure) ----------------------------------------------------------------------


def summary(n: int, created: dt.datetime, rid: str | None = None) -> TaskSummary:
    return TaskSummary(
        id=f"task-{n}",
        task="x",
        status=TaskStatus.CREATED,
        output=None,
        created_at=created,
        finished_at=None,
        live_url=None,
        metadata={"bu_request_id": rid} if rid else None,
    )


def page_of(items: list[TaskSummary], number: int, limit: int) -> Page[TaskSummary]:
    chunk = items[(number - 1) * limit : number * limit]
    pages = max(1, -(-len(items) // limit))
    return Page(
        items=tuple(chunk), page=number, limit=limit, total_pages=pages, total_count=len(items)
    )


def run_search(items: list[TaskSummary], search: RequestIdSearch) -> list[int]:
    read = []
    while search.next_page is not None:
        read.append(search.next_page)
        search.feed(page_of(items, search.next_page, search.page_size))
    return read


def test_finds_the_task_behind_more_than_one_page_of_newer_ones() -> None:
    newer = [summary(n, T0 + dt.timedelta(seconds=n)) for n in range(250, 10, -1)]
    items = [*newer, summary(5, T0, "rid"), summary(1, T0 - dt.timedelta(hours=1))]
    search = RequestIdSearch(["rid"], since=T0, page_size=100)
    assert run_search(items, search) == [1, 2, 3]
    assert (search.task_id("rid"), search.conclusive) == ("task-5", True)


def test_stops_at_the_first_page_older_than_the_send() -> None:
    old = T0 - CLOCK_SKEW - dt.timedelta(seconds=1)
    items = [summary(n, T0 if n > 60 else old) for n in range(100, 0, -1)]
    search = RequestIdSearch(["rid"], since=T0, page_size=25)
    assert run_search(items, search) == [1, 2]  # page 2 reaches tasks from before the send
    assert (search.task_id("rid"), search.conclusive) == (None, True)


def test_tasks_within_the_clock_skew_margin_are_still_searched() -> None:
    lagging = T0 - CLOCK_SKEW + dt.timedelta(seconds=1)  # the server's clock is behind ours
    items = [summary(n, lagging) for n in range(60, 0, -1)] + [summary(0, lagging, "rid")]
    search = RequestIdSearch(["rid"], since=T0, page_size=25)
    assert run_search(items, search) == [1, 2, 3]
    assert search.task_id("rid") == "task-0"


def test_a_short_page_ends_the_search() -> None:
    items = [summary(n, T0) for n in range(30, 0, -1)]
    search = RequestIdSearch(["rid"], since=T0, page_size=25)
    assert run_search(items, search) == [1, 2]
    assert (search.task_id("rid"), search.conclusive) == (None, True)


def test_too_many_newer_tasks_make_the_search_inconclusive() -> None:
    items = [summary(n, T0) for n in range(500, 0, -1)]
    search = RequestIdSearch(["rid"], since=T0, page_size=10, max_pages=4)
    assert run_search(items, search) == [1, 2, 3, 4]
    assert (search.task_id("rid"), search.conclusive) == (None, False)


def test_many_ids_are_found_in_one_walk_that_ends_once_all_are() -> None:
    newer = [summary(n, T0 + dt.timedelta(seconds=n)) for n in range(100, 40, -1)]
    tagged = [summary(n, T0, f"rid-{n}") for n in range(40, 0, -1)]
    search = RequestIdSearch(["rid-35", "rid-3", "rid-20"], since=T0, page_size=25)
    assert run_search([*newer, *tagged], search) == [1, 2, 3, 4]  # rid-3 is on page 4
    assert {rid: search.task_id(rid) for rid in search.wanted} == {
        "rid-35": "task-35",
        "rid-3": "task-3",
        "rid-20": "task-20",
    }
    assert search.conclusive


def test_an_id_used_twice_finds_its_newest_task() -> None:
    items = [summary(2, T0 + dt.timedelta(seconds=2), "rid"), summary(1, T0, "rid")]
    search = RequestIdSearch(["rid", "rid-other"], since=T0, page_size=25)
    assert run_search(items, search) == [1]
    assert (search.task_id("rid"), search.task_id("rid-other")) == ("task-2", None)


def test_a_full_last_page_ends_the_search() -> None:
    items = [summary(n, T0) for n in range(50, 0, -1)]
    search = RequestIdSearch(["rid"], since=T0, page_size=25)
    assert run_search(items, search) == [1, 2]  # page 2 of 2 is full: no page 3 to read
    assert search.conclusive


def test_no_ids_read_nothing() -> None:
    search = RequestIdSearch([], since=T0)
    assert (search.next_page, search.conclusive, search.found) == (None, True, {})


# -- the create loop (sync client, emulator on loopback) ------------------------------------

Hook = Callable[[httpx.Request, httpx.HTTPTransport], httpx.Response]


class LoseFirstCreate(httpx.BaseTransport):
    """Real HTTP, except that the first run-task is handled by `hook`."""

    def __init__(self, hook: Hook) -> None:
        self.real = httpx.HTTPTransport()
        self.hook = hook
        self.log: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.log.append(f"{request.method} {request.url.path}")
        if request.url.path.endswith("/run-task") and self.log.count(self.log[-1]) == 1:
            return self.hook(request, self.real)
        return self.real.handle_request(request)


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(EmulatorConfig(step_interval=0.01)) as emulator:
        yield emulator


def tagged(emulator: Emulator, rid: str) -> list[str]:
    return [
        t.id
        for t in emulator.state.tasks.values()
        if (t.request.get("metadata") or {}).get("bu_request_id") == rid
    ]


def client_for(emulator: Emulator, transport: httpx.BaseTransport, max_delay: float) -> BrowserUse:
    client = BrowserUse(api_key="bu_test", base_url=emulator.base_url, transport=transport)
    client._http.policy = RetryPolicy(max_retries=2, base_delay=0.001, max_delay=max_delay)
    return client


def test_lookup_pages_back_past_a_full_page_of_newer_tasks(emu: Emulator) -> None:
    others = BrowserUse(api_key="bu_other", base_url=emu.base_url, max_requests_per_second=None)

    def lose_answer(request: httpx.Request, real: httpx.HTTPTransport) -> httpx.Response:
        real.handle_request(request).read()
        for n in range(120):  # more than the largest page (100) of newer tasks
            others.tasks.create(f"busy {n}", request_id=False)
        raise httpx.ReadError("connection reset")

    transport = LoseFirstCreate(lose_answer)
    with client_for(emu, transport, 0.005) as client:
        handle = client.tasks.create("billed once", request_id="rid-deep")
    others.close()
    assert tagged(emu, "rid-deep") == [handle.id]
    assert transport.log.count("POST /api/v1/run-task") == 1
    # one look before sending (the caller's own id), then pages 1 and 2 after the failure
    assert transport.log.count("GET /api/v1/tasks") == 3


class Settling:
    """Stands in for the client's sleep: records each pause and lets the server act."""

    def __init__(self, during_sleep: Callable[[], None] = lambda: None) -> None:
        self.pauses: list[float] = []
        self.during_sleep = during_sleep

    def __call__(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.during_sleep()


@pytest.mark.parametrize("max_delay", [0.5, 8.0])
def test_a_create_the_server_finishes_while_the_client_settles_is_found(
    emu: Emulator, monkeypatch: pytest.MonkeyPatch, max_delay: float
) -> None:
    """Nothing at the first lookup; the server creates it during the pause; no re-send."""
    pending: list[httpx.Request] = []

    def time_out(request: httpx.Request, real: httpx.HTTPTransport) -> httpx.Response:
        pending.append(request)
        raise httpx.ReadTimeout("timed out")

    transport = LoseFirstCreate(time_out)
    settle = Settling(lambda: transport.real.handle_request(pending.pop()).read())
    monkeypatch.setattr(sync_creation, "sleep", settle)
    with client_for(emu, transport, max_delay) as client:
        handle = client.tasks.create("billed once", request_id="rid-late")
    assert tagged(emu, "rid-late") == [handle.id]
    assert transport.log.count("POST /api/v1/run-task") == 1
    assert len(settle.pauses) == 1
    wanted = min(sync_creation.CREATE_SETTLE, max_delay)
    assert wanted - 0.5 <= settle.pauses[0] <= wanted  # minus the time the lookup took


def test_a_timeout_is_never_resent_and_its_error_carries_the_request_id(
    emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing found at either lookup: the error names the id, and the late task is found."""
    late: list[httpx.Request] = []

    def time_out(request: httpx.Request, real: httpx.HTTPTransport) -> httpx.Response:
        late.append(request)  # the server acts on it after the client gave up
        raise httpx.ReadTimeout("timed out")

    transport = LoseFirstCreate(time_out)
    monkeypatch.setattr(sync_creation, "sleep", Settling())
    with client_for(emu, transport, 0.01) as client:
        with pytest.raises(TaskCreationUnconfirmedError) as raised:
            client.tasks.create("billed once", request_id="rid-last")
        assert raised.value.request_id == "rid-last"
        assert isinstance(raised.value.cause, APITimeoutError)
        transport.real.handle_request(late.pop()).read()
        found = client.tasks.find_by_request_id(raised.value.request_id)
        assert client.tasks.create("billed once", request_id="rid-last").id == found
    assert transport.log.count("POST /api/v1/run-task") == 1
    assert tagged(emu, "rid-last") == [found]


def test_an_inconclusive_lookup_raises_instead_of_resending(
    emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With more new tasks than the search may read, re-sending could double the task."""
    others = BrowserUse(api_key="bu_other", base_url=emu.base_url, max_requests_per_second=None)

    def lose_answer(request: httpx.Request, real: httpx.HTTPTransport) -> httpx.Response:
        for n in range(12):
            others.tasks.create(f"busy {n}", request_id=False)
        raise httpx.ReadError("connection reset")  # never reached the app: nothing created

    small = functools.partial(RequestIdSearch, page_size=5, max_pages=2)
    monkeypatch.setattr(sync_creation, "RequestIdSearch", small)
    transport = LoseFirstCreate(lose_answer)
    client = client_for(emu, transport, 0.005)
    with client, pytest.raises(TaskCreationUnconfirmedError) as raised:
        client.tasks.create("never doubled", request_id="rid-many")
    assert raised.value.request_id == "rid-many"
    others.close()
    assert transport.log.count("POST /api/v1/run-task") == 1
    # one look before sending (the caller's own id), then the two pages the search may read
    assert collections.Counter(transport.log)["GET /api/v1/tasks"] == 3


def test_find_by_request_id(emu: Emulator) -> None:
    with BrowserUse(api_key="bu_test", base_url=emu.base_url) as client:
        handle = client.tasks.create("tagged", request_id="rid-find")
        client.tasks.create("untagged", request_id=False)
        assert client.tasks.find_by_request_id("rid-find") == handle.id
        assert client.tasks.find_by_request_id("rid-other") is None
        earlier = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
        assert client.tasks.find_by_request_id("rid-find", since=earlier) == handle.id
        with pytest.raises(InputError, match="request_id must be a non-empty string"):
            client.tasks.find_by_request_id("")
        with pytest.raises(InputError, match="since must be a timezone-aware datetime"):
            client.tasks.find_by_request_id("rid-find", since=dt.datetime(2030, 1, 1))
