"""Tree pre-clean: a copy of the page without its furniture, for trafilatura.

trafilatura finds the main text well, but on news pages it lets through page
furniture that sits *inside* the article container: captions and photo credits,
share bars, newsletter boxes and related-story blocks. Those elements are
removed here, before trafilatura, by element roles and class/id words; what
still gets through is dropped after it by line text (``newscrawl.extract.body``).

Written by hand, each for a measured reason (``bench/aeb_quick.py``):
- the pre-clean itself, which trafilatura's own class filters do not cover
  (class words are read in camelCase too: "imageCaption", "shareBar");
- dropping lists of short links to the site's other pages (teaser lists);
- joining a story cut into look-alike chunks (trafilatura keeps the first);
- keeping embedded tweets, which trafilatura drops as share widgets;
- unwrapping empty elements that run into text (WordPress' ``<span id="more-N">``),
  whose text trafilatura's precision mode deletes with them;
- dropping the copyright line a CMS appends, by its class.
"""

from __future__ import annotations

import re
from copy import deepcopy
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from newscrawl.processors.text import clean_text

# Class/id words that mark page furniture. Matched as whole words inside the
# class/id string ("c-share-bar" matches "share", "shared-content" does not).
_FURNITURE_WORDS = (
    "newsletter|newsletters|subscribe|subscription|signup|sign-up|"
    "related|recommended|recommendations|recirculation|more-news|morenews|newsfeed|news-feed|"
    "share|sharing|social|socials|share-buttons|sharebar|"
    "comments?|disqus|"
    "ad|ads|advert|advertisement|adslot|ad-slot|dfp|gpt|sponsor|sponsored|promo|promotion|"
    "outbrain|taboola|"
    "cookie|cookies|consent|gdpr|"
    "caption|figcaption|credit|credits|photo-credit|"
    "byline|author-bio|"
    "read-also|readalso|read-more|readmore|see-also|also-read|"
    "most-popular|popular|trending|most-read|editors-picks|"
    "breadcrumb|breadcrumbs|tags|tag-list|toolbar|sidebar|widget|"
    "audio-player|listen|reading-time|read-time|"
    "rollover|tooltip|popover|hovercard|popup|modal"
)
_FURNITURE = re.compile(rf"(?:^|[\s_-])(?:{_FURNITURE_WORDS})(?:$|[\s_-])", re.IGNORECASE)
#: The legal line a CMS appends to a story ("\u00a9 2024 The Wire. All rights
#: reserved.", Arc XP's "b-article-body__copyright"), by its class only: an id
#: is often a heading's slug ("copyright-law-explained").
_COPYRIGHT_CLASS = re.compile(r"(?:^|[\s_-])copyright(?:$|[\s_-])", re.IGNORECASE)
#: A lower-case letter or digit followed by a capital: "imageCaption", "shareBar".
_CAMEL_HUMP = re.compile(r"([a-z0-9])([A-Z])")
#: Never text for a reader.
_ALWAYS_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "button",
    "select",
    "input",
    "label",
)
#: Page furniture by role, unless the element holds much of the story (some
#: sites wrap the whole page in a <form>, or the article in an <aside>).
_FURNITURE_TAGS = frozenset({"form", "nav", "aside", "figcaption", "footer"})
# Headings that open a block of links to other stories (see _drop_related_blocks;
# the line filter in ``body`` drops them too, see ``body._drop_related_runs``).
RELATED_HEADING = re.compile(
    r"^(?:news\s+feed|more\s+news|more\s+stories|more\s+from\b.*|related(?:\s+\w+){0,2}|"
    r"editors?['\u2019]?\s*picks?|most\s+(?:read|popular|viewed)|popular(?:\s+now)?|"
    r"trending(?:\s+now)?|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+also\s+like|"
    r"latest\s+news|top\s+stories|read\s+next|what\s+to\s+read\s+next|"
    r"don['\u2019]?t\s+miss|tags|"
    # The same headings in the other languages of the benchmark and of the
    # sites we crawl most (pt, es, it, fr, de, uk, ru).
    r"voc\u00ea\s+(?:tamb\u00e9m\s+)?pode\s+gostar|leia\s+(?:tamb\u00e9m|mais)|veja\s+tamb\u00e9m|"
    r"te\s+puede\s+interesar|lee\s+tambi\u00e9n|leggi\s+anche|potrebbe\s+interessarti|"
    r"(?:\u00e0\s+)?lire\s+aussi|lesen\s+sie\s+auch|mehr\s+zum\s+thema|"
    r"\u0447\u0438\u0442\u0430\u0439\u0442\u0435\s+\u0442\u0430\u043a\u043e\u0436|"
    r"\u0447\u0438\u0442\u0430\u0439\u0442\u0435\s+\u0442\u0430\u043a\u0436\u0435)"
    r"\s*[:.\u2026]*$",
    re.IGNORECASE,
)
#: Inline tags that trafilatura's precision mode deletes when empty, *with* the text
#: that follows them (``prune_html``: ``keep_tail`` is off in that mode). An empty one
#: is an anchor or an icon hook: WordPress opens the paragraph after its "more" cut
#: with ``<span id="more-N"></span>``, and the paragraph went; table-of-contents
#: plugins put one in every heading (``<h2><span id="key-takeaways"></span>...``).
_EMPTY_INLINE_TAGS = ("b", "i", "em", "strong", "span", "q")
#: A paragraph this long marks its container as part of the story.
MIN_CHUNK_PARAGRAPH = 150
_CHUNK_TAGS = frozenset({"div", "section"})
#: Teaser headlines are shorter than this; story paragraphs usually longer.
#: (Also read by the line filter in ``body``.)
MAX_HEADLINE_CHARS = 120
#: A list of at least this many items, each mostly (this share of its text) a
#: link to another page of the same site, is a teaser list.
MIN_TEASER_ITEMS = 2
TEASER_LINKED = 0.5
#: A block whose text is mostly link text is navigation, not prose.
LINK_DENSE = 0.5


def _text_len(element: HtmlElement) -> int:
    return len(" ".join(element.text_content().split()))


def _link_density(element: HtmlElement) -> float:
    total = _text_len(element)
    if not total:
        return 0.0
    linked = sum(_text_len(a) for a in element.iter("a"))
    return linked / total


def _holds_embedded_post(element: HtmlElement) -> bool:
    """An embedded post (tweet, Instagram...) is quoted story material, not a share bar."""
    return any(_is_embedded_post(quote) for quote in element.iter("blockquote"))


def _unlink_embedded_posts(tree: HtmlElement) -> None:
    """Make embedded posts (tweets, Instagram) look like the plain quotes they are.

    A tweet quoted in a story sits in a wrapper named "social..." and is mostly
    links (handle, t.co URLs), so trafilatura drops it as a share widget. The
    links become text and the wrappers whose class names trigger that go.
    """
    for quote in list(tree.iter("blockquote")):
        if not _is_embedded_post(quote):
            continue
        etree.strip_tags(quote, "a")
        for attribute in ("class", "data-instgrm-permalink"):
            quote.attrib.pop(attribute, None)
        # Unwrap the embed's own wrappers: those holding little but the quote.
        size = _text_len(quote)
        parent = quote.getparent()
        for _ in range(3):
            if parent is None or parent.tag not in ("div", "span", "figure", "section"):
                break
            if _text_len(parent) > 1.5 * size + 100:
                break
            grandparent = parent.getparent()
            parent.drop_tag()
            parent = grandparent


def _is_embedded_post(quote: HtmlElement) -> bool:
    return "tweet" in quote.get("class", "") or bool(quote.get("data-instgrm-permalink"))


def _paragraph_chars(element: HtmlElement) -> int:
    return sum(_text_len(p) for p in element.iter("p"))


def preclean(tree: HtmlElement, url: str = "") -> HtmlElement:
    """A copy of ``tree`` without furniture elements, for trafilatura.

    ``url`` is the page's address: with it, lists of links to the site's other
    pages (teaser lists) go too.
    """
    tree = deepcopy(tree)
    for element in list(tree.iter(*_ALWAYS_DROP_TAGS)):
        _drop(element)
    total_p = _paragraph_chars(tree) or 1
    # Page order, parents before children; a dropped element's subtree is
    # not visited (nothing in it can change the page any more).
    stack = list(reversed(tree))
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        if element.tag not in ("html", "body") and _is_furniture(element, total_p):
            _drop(element)
            continue
        stack.extend(reversed(element))
    for figure in list(tree.iter("figure")):
        if _paragraph_chars(figure) < 0.3 * total_p:
            _drop(figure)
    _drop_related_blocks(tree, total_p)
    if url:
        _drop_teaser_lists(tree, url)
    _join_body_chunks(tree)
    _unlink_embedded_posts(tree)
    _unwrap_empty_elements(tree)
    return tree


def _unwrap_empty_elements(tree: HtmlElement) -> None:
    """Unwrap empty elements that text follows, so that the text stays.

    trafilatura's precision mode drops empty elements together with their
    tail; unwrapped, the tail joins the text before it, as a reader sees it.
    One that sits between two words without a space is a line break styled
    as a block (``<span class="br"></span>``): it becomes a ``<br>``.
    """
    for element in list(tree.iter(*_EMPTY_INLINE_TAGS)):
        tail = element.tail or ""
        if element.text is not None or len(element) or not tail.strip():
            continue
        previous, parent = element.getprevious(), element.getparent()
        before = (
            previous.tail if previous is not None else parent.text if parent is not None else ""
        )
        if before and not before[-1].isspace() and not tail[0].isspace():
            element.attrib.clear()
            element.tag = "br"
        else:
            element.drop_tag()


def _is_furniture(element: HtmlElement, total_p: int) -> bool:
    """Page furniture by tag or class/id words, unless it holds the story."""
    marker = f"{element.get('class', '')} {element.get('id', '')}"
    is_furniture = (
        element.tag in _FURNITURE_TAGS
        or _furniture_marker(marker)
        or bool(_COPYRIGHT_CLASS.search(element.get("class", "")))
    )
    if not is_furniture or _holds_embedded_post(element):
        return False
    # A furniture word on the container of the story itself (say
    # class="article-body has-share-bar") must not take the story with it.
    return _paragraph_chars(element) <= 0.3 * total_p


@lru_cache(maxsize=8192)
def _furniture_marker(marker: str) -> bool:
    """Does a "class id" string name page furniture?

    Cached: a page repeats a few thousand class strings over tens of thousands
    of elements, and the furniture regex is the costliest test of the pre-clean.
    """
    return bool(marker.strip() and _FURNITURE.search(_CAMEL_HUMP.sub(r"\1-\2", marker)))


def _join_body_chunks(tree: HtmlElement) -> None:
    """Move a story split over several look-alike containers into the first one.

    Some sites cut the body into chunks (one container per few paragraphs, ads
    between them). trafilatura takes the first matching container and loses
    the rest. Containers are joined when they have the same tag and class,
    hold story-length paragraphs and sit under one grandparent (so a summary
    box elsewhere on the page that shares the class is left alone).
    """
    groups: dict[tuple[str, str], list[HtmlElement]] = {}
    for paragraph in tree.iter("p"):
        if _text_len(paragraph) < MIN_CHUNK_PARAGRAPH:
            continue
        parent = paragraph.getparent()
        if parent is None or parent.tag not in _CHUNK_TAGS or not parent.get("class"):
            continue
        chunks = groups.setdefault((parent.tag, parent.get("class", "")), [])
        if not chunks or chunks[-1] is not parent:
            chunks.append(parent)
    root = tree.getroottree()
    for (tag, css_class), chunks in groups.items():
        if len(chunks) < 2:
            continue
        grandparents = {_grandparent_path(root, chunk) for chunk in chunks}
        if len(grandparents) != 1 or None in grandparents:
            continue
        grandparent = chunks[0].getparent().getparent()
        same = [e for e in grandparent.iter(tag) if e.get("class") == css_class]
        first = same[0]
        for chunk in same[1:]:
            if any(a is first for a in chunk.iterancestors()):
                continue
            for child in list(chunk):
                first.append(child)
            _drop(chunk)


def _grandparent_path(root: etree._ElementTree, element: HtmlElement) -> str | None:
    parent = element.getparent()
    grandparent = parent.getparent() if parent is not None else None
    return root.getpath(grandparent) if grandparent is not None else None


def _drop_related_blocks(tree: HtmlElement, total_p: int) -> None:
    """Remove a related-stories heading together with its link-dense section."""
    for heading in list(tree.iter("h2", "h3", "h4", "h5", "h6", "div", "span", "p")):
        # Cheap filters first: a heading is a leaf or nearly so, and short.
        if heading.getparent() is None or len(heading) > 2:
            continue
        raw = heading.text_content()
        if len(raw) > 200:
            continue
        text = clean_text(raw) or ""
        if len(text) > 40 or not RELATED_HEADING.match(text):
            continue
        block = heading
        parent = heading.getparent()
        # Climb while the container is still small and mostly links.
        while parent is not None and parent.tag not in ("body", "html", "article", "main"):
            if _link_density(parent) < LINK_DENSE and _text_len(parent) > 3 * len(text) + 40:
                break
            if _paragraph_chars(parent) > 0.3 * total_p:
                break
            block, parent = parent, parent.getparent()
        if block is heading:
            _drop_following_links(heading)
        _drop(block)


def _drop_teaser_lists(tree: HtmlElement, url: str) -> None:
    """Remove lists whose every item is a short link to another page of the site.

    "Photos: the moons of Jupiter" / "The 10 biggest questions about dark
    matter" as a bare list at the end of a story are teasers for other
    articles, whatever heading (if any) the site puts above them. Links to the
    same page (a table of contents) or to other sites (sources, shops) do not
    count: a story may list those.
    """
    site = _site_host(url)
    if not site:
        return
    for listing in list(tree.iter("ul", "ol")):
        items = [li for li in listing if li.tag == "li" and _text_len(li)]
        if len(items) >= MIN_TEASER_ITEMS and all(_is_teaser_item(li, url, site) for li in items):
            _drop(listing)


def _is_teaser_item(item: HtmlElement, url: str, site: str) -> bool:
    size = _text_len(item)
    if size > MAX_HEADLINE_CHARS:
        return False
    linked = sum(_text_len(a) for a in item.iter("a") if _is_other_page(a, url, site))
    return linked >= TEASER_LINKED * size


def _is_other_page(link: HtmlElement, url: str, site: str) -> bool:
    """Does ``link`` lead to another page of the same site?"""
    href = (link.get("href") or "").strip()
    if not href or href.startswith("#"):
        return False
    try:
        target = urljoin(url, href)
        return _same_site(target, site) and _page_key(target) != _page_key(url)
    except ValueError:  # a malformed address ("http://[oops/")
        return False


def _page_key(url: str) -> str:
    """Host and path: the same page whatever its query string or fragment."""
    return f"{_site_host(url)}{urlsplit(url).path.rstrip('/')}"


def _site_host(url: str) -> str:
    """The host name without "www." ("" for an address that does not parse)."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # a malformed address ("http://[oops/")
        return ""
    return host.removeprefix("www.")


def _same_site(url: str, site: str) -> bool:
    """``url`` on ``site`` or a subdomain of it (or ``site`` a subdomain of its host).

    Looser than ``newscrawl.urls.same_site`` (which the crawl uses to stay on
    one host and port): a teaser on edition.example.com for a story on
    www.example.com is still the publisher's own.
    """
    host = _site_host(url)
    return bool(host) and (host == site or host.endswith("." + site) or site.endswith("." + host))


def _drop_following_links(heading: HtmlElement) -> None:
    """Drop the link-dense siblings that follow a related-stories heading."""
    sibling = heading.getnext()
    # A comment between the links (the tree may keep them) is no reason to stop.
    while sibling is not None and (
        not isinstance(sibling.tag, str) or _link_density(sibling) >= LINK_DENSE
    ):
        following = sibling.getnext()
        _drop(sibling)
        sibling = following


def _drop(element: HtmlElement) -> None:
    """Remove ``element`` but keep its tail text (the text after it belongs to the parent)."""
    parent = element.getparent()
    if parent is None:
        return
    element.drop_tree()
