#!/usr/bin/env python3
"""Structural diff of two OpenAPI 3.x documents, classified by the effect on a client.

Usage: ``python scripts/spec_diff.py OLD NEW [--json] [--allow-breaking]``.
Exit status: 0 nothing breaking (or ``--allow-breaking``), 1 breaking changes, 2 usage error.
Standard library only: the regeneration job runs it in a bare venv.

Ignored: wording (summary, description, title, examples, $comment), tags, ``info``,
``servers``, ``x-*`` extensions, response headers, key order, enum and ``required`` order,
``5`` vs ``5.0`` and ``additionalProperties: true`` vs absent. Titles are ignored too, although
the generator may derive class names for *inline* schemas from them; named (component) schemas
keep their name whatever the title says.

Classification (B = breaking, N = non-breaking), from a client's point of view. A schema is on
the request side, the response side or both; a change breaks if it breaks any side it is on.

- operations (method + path): added N, removed B, operationId changed B (generated names).
- parameters: added required B / optional N; removed B (the client may send it);
  optional -> required B, required -> optional N.
- fields: request added required B / optional N; response added N; removed B (both sides);
  request optional -> required B; response required -> optional B.
- nullability: request becoming nullable N; response becoming nullable B; the reverse flips.
- type, format, $ref target changes: B.
- enum values: added N on both sides (a client with closed enums breaks on a new response
  value; our generated enums tolerate unknowns, so the detail calls it out); removed: request B,
  response N.
- defaults added / changed / dropped: N, but listed (a dropped default changes what the
  server assumes when the client omits the field).
- bounds (min*/max*/pattern): tightening a request B, loosening a response B, else N.
- component schemas: added N, removed B. Responses: added N, removed 2xx B, other removed N.
- security requirement changes: B. Any other unrecognised schema keyword change: B.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

__all__ = [
    "Change",
    "ChangeKind",
    "Report",
    "SpecError",
    "diff_specs",
    "load_spec",
    "main",
    "render_json",
    "render_text",
]

Json = Mapping[str, Any]

REQUEST = "request"
RESPONSE = "response"
_BOTH = frozenset({REQUEST, RESPONSE})
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_WORDING = frozenset({"summary", "description", "title", "example", "examples", "$comment"})
_LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
_UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
_COMPOSITIONS = ("anyOf", "oneOf", "allOf")
_HANDLED = frozenset(
    {"$ref", "type", "format", "enum", "const", "default", "properties", "required"}
    | {"additionalProperties", "items", "pattern", *_COMPOSITIONS}
    | {*_LOWER_BOUNDS, *_UPPER_BOUNDS}
)


class SpecError(Exception):
    """An input that is not a usable OpenAPI document."""


class ChangeKind(StrEnum):
    """What changed; the report lists kinds in this order."""

    OPERATION_ADDED = "operation-added"
    OPERATION_REMOVED = "operation-removed"
    OPERATION_ID_CHANGED = "operation-id-changed"
    SECURITY_CHANGED = "security-changed"
    PARAMETER_ADDED = "parameter-added"
    PARAMETER_REMOVED = "parameter-removed"
    PARAMETER_REQUIRED_CHANGED = "parameter-required-changed"
    REQUEST_BODY_ADDED = "request-body-added"
    REQUEST_BODY_REMOVED = "request-body-removed"
    REQUEST_BODY_REQUIRED_CHANGED = "request-body-required-changed"
    RESPONSE_ADDED = "response-added"
    RESPONSE_REMOVED = "response-removed"
    MEDIA_TYPE_ADDED = "media-type-added"
    MEDIA_TYPE_REMOVED = "media-type-removed"
    SCHEMA_ADDED = "schema-added"
    SCHEMA_REMOVED = "schema-removed"
    FIELD_ADDED = "field-added"
    FIELD_REMOVED = "field-removed"
    FIELD_REQUIRED_CHANGED = "field-required-changed"
    TYPE_CHANGED = "type-changed"
    FORMAT_CHANGED = "format-changed"
    REF_CHANGED = "ref-changed"
    NULLABLE_CHANGED = "nullable-changed"
    ENUM_VALUE_ADDED = "enum-value-added"
    ENUM_VALUE_REMOVED = "enum-value-removed"
    ENUM_CHANGED = "enum-changed"
    DEFAULT_ADDED = "default-added"
    DEFAULT_CHANGED = "default-changed"
    DEFAULT_REMOVED = "default-removed"
    BOUND_CHANGED = "bound-changed"
    ADDITIONAL_PROPERTIES_CHANGED = "additional-properties-changed"
    VARIANT_ADDED = "variant-added"
    VARIANT_REMOVED = "variant-removed"
    KEYWORD_CHANGED = "keyword-changed"


_KIND_ORDER = {kind: index for index, kind in enumerate(ChangeKind)}


@dataclass(frozen=True)
class Change:
    """One structural change. ``side`` is where the schema is used ("" for operations)."""

    kind: ChangeKind
    location: str
    detail: str
    side: str = ""


@dataclass
class Report:
    """Changes split by their effect on a client."""

    breaking: list[Change] = field(default_factory=list)
    non_breaking: list[Change] = field(default_factory=list)


@dataclass(frozen=True)
class _Loc:
    """A schema location: a root (component name or operation part) plus a field path."""

    root: str
    path: str = ""

    def child(self, segment: str) -> _Loc:
        return _Loc(self.root, self.path + segment)

    def __str__(self) -> str:
        if self.path and " " in self.root:
            return f"{self.root} {self.path}"
        return self.root + self.path


@dataclass(frozen=True)
class _Operation:
    method: str
    path: str
    body: Json
    parameters: dict[tuple[str, str], Json]

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"


def diff_specs(old: Json, new: Json) -> Report:
    """Compare two parsed OpenAPI documents structurally."""
    differ = _Differ(old, new)
    differ.run()
    found = sorted(differ.found, key=lambda item: _sort_key(item[0]))
    return Report(
        breaking=[change for change, breaking in found if breaking],
        non_breaking=[change for change, breaking in found if not breaking],
    )


def _sort_key(change: Change) -> tuple[int, str, str]:
    return (_KIND_ORDER[change.kind], change.location, change.detail)


class _Differ:
    """Walks both documents and records ``(change, breaking)`` pairs."""

    def __init__(self, old: Json, new: Json) -> None:
        self.old = old
        self.new = new
        self.found: list[tuple[Change, bool]] = []

    def emit(self, kind: ChangeKind, loc: object, detail: str, *, breaking: bool) -> None:
        self.found.append((Change(kind, str(loc), detail), breaking))

    def emit_sided(
        self,
        kind: ChangeKind,
        loc: object,
        detail: str,
        sides: frozenset[str],
        *,
        on_request: bool,
        on_response: bool,
    ) -> None:
        effective = sides or _BOTH
        breaking = (REQUEST in effective and on_request) or (RESPONSE in effective and on_response)
        side = "+".join(sorted(sides)) if sides else "unreferenced"
        self.found.append((Change(kind, str(loc), detail, side), breaking))

    def run(self) -> None:
        self.operations()
        self.security_schemes()
        self.components()

    # -- operations -------------------------------------------------------------------------

    def operations(self) -> None:
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        for key in sorted(old_ops.keys() | new_ops.keys()):
            before, after = old_ops.get(key), new_ops.get(key)
            if after is None and before is not None:
                detail = f"operationId {before.body.get('operationId')}"
                self.emit(ChangeKind.OPERATION_REMOVED, before.label, detail, breaking=True)
            elif before is None and after is not None:
                detail = f"operationId {after.body.get('operationId')}"
                self.emit(ChangeKind.OPERATION_ADDED, after.label, detail, breaking=False)
            elif before is not None and after is not None:
                self.operation(before, after)

    def operation(self, before: _Operation, after: _Operation) -> None:
        loc = after.label
        old_id, new_id = before.body.get("operationId"), after.body.get("operationId")
        if old_id != new_id:
            detail = f"{old_id} -> {new_id}"
            self.emit(ChangeKind.OPERATION_ID_CHANGED, loc, detail, breaking=True)
        if bool(before.body.get("deprecated")) != bool(after.body.get("deprecated")):
            detail = "deprecated" if after.body.get("deprecated") else "no longer deprecated"
            self.emit(ChangeKind.KEYWORD_CHANGED, loc, detail, breaking=False)
        old_sec = _security(self.old, before.body)
        new_sec = _security(self.new, after.body)
        if old_sec != new_sec:
            detail = f"security {old_sec or 'none'} -> {new_sec or 'none'}"
            self.emit(ChangeKind.SECURITY_CHANGED, loc, detail, breaking=True)
        self.parameters(loc, before.parameters, after.parameters)
        self.request_body(loc, before.body.get("requestBody"), after.body.get("requestBody"))
        self.responses(loc, before.body.get("responses"), after.body.get("responses"))

    def parameters(
        self, loc: str, before: dict[tuple[str, str], Json], after: dict[tuple[str, str], Json]
    ) -> None:
        for key in sorted(before.keys() | after.keys()):
            where, name = key
            ploc = f"{loc} {where} {name}"
            old, new = before.get(key), after.get(key)
            if old is None and new is not None:
                required = _param_required(new)
                shape = _describe(new.get("schema"))
                detail = f"{_required_word(required)} parameter added ({shape})"
                self.emit(ChangeKind.PARAMETER_ADDED, ploc, detail, breaking=required)
            elif new is None and old is not None:
                self.emit(ChangeKind.PARAMETER_REMOVED, ploc, "parameter removed", breaking=True)
            elif old is not None and new is not None:
                was, now = _param_required(old), _param_required(new)
                if was != now:
                    detail = f"{_required_word(was)} -> {_required_word(now)}"
                    self.emit(ChangeKind.PARAMETER_REQUIRED_CHANGED, ploc, detail, breaking=now)
                sides = frozenset({REQUEST})
                self.schema(old.get("schema"), new.get("schema"), _Loc(ploc), sides, frozenset())

    def request_body(self, loc: str, old_raw: Any, new_raw: Any) -> None:
        before = _resolve(self.old, old_raw) if old_raw is not None else None
        after = _resolve(self.new, new_raw) if new_raw is not None else None
        bloc = f"{loc} request body"
        if before is None and after is None:
            return
        if before is None and after is not None:
            required = bool(after.get("required"))
            detail = f"{_required_word(required)} request body added"
            self.emit(ChangeKind.REQUEST_BODY_ADDED, bloc, detail, breaking=required)
        elif after is None:
            self.emit(ChangeKind.REQUEST_BODY_REMOVED, bloc, "request body removed", breaking=True)
        elif before is not None:
            was, now = bool(before.get("required")), bool(after.get("required"))
            if was != now:
                detail = f"{_required_word(was)} -> {_required_word(now)}"
                self.emit(ChangeKind.REQUEST_BODY_REQUIRED_CHANGED, bloc, detail, breaking=now)
            self.content(bloc, before.get("content"), after.get("content"), REQUEST)

    def responses(self, loc: str, old_raw: Any, new_raw: Any) -> None:
        before = _mapping(old_raw, f"{loc} responses")
        after = _mapping(new_raw, f"{loc} responses")
        for code in sorted(before.keys() | after.keys()):
            rloc = f"{loc} response {code}"
            if code not in before:
                self.emit(ChangeKind.RESPONSE_ADDED, rloc, "response added", breaking=False)
            elif code not in after:
                success = str(code).startswith("2")
                self.emit(ChangeKind.RESPONSE_REMOVED, rloc, "response removed", breaking=success)
            else:
                old = _resolve(self.old, before[code])
                new = _resolve(self.new, after[code])
                self.content(rloc, old.get("content"), new.get("content"), RESPONSE)

    def content(self, loc: str, old_raw: Any, new_raw: Any, side: str) -> None:
        before, after = _mapping(old_raw, loc), _mapping(new_raw, loc)
        for media in sorted(before.keys() | after.keys()):
            mloc = loc if media == "application/json" else f"{loc} [{media}]"
            if media not in before:
                detail = f"{media} added"
                self.emit(ChangeKind.MEDIA_TYPE_ADDED, mloc, detail, breaking=False)
            elif media not in after:
                detail = f"{media} removed"
                self.emit(ChangeKind.MEDIA_TYPE_REMOVED, mloc, detail, breaking=True)
            else:
                old = _mapping(before[media], mloc).get("schema")
                new = _mapping(after[media], mloc).get("schema")
                self.schema(old, new, _Loc(mloc), frozenset({side}), frozenset())

    def security_schemes(self) -> None:
        before = _components(self.old, "securitySchemes")
        after = _components(self.new, "securitySchemes")
        for name in sorted(before.keys() | after.keys()):
            loc = f"securityScheme {name}"
            if name not in after:
                self.emit(ChangeKind.SECURITY_CHANGED, loc, "scheme removed", breaking=True)
            elif name not in before:
                self.emit(ChangeKind.SECURITY_CHANGED, loc, "scheme added", breaking=False)
            elif _canon(_strip(before[name])) != _canon(_strip(after[name])):
                self.emit(ChangeKind.SECURITY_CHANGED, loc, "scheme changed", breaking=True)

    # -- schemas ----------------------------------------------------------------------------

    def components(self) -> None:
        before = _components(self.old, "schemas")
        after = _components(self.new, "schemas")
        usage = _usage(self.old)
        for name, sides in _usage(self.new).items():
            usage[name] = usage.get(name, frozenset()) | sides
        for name in sorted(before.keys() | after.keys()):
            if name not in before:
                detail = f"schema added ({_describe(after[name])})"
                self.emit(ChangeKind.SCHEMA_ADDED, name, detail, breaking=False)
            elif name not in after:
                self.emit(ChangeKind.SCHEMA_REMOVED, name, "schema removed", breaking=True)
            else:
                sides = usage.get(name, frozenset())
                self.schema(before[name], after[name], _Loc(name), sides, frozenset())

    def schema(
        self,
        old_raw: Any,
        new_raw: Any,
        loc: _Loc,
        sides: frozenset[str],
        seen: frozenset[tuple[str, str]],
    ) -> None:
        old, old_null = _normalize(old_raw)
        new, new_null = _normalize(new_raw)
        if old_null != new_null:
            detail = "became nullable" if new_null else "no longer nullable"
            self.emit_sided(
                ChangeKind.NULLABLE_CHANGED,
                loc,
                detail,
                sides,
                on_request=old_null,
                on_response=new_null,
            )
        self.default(old, new, loc, sides)
        self.keywords(old, new, loc, sides)
        old_ref, new_ref = old.get("$ref"), new.get("$ref")
        if old_ref is None and new_ref is None:
            self.schema_body(old, new, loc, sides, seen)
            return
        if old_ref == new_ref:
            return  # the named schema is compared once, under its own name
        detail = f"{_describe(old)} -> {_describe(new)}"
        self.emit_sided(
            ChangeKind.REF_CHANGED, loc, detail, sides, on_request=True, on_response=True
        )
        pair = (str(old_ref), str(new_ref))
        if pair not in seen:
            old_target = _target(self.old, old, "old")
            new_target = _target(self.new, new, "new")
            self.schema(old_target, new_target, loc, sides, seen | {pair})

    def default(self, old: Json, new: Json, loc: _Loc, sides: frozenset[str]) -> None:
        before, after = old.get("default"), new.get("default")
        if ("default" in old, _canon(before)) == ("default" in new, _canon(after)):
            return
        if "default" not in old:
            kind, detail = ChangeKind.DEFAULT_ADDED, f"default {_show(after)} added"
        elif "default" not in new:
            kind = ChangeKind.DEFAULT_REMOVED
            detail = f"default {_show(before)} dropped (the server decides when omitted)"
        else:
            kind, detail = ChangeKind.DEFAULT_CHANGED, f"default {_show(before)} -> {_show(after)}"
        self.emit_sided(kind, loc, detail, sides, on_request=False, on_response=False)

    def keywords(self, old: Json, new: Json, loc: _Loc, sides: frozenset[str]) -> None:
        for key in sorted((old.keys() | new.keys()) - _HANDLED):
            before, after = old.get(key), new.get(key)
            if _canon(before) == _canon(after):
                continue
            breaking = key != "deprecated"
            detail = f"{key} {_show(before)} -> {_show(after)}"
            self.emit_sided(
                ChangeKind.KEYWORD_CHANGED,
                loc,
                detail,
                sides,
                on_request=breaking,
                on_response=breaking,
            )

    def schema_body(
        self,
        old: Json,
        new: Json,
        loc: _Loc,
        sides: frozenset[str],
        seen: frozenset[tuple[str, str]],
    ) -> None:
        old_types, new_types = _types(old), _types(new)
        if old_types != new_types:
            detail = f"type {_type_word(old_types)} -> {_type_word(new_types)}"
            self.emit_sided(
                ChangeKind.TYPE_CHANGED, loc, detail, sides, on_request=True, on_response=True
            )
            return
        if old.get("format") != new.get("format"):
            detail = f"format {old.get('format', 'none')} -> {new.get('format', 'none')}"
            self.emit_sided(
                ChangeKind.FORMAT_CHANGED, loc, detail, sides, on_request=True, on_response=True
            )
        self.enum(old, new, loc, sides)
        self.bounds(old, new, loc, sides)
        self.properties(old, new, loc, sides, seen)
        self.additional(old, new, loc, sides, seen)
        if "items" in old or "items" in new:
            self.schema(old.get("items"), new.get("items"), loc.child("[]"), sides, seen)
        for key in _COMPOSITIONS:
            self.variants(key, old.get(key), new.get(key), loc, sides, seen)

    def enum(self, old: Json, new: Json, loc: _Loc, sides: frozenset[str]) -> None:
        before, after = _enum(old), _enum(new)
        if before is None and after is None:
            return
        if before is None or after is None:
            detail = "restricted to an enum" if after is not None else "no longer an enum"
            self.emit_sided(
                ChangeKind.ENUM_CHANGED, loc, detail, sides, on_request=True, on_response=True
            )
            return
        note = "; on a response: closed-enum clients must tolerate it (ours do)"
        for key, value in after.items():
            if key not in before:
                detail = f"value {_show(value)} added" + (note if RESPONSE in sides else "")
                self.emit_sided(
                    ChangeKind.ENUM_VALUE_ADDED,
                    loc,
                    detail,
                    sides,
                    on_request=False,
                    on_response=False,
                )
        for key, value in before.items():
            if key not in after:
                self.emit_sided(
                    ChangeKind.ENUM_VALUE_REMOVED,
                    loc,
                    f"value {_show(value)} removed",
                    sides,
                    on_request=True,
                    on_response=False,
                )

    def bounds(self, old: Json, new: Json, loc: _Loc, sides: frozenset[str]) -> None:
        for key in (*_LOWER_BOUNDS, *_UPPER_BOUNDS, "pattern"):
            before, after = old.get(key), new.get(key)
            if _canon(before) == _canon(after):
                continue
            tighter, looser = _tightening(key, before, after)
            detail = f"{key} {_show(before)} -> {_show(after)}"
            self.emit_sided(
                ChangeKind.BOUND_CHANGED,
                loc,
                detail,
                sides,
                on_request=tighter,
                on_response=looser,
            )

    def properties(
        self,
        old: Json,
        new: Json,
        loc: _Loc,
        sides: frozenset[str],
        seen: frozenset[tuple[str, str]],
    ) -> None:
        before = _mapping(old.get("properties"), f"{loc} properties")
        after = _mapping(new.get("properties"), f"{loc} properties")
        old_required = set(old.get("required") or ())
        new_required = set(new.get("required") or ())
        for name in sorted(before.keys() | after.keys()):
            floc = loc.child(f".{name}")
            if name not in before:
                required = name in new_required
                detail = f"{_required_word(required)} field added ({_describe(after[name])})"
                self.emit_sided(
                    ChangeKind.FIELD_ADDED,
                    floc,
                    detail,
                    sides,
                    on_request=required,
                    on_response=False,
                )
            elif name not in after:
                detail = f"field removed (was {_describe(before[name])})"
                self.emit_sided(
                    ChangeKind.FIELD_REMOVED, floc, detail, sides, on_request=True, on_response=True
                )
            else:
                was, now = name in old_required, name in new_required
                if was != now:
                    detail = f"{_required_word(was)} -> {_required_word(now)}"
                    self.emit_sided(
                        ChangeKind.FIELD_REQUIRED_CHANGED,
                        floc,
                        detail,
                        sides,
                        on_request=now,
                        on_response=was,
                    )
                self.schema(before[name], after[name], floc, sides, seen)

    def additional(
        self,
        old: Json,
        new: Json,
        loc: _Loc,
        sides: frozenset[str],
        seen: frozenset[tuple[str, str]],
    ) -> None:
        before, after = old.get("additionalProperties"), new.get("additionalProperties")
        if isinstance(before, Mapping) and isinstance(after, Mapping):
            self.schema(before, after, loc.child("{}"), sides, seen)
            return
        old_rank, new_rank = _openness(before), _openness(after)
        if old_rank == new_rank:
            return
        detail = f"additionalProperties {_openness_word(before)} -> {_openness_word(after)}"
        self.emit_sided(
            ChangeKind.ADDITIONAL_PROPERTIES_CHANGED,
            loc,
            detail,
            sides,
            on_request=new_rank < old_rank,
            on_response=new_rank > old_rank,
        )

    def variants(
        self,
        key: str,
        old_raw: Any,
        new_raw: Any,
        loc: _Loc,
        sides: frozenset[str],
        seen: frozenset[tuple[str, str]],
    ) -> None:
        if not old_raw and not new_raw:
            return
        before, after = _variants(old_raw or ()), _variants(new_raw or ())
        # anyOf/oneOf: a new variant widens; allOf: a new member narrows.
        widen = key != "allOf"
        for name in sorted(before.keys() | after.keys()):
            vloc = loc.child(f"<{name}>")
            if name not in before:
                self.emit_sided(
                    ChangeKind.VARIANT_ADDED,
                    vloc,
                    f"{key} member added",
                    sides,
                    on_request=not widen,
                    on_response=widen,
                )
            elif name not in after:
                self.emit_sided(
                    ChangeKind.VARIANT_REMOVED,
                    vloc,
                    f"{key} member removed",
                    sides,
                    on_request=widen,
                    on_response=not widen,
                )
            else:
                self.schema(before[name], after[name], vloc, sides, seen)


# -- document helpers -----------------------------------------------------------------------


def _mapping(value: Any, where: object) -> Json:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise SpecError(f"{where}: expected an object, got {type(value).__name__}")
    return value


def _components(spec: Json, section: str) -> Json:
    components = _mapping(spec.get("components"), "components")
    return _mapping(components.get(section), f"components.{section}")


def _pointer(spec: Json, ref: str) -> Any:
    if not ref.startswith("#/"):
        raise SpecError(f"unsupported $ref {ref!r} (only local references are followed)")
    node: Any = spec
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, Mapping) or part not in node:
            raise SpecError(f"unresolvable $ref {ref!r}")
        node = node[part]
    return node


def _resolve(spec: Json, value: Any) -> Json:
    """Follow ``$ref`` chains; sibling keys of a reference win over the target's."""
    node = _mapping(value, "reference")
    hops = 0
    while isinstance(node.get("$ref"), str):
        hops += 1
        if hops > 50:
            raise SpecError(f"$ref cycle at {node['$ref']!r}")
        target = _mapping(_pointer(spec, node["$ref"]), node["$ref"])
        siblings = {key: val for key, val in node.items() if key != "$ref"}
        node = {**target, **siblings}
    return node


def _target(spec: Json, node: Json, label: str) -> Json:
    if "$ref" not in node:
        return node
    try:
        return _resolve(spec, node)
    except SpecError as exc:
        raise SpecError(f"{label} spec: {exc}") from None


def _template(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


def _operations(spec: Json) -> dict[tuple[str, str], _Operation]:
    found: dict[tuple[str, str], _Operation] = {}
    for path, raw_item in _mapping(spec.get("paths"), "paths").items():
        item = _resolve(spec, raw_item)
        shared = _parameters(spec, item.get("parameters"), path)
        for method in _METHODS:
            body = item.get(method)
            if not isinstance(body, Mapping):
                continue
            params = {**shared, **_parameters(spec, body.get("parameters"), path)}
            found[(_template(path), method)] = _Operation(method, path, body, params)
    return found


def _parameters(spec: Json, raw: Any, where: str) -> dict[tuple[str, str], Json]:
    if raw is None:
        return {}
    if not isinstance(raw, list):
        raise SpecError(f"{where}: parameters must be a list")
    params = (_resolve(spec, item) for item in raw)
    return {(str(p.get("in")), str(p.get("name"))): p for p in params}


def _param_required(param: Json) -> bool:
    return bool(param.get("required")) or param.get("in") == "path"


def _security(spec: Json, operation: Json) -> str:
    requirements = operation.get("security", spec.get("security")) or []
    return ", ".join(sorted(" & ".join(sorted(req)) or "anonymous" for req in requirements))


def _usage(spec: Json) -> dict[str, frozenset[str]]:
    """Which side (request/response) each component schema is reachable from."""
    schemas = _components(spec, "schemas")
    usage: dict[str, frozenset[str]] = {}
    for op in _operations(spec).values():
        roots: list[tuple[str, Any]] = [(REQUEST, p.get("schema")) for p in op.parameters.values()]
        if op.body.get("requestBody") is not None:
            body = _resolve(spec, op.body["requestBody"])
            roots += [(REQUEST, m) for m in _mapping(body.get("content"), op.label).values()]
        for raw in _mapping(op.body.get("responses"), op.label).values():
            content = _mapping(_resolve(spec, raw).get("content"), op.label)
            roots += [(RESPONSE, media) for media in content.values()]
        for side, root in roots:
            for name in _reachable(schemas, root):
                usage[name] = usage.get(name, frozenset()) | {side}
    return usage


def _reachable(schemas: Json, root: Any) -> set[str]:
    prefix = "#/components/schemas/"
    names: set[str] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(prefix):
                name = ref[len(prefix) :]
                if name not in names and name in schemas:
                    names.add(name)
                    stack.append(schemas[name])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return names


# -- schema helpers -------------------------------------------------------------------------


def _strip(node: Json) -> dict[str, Any]:
    return {k: v for k, v in node.items() if k not in _WORDING and not k.startswith("x-")}


def _is_null(schema: Any) -> bool:
    if not isinstance(schema, Mapping):
        return False
    node = _strip(schema)
    return node == {"type": "null"} or node == {"const": None} or node == {"enum": [None]}


def _normalize(schema: Any) -> tuple[dict[str, Any], bool]:
    """Drop wording, fold every spelling of "or null" into a flag, unwrap single members."""
    if schema is None or schema is True:
        return {}, False
    if schema is False:
        return {"not": {}}, False
    if not isinstance(schema, Mapping):
        raise SpecError(f"expected a schema object, got {schema!r}")
    node = _strip(schema)
    nullable = bool(node.pop("nullable", False))
    kinds = node.get("type")
    if isinstance(kinds, list) and "null" in kinds and len(kinds) > 1:
        nullable = True
        rest = [kind for kind in kinds if kind != "null"]
        node["type"] = rest[0] if len(rest) == 1 else rest
    if node.get("additionalProperties") in (True, {}):
        del node["additionalProperties"]
    for key in _COMPOSITIONS:
        members = node.get(key)
        if not isinstance(members, list):
            continue
        rest = [member for member in members if not _is_null(member)]
        if key != "allOf" and len(rest) < len(members):
            nullable = True
        if len(rest) == 1 and isinstance(rest[0], Mapping):
            del node[key]
            inner, inner_null = _normalize(rest[0])
            node = {**node, **inner}
            nullable = nullable or inner_null
        else:
            node[key] = rest
    return node, nullable


def _types(node: Json) -> frozenset[str]:
    kinds = node.get("type")
    if isinstance(kinds, str):
        return frozenset({kinds})
    if isinstance(kinds, list):
        return frozenset(str(kind) for kind in kinds)
    if "properties" in node or "additionalProperties" in node:
        return frozenset({"object"})
    if "items" in node:
        return frozenset({"array"})
    return frozenset()


def _type_word(kinds: frozenset[str]) -> str:
    return "|".join(sorted(kinds)) or "any"


def _describe(schema: Any) -> str:
    """A short type expression such as ``array<string>|null`` or ``LLMModel``."""
    node, nullable = _normalize(schema)
    ref = node.get("$ref")
    kinds = _types(node)
    if isinstance(ref, str):
        text = ref.rsplit("/", 1)[-1]
    elif "array" in kinds:
        text = f"array<{_describe(node.get('items'))}>"
    elif isinstance(node.get("additionalProperties"), Mapping) and not node.get("properties"):
        text = f"map<{_describe(node['additionalProperties'])}>"
    elif kinds:
        text = _type_word(kinds) + (f"({node['format']})" if "format" in node else "")
    elif node.get("anyOf") or node.get("oneOf"):
        text = "|".join(_describe(m) for m in node.get("anyOf") or node.get("oneOf") or ())
    else:
        text = "any"
    if "enum" in node:
        text += " enum"
    return f"{text}|null" if nullable else text


def _enum(node: Json) -> dict[str, Any] | None:
    if "enum" in node:
        values = node["enum"]
    elif "const" in node:
        values = [node["const"]]
    else:
        return None
    return {_canon(value): value for value in values if value is not None}


def _tightening(key: str, before: Any, after: Any) -> tuple[bool, bool]:
    """(tighter, looser) for a bound keyword changing from ``before`` to ``after``."""
    if before is None:
        return True, False
    if after is None:
        return False, True
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (before, after))
    if key == "pattern" or not numbers:
        return True, True
    raised = after > before
    return (raised, not raised) if key in _LOWER_BOUNDS else (not raised, raised)


def _openness(value: Any) -> int:
    if value is None:
        return 2
    return 1 if isinstance(value, Mapping) else 0


def _openness_word(value: Any) -> str:
    return ("closed", "typed", "open")[_openness(value)]


def _variants(members: Iterable[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for member in members:
        name = _describe(member)
        key, count = name, 1
        while key in found:
            count += 1
            key = f"{name}#{count}"
        found[key] = member
    return found


def _canon(value: Any) -> str:
    return json.dumps(_integral(value), sort_keys=True)


def _integral(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Mapping):
        return {key: _integral(val) for key, val in value.items()}
    if isinstance(value, list):
        return [_integral(item) for item in value]
    return value


def _show(value: Any) -> str:
    return "none" if value is None else json.dumps(_integral(value))


def _required_word(required: bool) -> str:
    return "required" if required else "optional"


# -- rendering and CLI ----------------------------------------------------------------------


def render_text(report: Report) -> str:
    """A human report, breaking first, grouped by change kind."""
    if not report.breaking and not report.non_breaking:
        return "No structural changes."
    lines: list[str] = []
    for title, changes in (("BREAKING", report.breaking), ("NON-BREAKING", report.non_breaking)):
        lines.append(f"{title} ({len(changes)})")
        kind: ChangeKind | None = None
        for change in changes:
            if change.kind != kind:
                kind = change.kind
                count = sum(1 for c in changes if c.kind == kind)
                lines.append(f"  {kind.value} ({count})")
            side = f" [{change.side}]" if change.side else ""
            lines.append(f"    {change.location}{side}: {change.detail}")
        lines.append("")
    lines.append(f"{len(report.breaking)} breaking, {len(report.non_breaking)} non-breaking")
    return "\n".join(lines)


def render_json(report: Report) -> str:
    """A machine-readable report."""
    payload = {
        "breaking": [asdict(change) for change in report.breaking],
        "non_breaking": [asdict(change) for change in report.non_breaking],
        "counts": {"breaking": len(report.breaking), "non_breaking": len(report.non_breaking)},
    }
    return json.dumps(payload, indent=2)


def load_spec(path: Path) -> Json:
    """Read an OpenAPI JSON document, raising :class:`SpecError` with a clear message."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"{path}: cannot read ({exc})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise SpecError(f"{path}: not valid JSON ({exc.msg} at {where})") from None
    if not isinstance(document, dict) or "openapi" not in document:
        raise SpecError(f"{path}: not an OpenAPI document (no top-level 'openapi' field)")
    try:
        _Differ(document, document).run()  # reads every part a comparison reads
    except SpecError as exc:
        raise SpecError(f"{path}: {exc}") from None
    return document


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="spec_diff.py",
        description="Structural OpenAPI diff, classified as breaking or non-breaking.",
    )
    parser.add_argument("old", type=Path, help="the previous spec (JSON)")
    parser.add_argument("new", type=Path, help="the candidate spec (JSON)")
    parser.add_argument("--json", action="store_true", help="print a machine-readable report")
    parser.add_argument(
        "--allow-breaking", action="store_true", help="exit 0 even when something breaks"
    )
    args = parser.parse_args(argv)
    try:
        report = diff_specs(load_spec(args.old), load_spec(args.new))
    except SpecError as exc:
        print(f"spec_diff.py: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(render_json(report))
    else:
        print(f"{args.old} -> {args.new}")
        print(render_text(report))
    return 1 if report.breaking and not args.allow_breaking else 0


if __name__ == "__main__":
    sys.exit(main())
