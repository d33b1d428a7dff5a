"""Sitemap reading: XML sitemaps, sitemap indexes, Google News sitemaps, robots.txt.

Pure functions over the response body. Unlike ``scrapy.utils.sitemap.Sitemap``
this keeps Google News' ``news:publication_date`` and ``news:title``, which let
the spider favour fresh articles before fetching them. Bodies may be gzipped
(detected by magic bytes, whatever the headers say); the decompressed size is
capped so a gzip bomb raises :class:`SitemapError` instead of eating memory.
Text sitemaps (one URL per line, allowed by sitemaps.org) are read too.
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass
from typing import Any

from lxml import etree
from protego import Protego

from newscrawl.extract.feeds import localname, parse_untrusted_xml, root_element_name
from newscrawl.extract.links import absolute_url

logger = logging.getLogger(__name__)

#: Default cap on a (decompressed) sitemap; sitemaps.org allows 50 MB uncompressed.
MAX_SITEMAP_SIZE = 50 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"


class SitemapError(ValueError):
    """The body is not a sitemap, or is too large to read safely."""


@dataclass(frozen=True)
class SitemapEntry:
    """One ``<url>`` or ``<sitemap>`` entry; dates raw, as the file gives them."""

    loc: str
    lastmod: str | None = None
    news_publication_date: str | None = None
    news_title: str | None = None


@dataclass(frozen=True)
class Sitemap:
    """A parsed sitemap: ``kind`` is ``"urlset"`` or ``"sitemapindex"``."""

    kind: str
    entries: list[SitemapEntry]


def parse_sitemap(body: bytes, url: str, *, max_size: int = MAX_SITEMAP_SIZE) -> Sitemap:
    """Parse a sitemap or sitemap index, gzipped or not, namespaced or not.

    Relative ``<loc>`` values are resolved against ``url``; repeated locations are
    kept once. Raises :class:`SitemapError` when the body is neither kind of sitemap
    or is larger than ``max_size`` bytes once decompressed.
    """
    if len(body) > max_size:
        raise SitemapError(f"sitemap {url} is larger than {max_size} bytes")
    if body.startswith(_GZIP_MAGIC):
        body = _gunzip(body, max_size, url)
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"http://", b"https://")):
        return Sitemap("urlset", _text_entries(body, url))
    root = parse_untrusted_xml(body, url)
    kind = localname(root).lower() if root is not None else ""
    if kind == "urlset":
        entries = _entries(root, "url", url)
    elif kind == "sitemapindex":
        entries = _entries(root, "sitemap", url)
    else:
        raise SitemapError(f"{url} is not a sitemap (root element {kind or 'missing'!r})")
    return Sitemap(kind, entries)


def is_sitemap(body: bytes, content_type: str | None = None) -> bool:
    """True when ``body`` is an XML sitemap or sitemap index (gzipped or not).

    Sniffs the root element, like :func:`newscrawl.extract.feeds.is_feed`: the
    body decides, since servers label sitemaps ``text/xml``, ``application/xml``
    or ``application/octet-stream`` alike.
    """
    if body.startswith(_GZIP_MAGIC):
        try:
            body = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16).decompress(body, 4096)
        except zlib.error:
            return False
    return root_element_name(body) in ("urlset", "sitemapindex")


def sitemap_urls_from_robots(robots_txt: str, base_url: str) -> list[str]:
    """``Sitemap:`` URLs of a robots.txt, absolute, in file order, without repeats."""
    urls = (_absolute(url, base_url) for url in Protego.parse(robots_txt).sitemaps if url.strip())
    return list(dict.fromkeys(url for url in urls if url))


def _gunzip(body: bytes, max_size: int, url: str) -> bytes:
    """Decompress at most ``max_size`` bytes; concatenated gzip members are fine.

    A truncated download keeps the entries that arrived before the cut.
    """
    output = bytearray()
    data = body
    while data.startswith(_GZIP_MAGIC):
        stream = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
        try:
            # max_length stops inflating one byte past the cap: a gzip bomb never expands.
            output += stream.decompress(data, max_size + 1 - len(output))
        except zlib.error as exc:
            if not output:
                raise SitemapError(f"sitemap {url} is not valid gzip: {exc}") from exc
            logger.debug("Damaged gzip sitemap %s: %s", url, exc)
            break
        if len(output) > max_size:
            raise SitemapError(f"sitemap {url} decompresses past {max_size} bytes")
        if not stream.eof:
            logger.debug("Truncated gzip sitemap %s", url)
            break
        data = stream.unused_data
    return bytes(output)


def _entries(root: Any, tag: str, url: str) -> list[SitemapEntry]:
    """Entries of the children named ``tag`` (any namespace, or none)."""
    entries: dict[str, SitemapEntry] = {}
    for element in root.iterchildren(etree.Element):
        if localname(element) != tag:
            continue
        fields = _fields(element)
        loc = _absolute(fields.get("loc") or "", url)
        if loc is None or loc in entries:
            continue
        entries[loc] = SitemapEntry(
            loc=loc,
            lastmod=fields.get("lastmod"),
            news_publication_date=fields.get("news:publication_date"),
            news_title=fields.get("news:title"),
        )
    return list(entries.values())


def _fields(element: Any) -> dict[str, str]:
    """Texts of ``loc``, ``lastmod`` and the Google News children of one entry.

    News fields are matched by local name inside an element named ``news``, so a
    file that forgets the namespace declaration still yields them.
    """
    fields: dict[str, str] = {}
    for child in element.iterchildren(etree.Element):
        name = localname(child)
        if name == "news":
            for news_child in child.iterchildren(etree.Element):
                news_name = localname(news_child)
                if news_name in {"publication_date", "title"}:
                    _set(fields, "news:" + news_name, news_child)
        elif name in {"loc", "lastmod"}:
            _set(fields, name, child)
    return fields


def _set(fields: dict[str, str], key: str, element: Any) -> None:
    if key in fields:
        return
    # Leaf elements are the rule; itertext() is for the odd <loc><![CDATA[..]]><b/></loc>.
    raw = element.text if len(element) == 0 else "".join(element.itertext())
    text = " ".join(raw.split()) if raw else ""
    if text:
        fields[key] = text


def _text_entries(body: bytes, url: str) -> list[SitemapEntry]:
    """A text sitemap: one absolute URL per line."""
    text = body.decode("utf-8", "replace").lstrip("\ufeff")
    lines = (line.strip() for line in text.splitlines())
    locs = (_absolute(line, url) for line in lines if line.startswith(("http://", "https://")))
    return [SitemapEntry(loc=loc) for loc in dict.fromkeys(loc for loc in locs if loc)]


def _absolute(value: str, base_url: str) -> str | None:
    """Absolute http(s) URL, or None."""
    url = absolute_url(value, base_url)
    return url if url and url.startswith(("http://", "https://")) else None
