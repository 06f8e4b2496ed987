"""Text files the user names on the command line (batch INPUT, secrets), read with one clear
error each."""

from __future__ import annotations

from pathlib import Path

from ._errors import CliError


def read_text(path: Path, name: str) -> str:
    """The file's text (UTF-8, a byte order mark dropped); CliError naming `name` if it
    cannot be read or is not UTF-8."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CliError(f"cannot read {name}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CliError(f"{name} is not UTF-8 text") from None
