"""Parsing of user-given times (command line, settings)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_AGE = re.compile(r"^(\d+)\s*([smhdw])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_age(value: str | None) -> timedelta | None:
    """An age like ``30m``, ``6h``, ``7d`` or ``2w`` -> timedelta (None for empty)."""
    if value is None or not str(value).strip():
        return None
    age = _AGE.match(str(value).strip())
    if not age:
        raise ValueError(f"cannot read {value!r} as an age: use a number and s, m, h, d or w (7d)")
    return timedelta(**{_UNITS[age.group(2)]: int(age.group(1))})


def parse_since(value: str | None) -> datetime | None:
    """``2024-12-01``, ``2024-12-01T10:00+02:00`` or an age like ``7d`` -> aware UTC datetime."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    if _AGE.match(text):
        return datetime.now(UTC) - (parse_age(text) or timedelta())
    try:
        when = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(
            f"cannot read {text!r} as a date: use YYYY-MM-DD, an ISO 8601 time, or an age like 7d"
        ) from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)
