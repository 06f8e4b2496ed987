"""Small argument checks shared by the resources (pure; raise InputError)."""

from __future__ import annotations

from ._exceptions import InputError


def check_id(name: str, value: object) -> str:
    """An id (or file name) that fills exactly one URL path segment.

    The request builder percent-escapes it, but `.` and `..` stay as they are and would
    be resolved away (`task/..` is the API root), so they are refused.
    """
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{name} must be a non-empty string, got {value!r}")
    if value in (".", ".."):
        raise InputError(
            f"{name} cannot be {value!r}: in a URL path it would address another resource"
        )
    return value


def check_int(name: str, value: object, low: int, high: int) -> int:
    """An integer within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InputError(f"{name} must be an integer from {low} to {high}, got {value!r}")
    return value


def check_bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InputError(f"{name} must be True or False, got {value!r}")
    return value


def check_text(name: str, value: object) -> str:
    """A non-blank string."""
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{name} must be a non-empty string, got {value!r}")
    return value
