"""Option values listed from the spec's enums (models, proxy countries) but not limited to them.

The help text and shell completion show the values the operation table lists; a value the
table does not list yet is passed on, and the service decides, unless the option names the
request field it refuses such values as (the command cannot send them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.shell_completion import CompletionItem

F = TypeVar("F", bound=Callable[..., Any])

if TYPE_CHECKING:
    from .._spec.operations import Operations

    _Text = click.ParamType[str, Any]  # generic for type checkers in newer click only
else:
    _Text = click.ParamType


def enum_values(schema_name: str) -> list[str]:
    """The values the table lists for the enum component `schema_name` (e.g. "LLMModel")."""
    from .._spec.operations import operations

    for schema in _schemas(operations()):
        if schema.get("x-schema") == schema_name and "enum" in schema:
            return [str(value) for value in schema["enum"]]
    raise LookupError(f"the operation table has no enum {schema_name!r}")


def _schemas(operations: Operations) -> Iterator[dict[str, Any]]:
    """Every schema object of every operation (arguments, then responses), depth first."""
    stack: list[Any] = []
    for op in operations.values():
        stack += [arg.schema for arg in op.arguments]
        stack += [schema for schema in (op.responses or {}).values() if schema]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def known_values(enum: str | Sequence[str]) -> list[str]:
    """The values the table lists for enum component `enum` (e.g. "LLMModel"), or `enum`'s
    own values when it is a list."""
    return enum_values(enum) if isinstance(enum, str) else list(enum)


class SpecChoice(_Text):
    """A string that completes to the values of a spec enum and accepts newer ones too,
    unless `field` is set: then a value the table does not list is refused by the one
    argument check, as that request field, in the CLI's terms."""

    name = "text"

    def __init__(self, enum: str | Sequence[str], field: str | None = None) -> None:
        self.enum = enum
        self.field = field

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).strip()
        if not text:
            self.fail("must not be empty; known values: " + ", ".join(known_values(self.enum)))
        if self.field is not None:
            from .._exceptions import InputError
            from .._frontends._explain import KNOWN_VALUES_ONLY
            from .._input.arguments import check_enum

            try:
                check_enum(self.field, text, known_values(self.enum), False, KNOWN_VALUES_ONLY)
            except InputError as problem:
                self.fail(str(problem), param, ctx)
        return text

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        return [CompletionItem(v) for v in known_values(self.enum) if v.startswith(incomplete)]


class SpecOption(click.Option):
    """An option whose help ends with the values the table lists for its enum, read when
    the help is shown (so a regen's new values appear with no hand edit)."""

    def __init__(self, *args: Any, enum: str, field: str | None = None, **kwargs: Any) -> None:
        kwargs["type"] = SpecChoice(enum, field)
        super().__init__(*args, **kwargs)
        self.enum = enum
        self.passed_on = field is None
        self.summary = self.help or ""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        values = ", ".join(known_values(self.enum))
        newer = " (newer values are passed on)" if self.passed_on else ""
        self.help = f"{self.summary} Known: {values}{newer}."
        return super().get_help_record(ctx)


def spec_option(*decls: str, enum: str, field: str | None = None, **attrs: Any) -> Callable[[F], F]:
    """`click.option` for a value of spec enum `enum` (completion and help from the table);
    with `field`, the request field it sets, values the table does not list are refused."""
    return click.option(*decls, cls=SpecOption, enum=enum, field=field, **attrs)
