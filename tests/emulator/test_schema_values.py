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

from browser_use_cloud.cli._demo import PRODUCT_SCHEMA
from browser_use_cloud.emulator._field_words import kind_of, singular, words_of
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


class Author(BaseModel):
    name: str
    links: list[str]


class Article(BaseModel):
    title: str
    tags: list[str]
    authors: list[Author]


class Feed(BaseModel):
    articles: list[Article]


def _arrays(value: Any) -> list[list[Any]]:
    """Every array inside `value`, outermost first."""
    if isinstance(value, list):
        return [value, *(inner for item in value for inner in _arrays(item))]
    if isinstance(value, dict):
        return [inner for item in value.values() for inner in _arrays(item)]
    return []


def test_arrays_are_filled_at_every_depth_without_min_items() -> None:
    schema = Feed.model_json_schema()
    for seed in range(10):
        value = generate(schema, random.Random(seed))
        Feed.model_validate(value)
        arrays = _arrays(value)
        assert len(arrays) >= 1 + 2 * 3, value  # articles, and tags/authors/links in each
        assert all(2 <= len(array) <= 3 for array in arrays), value


def test_array_bounds_still_hold() -> None:
    schema = {
        "type": "object",
        "required": ["one", "many"],
        "properties": {
            "one": {"type": "array", "maxItems": 1, "items": {"type": "string"}},
            "many": {"type": "array", "minItems": 5, "items": {"type": "integer"}},
        },
    }
    for seed in range(10):
        value = generate(schema, random.Random(seed))
        assert len(value["one"]) == 1 and len(value["many"]) >= 5


def test_recursive_schemas_stay_small_but_not_empty() -> None:
    schema = parse_schema(json.dumps(Node.model_json_schema()))
    for seed in range(10):
        value = generate(schema, random.Random(seed))
        assert is_valid(schema, value)
        assert value["children"], value  # the tree has a first level of children
        assert len(json.dumps(value)) < 20_000  # but does not grow without bound


PRODUCT: dict[str, Any] = {  # the demo's product, with more fields to fill
    **PRODUCT_SCHEMA,
    "title": "Product",
    "properties": {
        **PRODUCT_SCHEMA["properties"],
        "manufacturer": {"type": "string"},
        "website": {"type": "string"},
        "support_email": {"type": "string"},
        "rating": {"type": "number"},
        "reviews": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"author": {"type": "string"}, "city": {"type": "string"}},
                "required": ["author", "city"],
            },
        },
        "sku": {"type": "string", "examples": ["KT-2041", "KT-3300"]},
        "cur": {"type": "string", "description": "ISO 4217 currency code of the price"},
    },
}
PROMPT = "Find the red kettle on the shop's front page: name, price, stock, colours"
COLOURS = {
    "red", "black", "white", "silver", "blue", "green", "cream", "grey", "gray", "yellow",
    "orange", "pink", "purple", "brown", "beige", "gold", "navy", "teal", "copper",
}  # fmt: skip


def test_strings_fit_their_field_names_and_hints() -> None:
    for seed in range(10):
        value = generate(PRODUCT, random.Random(seed))
        assert value["colours"] and all(c.lower() in COLOURS for c in value["colours"]), value
        assert value["website"].startswith("https://") and "@" in value["support_email"]
        assert value["sku"] in ("KT-2041", "KT-3300")  # an example from the schema
        assert len(value["cur"]) == 3 and value["cur"].isupper()  # from the description
        assert 0 < value["price_eur"] < 1000 and 1 <= value["rating"] <= 5
        for review in value["reviews"]:
            first, *rest = review["author"].split()
            assert rest and first.istitle(), review  # a person's name
            assert review["city"] != review["author"]
        assert value["manufacturer"] != value["name"]


def test_structured_task_output_fills_lists_with_values_that_fit(api: Api) -> None:
    schema = json.dumps(PRODUCT)
    for shop in range(10):
        task = api.finish(api.run(f"{PROMPT} (shop {shop})", structured_output_json=schema))
        value = json.loads(task["output"])
        assert value["colours"] and all(c.lower() in COLOURS for c in value["colours"]), value
        assert "front page" not in task["output"] and "kettle" not in task["output"].lower()


def test_field_names_are_read_word_by_word() -> None:
    assert words_of("priceEUR") == ["price", "eur"] and words_of("price_in-EUR") == [
        "price",
        "in",
        "eur",
    ]
    assert [singular(w) for w in ("companies", "colours", "addresses", "boxes", "status")] == [
        "company",
        "colour",
        "address",
        "box",
        "status",
    ]
    assert kind_of(["capacity"]) is None and kind_of(["city"]) == "city"  # words, not substrings
    assert kind_of(["x", "", "ISO 4217 currency code"]) == "currency"
