"""The API's operations, read from the packaged openapi.json (pure: no I/O but that read).

One registry for everything that offers operations by name: `client.call`, the MCP
server's tools and the parity test. An operation's name is the generated module's name
(`clean_name`, the rule `scripts/normalize.py` applies before generating); its
arguments are the path and query parameters plus the request body's fields, flat, under
the API's own names. `$ref`s are resolved, so each operation's `input_schema` is a
self-contained JSON Schema object.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from ._exceptions import InputError
from ._schema_check import check_value
from ._validate import check_id

JSON = dict[str, Any]
Location = Literal["path", "query", "body"]
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
_FASTAPI_ID = re.compile(r"^(?P<name>.+?)_api_v1_")
_REF_PREFIX = "#/components/schemas/"


def clean_name(operation_id: str) -> str:
    """FastAPI's default id is ``<function>_api_v1_<path>_<method>``; keep ``<function>``."""
    match = _FASTAPI_ID.match(operation_id)
    return match.group("name") if match else operation_id


def read_packaged_spec() -> str:
    """The text of the openapi.json this package was built from.

    A wheel carries it as `browser_use_cloud/_openapi.json`; an editable install reads the
    repository's `openapi.json`.
    """
    packaged = importlib.resources.files("browser_use_cloud").joinpath("_openapi.json")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parents[2] / "openapi.json").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Argument:
    """One argument of an operation: a path or query parameter, or a body field."""

    name: str
    location: Location
    required: bool
    schema: JSON
    description: str | None


@dataclass(frozen=True)
class Operation:
    """One API operation: how to send it and what it takes."""

    name: str
    method: str  # upper case
    path: str  # as in the spec, e.g. "/api/v1/task/{task_id}"
    tag: str
    description: str
    arguments: tuple[Argument, ...]

    @property
    def reads_only(self) -> bool:
        return self.method == "GET"

    @property
    def idempotent(self) -> bool:
        """Repeating it cannot change the outcome (GET, PUT, DELETE)."""
        return self.method in ("GET", "PUT", "DELETE")

    def input_schema(self) -> JSON:
        """The arguments as one JSON Schema object (the shape MCP tools declare)."""
        schema: JSON = {
            "type": "object",
            "properties": {
                arg.name: _with_description(arg.schema, arg.description) for arg in self.arguments
            },
            "additionalProperties": False,
        }
        required = [arg.name for arg in self.arguments if arg.required]
        if required:
            schema["required"] = required
        return schema

    def signature(self) -> str:
        """`get_task(task_id)`, `list_tasks(page=..., limit=...)`: for error messages."""
        shown = [a.name if a.required else f"{a.name}=..." for a in self.arguments]
        return f"{self.name}({', '.join(shown)})"

    def build_request(self, params: Mapping[str, Any]) -> JSON:
        """The request (method, url, params, json) for `params`; InputError if they are wrong.

        Checks names, required arguments and each value against its schema before anything
        is sent. Values left out are not sent (the service applies its defaults).
        """
        known = {arg.name: arg for arg in self.arguments}
        unknown = sorted(set(params) - set(known))
        if unknown:
            allowed = ", ".join(known) or "no arguments"
            raise InputError(
                f"{self.name} got unexpected argument{'s' if len(unknown) > 1 else ''} "
                f"{', '.join(map(repr, unknown))}; it takes {allowed}: {self.signature()}"
            )
        missing = [arg.name for arg in self.arguments if arg.required and arg.name not in params]
        if missing:
            raise InputError(
                f"{self.name} needs {', '.join(map(repr, missing))}: {self.signature()}"
            )
        path = self.path
        query: JSON = {}
        body: JSON = {}
        for name, value in params.items():
            arg = known[name]
            problem = check_value(value, arg.schema)
            if problem is not None:
                raise InputError(f"{self.name}: {name} {problem}")
            if arg.location == "path":
                segment = quote(check_id(name, str(value)), safe="")
                path = path.replace("{" + name + "}", segment)
            elif arg.location == "query":
                query[name] = value
            else:
                body[name] = value
        request: JSON = {"method": self.method.lower(), "url": path}
        if query:
            request["params"] = query
        if body or any(arg.location == "body" for arg in self.arguments):
            request["json"] = body
        return request


class Operations(Mapping[str, Operation]):
    """The operations of one spec, by name, in document order."""

    def __init__(self, spec: JSON) -> None:
        self._by_name: dict[str, Operation] = {}
        for op in _read_operations(spec):
            if op.name in self._by_name:
                other = self._by_name[op.name]
                raise ValueError(
                    f"{op.method} {op.path} and {other.method} {other.path} are both "
                    f"named {op.name!r}"
                )
            self._by_name[op.name] = op

    def __getitem__(self, name: str) -> Operation:
        return self._by_name[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    def find(self, name: object) -> Operation:
        """The operation called `name`; InputError naming the choices if there is none."""
        if isinstance(name, str) and name in self._by_name:
            return self._by_name[name]
        import difflib

        close = difflib.get_close_matches(str(name), self._by_name, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise InputError(
            f"unknown operation {name!r}.{hint} Operations: {', '.join(sorted(self._by_name))}"
        )


@functools.cache
def operations() -> Operations:
    """The operations of the packaged openapi.json (read once)."""
    return Operations(json.loads(read_packaged_spec()))


def _read_operations(spec: JSON) -> Iterator[Operation]:
    components = spec.get("components", {}).get("schemas", {})
    for path, item in spec.get("paths", {}).items():
        for method, raw in item.items():
            if method not in HTTP_METHODS:
                continue
            name = clean_name(raw["operationId"])
            arguments = [
                Argument(
                    name=p["name"],
                    location=p["in"],
                    required=bool(p.get("required")) or p["in"] == "path",
                    schema=_resolve(p.get("schema", {}), components),
                    description=p.get("description"),
                )
                for p in raw.get("parameters", ())
                if p.get("in") in ("path", "query")
            ]
            arguments.extend(_body_arguments(raw, components, name, {a.name for a in arguments}))
            text = [raw.get(key) for key in ("summary", "description")]
            yield Operation(
                name=name,
                method=method.upper(),
                path=path,
                tag=(raw.get("tags") or ["default"])[0],
                description="\n\n".join(t for t in text if t),
                arguments=tuple(arguments),
            )


def _body_arguments(raw: JSON, components: JSON, name: str, taken: set[str]) -> Iterator[Argument]:
    body = raw.get("requestBody")
    if not body:
        return
    declared = body.get("content", {}).get("application/json", {}).get("schema", {})
    schema = _resolve(declared, components)
    if schema.get("type") != "object" or "properties" not in schema:
        raise ValueError(f"{name}: only JSON object request bodies are supported")
    required = set(schema.get("required", ())) if body.get("required") else set()
    for field, field_schema in schema["properties"].items():
        if field in taken:
            raise ValueError(f"{name}: body field {field!r} has the name of a parameter")
        yield Argument(
            name=field,
            location="body",
            required=field in required,
            schema={k: v for k, v in field_schema.items() if k != "description"},
            description=field_schema.get("description"),
        )


def _resolve(schema: Any, components: JSON, seen: tuple[str, ...] = ()) -> Any:
    """`schema` with every `#/components/schemas/X` replaced by a copy of X."""
    if isinstance(schema, list):
        return [_resolve(item, components, seen) for item in schema]
    if not isinstance(schema, dict):
        return schema
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(_REF_PREFIX):
        target = ref[len(_REF_PREFIX) :]
        if target in seen:
            raise ValueError(f"schema {target!r} refers to itself; cannot inline it")
        resolved = _resolve(components[target], components, (*seen, target))
        extra = {k: v for k, v in schema.items() if k != "$ref"}
        return {**resolved, **extra}
    return {key: _resolve(value, components, seen) for key, value in schema.items()}


def _with_description(schema: JSON, description: str | None) -> JSON:
    return {**schema, "description": description} if description else schema
