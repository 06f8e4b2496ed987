"""Write the wrapper's spec-derived modules from `openapi.json` (run by `nox -s regen`).

The wrapper's enums, result types (with their parsers) and task options are not written by
hand: this script reads the spec and writes

* ``wrapper/browser_use_cloud/_spec_models.py``: the open enums and the frozen result
  classes, with a fast parser per class (``None`` for absent fields, ``raw`` kept);
* ``wrapper/browser_use_cloud/_spec_options.py``: a TypedDict per request the wrapper sends
  (so a type checker sees every option of ``tasks.create(**options)``), plus the spec's
  property schemas that the wrapper's input checks interpret.

What only a person can decide is declared once below: which schema backs which public
name, which request fields a method takes as explicit parameters, and which it leaves out.
A new optional field, response field or enum value needs no edit here.

Command line::

    python scripts/derive_surface.py openapi.json --out wrapper/browser_use_cloud
"""

from __future__ import annotations

import argparse
import json
import keyword
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
JSON = dict[str, Any]
LINE_LENGTH = 100

# Public enum -> spec schema.
ENUMS = {
    "TaskStatus": "TaskStatusEnum",
    "LLMModel": "LLMModel",
    "ProxyCountryCode": "ProxyCountryCode",
    "ScheduleType": "ScheduleType",
}
# Hand-written behaviour layered on a derived enum (classes of `_model_base`).
ENUM_CONVENIENCES = {"TaskStatus": "TaskStatusConveniences"}

# Public result type -> spec schema, in dependency order (nested types first).
RESULTS = {
    "TaskStep": "TaskStepResponse",
    "BrowserData": "TaskBrowserDataResponse",
    "Task": "TaskResponse",
    "TaskSummary": "TaskSimpleResponse",
    "TaskMedia": "TaskMediaResponse",
    "ScheduledTask": "ScheduledTaskResponse",
    "BrowserProfile": "GetBrowserProfileResponse",
    "UrlContent": "UrlResponse",
}
# Response fields the service's documentation shows but openapi.json lacks (REPORT: the
# docs show `metadata` on scheduled tasks); kept as optional attributes. Once the spec has
# one, the spec's definition wins and the parity test asks to delete the entry here.
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


@dataclass(frozen=True)
class Options:
    """A TypedDict of a request's fields that a method takes as `**options`."""

    schema: str
    explicit: tuple[str, ...]  # fields the method takes as its own parameters
    left_out: tuple[str, ...] = ()  # fields the method does not offer (a decision)
    doc: str = ""


OPTIONS = {
    "TaskOptions": Options(
        "RunTaskRequest",
        explicit=("task",),
        doc="Optional settings of `tasks.create()` and `tasks.run()`; only those given "
        "are sent (None leaves one out).",
    ),
    "ScheduledTaskOptions": Options(
        "ScheduledTaskRequest",
        explicit=(
            "task",
            "schedule_type",
            "interval_minutes",
            "cron_expression",
            "start_at",
            "end_at",
        ),
        left_out=("secrets",),  # scheduled runs do not support secrets
        doc="Optional run settings of `scheduled_tasks.create()`; only those given are sent.",
    ),
    "ScheduledTaskChanges": Options(
        "UpdateScheduledTaskRequest",
        explicit=("schedule_type", "interval_minutes", "cron_expression", "start_at", "end_at"),
        doc="Fields `scheduled_tasks.update()` can change; None leaves a field as it is.",
    ),
}
WRAPPER_OPTIONS = {
    "allow_unknown": (
        "bool",
        "Send enum values the spec does not list (a newer model or country) on purpose.",
    )
}

HEADER = '''"""{doc}

GENERATED from openapi.json by scripts/derive_surface.py (`nox -s regen`); do not edit.
"""
'''


class Spec:
    def __init__(self, document: JSON) -> None:
        self.schemas: dict[str, JSON] = document["components"]["schemas"]
        self.paths: JSON = document.get("paths", {})

    def resolve(self, schema: JSON) -> tuple[str | None, JSON]:
        """(schema name or None, schema) after following one `$ref`."""
        ref = schema.get("$ref")
        if ref is None:
            return None, schema
        name = ref.rsplit("/", 1)[-1]
        return name, self.schemas[name]

    def object(self, name: str) -> JSON:
        schema = self.schemas.get(name)
        if schema is None or ("properties" not in schema and schema.get("type") != "object"):
            raise SystemExit(f"derive_surface: schema {name} is not an object schema of the spec")
        return schema


def split_null(schema: JSON) -> tuple[JSON, bool]:
    """(the non-null schema, whether null is allowed)."""
    branches = schema.get("anyOf")
    if not branches:
        return schema, False
    real = [b for b in branches if b.get("type") != "null"]
    if len(real) == 1:
        return {**{k: v for k, v in schema.items() if k != "anyOf"}, **real[0]}, len(real) < len(
            branches
        )
    return schema, len(real) < len(branches)


def members(enum: str) -> str:
    """Name of the module constant holding `enum`'s value -> member map (a fast lookup)."""
    return f"_{enum.upper()}_MEMBERS"


def member_name(value: str) -> str:
    name = re.sub(r"\W", "_", value.upper())
    if not name or name[0].isdigit() or keyword.iskeyword(name):
        name = "V_" + name
    return name


def clean(text: str | None, fallback: str) -> str:
    """One line of prose, safe inside a docstring."""
    return " ".join((text or fallback).split()).replace('"""', "'''").replace("\\", "/")


def docstring(text: str, indent: int) -> list[str]:
    """`text` as docstring lines (with quotes) that fit the line length at `indent`."""
    pad = " " * indent
    lines = textwrap.wrap(text, width=LINE_LENGTH - indent - 3)
    if len(lines) == 1:
        return [f'{pad}"""{lines[0]}"""']
    return [f'{pad}"""{lines[0]}', *(f"{pad}{line}" for line in lines[1:]), f'{pad}"""']


# -- result types -------------------------------------------------------------------------

ENUM_BY_SCHEMA = {schema: public for public, schema in ENUMS.items()}
RESULT_BY_SCHEMA = {schema: public for public, schema in RESULTS.items()}


@dataclass(frozen=True)
class Field:
    name: str
    annotation: str
    convert: str | None  # expression template on `{v}`, None: taken as decoded
    required: bool
    nullable: bool

    @property
    def optional(self) -> bool:
        return self.nullable or not self.required


def result_type(spec: Spec, schema: JSON) -> tuple[str, str | None]:
    """(annotation, conversion template or None) of a response value."""
    schema, _ = split_null(schema)
    if "anyOf" in schema:
        return "Any", None
    ref, target = spec.resolve(schema)
    if ref is not None and ref in ENUM_BY_SCHEMA:
        enum = ENUM_BY_SCHEMA[ref]
        return enum, f"{members(enum)}.get({{v}}) or {enum}({{v}})"
    if ref is not None and ref in RESULT_BY_SCHEMA:
        result = RESULT_BY_SCHEMA[ref]
        return result, f"parse_{snake(result)}({{v}})"
    if "enum" in target:
        return "str", None
    kind = target.get("type")
    if kind == "string":
        if target.get("format") == "date-time":
            return "_dt.datetime", "parse_datetime({v})"
        return "str", None
    if kind in ("integer", "number", "boolean"):
        return {"integer": "int", "number": "float", "boolean": "bool"}[kind], None
    if kind == "array":
        items = target.get("items", {})
        item, convert = result_type(spec, items)
        flat = flat_public(spec, items)
        if flat is not None:
            fields = f"_{snake(flat).upper()}_FIELDS"
            return f"tuple[{item}, ...]", f"flat_results({flat}, {fields}, {{v}})"
        if convert is None:
            return f"tuple[{item}, ...]", "tuple({v})"
        return f"tuple[{item}, ...]", "tuple([" + convert.format(v="_i") + " for _i in {v}])"
    if kind == "object" or "properties" in target:
        values = target.get("additionalProperties")
        if isinstance(values, dict) and values.get("type") == "string":
            return "Mapping[str, str]", None
        return "Mapping[str, Any]", None
    return "Any", None


def flat_public(spec: Spec, schema: JSON) -> str | None:
    """The public name of `schema`'s result type if its fields need no conversion."""
    ref, _ = spec.resolve(schema)
    public = RESULT_BY_SCHEMA.get(ref or "")
    if public is None:
        return None
    fields = result_fields(spec, RESULTS[public])
    return public if all(f.convert is None for f in fields) else None


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def result_fields(spec: Spec, schema_name: str) -> list[Field]:
    schema = spec.object(schema_name)
    required = set(schema.get("required", ()))
    properties = {**schema.get("properties", {})}
    for name, prop in DOCUMENTED_RESPONSE_FIELDS.get(schema_name, {}).items():
        properties.setdefault(name, prop)
    fields = []
    for name, prop in properties.items():
        if not name.isidentifier() or keyword.iskeyword(name) or name == "raw":
            raise SystemExit(f"derive_surface: {schema_name}.{name} is not usable as an attribute")
        annotation, convert = result_type(spec, prop)
        _, nullable = split_null(prop)
        fields.append(Field(name, annotation, convert, name in required, nullable))
    return fields


def render_enum(spec: Spec, public: str, schema_name: str) -> str:
    schema = spec.schemas[schema_name]
    values = schema.get("enum")
    if not values or not all(isinstance(v, str) for v in values):
        raise SystemExit(f"derive_surface: {schema_name} is not a string enum")
    bases = "OpenStrEnum"
    if public in ENUM_CONVENIENCES:
        bases = f"{ENUM_CONVENIENCES[public]}, OpenStrEnum"
    lines = [f"class {public}({bases}):"]
    lines += docstring(clean(schema.get("description"), public), 4)
    lines.append("")
    lines += [f"    {member_name(v)} = {json.dumps(v)}" for v in values]
    lines += ["", "", f"{members(public)} = {{member.value: member for member in {public}}}"]
    return "\n".join(lines)


def render_result(spec: Spec, public: str, schema_name: str) -> str:
    schema = spec.object(schema_name)
    fields = result_fields(spec, schema_name)
    flat = all(f.convert is None for f in fields)
    lines = ["@attrs.frozen(kw_only=True, slots=False)"]
    bases = "ResultBase, JsonResult" if flat else "JsonResult"
    lines.append(f"class {public}({bases}):")
    lines += docstring(clean(schema.get("description"), public), 4)
    lines.append("")
    for f in fields:
        if f.optional:
            lines.append(f"    {f.name}: {f.annotation} | None = None")
        else:
            lines.append(f"    {f.name}: {f.annotation}")
    if not flat:
        lines.append("    raw: Mapping[str, Any] | None = RAW")
    func = f"parse_{snake(public)}"
    lines += [
        "",
        "    @classmethod",
        f"    def from_dict(cls, d: Mapping[str, Any]) -> {public}:",
        f'        """A {public} from its JSON object (as sent by the API or `to_dict()`)."""',
        f"        return read_result(cls, {func}, d)",
        "",
        "",
    ]
    if flat:
        names = tuple(f.name for f in fields)
        lines.append(f"_{snake(public).upper()}_FIELDS = frozenset({names!r})")
        lines += ["", ""]
        lines.append(f"def {func}(d: dict[str, Any]) -> {public}:")
        text = f"A {public}; `d` (fresh from the JSON decoder) is its attribute dict if it "
        lines += docstring(text + "holds exactly its fields (no copy).", 4)
        lines.append(f"    return flat_result({public}, _{snake(public).upper()}_FIELDS, d)")
        return "\n".join(lines)
    lines.append(f"def {func}(d: Mapping[str, Any]) -> {public}:")
    lines.append(f'    """A {public} from its decoded JSON object."""')
    if any(not f.required for f in fields):
        lines.append("    get = d.get")
    values = []
    for f in fields:
        source = f'd["{f.name}"]' if f.required else f'get("{f.name}")'
        if f.convert is None:
            values.append(f'"{f.name}": {source},')
            continue
        if f.optional:
            lines.append(f"    {f.name} = {source}")
            converted = f.convert.format(v=f.name)
            values.append(f'"{f.name}": None if {f.name} is None else {converted},')
        else:
            values.append(f'"{f.name}": {f.convert.format(v=source)},')
    lines.append(f"    result = _new({public})")
    lines.append("    _setattr(result, '__dict__', {" + " ".join(values) + ' "raw": d})')
    lines.append("    return result")
    return "\n".join(lines)


def render_models(spec: Spec) -> str:
    parts = [
        HEADER.format(doc="The public enums and result types, derived from the spec's schemas."),
        "from __future__ import annotations",
        "",
        "import datetime as _dt",
        "from collections.abc import Mapping",
        "from typing import Any",
        "",
        "import attrs",
        "",
        "from ._model_base import (",
        "    RAW,",
        "    OpenStrEnum,",
        "    ResultBase,",
        *sorted({f"    {name}," for name in ENUM_CONVENIENCES.values()}),
        "    flat_result,",
        "    flat_results,",
        "    parse_datetime,",
        ")",
        "from ._result_json import JsonResult, read_result",
        "",
        "# The parsers fill `__dict__` in one step: several times cheaper than `__init__`.",
        "_new = object.__new__",
        "_setattr = object.__setattr__",
        "",
    ]
    for public, schema_name in ENUMS.items():
        parts += ["", render_enum(spec, public, schema_name), ""]
    for public, schema_name in RESULTS.items():
        parts += ["", render_result(spec, public, schema_name), ""]
    return "\n".join(parts) + "\n"


# -- request options ----------------------------------------------------------------------


def input_type(spec: Spec, schema: JSON) -> str:
    """Annotation of a value a caller passes for `schema`."""
    schema, nullable = split_null(schema)
    suffix = " | None" if nullable else ""
    if "anyOf" in schema:
        return "Any"
    _, target = spec.resolve(schema)
    if "enum" in target:
        return "str" + suffix
    kind = target.get("type")
    if kind == "string":
        base = "_dt.datetime | str" if target.get("format") == "date-time" else "str"
    elif kind in ("integer", "number", "boolean"):
        base = {"integer": "int", "number": "float", "boolean": "bool"}[kind]
    elif kind == "array":
        base = f"Sequence[{input_type(spec, target.get('items', {})).removesuffix(' | None')}]"
    elif kind == "object" or "properties" in target:
        values = target.get("additionalProperties")
        string_values = isinstance(values, dict) and values.get("type") == "string"
        base = "Mapping[str, str]" if string_values else "Mapping[str, Any]"
    else:
        return "Any"
    return base + suffix


def check_schema(spec: Spec, schema: JSON) -> JSON:
    """The parts of a property schema the wrapper's input checks read: type, enum (by
    public enum name), bounds, items and map values; null is allowed everywhere (None
    means "not sent")."""
    schema, _ = split_null(schema)
    ref, target = spec.resolve(schema)
    if "anyOf" in target:
        return {}
    out: JSON = {}
    if "enum" in target:
        out["enum"] = ENUM_BY_SCHEMA.get(ref or "") or list(target["enum"])
        return out
    for key in ("type", "format", "minimum", "maximum", "minLength", "maxLength"):
        if key in target:
            out[key] = target[key]
    if target.get("type") == "array":
        out["items"] = check_schema(spec, target.get("items", {}))
    values = target.get("additionalProperties")
    if isinstance(values, dict):
        out["values"] = check_schema(spec, values)
    return out


def render_options(spec: Spec) -> str:
    parts = [
        HEADER.format(
            doc="Request options of the wrapper's methods, derived from the spec's request schemas."
        ),
        "from __future__ import annotations",
        "",
        "import datetime as _dt",
        "from collections.abc import Mapping, Sequence",
        "from typing import Any, TypedDict",
        "",
    ]
    offered_by: dict[str, tuple[str, list[str]]] = {}
    for public, options in OPTIONS.items():
        schema = spec.object(options.schema)
        props: JSON = schema.get("properties", {})
        for name in (*options.explicit, *options.left_out):
            if name not in props:
                raise SystemExit(f"derive_surface: {options.schema} has no field {name!r}")
        offered = [n for n in props if n not in options.explicit and n not in options.left_out]
        items = [
            (name, clean(props[name].get("description"), "(no description in the spec)"))
            for name in offered
        ]
        items += [(name, text) for name, (_, text) in WRAPPER_OPTIONS.items()]
        lines = ["", f"class {public}(TypedDict, total=False):"]
        lines += _option_doc(options.doc, items)
        lines.append("")
        for name in offered:
            lines.append(f"    {name}: {input_type(spec, props[name])}")
        for name, (annotation, _) in WRAPPER_OPTIONS.items():
            lines.append(f"    {name}: {annotation}")
        parts += [*lines, ""]
        offered_by[public] = (options.schema, offered)
    fields = {
        name: {field: check_schema(spec, prop) for field, prop in schema["properties"].items()}
        for name, schema in spec.schemas.items()
        if name in request_schemas(spec.paths)
    }
    parts += ["", "# Request schema -> field -> the parts of its schema the input checks read."]
    parts.append(f"REQUEST_FIELDS: dict[str, dict[str, dict[str, Any]]] = {fields!r}")
    parts.append("# TypedDict -> (its request schema, the fields it offers).")
    parts.append(f"OPTIONS: dict[str, tuple[str, tuple[str, ...]]] = {_tuples(offered_by)!r}")
    parts.append(f"WRAPPER_OPTIONS = {tuple(WRAPPER_OPTIONS)!r}")
    return "\n".join(parts) + "\n"


def request_schemas(paths: JSON) -> list[str]:
    """Names of the schemas that operations take as JSON bodies, in document order."""
    names = []
    for item in paths.values():
        for op in item.values():
            if not isinstance(op, dict):
                continue
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            ref = body.get("schema", {}).get("$ref")
            if ref is not None and ref.rsplit("/", 1)[-1] not in names:
                names.append(ref.rsplit("/", 1)[-1])
    return names


def _tuples(offered_by: dict[str, tuple[str, list[str]]]) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {public: (schema, tuple(names)) for public, (schema, names) in offered_by.items()}


def _option_doc(summary: str, items: list[tuple[str, str]]) -> list[str]:
    """A TypedDict docstring: the summary, then one wrapped bullet per option."""
    width = LINE_LENGTH - 4
    lines = textwrap.wrap(summary, width=width - 3)
    lines[0] = '"""' + lines[0]
    lines.append("")
    for name, text in items:
        lines += textwrap.wrap(f"- `{name}`: {text}", width=width, subsequent_indent="  ")
    lines.append('"""')
    return ["    " + line if line else "" for line in lines]


# -- main ---------------------------------------------------------------------------------


PACKAGE_DIR = "wrapper/browser_use_cloud"
EXPOSED = "tests/surface/exposed_surface.json"
OUTPUTS = (f"{PACKAGE_DIR}/_spec_models.py", f"{PACKAGE_DIR}/_spec_options.py", EXPOSED)
"""The files this script writes, relative to the repository root."""


def exposed(document: JSON) -> dict[str, dict[str, list[str]]]:
    """The public names derived from `document`: enum values, result fields, options."""
    spec = Spec(document)
    return {
        "enums": {public: list(spec.schemas[name]["enum"]) for public, name in ENUMS.items()},
        "results": {
            public: [f.name for f in result_fields(spec, name)] for public, name in RESULTS.items()
        },
        "options": {
            public: [
                name
                for name in spec.object(options.schema).get("properties", {})
                if name not in options.explicit and name not in options.left_out
            ]
            for public, options in OPTIONS.items()
        },
    }


def record_exposed(document: JSON, previous: Path, out: Path) -> None:
    """Write to `out` every name the wrapper has ever exposed: those recorded in `previous`
    plus those `document` adds. A name the spec no longer has stays recorded, so the parity
    test names it until a person decides and deletes it from the record."""
    old: dict[str, dict[str, list[str]]] = (
        json.loads(previous.read_text(encoding="utf-8")) if previous.is_file() else {}
    )
    merged: dict[str, dict[str, list[str]]] = {}
    for kind, groups in exposed(document).items():
        recorded = old.get(kind, {})
        merged[kind] = {}
        for group in sorted({*groups, *recorded}):
            names = [*recorded.get(group, []), *groups.get(group, [])]
            merged[kind][group] = list(dict.fromkeys(names))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")


def build(root: Path) -> None:
    """Read `<root>/openapi.json`, write `OUTPUTS` under `<root>` (a regen build step);
    the record of exposed names is carried over from the repository's."""
    derive(root / "openapi.json", root / PACKAGE_DIR)
    document = json.loads((root / "openapi.json").read_text(encoding="utf-8"))
    record_exposed(document, ROOT / EXPOSED, root / EXPOSED)


def derive(spec_path: Path, out_dir: Path) -> list[Path]:
    """Write the derived modules into `out_dir`; return their paths."""
    spec = Spec(json.loads(spec_path.read_text(encoding="utf-8")))
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (
        ("_spec_models.py", render_models(spec)),
        ("_spec_options.py", render_options(spec)),
    ):
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    files = [str(path) for path in written]
    _ruff(["check", "--fix", "--select", "F401", "--quiet", *files])  # imports a spec needs
    _ruff(["format", "--quiet", *files])
    return written


def _ruff(args: list[str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--config", str(ROOT / "pyproject.toml")],
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("spec", type=Path, help="the project's openapi.json")
    parser.add_argument("--out", type=Path, default=ROOT / PACKAGE_DIR)
    parser.add_argument(
        "--exposed", type=Path, default=ROOT / EXPOSED, help="where to write the exposed names"
    )
    args = parser.parse_args(argv)
    for path in derive(args.spec, args.out):
        print(f"wrote {path}")
    document = json.loads(args.spec.read_text(encoding="utf-8"))
    record_exposed(document, ROOT / EXPOSED, args.exposed)
    print(f"wrote {args.exposed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
