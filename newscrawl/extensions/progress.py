"""A live one-line progress display for interactive crawls."""

from __future__ import annotations

import sys
from typing import TextIO

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector
from twisted.internet import task


class ProgressLine:
    """Rewrites one status line on stderr every ``NEWSCRAWL_PROGRESS_INTERVAL`` seconds.

    Off unless ``NEWSCRAWL_PROGRESS`` is true (the ``newscrawl crawl`` command
    turns it on when stderr is a terminal).
    """

    def __init__(self, stats: StatsCollector, interval: float, stream: TextIO) -> None:
        self.stats = stats
        self.interval = interval
        self.stream = stream
        self.task: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressLine:
        if not crawler.settings.getbool("NEWSCRAWL_PROGRESS"):
            raise NotConfigured
        assert crawler.stats is not None
        ext = cls(
            crawler.stats, crawler.settings.getfloat("NEWSCRAWL_PROGRESS_INTERVAL"), sys.stderr
        )
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self) -> None:
        self.task = task.LoopingCall(self.show)
        self.task.start(self.interval, now=True)

    def spider_closed(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        self.show()
        self.stream.write("\n")

    def line(self) -> str:
        get = self.stats.get_value
        stored = sum(int(get(f"newscrawl/store/{k}", 0)) for k in ("new", "updated", "unchanged"))
        dupes = int(get("newscrawl/dedupe/dropped_canonical", 0)) + int(
            get("newscrawl/dedupe/dropped_content", 0)
        )
        return (
            f"pages {int(get('response_received_count', 0))}"
            f" | articles {stored} (new {int(get('newscrawl/store/new', 0))})"
            f" | duplicates {dupes}"
            f" | queued {int(get('scheduler/enqueued', 0)) - int(get('scheduler/dequeued', 0))}"
        )

    def show(self) -> None:
        self.stream.write("\r\x1b[2K" + self.line())
        self.stream.flush()
