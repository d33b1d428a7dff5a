"""Parsing of user-given times (command line, settings)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_AGE = re.compile(r"^(\d+)\s*([smhdw])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str | None) -> datetime | None:
    """``2024-12-01``, ``2024-12-01T10:00+02:00`` or an age like ``7d`` -> aware UTC datetime."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    age = _AGE.match(text)
    if age:
        return datetime.now(UTC) - timedelta(**{_UNITS[age.group(2)]: int(age.group(1))})
    try:
        when = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(
            f"cannot read {text!r} as a date: use YYYY-MM-DD, an ISO 8601 time, or an age like 7d"
        ) from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)
