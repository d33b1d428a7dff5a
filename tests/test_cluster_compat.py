"""scrapy-redis with the Scrapy installed here: the parts newscrawl uses still fit.

scrapy-redis 0.9.1 (its latest, 2024) was written for older Scrapy. newscrawl
uses its priority queue, its request encoding, its Redis dupefilter and its
scheduler, under a subclass (newscrawl.cluster.scheduler) that replaces what
no longer fits: stats counted with the deprecated ``spider`` argument, and a
pop that forgets requests. These tests drive those parts as a worker does,
against the real Redis, with warnings as errors (pyproject): a deprecation, a
changed signature or a vanished attribute on either side fails here first.
"""

from __future__ import annotations

import inspect

import pytest
from cluster_support import client, keys_of, worker_crawler
from scrapy.core.engine import ExecutionEngine
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from newscrawl.cluster.scheduler import ClusterScheduler
from newscrawl.spiders.news import META, NewsSpider

pytestmark = pytest.mark.redis


def test_requests_go_through_the_shared_queue_and_dupefilter_without_a_warning(
    redis_url: str, redis_prefix: str
) -> None:
    crawler = worker_crawler(redis_url, redis_prefix)
    spider = crawler.spider
    assert isinstance(spider, NewsSpider)
    scheduler = ClusterScheduler.from_crawler(crawler)
    scheduler.open(spider)
    seeds = spider.seed_requests()
    assert [scheduler.enqueue_request(r) for r in seeds] == [True, True]
    # The Redis dupefilter remembers them, for every worker.
    assert not scheduler.enqueue_request(seeds[0].replace())
    assert client(redis_url).scard(keys_of(redis_prefix).dupefilter) == 2

    first, second = scheduler.next_request(), scheduler.next_request()
    assert first is not None and second is not None
    # Priority order, and callbacks found again by name on the spider.
    assert first.url == "http://news.test/robots.txt"
    assert first.callback == spider.parse_robots and first.errback == spider.failed
    assert second.url == "http://news.test/"
    assert second.callback == spider.parse and second.meta[META]["kind"] == "listing"
    assert scheduler.next_request() is None
    stats = crawler.stats
    assert stats is not None
    assert stats.get_value("scheduler/enqueued/redis") == 2
    assert stats.get_value("scheduler/dequeued/redis") == 2
    scheduler.close("finished")


def test_the_parts_newscrawl_builds_on_keep_their_shape() -> None:
    # ClusterScheduler passes these by name, and replaces these methods.
    params = inspect.signature(Scheduler.__init__).parameters
    for name in ("server", "persist", "queue_key", "queue_cls", "dupefilter"):
        assert name in params, f"scrapy_redis Scheduler lost its {name!r} argument"
    for name in ("open", "close", "enqueue_request", "next_request", "has_pending_requests"):
        assert callable(getattr(Scheduler, name))
    # LeasedPriorityQueue relies on the queue's encoding helpers and key attribute.
    assert callable(PriorityQueue._encode_request) and callable(PriorityQueue._decode_request)
    # The scheduler shortens the engine's idle poll (5 s) through this private attribute.
    assert isinstance(ExecutionEngine._SLOT_HEARTBEAT_INTERVAL, float)
    source = inspect.getsource(ExecutionEngine._start_request_processing)
    assert "self._SLOT_HEARTBEAT_INTERVAL" in source
