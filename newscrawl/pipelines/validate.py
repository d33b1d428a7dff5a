"""Drop items that are not storable articles, with a logged, counted reason."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from newscrawl.stagetime import StageClock
from newscrawl.timeparse import parse_since

logger = logging.getLogger(__name__)


class ValidatePipeline:
    """Requires a title and a body of at least ``NEWSCRAWL_MIN_WORDS`` words.

    Settings: ``NEWSCRAWL_MIN_WORDS``, ``NEWSCRAWL_SINCE`` (articles published
    before it are dropped). Stats: ``newscrawl/validate/dropped/<reason>``.
    """

    def __init__(self, stats: StatsCollector, min_words: int, since: datetime | None) -> None:
        self.stats = stats
        self.cpu = StageClock(stats)
        self.min_words = min_words
        self.since = since

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        assert crawler.stats is not None
        return cls(
            crawler.stats,
            min_words=crawler.settings.getint("NEWSCRAWL_MIN_WORDS"),
            since=parse_since(crawler.settings.get("NEWSCRAWL_SINCE") or None),
        )

    def process_item(self, item: object) -> object:
        adapter = ItemAdapter(item)
        with self.cpu("validate"):
            reason = self.problem(adapter)
        if reason is not None:
            self.stats.inc_value(f"newscrawl/validate/dropped/{reason}")
            logger.info("Not storing %s: %s", adapter.get("url"), reason)
            raise DropItem(f"{reason}: {adapter.get('url')}")
        return item

    def problem(self, adapter: ItemAdapter) -> str | None:
        if not adapter.get("url"):
            return "no_url"
        if not (adapter.get("title") or "").strip():
            return "no_title"
        body = (adapter.get("body") or "").strip()
        if not body:
            return "no_body"
        if (adapter.get("word_count") or len(body.split())) < self.min_words:
            return "short_body"
        published = adapter.get("published_at")
        if self.since is not None and published:
            when = datetime.fromisoformat(published)
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            if when < self.since:
                return "before_since"
        return None
