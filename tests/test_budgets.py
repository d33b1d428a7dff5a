"""BudgetMiddleware: errors in a row per branch and per site, time per site (a given clock)."""

from __future__ import annotations

import pytest
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from newscrawl.faults import Refused
from newscrawl.middlewares.budgets import BudgetMiddleware, branch_key


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def budget(**kwargs: object) -> tuple[BudgetMiddleware, Clock]:
    crawler = get_crawler()
    crawler.stats.open_spider()  # type: ignore[union-attr,call-arg]
    clock = Clock()
    return BudgetMiddleware(crawler.stats, clock=clock, **kwargs), clock  # type: ignore[arg-type]


def answer(mw: BudgetMiddleware, url: str, status: int) -> None:
    request = Request(url)
    mw.process_request(request)
    mw.process_response(request, HtmlResponse(url, status=status, body=b"", request=request))


@pytest.mark.parametrize(
    ("url", "branch"),
    [
        ("http://news.test/story/123", "news.test/story/"),
        ("http://www.news.test/story/456?x=1", "news.test/story/"),
        ("http://news.test/2025/03/01/harbour-lights/", "news.test/N/N/N/"),
        ("http://news.test:8080/news/", "news.test:8080/"),
        ("http://news.test/", "news.test/"),
    ],
)
def test_branch_keys(url: str, branch: str) -> None:
    assert branch_key(url) == branch


def test_a_branch_is_dropped_after_errors_in_a_row_and_other_branches_go_on() -> None:
    mw, _ = budget(branch_errors=3, site_errors=0)
    for n in range(3):
        answer(mw, f"http://news.test/story/{n}", 404)
    with pytest.raises(Refused) as refused:
        mw.process_request(Request("http://news.test/story/99"))
    assert refused.value.reason == "branch_dropped"
    mw.process_request(Request("http://news.test/2025/03/01/harbour-lights/"))
    assert mw.stats.get_value("newscrawl/budget/branches_dropped") == 1


def test_a_success_resets_the_count() -> None:
    mw, _ = budget(branch_errors=3, site_errors=0)
    for n in range(10):
        answer(mw, f"http://news.test/story/{n}", 404 if n % 2 else 200)
    mw.process_request(Request("http://news.test/story/99"))


def test_download_errors_count_but_refusals_do_not() -> None:
    mw, _ = budget(branch_errors=2, site_errors=0)
    request = Request("http://news.test/slow/one")
    mw.process_exception(request, IgnoreRequest("Forbidden by robots.txt"))
    mw.process_exception(request, Refused("forbidden_address", "no"))
    mw.process_request(Request("http://news.test/slow/two"))
    mw.process_exception(request, DownloadTimeoutError("took too long"))
    mw.process_exception(request, DownloadTimeoutError("took too long"))
    with pytest.raises(Refused):
        mw.process_request(Request("http://news.test/slow/two"))


def test_a_missing_robots_txt_is_no_error() -> None:
    mw, _ = budget(branch_errors=1, site_errors=1)
    answer(mw, "http://news.test/robots.txt", 404)
    mw.process_request(Request("http://news.test/a"))


def test_a_site_is_dropped_after_errors_in_a_row_anywhere_on_it() -> None:
    mw, _ = budget(branch_errors=0, site_errors=4)
    for n in range(4):
        answer(mw, f"http://news.test/section-{n}/story", 500)
    with pytest.raises(Refused) as refused:
        mw.process_request(Request("http://news.test/"))
    assert refused.value.reason == "site_dropped"
    mw.process_request(Request("http://other.test/"))  # another site is not touched


def test_the_time_budget_is_per_site_from_its_first_request() -> None:
    mw, clock = budget(branch_errors=0, site_errors=0, site_time=60.0)
    mw.process_request(Request("http://news.test/"))
    clock.now += 50
    mw.process_request(Request("http://other.test/"))
    clock.now += 11
    with pytest.raises(Refused) as refused:
        mw.process_request(Request("http://news.test/a"))
    assert refused.value.reason == "site_time_budget"
    mw.process_request(Request("http://other.test/b"))  # 11 s into its own minute
    assert mw.stats.get_value("newscrawl/budget/sites_out_of_time") == 1


def test_from_crawler_reads_the_settings() -> None:
    crawler = get_crawler(
        settings_dict={
            "NEWSCRAWL_BRANCH_ERRORS": 7,
            "NEWSCRAWL_SITE_ERRORS": 0,
            "NEWSCRAWL_SITE_TIME_BUDGET": "30m",
        }
    )
    mw = BudgetMiddleware.from_crawler(crawler)
    assert (mw.branch_errors, mw.site_errors, mw.site_time) == (7, 0, 1800.0)
