"""Write articles to the database in batches, off the reactor thread."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from newscrawl import signals as newscrawl_signals
from newscrawl.items import ARTICLE_FIELDS
from newscrawl.storage.engine import make_engine, redact_url
from newscrawl.storage.migrate import ensure_schema
from newscrawl.storage.repository import ArticleRepository, UpsertResult

logger = logging.getLogger(__name__)

#: crawl_runs counters and the stats they are read from.
RUN_COUNTERS = {
    "pages": "response_received_count",
    "new": "newscrawl/store/new",
    "updated": "newscrawl/store/updated",
    "unchanged": "newscrawl/store/unchanged",
    "duplicates": "newscrawl/store/duplicates",
    "failed": "newscrawl/store/failed",
}


class StorePipeline:
    """Upserts articles on ``canonical_url`` through SQLAlchemy.

    Items are buffered and written ``NEWSCRAWL_STORE_BATCH_SIZE`` at a time in
    worker threads, so the database never blocks the crawl; up to
    ``NEWSCRAWL_STORE_WRITERS`` batches are written at once (0, the default:
    2 on PostgreSQL, whose server indexes one batch's text while Python
    prepares the next, and 1 on SQLite, which has one writer at a time
    anyway); the upserts are safe for concurrent writers. A full buffer waits
    for a free writer, so memory stays bounded. A batch that fails is
    retried one item at a time, so one bad row cannot lose the others; the rows
    that still fail are logged and counted. The schema is created or upgraded
    when the spider opens; a crawl_runs row records the run. Each written batch
    is announced (``newscrawl.signals.articles_stored``: a distributed crawl
    finishes a page's request only then), and an idle crawl writes what it
    holds at once rather than at the end.

    Settings: ``NEWSCRAWL_DATABASE_URL``, ``NEWSCRAWL_STORE_BATCH_SIZE``,
    ``NEWSCRAWL_STORE_WRITERS``,
    ``NEWSCRAWL_MAX_ARTICLES`` (a strict cap on articles stored by this run).
    Stats: ``newscrawl/store/{new,updated,unchanged,duplicates,failed}``.
    """

    def __init__(
        self,
        crawler: Crawler,
        database_url: str,
        batch_size: int,
        max_articles: int = 0,
        writers: int = 0,
    ) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats: StatsCollector = crawler.stats
        self.database_url = database_url
        self.batch_size = max(1, batch_size)
        self.max_articles = max_articles
        self.accepted = 0
        self.buffer: list[dict[str, Any]] = []
        self.engine: Engine | None = None
        self.repo: ArticleRepository | None = None
        self.run_id: int | None = None
        self.writers = writers
        self._writers: asyncio.Semaphore | None = None
        self._writing: set[asyncio.Task[None]] = set()
        #: Flushes started by spider_idle, awaited on close like the writes.
        self._flushing: set[asyncio.Task[None]] = set()
        self.unresolved: list[tuple[str, str]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        pipeline = cls(
            crawler,
            database_url=crawler.settings.get("NEWSCRAWL_DATABASE_URL"),
            batch_size=crawler.settings.getint("NEWSCRAWL_STORE_BATCH_SIZE"),
            max_articles=crawler.settings.getint("NEWSCRAWL_MAX_ARTICLES"),
            writers=crawler.settings.getint("NEWSCRAWL_STORE_WRITERS"),
        )
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.spider_idle, signal=signals.spider_idle)
        return pipeline

    async def open_spider(self) -> None:
        await asyncio.to_thread(self._open)
        assert self.engine is not None
        if self.writers <= 0:
            self.writers = 2 if self.engine.dialect.name == "postgresql" else 1
        self._writers = asyncio.Semaphore(self.writers)

    def _open(self) -> None:
        self.engine = make_engine(self.database_url)
        ensure_schema(self.engine)
        self.repo = ArticleRepository(self.engine)
        spider = self.crawler.spider
        arguments = dict(getattr(spider, "run_arguments", {}) or {})
        self.run_id = self.repo.start_run(
            spider=spider.name if spider else "?", arguments=arguments
        )
        logger.info("Storing articles in %s", redact_url(self.database_url))

    async def process_item(self, item: object) -> object:
        row = _row(item)
        if self.max_articles and self.accepted >= self.max_articles:
            # CloseSpider stops the crawl, but items already in flight would overshoot.
            self.stats.inc_value("newscrawl/store/over_max_articles")
            raise DropItem("NEWSCRAWL_MAX_ARTICLES reached")
        self.accepted += 1
        self.buffer.append(row)
        if len(self.buffer) >= self.batch_size:
            await self.flush()
        return item

    async def flush(self) -> None:
        """Hand the buffer to a writer thread; wait only while every writer is busy."""
        batch, self.buffer = self.buffer, []
        if not batch:
            return
        assert self._writers is not None, "open_spider() first"
        await self._writers.acquire()
        task = asyncio.create_task(self._write_batch(batch))
        self._writing.add(task)
        task.add_done_callback(self._writing.discard)

    async def _write_batch(self, batch: list[dict[str, Any]]) -> None:
        try:
            results, failed = await asyncio.to_thread(self._write, batch)
            # Counted here, on the event loop: the stats collector is not thread-safe.
            for result in results:
                self._count(result)
                self.unresolved += result.unresolved
            if failed:
                self.stats.inc_value("newscrawl/store/failed", failed)
        finally:
            assert self._writers is not None
            self._writers.release()
            # Written, or given up on (counted as failed): either way, done with.
            self.crawler.signals.send_catch_log(
                newscrawl_signals.articles_stored, urls=[row.get("url") for row in batch]
            )

    def spider_idle(self) -> None:
        """Nothing left to crawl for now: write the buffer rather than hold it."""
        if self.buffer and self._writers is not None:
            task = asyncio.ensure_future(self.flush())
            self._flushing.add(task)
            task.add_done_callback(self._flushing.discard)

    async def close_spider(self) -> None:
        while self._flushing:
            await asyncio.gather(*self._flushing)
        await self.flush()
        while self._writing:
            await asyncio.gather(*self._writing)

    async def spider_closed(self, spider: object, reason: str) -> None:
        # After close_spider: the reason is known only now, and the run row wants it.
        await asyncio.to_thread(self._close, reason)

    def _write(self, batch: Sequence[Mapping[str, Any]]) -> tuple[list[UpsertResult], int]:
        """Write ``batch`` (in a worker thread); a failed batch is retried item by item."""
        assert self.repo is not None
        try:
            return [self.repo.upsert_articles(batch)], 0
        except (SQLAlchemyError, ValueError):
            logger.exception("A batch of %d articles failed; writing them one by one", len(batch))
        results, failed = [], 0
        for row in batch:
            try:
                results.append(self.repo.upsert_articles([row]))
            except (SQLAlchemyError, ValueError):
                failed += 1
                logger.exception("Could not store %s", row.get("url"))
        return results, failed

    def _count(self, result: UpsertResult) -> None:
        self.stats.inc_value("newscrawl/store/new", result.new)
        self.stats.inc_value("newscrawl/store/updated", result.updated)
        self.stats.inc_value("newscrawl/store/unchanged", result.unchanged)

    def _close(self, reason: str) -> None:
        if self.repo is not None and self.unresolved:
            # Duplicates written before their original, which another writer held.
            left = self.repo.mark_duplicates(self.unresolved)
            if left:
                logger.info("%d duplicates point to an article that was not stored", len(left))
        if self.repo is not None and self.run_id is not None:
            counts = {name: int(self.stats.get_value(key, 0)) for name, key in RUN_COUNTERS.items()}
            counts["duplicates"] += int(
                self.stats.get_value("newscrawl/dedupe/dropped_canonical", 0)
            )
            counts["duplicates"] += int(self.stats.get_value("newscrawl/dedupe/dropped_content", 0))
            ok = reason in {"finished", "closespider_itemcount"}
            self.repo.finish_run(self.run_id, counts=counts, status="ok" if ok else reason)
        if self.engine is not None:
            self.engine.dispose()


def _row(item: object) -> dict[str, Any]:
    adapter = ItemAdapter(item)
    if not adapter.get("canonical_url"):
        raise DropItem("no canonical_url")
    return {name: adapter.get(name) for name in (*ARTICLE_FIELDS, "signature")}
