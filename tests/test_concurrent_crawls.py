"""Two crawls at once into one new PostgreSQL database create no duplicate.

Both `newscrawl crawl` processes start at the same moment against the same
fixture site and an empty database: both migrate it (one waits for the
other), both store every article; the unique constraint and the upserts leave
exactly the rows that one crawl alone stores.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from newscrawl.devserver import SiteServer
from newscrawl.storage.engine import make_engine
from newscrawl.storage.queries import runs
from newscrawl.storage.testing import fresh_postgres_database
from newscrawl.storage.upsert import ARTICLE_AUTHORS, ARTICLES

SITE = Path(__file__).parent / "sites" / "meridian"

pytestmark = pytest.mark.postgres


def _crawl_command(start_url: str, db_url: str, lock_dir: Path) -> list[str]:
    # Each process gets its own lock dir: two machines crawling into one database
    # (on one machine the per-site lock would, rightly, stop the second run).
    return [
        sys.executable,
        "-m",
        "newscrawl.cli",
        "crawl",
        start_url,
        "--db",
        db_url,
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        f"NEWSCRAWL_LOCK_DIR={lock_dir}",
    ]


def _start(command: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = proc.communicate(timeout=600)
    return proc.returncode, out + err


def _stored(db_url: str) -> tuple[list[str], int, list[dict[str, object]]]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            urls = list(conn.execute(select(ARTICLES.c.canonical_url)).scalars())
            links = conn.execute(select(func.count()).select_from(ARTICLE_AUTHORS)).scalar_one()
        return urls, int(links), runs(engine)
    finally:
        engine.dispose()


def test_two_concurrent_crawls_store_each_article_once(pg_url: str, tmp_path: Path) -> None:
    server = SiteServer(SITE).start()
    try:
        with (
            fresh_postgres_database(pg_url, prefix="newscrawl_solo") as solo_db,
            fresh_postgres_database(pg_url, prefix="newscrawl_pair") as shared_db,
        ):
            code, output = _finish(_start(_crawl_command(server.url, solo_db, tmp_path / "solo")))
            assert code == 0, output[-3000:]
            alone, alone_links, _ = _stored(solo_db)

            # Both processes are running before either has touched the database.
            pair = [
                _start(_crawl_command(server.url, shared_db, tmp_path / f"machine-{n}"))
                for n in range(2)
            ]
            results = [_finish(proc) for proc in pair]
            for code, output in results:
                assert code == 0, output[-3000:]
            together, together_links, crawl_runs = _stored(shared_db)
    finally:
        server.stop()

    assert len(alone) > 10  # the site was really crawled
    assert len(together) == len(set(together)), "duplicate canonical_url rows"
    assert set(together) == set(alone)
    assert together_links == alone_links
    assert len(crawl_runs) == 2
    assert {run["status"] for run in crawl_runs} == {"ok"}
    # Every article was new to exactly one of the two crawls.
    assert sum(int(str(run["new"])) for run in crawl_runs) == len(alone)
