"""Write articles to the database in batches, off the reactor thread."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from sqlalchemy.engine import Engine

from newscrawl import settings as defaults
from newscrawl import signals as newscrawl_signals
from newscrawl.items import ARTICLE_FIELDS
from newscrawl.stagetime import StageClock
from newscrawl.storage.deadletter import DeadLetter
from newscrawl.storage.engine import (
    SQLITE_BUSY_TIMEOUT,
    database_secrets,
    make_engine,
    redact_url,
)
from newscrawl.storage.faults import RetryPolicy, describe_error
from newscrawl.storage.migrate import ensure_schema
from newscrawl.storage.repository import ArticleRepository, UpsertResult
from newscrawl.storage.writer import BatchWriter, Written

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
    for a free writer, so memory stays bounded. The schema is created or
    upgraded when the spider opens; a crawl_runs row records the run. Each
    written batch is announced (``newscrawl.signals.articles_stored``: a
    distributed crawl finishes a page's request only then), and an idle crawl
    writes what it holds at once rather than at the end.

    Faults (:class:`~newscrawl.storage.writer.BatchWriter`): a batch whose
    database is unreachable, restarting, locked or full is tried again
    ``NEWSCRAWL_STORE_RETRY_TIMES`` times, waiting ``NEWSCRAWL_STORE_RETRY_DELAY``
    seconds and twice as long each time (the crawl waits meanwhile, so nothing
    piles up in memory); a batch the database refuses is written one item at a
    time. Every article still not stored goes to a dead-letter file in
    ``NEWSCRAWL_DEAD_LETTER_DIR``, which ``newscrawl db replay`` loads later.

    Settings: ``NEWSCRAWL_DATABASE_URL``, ``NEWSCRAWL_STORE_BATCH_SIZE``,
    ``NEWSCRAWL_STORE_WRITERS``, ``NEWSCRAWL_STORE_RETRY_TIMES``,
    ``NEWSCRAWL_STORE_RETRY_DELAY``, ``NEWSCRAWL_DEAD_LETTER_DIR``,
    ``NEWSCRAWL_SQLITE_BUSY_TIMEOUT``,
    ``NEWSCRAWL_MAX_ARTICLES`` (a strict cap on articles stored by this run).
    Stats: ``newscrawl/store/{new,updated,unchanged,duplicates,failed}``,
    ``newscrawl/store/accepted`` (articles handed to the store: each one ends
    stored, in the dead letter, or counted lost),
    ``newscrawl/store/retried`` (tries of a batch after the first),
    ``newscrawl/store/dead_lettered``, ``newscrawl/store/dead_letter_file``,
    ``newscrawl/store/lost`` (not stored and not written to the dead-letter
    file either), ``newscrawl/store/error`` (the last database error, one line).
    """

    def __init__(
        self,
        crawler: Crawler,
        database_url: str,
        batch_size: int,
        max_articles: int = 0,
        writers: int = 0,
        retry: RetryPolicy | None = None,
        dead_letter_dir: str | Path | None = None,
        sqlite_busy_timeout: float = SQLITE_BUSY_TIMEOUT,
    ) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats: StatsCollector = crawler.stats
        self.cpu = StageClock(crawler.stats)
        self.database_url = database_url
        self.batch_size = max(1, batch_size)
        self.max_articles = max_articles
        self.accepted = 0
        self.buffer: list[dict[str, Any]] = []
        self.engine: Engine | None = None
        self.repo: ArticleRepository | None = None
        self.writer: BatchWriter | None = None
        self.run_id: int | None = None
        self.writers = writers
        self._writers: asyncio.Semaphore | None = None
        self._writing: set[asyncio.Task[None]] = set()
        #: Flushes started by spider_idle, awaited on close like the writes.
        self._flushing: set[asyncio.Task[None]] = set()
        self.unresolved: list[tuple[str, str]] = []
        self.retry = retry or RetryPolicy()
        self.dead_letter_dir = Path(dead_letter_dir or defaults.NEWSCRAWL_DEAD_LETTER_DIR)
        self.sqlite_busy_timeout = sqlite_busy_timeout
        self.secrets = database_secrets(database_url)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        settings = crawler.settings
        pipeline = cls(
            crawler,
            database_url=settings.get("NEWSCRAWL_DATABASE_URL"),
            batch_size=settings.getint("NEWSCRAWL_STORE_BATCH_SIZE"),
            max_articles=settings.getint("NEWSCRAWL_MAX_ARTICLES"),
            writers=settings.getint("NEWSCRAWL_STORE_WRITERS"),
            retry=RetryPolicy(
                times=settings.getint("NEWSCRAWL_STORE_RETRY_TIMES"),
                delay=settings.getfloat("NEWSCRAWL_STORE_RETRY_DELAY"),
            ),
            # None (settings without newscrawl's module): the default place.
            dead_letter_dir=settings.get("NEWSCRAWL_DEAD_LETTER_DIR") or None,
            sqlite_busy_timeout=settings.getfloat(
                "NEWSCRAWL_SQLITE_BUSY_TIMEOUT", SQLITE_BUSY_TIMEOUT
            ),
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
        self.engine = make_engine(self.database_url, sqlite_busy_timeout=self.sqlite_busy_timeout)
        ensure_schema(self.engine)
        self.repo = ArticleRepository(self.engine)
        spider = self.crawler.spider
        arguments = dict(getattr(spider, "run_arguments", {}) or {})
        self.run_id = self.repo.start_run(
            spider=spider.name if spider else "?", arguments=arguments
        )
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        name = f"{stamp}-run{self.run_id}-pid{os.getpid()}.jsonl"
        dead_letter = DeadLetter((self.dead_letter_dir / name).absolute())
        self.writer = BatchWriter(self.repo, dead_letter, self.retry, self.secrets)
        logger.info("Storing articles in %s", redact_url(self.database_url))

    async def process_item(self, item: object) -> object:
        row = _row(item)
        if self.max_articles and self.accepted >= self.max_articles:
            # CloseSpider stops the crawl, but items already in flight would overshoot.
            self.stats.inc_value("newscrawl/store/over_max_articles")
            raise DropItem("NEWSCRAWL_MAX_ARTICLES reached")
        self.accepted += 1
        self.stats.inc_value("newscrawl/store/accepted")
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
        assert self.writer is not None
        try:
            written = await asyncio.to_thread(self.cpu.timed, "store", self.writer.write, batch)
            # Counted here, on the event loop: the stats collector is not thread-safe.
            for result in written.results:
                self._count(result)
                self.unresolved += result.unresolved
            self._count_faults(written)
        finally:
            assert self._writers is not None
            self._writers.release()
            # Written, dead-lettered or given up on: either way, done with.
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
        if self.writer is not None and self.writer.dead_letter.written:
            path = self.writer.dead_letter.path
            logger.error(
                "%d articles could not be stored; they are in %s: "
                "load them with `newscrawl db replay %s` once the database is back",
                self.writer.dead_letter.written,
                path,
                path,
            )

    async def spider_closed(self, spider: object, reason: str) -> None:
        # After close_spider: the reason is known only now, and the run row wants it.
        await asyncio.to_thread(self._close, reason)

    def _count_faults(self, written: Written) -> None:
        if written.retried:
            self.stats.inc_value("newscrawl/store/retried", written.retried)
        failed = written.dead_lettered + written.lost
        if failed:
            self.stats.inc_value("newscrawl/store/failed", failed)
        if written.dead_lettered:
            assert self.writer is not None
            self.stats.inc_value("newscrawl/store/dead_lettered", written.dead_lettered)
            path = str(self.writer.dead_letter.path)
            self.stats.set_value("newscrawl/store/dead_letter_file", path)
        if written.lost:
            self.stats.inc_value("newscrawl/store/lost", written.lost)
        if written.error:
            self.stats.set_value("newscrawl/store/error", written.error)

    def _count(self, result: UpsertResult) -> None:
        self.stats.inc_value("newscrawl/store/new", result.new)
        self.stats.inc_value("newscrawl/store/updated", result.updated)
        self.stats.inc_value("newscrawl/store/unchanged", result.unchanged)

    def _close(self, reason: str) -> None:
        try:
            if self.repo is not None and self.writer is not None:
                # Apart: the run's record is written even when the links could not be.
                self._attempt(self._link_duplicates, "the links of duplicates to their originals")
                self._attempt(
                    lambda: self._finish_run(reason), f"the end of crawl run {self.run_id}"
                )
        finally:
            if self.engine is not None:
                self.engine.dispose()

    def _attempt(self, fn: Callable[[], None], what: str) -> None:
        try:
            fn()
        except Exception as exc:
            # The articles are stored or in the dead letter; only this record is missing.
            logger.error("Could not record %s: %s", what, describe_error(exc, self.secrets))

    def _link_duplicates(self) -> None:
        """Duplicates written before their original, which another writer held."""
        repo, writer, pairs = self.repo, self.writer, self.unresolved
        assert repo is not None and writer is not None
        if not pairs:
            return
        left = writer.retrying(lambda: repo.mark_duplicates(pairs), "duplicate links")
        if left:
            logger.info("%d duplicates point to an article that was not stored", len(left))

    def _finish_run(self, reason: str) -> None:
        repo, writer, run_id = self.repo, self.writer, self.run_id
        assert repo is not None and writer is not None
        if run_id is None:
            return
        counts = {name: int(self.stats.get_value(key, 0)) for name, key in RUN_COUNTERS.items()}
        counts["duplicates"] += int(self.stats.get_value("newscrawl/dedupe/dropped_canonical", 0))
        counts["duplicates"] += int(self.stats.get_value("newscrawl/dedupe/dropped_content", 0))
        status = "ok" if reason in {"finished", "closespider_itemcount"} else reason
        writer.retrying(
            lambda: repo.finish_run(run_id, counts=counts, status=status), "the run's record"
        )


def _row(item: object) -> dict[str, Any]:
    adapter = ItemAdapter(item)
    if not adapter.get("canonical_url"):
        raise DropItem("no canonical_url")
    return {name: adapter.get(name) for name in (*ARTICLE_FIELDS, "signature")}
