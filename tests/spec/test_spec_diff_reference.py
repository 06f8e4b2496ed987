"""spec_diff on the published June and 2025-07-29 specs."""

import re
from typing import Any

import pytest
from spec_diff import Change, ChangeKind, Report, diff_specs

Kind = ChangeKind

ADDED_OPERATIONS = {
    "GET /api/v1/task/{task_id}/output-file/{file_name}",
    "POST /api/v1/uploads/presigned-url",
    "GET /api/v1/browser-profiles",
    "POST /api/v1/browser-profiles",
    "GET /api/v1/browser-profiles/{profile_id}",
    "PUT /api/v1/browser-profiles/{profile_id}",
    "DELETE /api/v1/browser-profiles/{profile_id}",
    "POST /api/v1/simple-search",
    "POST /api/v1/search-url",
    "GET /api/v1/browser-use-version",
}
ADDED_SCHEMAS = {
    "CreateBrowserProfileRequest",
    "CreateBrowserProfileResponse",
    "DeleteBrowserProfileResponse",
    "GetBrowserProfileResponse",
    "ListBrowserProfilesResponse",
    "ProxyCountryCode",
    "SearchUrlRequest",
    "SimpleSearchRequest",
    "SimpleSearchResponse",
    "TaskOutputFileResponse",
    "UpdateBrowserProfileRequest",
    "UpdateBrowserProfileResponse",
    "UploadFileRequest",
    "UploadFileResponse",
    "UrlResponse",
}
TASK_REQUEST_FIELDS = (
    "browser_profile_id",
    "browser_viewport_height",
    "browser_viewport_width",
    "enable_public_share",
    "included_file_names",
    "max_agent_steps",
    "metadata",
    "proxy_country_code",
)
ADDED_REQUEST_FIELDS = {
    *(f"RunTaskRequest.{name}" for name in TASK_REQUEST_FIELDS),
    *(f"ScheduledTaskRequest.{name}" for name in TASK_REQUEST_FIELDS),
    "UpdateScheduledTaskRequest.metadata",
}
ADDED_RESPONSE_FIELDS = {
    "ScheduledTaskResponse.browser_profile_id",
    "TaskResponse.metadata",
    "TaskResponse.output_files",
    "TaskResponse.public_share_url",
    "TaskResponse.user_uploaded_files",
    "TaskSimpleResponse.metadata",
}
DROPPED_DEFAULTS = {
    "RunTaskRequest.use_adblock",
    "RunTaskRequest.use_proxy",
    "ScheduledTaskRequest.use_adblock",
    "ScheduledTaskRequest.use_proxy",
}


@pytest.fixture(scope="module")
def report(june: dict[str, Any], july: dict[str, Any]) -> Report:
    return diff_specs(june, july)


def value_of(change: Change) -> str:
    match = re.fullmatch(r'value "([^"]+)" added; .*', change.detail)
    assert match is not None, change.detail
    return match.group(1)


def of_kind(changes: list[Change], kind: ChangeKind) -> list[Change]:
    return [change for change in changes if change.kind == kind]


def test_exactly_two_breaking_changes(report: Report) -> None:
    found = {(c.kind, c.location, c.detail) for c in report.breaking}
    assert found == {
        (
            Kind.OPERATION_REMOVED,
            "POST /api/v1/delete-browser-profile-for-user",
            "operationId delete_browser_profile_for_user_api_v1_delete_browser_profile_for_user"
            "_post",
        ),
        (Kind.TYPE_CHANGED, "CheckUserBalanceResponse.balance", "type integer -> string"),
    }
    balance = of_kind(report.breaking, Kind.TYPE_CHANGED)[0]
    assert balance.side == "response"


def test_ten_operations_added(report: Report) -> None:
    added = of_kind(report.non_breaking, Kind.OPERATION_ADDED)
    assert len(added) == 10
    assert {c.location for c in added} == ADDED_OPERATIONS


def test_fifteen_schemas_added(report: Report) -> None:
    added = of_kind(report.non_breaking, Kind.SCHEMA_ADDED)
    assert len(added) == 15
    assert {c.location for c in added} == ADDED_SCHEMAS
    proxy = next(c for c in added if c.location == "ProxyCountryCode")
    assert "enum" in proxy.detail


def test_added_fields_and_their_sides(report: Report) -> None:
    added = of_kind(report.non_breaking, Kind.FIELD_ADDED)
    assert not of_kind(report.breaking, Kind.FIELD_ADDED)
    assert {c.location for c in added if c.side == "request"} == ADDED_REQUEST_FIELDS
    assert {c.location for c in added if c.side == "response"} == ADDED_RESPONSE_FIELDS
    assert len(added) == 23
    assert all(c.detail.startswith("optional field added") for c in added)


def test_new_llm_models(report: Report) -> None:
    added = of_kind(report.non_breaking, Kind.ENUM_VALUE_ADDED)
    assert {c.location for c in added} == {"LLMModel"}
    values = {value_of(c) for c in added}
    assert values == {"o4-mini", "o3", "gemini-2.5-flash", "gemini-2.5-pro"}
    # LLMModel is sent in requests and read back in ScheduledTaskResponse.
    assert all(c.side == "request+response" for c in added)
    assert all("closed-enum" in c.detail for c in added)


def test_dropped_defaults(report: Report) -> None:
    dropped = of_kind(report.non_breaking, Kind.DEFAULT_REMOVED)
    assert {c.location for c in dropped} == DROPPED_DEFAULTS
    assert all("default true dropped" in c.detail for c in dropped)


def test_nothing_else_changed(report: Report) -> None:
    kinds = {c.kind for c in report.non_breaking}
    assert kinds == {
        Kind.OPERATION_ADDED,
        Kind.SCHEMA_ADDED,
        Kind.FIELD_ADDED,
        Kind.ENUM_VALUE_ADDED,
        Kind.DEFAULT_REMOVED,
    }
    assert (len(report.breaking), len(report.non_breaking)) == (2, 56)


def test_reverse_direction_breaks_what_was_added(
    june: dict[str, Any], july: dict[str, Any]
) -> None:
    back = diff_specs(july, june)
    removed_ops = {c.location for c in of_kind(back.breaking, Kind.OPERATION_REMOVED)}
    assert removed_ops == ADDED_OPERATIONS
    removed_fields = {c.location for c in of_kind(back.breaking, Kind.FIELD_REMOVED)}
    assert removed_fields == ADDED_REQUEST_FIELDS | ADDED_RESPONSE_FIELDS
    assert {c.location for c in of_kind(back.breaking, Kind.ENUM_VALUE_REMOVED)} == {"LLMModel"}
    assert {c.location for c in of_kind(back.non_breaking, Kind.DEFAULT_ADDED)} == DROPPED_DEFAULTS
