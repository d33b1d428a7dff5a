"""Articles whose local time the site's clock cannot settle yet wait for it."""

from __future__ import annotations

from collections import Counter

from newscrawl.extract.article import ExtractedArticle
from newscrawl.spiders.deferral import DateDeferral

SITE = "news.test"
BODY = " ".join(["The council met on Tuesday to discuss the harbour."] * 20)


def _article(published: str, candidates: list[str] | None = None) -> ExtractedArticle:
    fields = {"title": "A story", "body": BODY, "published_raw": published}
    return ExtractedArticle(fields=fields, published_candidates=candidates or [published])


def test_a_december_time_waits_until_a_winter_pair_says_which_zone() -> None:
    stats: Counter[str] = Counter()
    deferral = DateDeferral(None, lambda key: stats.update([key]), defer_max=50)
    # A July page teaches UTC-4: New York, but also Puerto Rico (UTC-4 all year).
    summer = _article("2024-07-01T09:00:00", ["2024-07-01T09:00:00", "2024-07-01T09:00:00-04:00"])
    assert len(list(deferral.article(summer, "http://news.test/a/", SITE))) == 1
    # A December local time: UTC-5 in New York, UTC-4 in Puerto Rico. Not settled.
    december = _article("2024-12-10T19:30:00")
    assert list(deferral.article(december, "http://news.test/b/", SITE)) == []
    assert stats["dates/deferred"] == 1
    # A winter page with its offset settles it: the waiting article comes out at UTC-5.
    winter = _article("2024-12-11T09:00:00", ["2024-12-11T09:00:00", "2024-12-11T09:00:00-05:00"])
    items = list(deferral.article(winter, "http://news.test/c/", SITE))
    by_url = {item["url"]: item for item in items}
    assert set(by_url) == {"http://news.test/c/", "http://news.test/b/"}
    assert by_url["http://news.test/b/"]["published_at"] == "2024-12-11T00:30:00+00:00"
    assert not deferral.waiting


def test_what_still_waits_at_the_end_is_read_by_the_majority_of_zones() -> None:
    stats: Counter[str] = Counter()
    deferral = DateDeferral(None, lambda key: stats.update([key]), defer_max=50)
    summer = _article("2024-07-01T09:00:00", ["2024-07-01T09:00:00", "2024-07-01T09:00:00-04:00"])
    list(deferral.article(summer, "http://news.test/a/", SITE))
    list(deferral.article(_article("2024-12-10T19:30:00"), "http://news.test/b/", SITE))
    items = list(deferral.flush_all())
    assert [item["url"] for item in items] == ["http://news.test/b/"]
    assert items[0]["published_at"] is not None
    assert stats["dates/assumed_utc"] == 0  # the clock knew something: not UTC


def test_a_page_that_teaches_releases_others_even_when_it_must_wait_itself() -> None:
    stats: Counter[str] = Counter()
    deferral = DateDeferral(None, lambda key: stats.update([key]), defer_max=50)
    december = _article("2024-12-10T19:30:00")
    assert list(deferral.article(december, "http://news.test/b/", SITE)) == []  # no evidence
    # A winter pair at UTC-5 settles December; the page's own July time stays open
    # (New York is UTC-4 then, Bogota UTC-5), so it waits, but the December one goes.
    teacher = _article("2024-12-11T09:00:00", ["2024-12-11T09:00:00", "2024-12-11T09:00:00-05:00"])
    teacher.fields["modified_raw"] = "2025-07-01T10:00:00"
    items = list(deferral.article(teacher, "http://news.test/c/", SITE))
    assert [item["url"] for item in items] == ["http://news.test/b/"]
    assert items[0]["published_at"] == "2024-12-11T00:30:00+00:00"
    assert deferral.waiting  # the teacher itself


def test_what_waits_for_a_clock_that_learns_nothing_is_read_in_its_language_zone() -> None:
    stats: Counter[str] = Counter()
    deferral = DateDeferral(None, lambda key: stats.update([key]), defer_max=50)
    japanese = _article("2019-03-15T09:43:00")
    japanese.fields["language"] = "ja"
    english = _article("2019-03-15T09:43:00")
    assert list(deferral.article(japanese, "http://news.test/ja/", SITE)) == []
    assert list(deferral.article(english, "http://news.test/en/", SITE)) == []
    items = {item["url"]: item["published_at"] for item in deferral.flush_all()}
    assert items == {
        "http://news.test/ja/": "2019-03-15T00:43:00+00:00",  # Tokyo, UTC+9
        "http://news.test/en/": "2019-03-15T09:43:00+00:00",
    }
    assert stats["dates/assumed_language_zone"] == 1 and stats["dates/assumed_utc"] == 1
