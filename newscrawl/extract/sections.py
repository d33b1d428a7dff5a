"""The section a page's breadcrumb trail files it under.

A breadcrumb ("Home > Local > this story") is how a site shows a reader where
a page sits: WAI-ARIA's ``<nav aria-label="breadcrumb">``, Bootstrap's
``.breadcrumb``, Drupal's and Yoast's breadcrumb blocks and schema.org's
``BreadcrumbList`` all mark it. The article's section is the last linked crumb
before the article itself: not the home page, not the page's own entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newscrawl.processors.text import clean_text

#: A crumb longer than this is a headline (the page's own entry), not a section.
MAX_CRUMB_CHARS = 40


def breadcrumb_trails(tree: HtmlElement, marked: Iterable[HtmlElement]) -> list[HtmlElement]:
    """The page's breadcrumb containers, outermost first.

    ``marked`` are the elements whose class or id says "breadcrumb" (the caller
    has them indexed); navigation labelled so and microdata lists join them.
    """
    found: list[HtmlElement] = list(marked)
    found += tree.xpath(
        "//nav[contains(translate(@aria-label, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')]"
        "|//*[contains(@itemtype, 'BreadcrumbList')]"
    )
    trails: list[HtmlElement] = []
    for element in found:
        # A marked crumb ("breadcrumb-item") stands for the list that holds it.
        if element.tag == "li" and element.getparent() is not None:
            element = element.getparent()
        if any(element is t or any(a is t for a in element.iterancestors()) for t in trails):
            continue
        trails.append(element)
    return trails


def breadcrumb_section(trails: Iterable[HtmlElement], headline: str | None) -> str | None:
    """The last linked crumb of the first trail that has one besides home and the page."""
    for trail in trails:
        crumbs = [a for a in trail.iter("a") if _is_section_crumb(a, headline)]
        if crumbs:
            return clean_text(crumbs[-1].text_content())
    return None


def _is_section_crumb(link: HtmlElement, headline: str | None) -> bool:
    text = clean_text(link.text_content())
    if not text or len(text) > MAX_CRUMB_CHARS or link.get("aria-current"):
        return False
    if headline and text.casefold() == headline.casefold():
        return False
    href = (link.get("href") or "").strip()
    if not href or href.startswith("#"):
        return False
    try:
        path = urlsplit(href).path
    except ValueError:  # a malformed address ("http://[oops/")
        return False
    # The first crumb leads home: "/", "./", "/index.html", "https://site/".
    return path.strip("./").removesuffix("index.html").strip("/") != ""
