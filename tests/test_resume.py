"""A crawl killed with SIGKILL midway, then resumed, ends with the uninterrupted database."""

from __future__ import annotations

import contextlib
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from crawling import FAST, SITES_DIR, port_of, run_crawl, stored_rows

from newscrawl.devserver import SiteServer

FIELDS = ("canonical_url", "title", "authors", "published_at", "modified_at", "body", "tags")


def _rows(db: Path) -> set[tuple[object, ...]]:
    return {tuple(str(r[f]) for f in FIELDS) for r in stored_rows(db)}


def _stored_count(db: Path) -> int:
    """Articles in ``db`` so far, read only (the crawl is writing it)."""
    if not db.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # no table yet, or locked for a moment
        return 0


def test_sigkill_then_resume_gives_the_uninterrupted_database(tmp_path: Path) -> None:
    reference_db = tmp_path / "reference.db"
    proc, _, url = run_crawl("harbour", reference_db)
    assert proc.returncode == 0, proc.stderr[-2000:]
    reference = _rows(reference_db)
    port = port_of(url)

    db, jobdir = tmp_path / "news.db", tmp_path / "job"
    command = [
        sys.executable,
        "-m",
        "newscrawl.cli",
        "crawl",
        url,
        "--db",
        f"sqlite:///{db}",
        "--jobdir",
        str(jobdir),
        *FAST,
        "-s",
        "NEWSCRAWL_STORE_BATCH_SIZE=4",
        "-v",
    ]
    slow = SiteServer(SITES_DIR / "harbour", port=port, delay=0.05).start()
    try:
        crawl = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        # Killed once the first batches are stored: midway, whatever the start-up costs.
        while _stored_count(db) < 8 and crawl.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        crawl.send_signal(signal.SIGKILL)
        crawl.wait()
    finally:
        slow.stop()
    assert crawl.returncode == -signal.SIGKILL
    before = len(stored_rows(db))
    assert 0 < before < len(reference), "the kill should land midway"

    server = SiteServer(SITES_DIR / "harbour", port=port).start()
    try:
        resumed = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    finally:
        server.stop()
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert "'newscrawl/resume/skipped_done'" in resumed.stderr
    assert _rows(db) == reference
    assert not (jobdir / "newscrawl-run.json").exists()  # finished: the next run starts afresh
