"""The one rule for cron expressions, shared by the client and the emulator (pure).

The service takes a standard five-field cron expression: minute hour day-of-month month
day-of-week, each `*`, a number, a range `a-b`, a step `*/n`, `a-b/n` or `a/n`, or a comma
list of those; month names (JAN-DEC) and weekday names (SUN-SAT, 0 or 7 = Sunday). Macros
such as `@daily` and extensions such as `?`, `L` or `#` are refused (with the five-field
equivalent where there is one), and so is a day that no chosen month has (`0 0 31 2 *`
would never run). The emulator computes run times with croniter from the same text.
"""

from __future__ import annotations

from .._exceptions import InputError

_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_DAYS = ("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")
_FIELDS: tuple[tuple[str, int, int, dict[str, int]], ...] = (
    ("minute", 0, 59, {}),
    ("hour", 0, 23, {}),
    ("day of month", 1, 31, {}),
    ("month", 1, 12, {name: i + 1 for i, name in enumerate(_MONTHS)}),
    ("day of week", 0, 7, {name: i for i, name in enumerate(_DAYS)}),
)
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
MACROS = {
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
    "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@hourly": "0 * * * *",
}
"""Macros some cron implementations accept, and the five fields each one stands for."""


def check_cron(expression: str) -> str:
    """Return `expression` stripped if it is a valid cron schedule, else raise InputError."""
    if not isinstance(expression, str):
        raise InputError(f"cron_expression must be a string, got {type(expression).__name__}")
    text = expression.strip()
    if text.startswith("@"):
        fields = MACROS.get(text.lower())
        instead = f"; write {fields!r} instead" if fields else ""
        raise InputError(
            f"cron_expression {expression!r}: macros such as @daily are not accepted, the "
            f"service takes five fields: minute hour day-of-month month day-of-week{instead}"
        )
    parts = text.split()
    if len(parts) != 5:
        raise InputError(
            f"cron_expression {expression!r} has {len(parts)} fields; it needs 5: "
            "minute hour day-of-month month day-of-week (e.g. '0 9 * * MON-FRI')"
        )
    values = [
        _field_values(part, *field, expression) for part, field in zip(parts, _FIELDS, strict=True)
    ]
    days, months = values[2], values[3]
    any_weekday = parts[4] == "*"  # a restricted weekday also matches (cron ORs the two)
    if any_weekday and not any(day <= _MONTH_DAYS[month - 1] for day in days for month in months):
        raise InputError(
            f"cron_expression {expression!r} would never run: no chosen month has "
            f"day {min(days)} (February has at most 29 days, April, June, September and "
            "November 30)"
        )
    return text


def _field_values(
    part: str, name: str, low: int, high: int, names: dict[str, int], expression: str
) -> set[int]:
    values: set[int] = set()
    for item in part.split(","):
        values |= _item_values(item, name, low, high, names, expression)
    return values


def _item_values(
    item: str, name: str, low: int, high: int, names: dict[str, int], expression: str
) -> set[int]:
    def fail(why: str) -> InputError:
        allowed = f"{low}-{high}"
        if names:
            allowed += f" or {next(iter(names))}-{list(names)[-1]}"
        return InputError(
            f"cron_expression {expression!r}: {name} field item {item!r} {why} "
            f"(allowed: *, values {allowed}, ranges a-b, steps */n or a-b/n, lists a,b)"
        )

    base, slash, step_text = item.partition("/")
    step = 1
    if slash:
        if not _is_number(step_text) or int(step_text) < 1:
            raise fail("has a step that is not a positive integer")
        step = int(step_text)
        if step > high:
            raise fail(f"has a step larger than {high}")
    if base == "*":
        return set(range(low, high + 1, step))
    start, dash, end = base.partition("-")
    first = _value(start, low, high, names)
    if first is None:
        raise fail("is not a valid value")
    last = high if slash and not dash else first
    if dash:
        last_value = _value(end, low, high, names)
        if last_value is None:
            raise fail("has a range end that is not a valid value")
        if last_value < first:
            raise fail("has a range whose end comes before its start")
        last = last_value
    return set(range(first, last + 1, step))


def _is_number(text: str) -> bool:
    """ASCII digits only: `'²'.isdigit()` is True, but int('²') fails."""
    return text.isascii() and text.isdigit()


def _value(text: str, low: int, high: int, names: dict[str, int]) -> int | None:
    if _is_number(text):
        number = int(text)
        return number if low <= number <= high else None
    return names.get(text.upper())
