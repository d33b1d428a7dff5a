"""Compare one extracted field with its gold value, strictly.

Each comparison forgives only differences that carry no information (and
says which); ``newscrawl.evaluation`` counts them over a dataset.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlsplit

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


def same_minute(predicted: str | None, gold: str | None) -> bool:
    """Both dates name the same UTC minute."""
    if not predicted or not gold:
        return False
    ours, want = _to_minute(predicted), _to_minute(gold)
    return ours is not None and ours == want


_IMAGE_EXT = re.compile(r"(?:\.(?:jpe?g|png|webp|gif|avif|bmp))+$", re.IGNORECASE)
#: Rendition parts of a file name: "1440x810_", "-1024x576", "_w1080_h608".
_SIZE = re.compile(r"\d{2,5}x\d{2,5}|(?<![a-z0-9])[wh]_?\d{2,5}(?![a-z0-9])", re.IGNORECASE)
#: A path part that names one picture: long, with digits (a hash or an id).
_MIN_ID_CHARS = 12
#: A file name this short ("image", "4616") does not identify a picture alone.
_MIN_STEM_CHARS = 6


def _unwrap(url: str) -> str:
    """The image URL inside a resizing proxy ("...?url=https://host/pic.jpg")."""
    for _, value in parse_qsl(urlsplit(url).query):
        if value.startswith(("http://", "https://")):
            return value
    return url


def _picture_key(url: str) -> tuple[str, set[str]]:
    """(file stem without extensions or sizes, identifying path parts) of an image URL.

    The whole path counts as an identifying part: one path at two sizes
    ("pic.png?width=360", "pic.png?width=1200") is one picture.
    """
    path = urlsplit(_unwrap(url.strip())).path.casefold()
    parts = [p for p in re.split(r"[/,]", path) if p]
    stem = _IMAGE_EXT.sub("", parts[-1]) if parts else ""
    stem = _SIZE.sub("", stem).strip("_-.")
    ids = {
        p
        for p in [*parts[:-1], stem]
        if len(p) >= _MIN_ID_CHARS and re.search(r"\d", p) and not _SIZE.fullmatch(p)
    }
    if parts:
        ids.add("/".join(parts))
    return stem, ids


def same_picture(predicted: str | None, renditions: Iterable[str]) -> bool:
    """True when ``predicted`` is a rendition of the same picture as one of ``renditions``.

    News sites serve one picture at many sizes; og:image is usually a larger
    rendition than the ``<img>`` the gold recorded. Two URLs name the same
    picture when, after unwrapping resizing proxies and dropping the query,
    host and size tokens, their file names agree (and are distinctive), or
    their paths share a long identifier (a hash or image id).
    """
    if not predicted:
        return False
    stem, ids = _picture_key(predicted)
    for url in renditions:
        other_stem, other_ids = _picture_key(url)
        if stem and stem == other_stem and len(stem) >= _MIN_STEM_CHARS:
            return True
        if ids & other_ids:
            return True
    return False
