"""A small validator for 5-field cron expressions (pure; croniter is not a core dependency).

Accepts what standard cron accepts: `*`, numbers, ranges `a-b`, steps `*/n`, `a-b/n`,
`a/n`, comma lists, month names (JAN-DEC) and weekday names (SUN-SAT, 0 or 7 = Sunday),
plus the macros @yearly, @annually, @monthly, @weekly, @daily, @midnight and @hourly.
"""

from __future__ import annotations

from ._exceptions import InputError

_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_DAYS = ("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")
_FIELDS: tuple[tuple[str, int, int, dict[str, int]], ...] = (
    ("minute", 0, 59, {}),
    ("hour", 0, 23, {}),
    ("day of month", 1, 31, {}),
    ("month", 1, 12, {name: i + 1 for i, name in enumerate(_MONTHS)}),
    ("day of week", 0, 7, {name: i for i, name in enumerate(_DAYS)}),
)
MACROS = frozenset(
    {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}
)


def check_cron(expression: str) -> str:
    """Return `expression` stripped if it is a valid cron schedule, else raise InputError."""
    if not isinstance(expression, str):
        raise InputError(f"cron_expression must be a string, got {type(expression).__name__}")
    text = expression.strip()
    if text.lower() in MACROS:
        return text
    parts = text.split()
    if len(parts) != 5:
        raise InputError(
            f"cron_expression {expression!r} has {len(parts)} fields; it needs 5: "
            "minute hour day-of-month month day-of-week (e.g. '0 9 * * MON-FRI')"
        )
    for part, (name, low, high, names) in zip(parts, _FIELDS, strict=True):
        for item in part.split(","):
            _check_item(item, name, low, high, names, expression)
    return text


def _check_item(
    item: str, name: str, low: int, high: int, names: dict[str, int], expression: str
) -> None:
    def fail(why: str) -> InputError:
        allowed = f"{low}-{high}"
        if names:
            allowed += f" or {next(iter(names))}-{list(names)[-1]}"
        return InputError(
            f"cron_expression {expression!r}: {name} field item {item!r} {why} "
            f"(allowed: *, values {allowed}, ranges a-b, steps */n or a-b/n, lists a,b)"
        )

    base, slash, step = item.partition("/")
    if slash:
        if not step.isdigit() or int(step) < 1:
            raise fail("has a step that is not a positive integer")
        if int(step) > high:
            raise fail(f"has a step larger than {high}")
    if base == "*":
        return
    start, dash, end = base.partition("-")
    first = _value(start, low, high, names)
    if first is None:
        raise fail("is not a valid value")
    if dash:
        last = _value(end, low, high, names)
        if last is None:
            raise fail("has a range end that is not a valid value")
        if last < first:
            raise fail("has a range whose end comes before its start")


def _value(text: str, low: int, high: int, names: dict[str, int]) -> int | None:
    if text.isdigit():
        number = int(text)
        return number if low <= number <= high else None
    return names.get(text.upper())
