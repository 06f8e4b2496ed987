"""Single rules of spec_diff on tiny specs: equivalences, sides, cycles and bad input."""

import copy
import json
from typing import Any

import pytest
from spec_diff import ChangeKind, Report, SpecError, diff_specs, render_json, render_text

K = ChangeKind


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def spec(schemas: dict[str, Any], *, request: str = "", response: str = "") -> dict[str, Any]:
    """One POST /op whose body and 200 response are the named component schemas."""
    operation: dict[str, Any] = {"operationId": "op", "responses": {"204": {"description": "-"}}}
    if request:
        content = {"application/json": {"schema": ref(request)}}
        operation["requestBody"] = {"required": True, "content": content}
    if response:
        content = {"application/json": {"schema": ref(response)}}
        operation["responses"]["200"] = {"content": content}
    return {
        "openapi": "3.1.0",
        "paths": {"/op": {"post": operation}},
        "components": {"schemas": schemas},
    }


def obj(**props: Any) -> dict[str, Any]:
    return {"type": "object", "properties": props}


def summary(report: Report) -> set[tuple[ChangeKind, str, bool]]:
    found = {(c.kind, c.location, True) for c in report.breaking}
    return found | {(c.kind, c.location, False) for c in report.non_breaking}


@pytest.mark.parametrize(
    "spelling",
    [
        {"type": "string", "nullable": True},
        {"type": ["string", "null"]},
        {"anyOf": [{"type": "string"}, {"type": "null"}]},
        {"oneOf": [{"type": "null"}, {"type": "string", "title": "x"}]},
    ],
)
def test_every_spelling_of_nullable_string_is_the_same(spelling: dict[str, Any]) -> None:
    canonical = spec({"A": obj(f={"anyOf": [{"type": "string"}, {"type": "null"}]})}, request="A")
    other = spec({"A": obj(f=spelling)}, request="A")
    assert summary(diff_specs(canonical, other)) == set()


def test_equivalent_spellings_are_not_changes() -> None:
    old = spec(
        {
            "A": obj(
                b=ref("B"),
                m={"type": "object"},
                n={"type": "integer", "maximum": 5},
            ),
            "B": {"type": "string"},
        },
        response="A",
    )
    new = spec(
        {
            "A": obj(
                b={"allOf": [ref("B")], "description": "wrapped"},
                m={"type": "object", "additionalProperties": True},
                n={"type": "integer", "maximum": 5.0},
            ),
            "B": {"type": "string"},
        },
        response="A",
    )
    assert summary(diff_specs(old, new)) == set()


def test_schema_on_both_sides_breaks_if_either_side_breaks() -> None:
    old = spec({"A": obj(x={"type": "string"})}, request="A", response="A")
    new = copy.deepcopy(old)
    new["components"]["schemas"]["A"]["properties"]["y"] = {"type": "string"}
    new["components"]["schemas"]["A"]["required"] = ["y"]
    report = diff_specs(old, new)
    assert summary(report) == {(K.FIELD_ADDED, "A.y", True)}
    assert report.breaking[0].side == "request+response"


def test_required_response_field_added_is_not_breaking() -> None:
    old = spec({"A": obj(x={"type": "string"})}, response="A")
    new = spec(
        {"A": {**obj(x={"type": "string"}, y={"type": "string"}), "required": ["y"]}}, response="A"
    )
    assert summary(diff_specs(old, new)) == {(K.FIELD_ADDED, "A.y", False)}


def test_unreferenced_schema_is_judged_on_both_sides() -> None:
    old = spec({"Lonely": {"type": "string", "enum": ["a", "b"]}})
    new = spec({"Lonely": {"type": "string", "enum": ["a"]}})
    report = diff_specs(old, new)
    assert summary(report) == {(K.ENUM_VALUE_REMOVED, "Lonely", True)}
    assert report.breaking[0].side == "unreferenced"


def test_side_follows_references_transitively() -> None:
    schemas = {
        "Outer": obj(inner={"type": "array", "items": ref("Inner")}),
        "Inner": {"type": "string", "enum": ["a", "b"]},
    }
    old = spec(schemas, response="Outer")
    new = copy.deepcopy(old)
    new["components"]["schemas"]["Inner"]["enum"] = ["a"]
    report = diff_specs(old, new)
    assert summary(report) == {(K.ENUM_VALUE_REMOVED, "Inner", False)}
    assert report.non_breaking[0].side == "response"


def test_recursive_schemas_terminate() -> None:
    node = obj(children={"type": "array", "items": ref("Node")})
    other = obj(children={"type": "array", "items": ref("Other")})
    old = spec(
        {"Node": node, "Other": other, "Root": obj(n=ref("Node"))},
        response="Root",
    )
    new = copy.deepcopy(old)
    new["components"]["schemas"]["Root"]["properties"]["n"] = ref("Other")
    new["components"]["schemas"]["Node"]["properties"]["label"] = {"type": "string"}
    # Node -> Other is followed once: inside it, children[] points elsewhere too, then it stops.
    assert summary(diff_specs(old, new)) == {
        (K.REF_CHANGED, "Root.n", True),
        (K.REF_CHANGED, "Root.n.children[]", True),
        (K.FIELD_ADDED, "Node.label", False),
    }


def test_operation_id_change_is_matched_by_method_and_path() -> None:
    old = spec({})
    new = copy.deepcopy(old)
    new["paths"]["/op"]["post"]["operationId"] = "renamed"
    assert summary(diff_specs(old, new)) == {(K.OPERATION_ID_CHANGED, "POST /op", True)}


@pytest.mark.parametrize(
    ("ref", "message"),
    [("#/components/schemas/Missing", "unresolvable"), ("other.json#/X", "only local")],
)
def test_bad_references_raise_spec_error(ref: str, message: str) -> None:
    old = spec({"A": obj(x={"type": "string"})}, request="A")
    new = copy.deepcopy(old)
    new["paths"]["/op"]["post"]["requestBody"] = {"$ref": ref}
    with pytest.raises(SpecError, match=message):
        diff_specs(old, new)


def test_renderers_agree(fixture_pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    report = diff_specs(*fixture_pair)
    payload = json.loads(render_json(report))
    assert payload["counts"] == {
        "breaking": len(report.breaking),
        "non_breaking": len(report.non_breaking),
    }
    assert payload["breaking"][0] == {
        "kind": report.breaking[0].kind.value,
        "location": report.breaking[0].location,
        "detail": report.breaking[0].detail,
        "side": report.breaking[0].side,
    }
    text = render_text(report)
    assert text.startswith(f"BREAKING ({len(report.breaking)})")
    assert f"NON-BREAKING ({len(report.non_breaking)})" in text
    assert text.index("BREAKING") < text.index("NON-BREAKING")
    assert render_text(diff_specs(fixture_pair[0], fixture_pair[0])) == "No structural changes."


def test_deprecating_an_operation_is_listed_but_not_breaking() -> None:
    old = spec({})
    new = copy.deepcopy(old)
    new["paths"]["/op"]["post"]["deprecated"] = True
    report = diff_specs(old, new)
    assert summary(report) == {(K.KEYWORD_CHANGED, "POST /op", False)}
    assert report.non_breaking[0].detail == "deprecated"


def test_const_is_a_one_value_enum() -> None:
    old = spec({"A": obj(kind={"type": "string", "const": "cat"})}, request="A")
    new = spec({"A": obj(kind={"type": "string", "const": "dog"})}, request="A")
    report = diff_specs(old, new)
    assert summary(report) == {
        (K.ENUM_VALUE_ADDED, "A.kind", False),
        (K.ENUM_VALUE_REMOVED, "A.kind", True),
    }
