"""The zone a page's language implies, and the loader reading naive times in it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newscrawl.extract.article import ExtractedArticle
from newscrawl.extract.siteclock import SiteClock
from newscrawl.loaders import build_item
from newscrawl.processors.zones import language_zone


@pytest.mark.parametrize(
    ("language", "zone"),
    [
        ("ja", "Asia/Tokyo"),
        ("ja-JP", "Asia/Tokyo"),
        ("zh-Hant-TW", "Asia/Shanghai"),  # UTC+8 like all Chinese-writing places
        ("de_AT", "Europe/Vienna"),
        ("pt-BR", "America/Sao_Paulo"),
        ("en-GB", "Europe/London"),
        ("sv-FI", "Europe/Helsinki"),  # the country, where it has one zone
        (" UK ", "Europe/Kyiv"),
    ],
)
def test_one_zone_languages_and_countries(language: str, zone: str) -> None:
    assert language_zone(language) == zone


@pytest.mark.parametrize("language", ["en", "en-US", "es-MX", "fr-CA", "ru", "ar", "", None, 7])
def test_languages_written_in_many_zones_give_none(language: object) -> None:
    assert language_zone(language) is None


def _item(language: str | None, raw: str, **kwargs: object) -> str | None:
    extracted = ExtractedArticle(fields={"language": language, "published_raw": raw}, sources={})
    item = build_item(
        extracted,
        url="https://a.example/x",
        site="a",
        fetched_at=datetime(2026, 1, 1, tzinfo=UTC),
        **kwargs,  # type: ignore[arg-type]
    )
    return item["published_at"]


def test_a_naive_time_is_read_in_the_language_zone() -> None:
    assert _item("ja", "2019年3月15日 09:43") == "2019-03-15T00:43:00+00:00"
    assert _item("de", "13. Dezember 2024, 17.30 Uhr") == "2024-12-13T16:30:00+00:00"
    assert _item("en", "December 13, 2024 5:30 PM") == "2024-12-13T17:30:00+00:00"  # no guess
    # A stated offset is the page's own word.
    assert _item("ja", "2019-03-15T09:43:00+00:00") == "2019-03-15T09:43:00+00:00"


def test_a_profile_zone_and_the_site_clock_come_before_the_language() -> None:
    assert _item("ja", "2019-03-15 09:43", timezone="UTC") == "2019-03-15T09:43:00+00:00"
    clock = SiteClock()  # a site whose pages print 10:00 for 09:00 UTC in March: CET
    assert clock.observe(datetime(2019, 3, 14, 10), datetime(2019, 3, 14, 9, tzinfo=UTC))
    assert _item("ja", "2019-03-15 09:43", clock=clock) == "2019-03-15T08:43:00+00:00"
