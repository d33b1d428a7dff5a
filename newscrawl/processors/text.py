"""Text normalisers: entities, stray tags and whitespace.

Also the values built on clean text: bodies with their paragraphs, word
counts, the content hash, and the small fields read as text (URLs, flags, tags).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from lxml.html import defs as html_defs
from w3lib.html import replace_entities

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
#: The same characters as a regex (much faster than ``str.translate`` with a dict), and
#: the C0 control characters that are not whitespace: a NUL from a page's broken bytes
#: or a JSON-LD "\\u0000" must not reach PostgreSQL, which refuses it in text.
_INVISIBLE_RE = re.compile("[\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0e-\x1f\x7f]")


#: An escaped ampersand, escaped again any number of times ("&amp;amp;", "&#38;amp;").
_AMPERSANDS = re.compile(r"&(?:amp;|#0*38;|#x0*26;)+", re.IGNORECASE)
#: Decoding passes at most: real values are escaped two or three times at most.
_ENTITY_PASSES = 8


def decode_entities(text: str) -> str:
    """HTML entities decoded until none is left, so that decoding again changes nothing.

    Feeds and JSON-LD often escape twice ("&amp;amp;", "&amp;#8217;"). Chains of
    escaped ampersands collapse first in one regex pass, so that a hostile
    "&amp;amp;amp;..." costs one pass, not one per link; other nestings get
    ``_ENTITY_PASSES`` passes.
    """
    text = _AMPERSANDS.sub("&", text)
    for _ in range(_ENTITY_PASSES):
        # remove_illegal=False: "Q&A;" is text, not an entity to delete.
        decoded = replace_entities(text, remove_illegal=False)
        if decoded == text:
            break
        text = decoded
    return text


def clean_text(value: Any) -> str | None:
    """Decode entities, drop stray tags and collapse whitespace to single spaces."""
    if value is None:
        return None
    text = str(value)
    if _is_clean(text):
        return text.strip() or None
    # Decoding can make a tag ("&lt;b&gt;"), and dropping a tag or an invisible
    # character can make an entity ("&<b></b>amp;"): again until nothing changes,
    # so that cleaning a clean value changes nothing.
    for _ in range(_ENTITY_PASSES):
        before = text
        text = _INVISIBLE_RE.sub("", text)
        # The checks skip two costly passes on the many strings that need neither.
        if "&" in text:
            text = decode_entities(text)
        if "<" in text:
            # Only real tags: "<숨바꼭질>" or "<The Palace>" in prose are titles.
            text = _TAG.sub(_tag_gap, text)
        if text == before:
            break
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))
    text = " ".join(_SPACE.sub(" ", text).split())
    return text or None


def _is_clean(text: str) -> bool:
    """Would :func:`clean_text` change nothing in ``text`` but its ends?

    Most values (a body's paragraphs above all) are clean already, and this
    test costs a fraction of the passes. It is exact: ``isprintable()`` is False
    for every whitespace character but the plain space and for every character
    ``_INVISIBLE_RE`` removes, and without "&" and "<" there is no entity or tag.
    """
    return (
        "&" not in text
        and "<" not in text
        and "  " not in text
        and text.isprintable()
        and unicodedata.is_normalized("NFC", text)
    )


def clean_body(value: Any) -> str | None:
    """Clean a body text but keep paragraphs: one blank line between them."""
    if value is None:
        return None
    text = decode_entities(str(value)).translate(_INVISIBLE)
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
