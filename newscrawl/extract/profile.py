"""Site-profile layer: the fields a profile's ``[selectors]`` name.

A selector is CSS, or XPath when it starts with "/" or "(". Every selector
result is read as text, except for attributes selected by XPath (``/@href``)
or by parsel's CSS extension (``::attr(content)``).
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement
from parsel import Selector

from newscrawl.processors.text import clean_text
from newscrawl.sites import SiteProfile

logger = logging.getLogger(__name__)

#: Profile selector names -> article fields (the rest map one to one).
_FIELD_NAMES = {"published": "published_raw", "modified": "modified_raw"}
#: Selector names that are for link discovery, not article fields.
_LINK_SELECTORS = frozenset({"article_links", "listing_links"})


def select_texts(tree: HtmlElement, selector: str) -> list[str]:
    """Texts matched by a CSS or XPath selector, in document order."""
    sel = Selector(root=tree, type="html")
    try:
        is_xpath = selector.startswith(("/", "("))
        matches = sel.xpath(selector) if is_xpath else sel.css(selector)
    except ValueError:
        logger.warning("invalid profile selector %r", selector)
        return []
    texts: list[str] = []
    for match in matches:
        root = match.root
        if isinstance(root, str):
            text = root
        elif isinstance(root, HtmlElement):
            # Block children (paragraphs) stay apart; inline text runs together.
            text = "\n\n".join(t for t in (clean_text(" ".join(root.itertext())),) if t)
        else:
            text = str(root)
        if text and text.strip():
            texts.append(text.strip())
    return texts


def profile_fields(tree: HtmlElement, url: str, profile: SiteProfile | None) -> dict[str, Any]:
    """Fields read with the profile's selectors; fields without a match are left out."""
    if profile is None:
        return {}
    fields: dict[str, Any] = {}
    for name, selector in profile.selectors.items():
        if name in _LINK_SELECTORS:
            continue
        texts = select_texts(tree, selector)
        if not texts:
            continue
        key = _FIELD_NAMES.get(name, name)
        if key in ("authors", "tags"):
            fields[key] = texts
        elif key == "body":
            fields[key] = "\n\n".join(texts)
        elif key == "lead_image_url":
            fields[key] = urljoin(url, texts[0])
        else:
            fields[key] = texts[0]
    return fields
