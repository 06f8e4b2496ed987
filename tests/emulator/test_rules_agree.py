"""Rules the client checks before sending and the emulator enforces on arrival agree.

Each case is judged twice: by the client (InputError before any request, or sent) and by
the emulator over HTTP (422, or accepted). The two verdicts must be the same, for cron
expressions, upload content types and file names, and proxy countries on every call that
takes one. Proxy countries come from openapi.json (the one list both sides read).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from browser_use_cloud import BrowserUse, InputError
from browser_use_cloud.emulator import Emulator, EmulatorConfig

from .conftest import Api

ROOT = Path(__file__).resolve().parents[2]
SPEC_COUNTRIES = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))["components"][
    "schemas"
]["ProxyCountryCode"]["enum"]

CRON = [
    "*/15 * * * *",
    "0 9 * * MON-FRI",
    "0 0 * * 7",
    "30 2-22/4 * JAN-JUN 0",
    "@daily",
    "@hourly",
    "² * * * *",
    "0 0 31 2 *",
    "0 0 30 2 *",
    "0 0 29 2 *",
    "0 0 31 2 1",
    "61 * * * *",
    "* * * *",
    "0 0 ? * *",
    "0 0 L * *",
]
CONTENT_TYPES = [
    "image/png",
    "image/webp",
    "image/",
    "application/pdf",
    "text/markdown",
    "text/x-markdown",
    "text/plain; charset=utf-8",
    "application/zip",
    "text/ html",
    "video/mp4",
]
FILE_NAMES = ["notes.md", "photo.webp", "a b.pdf", "..", "dir/x.pdf", "x\tb.pdf", "é.txt"]
FILE_NAMES.append("x" * 256)
COUNTRIES = [*SPEC_COUNTRIES, "zz", "US", ""]


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator(EmulatorConfig(step_interval=0.02, steps_per_task=2)) as emu:
        yield emu


@pytest.fixture(scope="module")
def api(emulator: Emulator) -> Iterator[Api]:
    api = Api(emulator.base_url)
    yield api
    api.http.close()


@pytest.fixture(scope="module")
def client(emulator: Emulator) -> Iterator[BrowserUse]:
    with BrowserUse(api_key="test-key", base_url=emulator.base_url, max_retries=0) as client:
        yield client


def client_accepts(check: Callable[[], Any]) -> bool:
    try:
        check()
    except InputError:
        return False
    return True


def emulator_accepts(response: httpx.Response) -> bool:
    assert response.status_code in (200, 422), response.text
    return response.status_code == 200


class Refused(Exception):
    """Raised by a transport that refuses to send (the client's check let it through)."""


def _offline_client() -> BrowserUse:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise Refused(request.url.path)

    return BrowserUse(
        api_key="k", base_url="http://127.0.0.1:9/api/v1", transport=httpx.MockTransport(refuse)
    )


def sends(call: Callable[[BrowserUse], Any]) -> bool:
    """True when the client sends the request (its checks pass), False on InputError."""
    client = _offline_client()
    try:
        call(client)
    except InputError:
        return False
    except Refused:
        return True
    finally:
        client.close()
    raise AssertionError("the call neither sent a request nor raised InputError")


@pytest.mark.parametrize("expression", CRON)
def test_cron_rule_is_the_same_in_client_and_emulator(api: Api, expression: str) -> None:
    ours = sends(lambda c: c.scheduled_tasks.create("x", cron_expression=expression))
    body = {"task": "x", "schedule_type": "cron", "cron_expression": expression}
    theirs = emulator_accepts(api.call("create_scheduled_task", json=body, expect=None))
    assert ours == theirs, f"client sends: {ours}, emulator accepts: {theirs}"


def test_cron_errors_are_input_errors_that_say_what_is_allowed() -> None:
    from browser_use_cloud._cron import check_cron

    for expression, hint in [("@daily", "'0 0 * * *'"), ("² * * * *", "0-59")]:
        with pytest.raises(InputError, match="cron_expression") as info:
            check_cron(expression)
        assert hint in str(info.value)
    with pytest.raises(InputError, match="never"):
        check_cron("0 0 31 2 *")


@pytest.mark.parametrize("content_type", CONTENT_TYPES)
def test_upload_content_types_agree(api: Api, content_type: str) -> None:
    ours = sends(lambda c: c.files.upload(b"x", name="f.bin", content_type=content_type))
    body = {"file_name": "f.bin", "content_type": content_type}
    theirs = emulator_accepts(api.call("upload_file_presigned_url", json=body, expect=None))
    assert ours == theirs, f"client sends: {ours}, emulator accepts: {theirs}"


@pytest.mark.parametrize("name", FILE_NAMES)
def test_upload_file_names_agree(api: Api, name: str) -> None:
    ours = sends(lambda c: c.files.upload(b"x", name=name, content_type="text/plain"))
    body = {"file_name": name, "content_type": "text/plain"}
    theirs = emulator_accepts(api.call("upload_file_presigned_url", json=body, expect=None))
    assert ours == theirs, f"client sends: {ours}, emulator accepts: {theirs}"


@pytest.mark.parametrize("name", ["notes.md", "photo.webp", "data.csv", "page.html"])
def test_the_content_type_guessed_from_a_name_is_one_both_sides_accept(api: Api, name: str) -> None:
    from browser_use_cloud._files import guess_content_type

    content_type = guess_content_type(name)
    assert content_type is not None and sends(lambda c: c.files.upload(b"x", name=name))
    body = {"file_name": name, "content_type": content_type}
    assert emulator_accepts(api.call("upload_file_presigned_url", json=body, expect=None))


def test_output_files_carry_the_type_the_client_would_guess(emulator: Emulator) -> None:
    from browser_use_cloud._files import guess_content_type

    with BrowserUse(api_key="test-key", base_url=emulator.base_url) as client:
        result = client.tasks.run("Write files [[emulator:files=notes.md,photo.webp]]")
        for name in ("notes.md", "photo.webp"):
            url = client.tasks.output_file(result.id, name)
            response = httpx.get(url)
            assert response.status_code == 200
            assert response.headers["content-type"].split(";")[0] == guess_content_type(name)


def _profile_create(country: str) -> Callable[[BrowserUse], Any]:
    return lambda c: c.browser_profiles.create("p", proxy_country_code=country)


def _profile_update(country: str) -> Callable[[BrowserUse], Any]:
    return lambda c: c.browser_profiles.update("p-1", proxy_country_code=country)


def _task_create(country: str) -> Callable[[BrowserUse], Any]:
    return lambda c: c.tasks.create("x", proxy_country_code=country, request_id=False)


def _schedule_create(country: str) -> Callable[[BrowserUse], Any]:
    return lambda c: c.scheduled_tasks.create("x", interval_minutes=5, proxy_country_code=country)


@pytest.mark.parametrize("country", COUNTRIES)
def test_proxy_countries_agree_on_every_call(api: Api, country: str) -> None:
    profile_id = api.json("create_browser_profile", json={"profile_name": "p"})["profile_id"]
    start = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)).isoformat()
    raw = {
        "create profile": ("create_browser_profile", None, {"profile_name": "p"}),
        "update profile": ("update_browser_profile", {"profile_id": profile_id}, {}),
        "create task": ("run_task", None, {"task": "x"}),
        "create schedule": (
            "create_scheduled_task",
            None,
            {"task": "x", "schedule_type": "interval", "interval_minutes": 5, "start_at": start},
        ),
    }
    ours = {
        "create profile": sends(_profile_create(country)),
        "update profile": sends(_profile_update(country)),
        "create task": sends(_task_create(country)),
        "create schedule": sends(_schedule_create(country)),
    }
    theirs = {
        what: emulator_accepts(
            api.call(name, path, json={**body, "proxy_country_code": country}, expect=None)
        )
        for what, (name, path, body) in raw.items()
    }
    assert ours == theirs
    expected = country in SPEC_COUNTRIES
    assert set(ours.values()) == {expected}, f"{country!r}: {ours}"


INTEGER_CASES = [0, 1, 200, 201, 20_000, True, "5"]
# A float such as 5.0 is left out on purpose: pydantic's lax mode would read it as 5, the
# client refuses it (it never sends a float for an integer field).
FLAG_CASES = [True, False, 1, 0, "yes"]


def _int_calls(value: object) -> dict[str, tuple[Callable[[BrowserUse], Any], str, Any]]:
    """What: (client call, emulator operation, emulator body) for each integer field."""
    start = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)).isoformat()
    schedule = {"task": "x", "schedule_type": "interval", "start_at": start}
    return {
        "task max_agent_steps": (
            lambda c: c.tasks.create("x", max_agent_steps=value, request_id=False),
            "run_task",
            {"task": "x", "max_agent_steps": value},
        ),
        "task viewport": (
            lambda c: c.tasks.create("x", browser_viewport_width=value, request_id=False),
            "run_task",
            {"task": "x", "browser_viewport_width": value},
        ),
        "profile viewport": (
            lambda c: c.browser_profiles.create("p", browser_viewport_width=value),
            "create_browser_profile",
            {"profile_name": "p", "browser_viewport_width": value},
        ),
        "schedule interval": (
            lambda c: c.scheduled_tasks.create("x", interval_minutes=value, start_at=start),
            "create_scheduled_task",
            {**schedule, "interval_minutes": value},
        ),
    }


@pytest.mark.parametrize("value", INTEGER_CASES, ids=repr)
def test_integer_checks_agree(api: Api, value: object) -> None:
    verdicts = {
        what: (sends(call), emulator_accepts(api.call(op, json=body, expect=None)))
        for what, (call, op, body) in _int_calls(value).items()
    }
    assert all(ours == theirs for ours, theirs in verdicts.values()), verdicts


@pytest.mark.parametrize("value", FLAG_CASES, ids=repr)
def test_boolean_checks_agree(api: Api, value: object) -> None:
    calls = {
        "task use_proxy": (
            lambda c: c.tasks.create("x", use_proxy=value, request_id=False),
            "run_task",
            {"task": "x", "use_proxy": value},
        ),
        "profile proxy": (
            lambda c: c.browser_profiles.create("p", proxy=value),
            "create_browser_profile",
            {"profile_name": "p", "proxy": value},
        ),
    }
    verdicts = {
        what: (sends(call), emulator_accepts(api.call(op, json=body, expect=None)))
        for what, (call, op, body) in calls.items()
    }
    assert all(ours == theirs for ours, theirs in verdicts.values()), verdicts
