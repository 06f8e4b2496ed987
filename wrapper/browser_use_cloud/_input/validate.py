"""Small argument checks shared by the resources (pure; raise InputError)."""

from __future__ import annotations

import datetime as dt

from .._exceptions import InputError


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


def check_int(name: str, value: object, low: int | None, high: int | None = None) -> int:
    """An integer (not a bool) within [low, high] (no bound where one is None).

    The one integer check of every resource; the emulator refuses the same values.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"{name} must be an integer, got {type(value).__name__}")
    check_bounds(name, value, low, high)
    return value


def check_bounds(name: str, value: float, low: float | None, high: float | None) -> None:
    """InputError if `value` is outside [low, high] (no bound where one is None)."""
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            bound = f"between {low} and {high}"
        else:
            bound = f"at least {low}" if low is not None else f"at most {high}"
        raise InputError(f"{name} must be {bound}, got {value}")


def check_bool(name: str, value: object) -> bool:
    """True or False (not 0/1 or a string): the one flag check of every resource."""
    if not isinstance(value, bool):
        raise InputError(f"{name} must be True or False, got {type(value).__name__}")
    return value


def check_text(name: str, value: object) -> str:
    """A non-blank string."""
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{name} must be a non-empty string, got {value!r}")
    return value


def check_datetime(name: str, value: dt.datetime | str) -> dt.datetime:
    """A timezone-aware datetime from a datetime or an ISO 8601 string."""
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise InputError(
                f"{name}={value!r} is not an ISO 8601 date-time (e.g. '2025-01-31T09:00:00+00:00')"
            ) from None
    elif isinstance(value, dt.datetime):
        parsed = value
    else:
        raise InputError(f"{name} must be a datetime or an ISO 8601 string, got {value!r}")
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise InputError(
            f"{name} has no timezone; pass an aware datetime such as "
            "datetime.now(timezone.utc), or a string with an offset ('...+00:00' or 'Z')"
        )
    return parsed
