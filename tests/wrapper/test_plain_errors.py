"""Failures that used to escape as plain Python errors are typed, and say what to do.

- a closed client raised httpx's RuntimeError;
- an AsyncBrowserUse reused under a second `asyncio.run` failed with "Event loop is closed"
  (now it simply works);
- a download into a folder that does not exist raised FileNotFoundError on `<path>.part`;
- an upload the storage refuses as too large (413) was a plain APIStatusError.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import browser_use_cloud as bu
from browser_use_cloud.emulator import Emulator, EmulatorConfig


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    config = EmulatorConfig(step_interval=0.01, steps_per_task=2, upload_limit_bytes=1000)
    with Emulator(config) as emu:
        yield emu


def test_a_closed_sync_client_says_it_is_closed(emulator: Emulator) -> None:
    client = bu.BrowserUse(api_key="test-key", base_url=emulator.base_url)
    client.close()
    with pytest.raises(bu.ClientClosedError) as info:
        client.tasks.list()
    assert isinstance(info.value, bu.BrowserUseError)
    assert "closed" in str(info.value) and "make a new BrowserUse(...)" in str(info.value)
    assert "BrowserUse(...) or" not in str(info.value)  # said "BrowserUse(...) or BrowserUse(...)"


def test_a_closed_async_client_says_it_is_closed(emulator: Emulator) -> None:
    async def main() -> None:
        async with bu.AsyncBrowserUse(api_key="test-key", base_url=emulator.base_url) as client:
            await client.tasks.list()
        with pytest.raises(bu.ClientClosedError, match="closed") as info:
            await client.tasks.list()
        assert "make a new AsyncBrowserUse(...)" in str(info.value)

    asyncio.run(main())


@pytest.mark.parametrize("given", ["argument", "environment"])
def test_a_401_says_where_the_key_came_from_without_it(
    given: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = "bu_wrong_key_5551234"
    with Emulator(EmulatorConfig(api_key="bu_the_right_key")) as emulator:
        if given == "argument":
            client = bu.BrowserUse(api_key=key, base_url=emulator.base_url)
        else:
            monkeypatch.setenv("BROWSER_USE_API_KEY", key)
            client = bu.BrowserUse(base_url=emulator.base_url)
        with client, pytest.raises(bu.AuthenticationError) as info:
            client.tasks.list()
    message = str(info.value)
    where = "passed as api_key=" if given == "argument" else "read from BROWSER_USE_API_KEY"
    assert where in message and key not in message


def test_a_closed_http_client_of_the_caller_is_named(emulator: Emulator) -> None:
    http = httpx.Client()
    client = bu.BrowserUse(api_key="test-key", base_url=emulator.base_url, http_client=http)
    http.close()
    with pytest.raises(bu.ClientClosedError, match="http_client"):
        client.tasks.list()


def test_an_async_client_works_under_a_second_asyncio_run(emulator: Emulator) -> None:
    client = bu.AsyncBrowserUse(api_key="test-key", base_url=emulator.base_url)

    async def run_one() -> str:
        result = await client.tasks.run("Quick [[emulator:steps=1]]")
        return result.status

    assert asyncio.run(run_one()) == "finished"
    assert asyncio.run(run_one()) == "finished"  # the first loop, and its pool, are gone
    asyncio.run(client.close())


def test_a_download_into_a_missing_folder_is_refused_before_fetching(
    emulator: Emulator, tmp_path: Path
) -> None:
    with bu.BrowserUse(api_key="test-key", base_url=emulator.base_url) as client:
        task = client.tasks.run("Files [[emulator:files=out.csv]]")
        target = tmp_path / "missing" / "out.csv"
        with pytest.raises(bu.InputError) as info:
            client.tasks.download_output_file(task.id, "out.csv", target)
        message = str(info.value)
        assert str(tmp_path / "missing") in message and "does not exist" in message
        assert not target.parent.exists()


def test_an_upload_refused_as_too_large_is_typed_and_says_what_to_do(emulator: Emulator) -> None:
    client = bu.BrowserUse(api_key="test-key", base_url=emulator.base_url)
    with client, pytest.raises(bu.PayloadTooLargeError) as info:
        client.files.upload(b"x" * 2000, name="big.txt")  # over the emulator's 1000 bytes
    exc = info.value
    assert isinstance(exc, bu.APIStatusError) and exc.status_code == 413
    assert "'big.txt'" in str(exc) and "2000 bytes" in str(exc) and "smaller" in str(exc)
