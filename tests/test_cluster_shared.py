"""What the workers of a distributed crawl share in Redis besides the queue."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from cluster_support import client, keys_of, worker_crawler
from itemadapter import ItemAdapter
from scrapy.exceptions import DontCloseSpider, DropItem
from test_near_duplicates import edited, item, story

from newscrawl.cluster.shared import SharedCrawl
from newscrawl.extract.siteclock import SiteClock
from newscrawl.extract.urlclass import LinkKind
from newscrawl.pipelines.dedupe import DedupePipeline
from newscrawl.pipelines.near_duplicates import NearDuplicatePipeline
from newscrawl.spiders.news import NewsSpider

pytestmark = pytest.mark.redis


def _shared(redis_url: str, prefix: str, worker: str, alive: bool = True) -> SharedCrawl:
    shared = SharedCrawl(client(redis_url), keys_of(prefix), worker)
    if alive:
        shared.server.set(shared.keys.alive(worker), "1")
    return shared


def test_a_url_one_worker_follows_no_other_worker_follows(
    redis_url: str, redis_prefix: str
) -> None:
    one = worker_crawler(redis_url, redis_prefix, "w1").spider
    two = worker_crawler(redis_url, redis_prefix, "w2").spider
    assert isinstance(one, NewsSpider) and isinstance(two, NewsSpider)
    story_url = "http://news.test/2024/12/11/story/"
    assert list(one._follow(story_url, kind=LinkKind.ARTICLE))
    assert not list(two._follow(story_url, kind=LinkKind.ARTICLE))
    assert not list(one._follow(story_url, kind=LinkKind.ARTICLE))


def test_only_the_first_worker_seeds(redis_url: str, redis_prefix: str) -> None:
    async def starts(spider: Any) -> list[str]:
        return [r.url async for r in spider.start()]

    first = worker_crawler(redis_url, redis_prefix, "w1").spider
    second = worker_crawler(redis_url, redis_prefix, "w2").spider
    assert asyncio.run(starts(first)) == ["http://news.test/", "http://news.test/robots.txt"]
    assert asyncio.run(starts(second)) == []
    assert client(redis_url).get(keys_of(redis_prefix).seeded) == b"done"


def test_the_first_copy_is_the_crawls_and_a_dead_workers_claim_is_taken_over(
    redis_url: str, redis_prefix: str
) -> None:
    one = _shared(redis_url, redis_prefix, "w1")
    two = _shared(redis_url, redis_prefix, "w2")
    assert one.claim_url("news.test/a") is None
    assert two.claim_url("news.test/a") == "w1"
    assert one.claim_body("h1", "http://news.test/a", "news.test") is None
    assert two.claim_body("h1", "http://news.test/b", "news.test") == (
        "http://news.test/a",
        "news.test",
    )
    one.server.delete(one.keys.alive("w1"))  # w1 died: its article may never be stored
    assert two.claim_url("news.test/a") is None
    assert one.claim_url("news.test/a") == "w2"


def test_a_body_another_worker_kept_is_dropped_here(redis_url: str, redis_prefix: str) -> None:
    def pipeline(worker: str) -> DedupePipeline:
        crawler = worker_crawler(redis_url, redis_prefix, worker)
        client(redis_url).set(keys_of(redis_prefix).alive(worker), "1")
        return DedupePipeline.from_crawler(crawler)

    first, second = pipeline("w1"), pipeline("w2")
    a = item(1, story(1))
    b = item(3, story(1))  # the same site (story-1 and story-3 are both site1.test)
    ItemAdapter(b)["content_hash"] = ItemAdapter(a)["content_hash"]
    asyncio.run(first.process_item(a))
    with pytest.raises(DropItem, match="content"):
        asyncio.run(second.process_item(b))


def test_of_two_copies_checked_on_two_workers_the_later_one_in_the_log_is_the_copy(
    redis_url: str, redis_prefix: str
) -> None:
    def pipeline(worker: str) -> NearDuplicatePipeline:
        crawler = worker_crawler(
            redis_url, redis_prefix, worker, NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD=0.7
        )
        return NearDuplicatePipeline.from_crawler(crawler)

    one, two, three = pipeline("w1"), pipeline("w2"), pipeline("w3")
    original, copy = item(1, story(1)), item(3, edited(story(1), 5))
    other = item(5, story(5))
    asyncio.run(one.process_item(original))
    asyncio.run(two.process_item(copy))
    asyncio.run(three.process_item(other))
    assert ItemAdapter(copy)["duplicate_of"] == "http://site1.test/story-1"
    assert not ItemAdapter(original).get("duplicate_of")
    # The third worker indexed both, in log order: a copy of the copy points to the first.
    again = item(7, edited(story(1), 6, seed=3))
    asyncio.run(three.process_item(again))
    assert ItemAdapter(again)["duplicate_of"] == "http://site1.test/story-1"


def test_a_waiting_article_is_stored_only_once_no_worker_has_pages_left(
    redis_url: str, redis_prefix: str
) -> None:
    from test_spider import _local_time_page, html_response

    crawler = worker_crawler(redis_url, redis_prefix, "w1")
    spider = crawler.spider
    assert isinstance(spider, NewsSpider)
    keys, redis = keys_of(redis_prefix), client(redis_url)
    story = "http://news.test/2024/12/09/a-story-with-only-a-local-time/"
    page = _local_time_page("Local only", "December 9, 2024 1:50 PM")
    list(spider.parse(html_response(story, page)))
    assert spider.dates.waiting
    redis.set(keys.seeded, "done")
    redis.hset(keys.workers, "w2", "{}")
    redis.set(keys.unparsed("w2"), 1)  # another worker is parsing a page
    assert spider.frontier.pages_pending()
    with pytest.raises(DontCloseSpider):
        spider.idle()
    assert spider.dates.waiting, "not flushed: that page may teach the clock"
    redis.set(keys.unparsed("w2"), 0)
    assert not spider.frontier.pages_pending()


def test_what_teaches_one_workers_clock_teaches_the_others(
    redis_url: str, redis_prefix: str
) -> None:
    one = _shared(redis_url, redis_prefix, "w1")
    two = _shared(redis_url, redis_prefix, "w2")
    local = datetime(2024, 12, 11, 15, 18)
    instant = datetime(2024, 12, 11, 13, 18, tzinfo=UTC)
    one.publish_clock("news.test", [(local, instant)])
    assert one.clock_news("news.test", now=True) == []  # its own
    pairs = two.clock_news("news.test", now=True)
    assert pairs == [(local, instant)]
    clock = SiteClock()
    assert clock.observe(*pairs[0])
    assert clock.to_utc(datetime(2024, 12, 12, 9, 0)) == datetime(2024, 12, 12, 7, 0, tzinfo=UTC)
    assert two.clock_news("news.test", now=True) == []  # read once
