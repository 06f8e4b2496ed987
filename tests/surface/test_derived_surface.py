"""The wrapper's enums, result types and options follow openapi.json (read here, not copied)."""

from __future__ import annotations

import datetime as dt
import importlib
import typing
from typing import Any

import attrs
import derive_surface
import pytest

import browser_use_cloud
from browser_use_cloud import _models
from browser_use_cloud._exceptions import InputError
from browser_use_cloud._input.arguments import FIELD_CHECKS, check_argument
from browser_use_cloud._input.task_input import build_run_task_body
from browser_use_cloud._spec import limits as _limits
from browser_use_cloud._spec import options as _spec_options


def _non_null(schema: dict[str, Any]) -> dict[str, Any]:
    real, _ = derive_surface.split_null(schema)
    return real


@pytest.mark.parametrize(("public", "schema"), sorted(derive_surface.ENUMS.items()))
def test_enums_list_every_spec_value(public: str, schema: str, schemas: dict[str, Any]) -> None:
    enum = getattr(browser_use_cloud, public)
    assert [member.value for member in enum] == schemas[schema]["enum"]
    newer = enum("a-value-from-a-newer-server")  # open: unknown values pass through
    assert newer == "a-value-from-a-newer-server" and isinstance(newer, enum)


@pytest.mark.parametrize(("public", "schema"), sorted(derive_surface.RESULTS.items()))
def test_results_have_an_attribute_per_response_field(
    public: str, schema: str, schemas: dict[str, Any]
) -> None:
    cls = getattr(browser_use_cloud, public)
    names = {field.name for field in attrs.fields(cls)} - {"raw"}
    documented = set(derive_surface.DOCUMENTED_RESPONSE_FIELDS.get(schema, {}))
    assert names == set(schemas[schema]["properties"]) | documented


def _minimal(schema_name: str, schemas: dict[str, Any]) -> dict[str, Any]:
    """A body with only the required fields, each with a value of its type."""
    schema = schemas[schema_name]
    body: dict[str, Any] = {}
    for name in schema.get("required", ()):
        body[name] = _sample(schemas, schema["properties"][name])
    return body


def _sample(schemas: dict[str, Any], prop: dict[str, Any]) -> Any:
    prop = _non_null(prop)
    if "$ref" in prop:
        target = schemas[prop["$ref"].rsplit("/", 1)[-1]]
        if "enum" in target:
            return target["enum"][0]
        return {k: _sample(schemas, target["properties"][k]) for k in target.get("required", ())}
    kind = prop.get("type")
    if kind == "string":
        return "2025-07-29T10:00:00Z" if prop.get("format") == "date-time" else "text"
    if kind == "array":
        return [_sample(schemas, prop.get("items", {}))]
    return {"integer": 3, "number": 1.5, "boolean": True, "object": {}}.get(kind or "")


def _parser_of(model: type) -> Any:
    """What the wrapper parses responses with: the generated module's `parse_<module>`."""
    module = importlib.import_module(model.__module__)
    return getattr(module, "parse_" + model.__module__.rpartition(".")[2])


@pytest.mark.parametrize(("public", "schema"), sorted(derive_surface.RESULTS.items()))
def test_absent_optional_fields_are_none_and_raw_is_kept(
    public: str, schema: str, schemas: dict[str, Any]
) -> None:
    body = _minimal(schema, schemas)
    body["field_from_a_newer_server"] = 1
    parse = _parser_of(getattr(browser_use_cloud, public))
    result = parse(body)
    required = set(schemas[schema].get("required", ()))
    for field in attrs.fields(type(result)):
        if field.name != "raw" and field.name not in required:
            assert getattr(result, field.name) is None, field.name
    assert result.raw["field_from_a_newer_server"] == 1
    assert "field_from_a_newer_server" not in repr(result)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.some_field = 1


def test_list_items_are_typed_results(schemas: dict[str, Any]) -> None:
    body = _minimal("TaskResponse", schemas)
    step = _minimal("TaskStepResponse", schemas)
    body["steps"] = [step, {**step, "id": "second"}]
    task = _models.parse_task(body)
    assert [type(s) for s in task.steps] == [browser_use_cloud.TaskStep] * 2
    assert task.steps[1].id == "second" and task.steps[0].raw == step
    assert isinstance(task.created_at, dt.datetime) and task.created_at.tzinfo is not None


def test_task_status_keeps_its_conveniences() -> None:
    statuses = browser_use_cloud.TaskStatus
    assert {s.value for s in statuses if s.is_terminal} == {"finished", "stopped", "failed"}
    assert not statuses("archived").is_terminal


@pytest.mark.parametrize(("public", "options"), sorted(derive_surface.OPTIONS.items()))
def test_options_are_the_request_fields(public: str, options: Any, schemas: dict[str, Any]) -> None:
    typed = getattr(browser_use_cloud, public)
    fields = set(schemas[options.schema]["properties"])
    offered = fields - set(options.explicit) - set(options.left_out)
    assert set(typing.get_type_hints(typed)) == offered | set(_spec_options.WRAPPER_OPTIONS)
    for name in offered:  # help() shows each option with the spec's description
        assert f"`{name}`" in (typed.__doc__ or "")


def test_every_task_option_is_sent(schemas: dict[str, Any]) -> None:
    properties = schemas["RunTaskRequest"]["properties"]
    samples = {
        name: schema_sample
        for name, schema_sample in (
            (name, _option_sample(name, properties[name], schemas))
            for name in _spec_options.OPTIONS["TaskOptions"][1]
        )
    }
    body = build_run_task_body("do it", **samples)
    assert body == {"task": "do it", **samples}


def _option_sample(name: str, prop: dict[str, Any], schemas: dict[str, Any]) -> Any:
    if name == "structured_output_json":
        return '{"type": "object"}'
    if name == "allowed_domains":
        return ["example.com"]
    if name in _limits.FIELD_BOUNDS:
        return _limits.FIELD_BOUNDS[name][0]
    value = _sample(schemas, prop)
    return {"k": "v"} if value == {} else value


def test_unknown_option_is_refused_naming_the_allowed_ones() -> None:
    with pytest.raises(InputError, match=r"unexpected argument 'flash_mod'.*llm_model"):
        build_run_task_body("t", flash_mod=True)


@pytest.mark.parametrize("enum_field", ["llm_model", "proxy_country_code"])
def test_enum_options_accept_every_spec_value_and_refuse_others(
    enum_field: str, schemas: dict[str, Any]
) -> None:
    ref = _non_null(schemas["RunTaskRequest"]["properties"][enum_field])["$ref"]
    for value in schemas[ref.rsplit("/", 1)[-1]]["enum"]:
        assert build_run_task_body("t", **{enum_field: value})[enum_field] == value
    with pytest.raises(InputError, match="allow_unknown=True"):
        build_run_task_body("t", **{enum_field: "zz-unknown"})
    body = build_run_task_body("t", allow_unknown=True, **{enum_field: "zz-unknown"})
    assert body[enum_field] == "zz-unknown"


def test_bounds_stated_by_the_spec_are_checked() -> None:
    schema = {"type": "integer", "minimum": 2, "maximum": 5}
    assert check_argument("depth", schema, 2) == 2
    for bad in (1, 6, 2.5, True, "3"):
        with pytest.raises(InputError, match="depth"):
            check_argument("depth", schema, bad)


def test_documented_limits_and_checks_name_real_request_fields(schemas: dict[str, Any]) -> None:
    request_fields = {
        name
        for schema_name, schema in schemas.items()
        if schema_name.endswith("Request")
        for name in schema.get("properties", {})
    }
    declared = set(_limits.DOCUMENTED_FIELDS) | set(FIELD_CHECKS)
    assert declared <= request_fields, f"not a request field: {declared - request_fields}"


def test_documented_response_fields_are_not_in_the_spec_yet(schemas: dict[str, Any]) -> None:
    for schema_name, fields in derive_surface.DOCUMENTED_RESPONSE_FIELDS.items():
        in_spec = set(fields) & set(schemas[schema_name]["properties"])
        assert not in_spec, (
            f"{schema_name} now declares {sorted(in_spec)}: delete them from "
            "DOCUMENTED_RESPONSE_FIELDS in scripts/derive_surface.py"
        )
