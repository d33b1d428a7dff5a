"""One worker of a distributed crawl: its heartbeat, its watch over the others, its end.

Every worker beats (an ``alive`` key with a time to live) and, on each beat,
looks at the others: the lease set of a worker whose key expired (killed, or its
machine gone) goes back into the shared queue, so its requests are done by the
living. A worker stops when the whole crawl's frontier has stayed empty for
``NEWSCRAWL_REDIS_IDLE_TIMEOUT`` seconds: nothing queued, nothing leased by any
worker, the start URLs seeded. That is measured from when the frontier became
empty, not from the worker's start, so a late worker does not quit at once, nor
an early one before the first pages came in.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from typing import Any

import redis
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from twisted.internet import task

from newscrawl.cluster.keys import CrawlKeys, redis_client, text
from newscrawl.cluster.queue import requeue
from newscrawl.cluster.shared import SEEDED, SharedCrawl

logger = logging.getLogger(__name__)

#: Seconds between beats, at most: also how fresh the stats the summary adds up are.
MAX_BEAT = 5.0


def worker_id() -> str:
    """This process's worker id: host and pid (unique while the process lives)."""
    host = socket.gethostname().replace(":", "_").replace("\n", "_") or "host"
    return f"{host}-{os.getpid()}"


class ClusterWorker:
    """Registers this worker, beats, puts dead workers' requests back, ends the crawl.

    Off (``NotConfigured``) unless the crawler works for a distributed crawl.
    Settings: ``NEWSCRAWL_REDIS_URL``, ``NEWSCRAWL_REDIS_CRAWL``,
    ``NEWSCRAWL_REDIS_WORKER``, ``NEWSCRAWL_REDIS_IDLE_TIMEOUT``,
    ``NEWSCRAWL_REDIS_WORKER_TIMEOUT``.
    Stats: ``newscrawl/cluster/requeued`` (requests of dead workers put back by this
    one), ``newscrawl/cluster/reseeded`` (start URLs seeded for a worker that died
    seeding them).
    """

    def __init__(
        self,
        crawler: Crawler,
        shared: SharedCrawl,
        idle_timeout: float,
        worker_timeout: float,
    ) -> None:
        self.crawler = crawler
        self.shared = shared
        self.server: redis.Redis = shared.server
        self.keys: CrawlKeys = shared.keys
        self.worker = shared.worker
        self.idle_timeout = idle_timeout
        self.worker_timeout = worker_timeout
        #: When this worker last found the crawl's frontier empty (monotonic), if it still is.
        self.idle_since: float | None = None
        self.beating: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ClusterWorker:
        settings = crawler.settings
        keys = CrawlKeys.from_settings(settings)
        if keys is None:
            raise NotConfigured  # not a worker of a distributed crawl (no warning then)
        server = redis_client(settings.get("NEWSCRAWL_REDIS_URL"))
        shared = SharedCrawl(server, keys, settings.get("NEWSCRAWL_REDIS_WORKER") or worker_id())
        ext = cls(
            crawler,
            shared,
            idle_timeout=settings.getfloat("NEWSCRAWL_REDIS_IDLE_TIMEOUT"),
            worker_timeout=settings.getfloat("NEWSCRAWL_REDIS_WORKER_TIMEOUT"),
        )
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    # --- life -----------------------------------------------------------------------

    def spider_opened(self, spider: Spider) -> None:
        self._register("running")
        self.beating = task.LoopingCall(self.beat)
        self.beating.start(min(MAX_BEAT, self.worker_timeout / 3), now=False)

    def beat(self) -> None:
        """Stay alive; publish the stats; take back the requests of dead workers."""
        try:
            if not self.server.set(self.keys.alive(self.worker), "1", px=self._ttl_ms(), xx=True):
                # Declared dead (a beat came too late): its leases went back, it is alive again.
                logger.warning("Worker %s was taken for dead; registering again", self.worker)
                self._register("running")
            self._publish_stats()
            self._recover()
        except redis.RedisError as exc:
            logger.warning("Redis unreachable for the heartbeat: %s", exc)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.beating is not None and self.beating.running:
            self.beating.stop()
        self._publish_stats(finish_reason=reason)
        self._register(reason, alive=False)

    def spider_idle(self, spider: Spider) -> None:
        """Close only once the crawl's frontier has stayed empty for the idle timeout."""
        if self._busy():
            self.idle_since = None
            raise DontCloseSpider
        if self.server.exists(self.keys.done):
            return  # another worker found the crawl complete
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.idle_timeout:
            raise DontCloseSpider
        self.server.set(self.keys.done, json.dumps({"by": self.worker, "at": time.time()}))
        logger.info("The frontier stayed empty for %.0f s: crawl complete", self.idle_timeout)

    # --- the others -------------------------------------------------------------------

    def _busy(self) -> bool:
        """Whether the crawl has work queued or in flight anywhere (or start URLs to seed)."""
        if self.server.zcard(self.keys.requests):
            return True
        holder = self.server.get(self.keys.seeded)
        if holder != SEEDED:
            self._seed_for(None if holder is None else text(holder))
            return True
        return self._recover()

    def _recover(self) -> bool:
        """Put back the leases of dead workers; True while any worker holds a lease."""
        leased = False
        for raw, info in self.server.hgetall(self.keys.workers).items():
            other = text(raw)
            if other == self.worker:
                leased = leased or bool(self.server.zcard(self.keys.leases(other)))
                continue
            moved = requeue(self.server, self.keys, other, only_if_dead=True)
            if moved < 0:  # alive
                leased = leased or bool(self.server.zcard(self.keys.leases(other)))
            elif json.loads(info).get("state") == "running":
                # It stopped beating without saying goodbye: killed, or its machine is gone.
                self._mark(other, "lost")
                logger.warning(
                    "Worker %s stopped beating: %d of its requests are back in the queue",
                    other,
                    moved,
                )
            if moved > 0:
                self._stat("requeued", moved)
                leased = True  # they are in the queue again, to be crawled
        return leased

    def _seed_for(self, holder: str | None) -> None:
        """Seed the start URLs when no one has, or their seeder died doing it."""
        if holder is not None and self.shared.alive(holder):
            return  # being seeded
        if holder is None:
            won = self.shared.claim_seeding()
        else:
            won = self.shared.take_over_seeding(holder)
        seed = getattr(self.crawler.spider, "seed_requests", None)
        engine = self.crawler.engine
        if not won or seed is None or engine is None:
            return
        requests = seed()
        for request in requests:
            engine.crawl(request)
        self.shared.seeding_done()
        self._stat("reseeded", len(requests))

    # --- helpers ------------------------------------------------------------------------

    def _register(self, state: str, *, alive: bool = True) -> None:
        info = {"host": socket.gethostname(), "pid": os.getpid(), "state": state}
        with self.server.pipeline() as pipe:
            pipe.hset(self.keys.workers, self.worker, json.dumps(info))
            if alive:
                pipe.set(self.keys.alive(self.worker), "1", px=self._ttl_ms())
            else:
                pipe.delete(self.keys.alive(self.worker))
            pipe.execute()

    def _mark(self, worker: str, state: str) -> None:
        raw = self.server.hget(self.keys.workers, worker)
        info = json.loads(raw) if raw else {}
        info["state"] = state
        self.server.hset(self.keys.workers, worker, json.dumps(info))

    def _publish_stats(self, **extra: Any) -> None:
        stats = dict(self.crawler.stats.get_stats()) if self.crawler.stats else {}
        stats.update(extra)
        self.server.hset(self.keys.stats, self.worker, json.dumps(stats, default=str))

    def _ttl_ms(self) -> int:
        return max(1, int(self.worker_timeout * 1000))

    def _stat(self, key: str, count: int) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newscrawl/cluster/{key}", count)
