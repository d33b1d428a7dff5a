"""What a news crawl keeps to: its sites, its time window, the canonical copy of a page.

Pure functions of URLs and dates, so the spider only asks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from urllib.parse import urlsplit

from newscrawl.timeparse import parse_since
from newscrawl.urls import same_site, trusted_canonical, url_key


def in_scope(url: str, start_urls: Sequence[str], allowed_domains: Sequence[str]) -> bool:
    """Whether ``url`` is on a start URL's site, or on a profile's allowed domains."""
    if urlsplit(url).scheme not in {"http", "https"}:
        return False
    if any(same_site(url, start) for start in start_urls):
        return True
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in allowed_domains)


def canonical_elsewhere(declared: str | None, url: str) -> str | None:
    """The trusted canonical URL when it names another page than ``url``."""
    canonical = trusted_canonical(declared, url)
    if canonical is None or url_key(canonical) == url_key(url):
        return None
    return canonical


def too_old(raw: str | None, since: datetime | None) -> bool:
    """Whether the date ``raw`` is before ``since`` (an unreadable date is not)."""
    if since is None or not raw:
        return False
    try:
        when = parse_since(raw)
    except ValueError:
        return False
    return when is not None and when < since


def host_of(url: str) -> str:
    """The host of ``url``, lower case, without ``www.`` (the default site name)."""
    return (urlsplit(url).netloc or url).lower().removeprefix("www.")
