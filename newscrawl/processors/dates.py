"""Dates: a page's date strings into UTC ISO 8601, or None when implausible.

A time printed without an offset is read in the site's time zone when it is
known (a profile's), else with the zone its pages taught (a ``SiteClock`` in
the loader context), else as UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as date_parser

from newscrawl.processors.datetext import english_date
from newscrawl.processors.text import clean_text

#: Earliest publication date we believe; older values are page furniture.
MIN_DATE = datetime(1990, 1, 1, tzinfo=UTC)
#: How far in the future a date may be (time zone mistakes, embargoes).
MAX_AHEAD = timedelta(days=1)

# Abbreviations dateutil does not know; offsets in seconds.
_TZ_ABBREVIATIONS = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "BST": 3600,
    "CET": 3600,
    "CEST": 7200,
    "EET": 7200,
    "EEST": 10800,
    "MSK": 10800,
    "IST": 19800,
    "JST": 32400,
    "KST": 32400,
    "AEST": 36000,
    "AEDT": 39600,
    "EST": -18000,
    "EDT": -14400,
    "CST": -21600,
    "CDT": -18000,
    "MST": -25200,
    "MDT": -21600,
    "PST": -28800,
    "PDT": -25200,
    "ET": -18000,
    "PT": -28800,
}


def _zone_of(name: str | None, offset: int | None) -> int | None:
    """dateutil's ``tzinfos`` hook: the offset (s) of a zone a date string names.

    Our abbreviations first, then the offset printed with the time. A name we
    do not know gives no zone (the site's applies), as dateutil does, but
    without its warning, which it says will become an exception.
    """
    if name in _TZ_ABBREVIATIONS:
        return _TZ_ABBREVIATIONS[name]
    return offset


_DATE_NOISE = re.compile(
    r"^\s*(?:(?:first\s+)?published|updated|last\s+updated|posted|modified|on|date|at)\b[:\s]*",
    re.IGNORECASE,
)
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
# An ISO time whose offset lost its hour's leading zero: "2018-10-29T10:15-500"
# (the Washington Post's markup, 2018) is -05:00, not unreadable.
_SHORT_OFFSET = re.compile(r"(T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-])(\d)(\d{2})$")
# Two defaults that differ in every field: a value parsed alike with both
# really named a year, month and day (dateutil fills gaps from the default).
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2001, 2, 2)


def parse_datetime(raw: Any, tz: str = "UTC", *, now: datetime | None = None) -> str | None:
    """The UTC ISO 8601 form of a date string, or None when it is not a plausible date.

    ``tz`` is the site's time zone, used when the string has no offset. Dates
    before 1990 or more than a day in the future are rejected: they come from
    copyright lines, event listings or broken markup, not from publication.
    """
    when = _to_datetime(raw, tz)
    if when is None:
        return None
    now = now or datetime.now(UTC)
    if when < MIN_DATE or when > now + MAX_AHEAD:
        return None
    return when.isoformat()


def to_utc(value: Any, loader_context: dict[str, Any]) -> str | None:
    """``parse_datetime`` in the item loader's context.

    A time without an offset is read with the site's learned clock
    (``clock``, a :class:`~newscrawl.extract.siteclock.SiteClock`) when the
    context has one that knows the site, else in ``timezone`` (a site
    profile's), else in ``language_zone`` (the zone the page's language implies,
    :mod:`newscrawl.processors.zones`), else in UTC.
    """
    clock = loader_context.get("clock")
    if clock is not None:
        local = parse_local(value)
        if local is not None and local.tzinfo is None:
            learned = clock.to_utc(local)
            if learned is not None:
                return parse_datetime(learned)
    zone = loader_context.get("timezone") or loader_context.get("language_zone")
    return parse_datetime(value, zone or "UTC")


def parse_local(raw: Any) -> datetime | None:
    """The datetime a date string names, naive when it carries no offset."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return raw
    text = clean_text(raw)
    if not text:
        return None
    if _EPOCH.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return datetime.fromtimestamp(seconds, UTC)
    return _parse_text(text)


_TIME_OF_DAY = re.compile(r"\d{1,2}[:.h]\d{2}")


def has_time_of_day(raw: Any) -> bool:
    """True when a date string names an hour and minute, not just a day."""
    if isinstance(raw, datetime):
        return True
    text = str(raw or "")
    return bool(_TIME_OF_DAY.search(text) or _EPOCH.match(text.strip()))


def calendar_day(raw: Any) -> date | None:
    """The day a date string names, as written (in its own offset, if any)."""
    when = parse_local(raw)
    return when.date() if when is not None else None


def _to_datetime(raw: Any, tz: str) -> datetime | None:
    when = parse_local(raw)
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_zone(tz))
    try:
        return when.astimezone(UTC)
    except (ValueError, OverflowError):
        # An offset of a day or more ("-24"), or a time that leaves datetime's range.
        return None


def _parse_text(text: str) -> datetime | None:
    text = _SHORT_OFFSET.sub(r"\1\g<2>0\3:\4", text)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    text = _DATE_NOISE.sub("", text)
    text = _DATE_NOISE.sub("", text)
    found = _parse_english(text)
    if found is None:
        # dateutil knows English month names only: "13. Dezember 2024, 17.30 Uhr"
        # is read once written the English way.
        english = english_date(text)
        found = _parse_english(english) if english else None
    return found


def _parse_english(text: str) -> datetime | None:
    try:
        first = date_parser.parse(text, default=_DEFAULT_A, tzinfos=_zone_of, fuzzy=True)
        second = date_parser.parse(text, default=_DEFAULT_B, tzinfos=_zone_of, fuzzy=True)
    except (ValueError, OverflowError, TypeError):
        return None
    if first.date() != second.date():
        return None
    return first


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
