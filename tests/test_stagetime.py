"""CPU seconds per stage: the StageClock helper, and a real crawl that records them."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from scrapy.statscollectors import MemoryStatsCollector, StatsCollector
from scrapy.utils.test import get_crawler

from newscrawl.devserver import SiteServer
from newscrawl.spiders.news import NewsSpider
from newscrawl.stagetime import PREFIX, StageClock, stage_seconds
from tests.benchscripts import BENCH, bench_module


def _stats() -> StatsCollector:
    return MemoryStatsCollector(get_crawler(NewsSpider))


def _burn(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_clock_adds_cpu_seconds_of_each_block() -> None:
    stats = _stats()
    clock = StageClock(stats)
    with clock("extract"):
        _burn(0.02)
    with clock("extract"):
        _burn(0.02)
    with clock("store"):
        pass
    spent = stage_seconds(stats.get_stats())
    assert spent["extract"] >= 0.04
    assert 0 <= spent["store"] < 0.01


def test_clock_counts_its_own_thread_only() -> None:
    stats = _stats()
    clock = StageClock(stats)
    worker = threading.Thread(target=clock.timed, args=("near_duplicates", _burn, 0.05))
    with clock("classify"):
        worker.start()
        worker.join()  # waiting costs this thread no CPU
    spent = stage_seconds(stats.get_stats())
    assert spent["near_duplicates"] >= 0.05
    assert spent["classify"] < 0.02


def test_clock_without_stats_times_nothing() -> None:
    clock = StageClock(None)
    with clock("extract"):
        pass
    assert clock.timed("store", sum, [1, 2]) == 3


@pytest.mark.parametrize("pool_after", ["0", "100000"], ids=["analysis-pool", "in-process"])
def test_crawl_of_generated_site_records_stage_cpu_and_every_article(
    tmp_path: Path, pool_after: str
) -> None:
    newssite = bench_module("newssite")
    root = tmp_path / "site"
    newssite.build(root, 40)
    stats_file, db = tmp_path / "stats.json", tmp_path / "news.db"
    with SiteServer(root) as server:
        proc = subprocess.run(
            [
                sys.executable,
                str(BENCH / "crawlstats.py"),
                str(stats_file),
                server.url,
                "--db",
                f"sqlite:///{db}",
                "-s",
                "AUTOTHROTTLE_ENABLED=False",
                "-s",
                "DOWNLOAD_DELAY=0",
                "-s",
                f"NEWSCRAWL_LOCK_DIR={tmp_path}",
                "-s",
                f"NEWSCRAWL_DEAD_LETTER_DIR={tmp_path}",
                "-s",
                "NEWSCRAWL_ANALYSIS_PROCESSES=1",
                "-s",
                f"NEWSCRAWL_ANALYSIS_POOL_AFTER={pool_after}",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    assert proc.returncode == 0, proc.stderr[-3000:]
    stats = json.loads(stats_file.read_text("utf-8"))
    assert stats["newscrawl/store/new"] == 40
    spent = stage_seconds(stats)
    for stage in ("classify", "extract", "links", "follow", "near_duplicates", "store"):
        assert spent[stage] > 0, stage
    elsewhere = stats.get(PREFIX + "elsewhere", 0.0)
    if pool_after == "0":  # pages read in the pool: their stages are not this process's CPU
        assert elsewhere > 0
    else:
        assert elsewhere == 0
    here = sum(spent.values()) - elsewhere
    process, rest = stats[PREFIX + "process"], stats[PREFIX + "download"]
    assert process >= here > 0
    assert rest == pytest.approx(process - here)
