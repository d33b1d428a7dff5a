"""Leases: a request a worker took stays in Redis until its work is done.

scrapy-redis' own queue removes a request from Redis when a worker pops it, so
a worker killed before finishing it loses it for good; the first test shows
that, the rest what newscrawl's leases do instead.
"""

from __future__ import annotations

import pytest
from cluster_support import client, keys_of, worker_crawler
from itemadapter import ItemAdapter
from scrapy.http import Request
from scrapy_redis.queue import PriorityQueue

from newscrawl import signals as newscrawl_signals
from newscrawl.cluster.queue import requeue
from newscrawl.cluster.scheduler import LEASE, ClusterScheduler
from newscrawl.items import ArticleItem

pytestmark = pytest.mark.redis


def _scheduler(redis_url: str, prefix: str, worker: str = "w1") -> ClusterScheduler:
    crawler = worker_crawler(redis_url, prefix, worker)
    scheduler = ClusterScheduler.from_crawler(crawler)
    scheduler.open(crawler.spider)
    return scheduler


def test_scrapy_redis_forgets_a_request_once_popped(redis_url: str, redis_prefix: str) -> None:
    crawler = worker_crawler(redis_url, redis_prefix)
    key = f"{redis_prefix}:plain"
    queue = PriorityQueue(client(redis_url), crawler.spider, key)
    queue.push(Request("http://news.test/a", callback=crawler.spider.parse))
    assert queue.pop() is not None
    # Nothing in Redis holds it now: a worker killed at this point loses it.
    assert client(redis_url).keys(f"{redis_prefix}:*") == []


def test_a_taken_request_stays_leased_until_its_page_and_article_are_done(
    redis_url: str, redis_prefix: str
) -> None:
    scheduler = _scheduler(redis_url, redis_prefix)
    keys, redis = keys_of(redis_prefix), client(redis_url)
    scheduler.enqueue_request(Request("http://news.test/story", callback=scheduler.spider.parse))
    request = scheduler.next_request()
    assert request is not None and LEASE in request.meta
    assert redis.zcard(keys.requests) == 0 and redis.zcard(keys.leases("w1")) == 1

    assert redis.get(keys.unparsed("w1")) == b"1"

    signals = scheduler.crawler.signals
    signals.send_catch_log(newscrawl_signals.article_found, request=request, url=request.url)
    signals.send_catch_log(newscrawl_signals.page_done, request=request)
    assert redis.zcard(keys.leases("w1")) == 1, "parsed, but its article is not stored yet"
    assert redis.get(keys.unparsed("w1")) == b"0", "it brings no more pages"
    signals.send_catch_log(newscrawl_signals.articles_stored, urls=[request.url])
    assert redis.zcard(keys.leases("w1")) == 0


def test_a_dropped_article_or_a_plain_page_finishes_its_lease(
    redis_url: str, redis_prefix: str
) -> None:
    scheduler = _scheduler(redis_url, redis_prefix)
    keys, redis = keys_of(redis_prefix), client(redis_url)
    for path in ("story", "listing"):
        scheduler.enqueue_request(
            Request(f"http://news.test/{path}", callback=scheduler.spider.parse)
        )
    story, listing = scheduler.next_request(), scheduler.next_request()
    assert story is not None and listing is not None
    scheduler.article_found(story, story.url)
    scheduler.page_done(story)
    scheduler.page_done(listing)
    assert redis.zcard(keys.leases("w1")) == 1
    item = ArticleItem()
    ItemAdapter(item)["url"] = story.url
    scheduler.item_dropped(item)
    assert redis.zcard(keys.leases("w1")) == 0


def test_a_redirect_hands_its_lease_to_the_request_it_queues(
    redis_url: str, redis_prefix: str
) -> None:
    scheduler = _scheduler(redis_url, redis_prefix)
    keys, redis = keys_of(redis_prefix), client(redis_url)
    scheduler.enqueue_request(Request("http://news.test/go/1", callback=scheduler.spider.parse))
    request = scheduler.next_request()
    assert request is not None
    moved = request.replace(url="http://news.test/2024/story")  # as RedirectMiddleware does
    assert scheduler.enqueue_request(moved)
    assert redis.zcard(keys.leases("w1")) == 0 and redis.zcard(keys.requests) == 1
    assert redis.get(keys.unparsed("w1")) == b"0"
    queued = scheduler.next_request()
    assert queued is not None and queued.url == "http://news.test/2024/story"
    assert queued.meta[LEASE] != request.meta.get(LEASE)


def test_a_dead_workers_requests_go_back_to_the_queue(redis_url: str, redis_prefix: str) -> None:
    scheduler = _scheduler(redis_url, redis_prefix, worker="dying")
    keys, redis = keys_of(redis_prefix), client(redis_url)
    for n, priority in ((1, 10), (2, 40)):
        scheduler.enqueue_request(
            Request(f"http://news.test/{n}", callback=scheduler.spider.parse, priority=priority)
        )
    assert scheduler.next_request() is not None and scheduler.next_request() is not None
    leases, alive = keys.leases("dying"), keys.alive("dying")
    redis.set(alive, "1")
    assert requeue(redis, keys, "dying", only_if_dead=True) == -1
    assert redis.zcard(leases) == 2, "a live worker keeps its requests"
    redis.delete(alive)  # its heartbeat expired
    assert requeue(redis, keys, "dying", only_if_dead=True) == 2
    assert redis.zcard(leases) == 0 and not redis.exists(keys.unparsed("dying"))
    other = _scheduler(redis_url, redis_prefix, worker="living")
    first = other.next_request()
    assert first is not None and first.url == "http://news.test/2", "priority kept"


def test_a_worker_that_stops_puts_back_what_it_had_not_finished(
    redis_url: str, redis_prefix: str
) -> None:
    scheduler = _scheduler(redis_url, redis_prefix)
    keys, redis = keys_of(redis_prefix), client(redis_url)
    scheduler.enqueue_request(Request("http://news.test/a", callback=scheduler.spider.parse))
    assert scheduler.next_request() is not None
    scheduler.close("shutdown")
    assert redis.zcard(keys.leases("w1")) == 0 and redis.zcard(keys.requests) == 1


def test_local_requests_stay_in_this_worker(redis_url: str, redis_prefix: str) -> None:
    scheduler = _scheduler(redis_url, redis_prefix)
    flush = Request("data:,", meta={"newscrawl_local": True}, dont_filter=True)
    assert scheduler.enqueue_request(flush)
    assert client(redis_url).zcard(keys_of(redis_prefix).requests) == 0
    assert scheduler.has_pending_requests() and scheduler.next_request() is flush
