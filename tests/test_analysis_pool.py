"""Pages read in worker processes store exactly what pages read in the crawl's process do."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crawling import SITES_DIR, port_of, run_crawl, stored_rows
from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings

from newscrawl.devserver import SiteServer
from newscrawl.extract.analysis import analyse_page
from newscrawl.middlewares.analysis import ANALYSIS, analysis_processes, take_analysis

FIELDS = ("url", "title", "authors", "published_at", "body", "lead_image_url", "section")


def _crawl(
    tmp_path: Path, processes: int, port: int = 0
) -> tuple[dict[str, tuple[object, ...]], str, int]:
    db = tmp_path / f"p{processes}.db"
    setting = f"NEWSCRAWL_ANALYSIS_PROCESSES={processes}"
    # The pool from the tenth page on: pages read before it and in it.
    after = "NEWSCRAWL_ANALYSIS_POOL_AFTER=10"
    proc, _, url = run_crawl("meridian", db, "-s", setting, "-s", after, port=port)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = {row["url"]: tuple(row[f] for f in FIELDS) for row in stored_rows(db)}
    return rows, proc.stderr, port_of(url)


def test_pool_stores_what_the_crawl_process_stores(tmp_path: Path) -> None:
    inline, inline_log, port = _crawl(tmp_path, 0)
    pooled, pooled_log, _ = _crawl(tmp_path, 2, port)
    assert inline and pooled == inline
    assert "newscrawl/analysis/pool" not in inline_log
    found = re.search(r"'newscrawl/analysis/pool': (\d+)", pooled_log)
    # Every HTML page went through the pool (feeds and sitemaps do not).
    pages = re.search(r"'response_received_count': (\d+)", pooled_log)
    assert found and pages and 0 < int(found.group(1)) <= int(pages.group(1))
    assert "inline_fallback" not in pooled_log


def test_a_big_page_starts_the_pool_at_once(tmp_path: Path) -> None:
    # Every page counts as big here; no page count would start the pool before the end.
    db = tmp_path / "big.db"
    settings = ["NEWSCRAWL_ANALYSIS_PROCESSES=1", "NEWSCRAWL_ANALYSIS_POOL_AFTER=100000"]
    settings.append("NEWSCRAWL_ANALYSIS_POOL_BIG_PAGE=1000")
    proc, _, _ = run_crawl("meridian", db, *(f for s in settings for f in ("-s", s)))
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert re.search(
        r"Reading pages in 1 worker processes from page 1 on \([\d,]+ characters at ", proc.stderr
    )
    found = re.search(r"'newscrawl/analysis/pool': (\d+)", proc.stderr)
    assert found and int(found.group(1)) > 0 and stored_rows(db)


@pytest.mark.parametrize(("raw", "expected"), [("0", 0), ("3", 3), (" 1 ", 1), (2, 2)], ids=str)
def test_processes_setting(raw: object, expected: int) -> None:
    assert analysis_processes(Settings({"NEWSCRAWL_ANALYSIS_PROCESSES": raw})) == expected


def test_processes_auto_leaves_one_cpu_machines_alone() -> None:
    count = analysis_processes(Settings({"NEWSCRAWL_ANALYSIS_PROCESSES": "auto"}))
    cpus = len(os.sched_getaffinity(0))
    assert count == cpus - 1  # one CPU for the crawl's own process; none on one CPU
    shared = Settings({"NEWSCRAWL_ANALYSIS_PROCESSES": "auto", "NEWSCRAWL_WORKERS": 2})
    assert analysis_processes(shared) == max(0, cpus // 2 - 1)


@pytest.mark.parametrize("raw", ["-1", "many", "1.5"])
def test_bad_processes_setting_is_a_clear_error(raw: str) -> None:
    with pytest.raises(ValueError, match="NEWSCRAWL_ANALYSIS_PROCESSES"):
        analysis_processes(Settings({"NEWSCRAWL_ANALYSIS_PROCESSES": raw}))


def _article() -> tuple[str, str]:
    path = next((SITES_DIR / "meridian").rglob("*.html"))
    html = path.read_text(encoding="utf-8").replace("{{ORIGIN}}", "http://news.test")
    return html, "http://news.test/" + path.relative_to(SITES_DIR / "meridian").as_posix()


def test_analysis_survives_pickling() -> None:
    html, url = _article()
    analysis = analyse_page(html, url)
    assert pickle.loads(pickle.dumps(analysis)) == analysis
    assert analysis.links


def test_an_analysis_of_another_text_is_not_used() -> None:
    html, url = _article()
    request = Request(url, meta={ANALYSIS: analyse_page(html + " ", url)})
    response = HtmlResponse(url, body=html.encode(), encoding="utf-8", request=request)
    assert take_analysis(response, response.text) is None
    assert ANALYSIS not in request.meta
    request.meta[ANALYSIS] = analyse_page(html, url)
    assert take_analysis(response, response.text) is not None


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads processes from /proc")
def test_workers_leave_with_a_killed_crawl(tmp_path: Path) -> None:
    server = SiteServer(SITES_DIR / "meridian").start()
    command = [sys.executable, "-m", "newscrawl.cli", "crawl", server.url]
    command += ["--db", f"sqlite:///{tmp_path / 'news.db'}", "-s", "AUTOTHROTTLE_ENABLED=False"]
    command += ["-s", "DOWNLOAD_DELAY=0.5", "-s", "NEWSCRAWL_ANALYSIS_PROCESSES=2"]
    command += ["-s", "NEWSCRAWL_ANALYSIS_POOL_AFTER=1"]
    crawl = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        # ProcessPoolExecutor starts a worker when a page finds none idle (spawn
        # context, Python 3.9+): with pages half a second apart, one may do them all.
        while not workers and time.monotonic() < deadline and crawl.poll() is None:
            time.sleep(0.2)
            workers = {p for p in _children(crawl.pid) if "spawn_main" in _cmdline(p)}
        assert workers, "the pool did not start"
        crawl.kill()
        crawl.wait()
        deadline = time.monotonic() + 15
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [p for p in workers if _alive(p)]
    finally:
        if crawl.poll() is None:
            crawl.kill()
        server.stop()


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""
