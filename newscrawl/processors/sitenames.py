"""The site's own name: cut from page titles, told apart from the people of a byline."""

from __future__ import annotations

import re

from newscrawl.processors.text import clean_text


def strip_title_suffix(title: str | None, site_name: str | None = None) -> str | None:
    """Remove a trailing (or leading) `` | Site`` / `` - Site`` from ``title``.

    Only the site's own name is removed, so a title such as "Kyiv - a city
    under fire" keeps its dash.
    """
    title = clean_text(title)
    if not title or not site_name:
        return title
    site = clean_text(site_name)
    if not site:
        return title
    site_key = name_key(site)
    for sep in (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " · ", " : ", " • "):
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        if head and name_key(tail) == site_key:
            return head.strip()
        first, _, rest = title.partition(sep)
        if rest and name_key(first) == site_key:
            return rest.strip()
    return title


def name_key(text: str) -> str:
    """Compare site names loosely: "The Kyiv Independent" ~ "kyivindependent"."""
    key = re.sub(r"\W+", "", text.casefold())
    return key.removeprefix("the")


def is_site_name(name: str, site_name: str | None) -> bool:
    """True when ``name`` is the site itself: "CBC News" for "CBC", "SITE.COM" for "The Site".

    A desk or team of the site ("The Kyiv Independent news desk") is not.
    """
    if not site_name:
        return False

    def core(text: str) -> str:
        key = name_key(text)
        for suffix in ("com", "news", "online"):
            key = key.removesuffix(suffix)
        return key

    return bool(core(site_name)) and core(name) == core(site_name)
