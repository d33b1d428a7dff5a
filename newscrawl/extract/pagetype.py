"""Is a page an article, a listing of articles, or something else?

Decided from the page's own structure (:mod:`newscrawl.extract.pageshape`):
an article has one story, a run of prose outside the cards of other stories,
under a headline that does not link elsewhere, with a date or a declaration
that it is one article (JSON-LD, ``og:type`` with a publication time, the CMS's
single-post classes). Headlines in recirculation blocks around the story
("MORE NEWS", "Editors' Picks", a "News Feed") are cards: they never make a
page a listing, and a story of 80 words under twenty of them is still a story.
A listing is cards with no story of its own; a page with prose but no date,
byline or declaration (about, subscribe, contact) is "other".

The verdict carries a short machine-friendly ``reason`` (counted in the
crawl's stats) and the evidence behind it (``extract --explain``, the
page-type benchmark). The function is pure and reads no article fields, so a
crawl can skip article extraction on pages that are not articles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from newscrawl.extract.article import parse_html
from newscrawl.extract.pageshape import PageShape, page_shape
from newscrawl.extract.structured import ARTICLE_TYPES, jsonld_types
from newscrawl.extract.treeindex import meta_contents

#: Declared types of whole pages of links. ``ItemList``,
#: ``SiteNavigationElement`` and ``WebSite`` are left out: article pages
#: declare them for their related links, menus and the site they belong to.
LISTING_TYPES = frozenset({"CollectionPage", "SearchResultsPage", "ProfilePage", "Series"})
#: Cards above a short, untitled story that make it a featured teaser.
CARDS_ABOVE_TEASER = 10
#: Headings that open with a time of day, from which a story is a live blog.
LIVE_ENTRIES = 3
#: A story has at least this many words of sentence-length prose.
STORY_MIN_WORDS = 40
#: A story this long under a headline that matches the title is an article
#: even when the page prints no date (evergreen guides, undated blogs).
LONG_STORY_WORDS = 300


@dataclass(frozen=True)
class PageVerdict:
    """What a page is, the short reason for it, and the evidence read."""

    kind: str  # "article" | "listing" | "other"
    reason: str  # e.g. "story", "cards", "linked-headline", "undated", "jsonld:CollectionPage"
    evidence: tuple[str, ...] = field(default=(), compare=False)


def classify_page(html: str, url: str) -> PageVerdict:
    """Classify one page (its HTML as fetched from ``url``)."""
    return classify_tree(parse_html(html), url)


def classify_tree(tree: HtmlElement, url: str) -> PageVerdict:
    """:func:`classify_page` on an already parsed page."""
    types = jsonld_types(tree)
    if "LiveBlogPosting" in types:
        # A live blog keeps changing and has no single body: not stored as an article.
        return PageVerdict("other", "liveblog", ("JSON-LD LiveBlogPosting",))
    shape = page_shape(tree, url)
    story = shape.story
    evidence = [
        f"story: {story.words} words in {story.paragraphs} paragraphs",
        f"cards: {shape.cards} ({shape.cards_before_story} before the story)",
        f"link density {shape.link_density:.2f}",
    ]
    declared = _declared_article(tree, types, shape)
    listing_types = [t for t in types if t in LISTING_TYPES]
    if declared:
        evidence.append(f"declared {declared}")
    if listing_types:
        evidence.append(f"JSON-LD {', '.join(sorted(set(listing_types)))}")
    if story.heading:
        evidence.append(f"heading above the story: {story.heading[:80]!r}")
    evidence.extend(_shape_facts(shape, tree))

    def verdict(kind: str, reason: str) -> PageVerdict:
        return PageVerdict(kind, reason, tuple(evidence))

    if story.timed_headings >= LIVE_ENTRIES and not declared:
        # Entries under clock-time headings: a live blog. A page that declares
        # itself one article is taken at its word (publishers differ on whether
        # a "developments" page is one), since a lost article costs more.
        return verdict("other", "liveblog")
    if shape.cms_listing == "page":
        # A static page by the CMS's own classes (about, newsletter, search):
        # Ghost and WordPress declare those as articles / web pages too.
        return verdict("other", "cms:page")
    if story.words < STORY_MIN_WORDS:
        if shape.cards:
            return verdict("listing", "cards")
        if declared and declared.startswith("JSON-LD") and not shape.cms_listing:
            # One article by its own word and no story in the markup: a page
            # that scripts render from data. Extraction reads the structured
            # body; validation drops the page if there is none.
            return verdict("article", "declared-no-markup")
        return verdict("other", "short-text")
    # A page about one story is titled after it; a blog's front page, which
    # shows whole posts one after another, is titled after the blog.
    about_this_story = story.heading is not None and _is_title(story.heading, tree)
    if story.heading_links_to and not about_this_story:
        # The prose is one entry of a full-text listing: its headline links to the post.
        return verdict("listing", "linked-headline")
    if shape.prose_entries >= 2 and not about_this_story and not shape.cms_single:
        # Posts one after another, each with its own text: a full-text listing.
        return verdict("listing", "entries")
    if not declared and not shape.cms_single:
        if listing_types:
            return verdict("listing", f"jsonld:{listing_types[0]}")
        if shape.cms_listing:
            return verdict("listing", f"cms:{shape.cms_listing}")
    if declared:
        return verdict("article", "story+declared")
    if shape.cms_single:
        return verdict("article", "story+cms")
    # Without a declaration, a short story that does not stand under the page's
    # title, below a run of cards, is a featured teaser of a home page or a
    # section front (titled after the site or the section). Real articles' titles
    # often differ from their headlines, so a title mismatch alone decides nothing.
    if (
        not story.titled
        and story.words < LONG_STORY_WORDS
        and shape.cards_before_story >= CARDS_ABOVE_TEASER
    ):
        return verdict("listing", "untitled-story")
    if shape.dated or shape.date_in_url:
        return verdict("article", "story+date")
    if shape.bylined:
        return verdict("article", "story+byline")
    if story.words >= LONG_STORY_WORDS:
        return verdict("article", "long-story")
    return verdict("other", "undated")


def _declared_article(tree: HtmlElement, types: list[str], shape: PageShape) -> str | None:
    """How the page says it is one article, if it does.

    JSON-LD speaks for the page. A microdata scope speaks only for what it
    holds: it must hold the story (related cards are marked up too). And
    ``og:type=article`` with a publication time is taken only where the CMS
    does not say the page is a static page or an archive (WordPress.com gives
    its pages both).
    """
    article_types = [t for t in types if t in ARTICLE_TYPES]
    if article_types:
        return f"JSON-LD {article_types[0]}"
    if shape.story_entry and shape.story_entry.startswith("microdata"):
        return shape.story_entry
    og_type = _meta(tree, "og:type")
    if (
        og_type
        and og_type.casefold() == "article"
        and _meta(tree, "article:published_time")
        and not shape.cms_listing
    ):
        return "og:type=article with article:published_time"
    return None


def _shape_facts(shape: PageShape, tree: HtmlElement) -> list[str]:
    facts = []
    if shape.h1:
        matches = "matches" if _headline_is_title(shape, tree) else "does not match"
        facts.append(f"h1 {shape.h1[0][:80]!r} {matches} the title")
    else:
        facts.append("no h1")
    for flag, text in (
        (shape.dated, "a date outside the cards"),
        (shape.bylined, "a byline outside the cards"),
        (shape.date_in_url, "a date in the URL"),
        (shape.cms_single, "CMS single-post classes"),
    ):
        if flag:
            facts.append(text)
    if shape.cms_listing:
        facts.append(f"CMS body class {shape.cms_listing!r}")
    if shape.story.heading_links_to:
        facts.append(f"the heading above the story links to {shape.story.heading_links_to}")
    return facts


def _headline_is_title(shape: PageShape, tree: HtmlElement) -> bool:
    """An ``<h1>`` that says what the page's title says (site name aside)."""
    return any(_is_title(h1, tree) for h1 in shape.h1)


def _is_title(text: str, tree: HtmlElement) -> bool:
    """``text`` says what the page's title (og:title, twitter:title, ``<title>``) says."""
    got = _words(text)
    if not got:
        return False
    titles = [_meta(tree, "og:title"), _meta(tree, "twitter:title")]
    titles.extend(str(t) for t in tree.xpath("//head/title/text()")[:1])
    for title in titles:
        wanted = _words(title or "")
        if wanted and len(got & wanted) >= 0.6 * min(len(got), len(wanted)):
            return True
    return False


def _words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return set(re.findall(r"\w+", folded))


def _meta(tree: HtmlElement, name: str) -> str | None:
    """The content of the first ``<meta>`` whose property or name is ``name`` (None if blank)."""
    found = meta_contents(tree, (name,), (name,))
    return (found[0].strip() or None) if found else None
