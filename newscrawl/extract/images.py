"""Image URLs: which URL an ``<img>`` shows, and which URLs name one picture.

News sites serve one picture at many sizes, through resizing proxies and
under lazy-loading attributes: og:image, JSON-LD and the ``<img>`` srcset of
the same photo are rarely the same string. ``same_picture`` tells renditions
of one picture apart from other pictures; ``shown_url`` reads the URL a
browser would end up showing for an ``<img>``, not its lazy-load stand-in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import parse_qsl, urljoin, urlsplit

from lxml.html import HtmlElement

_IMAGE_EXT = re.compile(r"(?:\.(?:jpe?g|png|webp|gif|avif|bmp))+$", re.IGNORECASE)
#: Rendition parts of a file name: "1440x810_", "-1024x576", "_w1080_h608".
_SIZE = re.compile(r"\d{2,5}x\d{2,5}|(?<![a-z0-9])[wh]_?\d{2,5}(?![a-z0-9])", re.IGNORECASE)
#: A path part that names one picture: long, with digits (a hash or an id).
_MIN_ID_CHARS = 12
#: A file name this short ("image", "4616") does not identify a picture alone.
_MIN_STEM_CHARS = 6

#: Attributes holding a srcset, then a single URL, most specific first: a lazy
#: loader keeps the real picture in data-* and a placeholder in src/srcset.
_SRCSET_ATTRS = ("data-srcset", "data-lazy-srcset", "srcset")
_SRC_ATTRS = ("data-src", "data-lazy-src", "data-original", "src")
#: Icons and tracking pixels declare a size below this; photos do not.
MIN_DECLARED_SIDE = 100


def _unwrap(url: str) -> str:
    """The image URL inside a resizing proxy ("...?url=https://host/pic.jpg")."""
    for _, value in parse_qsl(urlsplit(url).query):
        if value.startswith(("http://", "https://")):
            return value
    return url


def picture_key(url: str) -> tuple[str, frozenset[str]]:
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
    return stem, frozenset(ids)


def _same_key(key: tuple[str, frozenset[str]], other: tuple[str, frozenset[str]]) -> bool:
    stem, ids = key
    other_stem, other_ids = other
    if stem and stem == other_stem and len(stem) >= _MIN_STEM_CHARS:
        return True
    return bool(ids & other_ids)


def same_picture(predicted: str | None, renditions: Iterable[str]) -> bool:
    """True when ``predicted`` is a rendition of the same picture as one of ``renditions``.

    Two URLs name the same picture when, after unwrapping resizing proxies and
    dropping the query, host and size tokens, their file names agree (and are
    distinctive), or their paths share a long identifier (a hash or image id).
    """
    if not predicted:
        return False
    key = picture_key(predicted)
    return any(_same_key(key, picture_key(url)) for url in renditions)


def _srcset_urls(value: str) -> list[tuple[float, str]]:
    """(width or density, URL) of each srcset candidate; 0 when undescribed."""
    found: list[tuple[float, str]] = []
    # Candidates are split on ", " or "," after a descriptor; URLs may hold commas
    # (Cloudinary-style "w_800,c_limit"), so split on a comma followed by space
    # or on one right after a "123w" / "2x" descriptor.
    for candidate in re.split(r",\s+|(?<=\d[wx]),", value.strip()):
        bits = candidate.split()
        if not bits:
            continue
        size = 0.0
        if len(bits) > 1 and re.fullmatch(r"\d+(?:\.\d+)?[wx]", bits[1]):
            size = float(bits[1][:-1])
        found.append((size, bits[0].rstrip(",")))
    return found


def _usable(url: str) -> bool:
    """A real picture address: not inline data and not a vector icon or logo."""
    path = urlsplit(url).path.casefold()
    return bool(url) and not url.startswith("data:") and not path.endswith(".svg")


def _too_small(img: HtmlElement) -> bool:
    for side in (img.get("width"), img.get("height")):
        if side and side.strip().isdigit() and int(side) < MIN_DECLARED_SIDE:
            return True
    return False


def shown_url(element: HtmlElement, base_url: str) -> str | None:
    """The picture an element (an ``<img>``, or a figure holding some) shows.

    A lazy-loading page puts a shared placeholder in ``src`` (or in a first
    ``<img>``) and the real picture in a srcset or a ``data-*`` attribute, so
    a srcset beats a plain URL, a ``data-*`` URL beats ``src``, and of a
    srcset the largest candidate is taken (the fullest rendition).
    """
    images = [e for e in element.iter("img", "source") if e.tag == "source" or not _too_small(e)]
    for image in images:
        for attr in _SRCSET_ATTRS:
            candidates = [c for c in _srcset_urls(image.get(attr) or "") if _usable(c[1])]
            if candidates:
                return urljoin(base_url, max(candidates, key=lambda c: c[0])[1])
    for image in images:
        for attr in _SRC_ATTRS:
            value = (image.get(attr) or "").strip()
            if _usable(value):
                return urljoin(base_url, value)
    return None


def page_image_urls(tree: HtmlElement) -> Iterator[str]:
    """Every image URL the page's ``<img>`` and ``<source>`` elements name, raw."""
    for element in tree.iter("img", "source"):
        for attr in _SRC_ATTRS:
            value = element.get(attr)
            if value and value.strip():
                yield value.strip()
        for attr in _SRCSET_ATTRS:
            value = element.get(attr)
            if value and value.strip():
                yield from (url for _, url in _srcset_urls(value))


def shown_on_page(image_url: str, tree: HtmlElement) -> bool:
    """Does any ``<img>`` of the page show a rendition of this picture?"""
    key = picture_key(image_url)
    return any(_same_key(key, picture_key(url)) for url in page_image_urls(tree))
