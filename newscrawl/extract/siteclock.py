"""Learn a news site's timezone from its own pages.

Many sites print article times in local time with no offset ("December 11,
2024 3:18 PM") on some pages, while other pages (JSON-LD, feeds, news
sitemaps) give the same kind of time with an offset. Each pair of a local
wall-clock time and the instant it names is an observation of the site's UTC
offset at that instant. No library infers a zone from such pairs, so this
module does it by hand: it keeps the IANA zones consistent with every
observation, and converts a new local time with the offset most of those zones
agree on at that moment, so a December observation of +02:00 still converts an
October time at +03:00 (summer time in most +02:00 zones).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from newscrawl.processors.dates import parse_local

_TIME_OF_DAY = re.compile(r"\d{1,2}[:.h]\d{2}")
#: Offsets are whole quarter hours and at most 14 hours from UTC.
_QUARTER = timedelta(minutes=15)
_MAX_OFFSET = timedelta(hours=14)


@lru_cache(maxsize=1)
def _zones() -> tuple[ZoneInfo, ...]:
    names = sorted(
        n for n in available_timezones() if "/" in n and not n.startswith(("Etc/", "SystemV/"))
    )
    return tuple(ZoneInfo(n) for n in names)


def offset_of(local: datetime, instant: datetime) -> timedelta | None:
    """The UTC offset that makes naive ``local`` name aware ``instant``, if plausible."""
    if local.tzinfo is not None or instant.tzinfo is None:
        return None
    offset = local - instant.astimezone(UTC).replace(tzinfo=None)
    if abs(offset) > _MAX_OFFSET or offset % _QUARTER:
        return None
    return offset


def date_pairs(raws: Iterable[str]) -> list[tuple[datetime, datetime]]:
    """(local, instant) pairs among date strings for one event: naive ones with aware ones."""
    # A bare date ("2024-12-13", "13. Dezember 2024") parses to midnight: it
    # names no hour, and paired with a timestamp it would teach a false offset.
    timed = [raw for raw in raws if is_local_time(raw) or not _is_naive(raw)]
    parsed = [d for d in (parse_local(raw) for raw in timed) if d is not None]
    naive = [d for d in parsed if d.tzinfo is None]
    aware = [d for d in parsed if d.tzinfo is not None]
    return [(n, a) for n in naive for a in aware if offset_of(n, a) is not None]


def _is_naive(raw: str) -> bool:
    when = parse_local(raw)
    return when is not None and when.tzinfo is None


def is_local_time(raw: str | None) -> bool:
    """True when ``raw`` names a time of day without an offset ("Dec 9, 2024 1:50 PM").

    A bare date ("2024-12-09") is not: it has no hour for a zone to shift.
    """
    when = parse_local(raw)
    return when is not None and when.tzinfo is None and bool(_TIME_OF_DAY.search(str(raw)))


class SiteClock:
    """The timezone evidence of one site, gathered during a crawl."""

    def __init__(self) -> None:
        self.candidates: tuple[ZoneInfo, ...] | None = None
        self.observations = 0

    def observe(self, local: datetime, instant: datetime) -> bool:
        """Record that ``local`` (naive) was printed for ``instant`` (aware).

        Returns False, and changes nothing, when the pair is implausible or
        contradicts every zone still in the running (a mistaken pair).
        """
        offset = offset_of(local, instant)
        if offset is None:
            return False
        pool = self.candidates if self.candidates is not None else _zones()
        utc = instant.astimezone(UTC)
        kept = tuple(z for z in pool if utc.astimezone(z).utcoffset() == offset)
        if not kept:
            return False
        self.candidates = kept
        self.observations += 1
        return True

    def to_utc(self, local: datetime) -> datetime | None:
        """Convert a naive local time with the learned zones, or None before any evidence."""
        if local.tzinfo is not None:
            return local.astimezone(UTC)
        votes = self._offsets(local)
        if not votes:
            return None
        offset, _ = votes.most_common(1)[0]
        assert offset is not None
        return (local - offset).replace(tzinfo=UTC)

    def _offsets(self, local: datetime) -> Counter[timedelta | None]:
        """How many of the zones still in the running give ``local`` each UTC offset."""
        return Counter(local.replace(tzinfo=z).utcoffset() for z in self.candidates or ())

    def reads(self, raw: str | None) -> bool:
        """Does the evidence settle the UTC instant of ``raw``'s local time?

        False before any evidence, and while the zones still in the running
        disagree on it: one summer pair at UTC-4 leaves New York (UTC-5 in
        December) beside Puerto Rico (UTC-4 all year), so a December time is
        not settled until a winter pair, or a zone-wide hint, says which.
        A time with an offset, or no time at all, needs no clock: True.
        """
        if not is_local_time(raw):
            return True
        local = parse_local(str(raw))
        return local is None or len(self._offsets(local)) == 1

    def zone_name(self) -> str | None:
        """One representative zone name (for display), or None before any evidence."""
        return self.candidates[0].key if self.candidates else None
