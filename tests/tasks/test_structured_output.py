"""Structured output: schema strings out, validated values in, typed errors on failure."""

from __future__ import annotations

import json
import subprocess
import sys

import pydantic
import pytest

from browser_use_cloud._exceptions import InputError, StructuredOutputError
from browser_use_cloud._input import structured_output as structured
from browser_use_cloud._input.structured_output import OutputSpec, strip_code_fence


class Company(pydantic.BaseModel):
    name: str
    founded_year: int


SCHEMA = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "n": {"type": "integer"}},
    "required": ["name", "n"],
}


def test_pydantic_schema_and_parse() -> None:
    spec = OutputSpec(Company)
    assert json.loads(spec.schema_json) == Company.model_json_schema()
    parsed = spec.parse('{"name": "Acme", "founded_year": 1999}')
    assert parsed == Company(name="Acme", founded_year=1999)


@pytest.mark.parametrize(
    "raw",
    [
        '```json\n{"name": "A", "n": 1}\n```',
        '```\n{"name": "A", "n": 1}\n```',
        'Here you go:\n```json\n{"name": "A", "n": 1}\n```\nDone.',
        '  {"name": "A", "n": 1}  ',
    ],
)
def test_code_fences_tolerated(raw: str) -> None:
    assert OutputSpec(SCHEMA).parse(raw) == {"name": "A", "n": 1}


def test_fence_inside_json_string_is_not_stripped() -> None:
    text = '{"code": "```py\\nx\\n```"}'
    assert strip_code_fence(text) == text


def test_pydantic_validation_failure_is_typed() -> None:
    raw = '{"name": "Acme"}'
    with pytest.raises(StructuredOutputError) as info:
        OutputSpec(Company).parse(raw)
    assert info.value.raw_output == raw
    assert isinstance(info.value.cause, pydantic.ValidationError)
    assert "founded_year" in str(info.value)


def test_dict_schema_validation_failure_is_typed() -> None:
    raw = '{"name": "A", "n": "not a number"}'
    with pytest.raises(StructuredOutputError, match="does not match the schema") as info:
        OutputSpec(SCHEMA).parse(raw)
    assert info.value.raw_output == raw
    assert info.value.cause is not None


@pytest.mark.parametrize("raw", [None, "", "not json at all"])
def test_missing_or_invalid_json(raw: str | None) -> None:
    with pytest.raises(StructuredOutputError) as info:
        OutputSpec(SCHEMA).parse(raw)
    assert info.value.raw_output == raw


def test_bad_output_type_and_bad_schema() -> None:
    with pytest.raises(InputError, match="pydantic model class or a JSON Schema dict"):
        OutputSpec(int)
    with pytest.raises(InputError, match="not a valid JSON Schema"):
        OutputSpec({"type": "no-such-type"})
    with pytest.raises(InputError, match="JSON-serialisable"):
        OutputSpec({"type": "object", "default": object()})


@pytest.mark.parametrize(
    ("schema", "says"),
    [
        ({"type": "objekt"}, "'type' must be one of"),
        ({"type": []}, "'type' must be one of"),
        ({"properties": ["a"]}, "'properties' must be an object"),
        ({"required": [1]}, "'required' must be a list of property names"),
    ],
)
@pytest.mark.parametrize("with_jsonschema", [True, False])
def test_dict_schema_shape_is_checked_with_or_without_jsonschema(
    schema: dict[str, object], says: str, with_jsonschema: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not with_jsonschema:
        monkeypatch.setattr(structured, "_jsonschema", lambda: None)
    with pytest.raises(InputError, match="output_type is not a valid JSON Schema") as caught:
        OutputSpec(schema)
    assert says in str(caught.value)


def test_dict_schema_is_checked_as_sent() -> None:
    with pytest.raises(InputError, match="JSON-serialisable"):
        OutputSpec({"type": "number", "maximum": float("nan")})
    spec = OutputSpec({"type": "object", "required": ("a",)})  # a tuple is sent as a list
    assert json.loads(spec.schema_json)["required"] == ["a"]


def test_dict_schema_does_not_import_pydantic() -> None:
    code = (
        "import sys\n"
        "from browser_use_cloud._input.structured_output import OutputSpec\n"
        "spec = OutputSpec({'type': 'object'})\n"
        "assert spec.parse('{}') == {}\n"
        "assert 'pydantic' not in sys.modules, 'pydantic imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
