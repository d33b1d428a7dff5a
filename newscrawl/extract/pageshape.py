"""The shape of a page: one story, or cards of equal weight?

One walk over the parsed tree measures what a reader sees:

- **cards**: an element that holds one headline-like link to another page and
  little else (a headline, a dek, a time, an author name). Listings are made
  of them; so are the "MORE NEWS", "Editors' Picks" and "News Feed" blocks
  around a story;
- **the story**: the container that holds the most sentence-length prose
  outside cards and page furniture (navigation, footers, asides, captions,
  forms' controls), found as readability does (a block's words score its
  parent fully and its grandparent half);
- **the headline** over the story and whether it links elsewhere (then the
  "story" is one entry of a full-text listing), whether it matches the page's
  title, and whether a date or byline stands outside the cards.

Written by hand: readability and trafilatura find a main text but do not say
whether the page *is* one story, which is the question here. Everything is
measured on the page's own structure, never on a site's name or a class name
of one theme; the CMS conventions read (``single-post``, ``hentry``,
``post-template``, ``node--type-article``) are those of WordPress, Ghost,
Drupal and the hAtom microformat, which most news sites run on.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml.etree import Element, XPath
from lxml.html import HtmlElement

from newscrawl.extract.markup import VISIBLE_DATE
from newscrawl.extract.treeindex import meta_contents
from newscrawl.urls import join_base

#: Elements whose text is never the story: site furniture, captions, controls.
_FURNITURE_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "nav",
        "footer",
        "aside",
        "figure",
        "figcaption",
        "button",
        "select",
        "option",
        "textarea",
        "label",
        "iframe",
        "head",
        "title",
        "menu",
    }
)
#: Furniture by name only: what they hold decides (see ``_is_furniture``).
_REGION_TAGS = frozenset({"nav", "footer", "aside", "menu"})
_FURNITURE_ROLES = frozenset(
    {"navigation", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"}
)
#: Elements that start a new block of text (the rest are inline).
_BLOCK_TAGS = frozenset(
    {
        *("p", "div", "section", "article", "main", "header", "footer", "aside", "nav"),
        *("li", "ul", "ol", "dl", "dt", "dd", "menu", "blockquote", "pre", "address"),
        *("table", "thead", "tbody", "tfoot", "tr", "td", "th", "center"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "figure", "figcaption"),
        *("form", "fieldset", "details", "summary", "body", "html"),
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: A block of at least this many words is a sentence, not a label.
SENTENCE_WORDS = 8
#: A card holds at most this many words outside its links.
CARD_EXTRA_WORDS = 80
#: A headline-like link has at least this many words.
HEADLINE_LINK_WORDS = 3
#: Links to profile and taxonomy pages are bylines and labels, not teasers.
_PROFILE_PATH = re.compile(
    r"/(?:authors?|autor(?:en)?|auteurs?|people|person|staff|writers?|reporters?|journalists?|"
    r"contributors?|columnists?|profiles?|users?|members?|tags?|topics?|themen?|"
    r"categor(?:y|ies)|keywords?|series)(?:/|$)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-\u2013\u2014:\u00b7\u2022/»]+\s+")
#: A word has a letter: "12/11/2024 - 09:15" is no words, so a meta line is not prose.
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]{1,2}|\w*[^\W\d_]\w*")
_BYLINE_MARK = re.compile(r"byline|author|writer|reporter|contributor", re.IGNORECASE)
#: Dates as printed: the English forms of the markup layer, plus numeric
#: day-month-year, year-month-day and the CJK year-month-day.
_NUMERIC_DATE = re.compile(
    r"\b(?:[0-3]?\d[./-][01]?\d[./-](?:19|20)\d\d|(?:19|20)\d\d[./-][01]?\d[./-][0-3]?\d)\b"
    r"|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
)
#: A time of day at the start of a text: "12:31", "9.05 Uhr", "10:45 a.m.".
_CLOCK_START = re.compile(r"^(?:[01]?\d|2[0-3])[:.][0-5]\d\b")
_URL_DATE = re.compile(r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/|/(?:19|20)\d\d(?:0[1-9]|1[0-2])\d\d/")
#: Schema.org article types as microdata ``itemtype`` URLs.
_MICRODATA_ARTICLE = re.compile(
    r"schema\.org/((?:\w*News|Scholarly|Tech|Satirical|Advertiser\w*)?Article|BlogPosting|"
    r"Report|LiveBlogPosting)\b",
    re.IGNORECASE,
)
#: Classes of one entry of a blog or news loop (hAtom, microformats 2, WordPress' post_class()).
_ENTRY_CLASS = re.compile(r"(?:^|\s)(hentry|h-entry|type-post)(?:\s|$)")
#: CMS body and entry classes of a single post (WordPress, Ghost, Drupal, hAtom).
_SINGLE_POST = re.compile(
    r"(?:^|\s)(?:single-post|single-format-\w+|postid-\d+|post-template|"
    r"page-node-type-article|node--type-article)(?:\s|$)"
)
#: CMS body classes of listings and of static pages.
_LISTING_BODY = re.compile(
    r"(?:^|\s)(archive|category|tag|tag-template|author|author-template|search|"
    r"search-results|home-template|paged|blog|error404)(?:\s|$)"
)
#: Static pages (about, contact, newsletter): WordPress' ``page-id-N`` and
#: default page template, Ghost's ``page-template`` (Ghost declares pages as
#: JSON-LD Articles, so only the class tells them from posts).
_STATIC_PAGE = re.compile(r"(?:^|\s)(?:page-id-\d+|page-template-default|page-template)(?:\s|$)")


def tokens(text: str) -> int:
    """Words (with a letter) in ``text``; CJK characters count one word per two."""
    return len(_TOKEN.findall(text))


@dataclass
class Story:
    """The page's main prose: where it is and what stands around it."""

    words: int = 0
    paragraphs: int = 0
    #: The heading nearest above the story (outside cards), and its link target.
    heading: str | None = None
    heading_links_to: str | None = None
    #: A block just above the story says what the page's title says.
    titled: bool = False
    #: Headings inside the story that open with a time of day ("12.31 Uhr: ...").
    timed_headings: int = 0


@dataclass
class PageShape:
    """What :func:`page_shape` measured; every field is explainable on its own."""

    story: Story = field(default_factory=Story)
    #: Cards of one headline link each, outside page furniture.
    cards: int = 0
    cards_before_story: int = 0
    #: The ``<h1>`` texts outside cards and furniture.
    h1: list[str] = field(default_factory=list)
    #: A date (``<time>``, a dated element, a printed date) outside cards and furniture.
    dated: bool = False
    #: A byline (author markup) outside cards and furniture.
    bylined: bool = False
    date_in_url: bool = False
    #: CMS classes of a single post, or of a listing / static page, on ``<body>``
    #: or the page's one ``<article>``.
    cms_single: bool = False
    cms_listing: str | None = None
    #: Share of the visible text (furniture included) inside links.
    link_density: float = 0.0
    #: Entries (hAtom / WordPress post classes, microdata article scopes) that
    #: hold prose of their own: two or more make a full-text listing.
    prose_entries: int = 0
    #: How the entry around the story's first sentence is marked, if it is.
    story_entry: str | None = None


@dataclass(slots=True)
class _Node:
    parent: _Node | None
    element: HtmlElement
    index: int
    #: Place among all the page's elements in document order; ``index`` counts
    #: only the nodes walked (a furniture subtree is one node, see ``_walk``).
    order: int
    furniture: bool
    in_link: bool
    block: _Node | None  # the nearest block element, itself when it is one
    words: int = 0  # own text (text and inline descendants' text), when a block
    link_words: int = 0
    subtree_words: int = 0
    subtree_link_words: int = 0
    subtree_sentences: int = 0
    size: int = 1  # nodes in the subtree, itself included
    span: int = 1  # elements in the subtree, itself and unwalked furniture included
    targets: set[str] | None = None  # headline-link targets inside
    has_h1: bool = False
    card: bool = False
    in_card: bool = False
    entry: _Node | None = None  # the outermost entry (post, article scope) around it
    entry_kind: str | None = None  # "microdata NewsArticle", "hentry", ... when an entry
    prose: int = 0  # sentence blocks outside cards, when an entry


def page_shape(tree: HtmlElement, url: str) -> PageShape:
    """Measure ``tree`` (a parsed page) fetched from ``url``."""
    return _shape(tree, url)


@dataclass(frozen=True)
class StoryZone:
    """The story's own elements in page order; the first ``head`` of them stand
    before its first sentence (headline, kicker, meta line, lead figure)."""

    elements: list[HtmlElement]
    head: int


def story_zone(tree: HtmlElement, url: str) -> StoryZone | None:
    """The elements a reader takes as the story's own, in page order; None when unsure.

    The zone runs from the headline (the page's own ``<h1>`` above the story,
    with the header block around it: a meta line may stand before the title)
    to the end of the story's container, inside the smallest element that
    holds both, plus the ``<footer>`` of the story's ``<article>``. Furniture
    (sidebars, page footers, captions) and cards (related lists, "more news"
    views, teasers) are left out: their dates and bylines belong to other
    pages. Without a story, or a headline above it, there is no zone to trust
    and callers read the page as before.
    """
    nodes, _, root, _ = _analysis(tree, url)
    if root is None:
        return None
    first = _first_sentence(nodes, root)
    # The nearest <h1> above the story: a logo set in an <h1> comes earlier.
    h1 = next((n for n in reversed(nodes[:first]) if _own_h1(n)), None)
    shared = _common_ancestor(h1, root) if h1 is not None else None
    if h1 is None or shared is None:
        return None
    start = _branch(h1, shared).index
    last = root if root is shared else _branch(root, shared)
    end = last.index + last.size
    kept = [n for n in nodes[start:end] if not n.furniture and not n.in_card]
    kept.extend(n for n in _entry_footer(nodes, nodes[first]) if n.index >= end)
    head = sum(1 for n in kept if n.index < first)
    return StoryZone([n.element for n in kept], head)


def _entry_footer(nodes: list[_Node], sentence: _Node) -> list[_Node]:
    """The nodes of the ``<footer>`` of the ``<article>`` that holds the story.

    An article's own footer is the story's (WordPress themes print "Published
    <time>" there), unlike the page's footer or the footers of comments, which
    are ``<article>`` elements of their own. Furniture inside it stays out.
    """
    article = sentence.parent
    while article is not None and article.element.tag != "article":
        article = article.parent
    if article is None:
        return []
    found: list[_Node] = []
    for footer in nodes[article.index : article.index + article.size]:
        if footer.parent is not article or footer.element.tag != "footer" or footer.in_card:
            continue
        for node in nodes[footer.index : footer.index + footer.size]:
            if node is footer or not _furniture_below(node, footer):
                found.append(node)
    return found


def _furniture_below(node: _Node, top: _Node) -> bool:
    """Is ``node``, or an ancestor of it below ``top``, furniture by itself?"""
    current: _Node | None = node
    while current is not None and current is not top:
        if current.in_card or _is_furniture(current.element):
            return True
        current = current.parent
    return False


def _own_h1(node: _Node) -> bool:
    return node.element.tag == "h1" and not node.furniture and not node.in_card


def _branch(node: _Node, ancestor: _Node) -> _Node:
    """The child of ``ancestor`` on the way down to ``node`` (``node`` itself at most)."""
    while node.parent is not None and node.parent is not ancestor:
        node = node.parent
    return node


@lru_cache(maxsize=4)
def _analysis(tree: HtmlElement, url: str) -> tuple[list[_Node], list[_Node], _Node | None, Story]:
    """(nodes, cards, story root, story): the walk both the shape and the zone read."""
    nodes = _walk(tree)
    own = _own_keys(url, tree)
    teasers = _teaser_links(nodes, url, own)
    _mark_targets(teasers)
    _mark_headlines(nodes, {link.index for link, _ in teasers})
    cards = _cards(teasers)
    for node in nodes:
        node.in_card = node.card or (node.parent is not None and node.parent.in_card)
    story_root, story = _story(nodes)
    return nodes, cards, story_root, story


@lru_cache(maxsize=4)
def _shape(tree: HtmlElement, url: str) -> PageShape:
    nodes, cards, story_root, story = _analysis(tree, url)
    own = _own_keys(url, tree)
    shape = PageShape(cards=len(cards))
    shape.story = story
    shape.prose_entries = _prose_entries(nodes)
    if story_root is not None:
        first = _first_sentence(nodes, story_root)
        title = _title_words(tree)
        story.titled = _titled(nodes, first, title) or any(
            _says_title(_text(n.element), title)
            for n in nodes
            if n.element.tag == "h1" and not n.furniture and not n.in_card
        )
        entry = nodes[first].entry
        shape.story_entry = entry.entry_kind if entry is not None else None
        shape.cards_before_story = sum(1 for card in cards if card.index < first)
        heading = _heading_above(nodes, first)
        if heading is not None:
            story.heading = _text(heading.element)
            target = _heading_target(heading, url, own)
            # The prose belongs to the linked headline only when the two share a
            # container that links to nothing else (a post of a full-text
            # listing), not when the heading ends a sidebar list before the story.
            shared = _common_ancestor(heading, nodes[first])
            if target is not None and shared is not None and len(shared.targets or ()) <= 1:
                story.heading_links_to = target
    shape.h1 = [
        _text(n.element)
        for n in nodes
        if n.element.tag == "h1" and not n.furniture and not n.in_card and _text(n.element)
    ]
    shape.dated, shape.bylined = _dated_and_bylined(nodes[_region(nodes, story_root)])
    shape.date_in_url = bool(_URL_DATE.search(urlsplit(url).path))
    shape.cms_single, shape.cms_listing = _cms_classes(tree)
    total = sum(n.words for n in nodes if n.block is n)
    linked = sum(n.link_words for n in nodes if n.block is n)
    shape.link_density = linked / total if total else 0.0
    return shape


#: A furniture subtree's element count, by libxml2: no element proxy made per element.
_COUNT_DESCENDANTS = XPath("count(.//*)")


def _walk(tree: HtmlElement) -> list[_Node]:
    """Every element in document order, with its own words counted once.

    A furniture element (a menu, a script, an SVG sprite, the page's footer)
    is one node: nothing inside it is anyone's words, a card or a headline, so
    its subtree is not walked (on a news page that is half of the elements or
    more). Its elements still count in ``order`` and ``span``, which the
    windows measured in elements (``HEADLINE_REACH``, ``REGION_HEAD``) use. An
    ``<article>``'s own ``<footer>`` is walked: ``story_zone`` reads it.
    """
    nodes: list[_Node] = []
    root = tree.find("body")
    if root is None:
        root = tree
    order = 0
    stack: list[tuple[HtmlElement, _Node | None]] = [(root, None)]
    while stack:
        element, parent = stack.pop()
        tag = element.tag
        own = _is_furniture(element)
        node = _Node(
            parent=parent,
            element=element,
            index=len(nodes),
            order=order,
            furniture=own or (parent is not None and parent.furniture),
            in_link=(parent is not None and parent.in_link) or tag == "a",
            block=None,
        )
        node.block = node if tag in _BLOCK_TAGS or parent is None else parent.block
        node.entry = parent.entry if parent is not None else None
        if node.entry is None:
            node.entry_kind = _entry_kind(element)
            if node.entry_kind is not None:
                node.entry = node
        nodes.append(node)
        order += 1
        # Text inside furniture (a script, a caption, a menu) is no one's words.
        if element.text and not node.furniture:
            _count(node.block, element.text, node.in_link)
        if element.tail and parent is not None and not parent.furniture:
            _count(parent.block, element.tail, parent.in_link)
        if own and not (tag == "footer" and parent is not None and parent.element.tag == "article"):
            # Counted by libxml2 (an XPath number): no element proxy is made for them.
            node.span = 1 + int(_COUNT_DESCENDANTS(element))
            order += node.span - 1
        else:
            # Comments and processing instructions are left out, their tails too.
            stack.extend((child, node) for child in element.iterchildren(Element, reversed=True))
    for node in reversed(nodes):
        is_sentence = node.block is node and node.words >= SENTENCE_WORDS and not node.furniture
        node.subtree_words += node.words if node.block is node else 0
        node.subtree_link_words += node.link_words if node.block is node else 0
        node.subtree_sentences += int(is_sentence and node.link_words * 2 < node.words)
        if node.parent is not None:
            node.parent.size += node.size
            node.parent.span += node.span
            node.parent.subtree_words += node.subtree_words
            node.parent.subtree_link_words += node.subtree_link_words
            node.parent.subtree_sentences += node.subtree_sentences
    return nodes


def _at_order(nodes: list[_Node], order: int) -> int:
    """The index of the first node at or after element number ``order``."""
    return bisect_left(nodes, order, key=lambda node: node.order)


def _entry_kind(element: HtmlElement) -> str | None:
    itemtype = element.get("itemtype")
    if itemtype:
        found = _MICRODATA_ARTICLE.search(itemtype)
        return f"microdata {found.group(1)}" if found else None
    classes = element.get("class")
    if classes:
        found = _ENTRY_CLASS.search(classes)
        return found.group(1) if found else None
    return None


def _prose_entries(nodes: list[_Node]) -> int:
    for node in nodes:
        if node.entry is not None and _is_prose(node):
            node.entry.prose += 1
    return sum(1 for node in nodes if node.entry is node and node.prose >= 2)


def _count(block: _Node | None, text: str, in_link: bool) -> None:
    if block is None or text.isspace():
        return  # the indentation between tags, most of a page's text nodes, holds no word
    count = tokens(text)
    block.words += count
    if in_link:
        block.link_words += count


def _is_furniture(element: HtmlElement) -> bool:
    if element.tag == "header":
        # The page's banner (logo, menu, today's date), not an article's header.
        return (
            element.find(".//h1") is None
            and element.find(".//article") is None
            and not any(a.tag in ("article", "main") for a in element.iterancestors())
        )
    if element.tag in _FURNITURE_TAGS or (element.get("role") or "").lower() in _FURNITURE_ROLES:
        # A region that holds the page's headline or article is not furniture,
        # whatever its tag says (an unclosed sidebar swallows the main column).
        if element.tag in _REGION_TAGS or element.get("role"):
            return element.find(".//h1") is None and element.find(".//article") is None
        return True
    if element.get("aria-hidden") == "true" or element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style) and "display:none" in style.replace(" ", "").lower()


@lru_cache(maxsize=4)
def _own_keys(url: str, tree: HtmlElement) -> frozenset[str]:
    """The page's own URL and its declared canonical, as comparable keys."""
    # Not an XPath union of the two: it walks every element and sorts its result.
    declared = [e.get("href") for e in tree.iter("link") if e.get("rel") == "canonical"]
    declared += meta_contents(tree, ("og:url",), ())
    keys = {_key(url)}
    keys.update(_key(urljoin(url, href.strip())) for href in declared if href is not None)
    return frozenset(keys)


def _key(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go"})


def _site(host: str) -> str:
    """The registrable part of a host, roughly (``news.bbc.co.uk`` -> ``bbc.co.uk``)."""
    labels = host.lower().rstrip(".").split(".")
    keep = 3 if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def _teaser_links(nodes: list[_Node], url: str, own: frozenset[str]) -> list[tuple[_Node, str]]:
    """Links that carry a headline to another story: the stuff of cards."""
    found = []
    for node in nodes:
        element = node.element
        if element.tag != "a" or node.furniture:
            continue
        # The text tests first: they are cheaper than resolving the href, and
        # a page of 20,000 bare links fails them.
        words = tokens(element.text_content())
        wraps_block = any(child.tag in _BLOCK_TAGS for child in element.iterdescendants())
        in_heading = wraps_block or any(a.tag in _HEADINGS for a in element.iterancestors())
        if words < HEADLINE_LINK_WORDS and not (in_heading and words >= 1):
            continue
        block = node.block
        # A link inside a sentence is a reference, not a teaser: the link must
        # carry most of its block's text (a link around a heading is a block).
        if not wraps_block and block is not None and 2 * block.link_words < block.words:
            continue
        target = _story_target(element, url, own)
        if target is None:
            continue
        found.append((node, target))
    return found


def _story_target(link: HtmlElement, url: str, own: frozenset[str]) -> str | None:
    href = (link.get("href") or "").strip()
    if not href or href.startswith("#"):
        return None
    if "author" in (link.get("rel") or "").lower().split():
        return None
    target = _target(_join(url, href))
    if target is None:
        return None
    key, site = target
    if key in own or site != _page_site(url):
        return None  # share buttons, partners and ads link away; cards link home
    return key


def _join(url: str, href: str) -> str:
    """``urljoin(url, href)``, cached where the page's own path cannot change it."""
    shorter = join_base(url, href)
    return urljoin(url, href) if shorter is None else _joined(shorter, href)


@lru_cache(maxsize=8192)
def _joined(base: str, href: str) -> str:
    return urljoin(base, href)


@lru_cache(maxsize=8192)
def _target(absolute: str) -> tuple[str, str] | None:
    """The story key of a link to ``absolute`` and the site it is on, if it may be a story."""
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or _PROFILE_PATH.search(parts.path):
        return None
    if not parts.path.strip("/"):
        return None
    return _key(absolute), _site(parts.hostname or "")


@lru_cache(maxsize=64)
def _page_site(url: str) -> str:
    return _site(urlsplit(url).hostname or "")


def _mark_targets(teasers: list[tuple[_Node, str]]) -> None:
    for link, target in teasers:
        node: _Node | None = link
        while node is not None:
            if node.targets is None:
                node.targets = set()
            node.targets.add(target)
            node = node.parent


def _mark_headlines(nodes: list[_Node], teaser_links: set[int]) -> None:
    """Mark the ancestors of every ``<h1>`` that is the page's own (no teaser link).

    A card never holds one. An ``<h1>`` that links to another story is the
    headline of an entry in a listing (some themes use them), not the page's.
    """
    for node in nodes:
        if node.element.tag != "h1" or node.furniture:
            continue
        linked = any(n.index in teaser_links for n in nodes[node.index : node.index + node.size])
        ancestor: _Node | None = node.parent
        while ancestor is not None and not linked:
            if ancestor.index in teaser_links:
                linked = True
            ancestor = ancestor.parent
        ancestor = node.parent
        while ancestor is not None and not linked and not ancestor.has_h1:
            ancestor.has_h1 = True
            ancestor = ancestor.parent


def _cards(teasers: list[tuple[_Node, str]]) -> list[_Node]:
    """Climb from each teaser link while the ancestor is still one small card."""
    cards: dict[int, _Node] = {}
    for link, _target in teasers:
        card = link
        node = link.parent
        while node is not None and node.parent is not None:
            if node.furniture or node.has_h1 or len(node.targets or ()) > 1:
                break
            # A card's own text is a dek and a meta line; its links (the
            # headline, a dated permalink, author and section labels) are not counted.
            if node.subtree_words - node.subtree_link_words > CARD_EXTRA_WORDS:
                break
            if node.subtree_sentences - card.subtree_sentences > 1:
                break
            card = node
            node = node.parent
        card.card = True
        cards[card.index] = card
    # A card inside another card (an image link and a headline link) is one card.
    outer = []
    for card in cards.values():
        parent = card.parent
        while parent is not None and not parent.card:
            parent = parent.parent
        if parent is None:
            outer.append(card)
    return sorted(outer, key=lambda n: n.index)


def _is_prose(node: _Node) -> bool:
    return (
        node.block is node
        and node.element.tag not in _HEADINGS
        and not node.furniture
        and not node.in_card
        and node.words >= SENTENCE_WORDS
        and node.link_words * 2 < node.words
    )


#: How much a sentence block's words score its ancestors, nearest first
#: (readability.js' weights: parent, grandparent, then level * 3).
_ANCESTOR_WEIGHTS = (1.0, 1 / 2, 1 / 6, 1 / 9, 1 / 12)


def _story(nodes: list[_Node]) -> tuple[_Node | None, Story]:
    scores: dict[int, float] = {}
    for node in nodes:
        if not _is_prose(node):
            continue
        ancestor = node.parent
        for weight in _ANCESTOR_WEIGHTS:
            if ancestor is None:
                break
            scores[ancestor.index] = scores.get(ancestor.index, 0.0) + node.words * weight
            ancestor = ancestor.parent
    if not scores:
        return None, Story()
    root = nodes[max(scores, key=lambda i: (scores[i], -i))]
    end = root.index + root.size
    story = Story()
    for node in nodes[root.index : end]:
        if _is_prose(node):
            story.words += node.words
            story.paragraphs += 1
        elif node.element.tag in _HEADINGS and not node.furniture:
            story.timed_headings += bool(_CLOCK_START.match(_text(node.element)))
    return root, story


def _first_sentence(nodes: list[_Node], root: _Node) -> int:
    for node in nodes[root.index :]:
        if _is_prose(node):
            return node.index
    return root.index


def _heading_above(nodes: list[_Node], first: int) -> _Node | None:
    """The nearest heading before the story's first sentence, outside furniture.

    Headings inside cards are recirculation, not the story's own; a heading
    that is a card by itself (nothing around its link) is a linked headline.
    """
    for node in reversed(nodes[:first]):
        if node.element.tag not in _HEADINGS or node.furniture:
            continue
        if node.in_card and not node.card:
            continue
        if _text(node.element):
            return node
    return None


#: How many blocks above the story's first sentence its headline may stand.
HEADLINE_REACH = 60


def _title_words(tree: HtmlElement) -> list[set[str]]:
    """The words of the page's titles (og:title, twitter:title, ``<title>``), each
    whole and in its parts between separators ("Headline | Site"), leaving out
    a part that is the site's own name (og:site_name, application-name)."""
    site = {
        _name_key(name) for name in meta_contents(tree, ("og:site_name",), ("application-name",))
    }
    found: list[set[str]] = []
    for title in (
        *meta_contents(tree, ("og:title",), ("twitter:title",))[:2],
        *tree.xpath("//head/title/text()")[:1],
    ):
        parts = _TITLE_SEPARATORS.split(str(title))
        for text in (str(title), *(parts if len(parts) > 1 else ())):
            if _name_key(text) in site:
                continue
            words = _title_tokens(text)
            if words and words not in found:
                found.append(words)
    return found


def _name_key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold()).removeprefix("the")


def _titled(nodes: list[_Node], first: int, title: list[set[str]]) -> bool:
    """A block shortly above ``first`` that says the page's title (site name aside).

    The headline of a page of no headings (``<dt>``, ``<p class=title>``)
    is found by saying what the title says; both ways, so that a logo that is
    one word of the title does not count.
    """
    if not title:
        return False
    # The first sentence's block may hold the headline itself (text beside <br>s).
    head = nodes[first]
    inside = nodes[first + 1 : _at_order(nodes, head.order + min(head.span, HEADLINE_REACH))]
    seen = 0
    for node in [*inside, *reversed(nodes[:first])]:
        if node.block is not node or node.furniture:
            continue
        seen += 1
        if seen > HEADLINE_REACH:
            break
        if node.in_card or not node.words or node.words > 40:
            continue
        if _says_title(_own_text(node.element), title):
            return True
    return False


def _says_title(text: str, titles: list[set[str]]) -> bool:
    """``text`` and one of ``titles`` share most of their words, both ways (so a
    logo that is one word of the title does not count, nor a title that is one
    word of a sentence)."""
    words = _title_tokens(text)
    for title in titles:
        shared = len(words & title)
        if words == title or (
            shared >= 2 and shared >= 0.6 * len(title) and shared >= 0.6 * len(words)
        ):
            return True
    return False


#: Invisible characters that split words in markup but not on screen.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")


def _title_tokens(text: str) -> set[str]:
    """Words to compare titles by: case-folded words, and character pairs of
    CJK runs (which have no spaces between words)."""
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).casefold()
    tokens = set(_WORD.findall(_CJK.sub(" ", text)))
    for run in _CJK.findall(text):
        tokens.update(run[i : i + 2] for i in range(max(len(run) - 1, 1)))
    return tokens


def _common_ancestor(a: _Node, b: _Node) -> _Node | None:
    above: set[int] = set()
    node: _Node | None = a
    while node is not None:
        above.add(node.index)
        node = node.parent
    node = b
    while node is not None and node.index not in above:
        node = node.parent
    return node


def _heading_target(heading: _Node, url: str, own: frozenset[str]) -> str | None:
    """Where the heading links, when a link carries most of its text."""
    element = heading.element
    text_words = tokens(element.text_content()) or 1
    for link in element.iter("a"):
        target = _story_target(link, url, own)
        if target is not None and 2 * tokens(link.text_content()) >= text_words:
            return target
    parent = element.getparent()
    if parent is not None and parent.tag == "a":
        return _story_target(parent, url, own)
    return None


#: Elements before the headline and after the story's end where the story's
#: date or byline may still stand (a dateline over the headline, a footer line).
REGION_HEAD = 30
REGION_TAIL = 300


def _region(nodes: list[_Node], root: _Node | None) -> slice:
    """Where the story's own date and byline stand: from its headline (the first
    ``<h1>`` above it) to a little past its end. A date line in the site header
    ("Wednesday, 11 December 2024") is not the story's."""
    if root is None:
        return slice(0, len(nodes))
    first = _first_sentence(nodes, root)
    start = root.index
    for node in nodes[:first]:
        if node.element.tag == "h1" and not node.furniture and not node.in_card:
            start = min(start, node.index)
            break
    return slice(
        _at_order(nodes, max(nodes[start].order - REGION_HEAD, 0)),
        _at_order(nodes, root.order + root.span + REGION_TAIL),
    )


def _dated_and_bylined(nodes: list[_Node]) -> tuple[bool, bool]:
    """A date and a byline outside cards and furniture: each text node is read once."""
    dated = bylined = False
    for node in nodes:
        element = node.element
        outside = not node.furniture and not node.in_card
        if not dated and outside:
            dated = (
                element.tag == "time"
                or element.get("itemprop") == "datePublished"
                or _has_date(element.text)
            )
        if not dated and node.parent is not None:
            parent = node.parent
            dated = not parent.furniture and not parent.in_card and _has_date(element.tail)
        if not bylined and outside:
            marks = f"{element.get('class', '')} {element.get('id', '')}"
            if _BYLINE_MARK.search(marks) or "author" in (element.get("rel") or "").split():
                bylined = 0 < len(_text(element)) <= 200
        if dated and bylined:
            break
    return dated, bylined


_DIGIT = re.compile(r"\d")


def _has_date(text: str | None) -> bool:
    if not text or len(text) > 300 or not _DIGIT.search(text):
        return False
    return bool(VISIBLE_DATE.search(text) or _NUMERIC_DATE.search(text))


def _cms_classes(tree: HtmlElement) -> tuple[bool, str | None]:
    """What the CMS says on ``<body>``: a single post, or an archive / static page.

    Entry classes (``hentry``, ``type-post``) are left out here: loops of
    archives carry them on every entry (see ``story_entry``).
    """
    body = tree.find("body")
    classes = body.get("class", "") if body is not None else ""
    single = bool(_SINGLE_POST.search(classes))
    found = _LISTING_BODY.search(classes)
    listing = found.group(1) if found else None
    if listing is None and not single and _STATIC_PAGE.search(classes):
        listing = "page"
    return single, listing


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _own_text(element: HtmlElement) -> str:
    """The text of ``element`` without the text of nested blocks."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _BLOCK_TAGS:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split())
