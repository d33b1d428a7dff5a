"""CPU seconds spent in each stage of a crawl, kept as stats ``newscrawl/cpu/<stage>``.

    self.cpu = StageClock(crawler.stats)
    with self.cpu("extract"):
        fields = extract_article(html, url)

The clock is the calling thread's (:func:`time.thread_time`): a stage run in a
worker thread (the store's writes, the near-duplicate check) counts its own CPU
and not the reactor's, and a stage on the reactor thread does not count what
worker threads do meanwhile. So a ``with`` block must not span an ``await`` or
a ``yield``: the CPU other code spends before it resumes would be counted too.
A block costs two reads of the thread clock (a system call, ~1.6 us each on
the project's machine) and one stats call (~5 us in Scrapy 2.19): about 10 us,
some 0.1 % of the ~60 ms of CPU a 100 KB article page takes.

Stages: ``classify`` (is it an article?), ``extract`` (article fields, and the
item), ``links`` (a page's links and feeds read), all three timed by
:func:`newscrawl.extract.analysis.analyse_page` where it ran (the analysis pool,
or the crawl's process); ``follow`` (the spider following those links, feeds
and sitemaps), ``validate``, ``dedupe``, ``near_duplicates``, ``store``.
:class:`newscrawl.extensions.cputime.CpuTime` adds the process's total and the
rest (``download``: Scrapy's engine, downloader and middlewares).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

from scrapy.statscollectors import StatsCollector

PREFIX = "newscrawl/cpu/"
#: Stats under PREFIX that are not stages: CpuTime's totals, and the stage seconds
#: spent in other processes.
ELSEWHERE = "elsewhere"
TOTALS = frozenset({"process", "download", ELSEWHERE})
P = ParamSpec("P")
R = TypeVar("R")


class StageClock:
    """Adds the CPU seconds of ``with clock(stage):`` blocks to the crawl's stats.

    Safe from any thread: the stats collector is not, so additions are locked.
    Without stats (a component built outside a crawl) it times nothing.
    """

    def __init__(self, stats: StatsCollector | None) -> None:
        self.stats = stats
        #: Seconds per stage, kept here too: each call into Scrapy 2.19's stats
        #: collector costs ~5 us (its __getattribute__ shim), so a block makes one.
        self.totals: dict[str, float] = {}
        self._lock = threading.Lock()

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        if self.stats is None:
            yield
            return
        started = time.thread_time()
        try:
            yield
        finally:
            spent = time.thread_time() - started
            with self._lock:
                total = self.totals[stage] = self.totals.get(stage, 0.0) + spent
                self.stats.set_value(PREFIX + stage, total)

    def add(self, seconds: Mapping[str, float], elsewhere: bool = False) -> None:
        """Add stage times measured by other code (:class:`PageAnalysis.cpu`).

        ``elsewhere``: measured in another process (the analysis pool), so not part
        of this process's CPU; their sum is also kept as ``newscrawl/cpu/elsewhere``.
        """
        if self.stats is None or not seconds:
            return
        with self._lock:
            for stage, spent in seconds.items():
                total = self.totals[stage] = self.totals.get(stage, 0.0) + spent
                self.stats.set_value(PREFIX + stage, total)
            if elsewhere:
                away = self.totals[ELSEWHERE] = self.totals.get(ELSEWHERE, 0.0) + sum(
                    seconds.values()
                )
                self.stats.set_value(PREFIX + ELSEWHERE, away)

    def timed(self, stage: str, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """``fn(*args, **kwargs)`` timed as ``stage``: for ``asyncio.to_thread``."""
        with self(stage):
            return fn(*args, **kwargs)


def stage_seconds(stats: dict[str, object]) -> dict[str, float]:
    """``{stage: seconds}`` of the stages timed by a :class:`StageClock` in ``stats``."""
    return {
        key.removeprefix(PREFIX): float(value)  # type: ignore[arg-type]
        for key, value in stats.items()
        if key.startswith(PREFIX) and key.removeprefix(PREFIX) not in TOTALS
    }
