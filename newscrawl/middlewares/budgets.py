"""Per-site budgets: errors in a row before a branch (or a site) is dropped, time per site.

A page of 20,000 links to pages that all answer 404 should cost twenty 404s,
not 20,000; a site whose every page times out should not be waited on for
hours; and no site, however large or however many traps it sets, should keep
an unattended crawl from ending.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response
from scrapy.statscollectors import StatsCollector

from newscrawl.faults import Refused, failure_reason
from newscrawl.timeparse import parse_age

logger = logging.getLogger(__name__)

_DIGITS = re.compile(r"\d+")


@dataclass
class SiteState:
    started: float
    errors_in_a_row: int = 0
    dropped: str | None = None  # the reason every further request is refused with


class BudgetMiddleware:
    """Drops a failing branch of a site, a failing site, and a site past its time.

    - A *branch* is a site plus a path pattern: the URL's parent directory with
      digit runs read as one (``/story/123`` and ``/story/456`` are one branch,
      ``/2025/03/01/a`` and ``/2024/11/30/b`` another). After
      ``NEWSCRAWL_BRANCH_ERRORS`` failed requests in a row under it (HTTP 4xx/5xx
      after retries, timeouts, refused or lost connections), its other requests
      are refused with the reason ``branch_dropped``. Any success resets the count.
    - After ``NEWSCRAWL_SITE_ERRORS`` in a row anywhere on a site, the whole site
      is dropped (``site_dropped``).
    - ``NEWSCRAWL_SITE_TIME_BUDGET`` (``30m``, ``6h``) after a site's first request,
      its requests are refused (``site_time_budget``); pages already downloading
      finish, within ``DOWNLOAD_TIMEOUT``.

    robots.txt requests and newscrawl's own refusals never count as errors. A
    site is host and port, ``www.`` ignored (as :func:`newscrawl.urls.same_site`).

    Settings: ``NEWSCRAWL_BRANCH_ERRORS``, ``NEWSCRAWL_SITE_ERRORS`` (0: no limit),
    ``NEWSCRAWL_SITE_TIME_BUDGET`` (empty: none). Stats:
    ``newscrawl/budget/branches_dropped``, ``newscrawl/budget/sites_dropped``,
    ``newscrawl/budget/sites_out_of_time``; the refused pages are counted by the
    spider under ``newscrawl/bad/<reason>``.
    """

    def __init__(
        self,
        stats: StatsCollector,
        *,
        branch_errors: int = 20,
        site_errors: int = 100,
        site_time: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stats = stats
        self.branch_errors = branch_errors
        self.site_errors = site_errors
        self.site_time = site_time
        self.clock = clock
        self.sites: dict[str, SiteState] = {}
        self.branch_failures: dict[str, int] = {}
        self.dropped_branches: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BudgetMiddleware:
        settings = crawler.settings
        # Defaults as in newscrawl.settings, for settings that lack them (get_crawler).
        age = parse_age(settings.get("NEWSCRAWL_SITE_TIME_BUDGET", "6h") or None)
        branch_errors = settings.getint("NEWSCRAWL_BRANCH_ERRORS", 20)
        site_errors = settings.getint("NEWSCRAWL_SITE_ERRORS", 100)
        if not (age or branch_errors or site_errors):
            raise NotConfigured("no budget is set")
        assert crawler.stats is not None
        return cls(
            crawler.stats,
            branch_errors=branch_errors,
            site_errors=site_errors,
            site_time=age.total_seconds() if age else None,
        )

    # --- Scrapy hooks ------------------------------------------------------------

    def process_request(self, request: Request) -> None:
        if not request.url.startswith(("http://", "https://")):
            return
        site = self._site(request.url)
        if site.dropped is None and self.site_time is not None:
            spent = self.clock() - site.started
            if spent > self.site_time:
                site.dropped = "site_time_budget"
                self.stats.inc_value("newscrawl/budget/sites_out_of_time")
                logger.warning(
                    "Site %s: time budget spent (%s, NEWSCRAWL_SITE_TIME_BUDGET); "
                    "its remaining requests are dropped",
                    site_key(request.url),
                    timedelta(seconds=round(self.site_time)),
                )
        if site.dropped is not None:
            raise Refused(site.dropped, f"{request.url}: site dropped ({site.dropped})")
        branch = branch_key(request.url)
        if branch in self.dropped_branches:
            raise Refused("branch_dropped", f"{request.url}: branch {branch} dropped")

    def process_response(self, request: Request, response: Response) -> Response:
        if _counted(request):
            if response.status >= 400:
                self._failed(request, f"http_{response.status}")
            else:
                self._succeeded(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        # IgnoreRequest: a refusal (ours, robots.txt), not something the site did.
        if _counted(request) and not isinstance(exception, IgnoreRequest):
            self._failed(request, failure_reason(exception))

    # --- bookkeeping -------------------------------------------------------------

    def _site(self, url: str) -> SiteState:
        key = site_key(url)
        state = self.sites.get(key)
        if state is None:
            state = self.sites[key] = SiteState(started=self.clock())
        return state

    def _succeeded(self, request: Request) -> None:
        self._site(request.url).errors_in_a_row = 0
        self.branch_failures.pop(branch_key(request.url), None)

    def _failed(self, request: Request, reason: str) -> None:
        site = self._site(request.url)
        site.errors_in_a_row += 1
        branch = branch_key(request.url)
        failures = self.branch_failures[branch] = self.branch_failures.get(branch, 0) + 1
        full = self.branch_errors and failures >= self.branch_errors
        if full and branch not in self.dropped_branches:
            self.dropped_branches.add(branch)
            self.stats.inc_value("newscrawl/budget/branches_dropped")
            logger.warning(
                "Dropping %s: %d errors in a row (the last: %s at %s; NEWSCRAWL_BRANCH_ERRORS)",
                branch,
                failures,
                reason,
                request.url,
            )
        if self.site_errors and site.errors_in_a_row >= self.site_errors and not site.dropped:
            site.dropped = "site_dropped"
            self.stats.inc_value("newscrawl/budget/sites_dropped")
            logger.warning(
                "Dropping site %s: %d errors in a row (the last: %s; NEWSCRAWL_SITE_ERRORS)",
                site_key(request.url),
                site.errors_in_a_row,
                reason,
            )


def site_key(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}:{parts.port}" if parts.port else host


def branch_key(url: str) -> str:
    """``host/parent/directory/`` of ``url``, digit runs as ``N``: one path pattern."""
    path = urlsplit(url).path or "/"
    parent = path.rstrip("/").rpartition("/")[0] + "/"
    return site_key(url) + _DIGITS.sub("N", parent)


def _counted(request: Request) -> bool:
    return not urlsplit(request.url).path.endswith("/robots.txt")
