"""A Scrapy extension that measures how long the reactor's thread is held.

Everything in a crawl's process waits while one callback runs: downloads in
flight, their timeouts, Retry-After waits. A tick every 50 ms records the
longest gap between ticks (``reactorlag/max_ms`` in the stats) and a watchdog
thread logs the reactor thread's stack whenever it has not ticked for
``REACTORLAG_REPORT`` seconds (default 0.7), which names the code that held it.

    .venv/bin/python bench/hostile.py --reactor-lag

A measuring aid for bench scripts: not part of newscrawl, and not in its settings.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet import task

logger = logging.getLogger(__name__)
TICK = 0.05


class ReactorLag:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.report_after = crawler.settings.getfloat("REACTORLAG_REPORT", 0.7)
        self.last = time.monotonic()
        self.longest = 0.0
        self.reactor_thread = threading.get_ident()
        self.loop: task.LoopingCall | None = None
        crawler.signals.connect(self.engine_started, signal=signals.engine_started)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReactorLag:
        return cls(crawler)

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def engine_started(self) -> None:
        self.last = time.monotonic()
        self.loop = task.LoopingCall(self._tick)
        self.loop.start(TICK)
        threading.Thread(target=self._watch, daemon=True).start()

    def spider_closed(self) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        assert self.crawler.stats is not None
        self.crawler.stats.set_value("reactorlag/max_ms", round(self.longest * 1000))

    def _watch(self) -> None:
        reported = None
        while True:
            time.sleep(TICK)
            held = time.monotonic() - self.last
            if held > self.report_after and reported != self.last:
                reported = self.last
                frame = sys._current_frames().get(self.reactor_thread)
                stack = "".join(traceback.format_stack(frame)[-8:]) if frame else "?"
                logger.warning("Reactor held for %.2f s so far, in:\n%s", held, stack)
