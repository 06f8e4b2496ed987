"""Property tests on random small specs: identity, wording/order invariance, field add/remove."""

import copy
from collections.abc import Iterator
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from spec_diff import ChangeKind, diff_specs

Schema = dict[str, Any]

NAMES = st.text(alphabet="abcdefgh_", min_size=1, max_size=4)


def _primitive(kind: str) -> st.SearchStrategy[Schema]:
    optional: dict[str, st.SearchStrategy[Any]] = {}
    if kind == "string":
        optional = {
            "format": st.sampled_from(["date-time", "uuid"]),
            "enum": st.lists(NAMES, min_size=1, max_size=3, unique=True),
            "maxLength": st.integers(1, 50),
        }
    elif kind in ("integer", "number"):
        optional = {"minimum": st.integers(-5, 0), "maximum": st.integers(1, 9)}
    elif kind == "boolean":
        optional = {"default": st.booleans()}
    return st.fixed_dictionaries({"type": st.just(kind)}, optional=optional)


PRIMITIVES = st.sampled_from(["string", "integer", "number", "boolean"]).flatmap(_primitive)


@st.composite
def _object_of(draw: st.DrawFn, children: st.SearchStrategy[Schema]) -> Schema:
    props = draw(st.dictionaries(NAMES, children, max_size=4))
    required = draw(st.lists(st.sampled_from(sorted(props)), unique=True)) if props else []
    return {"type": "object", "properties": props, "required": required}


def _extend(children: st.SearchStrategy[Schema]) -> st.SearchStrategy[Schema]:
    return st.one_of(
        children.map(lambda s: {"anyOf": [s, {"type": "null"}]}),
        children.map(lambda s: {"type": "array", "items": s}),
        _object_of(children),
    )


SCHEMAS = st.recursive(PRIMITIVES, _extend, max_leaves=6)
OBJECTS = _object_of(SCHEMAS)


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    """Request-only components ``In*`` and response-only components ``Out*``, one op each."""
    inputs = draw(st.dictionaries(NAMES, OBJECTS, min_size=1, max_size=3))
    outputs = draw(st.dictionaries(NAMES, OBJECTS, min_size=1, max_size=3))
    paths: dict[str, Any] = {}
    for name in inputs:
        ref = {"$ref": f"#/components/schemas/In{name}"}
        paths[f"/in/{name}"] = {
            "post": {
                "operationId": f"send_{name}",
                "parameters": [{"name": "q", "in": "query", "schema": draw(PRIMITIVES)}],
                "requestBody": {"required": True, "content": {"application/json": {"schema": ref}}},
                "responses": {"204": {"description": "done"}},
            }
        }
    for name in outputs:
        ref = {"$ref": f"#/components/schemas/Out{name}"}
        content = {"application/json": {"schema": ref}}
        paths[f"/out/{name}"] = {
            "get": {"operationId": f"read_{name}", "responses": {"200": {"content": content}}}
        }
    schemas = {f"In{k}": v for k, v in inputs.items()} | {f"Out{k}": v for k, v in outputs.items()}
    return {"openapi": "3.1.0", "paths": paths, "components": {"schemas": schemas}}


def objects_in(schema: Schema, loc: str) -> Iterator[tuple[str, Schema]]:
    """Every object node with the location spec_diff gives it (the oracle for the tests)."""
    if "anyOf" in schema:
        yield from objects_in(schema["anyOf"][0], loc)
    elif schema.get("type") == "array":
        yield from objects_in(schema["items"], f"{loc}[]")
    elif schema.get("type") == "object":
        yield loc, schema
        for name, child in schema["properties"].items():
            yield from objects_in(child, f"{loc}.{name}")


def all_objects(spec: dict[str, Any]) -> list[tuple[str, Schema]]:
    found: list[tuple[str, Schema]] = []
    for name, schema in sorted(spec["components"]["schemas"].items()):
        found.extend(objects_in(schema, name))
    return found


def reordered(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: reordered(value[key]) for key in reversed(list(value))}
    if isinstance(value, list):
        return [reordered(item) for item in value]
    return value


def reworded(schema: Schema) -> Schema:
    out = {**schema, "title": "Renamed", "description": "Other words."}
    if "properties" in out:
        out["properties"] = {k: reworded(v) for k, v in out["properties"].items()}
        out["required"] = list(reversed(out["required"]))
    if "items" in out:
        out["items"] = reworded(out["items"])
    if "anyOf" in out:
        out["anyOf"] = [reworded(m) for m in reversed(out["anyOf"])]
    if "enum" in out:
        out["enum"] = list(reversed(out["enum"]))
    return out


@settings(max_examples=60, deadline=None)
@given(specs())
def test_a_spec_against_itself_is_empty(spec: dict[str, Any]) -> None:
    report = diff_specs(spec, copy.deepcopy(spec))
    assert report.breaking == [] and report.non_breaking == []


@settings(max_examples=60, deadline=None)
@given(specs())
def test_wording_and_order_do_not_count(spec: dict[str, Any]) -> None:
    other = copy.deepcopy(spec)
    schemas = other["components"]["schemas"]
    for name in schemas:
        schemas[name] = reworded(schemas[name])
    for item in other["paths"].values():
        for operation in item.values():
            operation.update(summary="Said differently", tags=["elsewhere"])
    report = diff_specs(spec, reordered(other))
    assert report.breaking == [] and report.non_breaking == []


@settings(max_examples=80, deadline=None)
@given(specs(), st.data(), PRIMITIVES, st.booleans())
def test_an_added_field_is_found_with_its_class(
    spec: dict[str, Any], data: st.DataObject, field: Schema, required: bool
) -> None:
    new = copy.deepcopy(spec)
    loc, node = data.draw(st.sampled_from(all_objects(new)))
    node["properties"]["Zadded"] = field
    if required:
        node["required"].append("Zadded")
    report = diff_specs(spec, new)
    on_request = loc.startswith("In")
    expected_breaking = on_request and required
    changes = report.breaking if expected_breaking else report.non_breaking
    assert [(c.kind, c.location) for c in changes] == [(ChangeKind.FIELD_ADDED, f"{loc}.Zadded")]
    assert (report.non_breaking if expected_breaking else report.breaking) == []
    assert changes[0].side == ("request" if on_request else "response")


@settings(max_examples=80, deadline=None)
@given(specs(), st.data())
def test_a_removed_field_is_found_and_breaks(spec: dict[str, Any], data: st.DataObject) -> None:
    new = copy.deepcopy(spec)
    candidates = [(loc, node) for loc, node in all_objects(new) if node["properties"]]
    assume(candidates)
    loc, node = data.draw(st.sampled_from(candidates))
    name = data.draw(st.sampled_from(sorted(node["properties"])))
    del node["properties"][name]
    node["required"] = [n for n in node["required"] if n != name]
    report = diff_specs(spec, new)
    assert [(c.kind, c.location) for c in report.breaking] == [
        (ChangeKind.FIELD_REMOVED, f"{loc}.{name}")
    ]
    assert report.non_breaking == []
