"""Article extraction: every layer on one parsed tree, merged per field.

Layers, most trusted first: the site profile's selectors, JSON-LD and
microdata (extruct), OpenGraph / twitter / meta / Dublin Core, the visible
markup, then trafilatura for the body and htmldate for a missing date.
"""

from __future__ import annotations

import logging
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

import lxml.html
from lxml import etree
from lxml.etree import ParserError
from lxml.html import HtmlElement

from newscrawl.extract.body import PageFacts, extract_body
from newscrawl.extract.evaluate import shingle_count, shingles
from newscrawl.extract.images import same_picture, shown_on_page
from newscrawl.extract.markup import lead_figure, markup_fields
from newscrawl.extract.merge import merge_layers
from newscrawl.extract.profile import profile_fields
from newscrawl.extract.stated import stated_dates
from newscrawl.extract.structured import jsonld_fields, meta_layers, microdata_fields
from newscrawl.extract.titles import (
    TITLE_EVIDENCE,
    headline_is_site_name,
    related,
    strip_headline_tail,
    strip_host_branding,
    without_site_name,
)
from newscrawl.processors.authors import split_authors
from newscrawl.processors.dates import calendar_day, has_time_of_day
from newscrawl.processors.sitenames import is_site_name, strip_title_suffix
from newscrawl.sites import SiteProfile

logger = logging.getLogger(__name__)

#: JSON-LD articleBody replaces the extracted body only when it holds at least
#: this share of the extracted text's shingles (it is the same story) and is
#: this much longer (the extraction missed part of it). Measured on the AEB
#: pages: articleBody is often a teaser, or the full text plus furniture, so
#: it rarely beats the cleaned extraction when both are there.
ARTICLE_BODY_COVERAGE = 0.9
ARTICLE_BODY_LONGER = 1.5


@dataclass
class ExtractedArticle:
    """Chosen raw values per field and the layer each came from."""

    fields: dict[str, Any]
    sources: dict[str, str] = field(default_factory=dict)
    #: Every layer's raw publication date, winner or not: a page that prints a
    #: local time beside an offset-bearing one teaches the site's time zone.
    published_candidates: list[str] = field(default_factory=list)


# Comments and processing instructions removed: trafilatura expects a tree
# without them (a comment inside a paragraph cuts the paragraph short).
_PARSER = lxml.html.HTMLParser(
    collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True
)
# Every element an HtmlElement, chosen in C: lxml.html's own lookup calls a Python
# function for each element proxy made (to give <form>, <input>... their own
# classes, which nothing here uses), ~1,400 calls a page and 5-10 % of reading it.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


@lru_cache(maxsize=4)
def parse_html(html: str) -> HtmlElement:
    """Parse a page once; callers on the same string share the tree.

    The cached tree must not be modified: layers that prune work on a copy.
    """
    try:
        return lxml.html.document_fromstring(html, parser=_PARSER)
    except (ParserError, ValueError):
        # ValueError: a str with an XML encoding declaration; bytes parse fine.
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)


def extract_article(html: str, url: str, profile: SiteProfile | None = None) -> ExtractedArticle:
    """All article fields of one page, with the layer that won each."""
    tree = parse_html(html)
    og, meta = meta_layers(tree, url)
    layers: dict[str, dict[str, Any]] = {
        "profile": profile_fields(tree, url, profile) if profile else {},
        "jsonld": jsonld_fields(tree, url),
        "microdata": microdata_fields(tree, url),
        "opengraph": og,
        "meta": meta,
        "markup": markup_fields(tree),
    }
    _use_stated_dates(tree, url, layers["markup"])
    site_name = _site_name(layers)
    _clean_titles(layers, site_name, url)
    if "body" not in layers["profile"]:
        layers["trafilatura"] = {"body": extract_body(tree, url, _page_facts(layers))}
        _use_complete_article_body(layers)
    _use_visible_lead_image(tree, url, layers)
    if not any(layers[n].get("published_raw") for n in layers):
        layers["htmldate"] = {"published_raw": _htmldate(tree, url)}
    fields, sources = merge_layers(layers, site_name)
    candidates = [str(v) for v in (layer.get("published_raw") for layer in layers.values()) if v]
    return ExtractedArticle(fields=fields, sources=sources, published_candidates=candidates)


def _use_stated_dates(tree: HtmlElement, url: str, markup: dict[str, Any]) -> None:
    """The visible dates of the story's own zone, when the page has one.

    The markup layer's own date reading looks at the whole article element or
    page, where sidebars, "more news" lists and the banner print other days;
    within the zone only the story's dates are left (see ``stated``). A date
    the zone states wins, except a date-only value against a page-wide
    machine-readable timestamp of the same day (``<time datetime>``,
    microdata; the rule of ``merge``). A kind of date the zone does not
    state drops a page-wide one printed as text (a teaser's "December 11,
    2024 at 3:00 PM") but keeps a machine-readable one: those stand just
    outside the zone's bounds as often as in teasers. A zone that states no
    date at all says nothing against the page-wide reading.
    """
    stated = stated_dates(tree, url)
    if not stated:
        return
    for name in ("published_raw", "modified_raw"):
        zone, page = stated.get(name), markup.get(name)
        if zone is not None and calendar_day(zone) is None:
            zone = None  # "May 28": a day without its year reads as no date
        if zone is None:
            if page is not None and not _iso(page):
                markup.pop(name, None)
            continue
        timed_same_day = (
            page is not None
            and _iso(page)
            and has_time_of_day(page)
            and not has_time_of_day(zone)
            and calendar_day(page) == calendar_day(zone)
        )
        if not timed_same_day:
            markup[name] = zone


def _iso(raw: Any) -> bool:
    try:
        datetime.fromisoformat(str(raw).strip().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _clean_titles(layers: dict[str, dict[str, Any]], site_name: str | None, url: str) -> None:
    """Every layer's title without the site's name; an ``<h1>`` that is no headline dropped."""
    for layer in layers.values():
        if layer.get("title"):
            layer["title"] = strip_title_suffix(layer["title"], site_name)
    markup = layers["markup"]
    if is_site_name(markup.get("title") or "", site_name):
        # A logo set in an <h1> ("The Courier") is not the headline.
        markup.pop("title")
    headline = markup.get("title")
    titles = [str(layers[n]["title"]) for n in ("opengraph", "meta") if layers[n].get("title")]
    if headline and headline_is_site_name(headline, titles, url):
        # A blog's name in the <h1>, the post's headline in the <title>.
        markup.pop("title")
        for name in TITLE_EVIDENCE:
            if layers[name].get("title"):
                layers[name]["title"] = without_site_name(layers[name]["title"], headline)
        headline = None
    for name, layer in layers.items():
        if name not in ("profile", "markup") and layer.get("title"):
            title = strip_host_branding(layer["title"], url)
            layer["title"] = strip_headline_tail(title, headline)
    others = [str(layers[n]["title"]) for n in TITLE_EVIDENCE if layers[n].get("title")]
    if headline and not related(headline, others):
        # The first <h1> is a logo, a promo or a caption: no other layer's
        # title tells the same story.
        markup.pop("title")


def _site_name(layers: dict[str, dict[str, Any]]) -> str | None:
    for name in ("opengraph", "jsonld", "microdata"):
        value = layers[name].get("site_name")
        if value:
            return str(value)
    return None


def _first_value(layers: dict[str, dict[str, Any]], key: str, order: tuple[str, ...]) -> Any:
    for name in order:
        value = layers.get(name, {}).get(key)
        if value:
            return value
    return None


def _page_facts(layers: dict[str, dict[str, Any]]) -> PageFacts:
    """Headline, section and every author name any layer found, for the body filter."""
    authors: list[str] = []
    headlines: list[str] = []
    for layer in layers.values():
        authors.extend(split_authors(layer.get("authors")))
        title = layer.get("title")
        if isinstance(title, str) and title not in headlines:
            headlines.append(title)
    return PageFacts(
        title=_first_value(layers, "title", ("profile", "jsonld", "markup", "opengraph")),
        section=_first_value(layers, "section", ("profile", "markup", "jsonld", "opengraph")),
        authors=tuple(authors),
        headlines=tuple(headlines),
    )


def _use_complete_article_body(layers: dict[str, dict[str, Any]]) -> None:
    """Keep JSON-LD articleBody only when it is the whole text.

    Many sites put a teaser or the first paragraphs in articleBody; those
    would silently cut the body. It wins over trafilatura only when it covers
    what trafilatura found and is clearly longer; otherwise it is dropped.
    """
    structured = layers["jsonld"].pop("body", None)
    extracted = layers["trafilatura"].get("body")
    if not structured:
        return
    if not extracted:
        layers["jsonld"]["body"] = structured
        return
    # Shingle totals follow from token counts: most articleBody teasers fail
    # the length test before any shingles are built.
    if shingle_count(structured) < ARTICLE_BODY_LONGER * (shingle_count(extracted) or 1):
        return
    want, got = shingles(extracted), shingles(structured)
    total = sum(want.values()) or 1
    coverage = sum((want & got).values()) / total
    if coverage >= ARTICLE_BODY_COVERAGE and sum(got.values()) >= ARTICLE_BODY_LONGER * total:
        layers["jsonld"]["body"] = structured


#: Layers whose image is chosen for sharing rather than shown with the story.
_SHARED_IMAGE_LAYERS = ("jsonld", "microdata", "opengraph", "meta")


def _use_visible_lead_image(tree: HtmlElement, url: str, layers: dict[str, dict[str, Any]]) -> None:
    """Offer the lead figure's picture, and drop share cards the article never shows.

    og:image and JSON-LD ``image`` name the picture for social cards and
    search results. Usually that is the lead photo at another size; but some
    pages share a picture that the article does not show at all (a branded
    card, a default image, or a still from a video) while the reader sees
    another photo under the headline. A structured image that is neither the
    lead figure's picture nor any ``<img>`` of the page is such a card, and
    the lead figure is the article's image. A structured image that the page
    shows somewhere is kept: the publisher chose it and it is part of the story.
    """
    body = _first_value(layers, "body", ("profile", "jsonld", "trafilatura"))
    lead = lead_figure(tree, url, body)
    if lead is None:
        return
    layers["markup"]["lead_image_url"] = lead.url
    if lead.caption:
        layers["markup"]["lead_image_caption"] = lead.caption
    for name in _SHARED_IMAGE_LAYERS:
        shared = layers[name].get("lead_image_url")
        if not shared or same_picture(shared, [lead.url]) or shown_on_page(shared, tree):
            continue
        layers[name].pop("lead_image_url")
        layers[name].pop("lead_image_caption", None)


def _htmldate(tree: HtmlElement, url: str) -> str | None:
    """htmldate's guess of the original publication date (a last resort)."""
    import htmldate  # on first use: start-up of crawls that parse no article

    try:
        found = htmldate.find_date(
            deepcopy(tree),
            url=url,
            original_date=True,
            extensive_search=False,
            outputformat="%Y-%m-%dT%H:%M:%S",
        )
    except Exception:  # htmldate is a heuristic; a failure only means "no date"
        logger.debug("htmldate failed on %s", url, exc_info=True)
        return None
    # htmldate pads a date it found without a time (in the URL, say) with
    # midnight; keep it a date, so nobody takes it for a time of day.
    return found.removesuffix("T00:00:00") if found else None
