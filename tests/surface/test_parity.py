"""Parity between openapi.json and the wrapper: what needs a person's decision fails here.

Optional additions are derived (see test_spec_change.py). What is not: a new operation
(it needs a method), a new required input, a field or operation the spec drops while
the wrapper still exposes it, a new field in a response the wrapper returns as a plain
value. Each failure names the place and the decision to make.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import derive_surface
import normalize
import pytest
from parity_report import require_none

from browser_use_cloud import BrowserUse
from browser_use_cloud._spec.method_map import WRAPPER_METHODS
from browser_use_cloud._spec.operations import HTTP_METHODS

pytestmark = pytest.mark.spec_parity  # the regen workflow's pull request lists every item

REPO = Path(__file__).resolve().parents[2]

# Response schemas the wrapper reads by hand (a scalar, a page, an id): the fields it uses.
HAND_SHAPED: dict[str, tuple[str, ...]] = {
    "TaskCreatedResponse": ("id",),
    "TaskScreenshotsResponse": ("screenshots",),
    "TaskGifResponse": ("gif",),
    "TaskOutputFileResponse": ("download_url",),
    "UploadFileResponse": ("upload_url",),
    "CheckUserBalanceResponse": ("balance",),
    "DeleteBrowserProfileResponse": (),
    "SimpleSearchResponse": ("results",),
    "ListTasksResponse": ("tasks", "total_pages", "page", "limit", "total_count"),
    "ListScheduledTasksResponse": ("tasks", "total_pages", "page", "limit", "total_count"),
    "ListBrowserProfilesResponse": ("profiles", "total_pages", "page", "limit", "total_count"),
}
# Responses parsed as a derived result type of another schema with the same fields.
SAME_AS = {
    "CreateBrowserProfileResponse": "GetBrowserProfileResponse",
    "UpdateBrowserProfileResponse": "GetBrowserProfileResponse",
}
# Request fields a method fills in itself: (method, field) -> where the value comes from.
FILLED_BY_THE_WRAPPER = {
    ("files.upload", "file_name"): "the source's name, or name=",
    ("files.upload", "content_type"): "guessed from the name, or content_type=",
}


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(name, METHOD, path, operation) for every operation, name as the generated module's."""
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                op = item[method]
                yield normalize.clean_operation_id(op["operationId"]), method.upper(), path, op


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return None if ref is None else str(ref).rsplit("/", 1)[-1]


def _method(client: Any, dotted: str) -> Any:
    target = client
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


@pytest.fixture(scope="module")
def client() -> Iterator[BrowserUse]:
    with BrowserUse(api_key="parity-key", base_url="http://127.0.0.1:9/api/v1") as sync:
        yield sync


def test_every_operation_has_a_wrapper_method(spec: dict[str, Any]) -> None:
    missing = [
        f'operation {method} {path} has no wrapper method; reach it with client.call("{name}", ...)'
        for name, method, path, _ in operations(spec)
        if name not in WRAPPER_METHODS
    ]
    require_none(missing)


def test_no_method_calls_an_operation_the_spec_dropped(spec: dict[str, Any]) -> None:
    names = {name for name, *_ in operations(spec)}
    gone = [
        f"operation {name} is gone from the spec but client.{method} still calls it: a breaking "
        "change; decide (keep it as a hand-written call, as delete_browser_profile_for_user, "
        "or deprecate it) and update wrapper/browser_use_cloud/_spec/method_map.py"
        for name, method in WRAPPER_METHODS.items()
        if name not in names
    ]
    require_none(gone)


def test_mapped_methods_exist_on_both_clients(client: BrowserUse) -> None:
    from browser_use_cloud import AsyncBrowserUse

    async_client = AsyncBrowserUse(api_key="parity-key", base_url="http://127.0.0.1:9/api/v1")
    for dotted in WRAPPER_METHODS.values():
        assert callable(_method(client, dotted)), dotted
        assert inspect.iscoroutinefunction(_method(async_client, dotted)), dotted


def _inputs(spec: dict[str, Any], op: dict[str, Any]) -> Iterator[tuple[str, bool, str | None]]:
    """(field, required, body schema name or None) for every parameter and body field."""
    for param in op.get("parameters", ()):
        yield param["name"], bool(param.get("required")), None
    body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
    name = _ref_name(body.get("schema", {}))
    if name is not None:
        schema = spec["components"]["schemas"][name]
        required = set(schema.get("required", ()))
        for field in schema.get("properties", {}):
            yield field, field in required, name


def test_every_request_input_reaches_a_method(spec: dict[str, Any], client: BrowserUse) -> None:
    typed = {options.schema: name for name, options in derive_surface.OPTIONS.items()}
    left_out = {
        (options.schema, field)
        for options in derive_surface.OPTIONS.values()
        for field in options.left_out
    }
    problems = []
    for name, method_name, path, op in operations(spec):
        dotted = WRAPPER_METHODS.get(name)
        if dotted is None:
            continue  # reported by test_every_operation_has_a_wrapper_method
        method = _method(client, dotted)
        offered = set(inspect.signature(method).parameters)
        for field, required, body in _inputs(spec, op):
            if (dotted, field) in FILLED_BY_THE_WRAPPER or (body, field) in left_out:
                continue
            options = typed.get(body or "")
            in_options = options is not None and field not in _explicit(options)
            if field in offered or in_options:
                continue
            where = f"{body}.{field}" if body else f"parameter {field!r}"
            kind = "required" if required else "optional"
            problems.append(
                f"{where} ({kind}) of {method_name} {path} is not an input of client.{dotted}: "
                f"add it (until then: client.call({name!r}, ...))"
            )
    require_none(problems)


def _explicit(options_name: str) -> tuple[str, ...]:
    explicit: tuple[str, ...] = derive_surface.OPTIONS[options_name].explicit
    return explicit


def test_options_requests_have_no_new_required_field(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    problems = [
        f"{options.schema}.{field} is required now but only an option of {name}: a breaking "
        "change; give the method a parameter for it and list it in `explicit` in "
        "scripts/derive_surface.py"
        for name, options in derive_surface.OPTIONS.items()
        for field in schemas[options.schema].get("required", ())
        if field not in options.explicit
    ]
    require_none(problems)


def test_hand_shaped_responses_match_the_spec(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    problems = []
    for name, method, path, op in operations(spec):
        dotted = WRAPPER_METHODS.get(name)
        if dotted is None:
            continue  # reported by test_every_operation_has_a_wrapper_method
        content = op.get("responses", {}).get("200", {}).get("content", {})
        schema_name = _ref_name(content.get("application/json", {}).get("schema", {}))
        if schema_name is None or "properties" not in schemas[schema_name]:
            continue
        fields = set(schemas[schema_name]["properties"])
        if schema_name in derive_surface.RESULTS.values():
            continue  # derived: new fields appear as attributes
        if schema_name in SAME_AS:
            expected = set(schemas[SAME_AS[schema_name]]["properties"])
        elif schema_name in HAND_SHAPED:
            expected = set(HAND_SHAPED[schema_name])
        else:
            problems.append(
                f"the answer of {method} {path} ({schema_name}) has no result type: decide how "
                f"client.{dotted} returns it"
            )
            continue
        problems += [
            f"{schema_name}.{field} is new in the answer of {method} {path} but client.{dotted} "
            f"does not return it: decide how to expose it (client.call({name!r}, ...) returns it)"
            for field in sorted(fields - expected)
        ]
        problems += [
            f"{schema_name}.{field} is gone from the spec but client.{dotted} reads it: a "
            "breaking change that needs a decision"
            for field in sorted(expected - fields)
        ]
    require_none(problems)


def test_nothing_the_wrapper_exposed_was_dropped(spec: dict[str, Any]) -> None:
    recorded = json.loads((REPO / derive_surface.EXPOSED).read_text(encoding="utf-8"))
    current = derive_surface.exposed(spec)
    problems = [
        f"{kind} {group}.{name} is exposed by the wrapper but gone from the spec: a breaking "
        "change; decide (keep it, e.g. in DOCUMENTED_RESPONSE_FIELDS of "
        "scripts/derive_surface.py, or drop it in a major release), then delete it from "
        f"{derive_surface.EXPOSED}"
        for kind, groups in recorded.items()
        for group, names in groups.items()
        for name in names
        if name not in current.get(kind, {}).get(group, [])
    ]
    require_none(problems)
