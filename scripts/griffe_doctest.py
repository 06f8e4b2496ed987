"""A griffe extension for the docs build: show `>>>` examples in docstrings as code.

Docstrings are written for `help()`, where an interactive example reads naturally; Markdown
would take its `>>>` for nested quotes. This fences each run of `>>>`/`...` lines (and the
output lines after them) as a `pycon` code block, in the docs only.
"""

from __future__ import annotations

from typing import Any

import griffe

PROMPTS = (">>>", "...")


def fence_examples(text: str) -> str:
    """`text` with every interactive example fenced as ```pycon."""
    out: list[str] = []
    in_example = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(">>>") and not in_example:
            out += ["", "```pycon"]
            in_example = True
        elif in_example and not stripped:
            out += ["```", ""]
            in_example = False
            continue
        out.append(line.strip() if in_example else line)
    if in_example:
        out.append("```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence interactive examples in every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_examples(obj.docstring.value)
