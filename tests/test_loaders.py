"""build_item / ArticleLoader: extracted raw values -> a complete, normalised ArticleItem."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from newscrawl.extract.article import ExtractedArticle, extract_article
from newscrawl.items import ARTICLE_FIELDS, ArticleItem
from newscrawl.loaders import ArticleLoader, build_item
from newscrawl.processors.text import content_hash

DATA = Path(__file__).parent / "data" / "extract"
URL = "https://courier.example/news/harbour-cranes-return?utm_source=rss"
FETCHED = datetime(2024, 12, 12, 8, 0, tzinfo=UTC)


def newsdesk_item(**changes: str) -> ArticleItem:
    html = (DATA / "newsdesk_article.html").read_text(encoding="utf-8")
    for old, new in changes.items():
        html = html.replace(old, new)
    extracted = extract_article(html, URL)
    return build_item(
        extracted, url=URL, site="courier", timezone="Europe/Kyiv", fetched_at=FETCHED
    )


def test_item_has_every_field_normalised() -> None:
    item = newsdesk_item()
    assert set(item.keys()) == set(ARTICLE_FIELDS)
    assert item["url"] == URL
    assert item["site"] == "courier"
    assert item["title"] == "Harbour cranes return to work after winter storm"
    assert item["authors"] == ["Boldizsar Gyori", "The Kyiv Independent news desk"]
    assert item["published_at"] == "2024-12-11T13:18:00+00:00"
    assert item["published_raw"] == "2024-12-11T15:18:00+02:00"
    assert item["modified_at"] is None
    assert item["language"] == "en"
    assert item["tags"] == ["port", "weather"]
    assert item["word_count"] == len(item["body"].split())
    assert item["content_hash"] == content_hash(item["body"])
    assert item["fetched_at"] == "2024-12-12T08:00:00+00:00"
    assert item["paywalled"] is False  # no paywall signal: open


def test_visible_date_is_read_in_the_site_time_zone() -> None:
    item = newsdesk_item(**{"article:published_time": "x-unused"})
    assert item["published_raw"] == "December 11, 2024 3:18 PM"
    assert item["published_at"] == "2024-12-11T13:18:00+00:00"  # Kyiv is UTC+2 in December


def test_canonical_url_same_host_is_canonicalised() -> None:
    item = newsdesk_item()
    # Declared canonical (same host) with its tracking parameter removed.
    assert item["canonical_url"] == "https://courier.example/news/harbour-cranes-return"


def test_canonical_url_on_another_host_is_ignored() -> None:
    item = newsdesk_item(
        **{
            "https://courier.example/news/harbour-cranes-return?utm_source=feed": (
                "https://aggregator.example/copy/123"
            )
        }
    )
    assert item["canonical_url"] == "https://courier.example/news/harbour-cranes-return"


def test_naive_fetched_at_is_taken_as_utc_and_aware_is_converted() -> None:
    extracted = ExtractedArticle(fields={"title": "T"}, sources={})
    naive = build_item(
        extracted, url="https://a.example/x", site="a", fetched_at=datetime(2024, 1, 1, 12)
    )
    assert naive["fetched_at"] == "2024-01-01T12:00:00+00:00"
    kyiv = timezone(timedelta(hours=2))
    aware = build_item(
        extracted,
        url="https://a.example/x",
        site="a",
        fetched_at=datetime(2024, 1, 1, 12, tzinfo=kyiv),
    )
    assert aware["fetched_at"] == "2024-01-01T10:00:00+00:00"
    assert aware["authors"] == [] and aware["tags"] == []
    assert aware["body"] is None and aware["word_count"] == 0 and aware["content_hash"] is None


def test_loader_declarations_apply_processors() -> None:
    loader = ArticleLoader(timezone="UTC")
    loader.add_value("authors", ["By Jane Doe and John Roe", "jane doe", "@someone"])
    loader.add_value("title", "  Caf&eacute;  ")
    loader.add_value("published_at", ["not a date", "2024-02-03T04:05:06+01:00"])
    loader.add_value("language", "pt-BR")
    loader.add_value("paywalled", "false")
    item = loader.load_item()
    assert item["authors"] == ["Jane Doe", "John Roe"]
    assert item["title"] == "Café"
    assert item["published_at"] == "2024-02-03T03:05:06+00:00"
    assert item["language"] == "pt"
    assert item["paywalled"] is False
