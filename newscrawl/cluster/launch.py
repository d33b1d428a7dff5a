"""Start distributed crawls, join them, and run one worker process.

``newscrawl crawl URL --redis R --workers N`` registers the crawl, takes the
site's local lock and starts N worker processes on this machine;
``newscrawl worker --redis R`` joins every unfinished crawl from another
machine. Each worker is a ``newscrawl worker --child`` process running the
crawls in this module's :func:`run_worker`; the process that started them waits
and adds up every worker's stats (those of other machines included).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import redis
from scrapy.crawler import CrawlerProcess
from scrapy.settings import BaseSettings, Settings

from newscrawl.checks import check_settings
from newscrawl.cluster import crawls
from newscrawl.cluster.crawls import ClusterCrawl
from newscrawl.cluster.keys import check_prefix, redis_client
from newscrawl.cluster.worker import worker_id
from newscrawl.locks import site_locks
from newscrawl.runner import CrawlResult, CrawlTarget, check_browser, project_settings

SCHEDULER = "newscrawl.cluster.scheduler.ClusterScheduler"
#: Settings that belong to one machine or process, not to the crawl: never shared.
PER_MACHINE = frozenset(
    {
        "NEWSCRAWL_DATABASE_URL",
        "NEWSCRAWL_REDIS_URL",
        "NEWSCRAWL_REDIS_PREFIX",
        "NEWSCRAWL_WORKERS",
        "NEWSCRAWL_LOCK_DIR",
        "NEWSCRAWL_PROGRESS",
        "NEWSCRAWL_CHROMIUM_PATH",
        "LOG_LEVEL",
    }
)


class ClusterError(RuntimeError):
    """A distributed crawl cannot start: Redis unreachable, a database only one machine sees."""


@dataclass
class ClusterOutcome:
    """What a command that started workers reports: each crawl's totals, each worker's end."""

    results: list[CrawlResult] = field(default_factory=list)
    workers: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    exit_codes: list[int] = field(default_factory=list)
    resumed: list[str] = field(default_factory=list)


def start_crawl(
    targets: Sequence[CrawlTarget], overrides: Mapping[str, Any], redis_url: str, count: int
) -> ClusterOutcome:
    """Register (or resume) each target's crawl and run ``count`` workers here until done."""
    settings = _checked(overrides)
    server = _connect(redis_url)
    prefix = check_prefix(settings.get("NEWSCRAWL_REDIS_PREFIX"))
    shared = {k: v for k, v in overrides.items() if k not in PER_MACHINE}
    check_browser(targets, settings)
    database = settings.get("NEWSCRAWL_DATABASE_URL")
    with site_locks(Path(settings.get("NEWSCRAWL_LOCK_DIR")), (t.lock_key() for t in targets)):
        registered, resumed = [], []
        for target in targets:
            crawl, again = crawls.register(server, prefix, target, shared, database)
            crawls.plan_workers(server, crawl.keys, count, join=False)
            registered.append(crawl)
            if again:
                resumed.append(crawl.keys.base)
        outcome = _run_here(server, registered, count, redis_url, database, overrides)
    outcome.resumed = resumed
    return outcome


def join_crawls(overrides: Mapping[str, Any], redis_url: str, count: int) -> ClusterOutcome:
    """Run ``count`` workers here for every unfinished crawl in Redis, until they are done."""
    settings = _checked(overrides)
    server = _connect(redis_url)
    prefix = check_prefix(settings.get("NEWSCRAWL_REDIS_PREFIX"))
    joined = crawls.unfinished(server, prefix)
    if not joined:
        raise ClusterError(
            f"no unfinished crawl under {prefix!r} in Redis to join; "
            "start one with: newscrawl crawl URL --redis URL"
        )
    check_browser([c.target for c in joined], settings)
    database = settings.get("NEWSCRAWL_DATABASE_URL")
    with site_locks(
        Path(settings.get("NEWSCRAWL_LOCK_DIR")), (c.target.lock_key() for c in joined)
    ):
        for crawl in joined:
            crawls.plan_workers(server, crawl.keys, count, join=True)
        # The worker's own -s reach its processes; the crawl's settings come from Redis.
        extra = {k: v for k, v in overrides.items() if k not in PER_MACHINE}
        return _run_here(server, joined, count, redis_url, database, overrides, extra)


def run_worker(bases: Sequence[str], overrides: Mapping[str, Any]) -> list[CrawlResult]:
    """Be one worker of the crawls at ``bases`` (in this process), until they are done."""
    settings = project_settings(overrides)
    redis_url = settings.get("NEWSCRAWL_REDIS_URL")
    server = _connect(redis_url)
    me = worker_id()
    process = CrawlerProcess(settings)
    running: list[tuple[ClusterCrawl, Any]] = []
    for base in bases:
        crawl = crawls.load(server, base)
        crawler = process.create_crawler("news")
        for name, value in {**crawl.settings, **overrides}.items():
            crawler.settings.set(name, value, priority="cmdline")
        as_worker(crawler.settings, crawl, me, crawls.planned_workers(server, crawl.keys))
        check_settings(crawler.settings)
        running.append((crawl, crawler))
        process.crawl(crawler, **crawl.target.spider_kwargs())
    process.start()
    return [
        CrawlResult(crawl.target, dict(crawler.stats.get_stats()) if crawler.stats else {})
        for crawl, crawler in running
    ]


def as_worker(settings: BaseSettings, crawl: ClusterCrawl, worker: str, planned: int) -> None:
    """Make a crawler a worker of ``crawl``, with its share of the per-site limits."""
    settings.set("SCHEDULER", SCHEDULER, priority="cmdline")
    settings.set("NEWSCRAWL_REDIS_CRAWL", crawl.keys.base, priority="cmdline")
    settings.set("NEWSCRAWL_REDIS_WORKER", worker, priority="cmdline")
    # Politeness holds for the whole crawl: the limits are divided among the workers
    # planned when this one starts (see README, "Scaling out").
    # CONCURRENT_REQUESTS too: the engine takes that many requests from the queue
    # however few it may download at once, and a worker would hoard them.
    for name in (
        "CONCURRENT_REQUESTS",
        "CONCURRENT_REQUESTS_PER_DOMAIN",
        "CONCURRENT_REQUESTS_PER_IP",
    ):
        if settings.getint(name) > 0:
            settings.set(name, max(1, settings.getint(name) // planned), priority="cmdline")
    settings.set("DOWNLOAD_DELAY", settings.getfloat("DOWNLOAD_DELAY") * planned, "cmdline")
    target = settings.getfloat("AUTOTHROTTLE_TARGET_CONCURRENCY")
    settings.set("AUTOTHROTTLE_TARGET_CONCURRENCY", target / planned, priority="cmdline")


def _checked(overrides: Mapping[str, Any]) -> Settings:
    settings = project_settings(overrides)
    check_settings(settings)
    database = settings.get("NEWSCRAWL_DATABASE_URL") or ""
    if not database.startswith("postgresql"):
        raise ValueError(
            "a distributed crawl stores into one PostgreSQL database that every worker "
            f"reaches; give one with --db postgresql+psycopg://... (not {database!r})"
        )
    if settings.get("NEWSCRAWL_JOBDIR"):
        raise ValueError(
            "--jobdir is for a crawl in one process; a distributed crawl keeps its "
            "state in Redis and resumes from it"
        )
    return settings


def _connect(redis_url: str) -> redis.Redis:
    server = redis_client(redis_url)
    try:
        server.ping()
    except redis.RedisError as exc:
        raise ClusterError(f"cannot reach Redis at {_redact(redis_url)}: {exc}") from exc
    return server


def _redact(url: str) -> str:
    from newscrawl.storage.engine import redact_url

    return redact_url(url)


def _run_here(
    server: redis.Redis,
    joined: Sequence[ClusterCrawl],
    count: int,
    redis_url: str,
    database: str,
    overrides: Mapping[str, Any],
    extra: Mapping[str, Any] | None = None,
) -> ClusterOutcome:
    """Start ``count`` worker processes for ``joined``, wait, and add up every worker."""
    argv = [sys.executable, "-m", "newscrawl.cli", "worker", "--child"]
    argv += [f"--crawl={crawl.keys.base}" for crawl in joined]
    if str(overrides.get("LOG_LEVEL", "")).upper() != "WARNING":
        argv.append("-v")
    for name, value in (extra or {}).items():
        argv += ["-s", f"{name}={value}"]
    # Secrets go by the environment, not the command line that `ps` shows.
    env = dict(os.environ, NEWSCRAWL_REDIS_URL=redis_url, NEWSCRAWL_DATABASE_URL=database)
    # Each in a session of its own: a Ctrl-C at the terminal reaches this process
    # only, which passes it on once (a second SIGINT makes Scrapy stop uncleanly).
    children = [
        subprocess.Popen(argv, env=env, start_new_session=True) for _ in range(max(1, count))
    ]
    codes = _wait(children)
    outcome = ClusterOutcome(exit_codes=codes)
    for crawl in joined:
        stats = crawls.totals(server, crawl.keys)
        complete = crawls.is_complete(server, crawl.keys)
        stats["finish_reason"] = "finished" if complete else "unfinished"
        outcome.results.append(CrawlResult(crawl.target, stats))
        outcome.workers[crawl.keys.base] = crawls.workers(server, crawl.keys)
        if complete:
            crawls.keep_for_a_while(server, crawl.keys)
    return outcome


def _wait(children: list[subprocess.Popen[bytes]]) -> list[int]:
    """Wait for every worker; a SIGINT or SIGTERM here is passed on to each."""

    def forward(signum: int, frame: FrameType | None) -> None:
        for child in children:
            if child.poll() is None:
                child.send_signal(signum)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        return [child.wait() for child in children]
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
