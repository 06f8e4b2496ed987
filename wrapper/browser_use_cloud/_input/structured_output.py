"""Structured output: turn `output_type=` into a schema string, and parse a task's output.

`output_type` is a pydantic model class (pydantic is only imported by the class's own
module) or a JSON Schema dict. Parsing tolerates a Markdown code fence around the JSON.
With a dict schema the value is checked by `jsonschema` when that package is installed.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import attrs

from browser_use_cloud_api.types import NOT_JSON

from .._exceptions import InputError, StructuredOutputError
from .._models import Task

if TYPE_CHECKING:
    from .._spec.options import TaskOptions

T = TypeVar("T")

_FENCE = re.compile(r"```[A-Za-z0-9_-]*[ \t]*\r?\n(.*?)\r?\n?```", re.DOTALL)


def strip_code_fence(text: str) -> str:
    """Return the JSON inside a Markdown code fence, or the stripped text if there is none."""
    stripped = text.strip()
    match = _FENCE.search(stripped)
    if match and (stripped.startswith("```") or not _looks_like_json(stripped)):
        return match.group(1).strip()
    return stripped


@attrs.frozen(kw_only=True, slots=False)
class TaskResult(Task, Generic[T]):
    """A finished task plus `parsed`: its output validated against `output_type`
    (None when no `output_type` was given). `output` keeps the raw text.

    `to_dict()` is the task's JSON object (`parsed` is ours, not the API's: it is read
    again from `output` by `from_dict(d, output_type=...)`).
    """

    parsed: T = attrs.field(metadata=NOT_JSON)

    @classmethod
    def from_dict(
        cls, d: Mapping[str, Any], output_type: type[Any] | Mapping[str, Any] | None = None
    ) -> TaskResult[Any]:
        """A TaskResult from a task's JSON object; `parsed` is its output read with
        `output_type` (None without one). Raises StructuredOutputError if it does not fit."""
        task = Task.from_dict(d)
        if output_type is None:
            return with_parsed(task, None)
        return with_parsed(task, OutputSpec(output_type).parse(task.output))


def with_parsed(task: Task, parsed: T) -> TaskResult[T]:
    """`task` as a TaskResult carrying `parsed`."""
    fields = {f.name: getattr(task, f.name) for f in attrs.fields(cast(Any, Task))}
    return TaskResult(**fields, parsed=parsed)


def _looks_like_json(text: str) -> bool:
    return text[:1] in ("{", "[", '"') or text in ("true", "false", "null")


def _is_pydantic_model(output_type: object) -> bool:
    return isinstance(output_type, type) and all(
        callable(getattr(output_type, name, None))
        for name in ("model_json_schema", "model_validate_json")
    )


class OutputSpec(Generic[T]):
    """The schema string to send and the parser for the output that comes back."""

    def __init__(self, output_type: type[T] | Mapping[str, Any]) -> None:
        self._model: Any = None
        self._schema: Mapping[str, Any] | None = None
        if _is_pydantic_model(output_type):
            self._model = output_type
            schema = cast(Any, output_type).model_json_schema()
        elif isinstance(output_type, Mapping):
            schema = output_type
        else:
            raise InputError(
                "output_type must be a pydantic model class or a JSON Schema dict, "
                f"got {output_type!r}"
            )
        try:
            self.schema_json = json.dumps(schema, separators=(",", ":"), allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise InputError(f"output_type schema is not JSON-serialisable: {exc}") from exc
        if self._model is None:  # check the schema as sent (JSON keys, lists), not the dict
            self._schema = check_schema(json.loads(self.schema_json), "output_type")

    def parse(self, raw_output: str | None) -> T:
        """Validate `raw_output`; raise StructuredOutputError (with the raw text) if it fails."""
        if raw_output is None or not raw_output.strip():
            raise StructuredOutputError(
                "the task returned no output to parse", raw_output=raw_output, cause=None
            )
        text = strip_code_fence(raw_output)
        if self._model is not None:
            try:
                return cast(T, self._model.model_validate_json(text))
            except ValueError as exc:  # pydantic's ValidationError is a ValueError
                raise StructuredOutputError(
                    f"output does not match {self._model.__name__}: {_summary(exc)}",
                    raw_output=raw_output,
                    cause=exc,
                ) from exc
        try:
            value = json.loads(text)
        except ValueError as exc:
            raise StructuredOutputError(
                f"output is not valid JSON: {exc}", raw_output=raw_output, cause=exc
            ) from exc
        self._validate_schema(value, raw_output)
        return cast(T, value)

    def _validate_schema(self, value: Any, raw_output: str) -> None:
        jsonschema = _jsonschema()
        if jsonschema is None:  # optional: without it the JSON is returned unchecked
            return
        try:
            jsonschema.validate(value, dict(self._schema or {}))
        except jsonschema.ValidationError as exc:
            raise StructuredOutputError(
                f"output does not match the schema: {exc.message}",
                raw_output=raw_output,
                cause=exc,
            ) from exc


def _jsonschema() -> ModuleType | None:
    try:
        return importlib.import_module("jsonschema")
    except ImportError:
        return None


_JSON_TYPES = ("array", "boolean", "integer", "null", "number", "object", "string")


def check_schema(schema: object, name: str) -> Mapping[str, Any]:
    """`schema` if it is a plausible JSON Schema object, else InputError naming `name`.

    Always checks the shape (an object; `type`, `properties` and `required` well formed);
    with `jsonschema` installed (imported on first use) also its full meta-schema.
    """
    if not isinstance(schema, Mapping):
        raise InputError(
            f"{name} must be a JSON Schema object such as "
            f'{{"type": "object", "properties": {{...}}}}, got {_json_kind(schema)}'
        )
    problem = _shape_problem(schema)
    if problem is None:
        jsonschema = _jsonschema()
        if jsonschema is None:
            return schema
        try:
            jsonschema.validators.validator_for(schema).check_schema(schema)
            return schema
        except jsonschema.SchemaError as exc:
            where = "/".join(str(part) for part in exc.path)
            problem = f"{exc.message} (at {where or 'the top level'})"
    raise InputError(f"{name} is not a valid JSON Schema: {problem}")


def _shape_problem(schema: Mapping[str, Any]) -> str | None:
    kind = schema.get("type")
    kinds = [kind] if isinstance(kind, str) else kind
    if kind is not None and not (
        isinstance(kinds, list) and kinds and all(k in _JSON_TYPES for k in kinds)
    ):
        return f"'type' must be one of {', '.join(_JSON_TYPES)} (or a list of them), got {kind!r}"
    if not isinstance(schema.get("properties", {}), Mapping):
        return f"'properties' must be an object, got {_json_kind(schema['properties'])}"
    required = schema.get("required", [])
    if not (isinstance(required, list) and all(isinstance(r, str) for r in required)):
        return f"'required' must be a list of property names, got {required!r}"
    return None


def _json_kind(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), f"a {type(value).__name__}")


def _summary(exc: BaseException, limit: int = 300) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


def output_spec_for(
    output_type: type[Any] | Mapping[str, Any] | None, options: TaskOptions
) -> OutputSpec[Any] | None:
    """The spec of `output_type=` (None without one), its schema set as the task's
    `structured_output_json`; InputError if that option was given as well."""
    if output_type is None:
        return None
    if "structured_output_json" in options:
        raise InputError("pass either output_type or structured_output_json, not both")
    spec: OutputSpec[Any] = OutputSpec(output_type)
    options["structured_output_json"] = spec.schema_json
    return spec
