"""`to_dict()` / `to_json()` / `from_dict()` on every result type: what `to_dict()` gives is the
API's JSON object, and `T.from_dict(x.to_dict()) == x`.

Bodies are drawn by hypothesis from openapi.json's schemas (absent optional fields, nulls,
unknown enum values, fields newer than this library, datetimes in several spellings) and
taken from the emulator's answers over loopback HTTP.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import attrs
import derive_surface
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import browser_use_cloud as bu
from browser_use_cloud._input.structured_output import with_parsed
from browser_use_cloud._models import parse_page
from browser_use_cloud._webhooks.signing import sign_webhook
from browser_use_cloud._webhooks.verification import verify_webhook

SCHEMAS: dict[str, Any] = json.loads(
    (derive_surface.ROOT / "openapi.json").read_text(encoding="utf-8")
)["components"]["schemas"]

_text = st.text(max_size=12)
_json_leaf = st.none() | st.booleans() | st.integers() | _text
_json = st.recursive(
    _json_leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
    max_leaves=6,
)
_instants = st.datetimes(
    min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.none()
)


@st.composite
def _datetime_text(draw: st.DrawFn) -> str:
    """A date-time as a server may spell it: Z, an offset, naive, with or without micros."""
    moment = draw(_instants)
    if draw(st.booleans()):
        moment = moment.replace(microsecond=0)
    spelling = draw(st.sampled_from(["Z", "+00:00", "+02:00", "naive"]))
    text = moment.isoformat()
    return text if spelling == "naive" else text + spelling


def _strategy(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    real, nullable = derive_surface.split_null(schema)
    inner = _non_null_strategy(real)
    return st.none() | inner if nullable else inner


def _non_null_strategy(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "$ref" in schema:
        target = SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]]
        if "enum" in target:  # known values and one from a newer server
            return st.sampled_from([*target["enum"], "value-from-a-newer-server"])
        return _object(target)
    if "anyOf" in schema:
        return _json
    kind = schema.get("type")
    if kind == "string":
        return _datetime_text() if schema.get("format") == "date-time" else _text
    if kind == "integer":
        return st.integers(min_value=-(2**53), max_value=2**53)
    if kind == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        return st.lists(_strategy(schema.get("items", {})), max_size=3)
    values = schema.get("additionalProperties")
    if isinstance(values, dict) and values.get("type") == "string":
        return st.dictionaries(_text, _text, max_size=3)
    return st.dictionaries(_text, _json, max_size=3)


@st.composite
def _drawn_object(draw: st.DrawFn, schema: dict[str, Any]) -> dict[str, Any]:
    required = set(schema.get("required", ()))
    body: dict[str, Any] = {}
    for name, prop in schema.get("properties", {}).items():
        if name in required or draw(st.booleans()):
            body[name] = draw(_strategy(prop))
    if draw(st.booleans()):  # a field newer than this library
        body["field_from_a_newer_server"] = draw(_json)
    return body


def _object(schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    return _drawn_object(schema)


def _result_cases() -> Iterator[tuple[str, str]]:
    yield from sorted(derive_surface.RESULTS.items())


@pytest.mark.parametrize(("public", "schema"), list(_result_cases()))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_to_dict_is_the_api_object_and_from_dict_reads_it_back(
    public: str, schema: str, data: st.DataObject
) -> None:
    cls = getattr(bu, public)
    body = data.draw(_object(SCHEMAS[schema]), label="API body")
    result = cls.from_dict(body)
    assert result.to_dict() == body
    assert json.loads(result.to_json()) == body
    assert cls.from_dict(result.to_dict()) == result
    assert cls.from_dict(json.loads(result.to_json(indent=2))) == result


@pytest.mark.parametrize("public", sorted(derive_surface.RESULTS))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_result_built_by_hand_round_trips(public: str, data: st.DataObject) -> None:
    cls = getattr(bu, public)
    parsed = cls.from_dict(data.draw(_object(SCHEMAS[derive_surface.RESULTS[public]])))
    by_hand = cls(**{f.name: getattr(parsed, f.name) for f in attrs.fields(cls) if f.name != "raw"})
    assert set(by_hand.to_dict()) >= {f.name for f in attrs.fields(cls)} - {"raw"}
    assert cls.from_dict(by_hand.to_dict()) == by_hand
    assert cls.from_dict(json.loads(by_hand.to_json())) == by_hand


def test_a_changed_copy_says_what_it_holds_now() -> None:
    body = {
        "id": "t1",
        "task": "x",
        "output": None,
        "status": "running",
        "created_at": "2025-07-29T10:00:00Z",
        "steps": [],
    }
    task = bu.Task.from_dict(body)
    later = dt.datetime(2025, 7, 29, 10, 5, tzinfo=dt.UTC)
    changed = attrs.evolve(task, status=bu.TaskStatus.FINISHED, output="done", finished_at=later)
    assert changed.to_dict() == {
        **body,
        "status": "finished",
        "output": "done",
        "finished_at": "2025-07-29T10:05:00+00:00",
    }
    assert bu.Task.from_dict(changed.to_dict()) == changed


def test_from_dict_does_not_share_the_callers_dict() -> None:
    step = {"id": "s", "step": 1, "evaluation_previous_goal": "", "next_goal": "", "url": "u"}
    read = bu.TaskStep.from_dict(step)
    step["url"] = "changed"
    assert read.url == "u" and read.to_dict()["url"] == "u"
    out = read.to_dict()
    out["url"] = "changed again"
    assert read.url == "u"


@pytest.mark.parametrize(
    ("cls", "body", "message"),
    [
        (bu.Task, ["not", "an", "object"], "takes a JSON object"),
        (bu.Task, {"id": "t"}, "lacks 'task'"),
        (
            bu.TaskSummary,
            {
                "id": "t",
                "task": "x",
                "output": None,
                "status": "running",
                "created_at": "yesterday",
            },
            "not a TaskSummary",
        ),
        (bu.Balance, {}, "lacks 'balance'"),
    ],
)
def test_from_dict_refuses_what_is_not_such_an_object(cls: Any, body: Any, message: str) -> None:
    with pytest.raises(bu.InputError, match=message):
        cls.from_dict(body)


@pytest.mark.parametrize("text", ["12.5", "0", "not a number"])
def test_balance(text: str) -> None:
    balance = bu.Balance.from_dict({"balance": text})
    assert balance.to_dict() == {"balance": text}
    assert bu.Balance.from_dict(balance.to_dict()) == balance
    assert json.loads(balance.to_json()) == {"balance": text}


@pytest.mark.parametrize(
    ("key", "item_type", "schema"),
    [
        ("tasks", bu.TaskSummary, "TaskSimpleResponse"),
        ("tasks", bu.ScheduledTask, "ScheduledTaskResponse"),
        ("profiles", bu.BrowserProfile, "GetBrowserProfileResponse"),
    ],
)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_pages(key: str, item_type: Any, schema: str, data: st.DataObject) -> None:
    items = data.draw(st.lists(_object(SCHEMAS[schema]), max_size=3))
    body = {key: items, "total_pages": 4, "page": 2, "limit": 3, "total_count": 11}
    page = parse_page(json.loads(json.dumps(body)), key, item_type.from_dict)
    assert page.to_dict() == body
    again = bu.Page.from_dict(page.to_dict(), item_type)
    assert again == page and again.to_dict() == body
    by_hand = bu.Page(items=page.items, page=2, limit=3, total_pages=4, total_count=11)
    assert bu.Page.from_dict(by_hand.to_dict(), item_type) == by_hand


def test_page_from_dict_needs_a_readable_item_type() -> None:
    body = {"tasks": [], "page": 1, "limit": 10, "total_pages": 1, "total_count": 0}
    with pytest.raises(bu.InputError, match="has no from_dict"):
        bu.Page.from_dict(body, int)
    with pytest.raises(bu.InputError, match="one list of items"):
        bu.Page.from_dict({**body, "more": []}, bu.TaskSummary)


def _task_body(output: str | None) -> dict[str, Any]:
    return {
        "id": "t1",
        "task": "x",
        "output": output,
        "status": "finished",
        "created_at": "2025-07-29T10:00:00Z",
        "finished_at": "2025-07-29T10:01:00Z",
        "steps": [],
    }


def test_task_result_is_the_task_object_and_reads_parsed_again() -> None:
    schema = {"type": "object", "properties": {"price": {"type": "number"}}}
    body = _task_body('{"price": 3.5}')
    result = with_parsed(bu.Task.from_dict(body), {"price": 3.5})
    assert result.to_dict() == body  # `parsed` is ours, not the API's
    again = bu.TaskResult.from_dict(result.to_dict(), output_type=schema)
    assert again == result and isinstance(again, bu.TaskResult)
    plain = bu.TaskResult.from_dict(body)
    assert plain.parsed is None and plain.to_dict() == body


def test_webhook_events_round_trip() -> None:
    body = {
        "type": "agent.task.status_update",
        "timestamp": "2025-07-29T10:00:00Z",
        "payload": {"session_id": "s", "task_id": "t", "status": "finished", "metadata": {}},
    }
    secret = "whsec_test_secret_1234567890"
    sent, headers = sign_webhook(body, secret)
    event = verify_webhook(sent, headers, secret=secret)
    assert event.to_dict() == body
    again = bu.WebhookEvent.from_dict(event.to_dict())
    assert again == event and isinstance(again, bu.TaskStatusUpdateEvent)
    unknown = bu.WebhookEvent.from_dict({**body, "type": "agent.new_kind"})
    assert type(unknown) is bu.WebhookEvent


def test_every_result_type_of_the_package_has_the_methods() -> None:
    for name in [*derive_surface.RESULTS, "Balance", "Page", "TaskResult", "WebhookEvent"]:
        cls = getattr(bu, name)
        assert callable(cls.to_dict) and callable(cls.to_json) and callable(cls.from_dict), name


def test_the_emulators_answers_round_trip() -> None:
    from browser_use_cloud.emulator import Emulator, EmulatorConfig

    key = "bu_emulator_key_1234567890"
    config = EmulatorConfig(api_key=key, step_interval=0.0, steps_per_task=2, seed=5)
    with Emulator(config) as emu, bu.BrowserUse(api_key=key, base_url=emu.base_url) as c:
        task = c.tasks.run("find it", save_browser_data=True, metadata={"k": "v"})
        profile = c.browser_profiles.create("profile one")
        scheduled = c.scheduled_tasks.get(c.scheduled_tasks.create("again", interval_minutes=60))
        results: list[Any] = [
            task,
            c.tasks.get(task.id),
            *task.steps,
            c.tasks.media(task.id),
            c.balance(),
            profile,
            scheduled,
            c.search.url("https://example.com", "title"),
            *c.search.simple("news", max_websites=2),
        ]
        pages: list[tuple[Any, Any]] = [
            (c.tasks.list(), bu.TaskSummary),
            (c.browser_profiles.list(), bu.BrowserProfile),
            (c.scheduled_tasks.list(), bu.ScheduledTask),
        ]
    if task.browser_data is not None:
        results.append(task.browser_data)
    for result in results:
        assert result.to_dict() == (
            {"balance": result.raw} if isinstance(result, bu.Balance) else result.raw
        ), type(result)
        assert type(result).from_dict(json.loads(result.to_json())) == result, type(result)
    for page, item_type in pages:
        assert len(page) > 0 and page.to_dict() == page.raw
        assert bu.Page.from_dict(page.to_dict(), item_type) == page
