"""Run-task input validation: what is rejected before sending, and what the body holds."""

from __future__ import annotations

import pytest

from browser_use_cloud._exceptions import InputError
from browser_use_cloud._input.arguments import check_domain
from browser_use_cloud._input.task_input import (
    REQUEST_ID_KEY,
    build_run_task_body,
    resolve_request_id,
)
from browser_use_cloud._models import LLMModel, ProxyCountryCode


def test_only_set_fields_are_sent() -> None:
    assert build_run_task_body("do it") == {"task": "do it"}
    body = build_run_task_body("do it", use_proxy=False, max_agent_steps=3)
    assert body == {"task": "do it", "use_proxy": False, "max_agent_steps": 3}


def test_full_body_and_enum_members() -> None:
    body = build_run_task_body(
        "t",
        llm_model=LLMModel.GPT_4_1,
        proxy_country_code=ProxyCountryCode.DE,
        secrets={"pw": "hunter2"},
        allowed_domains=["example.com", "*.example.org", "localhost:8080"],
        included_file_names=["a.txt"],
        browser_viewport_width=800,
        browser_viewport_height=600,
        metadata={"job": "1"},
        request_id="rid-1",
    )
    assert body["llm_model"] == "gpt-4.1"
    assert body["proxy_country_code"] == "de"
    assert body["metadata"] == {"job": "1", REQUEST_ID_KEY: "rid-1"}
    assert body["allowed_domains"] == ["example.com", "*.example.org", "localhost:8080"]


@pytest.mark.parametrize("task", ["", "   \n", None, 3])
def test_empty_or_non_string_task(task: object) -> None:
    with pytest.raises(InputError, match="task"):
        build_run_task_body(task)  # type: ignore[arg-type]


def test_unknown_llm_model_lists_allowed_and_escape_hatch() -> None:
    with pytest.raises(InputError) as info:
        build_run_task_body("t", llm_model="gpt-9")
    message = str(info.value)
    assert "gpt-4.1" in message and "allow_unknown=True" in message
    body = build_run_task_body("t", llm_model="gpt-9", allow_unknown=True)
    assert body["llm_model"] == "gpt-9"


def test_proxy_country_code_case_hint() -> None:
    with pytest.raises(InputError, match="did you mean 'us'"):
        build_run_task_body("t", proxy_country_code="US")


@pytest.mark.parametrize("steps", [0, 201, -1, True, 2.5, "10"])
def test_max_agent_steps_bounds(steps: object) -> None:
    with pytest.raises(InputError, match="max_agent_steps"):
        build_run_task_body("t", max_agent_steps=steps)  # type: ignore[arg-type]


def test_max_agent_steps_edges_accepted() -> None:
    assert build_run_task_body("t", max_agent_steps=1)["max_agent_steps"] == 1
    assert build_run_task_body("t", max_agent_steps=200)["max_agent_steps"] == 200


def test_metadata_limit_counts_request_id() -> None:
    ten = {f"k{i}": "v" for i in range(10)}
    assert len(build_run_task_body("t", metadata=ten)["metadata"]) == 10
    with pytest.raises(InputError, match="including the request id"):
        build_run_task_body("t", metadata=ten, request_id="r")
    nine = {f"k{i}": "v" for i in range(9)}
    assert len(build_run_task_body("t", metadata=nine, request_id="r")["metadata"]) == 10


@pytest.mark.parametrize(
    ("metadata", "pattern"),
    [
        ({"": "v"}, "non-empty"),
        ({"k" * 101: "v"}, "limit is 100"),
        ({"k": "v" * 1001}, "limit is 1000"),
        ({"k": 1}, "must be a string"),
        ({1: "v"}, "non-empty strings"),
        (["k", "v"], "dict"),
    ],
)
def test_metadata_shapes(metadata: object, pattern: str) -> None:
    with pytest.raises(InputError, match=pattern):
        build_run_task_body("t", metadata=metadata)  # type: ignore[arg-type]


def test_metadata_reserved_key() -> None:
    with pytest.raises(InputError, match="reserved"):
        build_run_task_body("t", metadata={REQUEST_ID_KEY: "x"}, request_id="y")
    body = build_run_task_body("t", metadata={REQUEST_ID_KEY: "x"})
    assert body["metadata"] == {REQUEST_ID_KEY: "x"}


def test_secret_values_never_echoed() -> None:
    with pytest.raises(InputError) as info:
        build_run_task_body("t", secrets={"pw": 12345678})  # type: ignore[dict-item]
    assert "12345678" not in str(info.value)
    with pytest.raises(InputError, match="dict"):
        build_run_task_body("t", secrets="pw=1")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "domain",
    ["https://example.com", "example.com/path", "exa mple.com", "*", "foo.*.com", "", "a..b"],
)
def test_bad_domains(domain: str) -> None:
    with pytest.raises(InputError, match="allowed_domains"):
        build_run_task_body("t", allowed_domains=[domain])


def test_allowed_domains_must_be_a_list() -> None:
    with pytest.raises(InputError, match="list of strings"):
        build_run_task_body("t", allowed_domains="example.com")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "domain", ["example.com", "*.example.com", "sub.example.co.uk", "münchen.de"]
)
def test_good_domains(domain: str) -> None:
    check_domain(domain)


@pytest.mark.parametrize("name", ["browser_viewport_width", "browser_viewport_height"])
@pytest.mark.parametrize("value", [0, -5, True, 1.5])
def test_viewport_must_be_positive_int(name: str, value: object) -> None:
    with pytest.raises(InputError, match=name):
        build_run_task_body("t", **{name: value})  # type: ignore[arg-type]


def test_included_file_names_and_flags() -> None:
    with pytest.raises(InputError, match="included_file_names"):
        build_run_task_body("t", included_file_names=["ok.txt", ""])
    with pytest.raises(InputError, match="use_proxy"):
        build_run_task_body("t", use_proxy="yes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="structured_output_json"):
        build_run_task_body("t", structured_output_json="  ")
    with pytest.raises(InputError, match="browser_profile_id"):
        build_run_task_body("t", browser_profile_id="")


def test_resolve_request_id() -> None:
    generated = resolve_request_id(True)
    assert generated and generated != resolve_request_id(True)
    assert resolve_request_id(False) is None
    assert resolve_request_id("mine") == "mine"
    for bad in ("", "x" * 1001, 5):
        with pytest.raises(InputError, match="request_id"):
            resolve_request_id(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{not json", ("structured_output_json is not valid JSON", "json.dumps", "output_type=")),
        ("[1, 2]", ("structured_output_json must be a JSON Schema object", "got an array")),
        ('"a string"', ("must be a JSON Schema object", "got a string")),
        ("null", ("must be a JSON Schema object", "got null")),
        ('{"type": "objekt"}', ("not a valid JSON Schema", "'type' must be one of", "'objekt'")),
        ('{"type": "object", "required": "name"}', ("'required' must be a list",)),
        ('{"properties": [1]}', ("'properties' must be an object", "got an array")),
        ('{"properties": {"a": {"type": 5}}}', ("not a valid JSON Schema", "properties/a/type")),
        ("", ("structured_output_json must be a non-empty string",)),
    ],
)
def test_structured_output_json_must_be_a_json_schema_object(
    text: str, says: tuple[str, ...]
) -> None:
    with pytest.raises(InputError) as caught:
        build_run_task_body("t", structured_output_json=text)
    for fragment in says:
        assert fragment in str(caught.value)


@pytest.mark.parametrize("text", ["{}", '{"type": "object"}', ' {"type": ["string", "null"]} '])
def test_a_json_schema_string_is_sent_as_given(text: str) -> None:
    assert build_run_task_body("t", structured_output_json=text)["structured_output_json"] == text
