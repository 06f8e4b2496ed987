"""Turn a published v1 spec into the project's `openapi.json` and into the generator's input.

Two steps, both pure functions over parsed JSON:

* ``project_spec(published, previous)`` keeps the published structure (paths, parameters,
  schemas, enums, defaults, security) and carries our own wording and tags over from the
  previous ``openapi.json``. Prose the previous document has no wording for is never copied:
  optional prose is dropped, and text OpenAPI requires (a response's ``description``) gets a
  neutral text of ours. Both are listed, so a person writes the wording before release.
* ``generator_input(spec)`` prepares a spec for openapi-python-client: clean function names
  (``get_task_api_v1_task__task_id__get`` becomes ``get_task``), distinct class names for
  schemas that share a title, and no JSON decoding of bodies declared as ``{}``. The other
  generator traps (unknown enum values, status codes outside HTTPStatus, no default timeout)
  are fixed by the templates in ``templates/``.

Command line::

    python scripts/normalize.py PUBLISHED --previous openapi.json --out openapi.json
    python scripts/normalize.py openapi.json --generator-input .regen/spec.json
"""

from __future__ import annotations

import argparse
import http
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

JSON = dict[str, Any]
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
PROSE_KEYS = ("summary", "description")

# Tags for operations the previous spec does not know yet, by path prefix.
TAG_BY_PREFIX = (
    ("/api/v1/scheduled-task", "scheduled_tasks"),
    ("/api/v1/task", "tasks"),
    ("/api/v1/run-task", "tasks"),
    ("/api/v1/stop-task", "tasks"),
    ("/api/v1/pause-task", "tasks"),
    ("/api/v1/resume-task", "tasks"),
    ("/api/v1/uploads", "files"),
    ("/api/v1/browser-profiles", "browser_profiles"),
    ("/api/v1/delete-browser-profile", "browser_profiles"),
    ("/api/v1/simple-search", "search"),
    ("/api/v1/search-url", "search"),
    ("/api/v1/balance", "account"),
    ("/api/v1/me", "account"),
)
DEFAULT_TAG = "service"
_FASTAPI_ID = re.compile(r"^(?P<name>.+?)_api_v1_")


def clean_operation_id(operation_id: str) -> str:
    """FastAPI's default id is ``<function>_api_v1_<path>_<method>``; keep ``<function>``."""
    match = _FASTAPI_ID.match(operation_id)
    return match.group("name") if match else operation_id


def operations(spec: JSON) -> Iterator[tuple[str, str, JSON]]:
    for path, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield path, method, operation


def _prose_locations(spec: JSON) -> dict[str, JSON]:
    """Every object that may carry prose, keyed by a structural location."""
    found: dict[str, JSON] = {"info": spec.get("info", {})}
    for path, method, operation in operations(spec):
        key = f"{method.upper()} {path}"
        found[key] = operation
        for parameter in operation.get("parameters", []):
            found[f"{key} param {parameter.get('in')}:{parameter.get('name')}"] = parameter
        for code, response in operation.get("responses", {}).items():
            found[f"{key} response {code}"] = response
        body = operation.get("requestBody")
        if isinstance(body, dict):
            found[f"{key} requestBody"] = body
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        found[f"schema {name}"] = schema
        for prop, prop_schema in schema.get("properties", {}).items():
            found[f"schema {name}.{prop}"] = prop_schema
    return found


def _tag_for(path: str) -> str:
    for prefix, tag in TAG_BY_PREFIX:
        if path.startswith(prefix):
            return tag
    return DEFAULT_TAG


def _response_wording(previous: JSON | None) -> dict[str, str]:
    """Our description for each status code, where the previous spec uses exactly one."""
    used: dict[str, set[str]] = {}
    for _path, _method, operation in operations(previous or {}):
        for code, response in operation.get("responses", {}).items():
            if "description" in response:
                used.setdefault(code, set()).add(response["description"])
    return {code: texts.pop() for code, texts in used.items() if len(texts) == 1}


def neutral_response_description(code: str, wording: dict[str, str]) -> str:
    """Required text for a response we have no words for yet: ours for that code, or its reason."""
    if code in wording:
        return wording[code]
    try:
        return http.HTTPStatus(int(code)).phrase
    except ValueError:  # "default", "2XX" or a code outside HTTPStatus
        return f"Response {code}"


def project_spec(published: JSON, previous: JSON | None) -> tuple[JSON, list[str]]:
    """The published structure with our wording and tags; also the locations needing wording."""
    spec: JSON = json.loads(json.dumps(published))  # a deep copy we may edit
    ours = _prose_locations(previous) if previous else {}
    response_wording = _response_wording(previous)
    needs_wording: list[str] = []
    for location, node in _prose_locations(spec).items():
        mine = ours.get(location, {})
        for key in PROSE_KEYS:
            if key in mine:
                node[key] = mine[key]
            elif " response " in location and key == "description":  # OpenAPI requires it
                code = location.rsplit(" ", 1)[1]
                node[key] = neutral_response_description(code, response_wording)
                needs_wording.append(f"{location} ({key}; for now {node[key]!r})")
            elif key in node:
                del node[key]
                if location != "info":
                    needs_wording.append(f"{location} ({key})")
    previous_tags = {
        (method, path): operation.get("tags", [])
        for path, method, operation in operations(previous or {})
    }
    used: list[str] = []
    for path, method, operation in operations(spec):
        tags = previous_tags.get((method, path)) or [_tag_for(path)]
        operation["tags"] = tags
        used.extend(tag for tag in tags if tag not in used)
    described = {tag["name"]: tag for tag in (previous or {}).get("tags", [])}
    known = list(described)
    used.sort(key=lambda tag: known.index(tag) if tag in known else len(known))  # ours first
    spec["tags"] = [described.get(tag, {"name": tag}) for tag in used]
    return spec, needs_wording


def _distinct_titles(schemas: JSON) -> None:
    """The generator names classes after titles and drops all but one class per name.

    FastAPI gives ``Model-Input`` and ``Model-Output`` the same title; each of the schemas that
    share a title is named after its own component key instead.
    """
    counts = Counter(schema.get("title") for schema in schemas.values() if "title" in schema)
    for key, schema in schemas.items():
        if counts.get(schema.get("title"), 0) > 1:
            schema["title"] = key


# Response fields the service's documentation shows but openapi.json lacks (REPORT: the
# docs show `metadata` on scheduled tasks); the generator sees them as optional fields. Once
# the spec has one, the spec's definition wins and the parity test asks to delete the entry.
DOCUMENTED_RESPONSE_FIELDS: dict[str, dict[str, Any]] = {
    "ScheduledTaskResponse": {
        "metadata": {
            "anyOf": [
                {"type": "object", "additionalProperties": {"type": "string"}},
                {"type": "null"},
            ]
        }
    },
}


def generator_input(spec: JSON) -> JSON:
    """The spec as openapi-python-client should see it.

    * clean, unique function names;
    * one class name per component schema;
    * the response fields of ``DOCUMENTED_RESPONSE_FIELDS`` that the spec lacks;
    * a response declared with the empty schema ``{}`` loses its content: the service answers
      ``{}``, ``null`` or nothing at all, and the generator would call ``response.json()`` on it.
    """
    prepared: JSON = json.loads(json.dumps(spec))
    schemas = prepared.get("components", {}).get("schemas", {})
    _distinct_titles(schemas)
    for name, fields in DOCUMENTED_RESPONSE_FIELDS.items():
        if name in schemas:
            properties = schemas[name].setdefault("properties", {})
            for field, schema in fields.items():
                properties.setdefault(field, schema)
    seen: dict[str, str] = {}
    for path, method, operation in operations(prepared):
        for response in operation.get("responses", {}).values():
            media = response.get("content", {}).get("application/json")
            if media is not None and media.get("schema") == {}:
                del response["content"]
        if "operationId" not in operation:
            continue  # the generator names it after its method and path
        clean = clean_operation_id(operation["operationId"])
        if clean in seen:
            raise ValueError(
                f"operationId {operation['operationId']!r} ({method.upper()} {path}) and "
                f"{seen[clean]} both shorten to {clean!r}"
            )
        seen[clean] = f"{method.upper()} {path}"
        operation["operationId"] = clean
    return prepared


def _canonical(value: Any, *, keep_order: bool = False) -> Any:
    """Sort mapping keys recursively, except where order carries meaning (properties)."""
    if isinstance(value, dict):
        keys = list(value) if keep_order else sorted(value)
        return {key: _canonical(value[key], keep_order=key == "properties") for key in keys}
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    return value


def canonical_dumps(spec: JSON) -> str:
    """The one textual form of a spec we commit: sorted keys, two-space indent, final newline."""
    return json.dumps(_canonical(spec), indent=2, ensure_ascii=False) + "\n"


def _load(path: Path) -> JSON:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise SystemExit(f"normalize: cannot read {path}: {error}") from error
    if not isinstance(loaded, dict) or "paths" not in loaded:
        raise SystemExit(f"normalize: {path} is not an OpenAPI document (no 'paths')")
    return loaded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", type=Path, help="published spec, or openapi.json")
    parser.add_argument("--previous", type=Path, help="our current openapi.json (wording source)")
    parser.add_argument("--out", type=Path, help="write the project spec here")
    parser.add_argument("--generator-input", type=Path, help="write the generator's input here")
    args = parser.parse_args(argv)

    spec = _load(args.spec)
    if args.out:
        previous = _load(args.previous) if args.previous and args.previous.exists() else None
        spec, needs_wording = project_spec(spec, previous)
        args.out.write_text(canonical_dumps(spec), encoding="utf-8")
        if needs_wording:
            print("Needs our own wording before release (upstream prose was dropped):")
            for location in needs_wording:
                print(f"  - {location}")
    if args.generator_input:
        args.generator_input.parent.mkdir(parents=True, exist_ok=True)
        args.generator_input.write_text(canonical_dumps(generator_input(spec)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
