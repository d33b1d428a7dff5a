"""SQLite faults: a file locked by another writer, a full disk, an unwritable dead letter.

Real files throughout: the lock is another connection's ``BEGIN IMMEDIATE``; a
full disk is a 1 MiB tmpfs (root only; skipped elsewhere) and, everywhere,
SQLite's own ``max_page_count`` limit, which fails writes with the same
SQLITE_FULL error.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import sqlite3
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from crawling import run_crawl, stored_rows
from scrapy.utils.test import get_crawler
from sqlalchemy import event
from test_pipelines import article

from newscrawl.cli import main
from newscrawl.items import ArticleItem
from newscrawl.pipelines.store import StorePipeline

WORDS = [f"w{n:04d}" for n in range(3000)]


def _store(db: Path, **settings: Any) -> tuple[Any, StorePipeline]:
    crawler = get_crawler(
        settings_dict={
            "NEWSCRAWL_DATABASE_URL": f"sqlite:///{db}",
            "NEWSCRAWL_STORE_BATCH_SIZE": 3,
            "NEWSCRAWL_SQLITE_BUSY_TIMEOUT": 0.05,
            "NEWSCRAWL_STORE_RETRY_DELAY": 0.01,
            **settings,
        }
    )
    return crawler, StorePipeline.from_crawler(crawler)


@contextlib.contextmanager
def write_lock(db: Path) -> Iterator[sqlite3.Connection]:
    """Another writer holding ``db``'s write lock until the block ends."""
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def _integrity(db: Path) -> str:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def _bodies(db: Path) -> dict[str, str]:
    return {row["canonical_url"]: row["body"] for row in stored_rows(db)}


def _dead(directory: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for path in sorted(directory.glob("*.jsonl"))
        for line in path.read_text().splitlines()
    ]


def _feed(pipeline: StorePipeline, items: list[ArticleItem]) -> Callable[[], Any]:
    async def go() -> None:
        for item in items:
            await pipeline.process_item(item)

    return go


def test_locked_at_start_is_one_clear_error_and_nothing_is_fetched(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    proc, _, _ = run_crawl("harbour", db)
    assert proc.returncode == 0, proc.stderr[-2000:]
    before = _bodies(db)

    with write_lock(db):
        proc, requests, _ = run_crawl(
            "harbour", db, "--full", "-s", "NEWSCRAWL_SQLITE_BUSY_TIMEOUT=0.2"
        )
    assert proc.returncode == 1
    assert "newscrawl: database error: OperationalError: database is locked" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert requests == []  # refused before the first page
    assert _integrity(db) == "ok"
    assert _bodies(db) == before


def test_locked_for_a_while_waits_then_stores(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    crawler, pipeline = _store(db, NEWSCRAWL_STORE_RETRY_TIMES=1000)
    retried = threading.Event()

    class Watch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.getMessage().startswith(
                "Database unavailable (OperationalError: database is locked"
            ):
                retried.set()

    watch = Watch()
    logging.getLogger("newscrawl.storage.writer").addHandler(watch)

    async def go() -> None:
        await pipeline.open_spider()
        with write_lock(db):
            await _feed(pipeline, [article(n) for n in range(1, 4)])()
            assert await asyncio.to_thread(retried.wait, 120), "the writer never retried"
        await pipeline.close_spider()
        await pipeline.spider_closed(spider=None, reason="finished")

    try:
        asyncio.run(go())
    finally:
        logging.getLogger("newscrawl.storage.writer").removeHandler(watch)
    assert crawler.stats.get_value("newscrawl/store/retried") >= 1
    assert crawler.stats.get_value("newscrawl/store/new") == 3
    assert crawler.stats.get_value("newscrawl/store/failed") is None


def test_locked_for_good_goes_to_the_dead_letter_and_stored_rows_stay(
    tmp_path: Path, dead_letter_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.db"
    crawler, pipeline = _store(db, NEWSCRAWL_STORE_RETRY_TIMES=1)

    async def go() -> None:
        await pipeline.open_spider()
        await _feed(pipeline, [article(n) for n in range(1, 4)])()
        await pipeline.flush()
        while pipeline._writing:
            await asyncio.gather(*pipeline._writing)
        with write_lock(db):
            await _feed(pipeline, [article(n) for n in range(4, 7)])()
            await pipeline.close_spider()
        await pipeline.spider_closed(spider=None, reason="finished")

    asyncio.run(go())
    stats = crawler.stats
    assert stats.get_value("newscrawl/store/new") == 3
    assert stats.get_value("newscrawl/store/failed") == 3
    assert stats.get_value("newscrawl/store/dead_lettered") == 3
    assert stats.get_value("newscrawl/store/error") == "OperationalError: database is locked"
    dead = _dead(dead_letter_dir)
    assert [d["article"]["title"] for d in dead] == ["Story 4", "Story 5", "Story 6"]
    assert all(d["error"] == "OperationalError: database is locked" for d in dead)
    assert _integrity(db) == "ok"
    assert sorted(_bodies(db)) == [f"http://news.test/story-{n}" for n in (1, 2, 3)]

    (path,) = dead_letter_dir.glob("*.jsonl")
    assert main(["db", "replay", str(path), "--db", f"sqlite:///{db}"]) == 0
    assert "3 articles stored (3 new, 0 updated, 0 unchanged)" in capsys.readouterr().out
    assert len(_bodies(db)) == 6


def _big_articles(count: int) -> list[ArticleItem]:
    rng = random.Random(7)
    return [
        article(n, body=" ".join(rng.choices(WORDS, k=1500)), content_hash=f"big-{n}")
        for n in range(1, count + 1)
    ]


@pytest.fixture(params=["tmpfs", "max_page_count"])
def full_disk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, Any]]:
    """``(database path, hook(pipeline))``: a database that runs out of room as it grows."""
    if request.param == "max_page_count":

        def limit(pipeline: StorePipeline) -> None:
            # Every new connection may grow the file by at most 40 pages (160 KiB).
            assert pipeline.engine is not None

            @event.listens_for(pipeline.engine, "connect")
            def _limit(dbapi_connection: Any, _record: Any) -> None:
                pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
                dbapi_connection.execute(f"PRAGMA max_page_count={pages + 40}")

            pipeline.engine.dispose()

        yield tmp_path / "news.db", limit
        return
    mount = tmp_path / "small-disk"
    mount.mkdir()
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.skip(
            f"cannot mount a 1 MiB tmpfs here ({proc.stderr.strip()}); "
            "the max_page_count variant covers a full database"
        )
    try:
        yield mount / "news.db", lambda pipeline: None
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_is_a_clear_error_and_loses_or_corrupts_nothing(
    full_disk: tuple[Path, Any], tmp_path: Path, dead_letter_dir: Path
) -> None:
    db, hook = full_disk
    items = _big_articles(150)
    crawler, pipeline = _store(db, NEWSCRAWL_STORE_BATCH_SIZE=5, NEWSCRAWL_STORE_RETRY_TIMES=1)

    async def go() -> None:
        await pipeline.open_spider()
        hook(pipeline)
        await _feed(pipeline, items)()
        await pipeline.close_spider()
        await pipeline.spider_closed(spider=None, reason="finished")

    asyncio.run(go())
    stats = crawler.stats
    assert "database or disk is full" in stats.get_value("newscrawl/store/error")
    assert stats.get_value("newscrawl/store/new") > 0
    assert (
        stats.get_value("newscrawl/store/failed")
        == stats.get_value("newscrawl/store/dead_lettered")
        > 0
    )
    assert _integrity(db) == "ok"
    sent = {item["canonical_url"]: item["body"] for item in items}
    stored = _bodies(db)
    dead = {d["article"]["canonical_url"]: d["article"]["body"] for d in _dead(dead_letter_dir)}
    assert not stored.keys() & dead.keys()
    assert {**stored, **dead} == sent  # every article whole, in one place or the other

    # Room again: a copy of the database off the small disk takes the replay.
    roomy = tmp_path / "roomy.db"
    with (
        contextlib.closing(sqlite3.connect(db)) as src,
        contextlib.closing(sqlite3.connect(roomy)) as dst,
    ):
        src.backup(dst)
    (path,) = dead_letter_dir.glob("*.jsonl")
    assert main(["db", "replay", str(path), "--db", f"sqlite:///{roomy}"]) == 0
    assert _bodies(roomy) == sent
    assert _integrity(roomy) == "ok"


def test_dead_letter_that_cannot_be_written_logs_every_lost_article(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "news.db"
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the dead-letter directory should be")
    crawler, pipeline = _store(
        db, NEWSCRAWL_STORE_RETRY_TIMES=1, NEWSCRAWL_DEAD_LETTER_DIR=str(blocker / "dead")
    )

    async def go() -> None:
        await pipeline.open_spider()
        with write_lock(db):
            await _feed(pipeline, [article(n) for n in range(1, 4)])()
            await pipeline.close_spider()
        await pipeline.spider_closed(spider=None, reason="finished")

    with caplog.at_level(logging.ERROR):
        asyncio.run(go())
    assert crawler.stats.get_value("newscrawl/store/lost") == 3
    assert crawler.stats.get_value("newscrawl/store/failed") == 3
    lost = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Lost article")]
    assert lost == [f"Lost article: http://news.test/story-{n}" for n in (1, 2, 3)]
    assert any(r.levelno == logging.CRITICAL for r in caplog.records)


def test_a_row_the_database_refuses_is_dead_lettered_with_its_error(
    tmp_path: Path, dead_letter_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.db"
    crawler, pipeline = _store(db)

    async def go() -> None:
        await pipeline.open_spider()
        await _feed(pipeline, [article(1), article(2, title={"not": "text"}), article(3)])()
        await pipeline.close_spider()
        await pipeline.spider_closed(spider=None, reason="finished")

    asyncio.run(go())
    (dead,) = _dead(dead_letter_dir)
    assert dead["article"]["title"] == {"not": "text"}
    assert "ProgrammingError" in dead["error"] or "InterfaceError" in dead["error"]
    assert crawler.stats.get_value("newscrawl/store/failed") == 1
    # Replayed, it is refused again: reported with its line, the exit code says so.
    (path,) = dead_letter_dir.glob("*.jsonl")
    assert main(["db", "replay", str(path), "--db", f"sqlite:///{db}"]) == 1
    assert "line 1: " in capsys.readouterr().out


def test_replay_reports_unreadable_lines_and_stores_the_rest(
    tmp_path: Path, dead_letter_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.db"
    _, pipeline = _store(db, NEWSCRAWL_STORE_RETRY_TIMES=0)

    async def go() -> None:
        await pipeline.open_spider()
        with write_lock(db):
            await _feed(pipeline, [article(n) for n in range(1, 4)])()
            await pipeline.close_spider()
        await pipeline.spider_closed(spider=None, reason="finished")

    asyncio.run(go())
    (path,) = dead_letter_dir.glob("*.jsonl")
    lines = path.read_text().splitlines()
    # A garbage line, and a last line cut short as by a crash mid-write.
    path.write_text("\n".join([lines[0], "not json", lines[1], lines[2][:40]]) + "\n")
    assert main(["db", "replay", str(path), "--db", f"sqlite:///{db}"]) == 1
    out = capsys.readouterr().out
    assert "2 articles stored (2 new, 0 updated, 0 unchanged)" in out
    assert "line 2: unreadable" in out
    assert "line 4: unreadable" in out
    assert sorted(_bodies(db)) == [f"http://news.test/story-{n}" for n in (1, 2)]
