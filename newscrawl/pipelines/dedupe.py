"""Drop the second copy of an article; flag an exact copy of another site's article.

Two pages are one article when their canonical URLs share a ``url_key``
(tracking parameters, AMP markers, ``www.`` and trailing slashes ignored) or,
on one site, when their bodies have the same ``content_hash`` (the same story
at a second URL whose publisher forgot rel=canonical): the second is dropped,
whether the first came earlier in this crawl or in an earlier one. The same
body on *another* site is a syndicated copy: it is kept, with ``duplicate_of``
naming the first, so queries can see syndication. Re-crawls of one URL are the
store's business (an upsert on ``canonical_url``).

In a distributed crawl "first" is the crawl's, not the worker's: each worker
claims canonical URLs and bodies in Redis before it keeps an article
(:class:`~newscrawl.cluster.shared.SharedCrawl`), and a claim of a worker that
died (whose article may never have been stored) is taken over.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from typing import NamedTuple

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from newscrawl.cluster.shared import SharedCrawl
from newscrawl.hashset import HashSet
from newscrawl.stagetime import StageClock
from newscrawl.storage.engine import database_secrets, existing_engine
from newscrawl.storage.faults import describe_error
from newscrawl.storage.repository import ArticleRepository
from newscrawl.urls import url_key

logger = logging.getLogger(__name__)

#: Bodies whose first copy is kept in memory by name; the older ones are asked of
#: the database (by then stored: the store writes in batches of 50).
RECENT_BODIES = 10_000


class FirstCopy(NamedTuple):
    url: str
    site: str | None


class DedupePipeline:
    """Duplicate filter, within this crawl and against the database.

    Settings: ``NEWSCRAWL_DATABASE_URL`` (the content hashes earlier crawls
    stored; none are read when it has no articles table yet), ``NEWSCRAWL_REDIS_*``
    (the claims of a distributed crawl's workers).
    Stats: ``newscrawl/dedupe/dropped_canonical``, ``newscrawl/dedupe/dropped_content``,
    ``newscrawl/dedupe/copies`` (exact copies of another site's article, kept),
    ``newscrawl/dedupe/lookup_failed`` (the database could not be asked: the
    article goes on to the store, which retries or keeps it in its dead letter).
    """

    def __init__(
        self,
        stats: StatsCollector,
        database_url: str | None = None,
        shared: SharedCrawl | None = None,
    ) -> None:
        self.stats = stats
        self.cpu = StageClock(stats)
        self.database_url = database_url
        self.shared = shared
        # Keyed by hash(): a crawl's memory grows with each article it keeps here
        # (see SeenSet in newscrawl.spiders.frontier on the odds of a collision).
        self.seen_urls = HashSet()
        #: The first copies of the bodies this crawl kept most recently, by hash();
        #: the older ones only as hashes in ``older_bodies``: their first copies are
        #: stored by then, and a later copy asks the database for its name.
        self.recent_bodies: dict[int, FirstCopy] = {}
        self.older_bodies = HashSet()
        self.recent_max = RECENT_BODIES
        self._engine: Engine | None = None
        self._repo: ArticleRepository | None = None
        #: Whether the database held articles before this crawl (else only this
        #: crawl's own bodies are looked up there).
        self._stored_before = False
        # Lookups run in worker threads, several at once: one of them opens the database.
        self._opening = threading.Lock()
        self._failing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        assert crawler.stats is not None
        settings = crawler.settings
        return cls(
            crawler.stats,
            settings.get("NEWSCRAWL_DATABASE_URL") or None,
            SharedCrawl.from_settings(settings),
        )

    async def process_item(self, item: object) -> object:
        adapter = ItemAdapter(item)
        canonical = adapter.get("canonical_url") or adapter["url"]
        key = url_key(canonical)
        first_url = canonical if hash(key) in self.seen_urls else None
        if first_url is None and self.shared is not None:
            holder = await asyncio.to_thread(self.shared.claim_url, key)
            first_url = f"{canonical} (kept by worker {holder})" if holder else None
        if first_url is not None:
            self._drop("canonical", adapter["url"], first_url)
        self.seen_urls.add(hash(key))
        digest = adapter.get("content_hash")
        if not digest:
            return item
        site = adapter.get("site")
        if site:
            site = sys.intern(site)  # one string per site, not one per article kept
        hashed = hash(digest)
        first = self.recent_bodies.get(hashed)
        asked = False
        if first is None and hashed in self.older_bodies and self._ask_database(ours=True):
            # Kept by this crawl long ago: the first copy is in the database by now.
            first = await self._lookup(digest, canonical, ours=True)
            asked = True
        if first is None:
            # Claimed before the database is asked: a copy arriving meanwhile sees this one.
            self._remember(hashed, FirstCopy(canonical, site))
            if self.shared is not None:
                held = await asyncio.to_thread(self.shared.claim_body, digest, canonical, site)
                first = FirstCopy(*held) if held else None
            if first is None and not asked and self._ask_database():
                first = await self._lookup(digest, canonical)
            if first is None:
                return item
            self._remember(hashed, first)
        if first.url == canonical:
            return item  # the first copy itself, crawled again (its store is an upsert)
        if first.site == site:
            self._drop("content", adapter["url"], first.url)
        elif not adapter.get("duplicate_of"):
            adapter["duplicate_of"] = first.url
            self.stats.inc_value("newscrawl/dedupe/copies")
        return item

    def close_spider(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def _ask_database(self, ours: bool = False) -> bool:
        """Whether the database may hold a first copy: one of this crawl's (``ours``),
        or any once it held articles before this crawl (unknown until it is opened)."""
        return bool(self.database_url) and (ours or self._repo is None or self._stored_before)

    def _remember(self, hashed: int, first: FirstCopy) -> None:
        """Keep ``first`` as the first copy of a body; past ``recent_max`` bodies the
        oldest is kept as its hash only (when there is a database to ask its name)."""
        self.recent_bodies[hashed] = first
        # Without a database to ask, every first copy stays in memory.
        if self.database_url and len(self.recent_bodies) > self.recent_max:
            oldest = next(iter(self.recent_bodies))
            del self.recent_bodies[oldest]
            self.older_bodies.add(oldest)

    async def _lookup(self, digest: str, canonical: str, ours: bool = False) -> FirstCopy | None:
        """The stored first copy of a body; ``ours``: one this crawl kept (asked even
        when the database held nothing before the crawl)."""
        try:
            found = await asyncio.to_thread(
                self.cpu.timed, "dedupe", self._stored_copy, digest, canonical, ours
            )
        except SQLAlchemyError as exc:
            # Only a copy that an earlier crawl stored can slip through meanwhile;
            # dropping the article instead would lose it.
            self.stats.inc_value("newscrawl/dedupe/lookup_failed")
            if not self._failing:
                self._failing = True
                logger.warning(
                    "Cannot look up stored copies (%s); articles are checked against "
                    "this crawl's only until the database answers",
                    describe_error(exc, database_secrets(self.database_url)),
                )
            return None
        self._failing = False
        return found

    def _stored_copy(self, digest: str, canonical: str, ours: bool = False) -> FirstCopy | None:
        """The first stored article with this body, other than ``canonical`` itself."""
        with self._opening:
            if self._repo is None and self.database_url:
                # Opened at the first item: by then the store pipeline has made the schema.
                self._engine = existing_engine(self.database_url, "articles")
                if self._engine is None:
                    self.database_url = None
                else:
                    self._repo = ArticleRepository(self._engine)
                    self._stored_before = self._repo.has_articles()
        if self._repo is None or not (ours or self._stored_before):
            # Nothing stored before this crawl (its own recent copies are in
            # recent_bodies, other workers' in the shared claims): no database
            # round trip per article.
            return None
        found = self._repo.find_by_content_hash(digest, exclude_url=canonical)
        return None if found is None else FirstCopy(*found)

    def _drop(self, why: str, url: str, first: str) -> None:
        self.stats.inc_value(f"newscrawl/dedupe/dropped_{why}")
        logger.debug("Duplicate (%s) %s of %s", why, url, first)
        raise DropItem(f"duplicate ({why}) of {first}")
