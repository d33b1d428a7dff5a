"""Scrapy's duplicate-request filter, remembering 8 bytes of each request's fingerprint.

Scrapy's :class:`~scrapy.dupefilters.RFPDupeFilter` keeps every fingerprint (20
bytes) in a Python set, about 130 bytes a request: 13 MB for a 100,000-article
sitemap, growing with the crawl. :class:`CompactDupeFilter` keeps the first 8
bytes of each in a :class:`~newscrawl.hashset.HashSet`, about 8 bytes a request.
Two requests of one crawl share 8 bytes of fingerprint with odds of about 1 in
10^8 at a million requests (the later one would then not be fetched), the odds
:class:`~newscrawl.spiders.frontier.SeenSet` accepts for URLs already.

With a ``JOBDIR`` it is Scrapy's own filter: the job directory's
``requests.seen`` file needs whole fingerprints to resume. Settings:
``DUPEFILTER_CLASS`` (this class by default), ``DUPEFILTER_DEBUG``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.dupefilters import BaseDupeFilter, RFPDupeFilter
from scrapy.utils.job import job_dir
from scrapy.utils.request import referer_str

from newscrawl.hashset import HashSet

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.utils.request import RequestFingerprinterProtocol

logger = logging.getLogger(__name__)


class CompactDupeFilter(BaseDupeFilter):
    """Filters requests whose fingerprint's first 8 bytes this crawl has seen."""

    def __init__(self, fingerprinter: RequestFingerprinterProtocol, debug: bool = False) -> None:
        self.fingerprinter = fingerprinter
        self.debug = debug
        self.logdupes = True
        self._seen = HashSet()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BaseDupeFilter:  # type: ignore[override]
        if job_dir(crawler.settings):
            return RFPDupeFilter.from_crawler(crawler)
        assert crawler.request_fingerprinter is not None
        return cls(crawler.request_fingerprinter, crawler.settings.getbool("DUPEFILTER_DEBUG"))

    def __len__(self) -> int:
        return len(self._seen)

    def request_seen(self, request: Request) -> bool:
        fingerprint = self.fingerprinter.fingerprint(request)
        return not self._seen.add(int.from_bytes(fingerprint[:8], "big", signed=True))

    def log(self, request: Request, spider: Spider) -> None:
        # As RFPDupeFilter logs: every duplicate with DUPEFILTER_DEBUG, else the first.
        if self.debug:
            logger.debug(
                "Filtered duplicate request: %(request)s (referer: %(referer)s)",
                {"request": request, "referer": referer_str(request)},
                extra={"spider": spider},
            )
        elif self.logdupes:
            logger.debug(
                "Filtered duplicate request: %(request)s - no more duplicates will be shown"
                " (see DUPEFILTER_DEBUG to show all duplicates)",
                {"request": request},
                extra={"spider": spider},
            )
            self.logdupes = False
