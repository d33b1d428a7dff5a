"""A paywall the reader sees: the notice a members-only page shows instead of the rest.

Structured data often says nothing about access (``isAccessibleForFree`` is
rare outside big publishers), but a page that cuts the story for non-paying
readers says so in words, in a box where the story stops: Ghost's "This post
is for paying subscribers only", Substack's "Keep reading with a 7-day free
trial", WordPress membership plugins' and Piano's "Subscribe to continue
reading", and their translations. The whole text of a short element must be
such a notice: a story that mentions subscribers, or an invitation to sign up
for a free newsletter, is no wall.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newscrawl.processors.text import clean_text

_NOTICE = (
    # en: "This post is for paying subscribers only", "The rest of this article
    # is available to members", "This story is exclusive to subscribers".
    r"(?:this|the\s+rest\s+of\s+this)\s+(?:post|article|story|content|piece|newsletter|issue"
    r"|episode|page)\s+is\s+(?:only\s+)?(?:for|available\s+(?:only\s+)?to|exclusive(?:ly)?"
    r"\s+(?:to|for)|reserved\s+for)\s+(?:our\s+)?(?:paying\s+|paid\s+|premium\s+)?"
    r"(?:subscribers|members|supporters)(?:\s+only)?"
    # en: "Subscribe to continue reading", "Sign in to read the full article".
    r"|(?:subscribe|sign\s+in|log\s+in|become\s+a\s+(?:paying\s+|paid\s+)?(?:member|subscriber)"
    r"|upgrade)\s+(?:now\s+)?to\s+(?:continue\s+reading|keep\s+reading|read\s+(?:the\s+)?"
    r"(?:full|whole|rest\s+of\s+(?:the|this))\s+(?:post|article|story))"
    r"|keep\s+reading\s+with\s+a\s+\d+-day\s+free\s+trial"
    # de: "Dieser Artikel ist nur für Abonnenten".
    r"|(?:dieser|der)\s+(?:artikel|beitrag|text)\s+ist\s+(?:nur\s+|exklusiv\s+)?f\u00fcr\s+"
    r"(?:abonnent(?:en|innen|\*innen)|mitglieder)(?:\s+\w+)?"
    # fr: "Cet article est réservé aux abonnés".
    r"|(?:cet\s+article|la\s+suite\s+de\s+cet\s+article)\s+est\s+r\u00e9serv\u00e9e?\s+aux\s+"
    r"abonn\u00e9s"
    # es: "Este artículo es exclusivo para suscriptores".
    r"|este\s+(?:art\u00edculo|contenido)\s+es\s+(?:exclusivo|s\u00f3lo|solo)\s+para\s+"
    r"(?:suscriptores|socios)"
)
#: Searched in lower-cased text, so without IGNORECASE: case-insensitive matching
#: of this many alternatives costs three times as much (the words found by
#: ``_mentions_notice`` recur on many pages: "members" a dozen times a story).
_NOTICE_SEARCH = re.compile(_NOTICE)
_NOTICE_LINE = re.compile(rf"^(?:{_NOTICE})\s*[.!:\u2026]*$", re.IGNORECASE)
#: A notice is a line or two; a longer element is a container or story text.
MAX_NOTICE_CHARS = 160
_NOTICE_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b", "em")
#: Every alternative of the notice holds one of these words. Finding them with
#: ``str.find`` and running the pattern only around each one is what keeps the
#: check cheap: the pattern itself, tried at every position of a 150 KB page's
#: text, cost 6-16 ms a page (re has no multi-literal prefilter).
_NOTICE_WORDS: tuple[str, ...] = ("subscribers", "members", "supporters", "reading", "read ")
_NOTICE_WORDS += ("abonn", "mitglieder", "suscriptores", "socios")
#: Characters either side of a word the pattern may span (its longest match).
_WINDOW = 2 * MAX_NOTICE_CHARS


def paywall_notice(scope: HtmlElement) -> bool | None:
    """True when ``scope`` (the article) shows a paywall notice; None when not.

    Never False: a page without a notice may still be walled in ways it does
    not print, so no notice is no evidence of free access.
    """
    # One look at the whole text first: most pages never mention a wall.
    if not _mentions_notice(scope.text_content()):
        return None
    for element in scope.iter(*_NOTICE_TAGS):
        raw = element.text_content()
        if len(raw) > 3 * MAX_NOTICE_CHARS:
            continue
        text = clean_text(raw)
        is_notice = text and len(text) <= MAX_NOTICE_CHARS and _NOTICE_LINE.match(text)
        if is_notice and not _hidden(element):
            return True
    return None


def _mentions_notice(raw: str) -> bool:
    """Does the text hold a notice anywhere (whitespace collapsed, as in each element)?"""
    text = " ".join(raw.split()).lower()
    for word in _NOTICE_WORDS:
        start = text.find(word)
        while start >= 0:
            # Any match holding an occurrence in [start, start + _WINDOW) lies
            # inside this span, so the next look starts past them.
            if _NOTICE_SEARCH.search(text, max(0, start - _WINDOW), start + 2 * _WINDOW):
                return True
            start = text.find(word, start + _WINDOW)
    return False


_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden(element: HtmlElement) -> bool:
    """Is the notice hidden (a template that scripts show only to walled readers)?"""
    for node in (element, *element.iterancestors()):
        if node.get("hidden") is not None or node.get("aria-hidden") == "true":
            return True
        if _DISPLAY_NONE.search(node.get("style", "")):
            return True
    return False
