"""Option values listed from the spec's enums (models, proxy countries) but not limited to them.

The help text and shell completion show the values openapi.json lists; a value the spec
does not list yet is passed on, and the service decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click
from click.shell_completion import CompletionItem


def known_values(enum: str) -> list[str]:
    """The values the spec lists for public enum `enum` (e.g. "LLMModel")."""
    from .. import _models

    return [member.value for member in getattr(_models, enum)]


if TYPE_CHECKING:
    _Text = click.ParamType[str, Any]  # generic for type checkers in newer click only
else:
    _Text = click.ParamType


class SpecChoice(_Text):
    """A string that completes to the values of a spec enum and accepts newer ones too."""

    name = "text"

    def __init__(self, enum: str) -> None:
        self.enum = enum

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).strip()
        if not text:
            self.fail("must not be empty; known values: " + ", ".join(known_values(self.enum)))
        return text

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        return [CompletionItem(v) for v in known_values(self.enum) if v.startswith(incomplete)]


def spec_choice_help(text: str, enum: str) -> str:
    """`text` followed by the values the spec lists (others are passed on as given)."""
    return f"{text} Known: {', '.join(known_values(enum))} (newer values are passed on)."
