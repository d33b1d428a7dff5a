"""Conditional requests for listing, feed and sitemap pages (ETag / Last-Modified)."""

from __future__ import annotations

import asyncio
import logging

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector
from sqlalchemy.exc import SQLAlchemyError

from newscrawl.extract.feeds import root_element_name
from newscrawl.storage.engine import database_secrets, existing_engine, make_engine
from newscrawl.storage.faults import describe_error
from newscrawl.storage.validators import Validators, load_validators, save_validators

logger = logging.getLogger(__name__)

#: Request kinds (the spider's meta) whose pages are worth asking "changed since?".
NAVIGATION = frozenset({"listing", "next", "feed", "sitemap"})


class ConditionalRequestMiddleware:
    """Asks for listing, feed and sitemap pages with If-None-Match / If-Modified-Since.

    The validators a crawl sees are stored when it finishes cleanly (only then:
    a capped or interrupted crawl may not have followed every link of a page,
    and a later 304 would hide those links for good); the next crawl sends them,
    and a page answered 304 costs nothing more: it is not parsed again. Sitemap
    indexes are always fetched afresh (they rarely change when a sitemap does).
    Articles are left to the incremental check (newscrawl.incremental).

    Settings: ``NEWSCRAWL_INCREMENTAL`` (off: so is this), ``NEWSCRAWL_DATABASE_URL``.
    Stats: ``newscrawl/conditional/{sent,not_modified,saved}``.
    """

    def __init__(self, crawler: Crawler, stats: StatsCollector, database_url: str) -> None:
        self.crawler = crawler
        self.stats = stats
        self.database_url = database_url
        self.known: dict[str, Validators] = {}
        self.seen: dict[str, Validators] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        if not crawler.settings.getbool("NEWSCRAWL_INCREMENTAL"):
            raise NotConfigured
        assert crawler.stats is not None
        mw = cls(crawler, crawler.stats, crawler.settings.get("NEWSCRAWL_DATABASE_URL"))
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    async def spider_opened(self, spider: Spider) -> None:
        origins = list(getattr(spider, "start_urls", []))
        try:
            self.known = await asyncio.to_thread(self._load, origins)
        except SQLAlchemyError as exc:
            # Costs only bandwidth: every listing is fetched in full.
            logger.warning("Cannot read page validators (%s)", self._describe(exc))

    async def spider_closed(self, spider: Spider, reason: str) -> None:
        if reason == "finished" and self.seen:
            try:
                saved = await asyncio.to_thread(self._save, dict(self.seen))
            except SQLAlchemyError as exc:
                # The next crawl fetches these pages in full; nothing stored is lost.
                logger.warning("Cannot save page validators (%s)", self._describe(exc))
                return
            self.stats.inc_value("newscrawl/conditional/saved", saved)

    def _describe(self, exc: BaseException) -> str:
        return describe_error(exc, database_secrets(self.database_url))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if not _navigation(request) or request.meta.get("playwright"):
            return
        known = self.known.get(request.url)
        if known is None:
            return
        if known.etag:
            request.headers.setdefault(b"If-None-Match", known.etag.encode("latin-1"))
        if known.last_modified:
            request.headers.setdefault(b"If-Modified-Since", known.last_modified.encode("latin-1"))
        self.stats.inc_value("newscrawl/conditional/sent")

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        if not _navigation(request):
            return response
        if response.status == 304:
            self.stats.inc_value("newscrawl/conditional/not_modified")
        elif response.status == 200 and not _sitemap_index(request, response):
            etag = response.headers.get(b"ETag")
            modified = response.headers.get(b"Last-Modified")
            if etag or modified:
                self.seen[request.url] = Validators(
                    etag.decode("latin-1") if etag else None,
                    modified.decode("latin-1") if modified else None,
                )
        return response

    def _load(self, origins: list[str]) -> dict[str, Validators]:
        engine = existing_engine(self.database_url, "page_validators")
        if engine is None:
            return {}  # nothing stored yet
        try:
            return load_validators(engine, origins)
        finally:
            engine.dispose()

    def _save(self, validators: dict[str, Validators]) -> int:
        engine = make_engine(self.database_url)
        try:
            return save_validators(engine, validators)
        finally:
            engine.dispose()


def _sitemap_index(request: Request, response: Response) -> bool:
    """A sitemap index (or a gzipped sitemap, unread here) is always fetched afresh.

    An index rarely changes when one of its sitemaps does: a 304 for it would
    hide the changed sitemap, and with it the news.
    """
    if request.meta.get("newscrawl", {}).get("kind") != "sitemap":
        return False
    return response.body[:2] == b"\x1f\x8b" or root_element_name(response.body) == "sitemapindex"


def _navigation(request: Request) -> bool:
    return request.meta.get("newscrawl", {}).get("kind") in NAVIGATION
