"""Dates as printed for readers, in the languages news sites are written in.

"13. Dezember 2024", "11 грудня 2024, 10:00", "11 de diciembre de 2024 a las
10:30", "December 3, 2024 - 5:30pm": a day, a month name, a year and maybe a
time of day; and "2019年4月4日 10:30" (Chinese, Japanese, Korean: numbers
marked as year, month and day). dateutil parses such a string once it is in English, so this
module finds the printed date and writes it the English way. A date of numbers
only ("2/24/2026") is read by :func:`numeric_date` when one order alone makes sense.

The month names are CLDR's, through Babel (a dependency of courlan, which
trafilatura pulls in): every form a language prints, the genitive of the
Slavic languages ("грудня", "grudnia") and the abbreviations ("févr.") too.
dateparser reads these as well, but its search over free text is slow and
takes many ordinary words for dates; a page's date line needs only a day, a
month and a year in one of two orders, which one regular expression finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

#: Languages whose month names are read. No two of them give one word two
#: months (Croatian's "listopad" is October, Czech and Polish November: the
#: South Slavic languages are left out); ``_month_table`` checks.
LOCALES = (
    *("en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "uk", "ru"),
    *("sv", "da", "nb", "fi", "ro", "hu", "tr", "ca", "el", "id"),
)
#: Abbreviations shorter than this ("ma", "lu") are ordinary words too.
MIN_MONTH_CHARS = 3
_ENGLISH = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


@lru_cache(maxsize=1)
def _month_table() -> dict[str, int]:
    """Lower-case month name or abbreviation (no trailing dot) -> month number."""
    from babel.dates import get_month_names  # loads CLDR data: on first use only

    table: dict[str, int] = {}
    clashes: set[str] = set()
    for locale in LOCALES:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, context, locale).items():
                    key = name.casefold().rstrip(".")
                    if len(key) < MIN_MONTH_CHARS:
                        continue
                    if table.setdefault(key, number) != number:
                        clashes.add(key)
    for key in clashes:  # a word two languages give different months says nothing
        del table[key]
    return table


def month_number(name: str) -> int | None:
    """The month a printed month name stands for, in any of ``LOCALES``."""
    return _month_table().get(name.casefold().rstrip("."))


_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
#: Words between a date's parts: Spanish, Portuguese, Catalan "de", Italian "di".
_OF = r"(?:\s*,?\s+(?:de|del|di|d')?\s*|\s*,\s*|\s+)"
#: Words between a date and its time: "at", "um", "à", "a las", "alle", "om",
#: "kl.", "o", "godz.", Russian and Ukrainian "в" and "o", "klo", "saat", a comma,
#: a dash or a bar.
_BEFORE_TIME = (
    r"(?:\s*[,|/\-\u2013\u2014]?\s*(?:at|um|à|a\s+las|a\s+les|às|alle|ore|om|kl\.?|"
    r"o|godz\.?|в|\u043e|klo\.?|saat|le)?\s*)"
)
_TIME = (
    rf"(?:{_BEFORE_TIME}(?P<hour>[01]?\d|2[0-3])[:.h](?P<minute>[0-5]\d)"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
    r"(?:\s*(?:Uhr|h)\b)?"
    # An upper-case zone abbreviation only ("CET", "EST"): "von" is a word.
    r"(?:\s*(?P<zone>(?-i:[A-Z]{2,5})\b|[+-]\d\d:?\d\d))?)?"
)


#: Chinese, Japanese and Korean dates: numbers marked by 年/月/日 (년/월/일), year
#: first, maybe a weekday in (full-width) brackets and a time ("2019年4月4日(木) 10:30").
_CJK_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*"
    r"(?P<day>[0-3]?\d)\s*[日일]"
    r"(?:\s*[(\uff08][^)\uff09]{1,3}[)\uff09])?"
    r"(?:\s*(?P<hour>[01]?\d|2[0-3])\s*[:\uff1a時时시]\s*(?P<minute>[0-5]\d))?"
)


@dataclass(frozen=True)
class PrintedDate:
    """One date found in a text: where it stands and its English spelling."""

    start: int
    end: int
    english: str
    has_time: bool


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = sorted(_month_table(), key=len, reverse=True)
    month = rf"(?P<month>{'|'.join(re.escape(n) for n in names)})\.?"
    day_first = rf"(?<!\w){_DAY}{_OF}{month}{_OF}{_YEAR}(?!\d){_TIME}"
    month_first = rf"(?<!\w){month}\s*{_DAY},?\s+{_YEAR}(?!\d){_TIME}"
    flags = re.IGNORECASE
    return re.compile(day_first, flags), re.compile(month_first, flags)


def find_printed_dates(text: str) -> list[PrintedDate]:
    """Every day-month-year date printed in ``text``, in order, with its time if any."""
    found: list[PrintedDate] = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            _add(found, match, month_number(match["month"]))
    for match in _CJK_DATE.finditer(text):
        _add(found, match, int(match["month"]))
    found.sort(key=lambda d: d.start)
    # The two orders can read one date twice ("11 December 2024" has no second).
    kept: list[PrintedDate] = []
    for printed in found:
        if not kept or printed.start >= kept[-1].end:
            kept.append(printed)
    return kept


def _add(found: list[PrintedDate], match: re.Match[str], month: int | None) -> None:
    """Append the date ``match`` names, written the English way, if it is a real one."""
    day = int(match["day"])
    if not 1 <= day <= 31 or month is None or not 1 <= month <= 12:
        return
    english = f"{day} {_ENGLISH[month - 1]} {match['year']}"
    has_time = match["hour"] is not None
    if has_time:
        english += f" {int(match['hour'])}:{match['minute']}"
        extra = match.groupdict()  # the CJK pattern has no am/pm and no zone
        if extra.get("ampm"):
            english += f" {extra['ampm'].upper()}M"
        if extra.get("zone"):
            english += f" {extra['zone']}"
    found.append(PrintedDate(match.start(), match.end(), english, has_time))


def english_date(text: str) -> str | None:
    """The first printed date of ``text`` written in English, for dateutil; None if none."""
    dates = find_printed_dates(text)
    return dates[0].english if dates else None


#: "2/24/2026", "24.02.2026": numbers only, read where one order alone makes sense.
_NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2((?:19|20)\d{2})(?![\d/.])")


def numeric_date(text: str) -> str | None:
    """The ISO day of a numeric date whose order is plain: one of its first two
    numbers is over 12 ("2/24/2026" is 24 February); None when both could be the
    month ("2/3/2026": 2 March or 3 February), as the reader's locale decides."""
    match = _NUMERIC_DATE.search(text)
    if match is None:
        return None
    first, second, year = int(match[1]), int(match[3]), int(match[4])
    if first > 12 and 1 <= second <= 12 and first <= 31:
        day, month = first, second
    elif second > 12 and 1 <= first <= 12 and second <= 31:
        day, month = second, first
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:  # 31 April
        return None
