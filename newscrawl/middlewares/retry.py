"""Retries that honour ``Retry-After``: wait as long as the server asks, up to a cap.

Scrapy's RetryMiddleware retries a 503 at once, ``RETRY_TIMES`` times, whatever
the server said: a site that answers "503, Retry-After: 1" three times in a row
while it warms a cache is given up on after 3 quick tries, and a site that says
"come back tomorrow" is hammered three times anyway.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.settings import BaseSettings
from scrapy.utils.response import response_status_message

logger = logging.getLogger(__name__)

#: Statuses whose Retry-After means "try again later" (RFC 9110 15.6.4, RFC 6585 4).
RETRY_AFTER_STATUSES = frozenset({429, 503})


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, plus ``Retry-After`` on 429 and 503 (and on any other
    retried status that sends one, such as a 500 during maintenance).

    - ``Retry-After`` of at most ``NEWSCRAWL_RETRY_AFTER_MAX`` seconds: wait that
      long, then retry; such retries may go up to ``NEWSCRAWL_RETRY_AFTER_TIMES``
      (the server said when to come back, so it gets more patience than
      ``RETRY_TIMES``).
    - ``Retry-After`` longer than the cap: give up at once, no retry.
    - no ``Retry-After``: Scrapy's behaviour (``RETRY_TIMES``, ``RETRY_HTTP_CODES``).

    The wait holds this one request (the reactor runs on); the rest of the crawl goes on.

    Settings: ``NEWSCRAWL_RETRY_AFTER_MAX`` (seconds), ``NEWSCRAWL_RETRY_AFTER_TIMES``,
    and Scrapy's ``RETRY_*``. Stats: ``newscrawl/retry_after/waited``,
    ``newscrawl/retry_after/seconds``, ``newscrawl/retry_after/too_long``.
    """

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        # Defaults as in newscrawl.settings, for settings that lack them (get_crawler).
        self.retry_after_max = settings.getfloat("NEWSCRAWL_RETRY_AFTER_MAX", 120.0)
        self.retry_after_times = settings.getint("NEWSCRAWL_RETRY_AFTER_TIMES", 5)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        middleware = cls(crawler.settings)
        middleware.crawler = crawler
        return middleware

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        delay = retry_after_seconds(response.headers.get(b"Retry-After"))
        if delay is None:
            return super().process_response(request, response)
        reason = response_status_message(response.status)
        if delay > self.retry_after_max:
            self._inc("too_long")
            logger.info(
                "Not retrying %s: the server asks to wait %.0f s (NEWSCRAWL_RETRY_AFTER_MAX=%.0f)",
                request.url,
                delay,
                self.retry_after_max,
            )
            return response
        # Kept by the retries of this request (meta is copied): the server said when.
        request.meta.setdefault(
            "max_retry_times", max(self.retry_after_times, self.max_retry_times)
        )
        retry = self._retry(request, reason)
        if retry is None:
            return response
        self._inc("waited")
        self._inc("seconds", round(delay))
        await asyncio.sleep(delay)
        return retry

    def _inc(self, key: str, count: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newscrawl/retry_after/{key}", count)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait: delta-seconds or an HTTP date.

    None when absent or unreadable; a date in the past gives 0.
    """
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
