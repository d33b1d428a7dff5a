"""Bylines into clean person names: no roles, handles, e-mail addresses or credits."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newscrawl.processors.text import clean_text, dedupe

_BY_PREFIX = re.compile(
    r"^(?:(?:written|reported|reporting|words|text|story|posted|photos?)\s+)?by[:\s]+",
    re.IGNORECASE,
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\be\b|\s\|\s|·|/)\s*")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
# An "@" after no letter (": @jane", "(@jane)"); e-mail addresses went before.
_HANDLE = re.compile(r"(?<!\w)@\w+")
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
    """One clean name; None for roles, handles, e-mail addresses and noise.

    Idempotent: removing one thing can uncover another ("@jane By Ada"), so the
    rules apply again until the name stands. Each round only removes text, so
    this ends.
    """
    text = clean_text(value)
    while text:
        name = _clean_name(text)
        if name == text:
            return name
        text = name
    return None


def _clean_name(text: str) -> str | None:
    text = _BY_PREFIX.sub("", text)
    text = _EMAIL.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    text = _URL.sub(" ", text)
    # "Jane Doe - Staff Writer", "Jane Doe (Reuters)": keep the name part.
    text = re.split(r"\s+[-\u2013\u2014]\s+", text)[0]
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    # Spaces collapsed again: a removed handle or address leaves a gap.
    text = " ".join(text.split()).strip(" \t.,;:|-\u2013\u2014\"'\u201c\u201d")
    if not text or len(text) > 80 or not re.search(r"[^\W\d_]", text):
        return None
    words = text.casefold().split()
    if all(w in _ROLE_WORDS for w in words) or _PICTURE_CREDIT.search(text):
        return None
    if re.search(r"\d", text):
        return None
    return text
