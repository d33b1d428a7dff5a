"""``newscrawl crawl --redis`` and ``newscrawl worker``: what they refuse, how crawls register."""

from __future__ import annotations

import pytest
from cluster_support import client
from scrapy.settings import Settings

from newscrawl.cli import EXIT_FAILED, EXIT_USAGE, main
from newscrawl.cluster import crawls
from newscrawl.cluster.crawls import ClusterBusy
from newscrawl.cluster.keys import CrawlKeys, check_prefix, crawl_key
from newscrawl.cluster.launch import as_worker
from newscrawl.runner import CrawlTarget

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def test_workers_without_redis_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["crawl", "http://news.test/", "--workers", "2"]) == EXIT_USAGE
    assert "--workers needs --redis" in capsys.readouterr().err


def test_a_distributed_crawl_needs_postgresql_and_no_jobdir(
    capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    redis = ["--redis", "redis://127.0.0.1:6379/0"]
    assert main(["crawl", "http://news.test/", *redis, "--db", "sqlite:///x.db"]) == EXIT_USAGE
    assert "one PostgreSQL database" in capsys.readouterr().err
    assert main(["crawl", "http://news.test/", *redis, "--db", PG, "--jobdir", "j"]) == EXIT_USAGE
    assert "--jobdir is for a crawl in one process" in capsys.readouterr().err


def test_a_bad_prefix_is_refused() -> None:
    with pytest.raises(ValueError, match="NEWSCRAWL_REDIS_PREFIX"):
        check_prefix("news %(spider)s")


@pytest.mark.redis
def test_a_worker_with_nothing_to_join_says_so(
    redis_url: str, redis_prefix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "worker",
        "--redis",
        redis_url,
        "--db",
        PG,
        "-s",
        f"NEWSCRAWL_REDIS_PREFIX={redis_prefix}",
    ]
    assert main(argv) == EXIT_FAILED
    assert "no unfinished crawl" in capsys.readouterr().err


@pytest.mark.redis
def test_an_unfinished_crawl_resumes_and_a_complete_one_starts_afresh(
    redis_url: str, redis_prefix: str
) -> None:
    server = client(redis_url)
    target = CrawlTarget(start_urls=["http://news.test/"])
    crawl, resumed = crawls.register(server, redis_prefix, target, {"DOWNLOAD_DELAY": 1}, PG)
    assert not resumed and crawl.keys.base == crawl_key(redis_prefix, "news.test")
    server.sadd(crawl.keys.seen, "news.test/a")
    assert crawls.register(server, redis_prefix, target, {}, PG)[1], "unfinished: resumed"
    server.hset(crawl.keys.workers, "w1", "{}")
    server.set(crawl.keys.alive("w1"), "1")
    with pytest.raises(ClusterBusy, match="1 live workers"):
        crawls.register(server, redis_prefix, target, {}, PG)  # one run at a time
    server.delete(crawl.keys.alive("w1"))
    assert [c.target for c in crawls.unfinished(server, redis_prefix)] == [target]
    with pytest.raises(ClusterBusy):
        crawls.register(
            server,
            redis_prefix,
            CrawlTarget(site_name="news.test", start_urls=["http://news.test/b"]),
            {},
            PG,
        )
    server.set(crawl.keys.done, "1")
    assert crawls.unfinished(server, redis_prefix) == []
    again, resumed = crawls.register(server, redis_prefix, target, {}, PG)
    assert not resumed and not server.exists(crawl.keys.seen), "a new crawl, a new frontier"
    assert "postgres@127.0.0.1" in again.database


def test_per_site_limits_are_divided_among_the_planned_workers() -> None:
    settings = Settings(
        {
            "CONCURRENT_REQUESTS": 16,
            "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
            "DOWNLOAD_DELAY": 0.25,
            "AUTOTHROTTLE_TARGET_CONCURRENCY": 2.0,
        }
    )
    crawl = crawls.ClusterCrawl(CrawlKeys("p:site"), CrawlTarget(start_urls=["http://a/"]))
    as_worker(settings, crawl, "w1", planned=3)
    assert settings.getint("CONCURRENT_REQUESTS") == 5
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 1
    assert settings.getfloat("DOWNLOAD_DELAY") == pytest.approx(0.75)
    assert settings.getfloat("AUTOTHROTTLE_TARGET_CONCURRENCY") == pytest.approx(2 / 3)
    assert settings.get("SCHEDULER") == "newscrawl.cluster.scheduler.ClusterScheduler"
