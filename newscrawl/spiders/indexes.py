"""The news spider's routing of feeds, sitemaps and robots.txt: the entries they list.

Feeds and sitemaps name articles directly, with dates: entries older than
``NEWSCRAWL_SINCE`` are not fetched, and each entry's publication date goes
with its request (it teaches the site's clock, see
:mod:`newscrawl.spiders.deferral`). Stats: ``newscrawl/pages/{feed,sitemap}``,
``newscrawl/feeds/entries``, ``newscrawl/sitemaps/entries``,
``newscrawl/skipped/before_since``, ``newscrawl/bad/{bad_sitemap,xml_entities}`` (a
sitemap that does not parse; a feed or sitemap declaring entities is not read at all).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from scrapy.http import Request, Response, TextResponse

from newscrawl.extract.feeds import UnsafeXMLError, parse_feed
from newscrawl.extract.sitemaps import SitemapError, parse_sitemap, sitemap_urls_from_robots
from newscrawl.extract.urlclass import LinkKind, classify_url

if TYPE_CHECKING:
    from newscrawl.spiders.deferral import DateDeferral


class IndexRouting:
    """Mixed into :class:`~newscrawl.spiders.news.NewsSpider`, which supplies the rest."""

    if TYPE_CHECKING:
        dates: DateDeferral

        def _follow(
            self,
            url: str,
            kind: LinkKind,
            *,
            depth: int = 0,
            empty: int = 0,
            changed: str | None = None,
            hint: str | None = None,
        ) -> Iterator[Request]: ...

        def _allowed(self, url: str) -> bool: ...

        def _too_old(self, raw: str | None) -> bool: ...

        def _stat(self, key: str, count: int = 1) -> None: ...

        def _done(self, request: Request | None) -> None: ...

        def _bad(self, url: str, reason: str, detail: str) -> None: ...

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
                yield from self._follow(
                    entry.url, LinkKind.ARTICLE, changed=changed, hint=entry.published_raw
                )

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
            yield from self._follow(
                entry.loc, kind, depth=1, empty=0, changed=changed, hint=entry.news_publication_date
            )

    def parse_robots(self, response: Response) -> Iterator[Request]:
        if isinstance(response, TextResponse) and response.status == 200:
            for url in sitemap_urls_from_robots(response.text, response.url):
                if self._allowed(url):
                    yield from self._follow(url, LinkKind.SITEMAP)
        # A callback of its own (not through parse): its page is done here.
        self._done(response.request)
