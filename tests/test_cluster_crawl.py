"""Distributed crawls end to end: worker processes, the real Redis and PostgreSQL.

Three workers crawl a fixture site into one PostgreSQL database and store
exactly the articles one process stores (same canonical URLs, same bodies, same
dates: the site's clock is learned across workers); then again with one worker
killed with SIGKILL midway: the others take back its requests and nothing is lost.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from crawling import FAST, SITES_DIR, url_path
from sqlalchemy import func, select
from sqlalchemy.exc import ProgrammingError

from newscrawl.cluster import crawls
from newscrawl.cluster.keys import CrawlKeys, crawl_key, redis_client
from newscrawl.devserver import SiteServer
from newscrawl.storage.engine import make_engine
from newscrawl.storage.repository import ArticleRepository
from newscrawl.storage.testing import fresh_postgres_database
from newscrawl.storage.upsert import ARTICLES

SITE = SITES_DIR / "meridian"
Rows = dict[str, tuple[str, str]]

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


def _rows(db_url: str) -> Rows:
    """Stored articles by canonical path (the servers' ports differ): body hash, date."""
    engine = make_engine(db_url)
    try:
        return {
            url_path(row["canonical_url"]): (row["content_hash"], str(row["published_at"]))
            for row in ArticleRepository(engine).iter_articles()
        }
    finally:
        engine.dispose()


def _stored(db_url: str) -> int:
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(ARTICLES)).scalar_one())
    except ProgrammingError:  # no table yet
        return 0
    finally:
        engine.dispose()


def _command(url: str, db: str, lock_dir: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newscrawl.cli",
        "crawl",
        url,
        "--db",
        db,
        *FAST,
        "-s",
        f"NEWSCRAWL_LOCK_DIR={lock_dir}",
        *extra,
    ]


def _distributed(redis_url: str, prefix: str, workers: int) -> tuple[str, ...]:
    return (
        "--redis",
        redis_url,
        "--workers",
        str(workers),
        "-s",
        f"NEWSCRAWL_REDIS_PREFIX={prefix}",
        "-s",
        "NEWSCRAWL_REDIS_IDLE_TIMEOUT=2",
        "-s",
        "NEWSCRAWL_REDIS_WORKER_TIMEOUT=3",
    )


@pytest.fixture(scope="module")
def reference(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rows]:
    """What one process alone stores of the site."""
    server = SiteServer(SITE).start()
    try:
        with fresh_postgres_database(pg_url, prefix="newscrawl_single") as db:
            lock_dir = tmp_path_factory.mktemp("locks")
            proc = subprocess.run(
                _command(server.url, db, lock_dir),
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            assert proc.returncode == 0, proc.stderr[-3000:]
            yield _rows(db)
    finally:
        server.stop()


def test_three_workers_store_exactly_what_one_process_stores(
    reference: Rows, pg_url: str, redis_url: str, redis_prefix: str, tmp_path: Path
) -> None:
    server = SiteServer(SITE).start()
    try:
        with fresh_postgres_database(pg_url, prefix="newscrawl_cluster") as db:
            proc = subprocess.run(
                _command(server.url, db, tmp_path, *_distributed(redis_url, redis_prefix, 3)),
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
            rows = _rows(db)
    finally:
        server.stop()
    assert rows == reference
    assert len({digest for digest, _ in rows.values()}) == len(rows), "a body stored twice"
    # The summary adds up the workers: every article counted once.
    assert f" {len(reference)} new" in proc.stdout
    assert "workers: 3 (3 finished)" in proc.stdout
    # scrapy-redis under this Scrapy: no deprecation or other warning in any worker.
    assert "py.warnings" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    keys = CrawlKeys(crawl_key(redis_prefix, server.url.split("/")[2]))
    redis = redis_client(redis_url)
    per_worker = [crawls.totals_of(raw) for raw in redis.hvals(keys.stats)]
    busy = [s for s in per_worker if s.get("response_received_count", 0) > 0]
    assert len(busy) >= 2, "the workers should share the pages"


def test_a_worker_killed_midway_loses_nothing(
    reference: Rows, pg_url: str, redis_url: str, redis_prefix: str, tmp_path: Path
) -> None:
    # A slow site: the crawl is still going when the kill comes.
    server = SiteServer(SITE, delay=0.2).start()
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    try:
        with (
            fresh_postgres_database(pg_url, prefix="newscrawl_kill") as db,
            out.open("w") as stdout,
            err.open("w") as stderr,
        ):
            command = _command(
                server.url,
                db,
                tmp_path,
                *_distributed(redis_url, redis_prefix, 3),
                "-s",
                "NEWSCRAWL_STORE_BATCH_SIZE=4",
            )
            crawl = subprocess.Popen(command, stdout=stdout, stderr=stderr)
            keys = CrawlKeys(crawl_key(redis_prefix, server.url.split("/")[2]))
            victim, held, before = _kill_a_busy_worker(crawl, keys, redis_url, db)
            crawl.wait(timeout=600)
            rows = _rows(db)
    finally:
        server.stop()
    output = out.read_text() + err.read_text()
    assert crawl.returncode == 0, output[-3000:]
    assert 0 < before < len(reference), "the kill should land midway"
    assert held > 0, "the killed worker held requests"
    assert rows == reference, output[-3000:]
    assert re.search(r"workers: 3 \(2 finished, 1 lost\)", output), output[-3000:]
    redis = redis_client(redis_url)
    assert crawls.totals(redis, keys).get("newscrawl/cluster/requeued", 0) >= held
    assert crawls.workers(redis, keys)[victim]["state"] == "lost"


def _kill_a_busy_worker(
    crawl: subprocess.Popen[bytes], keys: CrawlKeys, redis_url: str, db: str
) -> tuple[str, int, int]:
    """SIGKILL the worker holding the most requests once articles are being stored.

    Returns the worker's id, how many requests it held when it died, and the
    articles stored then.
    """
    redis = redis_client(redis_url)
    deadline = time.monotonic() + 120
    while True:
        assert crawl.poll() is None, "the crawl ended before the kill"
        assert time.monotonic() < deadline, "no worker got busy"
        if _stored(db) >= 4:
            held = {
                worker: int(redis.zcard(keys.leases(worker)))
                for worker, info in crawls.workers(redis, keys).items()
                if info["state"] == "running"
            }
            if held and max(held.values()) > 0:
                victim = max(held, key=lambda w: held[w])
                pid = crawls.workers(redis, keys)[victim]["pid"]
                before = _stored(db)
                os.kill(pid, signal.SIGKILL)
                time.sleep(0.2)  # dead now; the others wait 3 s before taking its requests
                return victim, int(redis.zcard(keys.leases(victim))), before
        time.sleep(0.05)
