"""Feed reading: sniff and parse RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed.

Pure functions over the response body. Real-world feeds are often broken XML:
HTML named entities (``&nbsp;``), bare ampersands, junk before the XML
declaration. :func:`sanitize_xml` repairs the common cases and lxml's
``recover`` mode does the rest. Entities are never resolved and the network is
never used, so a hostile feed cannot expand or fetch anything; a document whose
DTD declares entities that nest (the "billion laughs"), external or parameter
entities is refused outright with :class:`UnsafeXMLError` (no publisher needs
them; a flat ``<!ENTITY nbsp "&#160;">`` is still read).

Dates are returned raw: normalising them is :mod:`newscrawl.processors`' job.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from html.entities import name2codepoint
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from w3lib.html import remove_tags, replace_entities

from newscrawl.extract.links import absolute_url

logger = logging.getLogger(__name__)


class UnsafeXMLError(ValueError):
    """A feed or sitemap declares entities only an attack needs (nested, external, parameter)."""


@dataclass(frozen=True)
class FeedEntry:
    """One feed item: its absolute link, title and raw dates."""

    url: str
    title: str | None
    published_raw: str | None
    updated_raw: str | None


_FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})
_FEED_MEDIA_TYPES = ("rss", "atom", "rdf+xml", "feed+json")
_SNIFF_BYTES = 4096
_ROOT_TAG = re.compile(rb"<(?![?!/])(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_JSON_FEED = re.compile(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/')
_XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_BARE_AMPERSAND = re.compile(rb"&(?!#\d{1,7};|#[xX][0-9A-Fa-f]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_UTF8_BOM = b"\xef\xbb\xbf"
_CDATA = re.compile(rb"(<!\[CDATA\[.*?\]\]>)", re.DOTALL)
_WS = re.compile(r"\s+")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY_DECL = re.compile(
    rb"<!ENTITY\s+(%\s+)?([^\s\"']+)\s+(SYSTEM|PUBLIC|\"[^\"]*\"|'[^']*')", re.IGNORECASE
)
#: A reference to a named entity inside an entity's value (numeric ones are plain text).
_ENTITY_REF = re.compile(rb"[&%](?!#)[^\s;&%]+;")

# Child element local names, in order of preference.
_PUBLISHED = ("pubDate", "published", "issued", "date", "created")
_UPDATED = ("updated", "modified")
_ENTRY_NAMES = frozenset({"item", "entry"})
_FIELD_NAMES = frozenset(
    {
        "link",
        "origLink",
        "guid",
        "title",
        "description",
        "pubDate",
        "published",
        "updated",
        "date",
        "item",
        "entry",
        "category",
        "author",
        "creator",
        "enclosure",
        "comments",
    }
)


def root_element_name(body: bytes) -> str | None:
    """Local name of the first element in the first bytes of an XML body, lowercased."""
    match = _ROOT_TAG.search(body[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n"))
    return match.group(1).decode("ascii", "replace").lower() if match else None


def is_feed(body: bytes, content_type: str | None = None) -> bool:
    """True when ``body`` is an RSS, RDF, Atom or JSON feed.

    The body decides: servers label feeds ``text/html`` and HTML ``text/xml``.
    ``content_type`` is only consulted when the start of the body shows no element.
    """
    head = body[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return bool(_JSON_FEED.search(body[: _SNIFF_BYTES * 4]))
    match = _ROOT_TAG.search(head)
    if match:
        return match.group(1).decode("ascii", "replace").lower() in _FEED_ROOTS
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    return any(token in media_type for token in _FEED_MEDIA_TYPES)


def parse_feed(body: bytes, url: str) -> list[FeedEntry]:
    """Entries of an RSS 2.0, RSS 1.0/RDF, Atom or JSON feed, in feed order.

    Links are resolved against ``xml:base`` and ``url``; entries without a link are
    skipped and repeated links kept once. Unparseable bodies give an empty list.
    """
    stripped = body.lstrip(_UTF8_BOM + b" \t\r\n")
    if stripped.startswith(b"{"):
        return _parse_json_feed(stripped, url)
    root = parse_untrusted_xml(body, url)
    if root is None:
        return []
    entries: dict[str, FeedEntry] = {}
    for element in root.iter(etree.Element):
        name = localname(element)
        if name == "item":
            entry = _rss_entry(element, url)
        elif name == "entry":
            entry = _atom_entry(element, url)
        else:
            continue
        if entry is not None and entry.url not in entries:
            entries[entry.url] = entry
    return list(entries.values())


def localname(element: Any) -> str:
    """Tag name without namespace or prefix (recovery leaves ``news:news`` unresolved)."""
    tag = str(element.tag)
    return tag.rpartition("}")[2].rpartition(":")[2]


def sanitize_xml(body: bytes) -> bytes:
    """Repair what most often breaks news feeds and sitemaps before XML parsing.

    HTML named entities become numeric references, bare ``&`` becomes ``&amp;`` and
    leading whitespace before the XML declaration goes. Works on the bytes of any
    ASCII-compatible encoding, so the declared encoding still applies.
    """
    had_bom = body.startswith(_UTF8_BOM)
    body = body.removeprefix(_UTF8_BOM).lstrip(b" \t\r\n")
    if b"&" in body:
        # CDATA sections are literal text: an & inside them must stay as it is.
        parts = _CDATA.split(body)
        for i in range(0, len(parts), 2):
            if b"&" in parts[i]:
                fixed = _BARE_AMPERSAND.sub(b"&amp;", parts[i])
                parts[i] = _NAMED_ENTITY.sub(_numeric_entity, fixed)
        body = b"".join(parts)
    return _UTF8_BOM + body if had_bom else body


def _numeric_entity(match: re.Match[bytes]) -> bytes:
    name = match.group(1)
    if name in _XML_ENTITIES:
        return match.group(0)
    codepoint = name2codepoint.get(name.decode("ascii"))
    if codepoint is None:
        # Unknown names (or ones a DTD would define) would be dropped by recover mode.
        return b"&amp;" + name + b";"
    return b"&#%d;" % codepoint


def parse_untrusted_xml(body: bytes, url: str) -> Any:
    """Parse a feed or sitemap leniently; None when nothing usable comes out.

    Untrusted input: no entity expansion, no network, default (non-huge) limits.
    Raises :class:`UnsafeXMLError` for an entity bomb or an external entity.
    """
    reason = unsafe_entities(body)
    if reason:
        raise UnsafeXMLError(f"{url}: {reason}")
    parser = etree.XMLParser(
        recover=True,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(sanitize_xml(body), parser=parser, base_url=url)
    except etree.XMLSyntaxError as exc:
        logger.debug("Unparseable XML %s: %s", url, exc)
        return None
    return root


def unsafe_entities(body: bytes) -> str | None:
    """Why the DTD of an XML body is hostile, or None (no DTD, or flat entities only)."""
    doctype = _DOCTYPE.search(body, 0, _SNIFF_BYTES * 4)
    if doctype is None:
        return None
    # The internal subset ends before the root element; a bomb is a few KB at most,
    # and a DTD padded past 1 MB to hide one is itself refused.
    subset = body[doctype.start() : doctype.start() + 1024 * 1024]
    if len(subset) == 1024 * 1024 and b"]>" not in subset:
        return "a DTD larger than 1 MB"
    for declaration in _ENTITY_DECL.finditer(subset):
        parameter, name, value = declaration.groups()
        if parameter:
            return f"parameter entity {name.decode('ascii', 'replace')!r}"
        if value.upper() in (b"SYSTEM", b"PUBLIC"):
            return f"external entity {name.decode('ascii', 'replace')!r}"
        if _ENTITY_REF.search(value):
            return f"entity {name.decode('ascii', 'replace')!r} refers to other entities"
    return None


def _rss_entry(item: Any, feed_url: str) -> FeedEntry | None:
    """An RSS 2.0 or RSS 1.0 (RDF) ``<item>``."""
    children = _children(item)
    base = item.base or feed_url
    # FeedBurner rewrites <link> to a redirect and keeps the real URL in origLink.
    href = _first_text(children, ("origLink", "link"))
    if not href:
        # <atom:link href> inside an RSS item.
        for link in children.get("link", []):
            if (link.get("rel") or "alternate").lower() == "alternate" and link.get("href"):
                href = link.get("href")
                break
    if not href:
        for guid in children.get("guid", []):
            value = _text(guid)
            permalink = (guid.get("isPermaLink") or "true").lower() != "false"
            if value and (permalink or value.startswith(("http://", "https://"))):
                href = value
                break
    if not href:
        href = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    return _entry(href, base, children, feed_url)


def _atom_entry(entry: Any, feed_url: str) -> FeedEntry | None:
    """An Atom ``<entry>``: the ``alternate`` link (``rel`` absent means alternate)."""
    children = _children(entry)
    chosen = None
    for link in children.get("link", []):
        rel = (link.get("rel") or "alternate").lower()
        if rel != "alternate" or not link.get("href"):
            continue
        if chosen is None or (link.get("type") or "").startswith("text/html"):
            chosen = link
    if chosen is None:
        return _entry(None, feed_url, children, feed_url)
    return _entry(chosen.get("href"), chosen.base or feed_url, children, feed_url)


def _entry(
    href: str | None, base: str, children: dict[str, list[Any]], feed_url: str
) -> FeedEntry | None:
    if not href or not href.strip():
        return None
    url = _absolute(href, base, feed_url)
    if url is None:
        return None
    return FeedEntry(
        url=url,
        title=_title(children.get("title", [])),
        published_raw=_first_text(children, _PUBLISHED),
        updated_raw=_first_text(children, _UPDATED),
    )


def _absolute(href: str, base: str, feed_url: str) -> str | None:
    """Resolve against xml:base (itself resolved against the feed URL); http(s) only."""
    url = absolute_url(href, urljoin(feed_url, base))
    return url if url and url.startswith(("http://", "https://")) else None


def _children(element: Any) -> dict[str, list[Any]]:
    """Child elements by local name, whatever their namespace.

    Deeper elements come after the direct children: after an unclosed tag, XML
    recovery nests the rest of the item inside it (``<title>A <b>B</title><link>``).
    Elements of a nested item or entry belong to that one, not to this.
    """
    children: dict[str, list[Any]] = {}
    for child in element.iterchildren(etree.Element):
        children.setdefault(localname(child), []).append(child)
    for child in element.iterdescendants(etree.Element):
        if child.getparent() is element or _owner(child) is not element:
            continue
        children.setdefault(localname(child), []).append(child)
    return children


def _owner(element: Any) -> Any:
    """The nearest enclosing item or entry; None inside an Atom ``<source>``.

    ``<source>`` describes the feed an entry was copied from: its title, link and
    dates are not the entry's.
    """
    for ancestor in element.iterancestors():
        name = localname(ancestor)
        if name == "source":
            return None
        if name in _ENTRY_NAMES:
            return ancestor
    return None


def _text(element: Any) -> str | None:
    """Whitespace-collapsed text, leaving out other fields that recovery nested inside."""
    pieces = [element.text or ""]
    for child in element.iterchildren():
        if isinstance(child.tag, str) and localname(child) not in _FIELD_NAMES:
            pieces.append("".join(child.itertext()))
        pieces.append(child.tail or "")
    text = _WS.sub(" ", "".join(pieces)).strip()
    return text or None


def _first_text(children: dict[str, list[Any]], names: tuple[str, ...]) -> str | None:
    for name in names:
        for child in children.get(name, []):
            text = _text(child)
            if text:
                return text
    return None


def _title(elements: list[Any]) -> str | None:
    """Titles may carry escaped HTML (``type="html"`` or CDATA): keep the text."""
    for element in elements:
        text = _text(element)
        if text and "<" in text:
            text = _WS.sub(" ", replace_entities(remove_tags(text))).strip()
        if text:
            return text
    return None


def _parse_json_feed(body: bytes, url: str) -> list[FeedEntry]:
    """JSON Feed 1.x (https://jsonfeed.org/version/1.1)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        logger.debug("Unparseable JSON feed %s: %s", url, exc)
        return []
    items = data.get("items") if isinstance(data, dict) else None
    entries: dict[str, FeedEntry] = {}
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        href = item.get("url") or item.get("external_url")
        if not isinstance(href, str):
            continue
        absolute = _absolute(href, url, url)
        if absolute is None or absolute in entries:
            continue
        entries[absolute] = FeedEntry(
            url=absolute,
            title=_json_str(item.get("title")),
            published_raw=_json_str(item.get("date_published")),
            updated_raw=_json_str(item.get("date_modified")),
        )
    return list(entries.values())


def _json_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
