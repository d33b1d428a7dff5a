"""RetryAfterMiddleware: Retry-After honoured up to a cap; Scrapy's retries otherwise."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.spiders import Spider
from scrapy.utils.test import get_crawler

from newscrawl.middlewares.retry import RetryAfterMiddleware, retry_after_seconds


def middleware(**settings: object) -> RetryAfterMiddleware:
    crawler = get_crawler(Spider, settings_dict={"RETRY_TIMES": 1, **settings})
    crawler.spider = crawler._create_spider("test")
    crawler.stats.open_spider()  # type: ignore[union-attr,call-arg]
    return RetryAfterMiddleware.from_crawler(crawler)


def respond(
    mw: RetryAfterMiddleware, request: Request, status: int, retry_after: str | None
) -> Request | Response:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    response = HtmlResponse(request.url, status=status, headers=headers, request=request)
    return asyncio.run(mw.process_response(request, response))


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("1", 1.0),
        (b"120", 120.0),
        (" 30 ", 30.0),
        ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0),
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),  # in the past
        ("soon", None),
        ("-5", None),
        (None, None),
    ],
)
def test_retry_after_values(value: str | bytes | None, seconds: float | None) -> None:
    now = datetime(2015, 10, 21, 7, 28, tzinfo=UTC)
    assert retry_after_seconds(value, now=now) == seconds


def test_a_short_retry_after_is_waited_for_more_times_than_retry_times() -> None:
    mw = middleware(NEWSCRAWL_RETRY_AFTER_MAX=5, NEWSCRAWL_RETRY_AFTER_TIMES=3)
    request = Request("http://news.test/busy")
    for attempt in range(1, 4):
        retry = respond(mw, request, 503, "0")
        assert isinstance(retry, Request), attempt
        assert retry.meta["retry_times"] == attempt
        request = retry
    final = respond(mw, request, 503, "0")
    assert isinstance(final, HtmlResponse) and final.status == 503
    assert mw.crawler.stats.get_value("newscrawl/retry_after/waited") == 3  # type: ignore[union-attr]


def test_a_retry_after_over_the_cap_is_given_up_at_once() -> None:
    mw = middleware(NEWSCRAWL_RETRY_AFTER_MAX=60)
    result = respond(mw, Request("http://news.test/maintenance"), 503, "86400")
    assert isinstance(result, HtmlResponse)
    assert mw.crawler.stats.get_value("newscrawl/retry_after/too_long") == 1  # type: ignore[union-attr]


def test_without_retry_after_scrapy_retries_retry_times() -> None:
    mw = middleware()
    retry = respond(mw, Request("http://news.test/flaky"), 500, None)
    assert isinstance(retry, Request)
    assert isinstance(respond(mw, retry, 500, None), HtmlResponse)


def test_a_404_is_not_retried_whatever_it_says() -> None:
    mw = middleware()
    assert isinstance(respond(mw, Request("http://news.test/gone"), 404, "1"), HtmlResponse)
