"""Read HTML pages in a process pool behind the spider, on the machine's other cores.

Reading a page (page type, article extraction, links: 10-50 ms of pure Python
and lxml a page) is most of a crawl's CPU, and in one process it holds the
reactor's only thread, so downloads wait for it. This downloader middleware
hands each HTML page to :func:`newscrawl.extract.analysis.analyse_page` in a
:class:`~concurrent.futures.ProcessPoolExecutor` and passes the response on to
the spider when the analysis is back (in ``response.meta``); the reactor keeps
downloading meanwhile. The spider reads a page itself when no analysis comes
with it (no pool, a page the pool did not take, a worker that failed).

Settings: ``NEWSCRAWL_ANALYSIS_PROCESSES`` (worker processes; ``auto``: the
CPUs this process may use, divided among the ``NEWSCRAWL_WORKERS`` of a
distributed crawl on this machine, less one for the crawl's own process: one on
two CPUs, none on one; ``0``: read pages in
the crawl's own process), ``NEWSCRAWL_ANALYSIS_POOL_AFTER`` (HTML pages read in
the crawl's process before the pool starts: a crawl of a few dozen pages is
done before workers are ready), ``NEWSCRAWL_ANALYSIS_POOL_BIG_PAGE`` (an HTML page
of at least this many characters starts the pool at once: reading a page of
20,000 links holds the reactor for a second, long enough for the downloads in
flight to time out). Stats: ``newscrawl/analysis/{pool,inline_fallback}``.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector

from newscrawl.extract.analysis import PageAnalysis, analyse_page
from newscrawl.extract.feeds import is_feed
from newscrawl.extract.sitemaps import is_sitemap
from newscrawl.extract.sniff import better_encoding, binary_kind
from newscrawl.sites import SiteProfile

logger = logging.getLogger(__name__)

#: Where the analysis travels with the response to the spider.
ANALYSIS = "newscrawl_analysis"


def analysis_processes(settings: BaseSettings) -> int:
    """Worker processes the settings ask for (``auto``: the usable CPUs but one, which
    the crawl's own process needs; none on one CPU)."""
    raw = str(settings.get("NEWSCRAWL_ANALYSIS_PROCESSES", "auto")).strip().lower()
    if raw == "auto":
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        # Workers of a distributed crawl started on this machine share its CPUs.
        share = (cpus or 1) // max(1, settings.getint("NEWSCRAWL_WORKERS", 1))
        # One CPU of the share runs the crawl's own process (Scrapy, the spider,
        # the pipelines: a third of a page's CPU). On 2 CPUs, two workers beside it
        # crawled no faster than one and took 4 CPU ms a page more (contention) and
        # 175 MB more memory (bench/throughput.py, BENCHMARKS.md).
        return share - 1 if share >= 2 else 0
    try:
        count = int(raw)
    except ValueError:
        raise ValueError(
            f"NEWSCRAWL_ANALYSIS_PROCESSES must be 'auto' or a number of processes, not {raw!r}"
        ) from None
    if count < 0:
        raise ValueError(f"NEWSCRAWL_ANALYSIS_PROCESSES must be >= 0, not {count}")
    return count


def take_analysis(response: Response, html: str) -> PageAnalysis | None:
    """The pool's analysis of this very page (same URL, same text), removed from meta."""
    try:
        analysis = response.meta.pop(ANALYSIS, None)
    except AttributeError:  # a response not tied to a request (built by hand)
        return None
    if not isinstance(analysis, PageAnalysis):
        return None
    return analysis if (analysis.url, analysis.length) == (response.url, len(html)) else None


def _worker_start(crawl_pid: int) -> None:
    """In each worker: leave with the crawl, then import the extraction stack."""
    # A worker whose crawl was killed (SIGKILL, out of memory) would wait on
    # the pool's queue for ever: both ends of its pipe are in every worker.
    threading.Thread(target=_watch_crawl, args=(crawl_pid,), daemon=True).start()
    _warm_up()


def _watch_crawl(crawl_pid: int) -> None:
    while os.getppid() == crawl_pid:
        time.sleep(1.0)
    os._exit(0)


def _warm_up() -> None:
    """Import the extraction stack once per worker, not on its first page."""
    import htmldate  # noqa: F401
    import trafilatura  # noqa: F401

    from newscrawl.extract import structured

    structured._extractors()


class AnalysisMiddleware:
    """Runs :func:`analyse_page` on HTML responses in worker processes."""

    def __init__(
        self,
        crawler: Crawler,
        stats: StatsCollector,
        processes: int,
        after: int = 0,
        big_page: int = 0,
    ) -> None:
        self.crawler = crawler
        self.stats = stats
        self.processes = processes
        #: HTML pages read in the crawl's process before the pool starts.
        self.after = after
        #: Characters of HTML from which a page starts the pool at once (0: never).
        self.big_page = big_page
        self.seen = 0
        self.pool: ProcessPoolExecutor | None = None
        self.broken = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AnalysisMiddleware:
        processes = analysis_processes(crawler.settings)
        if processes == 0:
            raise NotConfigured
        assert crawler.stats is not None
        after = crawler.settings.getint("NEWSCRAWL_ANALYSIS_POOL_AFTER", 0)
        big_page = crawler.settings.getint("NEWSCRAWL_ANALYSIS_POOL_BIG_PAGE", 0)
        mw = cls(crawler, crawler.stats, processes, max(0, after), max(0, big_page))
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def _start(self, why: str) -> None:
        # Spawned, not forked: the crawl's process has threads (the store's, the
        # reactor's pools) that a fork would copy in whatever state they are.
        context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=context,
            initializer=_worker_start,
            initargs=(os.getpid(),),
        )
        logger.info(
            "Reading pages in %d worker processes from page %d on (%s)",
            self.processes,
            self.seen,
            why,
        )

    def spider_closed(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Response:
        if self.broken or response.status != 200:
            return response
        html = _html_of(response)
        if html is None:
            return response
        if self.pool is None:
            # A small crawl is over before workers would have imported the
            # extraction stack (a second or two each): it reads pages itself.
            self.seen += 1
            if self.big_page and len(html) >= self.big_page:
                # Reading it here would hold the reactor (and the downloads in
                # flight) longer than the workers take to start.
                self._start(f"{len(html):,} characters at {response.url}")
            elif self.seen <= self.after:
                return response
            else:
                self._start(f"NEWSCRAWL_ANALYSIS_POOL_AFTER={self.after}")
        assert self.pool is not None
        profile: SiteProfile | None = getattr(self.crawler.spider, "profile", None)
        try:
            future = self.pool.submit(analyse_page, html, response.url, profile)
            analysis = await asyncio.wrap_future(future)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): read pages here from now on.
            logger.error("The page analysis pool broke; reading pages in the crawl's process")
            self.broken = True
            self.pool = None
            self.stats.inc_value("newscrawl/analysis/inline_fallback")
            return response
        except Exception:
            # The spider reads the page itself and meets the same error where
            # its errors are handled (counted, logged with the URL).
            logger.debug("Analysis of %s failed in the pool", response.url, exc_info=True)
            self.stats.inc_value("newscrawl/analysis/inline_fallback")
            return response
        # The response is tied to its request only after the middlewares.
        request.meta[ANALYSIS] = analysis
        self.stats.inc_value("newscrawl/analysis/pool")
        return response


def _html_of(response: Response) -> str | None:
    """The text the spider will read as HTML (as its ``route`` decides), else None."""
    if not isinstance(response, TextResponse):
        return None
    body = response.body
    content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
    if is_sitemap(body, content_type) or is_feed(body, content_type) or binary_kind(body):
        return None
    encoding = better_encoding(body, response.encoding)
    if encoding:
        response = response.replace(encoding=encoding)
    text: Any = response.text
    if "html" not in content_type and not text.lstrip()[:200].lower().startswith(
        ("<!doctype html", "<html")
    ):
        return None
    return str(text)
