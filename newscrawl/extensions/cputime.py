"""The crawl's CPU seconds: the whole process's, and what the timed stages leave."""

from __future__ import annotations

import time

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from newscrawl.stagetime import ELSEWHERE, PREFIX, stage_seconds


class CpuTime:
    """Sets ``newscrawl/cpu/process`` (CPU seconds of the process, all threads, from
    the spider's opening to its closing) and ``newscrawl/cpu/download``: that total
    less the stages timed in this process by :class:`newscrawl.stagetime.StageClock`,
    i.e. Scrapy's engine, scheduler, downloader and middlewares, and the spider's
    routing. Stages timed in other processes (``newscrawl/cpu/elsewhere``: pages
    read in the analysis pool) are not part of the process's CPU.
    """

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats
        self.started: float | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CpuTime:
        assert crawler.stats is not None
        ext = cls(crawler.stats)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self) -> None:
        self.started = time.process_time()

    def spider_closed(self) -> None:
        if self.started is None:
            return
        total = time.process_time() - self.started
        stats = self.stats.get_stats()
        here = sum(stage_seconds(stats).values()) - float(stats.get(PREFIX + ELSEWHERE, 0.0))
        self.stats.set_value(PREFIX + "process", total)
        self.stats.set_value(PREFIX + "download", max(0.0, total - here))
