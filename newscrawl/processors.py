"""Named normalisers for article fields.

Each function takes one raw value (as a page gave it) and returns the clean
form, or ``None`` / ``[]`` when nothing usable is left. They are pure and
small so that the item loader can stay a thin declaration and each rule can be
unit tested on its own.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as date_parser
from lxml.html import defs as html_defs
from w3lib.html import replace_entities

# --------------------------------------------------------------------------- text

_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# Real HTML tags only: "<The Palace>" in prose is a title, not markup.
_TAG = re.compile(
    rf"</?({'|'.join(sorted(html_defs.tags, key=len, reverse=True))})(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_INLINE_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
    ]
)


def _tag_gap(match: re.Match[str]) -> str:
    """Inline tags vanish ("<b>x</b>y" -> "xy"); block tags leave a space between words."""
    return "" if match.group(1).lower() in _INLINE_TAGS else " "


_BLANK_LINES = re.compile(r"\n\s*\n+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200d\u2060\ufeff\u00ad"), None)
#: The same characters as a regex: much faster than ``str.translate`` with a dict.
_INVISIBLE_RE = re.compile("[\u200c\u200d\u2060\ufeff\u00ad]")


def clean_text(value: Any) -> str | None:
    """Decode entities, drop stray tags and collapse whitespace to single spaces."""
    if value is None:
        return None
    text = str(value)
    # The checks skip two costly passes on the many strings that need neither.
    if "&" in text:
        text = replace_entities(text)
    if "<" in text:
        # Only real tags: "<숨바꼭질>" or "<The Palace>" in prose are titles.
        text = _TAG.sub(_tag_gap, text)
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))
    text = " ".join(_SPACE.sub(" ", text).split())
    return text or None


def clean_body(value: Any) -> str | None:
    """Clean a body text but keep paragraphs: one blank line between them."""
    if value is None:
        return None
    text = replace_entities(str(value)).translate(_INVISIBLE)
    paragraphs = [clean_text(p) for p in _BLANK_LINES.split(text.replace("\r\n", "\n"))]
    body = "\n\n".join(p for p in paragraphs if p)
    return body or None


def word_count(body: str | None) -> int:
    """Number of words (``\\w+`` runs) in ``body``."""
    return len(re.findall(r"\w+", body or ""))


def content_hash(body: str | None) -> str | None:
    """sha256 hex of the body with case and whitespace normalised.

    Two fetches of one article that differ only in spacing or letter case hash
    alike, which is what the dedupe pipeline needs.
    """
    if not body or not body.strip():
        return None
    normalised = " ".join(unicodedata.normalize("NFC", body).casefold().split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def strip_title_suffix(title: str | None, site_name: str | None = None) -> str | None:
    """Remove a trailing (or leading) `` | Site`` / `` - Site`` from ``title``.

    Only the site's own name is removed, so a title such as "Kyiv - a city
    under fire" keeps its dash.
    """
    title = clean_text(title)
    if not title or not site_name:
        return title
    site = clean_text(site_name)
    if not site:
        return title
    site_key = name_key(site)
    for sep in (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " · ", " : ", " • "):
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        if head and name_key(tail) == site_key:
            return head.strip()
        first, _, rest = title.partition(sep)
        if rest and name_key(first) == site_key:
            return rest.strip()
    return title


def name_key(text: str) -> str:
    """Compare site names loosely: "The Kyiv Independent" ~ "kyivindependent"."""
    key = re.sub(r"\W+", "", text.casefold())
    return key.removeprefix("the")


def is_site_name(name: str, site_name: str | None) -> bool:
    """True when ``name`` is the site itself: "CBC News" for "CBC", "SITE.COM" for "The Site".

    A desk or team of the site ("The Kyiv Independent news desk") is not.
    """
    if not site_name:
        return False

    def core(text: str) -> str:
        key = name_key(text)
        for suffix in ("com", "news", "online"):
            key = key.removesuffix(suffix)
        return key

    return bool(core(site_name)) and core(name) == core(site_name)


def clean_url(value: Any) -> str | None:
    """A URL as given, or None when it is not an http(s) URL."""
    text = clean_text(value)
    if not text or not re.match(r"^https?://", text, re.IGNORECASE):
        return None
    return text


def to_bool(value: Any) -> bool | None:
    """Read a flag given as a bool or as "true"/"false" text."""
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().casefold()
    if text in {"true", "1", "yes"}:
        return True
    if text in {"false", "0", "no"}:
        return False
    return None


# --------------------------------------------------------------------------- authors

_BY_PREFIX = re.compile(
    r"^(?:(?:written|reported|reporting|words|text|story|posted|photos?)\s+)?by[:\s]+",
    re.IGNORECASE,
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\be\b|\s\|\s|·|/)\s*")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?:^|\s)@\w+")
_URL = re.compile(r"https?://\S+")
# Words that make up job titles. A byline part made only of these is a role,
# not a person ("Staff Writer", "Senior Political Correspondent").
_ROLE_WORDS = frozenset(
    [
        "staff",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "contributor",
        "contributors",
        "columnist",
        "senior",
        "chief",
        "political",
        "contributing",
        "associate",
        "deputy",
        "managing",
        "executive",
        "special",
        "investigative",
        "freelance",
        "journalist",
        "journalists",
        "photographer",
        "photojournalist",
        "producer",
        "analyst",
        "assistant",
        "international",
        "foreign",
        "national",
        "local",
        "business",
        "sports",
        "science",
        "health",
        "technology",
        "tech",
        "culture",
        "economics",
        "economy",
        "politics",
        "opinion",
        "of",
        "the",
        "for",
        "at",
        "in",
        "our",
        "guest",
        "author",
        "authors",
        "video",
        "data",
        "bureau",
        "white",
        "house",
        "global",
        "affairs",
        "intern",
        "fellow",
    ]
)
# Picture agencies and credits are not authors of the text.
_PICTURE_CREDIT = re.compile(r"\b(?:photos?|images?|pictures?|getty|shutterstock)\b", re.IGNORECASE)
# Text after these words is no longer part of a byline ("Jane Doe Updated 3h ago").
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_BYLINE_TAIL = re.compile(
    r"\s*(?:\b(?:updated|published|posted|last\s+updated|follow|read\s+more|more\s+by|"
    r"min(?:ute)?s?\s+read|for\s+(?:the\s+)?[A-Z]\w*)\b|\||\d{1,2}[:/.]\d{1,2}|\b(?:19|20)\d{2}\b"
    rf"|\b{_MONTHS}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTHS}(?:\s|$)).*$",
    re.IGNORECASE,
)


def split_authors(value: Any) -> list[str]:
    """Split one byline or a list of names into clean names, in order, no repeats.

    >>> split_authors("By Jane Doe and The Kyiv Independent news desk")
    ['Jane Doe', 'The Kyiv Independent news desk']
    """
    if value is None:
        return []
    raw: Iterable[Any] = value if isinstance(value, list | tuple) else [value]
    names: list[str] = []
    for item in raw:
        text = clean_text(item)
        if not text:
            continue
        text = _BY_PREFIX.sub("", text)
        text = _EMAIL.sub(" ", text)
        text = _URL.sub(" ", text)
        text = _BYLINE_TAIL.sub("", text)
        for part in _AUTHOR_SPLIT.split(text):
            name = clean_author(part)
            if name:
                names.append(name)
    return dedupe(names)


def clean_author(value: Any) -> str | None:
    """One clean name; None for roles, handles, e-mail addresses and noise."""
    text = clean_text(value)
    if not text:
        return None
    text = _BY_PREFIX.sub("", text)
    text = _EMAIL.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    text = _URL.sub(" ", text)
    # "Jane Doe - Staff Writer", "Jane Doe (Reuters)": keep the name part.
    text = re.split(r"\s+[-\u2013\u2014]\s+", text)[0]
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    text = text.strip(" \t.,;:|-\u2013\u2014\"'\u201c\u201d")
    if not text or len(text) > 80 or not re.search(r"[^\W\d_]", text):
        return None
    words = text.casefold().split()
    if all(w in _ROLE_WORDS for w in words) or _PICTURE_CREDIT.search(text):
        return None
    if re.search(r"\d", text):
        return None
    return text


def dedupe(values: Iterable[str]) -> list[str]:
    """Drop repeats (case-insensitive), keeping the first spelling and the order."""
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        key = value.casefold()
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out


# --------------------------------------------------------------------------- tags


def clean_tags(value: Any) -> list[str]:
    """Tags from a list or a comma-separated string; trimmed, no repeats."""
    if value is None:
        return []
    raw = value if isinstance(value, list | tuple) else [value]
    tags: list[str] = []
    for item in raw:
        text = clean_text(item)
        if not text:
            continue
        for part in re.split(r"\s*[,;]\s*", text):
            tag = part.strip(" #")
            if tag and len(tag) <= 100:
                tags.append(tag)
    return dedupe(tags)


# --------------------------------------------------------------------------- language

_LANGUAGE_NAMES = {
    "english": "en",
    "german": "de",
    "deutsch": "de",
    "french": "fr",
    "français": "fr",
    "spanish": "es",
    "español": "es",
    "italian": "it",
    "italiano": "it",
    "portuguese": "pt",
    "português": "pt",
    "ukrainian": "uk",
    "українська": "uk",
    "russian": "ru",
    "polish": "pl",
    "dutch": "nl",
    "japanese": "ja",
    "korean": "ko",
    "chinese": "zh",
}
#: ISO 639-2 codes seen on news sites, to their ISO 639-1 form.
_ISO639_2 = {
    "eng": "en",
    "deu": "de",
    "ger": "de",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "ita": "it",
    "por": "pt",
    "ukr": "uk",
    "rus": "ru",
    "pol": "pl",
    "nld": "nl",
    "dut": "nl",
    "jpn": "ja",
    "kor": "ko",
    "zho": "zh",
    "chi": "zh",
    "ara": "ar",
    "tur": "tr",
}


def normalize_language(value: Any) -> str | None:
    """An ISO 639-1 code from "en-US", "en_GB", "eng" or "English"; else None."""
    text = clean_text(value)
    if not text:
        return None
    text = text.casefold()
    if text in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[text]
    code = re.split(r"[-_\s,;]", text)[0]
    if code in _ISO639_2:
        return _ISO639_2[code]
    if re.fullmatch(r"[a-z]{2}", code):
        return code
    return None


# --------------------------------------------------------------------------- dates

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
_DATE_NOISE = re.compile(
    r"^\s*(?:(?:first\s+)?published|updated|last\s+updated|posted|modified|on|date|at)\b[:\s]*",
    re.IGNORECASE,
)
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
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
    context has one that knows the site, else in ``timezone`` (default UTC).
    """
    clock = loader_context.get("clock")
    if clock is not None:
        local = parse_local(value)
        if local is not None and local.tzinfo is None:
            learned = clock.to_utc(local)
            if learned is not None:
                return parse_datetime(learned)
    return parse_datetime(value, loader_context.get("timezone") or "UTC")


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


def _to_datetime(raw: Any, tz: str) -> datetime | None:
    when = parse_local(raw)
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_zone(tz))
    return when.astimezone(UTC)


def _parse_text(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    text = _DATE_NOISE.sub("", text)
    text = _DATE_NOISE.sub("", text)
    try:
        first = date_parser.parse(text, default=_DEFAULT_A, tzinfos=_TZ_ABBREVIATIONS, fuzzy=True)
        second = date_parser.parse(text, default=_DEFAULT_B, tzinfos=_TZ_ABBREVIATIONS, fuzzy=True)
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
