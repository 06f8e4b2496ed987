"""Both clients against the emulator over real loopback HTTP."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from wrapper_helpers import collect, resolve

import browser_use_cloud as bu
from browser_use_cloud._policies.retry import RetryPolicy

pytestmark = pytest.mark.anyio
EMULATOR_KEY = "bu_emulator_key_1234567890"


@pytest.fixture(scope="module")
def emulator() -> Iterator[Any]:
    from browser_use_cloud.emulator import Emulator, EmulatorConfig

    config = EmulatorConfig(api_key=EMULATOR_KEY, step_interval=0.01, steps_per_task=2, seed=3)
    with Emulator(config) as emu:
        yield emu


def connect(kind: str, emulator: Any, key: str = EMULATOR_KEY) -> Any:
    cls = bu.BrowserUse if kind == "sync" else bu.AsyncBrowserUse
    return cls(api_key=key, base_url=emulator.base_url)


async def test_account_and_service_calls(kind: str, emulator: Any) -> None:
    client = connect(kind, emulator)
    assert await resolve(client.ping()) is None
    assert await resolve(client.me()) is True
    balance = await resolve(client.balance())
    assert balance.credits is not None and balance.credits >= 0
    assert isinstance(await resolve(client.browser_use_version()), str)
    assert await resolve(client.delete_browser_profile_for_user()) is None
    await resolve(client.close())


async def test_wrong_key(kind: str, emulator: Any) -> None:
    client = connect(kind, emulator, key="bu_wrong")
    assert await resolve(client.me()) is False
    with pytest.raises(bu.AuthenticationError) as info:
        await resolve(client.balance())
    assert "bu_wrong" not in str(info.value)


async def test_scheduled_task_lifecycle(kind: str, emulator: Any) -> None:
    client = connect(kind, emulator)
    start = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    task_id = await resolve(
        client.scheduled_tasks.create(
            "Check the weather",
            cron_expression="0 9 * * MON-FRI",
            start_at=start,
            end_at=start + dt.timedelta(days=30),
            metadata={"team": "ops"},
        )
    )
    got = await resolve(client.scheduled_tasks.get(task_id))
    assert got.schedule_type is bu.ScheduleType.CRON
    assert got.cron_expression == "0 9 * * MON-FRI"
    assert abs((got.start_at - start).total_seconds()) < 1
    updated = await resolve(
        client.scheduled_tasks.update(task_id, is_active=False, task="Check the rain")
    )
    assert (updated.is_active, updated.task) == (False, "Check the rain")
    await resolve(client.scheduled_tasks.delete(task_id))
    with pytest.raises(bu.NotFoundError) as info:
        await resolve(client.scheduled_tasks.get(task_id))
    assert info.value.status_code == 404 and info.value.detail


async def test_scheduled_task_iteration_sees_each_once_while_more_are_created(
    kind: str, emulator: Any
) -> None:
    client = connect(kind, emulator)
    before = {t.id for t in await collect(client.scheduled_tasks.iter())}
    created = [
        await resolve(client.scheduled_tasks.create(f"job {n}", interval_minutes=60 + n))
        for n in range(7)
    ]
    seen: list[str] = []
    iterator = client.scheduled_tasks.iter(page_size=2)
    async for item in _aiter(iterator):
        seen.append(item.id)
        if len(seen) % 2 == 0:  # new schedules land in front of the pages still to come
            await resolve(client.scheduled_tasks.create("late", interval_minutes=5))
    assert len(seen) == len(set(seen))
    assert set(created) | before <= set(seen)
    first = await resolve(client.scheduled_tasks.list(page=1, limit=3))
    assert first.limit == 3 and len(first.items) == 3
    assert await collect(client.scheduled_tasks.iter(max_items=4)) != []
    assert len(await collect(client.scheduled_tasks.iter(max_items=4))) == 4


async def _aiter(iterator: Any) -> Any:
    if hasattr(iterator, "__aiter__"):
        async for item in iterator:
            yield item
    else:
        for item in iterator:
            yield item


async def test_browser_profiles(kind: str, emulator: Any) -> None:
    client = connect(kind, emulator)
    profile = await resolve(
        client.browser_profiles.create("work", proxy=False, browser_viewport_width=1024)
    )
    assert (profile.proxy, profile.browser_viewport_width) == (False, 1024)
    assert profile.proxy_country_code is bu.ProxyCountryCode.US
    assert profile.ad_blocker is True and profile.browser_viewport_height == 960
    changed = await resolve(client.browser_profiles.update(profile.profile_id, description="d"))
    assert changed.description == "d" and changed.proxy is False
    ids = [p.profile_id for p in await collect(client.browser_profiles.iter())]
    assert ids.count(profile.profile_id) == 1
    await resolve(client.browser_profiles.delete(profile.profile_id))
    with pytest.raises(bu.NotFoundError):
        await resolve(client.browser_profiles.get(profile.profile_id))


async def test_upload_then_run_a_task_with_the_file(
    kind: str, emulator: Any, tmp_path: Path
) -> None:
    client = connect(kind, emulator)
    path = tmp_path / "prices.csv"
    path.write_text("item,price\napple,1\n")
    name = await resolve(client.files.upload(path))
    assert name == "prices.csv"
    handle = await resolve(client.tasks.create("Sum the prices", included_file_names=[name]))
    task = await resolve(client.tasks.get(handle.id))
    assert task.user_uploaded_files == ("prices.csv",)


async def test_search(kind: str, emulator: Any) -> None:
    client = connect(kind, emulator)
    results = await resolve(client.search.simple("python sdk", max_websites=2, depth=3))
    assert 1 <= len(results) <= 2 and all(r.url.startswith("http") for r in results)
    page = await resolve(client.search.url("https://example.com", "title"))
    assert page.url == "https://example.com" and page.content
    with pytest.raises(bu.InputError, match="max_websites"):
        await resolve(client.search.simple("q", max_websites=11))
    with pytest.raises(bu.InputError, match="depth"):
        await resolve(client.search.url("https://example.com", "q", depth=1))


async def test_server_validation_errors_are_typed(kind: str, emulator: Any) -> None:
    client = connect(kind, emulator)
    with pytest.raises(bu.UnprocessableEntityError) as info:
        await resolve(client.tasks.create("x", included_file_names=["never-uploaded.pdf"]))
    assert info.value.errors and info.value.errors[0][0][:2] == ("body", "included_file_names")


@pytest.fixture(scope="module")
def flaky_emulator() -> Iterator[Any]:
    from browser_use_cloud.emulator import Emulator, EmulatorConfig

    faults = "500=0.2,503=0.1,429=0.1,drop=0.05,retry_after=0"
    with Emulator(EmulatorConfig(step_interval=0.01, seed=11, faults=faults)) as emu:
        yield emu


async def test_idempotent_calls_ride_out_injected_faults(kind: str, flaky_emulator: Any) -> None:
    client = connect(kind, flaky_emulator)
    client._http.policy = RetryPolicy(max_retries=8, base_delay=0.001)
    for _ in range(25):
        assert await resolve(client.me()) is True
    counts = flaky_emulator.fault_counts
    assert sum(counts.values()) > 0


async def test_real_http_logging_never_shows_the_key(
    kind: str, emulator: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = connect(kind, emulator)
    with caplog.at_level(logging.DEBUG, logger="browser_use_cloud"):
        await resolve(client.balance())
    assert "GET " in caplog.text and "/balance -> 200" in caplog.text
    assert EMULATOR_KEY not in caplog.text
