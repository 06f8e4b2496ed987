"""scripts/normalize.py: our wording carried over, required text never dropped, names distinct."""

from __future__ import annotations

import copy
import http

import normalize
import synthetic_change
from tree_copies import ROOT, read_spec

NEW = synthetic_change.NEW_OPERATION


def test_new_operation_keeps_required_text_in_neutral_words() -> None:
    ours = read_spec(ROOT)
    published = synthetic_change.new_operation(ours)
    spec, needs_wording = normalize.project_spec(published, ours)
    operation = spec["paths"][synthetic_change.NEW_PATH]["get"]

    wording = {
        code: {
            response["description"]
            for item in ours["paths"].values()
            for op in item.values()
            for c, response in op["responses"].items()
            if c == code
        }
        for code in operation["responses"]
    }
    for code, response in operation["responses"].items():
        (ours_for_code,) = wording[code]  # the spec words each status code one way
        assert response["description"] == ours_for_code
        assert f"{NEW} response {code} (description; for now {ours_for_code!r})" in needs_wording
    assert "summary" not in operation and "description" not in operation
    assert f"{NEW} (summary)" in needs_wording and f"{NEW} (description)" in needs_wording
    assert synthetic_change.UPSTREAM_PROSE not in normalize.canonical_dumps(spec)


def test_reason_phrase_when_we_have_no_words_for_a_code() -> None:
    assert normalize.neutral_response_description("404", {}) == http.HTTPStatus(404).phrase
    assert normalize.neutral_response_description("404", {"404": "Not here"}) == "Not here"
    assert normalize.neutral_response_description("default", {}) == "Response default"


def test_without_a_previous_spec_every_response_still_has_a_description() -> None:
    published = synthetic_change.new_operation(read_spec(ROOT))
    spec, _ = normalize.project_spec(published, None)
    for item in spec["paths"].values():
        for operation in item.values():
            assert all(r["description"] for r in operation["responses"].values())


def test_our_own_spec_is_a_fixed_point() -> None:
    ours = read_spec(ROOT)
    spec, needs_wording = normalize.project_spec(ours, ours)
    assert spec == ours and needs_wording == []


def test_schemas_sharing_a_title_get_distinct_class_names() -> None:
    spec = read_spec(ROOT)
    schemas = spec["components"]["schemas"]
    name = sorted(schemas)[0]
    schemas[f"{name}-Input"] = copy.deepcopy(schemas[name])
    schemas[f"{name}-Output"] = copy.deepcopy(schemas[name])
    prepared = normalize.generator_input(spec)["components"]["schemas"]
    titles = [schema.get("title") for schema in prepared.values() if "title" in schema]
    assert len(titles) == len(set(titles))
    assert prepared[f"{name}-Input"]["title"] == f"{name}-Input"
    assert prepared[name]["title"] == name
    assert schemas[f"{name}-Output"]["title"] == schemas[name]["title"]  # the input is untouched
