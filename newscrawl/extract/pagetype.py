"""Is a page an article, a listing of articles, or something else?

Evidence in order: declared structured types (JSON-LD), ``og:type``, then the
shape of the page: how much prose the article extraction found and how much of
the page's text sits inside links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newscrawl.extract.article import ExtractedArticle, extract_article, parse_html
from newscrawl.extract.structured import ARTICLE_TYPES, jsonld_types
from newscrawl.processors.text import word_count

#: Types that declare a page of links to other pages.
LISTING_TYPES = frozenset(
    {"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage", "SiteNavigationElement"}
)
#: An article has at least this many words of prose.
MIN_ARTICLE_WORDS = 120
#: A page that declares itself an article needs only this many (news briefs).
MIN_DECLARED_ARTICLE_WORDS = 50
#: Without any declared type, this much prose is an article on its own.
LONG_TEXT_WORDS = 300
#: Share of the page's visible text inside links above which it is a listing.
LINK_DENSE = 0.5
#: Headlines that link to other pages: a few are a related box, more a listing.
MIN_TEASERS = 4
MANY_TEASERS = 10
#: Paths that name listings on most sites.
_LISTING_PATH = re.compile(
    r"/(?:tags?|topics?|category|categories|section|sections|authors?|page|archive|search|"
    r"latest|news)(?:/|$)|/page/\d+/?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PageVerdict:
    """What a page is, and the short machine-friendly reason for it."""

    kind: str  # "article" | "listing" | "other"
    reason: str  # e.g. "jsonld:NewsArticle", "og:type=website", "link-dense", "short-text"


def page_link_density(tree: HtmlElement) -> float:
    """Share of the ``<body>`` text that is link text (scripts and styles left out)."""
    body = tree.find("body")
    if body is None:
        return 0.0
    total = linked = 0
    for text_node in body.xpath(".//text()[not(ancestor::script)][not(ancestor::style)]"):
        size = len(text_node.strip())
        total += size
        if size and text_node.getparent() is not None and _in_link(text_node.getparent()):
            linked += size
    return linked / total if total else 0.0


def teaser_count(tree: HtmlElement) -> int:
    """Headings (h2-h4) that hold a link, outside navigation, asides and footers.

    The shape of a listing: one headline link per story. An article has none
    or a handful in a related-stories box.
    """
    count = 0
    for heading in tree.iter("h2", "h3", "h4"):
        if heading.find(".//a[@href]") is None:
            continue
        if any(a.tag in ("nav", "aside", "footer") for a in heading.iterancestors()):
            continue
        count += 1
    return count


def _in_link(element: HtmlElement) -> bool:
    while element is not None:
        if element.tag == "a":
            return True
        if element.tag in ("p", "div", "li", "body"):
            return False
        element = element.getparent()
    return False


def _og_type(tree: HtmlElement) -> str | None:
    for value in tree.xpath("//meta[@property='og:type' or @name='og:type']/@content"):
        if value.strip():
            return value.strip().casefold()
    return None


def classify_page(html: str, url: str, extracted: ExtractedArticle | None = None) -> PageVerdict:
    """Classify one page; pass ``extracted`` when the caller already has it."""
    tree = parse_html(html)
    if extracted is None:
        extracted = extract_article(html, url)
    words = word_count(extracted.fields.get("body"))
    types = jsonld_types(tree)
    if "LiveBlogPosting" in types:
        # A live blog keeps changing and has no single body: not stored as an article.
        return PageVerdict("other", "liveblog")
    article_types = [t for t in types if t in ARTICLE_TYPES]
    if article_types and words >= MIN_DECLARED_ARTICLE_WORDS:
        return PageVerdict("article", f"jsonld:{article_types[0]}")
    listing_types = [t for t in types if t in LISTING_TYPES]
    if listing_types and not article_types:
        return PageVerdict("listing", f"jsonld:{listing_types[0]}")
    og_type = _og_type(tree)
    if og_type == "article" and words >= MIN_DECLARED_ARTICLE_WORDS:
        return PageVerdict("article", "og:type=article")
    density = page_link_density(tree)
    teasers = teaser_count(tree)
    if teasers >= MIN_TEASERS and words < LONG_TEXT_WORDS:
        return PageVerdict("listing", "teasers")
    if words >= LONG_TEXT_WORDS and density < LINK_DENSE and teasers < MANY_TEASERS:
        return PageVerdict("article", "long-text")
    if teasers >= MANY_TEASERS:
        return PageVerdict("listing", "teasers")
    if density >= LINK_DENSE:
        return PageVerdict("listing", "link-dense")
    if og_type in ("website", "object") and words < MIN_ARTICLE_WORDS:
        return PageVerdict("listing", f"og:type={og_type}")
    if _LISTING_PATH.search(urlsplit(url).path) and words < MIN_ARTICLE_WORDS:
        return PageVerdict("listing", "listing-path")
    if words < MIN_ARTICLE_WORDS:
        return PageVerdict("other", "short-text")
    return PageVerdict("article", "text")
