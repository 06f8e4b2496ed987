"""The hand-made old/new pair in fixtures/ exercises every change class exactly once or twice."""

from typing import Any

import pytest
from spec_diff import ChangeKind, Report, diff_specs

K = ChangeKind
B, N = True, False

# (kind, location, breaking): the complete expected report for fixtures/old.json -> new.json.
EXPECTED = {
    # operations
    (K.OPERATION_ADDED, "GET /health", N),
    (K.OPERATION_REMOVED, "DELETE /items/{item_id}", B),
    (K.OPERATION_ID_CHANGED, "POST /items", B),
    (K.SECURITY_CHANGED, "GET /public", B),
    (K.SECURITY_CHANGED, "securityScheme ApiKey", N),
    # parameters
    (K.PARAMETER_ADDED, "GET /items query sort", N),
    (K.PARAMETER_ADDED, "GET /items header X-Tenant", B),
    (K.PARAMETER_REMOVED, "GET /items query page", B),
    (K.PARAMETER_REQUIRED_CHANGED, "GET /items query filter", B),
    (K.BOUND_CHANGED, "GET /items query limit", B),
    (K.DEFAULT_CHANGED, "GET /items query limit", N),
    (K.PARAMETER_REMOVED, "GET /items/{id} path item_id", B),
    (K.PARAMETER_ADDED, "GET /items/{id} path id", B),
    # bodies, responses, media types
    (K.REQUEST_BODY_ADDED, "PUT /notes/{note_id} request body", N),
    (K.REQUEST_BODY_REMOVED, "DELETE /notes/{note_id} request body", B),
    (K.REQUEST_BODY_REQUIRED_CHANGED, "POST /notes request body", B),
    (K.RESPONSE_ADDED, "POST /items response 404", N),
    (K.RESPONSE_REMOVED, "POST /items response 202", B),
    (K.RESPONSE_REMOVED, "POST /items response 409", N),
    (K.MEDIA_TYPE_ADDED, "POST /items request body [application/x-www-form-urlencoded]", N),
    (K.MEDIA_TYPE_REMOVED, "GET /public response 200 [text/plain]", B),
    # inline bodies
    (K.FIELD_ADDED, "POST /notes request body .tag", B),
    (K.FIELD_REMOVED, "POST /notes response 200 .count", B),
    (K.NULLABLE_CHANGED, "POST /notes response 200 .total", B),
    # component schemas
    (K.SCHEMA_ADDED, "User", N),
    (K.SCHEMA_ADDED, "Fresh", N),
    (K.SCHEMA_REMOVED, "Gone", B),
    # request-side fields (ItemCreate)
    (K.FIELD_ADDED, "ItemCreate.notes", N),
    (K.FIELD_ADDED, "ItemCreate.owner", B),
    (K.FIELD_REMOVED, "ItemCreate.legacy", B),
    (K.FIELD_REQUIRED_CHANGED, "ItemCreate.label", N),
    (K.FIELD_REQUIRED_CHANGED, "ItemCreate.code", B),
    (K.NULLABLE_CHANGED, "ItemCreate.price", N),
    (K.NULLABLE_CHANGED, "ItemCreate.note2", B),
    (K.TYPE_CHANGED, "ItemCreate.kind", B),
    (K.TYPE_CHANGED, "ItemCreate.attrs{}", B),
    (K.FORMAT_CHANGED, "ItemCreate.when", B),
    (K.ENUM_CHANGED, "ItemCreate.mode", B),
    (K.DEFAULT_ADDED, "ItemCreate.retries", N),
    (K.DEFAULT_CHANGED, "ItemCreate.qty", N),
    (K.DEFAULT_REMOVED, "ItemCreate.fast", N),
    (K.BOUND_CHANGED, "ItemCreate.size", B),
    (K.BOUND_CHANGED, "ItemCreate.sku", B),
    (K.ADDITIONAL_PROPERTIES_CHANGED, "ItemCreate.extras", B),
    (K.KEYWORD_CHANGED, "ItemCreate.tags", B),
    # response-side fields (Item)
    (K.FIELD_ADDED, "Item.extra", N),
    (K.FIELD_ADDED, "Item.children[].flag", N),
    (K.FIELD_REMOVED, "Item.old", B),
    (K.FIELD_REMOVED, "Item.nested.inner", B),
    (K.FIELD_REQUIRED_CHANGED, "Item.created", B),
    (K.FIELD_REQUIRED_CHANGED, "Item.count", N),
    (K.NULLABLE_CHANGED, "Item.score", B),
    (K.REF_CHANGED, "Item.owner", B),
    (K.BOUND_CHANGED, "Item.rating", B),
    (K.BOUND_CHANGED, "Item.weight", N),
    (K.VARIANT_ADDED, "Item.ident<boolean>", B),
    (K.VARIANT_REMOVED, "Item.ref_id<boolean>", N),
    (K.KEYWORD_CHANGED, "Item.flags", N),
    # enums: Color is request-only, Status response-only
    (K.ENUM_VALUE_ADDED, "Color", N),
    (K.ENUM_VALUE_REMOVED, "Color", B),
    (K.ENUM_VALUE_ADDED, "Status", N),
    (K.ENUM_VALUE_REMOVED, "Status", N),
}


@pytest.fixture(scope="module")
def report(fixture_pair: tuple[dict[str, Any], dict[str, Any]]) -> Report:
    return diff_specs(*fixture_pair)


def test_report_is_exactly_the_expected_one(report: Report) -> None:
    found = {(c.kind, c.location, True) for c in report.breaking}
    found |= {(c.kind, c.location, False) for c in report.non_breaking}
    assert found - EXPECTED == set(), "unexpected changes"
    assert EXPECTED - found == set(), "missed changes"
    assert len(report.breaking) + len(report.non_breaking) == len(EXPECTED)


def test_every_change_kind_is_exercised(report: Report) -> None:
    assert {kind for kind, _, _ in EXPECTED} == set(ChangeKind)


def test_details_name_what_changed(report: Report) -> None:
    details = {(c.location, c.detail) for c in report.breaking + report.non_breaking}
    assert ("ItemCreate.kind", "type string -> integer") in details
    assert ("ItemCreate.when", "format date -> date-time") in details
    assert ("GET /items query limit", "maximum 100 -> 50") in details
    assert ("Item.owner", "Person -> User") in details
    assert ("POST /items", "createItem -> create_item") in details
    assert ("Color", 'value "blue" removed') in details
    assert ("ItemCreate.fast", "default true dropped (the server decides when omitted)") in details


def test_sides_are_reported(report: Report) -> None:
    sides = {c.location: c.side for c in report.breaking + report.non_breaking}
    assert sides["ItemCreate.owner"] == "request"
    assert sides["Item.score"] == "response"
    assert sides["Item.owner"] == "response"
    assert sides["POST /items"] == ""


def test_only_the_response_side_enum_addition_is_called_out(report: Report) -> None:
    added = {c.location: c.detail for c in report.non_breaking if c.kind == K.ENUM_VALUE_ADDED}
    assert "closed-enum" in added["Status"]
    assert "closed-enum" not in added["Color"]


def test_wording_order_and_number_spelling_are_ignored(
    fixture_pair: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, new = fixture_pair
    # new.json rewords titles/descriptions/tags, reorders keys and writes 1.0 for 1: the only
    # changes that touch ItemList, Person or list_items' `limit` minimum are none at all.
    report = diff_specs(old, new)
    locations = {c.location for c in report.breaking + report.non_breaking}
    assert not {"ItemList", "Person", "ItemCreate", "ItemCreate.name"} & locations
