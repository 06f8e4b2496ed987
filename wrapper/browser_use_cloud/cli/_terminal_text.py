"""Text from the service made harmless for a terminal, before any human output prints it.

Task output, step goals, URLs and error details are web content: a page can put escape
sequences in them that set the window title, clear the screen, forge links (OSC 8) or write
to the clipboard (OSC 52). Every control character is shown in caret notation instead
(`ESC` as `^[`, C1 `0x9b` as `^[[`), so nothing reaches the terminal as a command and the
reader still sees that something was there. JSON output keeps the data exact: its strings
escape control characters as `\\u` sequences.
"""

from __future__ import annotations

import re
from typing import Final

_CONTROL: Final = re.compile(r"\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 controls but tab and newline, DEL and C1 controls (and CRLF, read as a newline)."""
_BREAKS: Final = re.compile(r"[\t\n]+")
_JSON_UNESCAPED: Final = re.compile(r"[\x7f-\x9f]")
"""What `json.dumps(..., ensure_ascii=False)` leaves raw but a terminal may obey (C1)."""


def _caret(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\r\n":
        return "\n"
    code = ord(char)
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return "^[" + chr(code - 0x40)  # C1: the 7-bit ESC form it stands for


def terminal_safe(text: str, *, one_line: bool = False) -> str:
    """`text` with control characters in caret notation; `one_line` also turns tabs and
    newlines into a space (for a table cell or a `step N ...` line)."""
    safe = _CONTROL.sub(_caret, text)
    return _BREAKS.sub(" ", safe) if one_line else safe


def json_terminal_safe(text: str) -> str:
    """JSON text with C1 controls (and DEL) escaped as `\\uXXXX`: the same JSON data.

    Raw C1 characters can only appear inside JSON strings, where the escape means the same.
    """
    return _JSON_UNESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
