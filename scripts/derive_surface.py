"""Write the wrapper's spec-derived options from `openapi.json` (run by `nox -s regen`).

The wrapper's enums and result types are the generated package's models: openapi-python-client
names them as `class_overrides` in `openapi-python-client.yaml` says (the schema's class ->
the public name), and `templates/model.py.jinja` shapes them. This script reads the spec and
writes

* ``wrapper/browser_use_cloud/_spec/options.py``: a TypedDict per request the wrapper sends
  (so a type checker sees every option of ``tasks.create(**options)``), and which request
  schema and fields each one stands for (read by the wrapper's task input);
* ``tests/surface/exposed_surface.json``: every name the wrapper has exposed (enum values,
  result fields, options), for the parity test.

What only a person can decide is declared once: the public names (the generator config),
which request fields a method takes as explicit parameters, and which it leaves out (below).
A new optional field, response field or enum value needs no edit here.

Command line::

    python scripts/derive_surface.py openapi.json --out wrapper/browser_use_cloud
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import normalize

ROOT = Path(__file__).resolve().parents[1]
JSON = dict[str, Any]
LINE_LENGTH = 100

CONFIG = ROOT / "openapi-python-client.yaml"
_OVERRIDE = re.compile(r"^\s+(\w+): \{class_name: (\w+), module_name: (\w+)\}\s*$")


def public_names(config: Path = CONFIG) -> dict[str, str]:
    """The generator config's `class_overrides`: public name -> spec schema (its class)."""
    lines = config.read_text(encoding="utf-8").splitlines()
    if "class_overrides:" not in lines:
        raise SystemExit(f"derive_surface: {config.name} has no class_overrides")
    names = {}
    for line in lines[lines.index("class_overrides:") + 1 :]:
        if not line.startswith(" "):
            break
        match = _OVERRIDE.match(line)
        if match is None:
            raise SystemExit(
                f"derive_surface: {config.name}: write each class override on one line as "
                f"'  Schema: {{class_name: Public, module_name: public}}', not {line.strip()!r}"
            )
        names[match.group(2)] = match.group(1)
    return names


def public_types(schemas: JSON, *, enums: bool) -> dict[str, str]:
    """Public enum (or result type) -> spec schema, from the generator config."""
    return {
        public: schema
        for public, schema in public_names().items()
        if ("enum" in schemas.get(schema, {})) == enums
    }


def __getattr__(name: str) -> dict[str, str]:
    """`ENUMS` and `RESULTS` of the committed spec, read when asked for (a bad config then
    fails the build step that reads it, not the import of this module)."""
    if name in ("ENUMS", "RESULTS"):
        document = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
        return public_types(document["components"]["schemas"], enums=name == "ENUMS")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


DOCUMENTED_RESPONSE_FIELDS = normalize.DOCUMENTED_RESPONSE_FIELDS


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


def clean(text: str | None, fallback: str) -> str:
    """One line of prose, safe inside a docstring."""
    return " ".join((text or fallback).split()).replace('"""', "'''").replace("\\", "/")


# -- result types -------------------------------------------------------------------------


def result_fields(spec: Spec, schema_name: str) -> list[str]:
    """The attribute names of a result type: the schema's properties, then the documented
    ones the spec lacks (as the generator sees them, see `normalize.generator_input`)."""
    schema = spec.object(schema_name)
    names = list(schema.get("properties", {}))
    for name in DOCUMENTED_RESPONSE_FIELDS.get(schema_name, {}):
        if name not in names:
            names.append(name)
    return names


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
    parts += ["", "# TypedDict -> (its request schema, the fields it offers)."]
    parts.append(f"OPTIONS: dict[str, tuple[str, tuple[str, ...]]] = {_tuples(offered_by)!r}")
    parts.append(f"WRAPPER_OPTIONS = {tuple(WRAPPER_OPTIONS)!r}")
    return "\n".join(parts) + "\n"


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
OUTPUTS = (f"{PACKAGE_DIR}/_spec/options.py", EXPOSED)
"""The files this script writes, relative to the repository root."""


def exposed(document: JSON) -> dict[str, dict[str, list[str]]]:
    """The public names derived from `document`: enum values, result fields, options."""
    spec = Spec(document)
    return {
        "enums": {
            public: list(spec.schemas[name]["enum"])
            for public, name in public_types(spec.schemas, enums=True).items()
        },
        "results": {
            public: result_fields(spec, name)
            for public, name in public_types(spec.schemas, enums=False).items()
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
    for name, text in (("_spec/options.py", render_options(spec)),):
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
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
