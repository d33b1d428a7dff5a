"""Scrapyd: schedule the news spider through its HTTP API and find the articles in the database.

Scrapyd runs newscrawl as installed in its environment, named in the
``[settings]`` section of a ``scrapy.cfg`` in its working directory: no egg (an egg is a zip, and
Alembic reads its migration scripts from the package directory).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from crawling import SITES_DIR, stored_rows

from newscrawl.devserver import SiteServer

SCRAPYD = Path(sys.executable).with_name("scrapyd")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _call(base: str, endpoint: str, data: list[tuple[str, str]] | None = None) -> Any:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{endpoint}", data=body, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture
def scrapyd(tmp_path: Path) -> Any:
    if not SCRAPYD.exists():
        pytest.skip("scrapyd is not installed (pip install -e '.[dev]')")
    port = _free_port()
    # Scrapyd reads its [scrapyd] section from scrapy.cfg too, and the Scrapy it
    # launches finds the project in the same file's [settings] section.
    (tmp_path / "scrapy.cfg").write_text(
        "[scrapyd]\nbind_address = 127.0.0.1\n"
        f"http_port = {port}\npoll_interval = 0.2\n"
        "logs_dir = logs\ndbs_dir = dbs\neggs_dir = eggs\nitems_dir =\n"
        "[settings]\nnewscrawl = newscrawl.settings\n",
        encoding="utf-8",
    )
    log = (tmp_path / "scrapyd.log").open("w")
    proc = subprocess.Popen([str(SCRAPYD)], cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if _call(base, "daemonstatus.json")["status"] == "ok":
                    break
            except OSError:
                assert proc.poll() is None, (tmp_path / "scrapyd.log").read_text()
                assert time.monotonic() < deadline, "scrapyd did not start"
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def test_schedule_the_news_spider_through_scrapyd(scrapyd: str, tmp_path: Path) -> None:
    assert "newscrawl" in _call(scrapyd, "listprojects.json")["projects"]
    assert "news" in _call(scrapyd, "listspiders.json?project=newscrawl")["spiders"]
    db = tmp_path / "news.db"
    server = SiteServer(SITES_DIR / "meridian").start()
    try:
        job = _call(
            scrapyd,
            "schedule.json",
            [
                ("project", "newscrawl"),
                ("spider", "news"),
                ("start_urls", server.url),
                ("setting", f"NEWSCRAWL_DATABASE_URL=sqlite:///{db}"),
                ("setting", "AUTOTHROTTLE_ENABLED=False"),
                ("setting", "DOWNLOAD_DELAY=0"),
            ],
        )
        assert job["status"] == "ok", job
        deadline = time.monotonic() + 180
        while True:
            jobs = _call(scrapyd, "listjobs.json?project=newscrawl")
            if any(j["id"] == job["jobid"] for j in jobs["finished"]):
                break
            assert time.monotonic() < deadline, jobs
            time.sleep(0.5)
    finally:
        server.stop()
    expected = json.loads((SITES_DIR / "meridian" / "_expected.json").read_text(encoding="utf-8"))
    assert len(stored_rows(db)) == len(expected["articles"])
