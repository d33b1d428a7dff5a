"""Helpers for the distributed-crawl tests: a worker's crawler, its Redis."""

from __future__ import annotations

from typing import Any

import redis
from scrapy.crawler import Crawler
from scrapy.utils.test import get_crawler

from newscrawl.cluster.keys import CrawlKeys
from newscrawl.runner import project_settings
from newscrawl.spiders.news import NewsSpider

SITE = "http://news.test/"


def worker_crawler(redis_url: str, prefix: str, worker: str = "w1", **extra: Any) -> Crawler:
    """The crawler of worker ``worker`` of the crawl ``PREFIX:site``, its spider made."""
    settings = {k: v for k, v in project_settings().items() if k.startswith("NEWSCRAWL_")}
    settings.update(
        NEWSCRAWL_REDIS_URL=redis_url,
        NEWSCRAWL_REDIS_CRAWL=f"{prefix}:site",
        NEWSCRAWL_REDIS_WORKER=worker,
        NEWSCRAWL_DATABASE_URL="",
        **extra,
    )
    crawler = get_crawler(NewsSpider, settings_dict=settings)
    crawler.spider = NewsSpider.from_crawler(crawler, start_urls=SITE)
    return crawler


def keys_of(prefix: str) -> CrawlKeys:
    return CrawlKeys(f"{prefix}:site")


def client(redis_url: str) -> redis.Redis:
    return redis.Redis.from_url(redis_url)
