"""Requests that break openapi.json or a documented limit get FastAPI-shaped 422 answers."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from browser_use_cloud.emulator import Emulator
from browser_use_cloud.emulator._validation import SchemaValidator
from tests.conftest import load_spec

from .conftest import Api


def _errors(api: Api, op: str, **kwargs: Any) -> list[dict[str, Any]]:
    detail: list[dict[str, Any]] = api.json(op, expect=422, **kwargs)["detail"]
    return detail


def _brief(errors: list[dict[str, Any]]) -> list[tuple[list[Any], str]]:
    return [(e["loc"], e["type"]) for e in errors]


def test_missing_task_is_reported_like_fastapi(api: Api) -> None:
    (err,) = _errors(api, "run_task", json={})
    assert err == {"type": "missing", "loc": ["body", "task"], "msg": "Field required", "input": {}}


def test_wrong_types_enum_and_bounds(api: Api) -> None:
    body = {
        "task": 5,
        "llm_model": "gpt-99",
        "save_browser_data": "maybe",
        "max_agent_steps": 201,
        "allowed_domains": ["ok.com", 3],
        "secrets": "nope",
        "browser_viewport_width": 1.5,
    }
    errors = _errors(api, "run_task", json=body)
    assert _brief(errors) == [
        (["body", "task"], "string_type"),
        (["body", "secrets"], "dict_type"),
        (["body", "allowed_domains", 1], "string_type"),
        (["body", "save_browser_data"], "bool_type"),
        (["body", "llm_model"], "enum"),
        (["body", "max_agent_steps"], "less_than_equal"),
        (["body", "browser_viewport_width"], "int_from_float"),
    ]
    enum = errors[4]
    first, second, *_, last = load_spec()["components"]["schemas"]["LLMModel"]["enum"]
    assert enum["msg"].startswith(f"Input should be {first!r}, {second!r}")
    assert enum["ctx"]["expected"].endswith(f"or {last!r}")
    assert errors[5]["msg"] == "Input should be less than or equal to 200"


def test_body_types_are_strict_but_query_text_is_read(api: Api) -> None:
    body = {"task": "t", "max_agent_steps": "2", "save_browser_data": 1, "start_at": 0}
    errors = _errors(api, "run_task", json=body)
    assert _brief(errors) == [
        (["body", "save_browser_data"], "bool_type"),
        (["body", "max_agent_steps"], "int_type"),
    ]
    listing = api.json("list_tasks", params={"page": "1", "limit": "2"})
    assert (listing["page"], listing["limit"]) == (1, 2)


def test_max_agent_steps_lower_bound(api: Api) -> None:
    (err,) = _errors(api, "run_task", json={"task": "x", "max_agent_steps": 0})
    assert err["type"] == "greater_than_equal" and err["ctx"] == {"ge": 1}


def test_metadata_limits(api: Api) -> None:
    too_many = {f"k{i}": "v" for i in range(11)}
    (err,) = _errors(api, "run_task", json={"task": "x", "metadata": too_many})
    assert (err["loc"], err["type"]) == (["body", "metadata"], "too_long")
    bad = {"": "v", "k" * 101: "v", "ok": "v" * 1001, "n": 1}
    errors = _errors(api, "run_task", json={"task": "x", "metadata": bad})
    assert _brief(errors) == [
        (["body", "metadata", "", "[key]"], "string_too_short"),
        (["body", "metadata", "k" * 101, "[key]"], "string_too_long"),
        (["body", "metadata", "ok"], "string_too_long"),
        (["body", "metadata", "n"], "string_type"),
    ]
    fine = {f"k{i}": "v" * 1000 for i in range(10)}
    assert api.run("Fine metadata", metadata=fine)


def test_invalid_json_and_non_object_bodies(api: Api) -> None:
    headers = {"content-type": "application/json"}
    (err,) = _errors(api, "run_task", content=b'{"task": ', headers=headers)
    assert err["type"] == "json_invalid" and err["loc"] == ["body", 9]
    assert err["msg"] == "JSON decode error"
    (err,) = _errors(api, "run_task", content=b"", headers=headers)
    assert (err["loc"], err["type"]) == (["body"], "missing")
    (err,) = _errors(api, "run_task", json=["task"])
    assert (err["loc"], err["type"]) == (["body"], "model_attributes_type")


def test_query_parameters(api: Api) -> None:
    errors = _errors(api, "list_tasks", params={"page": "abc", "limit": "0"})
    assert _brief(errors) == [
        (["query", "page"], "int_parsing"),
        (["query", "limit"], "greater_than_equal"),
    ]
    (err,) = _errors(api, "list_scheduled_tasks", params={"limit": "101"})
    assert (err["loc"], err["type"], err["ctx"]) == (
        ["query", "limit"],
        "less_than_equal",
        {"le": 100},
    )
    (err,) = _errors(api, "stop_task")
    assert err == {
        "type": "missing",
        "loc": ["query", "task_id"],
        "msg": "Field required",
        "input": None,
    }


def test_search_bounds_from_the_spec(api: Api) -> None:
    errors = _errors(api, "simple_search", json={"query": "q", "max_websites": 11, "depth": 1})
    assert _brief(errors) == [
        (["body", "max_websites"], "less_than_equal"),
        (["body", "depth"], "greater_than_equal"),
    ]


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("{not json", "not valid JSON"),
        ('{"type": 12}', "not a valid JSON schema"),
        ("[1]", "object"),
    ],
)
def test_structured_output_json_must_be_a_json_schema(api: Api, value: str, fragment: str) -> None:
    (err,) = _errors(api, "run_task", json={"task": "x", "structured_output_json": value})
    assert err["loc"] == ["body", "structured_output_json"] and err["type"] == "value_error"
    assert fragment in err["msg"]


def test_validator_fills_spec_defaults_and_drops_unknown_fields() -> None:
    validator = SchemaValidator()
    errors: list[dict[str, Any]] = []
    body = validator.validate(
        load_spec()["components"]["schemas"]["CreateBrowserProfileRequest"],
        {"profile_name": "p", "surprise": True},
        ("body",),
        errors,
    )
    assert errors == []
    assert body == {
        "profile_name": "p",
        "description": "",
        "persist": True,
        "ad_blocker": True,
        "proxy": True,
        "proxy_country_code": "us",
        "browser_viewport_width": 1280,
        "browser_viewport_height": 960,
    }
    assert json.dumps(body)


def test_boolean_is_not_an_integer(api: Api) -> None:
    errors = _errors(api, "run_task", json={"task": "t", "browser_viewport_height": False})
    assert _brief(errors) == [(["body", "browser_viewport_height"], "int_type")]


def test_wrong_method_lists_every_method_of_the_path(emulator: Emulator) -> None:
    origin = emulator.base_url.removesuffix("/api/v1")
    answer = httpx.request("OPTIONS", f"{origin}/api/v1/browser-profiles/some-id")
    assert answer.status_code == 405
    assert set(answer.headers["allow"].replace(" ", "").split(",")) == {
        "GET",
        "HEAD",
        "PUT",
        "DELETE",
    }
