"""Compare one extracted field with its gold value, strictly.

Each comparison forgives only differences that carry no information (and
says which); ``newscrawl.evaluation`` counts them over a dataset. Pictures
are compared with ``same_picture`` (``images.py``), which extraction uses too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from newscrawl.extract.images import same_picture

__all__ = ["normalize_title", "same_authors", "same_minute", "same_picture", "same_title"]

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
                         "\u201f": '"', "\u2033": '"'})  # fmt: skip


def normalize_title(text: str | None) -> str:
    """NFC, single spaces, ASCII quotes: the only differences a title comparison forgives."""
    text = unicodedata.normalize("NFC", text or "").translate(_QUOTES)
    return " ".join(text.split())


def same_title(predicted: str | None, gold: str | None) -> bool:
    return bool(predicted) and normalize_title(predicted) == normalize_title(gold)


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def same_authors(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    """The exact list, in order; names compared without case or spacing differences."""
    return [_name_key(n) for n in predicted] == [_name_key(n) for n in gold]


def _to_minute(value: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(second=0, microsecond=0)


def same_day(predicted: str | None, gold: str | None) -> bool:
    """``predicted`` falls on the calendar day that ``gold`` (a date only) names,
    in some real time zone (UTC-12 to UTC+14): the gold is the publisher's local
    date, and a UTC instant can sit on either side of it."""
    if not predicted or not gold:
        return False
    ours = _to_minute(predicted)
    try:
        day = datetime.fromisoformat(gold[:10]).replace(tzinfo=UTC)
    except ValueError:
        return False
    return ours is not None and day - timedelta(hours=14) <= ours < day + timedelta(hours=36)


def same_minute(predicted: str | None, gold: str | None) -> bool:
    """Both dates name the same UTC minute."""
    if not predicted or not gold:
        return False
    ours, want = _to_minute(predicted), _to_minute(gold)
    return ours is not None and ours == want
