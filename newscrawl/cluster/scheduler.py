"""The scheduler of a distributed crawl: scrapy-redis' queue and dupefilter, with leases.

scrapy-redis 0.9.1 (its latest) lags behind Scrapy 2.13+: its scheduler counts
stats with the ``spider`` argument Scrapy deprecated, and its queue forgets a
request the moment a worker pops it. :class:`ClusterScheduler` keeps what works
(the shared priority queue, its encoding, the Redis dupefilter) and wraps the
rest; tests/test_cluster_compat.py fails if an incompatibility comes back.
Replaced, and why: ``open`` (logs through the deprecated ``Spider.log``),
``enqueue_request`` / ``next_request`` (stats with the ``spider`` argument; leases),
``close`` (puts back unfinished leases).
"""

from __future__ import annotations

import logging
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import redis
from itemadapter import ItemAdapter
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler
from twisted.python.failure import Failure

from newscrawl import signals as newscrawl_signals
from newscrawl.cluster.keys import CrawlKeys, redis_client
from newscrawl.cluster.queue import LeasedPriorityQueue, requeue
from newscrawl.urls import url_key

logger = logging.getLogger(__name__)

#: Request meta: the lease of a request taken from the shared queue (this process only).
LEASE = "newscrawl_lease"
#: Request meta: keep this request in this worker (its callback needs this process's
#: memory, like the spider's flush of articles waiting for a clock).
LOCAL = "newscrawl_local"
#: Seconds between the engine's looks at the scheduler while it is idle. Scrapy looks
#: every 5 s (ExecutionEngine._SLOT_HEARTBEAT_INTERVAL), which leaves an idle worker
#: up to 5 s behind requests that other workers queue.
POLL_INTERVAL = 1.0
QUEUE_CLASS = "newscrawl.cluster.queue.LeasedPriorityQueue"
#: Seconds an empty shared queue is taken as still empty: the engine asks after
#: every response, and each question would be a round trip to Redis.
EMPTY_FOR = 0.05


@dataclass
class Lease:
    """A request taken from the queue; finished once parsed and its articles stored."""

    data: bytes
    parsed: bool = False
    #: url_keys of the article items the page gave that are not stored or dropped yet.
    items: set[str] = field(default_factory=set)


class ClusterScheduler(Scheduler):  # type: ignore[misc]
    """Shares one frontier among workers; a request a worker took stays in Redis until done.

    A request popped from the queue moves into the worker's lease set (atomically,
    :class:`~newscrawl.cluster.queue.LeasedPriorityQueue`) and leaves it only when
    its work is complete: the spider has parsed the page (``page_done``) and the
    articles it found are stored or dropped (``article_found``, ``articles_stored``,
    ``item_dropped``); a redirect or retry completes it by queueing its successor.
    A worker that dies keeps its lease set; :class:`~newscrawl.cluster.worker.ClusterWorker`
    in another worker moves it back into the queue. A worker that stops cleanly
    puts back what it had not finished itself. The queue and the dupefilter
    persist (a stopped crawl resumes).

    Settings: ``NEWSCRAWL_REDIS_URL``, ``NEWSCRAWL_REDIS_CRAWL``,
    ``NEWSCRAWL_REDIS_WORKER``, ``DUPEFILTER_DEBUG``.
    Stats: ``scheduler/{enqueued,dequeued}/redis``,
    ``newscrawl/cluster/{leased,finished,put_back}``.
    """

    def __init__(
        self, server: redis.Redis, keys: CrawlKeys, worker: str, crawler: Crawler, debug: bool
    ) -> None:
        super().__init__(
            server,
            persist=True,
            queue_key=keys.requests,
            queue_cls=QUEUE_CLASS,
            dupefilter=RFPDupeFilter(server, key=keys.dupefilter, debug=debug),
        )
        self.keys = keys
        self.worker = worker
        self.crawler = crawler
        self.stats = crawler.stats
        self.local: deque[Request] = deque()
        self.leases: dict[int, Lease] = {}
        self.awaiting: dict[str, set[int]] = {}
        self._last_lease = 0
        #: Until when (monotonic) the shared queue counts as empty without asking.
        self._empty_until = 0.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ClusterScheduler:
        settings = crawler.settings
        keys = CrawlKeys.from_settings(settings)
        worker = settings.get("NEWSCRAWL_REDIS_WORKER") or ""
        if keys is None or not worker:
            raise ValueError(
                "ClusterScheduler runs in the workers of a distributed crawl "
                "(newscrawl crawl --redis URL, newscrawl worker --redis URL)"
            )
        server = redis_client(settings.get("NEWSCRAWL_REDIS_URL"))
        scheduler = cls(server, keys, worker, crawler, settings.getbool("DUPEFILTER_DEBUG"))
        connect = crawler.signals.connect
        connect(scheduler.page_done, signal=newscrawl_signals.page_done)
        connect(scheduler.article_found, signal=newscrawl_signals.article_found)
        connect(scheduler.articles_stored, signal=newscrawl_signals.articles_stored)
        connect(scheduler.item_dropped, signal=signals.item_dropped)
        connect(scheduler.item_dropped, signal=signals.item_error)
        connect(scheduler.spider_error, signal=signals.spider_error)
        return scheduler

    def open(self, spider: Spider) -> None:
        # Not scrapy-redis' open(): on resuming, it logs through Spider.log(), which
        # Scrapy 2.19 deprecates. The queue is built as it builds it.
        self.spider = spider
        self.queue = LeasedPriorityQueue(
            server=self.server, spider=spider, key=self.queue_key, serializer=self.serializer
        )
        self.queue.lease_key = self.keys.leases(self.worker)
        self.queue.unparsed_key = self.keys.unparsed(self.worker)
        if queued := len(self.queue):
            logger.info("Joining the shared crawl: %d requests queued", queued)
        try:
            engine = self.crawler.engine
        except RuntimeError:  # not crawling (a test opening the scheduler by hand)
            return
        # Private in Scrapy; tests/test_cluster_compat.py checks it is still there.
        if hasattr(engine, "_SLOT_HEARTBEAT_INTERVAL"):
            engine._SLOT_HEARTBEAT_INTERVAL = POLL_INTERVAL

    def close(self, reason: str) -> None:
        # Runs after the pipelines closed (the last batch is stored): what is left
        # was not finished here; another worker, or the next run, does it.
        left = requeue(self.server, self.keys, self.worker, only_if_dead=False)
        if left:
            self._inc("newscrawl/cluster/put_back", left)
            logger.info("Put %d unfinished requests back into the shared queue", left)
        self.leases.clear()
        self.awaiting.clear()

    # --- the queue ----------------------------------------------------------------

    def enqueue_request(self, request: Request) -> bool:
        if request.meta.get(LOCAL):
            self.local.append(request)
            return True
        # A redirect or a retry carries the lease of the request it replaces: that
        # one is finished once its successor is in the queue (or filtered out).
        lease = request.meta.pop(LEASE, None)
        try:
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                return False
            self.queue.push(request)
            self._empty_until = 0.0
            self._inc("scheduler/enqueued/redis")
            return True
        finally:
            if lease is not None:
                self._finish(lease)

    def next_request(self) -> Request | None:
        if self.local:
            return self.local.popleft()
        if time.monotonic() < self._empty_until:
            return None
        leased = self.queue.lease()
        if leased is None:
            self._empty_until = time.monotonic() + EMPTY_FOR
            return None
        request, data = leased
        self._last_lease += 1
        self.leases[self._last_lease] = Lease(data)
        request.meta[LEASE] = self._last_lease
        self._inc("scheduler/dequeued/redis")
        self._inc("newscrawl/cluster/leased")
        return request

    def has_pending_requests(self) -> bool:
        if self.local:
            return True
        return time.monotonic() >= self._empty_until and len(self.queue) > 0

    def __len__(self) -> int:
        return len(self.local) + len(self.queue)

    # --- when a lease is finished ---------------------------------------------------

    def page_done(self, request: Request | None) -> None:
        lease = self._lease_of(request)
        if lease is None or self.leases[lease].parsed:
            return
        self.leases[lease].parsed = True
        if self.leases[lease].items:
            self.queue.settle(1, [])  # parsed; its articles are not stored yet
        else:
            self._finish(lease, parsed=1)

    def article_found(self, request: Request | None, url: str) -> None:
        lease = self._lease_of(request)
        if lease is None:
            return
        key = url_key(url)
        self.leases[lease].items.add(key)
        self.awaiting.setdefault(key, set()).add(lease)

    def articles_stored(self, urls: list[str]) -> None:
        finished: list[int] = []
        for url in urls:
            finished += self._item_done(url, finish=False)
        self._finish(*finished)  # one round trip for the batch

    def item_dropped(self, item: Any, **kwargs: Any) -> None:
        """An item dropped by a pipeline, or one whose processing failed."""
        url = ItemAdapter(item).get("url")
        if url:
            self._item_done(str(url))

    def spider_error(self, failure: Failure, response: Response, **kwargs: Any) -> None:
        # The callback raised: the page will not give more; Scrapy does not retry it.
        self.page_done(response.request)

    def _item_done(self, url: str, *, finish: bool = True) -> list[int]:
        """Leases that the item of ``url`` completes (finished now unless ``finish`` is off)."""
        key = url_key(url)
        done = []
        for lease in self.awaiting.pop(key, ()):
            if lease in self.leases:
                self.leases[lease].items.discard(key)
                if self.leases[lease].parsed and not self.leases[lease].items:
                    done.append(lease)
        if finish:
            self._finish(*done)
        return done

    def _lease_of(self, request: Request | None) -> int | None:
        lease = request.meta.get(LEASE) if request is not None else None
        return lease if lease in self.leases else None

    def _finish(self, *leases: int, parsed: int = 0) -> None:
        """Release ``leases``; ``parsed`` of them were parsed just now."""
        finished = [self.leases.pop(lease) for lease in leases if lease in self.leases]
        if finished:
            # A lease finished unparsed (a redirect, a retry) leaves the unparsed count too.
            parsed += sum(not lease.parsed for lease in finished)
            self.queue.settle(parsed, [lease.data for lease in finished])
            self._inc("newscrawl/cluster/finished", len(finished))

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None:
            # Without scrapy-redis' spider argument: Scrapy 2.13+ deprecates it.
            self.stats.inc_value(key, count)
