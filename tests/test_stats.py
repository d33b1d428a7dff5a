"""stats() and runs() on real SQLite files and the real PostgreSQL."""

from __future__ import annotations

from datetime import timedelta, timezone

import pytest
from sqlalchemy import Engine

from newscrawl.storage.migrate import ensure_schema
from newscrawl.storage.models import utcnow
from newscrawl.storage.queries import runs, stats
from newscrawl.storage.repository import ArticleRepository


@pytest.fixture
def engine(empty_engine: Engine) -> Engine:
    ensure_schema(empty_engine)
    return empty_engine


def _item(n: int, site: str, published: str | None) -> dict[str, object]:
    return {
        "url": f"https://{site}/{n}",
        "site": site,
        "title": f"Story {n}",
        "body": "text",
        "published_at": published,
    }


def test_stats_counts_per_site_and_per_utc_day(engine: Engine) -> None:
    today = utcnow().replace(hour=0, minute=30, second=0, microsecond=0)
    yesterday_late = today - timedelta(hours=1)  # 23:30 UTC the day before
    # 00:30 UTC today written in UTC-05:00: still today in UTC, yesterday locally.
    local = today.astimezone(timezone(timedelta(hours=-5))).isoformat()
    items = [
        _item(1, "a.test", today.isoformat()),
        _item(2, "a.test", local),
        _item(3, "a.test", yesterday_late.isoformat()),
        _item(4, "b.test", None),
        {
            **_item(5, "b.test", (today - timedelta(days=40)).isoformat()),
            "duplicate_of": "https://a.test/1",
        },
    ]
    ArticleRepository(engine).upsert_articles(items)
    summary = stats(engine, days=3)
    assert summary["articles"] == 5
    by_site = {row["site"]: row for row in summary["sites"]}
    assert by_site["a.test"]["articles"] == 3
    assert by_site["b.test"]["articles"] == 2
    assert (by_site["a.test"]["copies"], by_site["b.test"]["copies"]) == (0, 1)
    assert by_site["a.test"]["last_published"] == today.isoformat()
    assert summary["sites"][0]["site"] == "a.test"  # most articles first
    days = summary["days"]
    assert [day["day"] for day in days] == [
        (today - timedelta(days=n)).date().isoformat() for n in (2, 1, 0)
    ]
    assert [day["published"] for day in days] == [0, 1, 2]
    assert [day["collected"] for day in days] == [0, 0, 5]
    assert summary["runs"] == []


def test_runs_newest_first_with_counts(engine: Engine) -> None:
    repo = ArticleRepository(engine)
    first = repo.start_run(spider="news", arguments={"start_urls": ["https://a.test/"]})
    repo.finish_run(first, counts={"pages": 10, "new": 4, "failed": 1}, status="ok")
    second = repo.start_run(spider="news", arguments={})
    listed = runs(engine)
    assert [run["id"] for run in listed] == [second, first]
    assert listed[1]["new"] == 4
    assert listed[1]["pages"] == 10
    assert listed[1]["status"] == "ok"
    assert listed[1]["finished_at"].endswith("+00:00")
    assert listed[0]["status"] == "running"
    assert listed[0]["finished_at"] is None
    assert runs(engine, limit=1) == listed[:1]
    assert stats(engine, last_runs=1)["runs"] == listed[:1]
