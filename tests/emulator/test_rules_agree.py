"""Rules the client checks before sending and the emulator enforces on arrival, judged
against references that are neither of them.

Each case is judged by the client (InputError before any request, or sent) and by the
emulator over HTTP (422, or accepted), and both verdicts must equal the reference's: for
cron expressions, croniter (a well-kept cron library) on the standard five-field syntax the
service documents; for upload content types, the vendor docs (their examples, and "only
images and documents are supported"); for proxy countries, openapi.json's list; for file
names, integers and flags, the two sides must agree. The emulator runs in process (no
socket): what is judged here is the rule, not the transport.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from croniter import CroniterBadDateError, croniter
from hypothesis import given, settings
from hypothesis import strategies as st

from browser_use_cloud import BrowserUse, InputError
from browser_use_cloud.emulator import Emulator, EmulatorConfig

from .conftest import Api, vendor_docs

ROOT = Path(__file__).resolve().parents[2]
SPEC_COUNTRIES = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))["components"][
    "schemas"
]["ProxyCountryCode"]["enum"]

CRON = [
    "*/15 * * * *",
    "0 9 * * MON-FRI",
    "0 0 * * 7",
    "30 2-22/4 * JAN-JUN 0",
    "5,10-20/5 * * JUL *",
    "0 0 * * SUN-SAT",
    "@daily",
    "@hourly",
    "² * * * *",
    "0 0 31 2 *",
    "0 0 30 2 *",
    "0 0 29 2 *",
    "0 0 31 2 1",
    "61 * * * *",
    "0 24 * * *",
    "0 0 0 * *",
    "0 0 1 13 *",
    "0 0 * * 8",
    "*/0 * * * *",
    "* * * *",
    "* * * * * *",
    "0 0 ? * *",
    "0 0 L * *",
    "0 0 * * 1#2",
]
NOT_STANDARD = re.compile(r"^@|[?#]|(?<![A-Z])L")
"""croniter's extensions to the five-field syntax: macros, `?`, `#` and `L` (refused)."""
SINCE = dt.datetime(2026, 1, 1)


def croniter_accepts(expression: str) -> bool:
    """The reference: a standard five-field expression that croniter reads and that has a
    next run (croniter gives up on one that never runs, such as 31 February)."""
    text = expression.strip()
    if len(text.split()) != 5 or NOT_STANDARD.search(text) or not croniter.is_valid(text):
        return False
    try:
        croniter(text, SINCE).get_next(dt.datetime)
    except CroniterBadDateError:
        return False
    return True


DOCUMENTED_CONTENT_TYPE = re.compile(
    r"content_type: Content type of the file to upload \(e\.g\. ([^)]*)\)"
)
CONTENT_TYPES = {
    # "Only images and documents are supported" (the vendor docs):
    "image/png": True,
    "image/webp": True,
    "application/pdf": True,
    "text/markdown": True,
    "text/x-markdown": True,
    "text/plain; charset=utf-8": True,  # a parameter leaves the type what it is
    "application/zip": False,  # an archive
    "video/mp4": False,  # a video
    # not a media type at all:
    "image/": False,
    "text/ html": False,
    "": False,
}
FILE_NAMES = ["notes.md", "photo.webp", "a b.pdf", "..", "dir/x.pdf", "x\tb.pdf", "é.txt"]
FILE_NAMES.append("x" * 256)
COUNTRIES = [*SPEC_COUNTRIES, "zz", "US", ""]


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    config = EmulatorConfig(step_interval=0.02, steps_per_task=2)
    with Emulator(config, in_process=True) as emu:
        yield emu


@pytest.fixture(scope="module")
def api(emulator: Emulator) -> Iterator[Api]:
    api = Api(emulator.base_url, transport=emulator.transport())
    yield api
    api.http.close()


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


def test_the_reference_itself_refuses_what_standard_cron_cannot_read() -> None:
    assert croniter_accepts("0 9 * * MON-FRI") and croniter_accepts("0 0 * JUL *")
    assert not croniter_accepts("0 0 31 2 *")  # croniter finds no next run
    assert not croniter_accepts("@daily") and croniter.is_valid("@daily")  # an extension


CRONITER_LENIENT = ["7-0 * * * *", "0 0 * * 5-2", "*/90 * * * *", "0 0 0-0 * *"]
"""Read by croniter (reversed ranges wrap, long steps fire once, day 0 is let through) and
refused by standard cron, whose syntax the service documents: refused by both sides."""


@pytest.mark.parametrize("expression", CRONITER_LENIENT)
def test_what_only_croniter_reads_is_refused_by_both(api: Api, expression: str) -> None:
    assert croniter.is_valid(expression)
    ours = sends(lambda c: c.scheduled_tasks.create("x", cron_expression=expression))
    assert (ours, emulator_accepts_cron(api, expression)) == (False, False)


def emulator_accepts_cron(api: Api, expression: str) -> bool:
    body = {"task": "x", "schedule_type": "cron", "cron_expression": expression}
    return emulator_accepts(api.call("create_scheduled_task", json=body, expect=None))


@pytest.mark.parametrize("expression", CRON)
def test_cron_expressions_are_judged_as_croniter_judges_them(api: Api, expression: str) -> None:
    expected = croniter_accepts(expression)
    ours = sends(lambda c: c.scheduled_tasks.create("x", cron_expression=expression))
    theirs = emulator_accepts_cron(api, expression)
    assert (ours, theirs) == (expected, expected), f"client, emulator; croniter: {expected}"


def _field(low: int, high: int, names: tuple[str, ...] = ()) -> st.SearchStrategy[str]:
    """Items of one field: values (some just outside the field's range), names, ranges and
    steps as standard cron writes them (croniter also reads reversed ranges, range ends
    outside the field and steps longer than it, which standard cron refuses)."""
    value = st.integers(low, high)
    single = st.one_of(st.integers(low - 1, high + 1).map(str), st.sampled_from(names or ("*",)))
    ranged = st.tuples(value, value).map(sorted).map(lambda pair: f"{pair[0]}-{pair[1]}")
    step = st.integers(1, high - low)
    item = st.one_of(
        st.just("*"),
        single,
        ranged,
        st.tuples(st.one_of(st.just("*"), ranged), step).map(lambda pair: f"{pair[0]}/{pair[1]}"),
    )
    return st.lists(item, min_size=1, max_size=3).map(",".join)


MONTHS = ("JAN", "FEB", "APR", "JUN", "JUL", "DEC")
DAYS = ("SUN", "MON", "FRI", "SAT")
FIVE_FIELDS = st.tuples(
    _field(0, 59), _field(0, 23), _field(1, 31), _field(1, 12, MONTHS), _field(0, 7, DAYS)
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(expression=FIVE_FIELDS)
def test_generated_cron_expressions_are_judged_as_croniter_judges_them(expression: str) -> None:
    assert sends(lambda c: c.scheduled_tasks.create("x", cron_expression=expression)) == (
        croniter_accepts(expression)
    )


def test_cron_errors_are_input_errors_that_say_what_is_allowed() -> None:
    def refusal(expression: str) -> str:
        client = _offline_client()
        with client, pytest.raises(InputError, match="cron_expression") as info:
            client.scheduled_tasks.create("x", cron_expression=expression)
        return str(info.value)

    assert "'0 0 * * *'" in refusal("@daily")
    assert "0-59" in refusal("² * * * *")
    assert "never" in refusal("0 0 31 2 *")


def test_the_docs_content_type_examples_are_accepted_by_both(api: Api) -> None:
    found = DOCUMENTED_CONTENT_TYPE.search(vendor_docs())
    assert found is not None, "the upload's content_type description moved in the vendor docs"
    examples = re.findall(r"'([^']+)'", found.group(1))
    assert examples == ["image/png", "application/pdf", "text/plain"]
    for content_type in examples:
        assert sends(functools.partial(upload_with, content_type))
        assert emulator_accepts_upload(api, content_type)


def upload_with(content_type: str, client: BrowserUse) -> object:
    return client.files.upload(b"x", name="f.bin", content_type=content_type)


def emulator_accepts_upload(api: Api, content_type: str) -> bool:
    body = {"file_name": "f.bin", "content_type": content_type}
    return emulator_accepts(api.call("upload_file_presigned_url", json=body, expect=None))


@pytest.mark.parametrize(("content_type", "expected"), CONTENT_TYPES.items())
def test_upload_content_types_are_judged_as_the_docs_say(
    api: Api, content_type: str, expected: bool
) -> None:
    ours = sends(functools.partial(upload_with, content_type))
    theirs = emulator_accepts_upload(api, content_type)
    assert (ours, theirs) == (expected, expected), "client, emulator"


@pytest.mark.parametrize("name", FILE_NAMES)
def test_upload_file_names_agree(api: Api, name: str) -> None:
    ours = sends(lambda c: c.files.upload(b"x", name=name, content_type="text/plain"))
    body = {"file_name": name, "content_type": "text/plain"}
    theirs = emulator_accepts(api.call("upload_file_presigned_url", json=body, expect=None))
    assert ours == theirs, f"client sends: {ours}, emulator accepts: {theirs}"


@pytest.mark.parametrize("name", ["notes.md", "photo.webp", "data.csv", "page.html"])
def test_the_content_type_guessed_from_a_name_is_one_both_sides_accept(api: Api, name: str) -> None:
    from browser_use_cloud._input.upload import guess_content_type

    content_type = guess_content_type(name)
    assert content_type is not None and sends(lambda c: c.files.upload(b"x", name=name))
    body = {"file_name": name, "content_type": content_type}
    assert emulator_accepts(api.call("upload_file_presigned_url", json=body, expect=None))


def test_output_files_carry_the_type_the_client_would_guess(emulator: Emulator, api: Api) -> None:
    from browser_use_cloud._input.upload import guess_content_type

    with emulator.client() as client:
        result = client.tasks.run("Write files [[emulator:files=notes.md,photo.webp]]")
        for name in ("notes.md", "photo.webp"):
            url = client.tasks.output_file(result.id, name)
            response = api.http.get(url)
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
