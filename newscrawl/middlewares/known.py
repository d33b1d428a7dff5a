"""Drop redirects that land on an article the database already holds."""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector

from newscrawl.faults import Refused


class KnownRedirectMiddleware:
    """Short links and moved URLs (``/go/story`` -> 301 -> ``/2024/12/11/story/``)
    reach an article without passing the spider's incremental check, which saw
    only the first URL. This middleware applies that check to redirect targets.

    Reads the spider's ``known`` (:class:`newscrawl.incremental.KnownArticles`);
    off when ``NEWSCRAWL_INCREMENTAL`` is false. Stats: ``newscrawl/incremental/
    skipped_known_redirect``.
    """

    def __init__(self, crawler: Crawler, stats: StatsCollector) -> None:
        self.crawler = crawler
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> KnownRedirectMiddleware:
        if not crawler.settings.getbool("NEWSCRAWL_INCREMENTAL"):
            raise NotConfigured
        assert crawler.stats is not None
        return cls(crawler, crawler.stats)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if not request.meta.get("redirect_urls"):
            return
        known = getattr(self.crawler.spider, "known", None)
        if known is not None and not known.due(request.url):
            self.stats.inc_value("newscrawl/incremental/skipped_known_redirect")
            raise Refused("known_redirect", f"redirect to a stored article: {request.url}")
