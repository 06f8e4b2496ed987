"""Command options derived from the operation table, so a regen adds them with no hand edit.

A `DerivedCommand` names the operation it sends and which of its inputs its hand-written
options already set (`covered`). Every other optional input at its `location` (the query
of a list, the body of a create or update) becomes an option `--field-name` whose type,
choices and help come from the input's schema in the table; values given are checked by
the table's argument check and reach the callback as `derived` (API name -> value), which
the command sends as `extra_query` / `extra_body`. The table is read when the command's
options are first needed (its `--help` too), never at import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Any, Literal

import click

from ._choices import SpecChoice

if TYPE_CHECKING:
    from .._spec.operations import Argument, Operation, Operations

PREFIX = "derived__"
"""The Python name of a derived option's value is PREFIX + the input's name."""

NOT_DERIVED = frozenset({"secrets"})
"""Inputs never offered as a plain option: a value on the command line is visible to other
local users in the process list (`run` has its --secret-env/--secrets-file options)."""


def table() -> Operations:
    from .._spec.operations import operations

    return operations()


def option_flag(name: str) -> str:
    """`--flash-mode` for `flash_mode` (the CLI's spelling of an API name)."""
    return "--" + re.sub(r"[^0-9a-zA-Z]+", "-", name).strip("-").lower()


def derived_arguments(
    operation: Operation, location: str, covered: Collection[str]
) -> list[Argument]:
    """The optional inputs of `operation` at `location` that no hand-written option sets."""
    return [
        arg
        for arg in operation.arguments
        if arg.location == location
        and not arg.required
        and arg.name not in covered
        and arg.name not in NOT_DERIVED
    ]


def _value_schema(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """The schema of a value that is given (the non-null branch of `X or null`)."""
    branches = [b for b in schema.get("anyOf", ()) if b.get("type") != "null"]
    return branches[0] if len(branches) == 1 else schema


def _help(arg: Argument) -> str:
    schema = _value_schema(arg.schema)
    text = (arg.description or schema.get("description") or "").strip()
    text = text or f"{arg.name.replace('_', ' ').capitalize()}."
    if "enum" in schema:
        text += f" Known: {', '.join(map(str, schema['enum']))} (newer values are passed on)."
    bounds = [
        f"{word} {schema[key]:g}"
        for key, word in (("minimum", "at least"), ("maximum", "at most"))
        if schema.get(key) is not None
    ]
    if bounds:
        text += f" {', '.join(bounds).capitalize()}."
    if schema.get("type") == "object":
        text += " A JSON object."
    return text


if TYPE_CHECKING:
    _Param = click.ParamType[Any, Any]  # generic for type checkers in newer click only
else:
    _Param = click.ParamType


class JsonText(_Param):
    """A JSON value given as text (objects and other inputs with no plainer form)."""

    name = "json"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value)
        except json.JSONDecodeError as exc:
            self.fail(f"not valid JSON: {exc.msg} (at character {exc.pos})", param, ctx)


def _scalar_type(schema: Mapping[str, Any]) -> tuple[Any, str | None]:
    """(click type, metavar) for one value of `schema`."""
    if "enum" in schema:
        return SpecChoice([str(v) for v in schema["enum"]]), "VALUE"
    kind = schema.get("type")
    if kind == "integer":
        return click.INT, "N"
    if kind == "number":
        return click.FLOAT, "NUMBER"
    if kind == "string":
        return click.STRING, "TEXT"
    return JsonText(), "JSON"


def derived_option(arg: Argument) -> click.Option:
    """The option for input `arg`: a flag pair for a boolean, repeatable for a list of
    plain values, typed (with the spec's choices) otherwise."""
    flag, name = option_flag(arg.name), PREFIX + re.sub(r"\W", "_", arg.name)
    schema = _value_schema(arg.schema)
    if schema.get("type") == "boolean":
        negative = "--no-" + flag[2:]
        return click.Option([f"{flag}/{negative}", name], default=None, help=_help(arg))
    items = schema.get("items")
    if schema.get("type") == "array" and isinstance(items, dict) and "type" in items:
        item_type, metavar = _scalar_type(items)
        if not isinstance(item_type, JsonText):
            text = _help(arg) + " Repeatable."
            return click.Option(
                [flag, name], type=item_type, metavar=metavar, multiple=True, help=text
            )
    click_type, metavar = _scalar_type(schema)
    return click.Option([flag, name], type=click_type, metavar=metavar, help=_help(arg))


def check_derived(operation: Operation, arg: Argument, value: Any) -> Any:
    """`value` as sent, checked by the one argument check of every entry point
    (`_input/arguments.check_argument`) with enums open (a value newer than this table is the
    service's call); its InputError becomes this BadParameter, with the same message."""
    from .._exceptions import InputError
    from .._input.arguments import check_argument

    try:
        return check_argument(arg.name, arg.schema, value, allow_unknown=True)
    except InputError as problem:
        raise click.BadParameter(str(problem), param_hint=f"'{option_flag(arg.name)}'") from None


class DerivedCommand(click.Command):
    """A command whose options for `operation`'s other optional inputs come from the table.

    `covered`: the inputs its hand-written options set (or it fills in itself);
    `about`: text appended to the help, read from the table when the help is shown.
    """

    def __init__(
        self,
        *args: Any,
        operation: str,
        location: Literal["query", "body"],
        covered: Collection[str] = (),
        about: Callable[[], str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.operation = operation
        self.location = location
        self.covered = frozenset(covered)
        self.about = about
        self._derived: tuple[int, list[click.Option], dict[str, Argument]] | None = None

    def derived(self) -> tuple[list[click.Option], dict[str, Argument]]:
        """The derived options and the input each stands for (by Python name)."""
        operations = table()
        if self._derived is None or self._derived[0] != id(operations):
            op = operations[self.operation]
            args = derived_arguments(op, self.location, self.covered)
            options = [derived_option(arg) for arg in args]
            by_name = {str(option.name): arg for option, arg in zip(options, args, strict=True)}
            self._derived = (id(operations), options, by_name)
        return self._derived[1], self._derived[2]

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        params = super().get_params(ctx)
        help_option = self.get_help_option(ctx)
        if help_option is not None and params and params[-1] is help_option:
            return [*params[:-1], *self.derived()[0], help_option]
        return [*params, *self.derived()[0]]

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_help_text(ctx, formatter)
        if self.about is not None:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(self.about())

    def invoke(self, ctx: click.Context) -> Any:
        _, by_name = self.derived()
        operation = table()[self.operation]
        given: dict[str, Any] = {}
        for name, arg in by_name.items():
            value = ctx.params.pop(name, None)
            if isinstance(value, tuple):
                value = list(value) or None
            if value is not None:
                given[arg.name] = check_derived(operation, arg, value)
        ctx.params["derived"] = given
        return super().invoke(ctx)


def derives(
    operation: str,
    location: Literal["query", "body"],
    covered: Collection[str] = (),
    about: Callable[[], str] | None = None,
) -> dict[str, Any]:
    """`group.command(...)` keywords for a `DerivedCommand` sending `operation`."""
    return {
        "cls": DerivedCommand,
        "operation": operation,
        "location": location,
        "covered": covered,
        "about": about,
    }


LISTS = ("page", "limit")
"""The query inputs `page_options` sets on every list command."""


def extras(location: str, derived: Mapping[str, Any]) -> dict[str, Any]:
    """`extra_query=` or `extra_body=` for the derived values (nothing if none were given)."""
    if not derived:
        return {}
    return {"extra_query" if location == "query" else "extra_body": dict(derived)}
