"""The news spider's routing of feeds, sitemaps and robots.txt (a mixin of NewsSpider).

Each entry of a feed or sitemap becomes a request for the page it names, unless
it is older than ``NEWSCRAWL_SINCE`` or off the site; a sitemap index's entries
are sitemaps. A feed or sitemap that declares an entity bomb or external
entities is not read at all (``newscrawl/bad/xml_entities``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

from scrapy.http import Request, Response, TextResponse

from newscrawl.extract.feeds import UnsafeXMLError, parse_feed
from newscrawl.extract.sitemaps import SitemapError, parse_sitemap, sitemap_urls_from_robots
from newscrawl.extract.urlclass import LinkKind, classify_url
from newscrawl.spiders.deferral import DateDeferral
from newscrawl.timeparse import parse_since


class FeedsAndSitemaps:
    """Callbacks for feed, sitemap and robots.txt responses."""

    # Provided by NewsSpider.
    since: datetime | None
    dates: DateDeferral
    _follow: Callable[..., Iterator[Request]]
    _allowed: Callable[[str], bool]
    _stat: Callable[..., None]
    _bad: Callable[[str, str, str], None]

    def parse_feed(self, response: Response) -> Iterator[Request]:
        self._stat("pages/feed")
        try:
            entries = parse_feed(response.body, response.url)
        except UnsafeXMLError as exc:
            self._bad(response.url, "xml_entities", str(exc))
            return
        for entry in entries:
            self._stat("feeds/entries")
            if self._too_old(entry.updated_raw or entry.published_raw):
                self._stat("skipped/before_since")
                continue
            if self._allowed(entry.url):
                self.dates.hint(entry.url, entry.published_raw)
                changed = entry.updated_raw or entry.published_raw
                yield from self._follow(entry.url, LinkKind.ARTICLE, changed=changed)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        self._stat("pages/sitemap")
        try:
            sitemap = parse_sitemap(response.body, response.url)
        except UnsafeXMLError as exc:
            self._bad(response.url, "xml_entities", str(exc))
            return
        except SitemapError as exc:
            self._bad(response.url, "bad_sitemap", str(exc))
            return
        for entry in sitemap.entries:
            if not self._allowed(entry.loc):
                continue
            if sitemap.kind == "sitemapindex":
                yield from self._follow(entry.loc, LinkKind.SITEMAP)
                continue
            self._stat("sitemaps/entries")
            if self._too_old(entry.news_publication_date or entry.lastmod):
                self._stat("skipped/before_since")
                continue
            kind = classify_url(entry.loc)
            if kind is LinkKind.OTHER:
                continue
            self.dates.hint(entry.loc, entry.news_publication_date)
            changed = entry.lastmod or entry.news_publication_date
            yield from self._follow(entry.loc, kind, depth=1, empty=0, changed=changed)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        if not isinstance(response, TextResponse) or response.status != 200:
            return
        for url in sitemap_urls_from_robots(response.text, response.url):
            if self._allowed(url):
                yield from self._follow(url, LinkKind.SITEMAP)

    def _too_old(self, raw: str | None) -> bool:
        if self.since is None or not raw:
            return False
        try:
            when = parse_since(raw)
        except ValueError:
            return False
        return when is not None and when < self.since
