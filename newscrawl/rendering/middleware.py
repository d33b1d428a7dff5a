"""Decide which requests Chromium renders: never, always, or only where static HTML fails.

A downloader middleware, so the spider keeps routing and never thinks about
browsers. Modes (``NEWSCRAWL_RENDER``; a spider's site profile ``render`` wins over
the default and the environment, ``-s NEWSCRAWL_RENDER=...`` wins over both):

- ``never``: the middleware is off; nothing is rendered.
- ``always``: every HTML page request is rendered (feeds, sitemaps, robots.txt never).
- ``auto``: pages are fetched without a browser; when one reads as needing script
  (:func:`newscrawl.extract.render_hints.needs_rendering`), it is fetched again
  rendered, as a *probe*. If the rendered page holds clearly more (more article
  links, much more text), the whole host is rendered from then on; after a few
  probes that did not help, or many pages that read fine, the host stays static.
  Decisions last for the run.

Rendered requests settle (wait for script-fetched data) and, on listings, click
"Load more" or scroll until no new link appears (:mod:`newscrawl.rendering.pages`).

Settings: ``NEWSCRAWL_RENDER`` (never | always | auto), ``NEWSCRAWL_RENDER_MAX_CLICKS``,
``NEWSCRAWL_CHROMIUM_PATH``.

Stats: ``newscrawl/render/rendered``, ``newscrawl/render/static``,
``newscrawl/render/probes``, ``newscrawl/render/decided_render``,
``newscrawl/render/decided_static``, ``newscrawl/render/useless_probes``,
``newscrawl/render/reason/<reason>``, ``newscrawl/render/unavailable``.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Request, Response
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings
from scrapy.statscollectors import StatsCollector

from newscrawl.extract.render_hints import (
    PageSignals,
    expected_kind,
    page_signals,
    reason_from_signals,
    rendering_helped,
)
from newscrawl.rendering.browser import BrowserNotFound, find_chromium
from newscrawl.rendering.pages import page_methods
from newscrawl.sites import RENDER_MODES

logger = logging.getLogger(__name__)

#: Probes of one host that did not help before the host is left static.
USELESS_PROBES_LIMIT = 3
#: Pages of one host that read fine statically before the host is no longer checked.
STATIC_CONFIDENCE = 25
#: The spider's meta key; its "kind" says what a request is expected to be.
SPIDER_META = "newscrawl"
PROBE_META = "newscrawl_render_probe"
CONTEXT_NAME = "newscrawl"
PAGE_INIT_CALLBACK = "newscrawl.rendering.pages.install_request_tracker"
#: Never rendered: a browser adds nothing to data files.
_DATA_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".json", ".txt", ".gz", ".csv", ".pdf")
_DATA_KINDS = frozenset({"feed", "sitemap"})


@dataclass
class HostState:
    """What the run has learnt about one host."""

    decision: str | None = None  # "render" | "static" | None (still watching)
    fine_pages: int = 0
    useless_probes: int = 0


def render_mode(settings: BaseSettings, spider: Any) -> str:
    """The mode for this crawl: ``-s`` beats the spider's profile beats the default."""
    mode = str(settings.get("NEWSCRAWL_RENDER") or "auto").strip().lower()
    profile = getattr(spider, "profile", None)
    from_command_line = settings.getpriority("NEWSCRAWL_RENDER") or 0
    if (
        profile is not None
        and profile.render is not None
        and from_command_line < SETTINGS_PRIORITIES["cmdline"]
    ):
        mode = str(profile.render)
    if mode not in RENDER_MODES:
        raise ValueError(f"NEWSCRAWL_RENDER must be one of {sorted(RENDER_MODES)}, not {mode!r}")
    return mode


class RenderMiddleware:
    """Marks requests for scrapy-playwright: always, or per host once static HTML failed."""

    def __init__(
        self,
        mode: str,
        stats: StatsCollector,
        *,
        max_clicks: int = 10,
        browser_error: str | None = None,
    ) -> None:
        self.mode = mode
        self.stats = stats
        self.max_clicks = max_clicks
        self.browser_error = browser_error
        self.hosts: dict[str, HostState] = {}
        self._warned_unavailable = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RenderMiddleware:
        settings = crawler.settings
        mode = render_mode(settings, crawler.spider)
        if mode == "never":
            raise NotConfigured("NEWSCRAWL_RENDER is never")
        browser_error = None
        try:
            find_chromium(settings.get("NEWSCRAWL_CHROMIUM_PATH") or None)
        except BrowserNotFound as exc:
            if mode == "always":
                raise  # rendering was asked for: stop before crawling anything
            browser_error = str(exc)
        assert crawler.stats is not None
        return cls(
            mode,
            crawler.stats,
            max_clicks=settings.getint("NEWSCRAWL_RENDER_MAX_CLICKS", 10),
            browser_error=browser_error,
        )

    # --- Scrapy hooks ------------------------------------------------------------

    def process_request(self, request: Request) -> None:
        if request.meta.get("playwright") or not _renderable(request):
            return
        wanted = self.mode == "always" or self._host(request).decision == "render"
        if wanted and self.browser_error is None:
            self._mark(request)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("playwright"):
            self._inc("rendered")
            probe = request.meta.get(PROBE_META)
            if probe is not None and isinstance(response, HtmlResponse):
                self._judge_probe(request, PageSignals(**probe), response)
            return response
        if not _renderable(request) or not isinstance(response, HtmlResponse):
            return response
        if self.mode != "auto" or response.status != 200:
            self._inc("static")
            return response
        return self._maybe_probe(request, response)

    # --- auto mode ---------------------------------------------------------------

    def _maybe_probe(self, request: Request, response: HtmlResponse) -> Request | Response:
        state = self._host(request)
        if state.decision == "static":
            self._inc("static")
            return response
        signals = page_signals(response.text, response.url)
        reason = reason_from_signals(signals, response.url, _expected(request))
        if reason is None:
            state.fine_pages += 1
            if state.decision is None and state.fine_pages >= STATIC_CONFIDENCE:
                self._decide(request, state, "static", f"{state.fine_pages} pages read fine")
            self._inc("static")
            return response
        self._inc(f"reason/{reason}")
        if self.browser_error is not None:
            self._warn_unavailable(response.url, reason)
            self._inc("unavailable")
            return response
        rendered = request.replace(dont_filter=True)
        if state.decision is None:
            rendered.meta[PROBE_META] = asdict(signals)
            self._inc("probes")
        self._mark(rendered)
        logger.debug("Rendering %s again in a browser: %s", response.url, reason)
        return rendered

    def _judge_probe(self, request: Request, static: PageSignals, response: HtmlResponse) -> None:
        state = self._host(request)
        if state.decision is not None:
            return
        rendered = page_signals(response.text, response.url, count_links=True)
        if rendering_helped(static, rendered):
            self._decide(request, state, "render", f"rendering helped on {response.url}")
            return
        state.useless_probes += 1
        self._inc("useless_probes")
        if state.useless_probes >= USELESS_PROBES_LIMIT:
            self._decide(request, state, "static", f"{state.useless_probes} probes did not help")

    def _decide(self, request: Request, state: HostState, decision: str, why: str) -> None:
        state.decision = decision
        self._inc(f"decided_{decision}")
        logger.info("Host %s: %s pages from now on (%s)", _host_of(request), decision, why)

    # --- helpers -----------------------------------------------------------------

    def _mark(self, request: Request) -> None:
        """Ask scrapy-playwright to render ``request`` and expand listings."""
        request.meta["playwright"] = True
        request.meta.setdefault("playwright_context", CONTEXT_NAME)
        request.meta["playwright_page_init_callback"] = PAGE_INIT_CALLBACK
        request.meta["playwright_page_methods"] = page_methods(
            expand=_expected(request) != "article", max_clicks=self.max_clicks
        )

    def _host(self, request: Request) -> HostState:
        return self.hosts.setdefault(_host_of(request), HostState())

    def _warn_unavailable(self, url: str, reason: str) -> None:
        if not self._warned_unavailable:
            self._warned_unavailable = True
            logger.error(
                "%s needs JavaScript (%s) but it cannot be rendered: %s",
                url,
                reason,
                self.browser_error,
            )

    def _inc(self, key: str) -> None:
        self.stats.inc_value(f"newscrawl/render/{key}")


def _host_of(request: Request) -> str:
    return (urlsplit(request.url).hostname or "").lower()


def _expected(request: Request) -> str | None:
    """What the spider expects the page to be, else what its URL suggests."""
    kind = (request.meta.get(SPIDER_META) or {}).get("kind")
    if kind in ("listing", "next"):
        return "listing"
    if kind == "article":
        return "article"
    return expected_kind(request.url)


def _renderable(request: Request) -> bool:
    """HTML page requests only: not robots.txt, feeds, sitemaps or other data files."""
    if request.method != "GET" or urlsplit(request.url).scheme not in ("http", "https"):
        return False
    if (request.meta.get(SPIDER_META) or {}).get("kind") in _DATA_KINDS:
        return False
    path = urlsplit(request.url).path.lower()
    return not path.endswith(_DATA_SUFFIXES) and not path.endswith("/robots.txt")
