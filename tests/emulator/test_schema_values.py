"""Structured output: the final output is JSON that validates against the user's schema."""

from __future__ import annotations

import datetime as dt
import enum
import json
import random
import uuid
from typing import Annotated, Any, Literal

import jsonschema
import pytest
from pydantic import BaseModel, Field

from browser_use_cloud.emulator._schema_values import generate, is_valid, parse_schema

from .conftest import Api


class SocialMediaCompany(BaseModel):
    name: str
    market_cap: float
    headquarters: str
    founded_year: int


class SocialMediaCompanies(BaseModel):
    companies: list[SocialMediaCompany]


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Cat(BaseModel):
    kind: Literal["cat"]
    lives: Annotated[int, Field(ge=1, le=9)]


class Dog(BaseModel):
    kind: Literal["dog"]
    good: bool


class Node(BaseModel):
    label: Annotated[str, Field(min_length=3, max_length=5)]
    children: list[Node] = []


class Everything(BaseModel):
    day: dt.date
    moment: dt.datetime
    ident: uuid.UUID
    contact: Annotated[str, Field(json_schema_extra={"format": "email"})]
    site: Annotated[str, Field(json_schema_extra={"format": "uri"})]
    colour: Colour
    pet: Annotated[Cat | Dog, Field(discriminator="kind")]
    either: int | str
    maybe: int | None = None
    price: Annotated[float, Field(gt=0, lt=10, multiple_of=0.5)]
    tags: Annotated[list[str], Field(min_length=1, max_length=2)]
    tree: Node
    counts: dict[str, int]
    pair: tuple[int, str]
    version: Literal[2] = 2


HAND_WRITTEN: dict[str, Any] = {
    "type": "object",
    "required": ["score", "items", "choice"],
    "properties": {
        "score": {"type": "integer", "minimum": 10, "maximum": 12},
        "ratio": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
        "items": {
            "type": "array",
            "minItems": 4,
            "uniqueItems": True,
            "items": {"enum": [1, 2, 3, 4, 5]},
        },
        "choice": {"oneOf": [{"type": "string", "const": "a"}, {"type": "null"}]},
        "nested": {"allOf": [{"$ref": "#/definitions/Base"}, {"required": ["extra"]}]},
    },
    "definitions": {
        "Base": {
            "type": "object",
            "properties": {
                "id": {"type": "string", "format": "uuid"},
                "extra": {"type": "boolean"},
            },
        }
    },
}


@pytest.mark.parametrize("model", [SocialMediaCompanies, Everything])
def test_generated_values_validate_for_pydantic_models(model: type[BaseModel]) -> None:
    schema = parse_schema(json.dumps(model.model_json_schema()))
    for seed in range(30):
        value = generate(schema, random.Random(seed))
        assert is_valid(schema, value)
        model.model_validate_json(json.dumps(value))


def test_generated_values_validate_for_hand_written_schema() -> None:
    for seed in range(30):
        value = generate(HAND_WRITTEN, random.Random(seed))
        jsonschema.validate(value, HAND_WRITTEN)
        assert len(set(value["items"])) == len(value["items"]) >= 4


def test_generation_is_deterministic_and_plausible() -> None:
    schema = SocialMediaCompanies.model_json_schema()
    first = generate(schema, random.Random(1))
    assert first == generate(schema, random.Random(1))
    company = first["companies"][0]
    assert 1995 <= company["founded_year"] <= 2020 and company["market_cap"] >= 1e10


def test_is_valid_checks_formats_strictly() -> None:
    schema = {"type": "string", "format": "date-time"}
    assert is_valid(schema, "2024-05-01T10:00:00Z")
    assert not is_valid(schema, "yesterday")
    assert not is_valid({"type": "string", "format": "email"}, "no-at-sign")


def test_structured_task_output_parses_with_the_model(api: Api) -> None:
    schema = json.dumps(SocialMediaCompanies.model_json_schema())
    task_id = api.run(
        "Get me the top social media companies by market cap", structured_output_json=schema
    )
    task = api.finish(task_id)
    parsed = SocialMediaCompanies.model_validate_json(task["output"])
    assert parsed.companies and all(c.name for c in parsed.companies)
    again = api.finish(
        api.run(
            "Get me the top social media companies by market cap", structured_output_json=schema
        )
    )
    assert again["output"] == task["output"]


def test_complex_structured_task_output(api: Api) -> None:
    schema = json.dumps(Everything.model_json_schema())
    task = api.finish(api.run("Fill in everything", structured_output_json=schema))
    Everything.model_validate_json(task["output"])
