"""Drop the second copy of an article seen in this crawl.

Two pages are one article when their canonical URLs share a ``url_key``
(tracking parameters, AMP markers, ``www.`` and trailing slashes ignored) or
when their bodies have the same ``content_hash`` (a syndicated copy whose
publisher forgot rel=canonical). Across crawls the store's upsert on
``canonical_url`` keeps re-crawls from creating rows.
"""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from newscrawl.urls import url_key

logger = logging.getLogger(__name__)


class DedupePipeline:
    """In-run duplicate filter. Stats: ``newscrawl/dedupe/dropped_canonical``,
    ``newscrawl/dedupe/dropped_content``. Reads no settings."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats
        self.seen_urls: dict[str, str] = {}
        self.seen_hashes: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        assert crawler.stats is not None
        return cls(crawler.stats)

    def process_item(self, item: object) -> object:
        adapter = ItemAdapter(item)
        canonical = adapter.get("canonical_url") or adapter["url"]
        key = url_key(canonical)
        first = self.seen_urls.get(key)
        if first is not None:
            self._drop("canonical", adapter["url"], first)
        digest = adapter.get("content_hash")
        if digest:
            first = self.seen_hashes.get(digest)
            if first is not None:
                self._drop("content", adapter["url"], first)
            self.seen_hashes[digest] = canonical
        self.seen_urls[key] = canonical
        return item

    def _drop(self, why: str, url: str, first: str) -> None:
        self.stats.inc_value(f"newscrawl/dedupe/dropped_{why}")
        logger.debug("Duplicate (%s) %s of %s", why, url, first)
        raise DropItem(f"duplicate ({why}) of {first}")
