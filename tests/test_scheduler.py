"""The scheduler holds at most NEWSCRAWL_QUEUE_MEMORY requests in memory, the rest on disk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from crawling import port_of, run_crawl, stored_rows
from scrapy import Request, Spider
from scrapy.utils.test import get_crawler

from newscrawl.scheduler import SpillScheduler

FIELDS = ("url", "title", "authors", "published_at", "body")


class _Spider(Spider):
    name = "queue-test"

    def parse(self, response: object) -> None:  # the callback requests are pickled with
        return None


def _scheduler(tmp_path: Path, **settings: object) -> tuple[SpillScheduler, Spider]:
    crawler = get_crawler(
        _Spider,
        {
            "SCHEDULER": "newscrawl.scheduler.SpillScheduler",
            "NEWSCRAWL_QUEUE_DIR": str(tmp_path),
            # The crawl's default (per download slot) needs a running engine; the
            # crawl test below runs it.
            "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.ScrapyPriorityQueue",
        }
        | settings,
    )
    spider = _Spider.from_crawler(crawler)
    crawler.spider = spider
    scheduler = SpillScheduler.from_crawler(crawler)
    scheduler.open(spider)
    return scheduler, spider


def _requests(spider: _Spider, count: int) -> list[Request]:
    return [
        Request(f"http://news.test/story/{n}", callback=spider.parse, priority=n % 3, meta={"n": n})
        for n in range(count)
    ]


def test_requests_past_the_limit_wait_on_disk_and_all_come_back(tmp_path: Path) -> None:
    scheduler, spider = _scheduler(tmp_path, NEWSCRAWL_QUEUE_MEMORY=3)
    for request in _requests(spider, 10):
        assert scheduler.enqueue_request(request)
    assert len(scheduler.mqs) == 3 and len(scheduler) == 10
    spill = scheduler.spill_dir
    assert spill is not None and Path(spill).parent == tmp_path and any(Path(spill).iterdir())
    popped = [scheduler.next_request() for _ in range(10)]
    assert scheduler.next_request() is None
    assert sorted(r.meta["n"] for r in popped if r is not None) == list(range(10))
    # Within each queue, higher priority first: memory's three, then disk's seven.
    memory, disk = popped[:3], popped[3:]
    for part in (memory, disk):
        priorities = [r.priority for r in part if r is not None]
        assert priorities == sorted(priorities, reverse=True)
    assert all(r is not None and r.callback == spider.parse for r in popped)
    scheduler.close("finished")
    assert not Path(spill).exists()
    stats = scheduler.stats
    assert stats is not None
    assert stats.get_value("scheduler/enqueued/memory") == 3
    assert stats.get_value("scheduler/enqueued/disk") == 7


def test_unfinished_requests_leave_no_files(tmp_path: Path) -> None:
    scheduler, spider = _scheduler(tmp_path, NEWSCRAWL_QUEUE_MEMORY=1)
    for request in _requests(spider, 5):
        scheduler.enqueue_request(request)
    scheduler.close("shutdown")
    assert list(tmp_path.iterdir()) == []


def test_zero_keeps_every_request_in_memory(tmp_path: Path) -> None:
    scheduler, spider = _scheduler(tmp_path, NEWSCRAWL_QUEUE_MEMORY=0)
    for request in _requests(spider, 5):
        scheduler.enqueue_request(request)
    assert scheduler.spill_dir is None and len(scheduler.mqs) == 5
    assert list(tmp_path.iterdir()) == []
    scheduler.close("finished")


def test_a_jobdir_is_scrapys_own_persistent_queue(tmp_path: Path) -> None:
    jobdir = tmp_path / "job"
    scheduler, spider = _scheduler(tmp_path, NEWSCRAWL_QUEUE_MEMORY=2, JOBDIR=str(jobdir))
    for request in _requests(spider, 4):
        scheduler.enqueue_request(request)
    assert scheduler.spill_dir is None and len(scheduler.mqs) == 0  # all on disk
    scheduler.close("shutdown")
    assert (jobdir / "requests.queue" / "active.json").exists()  # kept, to resume


def test_a_negative_limit_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="NEWSCRAWL_QUEUE_MEMORY"):
        _scheduler(tmp_path, NEWSCRAWL_QUEUE_MEMORY=-1)


def test_a_crawl_spilling_its_queue_stores_what_an_in_memory_one_does(tmp_path: Path) -> None:
    queue = tmp_path / "queue"
    rows = {}
    port = 0
    for limit in (0, 2):
        db = tmp_path / f"q{limit}.db"
        proc, _, url = run_crawl(
            "meridian",
            db,
            "-s",
            f"NEWSCRAWL_QUEUE_MEMORY={limit}",
            "-s",
            f"NEWSCRAWL_QUEUE_DIR={queue}",
            port=port,
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        port = port_of(url)
        disk = re.search(r"'scheduler/enqueued/disk': (\d+)", proc.stderr)
        if limit:
            assert disk and int(disk.group(1)) > 0
        else:
            assert disk is None
        rows[limit] = {r["url"]: tuple(r[f] for f in FIELDS) for r in stored_rows(db)}
    assert rows[0] and rows[2] == rows[0]
    assert list(queue.iterdir()) == []  # the temporary queue is gone
