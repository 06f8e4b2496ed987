"""The API's operations, read from the generated operation table (pure).

One registry for everything that offers operations by name: `client.call`, the MCP
server's tools, the emulator and the parity test. The table
(`browser_use_cloud_api._operation_table`) is written by `nox -s regen` from openapi.json
with the documented limits merged in; this module only reads it, on first use. An
operation's name is the generated endpoint module's name; its arguments are its path,
query, header and cookie parameters plus its request body's fields, flat, under the API's
own names, each with a self-contained JSON Schema.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast
from urllib.parse import quote

from .._exceptions import InputError
from .._input.arguments import ALLOW_UNKNOWN_HINT, check_argument, refuse_unknown
from .._input.validate import check_id
from .._policies.retry import RetryClass

JSON = dict[str, Any]
Location = Literal["path", "query", "header", "cookie", "body"]
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


@dataclass(frozen=True)
class Argument:
    """One argument of an operation: a path, query, header or cookie parameter, or a body field."""

    name: str
    location: Location
    required: bool
    schema: JSON
    description: str | None


@dataclass(frozen=True)
class Operation:
    """One API operation: how to send it, what it takes and what it answers."""

    name: str
    method: str  # upper case
    path: str  # as in the spec, e.g. "/api/v1/task/{task_id}"
    tag: str
    description: str
    arguments: tuple[Argument, ...]
    retry: RetryClass
    module: str  # the generated endpoint module, e.g. "browser_use_cloud_api.api.tasks.get_task"
    result: str | None  # the component schema of its 200 answer
    operation_id: str = ""
    secured: bool = True
    has_body: bool = False
    body_name: str | None = None  # the component schema of its JSON body
    responses: Mapping[str, JSON | None] | None = None  # status -> resolved schema

    @property
    def reads_only(self) -> bool:
        return self.method == "GET"

    @property
    def idempotent(self) -> bool:
        """Repeating it cannot change the outcome (its retry class says so)."""
        return self.retry == "idempotent"

    def input_schema(self) -> JSON:
        """The arguments as one JSON Schema object (the shape MCP tools declare)."""
        schema: JSON = {
            "type": "object",
            "properties": {
                arg.name: _public(_with_description(arg.schema, arg.description))
                for arg in self.arguments
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

    def build_request(
        self,
        params: Mapping[str, Any],
        *,
        allow_unknown: bool = False,
        unknown_hint: str = ALLOW_UNKNOWN_HINT,
    ) -> JSON:
        """The request (method, url, params, headers, json) for `params`; InputError if wrong.

        Checks names, required arguments and each value with the one argument check
        (`_input/arguments.py`) before anything is sent. Values left out are not sent (the service
        applies its defaults). `allow_unknown`: send enum values the spec does not list;
        else they are refused ending with `unknown_hint` (the caller's way to send one).
        """
        known = {arg.name: arg for arg in self.arguments}
        allowed = ", ".join(known) or "no arguments"
        refuse_unknown(
            self.name, [*set(params) - set(known)], [*known], f"{allowed}: {self.signature()}"
        )
        missing = [arg.name for arg in self.arguments if arg.required and arg.name not in params]
        if missing:
            raise InputError(
                f"{self.name} needs {', '.join(map(repr, missing))}: {self.signature()}"
            )
        path = self.path
        query: JSON = {}
        headers: dict[str, str] = {}
        cookies: list[str] = []
        body: JSON = {}
        for name, value in params.items():
            arg = known[name]
            value = check_argument(
                name, arg.schema, value, allow_unknown, unknown_hint=unknown_hint
            )
            if arg.location == "path":
                segment = quote(check_id(name, str(value)), safe="")
                path = path.replace("{" + name + "}", segment)
            elif arg.location == "query":
                query[name] = value
            elif arg.location == "header":
                headers[name] = _header_value(self.name, name, value)
            elif arg.location == "cookie":
                cookies.append(f"{name}={quote(_header_value(self.name, name, value), safe='')}")
            else:
                body[name] = value
        request: JSON = {"method": self.method.lower(), "url": path}
        if query:
            request["params"] = query
        if cookies:
            headers["Cookie"] = "; ".join(cookies)
        if headers:
            request["headers"] = headers
        if body or self.has_body:
            request["json"] = body
        return request


class Operations(Mapping[str, Operation]):
    """The operations of one table, by name, in document order."""

    def __init__(self, table: Mapping[str, JSON]) -> None:
        self._by_name = {name: _operation(entry) for name, entry in table.items()}
        self._bodies = {
            op.body_name: {a.name: a for a in op.arguments if a.location == "body"}
            for op in self._by_name.values()
            if op.body_name is not None
        }

    def body_owner(self, schema: str) -> str:
        """The first operation whose JSON body is request schema `schema`."""
        return next(op.name for op in self._by_name.values() if op.body_name == schema)

    def request_fields(self, schema: str) -> Mapping[str, Argument]:
        """The fields of request body schema `schema` (e.g. "RunTaskRequest"), by name."""
        return self._bodies[schema]

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
    """The operations of the generated table (imported on first use)."""
    from browser_use_cloud_api._operation_table import OPERATIONS

    return Operations(OPERATIONS)


def _operation(entry: JSON) -> Operation:
    arguments = [
        Argument(
            name=param["name"],
            location=param["in"],
            required=param["required"],
            schema=param["schema"],
            description=param.get("description"),
        )
        for param in entry["parameters"]
    ]
    body = entry.get("body")
    if body is not None:
        required = body["required"]
        arguments += [
            Argument(
                name=field["name"],
                location="body",
                required=required and field["required"],
                schema=field["schema"],
                description=field.get("description"),
            )
            for field in body["fields"]
        ]
    return Operation(
        name=entry["name"],
        method=entry["method"],
        path=entry["path"],
        tag=entry["tag"],
        description=entry.get("description") or "",
        arguments=tuple(arguments),
        retry=cast(RetryClass, entry["retry"]),
        module=entry["module"],
        result=entry.get("result"),
        operation_id=entry["operation_id"],
        secured=entry.get("secured", True),
        has_body=body is not None,
        body_name=None if body is None else body.get("schema"),
        responses=entry.get("responses"),
    )


def _header_value(operation: str, name: str, value: Any) -> str:
    """A header or cookie value as sent: text on one line (no CR, LF or NUL)."""
    text = str(value).lower() if isinstance(value, bool) else str(value)
    if any(char in text for char in "\r\n\0"):
        raise InputError(
            f"{operation}: {name} must be one line of text (no line breaks or NUL characters)"
        )
    return text


def _with_description(schema: JSON, description: str | None) -> JSON:
    return {**schema, "description": description} if description else schema


def _public(schema: Any) -> Any:
    """`schema` without the table's own `x-` keywords (what a tool's caller sees)."""
    if isinstance(schema, list):
        return [_public(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    return {k: _public(v) for k, v in schema.items() if not k.startswith("x-")}
