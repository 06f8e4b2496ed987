"""The parity tests fail, naming the decision, on each kind of change that needs one."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import test_parity

from browser_use_cloud import BrowserUse


@pytest.fixture(scope="module")
def client() -> Iterator[BrowserUse]:
    with BrowserUse(api_key="parity-key", base_url="http://127.0.0.1:9/api/v1") as sync:
        yield sync


def _changed(spec: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    document = copy.deepcopy(spec)
    change(document)
    return document


def _schemas(document: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = document["components"]["schemas"]
    return schemas


def test_a_new_operation_is_named_with_the_generic_call(spec: dict[str, Any]) -> None:
    def add(document: dict[str, Any]) -> None:
        get = copy.deepcopy(document["paths"]["/api/v1/task/{task_id}/gif"]["get"])
        get["operationId"] = "get_task_logs_api_v1_task__task_id__logs_get"
        document["paths"]["/api/v1/task/{task_id}/logs"] = {"get": get}

    expected = (
        "operation GET /api/v1/task/{task_id}/logs has no wrapper method; "
        'reach it with client.call("get_task_logs", ...)'
    )
    with pytest.raises(AssertionError, match=re.escape(expected)):
        test_parity.test_every_operation_has_a_wrapper_method(_changed(spec, add))


def test_a_dropped_operation_is_named(spec: dict[str, Any]) -> None:
    def drop(document: dict[str, Any]) -> None:
        del document["paths"]["/api/v1/task/{task_id}/gif"]

    with pytest.raises(
        AssertionError, match=r"operation get_task_gif is gone .* client\.tasks\.gif"
    ):
        test_parity.test_no_method_calls_an_operation_the_spec_dropped(_changed(spec, drop))


def test_a_new_required_task_field_is_named(spec: dict[str, Any]) -> None:
    def require(document: dict[str, Any]) -> None:
        request = _schemas(document)["RunTaskRequest"]
        request["properties"]["project_id"] = {"type": "string"}
        request["required"].append("project_id")

    with pytest.raises(AssertionError, match=r"RunTaskRequest\.project_id is required now"):
        test_parity.test_options_requests_have_no_new_required_field(_changed(spec, require))


def test_a_new_input_of_a_hand_written_method_is_named(
    spec: dict[str, Any], client: BrowserUse
) -> None:
    def add(document: dict[str, Any]) -> None:
        request = _schemas(document)["CreateBrowserProfileRequest"]
        request["properties"]["timezone"] = {"type": "string"}

    expected = r"CreateBrowserProfileRequest\.timezone \(optional\) .* client\.browser_profiles"
    with pytest.raises(AssertionError, match=expected):
        test_parity.test_every_request_input_reaches_a_method(_changed(spec, add), client)


def test_a_new_field_of_a_hand_shaped_answer_is_named(spec: dict[str, Any]) -> None:
    def add(document: dict[str, Any]) -> None:
        _schemas(document)["TaskGifResponse"]["properties"]["frames"] = {"type": "integer"}

    with pytest.raises(AssertionError, match=r"TaskGifResponse\.frames is new .* client\.tasks"):
        test_parity.test_hand_shaped_responses_match_the_spec(_changed(spec, add))


def test_a_dropped_result_field_is_named(spec: dict[str, Any]) -> None:
    def drop(document: dict[str, Any]) -> None:
        del _schemas(document)["TaskResponse"]["properties"]["live_url"]

    with pytest.raises(AssertionError, match=r"results Task\.live_url is exposed .* gone"):
        test_parity.test_nothing_the_wrapper_exposed_was_dropped(_changed(spec, drop))


def test_a_dropped_enum_value_is_named(spec: dict[str, Any]) -> None:
    def drop(document: dict[str, Any]) -> None:
        _schemas(document)["LLMModel"]["enum"].pop(0)

    with pytest.raises(AssertionError, match=r"enums LLMModel\.\S+ is exposed .* gone"):
        test_parity.test_nothing_the_wrapper_exposed_was_dropped(_changed(spec, drop))
