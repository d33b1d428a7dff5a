"""PostgreSQL going away in the middle of a crawl: restarted, killed sessions, gone for good.

A server that is stopped runs in a private cluster (tests/pgcluster.py), never
the machine's shared one; killed sessions are this test's own database's.
"""

from __future__ import annotations

import asyncio
import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
import pytest
from crawling import FAST, SITES_DIR, port_of, run_crawl, stored_rows
from pgcluster import PASSWORD, PrivateCluster
from scrapy.utils.test import get_crawler
from sqlalchemy import text
from test_pipelines import article

from newscrawl.cli import main
from newscrawl.devserver import SiteServer
from newscrawl.pipelines.store import StorePipeline
from newscrawl.storage.engine import make_engine
from newscrawl.storage.repository import ArticleRepository
from newscrawl.storage.testing import fresh_postgres_database

pytestmark = pytest.mark.postgres

FIELDS = ("canonical_url", "title", "authors", "published_at", "modified_at", "body", "tags")
#: Generous bound on waiting for a crawl to reach a point; never a timing assertion.
PATIENCE = 180


@pytest.fixture
def reference(tmp_path: Path) -> tuple[set[tuple[str, ...]], int]:
    """The rows of an undisturbed crawl of the harbour site, and the port it was served on."""
    proc, _, url = run_crawl("harbour", tmp_path / "reference.db")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return _as_set(stored_rows(tmp_path / "reference.db")), port_of(url)


def _as_set(rows: list[dict[str, Any]]) -> set[tuple[str, ...]]:
    return {tuple(str(r[f]) for f in FIELDS) for r in rows}


def _pg_rows(url: str) -> list[dict[str, Any]]:
    engine = make_engine(url)
    try:
        return list(ArticleRepository(engine).iter_articles())
    finally:
        engine.dispose()


def _scalar(url: str, sql: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql)).scalar_one())
    finally:
        engine.dispose()


def _stored_count(cluster: PrivateCluster) -> int:
    try:
        with psycopg.connect(
            host="127.0.0.1",
            port=cluster.port,
            user="postgres",
            password=PASSWORD,
            dbname="postgres",
            connect_timeout=5,
        ) as conn:
            row = conn.execute("SELECT count(*) FROM articles").fetchone()
    except psycopg.Error:  # no table yet
        return 0
    return int(row[0]) if row else 0


class Crawl:
    """``newscrawl crawl`` of the harbour site (served slowly) into ``db``, in a subprocess."""

    def __init__(self, tmp_path: Path, port: int, db: str, *settings: str) -> None:
        self.server = SiteServer(SITES_DIR / "harbour", port=port, delay=0.1).start()
        self.stderr_path = tmp_path / "crawl.stderr"
        self.stdout_path = tmp_path / "crawl.stdout"
        command = [
            sys.executable,
            "-m",
            "newscrawl.cli",
            "crawl",
            self.server.url,
            "--db",
            db,
            *FAST,
            "-s",
            "NEWSCRAWL_STORE_BATCH_SIZE=2",
            "-v",
        ]
        for setting in settings:
            command += ["-s", setting]
        with self.stderr_path.open("w") as err, self.stdout_path.open("w") as out:
            self.proc = subprocess.Popen(command, stdout=out, stderr=err)

    def wait_for(self, condition: Any, what: str) -> None:
        deadline = time.monotonic() + PATIENCE
        while not condition():
            assert self.proc.poll() is None, f"the crawl ended before {what}: {self.stderr[-3000:]}"
            assert time.monotonic() < deadline, f"gave up waiting for {what}"
            time.sleep(0.05)

    def finish(self) -> int:
        try:
            return self.proc.wait(timeout=PATIENCE * 2)
        finally:
            self.server.stop()

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    @property
    def stdout(self) -> str:
        return self.stdout_path.read_text(errors="replace")

    def stat(self, key: str) -> int:
        found = re.search(rf"'newscrawl/{key}': (\d+)", self.stderr)
        return int(found.group(1)) if found else 0


def _dead_letter_items(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line)["article"] for line in path.read_text().splitlines()]


def test_restart_mid_crawl_retries_and_loses_or_duplicates_nothing(
    cluster: PrivateCluster,
    reference: tuple[set[tuple[str, ...]], int],
    tmp_path: Path,
    dead_letter_dir: Path,
) -> None:
    rows, port = reference
    # Retries enough to outlast any downtime this test makes; it restarts the server
    # as soon as the crawl has been seen waiting for it.
    crawl = Crawl(
        tmp_path,
        port,
        cluster.url,
        "NEWSCRAWL_STORE_RETRY_TIMES=1000",
        "NEWSCRAWL_STORE_RETRY_DELAY=0.2",
    )
    crawl.wait_for(lambda: _stored_count(cluster) >= 4, "the first batches were stored")
    cluster.stop()  # "fast": every session is ended, in-flight transactions roll back
    crawl.wait_for(lambda: "Database unavailable (" in crawl.stderr, "a write was retried")
    cluster.start()
    code = crawl.finish()

    assert code == 0, crawl.stderr[-3000:]
    assert crawl.stat("store/retried") >= 1
    assert crawl.stat("store/failed") == 0
    assert not dead_letter_dir.exists() or not any(dead_letter_dir.iterdir())
    stored = _pg_rows(cluster.url)
    assert len(stored) == len(rows)  # none lost, none twice
    assert _as_set(stored) == rows
    # A retried batch writes no revision: each article was written once, as new.
    assert _scalar(cluster.url, "SELECT count(*) FROM article_revisions") == 0
    assert _scalar(cluster.url, "SELECT count(*) FROM crawl_runs WHERE status = 'ok'") == 1


def test_gone_for_good_every_article_goes_to_the_dead_letter_and_replay_loads_them(
    cluster: PrivateCluster,
    reference: tuple[set[tuple[str, ...]], int],
    tmp_path: Path,
    dead_letter_dir: Path,
) -> None:
    rows, port = reference
    crawl = Crawl(
        tmp_path,
        port,
        cluster.url,
        "NEWSCRAWL_STORE_RETRY_TIMES=2",
        "NEWSCRAWL_STORE_RETRY_DELAY=0.05",
    )
    crawl.wait_for(lambda: _stored_count(cluster) >= 4, "the first batches were stored")
    cluster.stop()
    code = crawl.finish()

    assert code == 1  # articles were not stored: not a success
    files = list(dead_letter_dir.iterdir())
    assert len(files) == 1
    dead_file = files[0]
    assert f"written to {dead_file}" in crawl.stdout  # the summary names the file
    assert f"newscrawl db replay {dead_file}" in crawl.stdout
    assert "database error: OperationalError" in crawl.stdout
    dead = _dead_letter_items(dead_file)
    assert len(dead) == crawl.stat("store/dead_lettered") > 0
    assert len({item["canonical_url"] for item in dead}) == len(dead)

    cluster.start()
    stored = _pg_rows(cluster.url)
    # Every article is in the database or in the file (a batch whose commit went
    # through as the server died can be in both: replaying it changes nothing).
    assert _as_set(stored) | _as_set(dead) == rows
    assert len(stored) < len(rows)

    replay_url = cluster.url
    assert main(["db", "replay", str(dead_file), "--db", replay_url]) == 0
    assert _as_set(_pg_rows(cluster.url)) == rows
    assert len(_pg_rows(cluster.url)) == len(rows)
    # Replayed again: idempotent.
    assert main(["db", "replay", str(dead_file), "--db", replay_url]) == 0
    assert len(_pg_rows(cluster.url)) == len(rows)
    assert _scalar(cluster.url, "SELECT count(*) FROM article_revisions") == 0

    # The password was in the URL of every connection; it is in no output and no file.
    for secret in (PASSWORD, quote(PASSWORD, safe="")):
        assert secret not in crawl.stdout + crawl.stderr
        assert secret not in dead_file.read_text()


def test_interrupted_while_the_database_is_down_keeps_every_article(
    cluster: PrivateCluster,
    reference: tuple[set[tuple[str, ...]], int],
    tmp_path: Path,
    dead_letter_dir: Path,
) -> None:
    """Ctrl-C (SIGINT) during an outage: what was scraped is stored or in the dead letter."""
    _, port = reference
    crawl = Crawl(
        tmp_path,
        port,
        cluster.url,
        "NEWSCRAWL_STORE_RETRY_TIMES=3",
        "NEWSCRAWL_STORE_RETRY_DELAY=0.2",
    )
    crawl.wait_for(lambda: _stored_count(cluster) >= 4, "the first batches were stored")
    cluster.stop()
    crawl.wait_for(lambda: "Database unavailable (" in crawl.stderr, "a write was retried")
    crawl.proc.send_signal(signal.SIGINT)
    code = crawl.finish()

    assert code == 1
    cluster.start()
    stored = {row["canonical_url"] for row in _pg_rows(cluster.url)}
    dead = {
        item["canonical_url"] for f in dead_letter_dir.iterdir() for item in _dead_letter_items(f)
    }
    scraped = crawl.stat("store/accepted")
    assert scraped > len(stored)
    assert len(stored | dead) == scraped


def test_killed_session_mid_transaction_is_retried(pg_url: str) -> None:
    """pg_terminate_backend on the writer while it waits inside its transaction."""
    with fresh_postgres_database(pg_url) as url:
        crawler = get_crawler(
            settings_dict={
                "NEWSCRAWL_DATABASE_URL": url,
                "NEWSCRAWL_STORE_BATCH_SIZE": 3,
                "NEWSCRAWL_STORE_RETRY_TIMES": 3,
                "NEWSCRAWL_STORE_RETRY_DELAY": 0.05,
            }
        )
        pipeline = StorePipeline.from_crawler(crawler)
        database = url.rsplit("/", 1)[1]
        locker = psycopg.connect(url.replace("+psycopg", ""), autocommit=False)

        def terminate_the_waiting_writer() -> int:
            deadline = time.monotonic() + PATIENCE
            while time.monotonic() < deadline:
                row = locker.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = %s "
                    "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
                    (database,),
                ).fetchone()
                if row:
                    locker.execute("SELECT pg_terminate_backend(%s)", (row[0],))
                    return int(row[0])
                time.sleep(0.02)
            raise AssertionError("the writer never waited for the lock")

        async def go() -> None:
            await pipeline.open_spider()
            # The writer's INSERT waits for this lock, inside its transaction, until killed.
            locker.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
            for n in range(1, 4):
                await pipeline.process_item(article(n))
            await asyncio.to_thread(terminate_the_waiting_writer)
            locker.commit()
            for n in range(4, 7):
                await pipeline.process_item(article(n))
            await pipeline.close_spider()
            await pipeline.spider_closed(spider=None, reason="finished")

        try:
            asyncio.run(go())
        finally:
            locker.close()
        assert crawler.stats.get_value("newscrawl/store/retried") >= 1
        assert crawler.stats.get_value("newscrawl/store/failed") is None
        assert crawler.stats.get_value("newscrawl/store/new") == 6
        assert sorted(r["title"] for r in _pg_rows(url)) == [f"Story {n}" for n in range(1, 7)]
        assert _scalar(url, "SELECT count(*) FROM article_revisions") == 0
