"""Link discovery: find the links of a page and say what each one probably is.

Pure functions over HTML text and a URL. The ``news`` spider routes with the
result (next page / more news > feed > article > section); offsite filtering,
robots.txt and canonicalisation happen in the spider, not here.

Each link's URL, anchor text and ``rel`` are classified by
:mod:`newscrawl.extract.urlclass`; here the link's position in the page
(inside ``<article>`` or a headline, a pagination widget) settles the cases
those leave open, and a site profile's selectors may force a kind.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from parsel import Selector
from w3lib.html import strip_html5_whitespace
from w3lib.url import safe_url_string

from newscrawl.extract.anchortext import collapse_space
from newscrawl.extract.article import parse_html
from newscrawl.extract.urlclass import LinkKind, classify_url, classify_with_strength
from newscrawl.urls import join_base

logger = logging.getLogger(__name__)


#: Dedupe keeps the strongest kind a URL was seen with (lower = stronger).
KIND_STRENGTH: dict[LinkKind, int] = {
    LinkKind.NEXT: 0,
    LinkKind.FEED: 1,
    LinkKind.SITEMAP: 2,
    LinkKind.ARTICLE: 3,
    LinkKind.LISTING: 4,
    LinkKind.OTHER: 5,
}


@dataclass(frozen=True)
class Link:
    """A link found on a page: absolute URL without fragment, its kind, text and rel."""

    url: str
    kind: LinkKind
    text: str
    rel: str = ""

    def __reduce__(self) -> tuple[type[Link], tuple[str, LinkKind, str, str]]:
        # A page's ~150 links travel back from the analysis pool: pickled as
        # arguments they cost a third of what a dataclass's default state does.
        return (Link, (self.url, self.kind, self.text, self.rel))


_NEXT_CLASS = re.compile(r"(?:^|[\s_-])(?:next|load-?more|show-?more|more-news)(?:$|[\s_-])")
_PLAIN_URL = re.compile(r"https?://[a-z0-9.-]+(?::\d{1,5})?(?:/[A-Za-z0-9._~/?#@!$&()*+,;=:-]*)?")
_PLAIN_ROOTED = re.compile(r"/(?!/)[A-Za-z0-9._~/?#@!$&()*+,;=:-]*")
_PLAIN_ORIGIN = re.compile(r"https?://[a-z0-9.-]+(?::\d{1,5})?(?=/|$)")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NAVIGATION_TAGS = frozenset({"nav", "header", "footer", "menu"})
_FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/rss",
        "application/feed+json",
        "text/rss+xml",
        "text/atom+xml",
        "application/x-rss+xml",
    }
)


def extract_links(
    html: str,
    base_url: str,
    *,
    article_selector: str | None = None,
    listing_selector: str | None = None,
) -> list[Link]:
    """Every ``<a href>`` of a page, classified: :func:`page_links` without the feeds."""
    return page_links(
        html, base_url, article_selector=article_selector, listing_selector=listing_selector
    )[0]


def page_links(
    html: str,
    base_url: str,
    *,
    article_selector: str | None = None,
    listing_selector: str | None = None,
) -> tuple[list[Link], list[str]]:
    """The page's links, and the feeds it advertises (:func:`feed_urls`), in one pass.

    Every ``<a href>`` (and ``<link rel=next/prev/alternate>``) of a page, classified.

    URLs are absolute (``<base href>`` respected), without fragment, deduplicated keeping
    the strongest kind (next > feed > sitemap > article > listing > other), in document
    order. ``article_selector``/``listing_selector`` (CSS, or XPath when starting with
    ``/`` or ``(``) force ARTICLE/LISTING for the links they match or contain.
    Same-page anchors (``href="#..."``) are skipped.
    """
    if not html or not html.strip():
        return [], []
    # The tree article extraction and the page-type check read too (parsed once, cached).
    root = parse_html(html)
    base = _document_base(root, base_url)
    forced = _Forced()
    if listing_selector or article_selector:
        selector = Selector(root=root, base_url=base_url)
        forced.collect(selector, base, listing_selector, LinkKind.LISTING)
        # Articles second so that an element both selectors match ends up an article.
        forced.collect(selector, base, article_selector, LinkKind.ARTICLE)

    resolve = _Resolver(base)
    links: list[Link] = []
    index: dict[str, int] = {}
    forced_urls: set[str] = set()
    advertised: list[str] = []
    found: list[str] = []
    for element in root.iter("a", "area", "link"):
        link = _element_link(element, resolve, forced)
        if link is None:
            continue
        is_forced = element in forced.elements or link.url in forced.urls
        if element.tag != "area":
            feeds = _feed_list(element, link, is_forced, advertised, found)
            if feeds is not None:
                feeds.append(link.url)
        seen = index.get(link.url)
        if seen is None:
            index[link.url] = len(links)
            links.append(link)
        elif _replaces(link, is_forced, links[seen], link.url in forced_urls):
            links[seen] = link
        if is_forced:
            forced_urls.add(link.url)
    return links, list(dict.fromkeys(advertised + found))


def _feed_list(
    element: Any, link: Link, is_forced: bool, advertised: list[str], found: list[str]
) -> list[str] | None:
    """Which list of :func:`feed_urls` an ``<a>``/``<link>`` belongs to, if any."""
    feed_typed = _is_feed_type(element.get("type"))
    if not feed_typed and not is_forced and link.kind is not LinkKind.FEED:
        # The link's own kind came from this URL's shape, and a feed shape is
        # final (no anchor text or position changes it): not a feed, and no
        # second classification, which was a third of a 20,000-link page's cost.
        return None
    shape = classify_url(link.url)
    if shape is LinkKind.OTHER:
        return None  # comments feeds, mailto: and the like
    if feed_typed and (element.tag == "a" or "alternate" in link.rel.split()):
        return advertised
    if element.tag == "a" and shape is LinkKind.FEED:
        return found
    return None


#: Which links a capped page keeps first: what finds many articles, then articles.
_KEEP_ORDER = (LinkKind.NEXT, LinkKind.FEED, LinkKind.SITEMAP, LinkKind.ARTICLE, LinkKind.LISTING)


def take_links(links: list[Link], limit: int) -> tuple[list[Link], int]:
    """At most ``limit`` of ``links`` (0: all), and how many were left out.

    Next-page, feed and sitemap links are kept first, then articles, then
    listings, each in page order; the kept links stay in page order.
    """
    if limit <= 0 or len(links) <= limit:
        return links, 0
    rank = {kind: n for n, kind in enumerate(_KEEP_ORDER)}
    order = sorted(range(len(links)), key=lambda i: rank.get(links[i].kind, len(rank)))
    kept = sorted(order[:limit])
    return [links[i] for i in kept], len(links) - limit


def _replaces(new: Link, new_forced: bool, old: Link, old_forced: bool) -> bool:
    """Dedupe rule: a profile's choice beats the heuristics, then the stronger kind wins."""
    if new_forced != old_forced:
        return new_forced
    return KIND_STRENGTH[new.kind] < KIND_STRENGTH[old.kind]


def feed_urls(html: str, base_url: str) -> list[str]:
    """All feeds a page advertises, in document order.

    ``<link rel=alternate>`` with an RSS/Atom/RDF/JSON feed type first, then ``<a>``
    links that are feeds by type or URL shape. Comments feeds are left out.
    """
    return page_links(html, base_url)[1]


def _document_base(root: Any, base_url: str) -> str:
    """``<base href>`` resolved against the page URL, else the page URL."""
    for href in root.xpath("//base/@href"):
        href = strip_html5_whitespace(str(href))
        if href:
            return urljoin(base_url, href)
    return base_url


def absolute_url(href: str, base: str) -> str | None:
    """``href`` made absolute against ``base``: safe (w3lib), whitespace stripped, no fragment.

    None for empty and same-page (``#...``) hrefs. Non-HTTP URLs (``mailto:``) are kept.
    """
    resolved = _resolve(href, base)
    return resolved[0] if resolved else None


def _resolve(href: str, base: str) -> tuple[str, str] | None:
    """(safe absolute URL without fragment, joined URL with fragment) of an ``href``.

    The fragment matters for classification (``#comments``), not for the link itself.
    """
    href = strip_html5_whitespace(href)
    if not href or href.startswith("#"):
        return None
    # Plain absolute ASCII URLs (most of them) are already what urljoin and
    # safe_url_string would return: skip their cost, it matters for 50k-URL sitemaps.
    if _PLAIN_URL.fullmatch(href) and "/." not in href:
        url = joined = href
    elif href[0] == "/" and _PLAIN_ROOTED.fullmatch(href) and "/." not in href:
        # A root-relative path on a plain origin (most links of most sites): the
        # origin and the path are what urljoin would give, already safe.
        origin = _plain_origin(base)
        if origin is None:
            return _resolve_joined(href, base)
        url = joined = origin + href
    else:
        return _resolve_joined(href, base)
    if url.startswith(("http://", "https://")):
        url = url.partition("#")[0]
    return url, joined


def _resolve_joined(href: str, base: str) -> tuple[str, str] | None:
    """:func:`_resolve` the general way: urljoin, then w3lib's safe URL."""
    joined = urljoin(base, href)
    try:
        url = joined if _PLAIN_URL.fullmatch(joined) else safe_url_string(joined)
    except ValueError:
        return None
    if url.startswith(("http://", "https://")):
        url = url.partition("#")[0]
    return url, joined


@lru_cache(maxsize=64)
def _plain_origin(base: str) -> str | None:
    """``scheme://host[:port]`` of a plain ASCII ``base``, else None."""
    found = _PLAIN_ORIGIN.match(base)
    return found.group(0) if found else None


class _Resolver:
    """Memoised :func:`_resolve` for one page: menus repeat the same hrefs many times.

    They repeat on every page of a site too, with another page URL each time:
    where only part of the page URL matters (:func:`newscrawl.urls.join_base`),
    the result is shared between pages.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        self._cache: dict[str, tuple[str, str] | None] = {}

    def __call__(self, href: str) -> tuple[str, str] | None:
        # A test, not try/except: most hrefs of a page are new to it, and a
        # raised KeyError costs more than a second lookup.
        if href in self._cache:
            return self._cache[href]
        shorter = join_base(self.base, href)
        resolved = _resolve(href, self.base) if shorter is None else _resolve_shared(href, shorter)
        self._cache[href] = resolved
        return resolved


#: :func:`_resolve` against a :func:`~newscrawl.urls.join_base` base, for every page.
_resolve_shared = lru_cache(maxsize=16384)(_resolve)


def _element_link(element: Any, resolve: _Resolver, forced: _Forced) -> Link | None:
    """Build the :class:`Link` of one ``<a>``/``<area>``/``<link>`` element, or None."""
    href = element.get("href")
    if not href:
        return None
    raw_rel = element.get("rel")
    rel = collapse_space(raw_rel).lower() if raw_rel else ""
    if element.tag == "link" and not set(rel.split()) & {"next", "prev", "previous", "alternate"}:
        return None
    resolved = resolve(href)
    if resolved is None:
        return None
    url, joined = resolved
    text = _anchor_text(element)
    kind = forced.elements.get(element) or forced.urls.get(url)
    if kind is None:
        is_alternate = element.tag == "link" and "alternate" in rel.split()
        if is_alternate and _is_feed_type(element.get("type")):
            # Comments feeds are advertised the same way; their URL shape gives them away.
            shape = classify_url(url)
            kind = LinkKind.OTHER if shape is LinkKind.OTHER else LinkKind.FEED
        else:
            kind = _contextual_kind(element, joined, text, rel)
    return Link(url=url, kind=kind, text=text, rel=rel)


def _contextual_kind(element: Any, url: str, text: str, rel: str) -> LinkKind:
    """Classify by URL and text, then let the link's position settle weak cases."""
    kind, strong = classify_with_strength(url, text, rel)
    if kind is LinkKind.LISTING and _has_next_class(element):
        return LinkKind.NEXT
    if kind is LinkKind.LISTING and not strong and _in_headline(element, text):
        return LinkKind.ARTICLE
    return kind


def _anchor_text(element: Any) -> str:
    """Visible text, else aria-label/title/img alt (icon-only links)."""
    if element.tag == "link":
        return collapse_space(element.get("title") or "")
    # Most anchors hold only text: reading it is a sixth of joining itertext().
    text = collapse_space(element.text or "" if len(element) == 0 else "".join(element.itertext()))
    if text:
        return text
    for attribute in ("aria-label", "title"):
        value = element.get(attribute)
        if value and value.strip():
            return collapse_space(value)
    for alt in element.xpath(".//img/@alt"):
        if str(alt).strip():
            return collapse_space(str(alt))
    return ""


def _has_next_class(element: Any) -> bool:
    """``class="next"``/``load-more`` on the link or its parent (pagination widgets)."""
    for node in (element, element.getparent()):
        if node is not None and _is_next_class(node.get("class") or ""):
            return True
    return False


@lru_cache(maxsize=1024)
def _is_next_class(value: str) -> bool:
    """A class attribute naming a pagination widget: a page repeats a few, many times."""
    return bool(_NEXT_CLASS.search(value.lower()))


def _in_headline(element: Any, text: str) -> bool:
    """Inside a heading, or an ``<article>`` card with a sentence-like anchor text.

    A one-word link inside a card is usually its section label, not the story.
    """
    for ancestor in element.iterancestors():
        tag = ancestor.tag
        if tag in _NAVIGATION_TAGS:
            return False
        if tag in _HEADING_TAGS:
            return True
        if tag == "article":
            return len(text.split()) >= 4
    return False


def _is_feed_type(value: str | None) -> bool:
    """RSS, Atom, RDF and JSON Feed media types (not oEmbed or REST API JSON)."""
    if not value:
        return False
    mime = value.split(";", 1)[0].strip().lower()
    return mime in _FEED_TYPES or mime.endswith(("rss+xml", "atom+xml"))


class _Forced:
    """Kinds a site profile's selectors force on links, by element and by URL.

    Holding the matched elements keeps lxml's element proxies alive, so the same
    proxy objects come back while iterating the tree and compare equal.
    """

    def __init__(self) -> None:
        self.elements: dict[Any, LinkKind] = {}
        self.urls: dict[str, LinkKind] = {}

    def collect(self, selector: Selector, base: str, query: str | None, kind: LinkKind) -> None:
        """Record the links ``query`` (CSS, or XPath when it starts with / or () matches."""
        if not query:
            return
        try:
            is_xpath = query.startswith(("/", "("))
            matched = selector.xpath(query) if is_xpath else selector.css(query)
        except (ValueError, SyntaxError) as exc:
            # A broken profile selector must not stop discovery: heuristics still work.
            logger.warning("Invalid %s selector %r: %s", kind.value, query, exc)
            return
        for item in matched:
            node = item.root
            if isinstance(node, str):
                # ``a::attr(href)`` and ``//a/@href`` select the URL itself.
                url = absolute_url(node, base)
                if url:
                    self.urls[url] = kind
            elif isinstance(node, etree._Element):
                for anchor in node.iter("a", "area"):
                    self.elements[anchor] = kind
