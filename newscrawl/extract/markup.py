"""Visible-markup layer: headline, byline, printed dates and the lead figure.

Used when structured data is missing or poorer than what a reader sees. All
rules are generic (element roles, class-name words, text shapes), never a
particular site's markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any

from lxml.html import HtmlElement

from newscrawl.extract.captions import caption_text
from newscrawl.extract.images import shown_url
from newscrawl.extract.paywall import paywall_notice
from newscrawl.extract.sections import breadcrumb_section, breadcrumb_trails
from newscrawl.extract.treeindex import inside, itemprop
from newscrawl.processors.authors import is_prefix_only, split_authors, starts_with_prefix
from newscrawl.processors.datetext import numeric_date
from newscrawl.processors.text import clean_text

#: Month names (English) as printed in visible dates.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?)?"
#: "December 11, 2024 3:18 PM", "11 December 2024, 15:18", "2024-12-11 15:18".
VISIBLE_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}{_TIME}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+(?:19|20)\d{{2}}{_TIME}"
    rf"|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}(?:[ T]\d{{2}}:\d{{2}})?)",
    re.IGNORECASE,
)

_DATE_CLASS_WORDS = ("date", "time", "publish", "posted")


def _marked(tree: HtmlElement, *words: str) -> Iterator[HtmlElement]:
    """Elements whose class or id contains one of ``words`` (lowercase), in page order.

    One XPath for the candidates, then plain string tests: much faster than
    XPath 1.0 translate() on every element.
    """
    pattern = _words_pattern(words)
    for element, marker in _markers(tree):
        if pattern.search(marker):
            yield element


@lru_cache(maxsize=32)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for "contains any of ``words``": faster than a loop of ``in`` tests."""
    return re.compile("|".join(re.escape(word) for word in words))


@lru_cache(maxsize=4)
def _markers(tree: HtmlElement) -> tuple[tuple[HtmlElement, str], ...]:
    """(element, lowercase "class id") of every element that has either, in page order.

    Several fields look for class words; the page is walked once. Keyed by the
    tree object, like ``parse_html``'s cache: the trees are not modified.
    """
    return tuple(
        (element, f"{element.get('class', '')} {element.get('id', '')}".lower())
        for element in tree.xpath("//*[@class or @id]")
    )


DatesFn = Callable[[], list[tuple[str, str]]]
MAX_BYLINE_CHARS = 200
#: Raw text (indentation included) past which an element cannot clean down to a
#: byline: skips cleaning the text of whole containers.
MAX_RAW_BYLINE_CHARS = 5 * MAX_BYLINE_CHARS
_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:by|writer|writers|reporter)(?:$|[\s_-])", re.I)
#: A section label above the headline is a word or two.
MAX_KICKER_CHARS = 30
#: A date line ("December 11, 2024 3:18 PM Updated ... 1 min read") is short.
MAX_DATE_LINE = 120
_UPDATED = re.compile(r"updated|modified|edited", re.IGNORECASE)
_TAG_PATH = re.compile(r"/(?:tags?|topics?|keywords?|schlagwort|themen?)/[^/?#]+", re.IGNORECASE)
_SECTION_PATH = re.compile(
    r"/(?:sections?|category|categories|rubri[ck]\w*|ressort)/[^/?#]+/?$", re.IGNORECASE
)


@lru_cache(maxsize=4)
def _main_scope(tree: HtmlElement) -> HtmlElement:
    """The article element when there is exactly one, else the whole page.

    Cached per tree (every field asks); the trees are not modified.
    """
    articles = tree.xpath("//article")
    if len(articles) == 1:
        return articles[0]
    mains = tree.xpath("//main")
    return mains[0] if len(mains) == 1 else tree


@lru_cache(maxsize=4)
def _headline_element(tree: HtmlElement) -> HtmlElement | None:
    """The article's ``<h1>`` element: inside the article element when there is one."""
    for scope in (_main_scope(tree), tree):
        for h1 in scope.iter("h1"):
            text = clean_text(h1.text_content())
            if text and len(text) > 3:
                return h1
    return None


def headline(tree: HtmlElement) -> str | None:
    """The article's ``<h1>`` text."""
    h1 = _headline_element(tree)
    return clean_text(h1.text_content()) if h1 is not None else None


def _byline_elements(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Elements marked as bylines, most explicit markup first (lazily: most pages
    stop at the first kind)."""
    yield from itemprop(tree, "author")
    yield from _marked(tree, "byline")
    yield from tree.xpath("//a[@rel='author']")
    for element in _marked(tree, "author"):
        if element.tag not in ("meta", "link"):
            yield element
    # Short class names: "rw-by", "post_by", "writer".
    for element in _main_scope(tree).iter("p", "span", "div", "address", "a"):
        if _BYLINE_CLASS.search(element.get("class", "")):
            yield element


def _byline_text(element: HtmlElement) -> str | None:
    """The clean text of a short element, None for one too long to be a byline.

    Text nodes are joined with a space: a byline's parts sit in elements of
    their own (<p>By</p><p>Amy Roeder</p>, <a>Howard Blume</a><span>Staff
    Writer</span>), and text_content() would glue them into "ByAmy Roeder".
    """
    raw = element.text_content()
    if len(raw) > MAX_RAW_BYLINE_CHARS:
        return None
    text = clean_text(" ".join(element.itertext()))
    return text if text and len(text) <= MAX_BYLINE_CHARS else None


def _with_names(element: HtmlElement) -> HtmlElement | None:
    """The element that holds the names: the parent of a prefix element.

    Themes print the prefix in its own element, marked like the byline
    (<span class="byline-prefix">By:</span> <a>A</a> and <a>B</a>): the names
    are its siblings, and the byline is its parent. Only a bare label counts:
    "Written By <a></a>" is a byline whose name slot is empty, not a label.
    """
    if not len(element) and is_prefix_only(_byline_text(element)):
        return element.getparent()
    return element


def byline(tree: HtmlElement) -> list[str]:
    """Author names from the first byline-like element that yields any."""
    for marked in _byline_elements(tree):
        element = _with_names(marked)
        if element is None or element.tag in ("html", "body", "article", "main"):
            continue
        text = _byline_text(element)
        names = split_authors(text) if text else []
        if names:
            return names
    # Last resort: the smallest element that reads "By Jane Doe" (its parent
    # often runs the date on without a space: "...news desk December 11").
    found: list[tuple[int, str]] = []
    for element in _main_scope(tree).iter("p", "span", "div", "address"):
        text = _byline_text(element)
        if text and starts_with_prefix(text):
            found.append((len(text), text))
    for _, text in sorted(found):
        names = split_authors(text)
        if names:
            return names
    return []


def _date_value(element: HtmlElement) -> str | None:
    value = element.get("content") or element.get("datetime") or element.text_content()
    return value.strip() if value and value.strip() else None


def printed_dates(tree: HtmlElement) -> list[tuple[str, str]]:
    """(kind, date) for dates printed near the headline, in page order.

    kind is "updated" when the text right before the date says so, else
    "published". Only short leaf-like elements are read: a date inside a
    paragraph of the story is not the article's date.
    """
    scope = _main_scope(tree)
    dates: list[tuple[str, str]] = []
    for element in scope.iter("span", "div", "p", "time", "small", "li"):
        if len(element) > 2:
            continue
        raw = element.text_content()
        if len(raw) > 3 * MAX_DATE_LINE:
            continue
        text = clean_text(raw)
        if not text or len(text) > MAX_DATE_LINE:
            continue
        for match in VISIBLE_DATE.finditer(text):
            before = text[max(0, match.start() - 20) : match.start()]
            kind = "updated" if _UPDATED.search(before) else "published"
            if (kind, match.group(0)) not in dates:
                dates.append((kind, match.group(0)))
        if dates:
            return dates
    return dates


def published(tree: HtmlElement, dates: DatesFn | None = None) -> str | None:
    """A publication date from ``<time datetime>`` or a printed date near the top.

    ``dates`` returns ``printed_dates(tree)``, computed once by the caller.
    """
    scope = _main_scope(tree)
    # The <head> holds the page's own data only: a <meta itemprop> there is
    # the page's date (Squarespace), whatever the body's scope.
    marked = itemprop(tree, "datePublished")
    for element in chain(
        [e for e in marked if inside(e, scope)],
        [e for e in marked if _in_head(e, "meta")],
    ):
        value = _date_value(element)
        if value:
            return value
    for time in scope.iter("time"):
        value = _date_value(time)
        if value and not _UPDATED.search(f"{time.get('class', '')} {time.text_content()}"):
            return value
    for element in _marked(tree, *_DATE_CLASS_WORDS):
        text = clean_text(element.text_content())
        if text and len(text) <= MAX_DATE_LINE:
            match = VISIBLE_DATE.search(text)
            if match:
                return match.group(0)
            if not _UPDATED.search(text) and (plain := numeric_date(text)):
                return plain
    for kind, value in printed_dates(tree) if dates is None else dates():
        if kind == "published":
            return value
    return None


def _in_head(element: HtmlElement, tag: str) -> bool:
    """Would ``/html/head/TAG`` select ``element``?"""
    head = element.getparent() if element.tag == tag else None
    html = head.getparent() if head is not None and head.tag == "head" else None
    return html is not None and html.tag == "html" and html.getparent() is None


def modified(tree: HtmlElement, dates: DatesFn | None = None) -> str | None:
    """A modification date marked up or printed as such ("Updated ...")."""
    marked_times = (e for e in _marked(tree, "updated", "modified") if e.tag == "time")
    for element in chain(itemprop(tree, "dateModified"), marked_times):
        value = _date_value(element)
        if value:
            return value
    for kind, value in printed_dates(tree) if dates is None else dates():
        if kind == "updated":
            return value
    return None


def lead_caption(tree: HtmlElement) -> str | None:
    """The caption of the article's first figure, without the photo credit."""
    for caption in _main_scope(tree).iter("figcaption"):
        text = caption_text(caption)
        if text:
            return text
    return None


@dataclass(frozen=True)
class LeadFigure:
    """The picture a reader sees first: a figure between the headline and the story."""

    url: str
    caption: str | None = None


#: Body blocks shorter than this are too unspecific to find on the page.
MIN_OPENING_CHARS = 20
#: The start of a body block, as matched against the page's text elements.
OPENING_KEY_CHARS = 40
#: How many of the body's first blocks may mark where the story starts: the
#: first one is sometimes a kicker or standfirst printed outside any block tag.
OPENING_BLOCKS = 3
_TEXT_BLOCK_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")


def _squashed(text: str) -> str:
    return " ".join(text.split())


def _story_start(scope: HtmlElement, body: str) -> HtmlElement | None:
    """The first text element of the page that begins one of the body's opening blocks."""
    keys: list[str] = []
    for block in body.split("\n"):
        block = _squashed(block)
        if len(block) >= MIN_OPENING_CHARS:
            keys.append(block[:OPENING_KEY_CHARS])
            if len(keys) == OPENING_BLOCKS:
                break
    if not keys:
        return None
    opening = tuple(keys)
    for element in scope.iter(*_TEXT_BLOCK_TAGS):
        if _squashed(element.text_content()).startswith(opening):
            return element
    return None


def lead_figure(tree: HtmlElement, url: str, body: str | None) -> LeadFigure | None:
    """The first ``<figure>`` picture after the headline and before the story begins.

    That is where a news page puts its lead image, the one a reader sees with
    the headline (fundus' gold marks the pictures before the first paragraph
    as the cover). ``body`` is the extracted text: it tells where the story
    begins. Figures in an ``<aside>`` or ``<nav>`` are teasers for other
    pages, not this one's.
    """
    h1 = _headline_element(tree)
    if h1 is None or not body:
        return None
    after_headline = h1.xpath("following::figure")
    if not after_headline:
        return None
    start = _story_start(_main_scope(tree), body)
    if start is None:
        return None
    before_story = set(start.xpath("preceding::figure"))
    for figure in after_headline:
        if figure not in before_story:
            break  # figures come in page order: the rest are inside or after the story
        if figure.xpath("boolean(ancestor::aside | ancestor::nav)"):
            continue
        image = shown_url(figure, url)
        if image:
            captions = [caption_text(c) for c in figure.iter("figcaption")]
            return LeadFigure(image, next((c for c in captions if c), None))
    return None


def _links_under(tree: HtmlElement, path_words: re.Pattern[str]) -> list[HtmlElement]:
    return [
        a
        for a in _main_scope(tree).iter("a")
        if path_words.search(a.get("href", "")) and clean_text(a.text_content())
    ]


def tag_links(tree: HtmlElement) -> list[str]:
    """Texts of the article's links to tag / topic pages."""
    return [clean_text(a.text_content()) or "" for a in _links_under(tree, _TAG_PATH)]


def section_link(tree: HtmlElement) -> str | None:
    """The section: a link to a section page in the article, the breadcrumb's last
    section, or a short link above the headline (the "kicker")."""
    links = _links_under(tree, _SECTION_PATH)
    if links:
        return clean_text(links[0].text_content())
    trails = breadcrumb_trails(tree, _marked(tree, "breadcrumb"))
    crumb = breadcrumb_section(trails, headline(tree))
    if crumb:
        return crumb
    scope = _main_scope(tree)
    if scope is tree:
        return None
    kicker = None
    for element in scope.iter("a", "h1"):
        if element.tag == "h1":
            return kicker
        text = clean_text(element.text_content())
        if text and len(text) <= MAX_KICKER_CHARS:
            kicker = text
    return None


def markup_fields(tree: HtmlElement) -> dict[str, Any]:
    """Candidate fields read from what the reader sees."""
    found: list[list[tuple[str, str]]] = []

    def dates() -> list[tuple[str, str]]:
        # Scanning for printed dates is the slow part: only when needed, once.
        if not found:
            found.append(printed_dates(tree))
        return found[0]

    fields: dict[str, Any] = {
        "title": headline(tree),
        "authors": byline(tree),
        "published_raw": published(tree, dates),
        "modified_raw": modified(tree, dates),
        "lead_image_caption": lead_caption(tree),
        "tags": tag_links(tree),
        "section": section_link(tree),
        "paywalled": paywall_notice(_main_scope(tree)),
    }
    return {k: v for k, v in fields.items() if v not in (None, "", [])}
