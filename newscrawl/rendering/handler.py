"""scrapy-playwright's download handler, started only when a page must be rendered.

The stock handler starts Playwright's driver when the engine starts, in every
crawl. Ours starts it (and finds Chromium, and launches it) on the first request
marked ``meta["playwright"]``; requests without the mark go through Scrapy's HTTP
handler as before. So a crawl that renders nothing needs no browser, costs no
start-up time, and works on machines without Chromium.

Settings: ``NEWSCRAWL_CHROMIUM_PATH`` (see :func:`newscrawl.rendering.browser.find_chromium`),
``PLAYWRIGHT_LAUNCH_OPTIONS`` (merged over our launch options) and every other
``PLAYWRIGHT_*`` setting of scrapy-playwright.

Stats: ``newscrawl/render/browser_launched``, ``newscrawl/render/pages_open_at_close``
(pages a crawl left open: must be 0), besides scrapy-playwright's ``playwright/*``.
"""

from __future__ import annotations

import asyncio
import logging

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from newscrawl.rendering.browser import find_chromium, launch_options

logger = logging.getLogger(__name__)


class LazyPlaywrightDownloadHandler(ScrapyPlaywrightDownloadHandler):
    """Renders ``meta["playwright"]`` requests in Chromium, launched on first need."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._chromium_setting: str = crawler.settings.get("NEWSCRAWL_CHROMIUM_PATH") or ""
        self._launched = False
        self._launch_lock = asyncio.Lock()
        # At spider_closed every response is in, and the stats are not dumped yet.
        crawler.signals.connect(self._count_open_pages, signals.spider_closed)

    async def _maybe_launch_in_thread(self) -> None:
        """Engine start: do nothing; the first rendered request starts Playwright."""

    async def download_request(self, request: Request) -> Response:
        if request.meta.get("playwright"):
            await self._ensure_launched()
        return await super().download_request(request)

    async def _ensure_launched(self) -> None:
        async with self._launch_lock:
            if self._launched:
                return
            # Raises BrowserNotFound with the way out; the request fails with it.
            executable = find_chromium(self._chromium_setting)
            self.config.launch_options = launch_options(executable, self.config.launch_options)
            logger.info("Starting Playwright with Chromium at %s", executable)
            await self._launch()
            self._launched = True
            self.stats.set_value("newscrawl/render/browser_launched", 1)

    def _count_open_pages(self) -> None:
        if self._launched:
            open_pages = self.open_pages()
            self.stats.set_value("newscrawl/render/pages_open_at_close", open_pages)
            if open_pages:
                logger.warning(
                    "%d rendered pages were left open at the end of the crawl", open_pages
                )

    def open_pages(self) -> int:
        """Pages open in all contexts now (0 between requests when nothing leaks)."""
        return int(self._get_total_page_count())
