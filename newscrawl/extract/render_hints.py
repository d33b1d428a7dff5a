"""Does a page need a browser? Read the static HTML for signs that script builds it.

Pure functions over HTML text and a URL. The rendering middleware asks
:func:`needs_rendering` about pages fetched without a browser and, when it names
a reason, fetches the page again rendered; :func:`rendering_helped` then says
whether the rendered page really held more than the static one, so that one odd
page cannot switch a whole site to slow rendering.

Signs, strongest first:

- an app shell: script that loads content, no article link and (navigation, header
  and footer left out) next to no text;
- a notice asking to enable JavaScript (also inside ``<noscript>``) on a thin page;
- a listing (by its URL, or as the caller expects) with no article link, while script
  loads content (below);
- an article (by its URL, or as the caller expects) with no body text, while the page
  has a mount point for script (``<div id="app">``, an empty element named like a
  story body, ``data-*`` pointing at a JSON endpoint) or a script that fetches data.

Thresholds are deliberately low: a page with real prose is never sent to a browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml.html import HtmlElement

from newscrawl.extract.article import parse_html
from newscrawl.extract.links import extract_links
from newscrawl.extract.urlclass import LinkKind, classify_url

#: Below this many words outside navigation, a page with scripts is an empty app shell.
SHELL_WORDS = 25
#: A page this thin that asks for JavaScript cannot be read without it.
NOTICE_MAX_WORDS = 150
#: An article page with fewer words than this has not got its body yet.
ARTICLE_MIN_WORDS = 80

#: Elements whose text a reader never sees as the page's content.
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
#: Page furniture: present in app shells too, so it does not count as content.
_FURNITURE = frozenset({"nav", "header", "footer", "aside", "form", "button", "select"})

#: "Please enable JavaScript" in the languages of the sites we crawl most.
_JS_NOTICE = re.compile(
    r"enable\s+javascript|javascript\s+(?:is\s+)?(?:disabled|required|must\s+be\s+enabled)"
    r"|(?:requires?|needs?)\s+javascript|turn\s+on\s+javascript|javascript\s+einschalten"
    r"|javascript\s+aktivieren|aktivieren\s+sie\s+javascript"
    r"|activer\s+(?:le\s+)?javascript|activez\s+javascript"
    r"|habilit(?:a|e|ar)\s+(?:el\s+)?javascript|attiva(?:re)?\s+javascript"
    r"|ative\s+o\s+javascript|включите\s+javascript|увімкніть\s+javascript"
    r"|włącz\s+(?:obsługę\s+)?javascript|javascript\s+(?:ist\s+)?deaktiviert",
    re.IGNORECASE,
)
#: ids and classes that front-end frameworks mount their application on.
_MOUNT_NAMES = frozenset(
    {"root", "app", "__next", "__nuxt", "___gatsby", "svelte", "app-root", "main-app", "spa"}
)
_MOUNT_ATTRIBUTES = ("data-reactroot", "data-v-app", "ng-version", "ng-app", "data-server-rendered")
_CONTAINERS = frozenset({"article", "main", "div", "section", "ul", "ol"})
#: Names of elements that should hold a story's text.
_BODY_NAMES = re.compile(r"story|article|content|body|post|entry|text", re.IGNORECASE)
#: Script that fetches data after load.
_FETCHES = re.compile(r"\bfetch\s*\(|XMLHttpRequest|\$\.(?:get|ajax|getJSON)\b|axios\.")
_JSON_ENDPOINT = re.compile(r"(?:\.json|/api/|/graphql)\b", re.IGNORECASE)
_COMMENTS = re.compile(r"comment|disqus|kommentar|commentaire|comentario", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class PageSignals:
    """What the rendering decision reads from one page."""

    words: int  # visible words, navigation, header and footer left out
    scripts: int  # <script> elements other than data blocks (JSON-LD, JSON)
    fetches_data: bool  # inline script fetches, or an attribute names a JSON endpoint
    mount_point: bool  # an empty element a framework or a story loader fills
    js_notice: bool  # a notice asking to enable JavaScript
    #: Distinct links classified as articles; counted only where a rule reads
    #: them (:attr:`reads_links`) or the caller asks, else 0.
    article_links: int = 0

    @property
    def script_driven(self) -> bool:
        """Script that visibly loads content: a mount point, or a data fetch."""
        return self.scripts > 0 and (self.mount_point or self.fetches_data)

    @property
    def reads_links(self) -> bool:
        """Whether a reason of :func:`reason_from_signals` reads ``article_links``."""
        return self.script_driven or self.js_notice


def page_signals(html: str, url: str, *, count_links: bool = False) -> PageSignals:
    """Measure the signs :func:`needs_rendering` weighs.

    Article links are counted where a reason reads them (:attr:`PageSignals.reads_links`)
    or when ``count_links`` asks (a rendered page, compared with its static one).
    Classifying every link is most of the cost on a big page (a second for
    20,000 links), and this runs on the reactor's thread.
    """
    if not html or not html.strip():
        return PageSignals(0, 0, False, False, False)
    tree = parse_html(html)
    scripts = [s for s in tree.iter("script") if _is_code(s)]
    inline_code = "\n".join(s.text or "" for s in scripts)
    signals = PageSignals(
        words=_content_words(tree),
        scripts=len(scripts),
        fetches_data=bool(_FETCHES.search(inline_code)) or _names_json_endpoint(tree),
        mount_point=_has_mount_point(tree),
        js_notice=_has_js_notice(tree),
    )
    if not (count_links or signals.reads_links):
        return signals
    articles = sum(1 for link in extract_links(html, url) if link.kind is LinkKind.ARTICLE)
    return replace(signals, article_links=articles)


def needs_rendering(html: str, url: str, expected: str | None = None) -> str | None:
    """Why this static page needs a browser, or None when it reads fine as it is.

    ``expected`` is what the caller expects the page to be (``"listing"`` or
    ``"article"``); without it the URL's shape decides.
    """
    return reason_from_signals(page_signals(html, url), url, expected)


def reason_from_signals(signals: PageSignals, url: str, expected: str | None = None) -> str | None:
    """:func:`needs_rendering` for a page already measured with :func:`page_signals`."""
    kind = expected or expected_kind(url)
    # Empty tag pages and calendar traps are thin too: only script that visibly
    # loads content (a mount point, a data fetch) makes thinness a reason.
    if signals.script_driven and signals.words < SHELL_WORDS and signals.article_links == 0:
        return "app-shell"
    if signals.js_notice and signals.words < NOTICE_MAX_WORDS:
        return "javascript-notice"
    if kind == "listing" and signals.script_driven and signals.article_links == 0:
        return "listing-without-article-links"
    if kind == "article" and signals.script_driven and signals.words < ARTICLE_MIN_WORDS:
        return "article-without-body"
    return None


def rendering_helped(static: PageSignals, rendered: PageSignals) -> bool:
    """True when the rendered page holds clearly more than the static one did."""
    more_links = rendered.article_links > static.article_links
    more_text = rendered.words >= max(2 * static.words, static.words + ARTICLE_MIN_WORDS)
    return more_links or more_text


def expected_kind(url: str) -> str | None:
    """``"listing"``, ``"article"`` or None, from the shape of a URL alone."""
    kind = classify_url(url)
    if kind in (LinkKind.LISTING, LinkKind.NEXT):
        return "listing"
    if kind is LinkKind.ARTICLE:
        return "article"
    return None


def _is_code(script: HtmlElement) -> bool:
    kind = (script.get("type") or "").strip().lower()
    return not kind or "javascript" in kind or kind == "module"


def _content_words(tree: HtmlElement) -> int:
    body = tree.find("body")
    if body is None:
        return 0
    return _count_words(body)


def _count_words(element: HtmlElement) -> int:
    """Words in an element's visible text, skipping invisible parts and furniture."""
    count = len(_WORD.findall(element.text or ""))
    for child in element:
        tag = child.tag
        # Comments and processing instructions have a non-str tag and no visible text.
        if (
            isinstance(tag, str)
            and tag not in _INVISIBLE
            and tag not in _FURNITURE
            and not _is_hidden(child)
        ):
            count += _count_words(child)
        count += len(_WORD.findall(child.tail or ""))
    return count


def _is_hidden(element: HtmlElement) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return element.get("hidden") is not None or "display:none" in style


def _has_js_notice(tree: HtmlElement) -> bool:
    for node in tree.iter("noscript"):
        text = node.text_content() or ""
        # "Enable JavaScript to view the comments" says nothing about the story itself.
        if _JS_NOTICE.search(text) and not _COMMENTS.search(text):
            return True
    body = tree.find("body")
    if body is None:
        return False
    # Visible notices are short; a long text that mentions JavaScript is an article about it.
    for element in body.iter("p", "div", "span", "h1", "h2", "strong"):
        text = element.text or ""
        if len(text) < 300 and _JS_NOTICE.search(text):
            return True
    return False


def _has_mount_point(tree: HtmlElement) -> bool:
    body = tree.find("body")
    if body is None:
        return False
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in _INVISIBLE:
            continue
        if any(element.get(attr) is not None for attr in _MOUNT_ATTRIBUTES):
            return True
        names = {element.get("id", "").lower(), *element.get("class", "").lower().split()}
        if names & _MOUNT_NAMES and _count_words(element) == 0:
            return True  # server-rendered apps fill their root; shells leave it empty
        if (
            element.tag in _CONTAINERS
            and (element.get("id") or _BODY_NAMES.search(" ".join(sorted(names))))
            and len(element) == 0
            and not (element.text or "").strip()
        ):
            return True  # an empty, named container waiting to be filled
    return False


def _names_json_endpoint(tree: HtmlElement) -> bool:
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.startswith("data-") and _JSON_ENDPOINT.search(value):
                return True
    return False
