"""Pipelines built with get_crawler and called directly; the store writes a real SQLite file."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newscrawl.items import ArticleItem
from newscrawl.pipelines.dedupe import DedupePipeline
from newscrawl.pipelines.store import StorePipeline
from newscrawl.pipelines.validate import ValidatePipeline
from newscrawl.storage.engine import make_engine
from newscrawl.storage.repository import ArticleRepository

BODY = " ".join(["The ferry timetable changes on Monday after the council vote."] * 8)


def article(n: int = 1, **fields: Any) -> ArticleItem:
    base = {
        "url": f"http://news.test/story-{n}",
        "canonical_url": f"http://news.test/story-{n}",
        "site": "news.test",
        "title": f"Story {n}",
        "authors": ["Ada Quill"],
        "published_at": "2024-12-11T13:18:00+00:00",
        "body": f"{BODY} Number {n}.",
        "word_count": len(BODY.split()) + 2,
        "content_hash": f"hash-{n}",
        "tags": ["harbour"],
        "fetched_at": "2024-12-12T00:00:00+00:00",
    }
    base.update(fields)
    return ArticleItem(**base)


def test_validate_drops_with_counted_reason() -> None:
    crawler = get_crawler(
        settings_dict={"NEWSCRAWL_MIN_WORDS": 40, "NEWSCRAWL_SINCE": "2024-12-01"}
    )
    pipeline = ValidatePipeline.from_crawler(crawler)
    assert pipeline.process_item(article()) is not None
    cases = {
        "no_title": article(title="  "),
        "no_body": article(body=""),
        "short_body": article(body="Too short.", word_count=2),
        "before_since": article(published_at="2024-11-30T23:59:00+00:00"),
    }
    for reason, item in cases.items():
        with pytest.raises(DropItem, match=reason):
            pipeline.process_item(item)
        assert crawler.stats.get_value(f"newscrawl/validate/dropped/{reason}") == 1


def test_dedupe_by_canonical_url_and_by_content() -> None:
    crawler = get_crawler()
    pipeline = DedupePipeline.from_crawler(crawler)

    async def go() -> None:
        await pipeline.process_item(article(1))
        with pytest.raises(DropItem, match="canonical"):
            await pipeline.process_item(
                article(2, canonical_url="https://www.news.test/story-1/", content_hash="other")
            )
        with pytest.raises(DropItem, match="content"):
            await pipeline.process_item(article(3, content_hash="hash-1"))
        await pipeline.process_item(article(4))

    asyncio.run(go())
    assert crawler.stats.get_value("newscrawl/dedupe/dropped_canonical") == 1
    assert crawler.stats.get_value("newscrawl/dedupe/dropped_content") == 1


def test_dedupe_keeps_another_sites_exact_copy_pointing_to_the_first() -> None:
    crawler = get_crawler()
    pipeline = DedupePipeline.from_crawler(crawler)
    copy = article(2, site="wire.test", content_hash="hash-1")
    asyncio.run(pipeline.process_item(article(1)))
    asyncio.run(pipeline.process_item(copy))
    assert copy["duplicate_of"] == "http://news.test/story-1"
    assert crawler.stats.get_value("newscrawl/dedupe/copies") == 1


def test_dedupe_drops_a_body_an_earlier_crawl_stored_at_another_url(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    _run(_store(db)[1], [article(1)])
    crawler = get_crawler(settings_dict={"NEWSCRAWL_DATABASE_URL": f"sqlite:///{db}"})
    pipeline = DedupePipeline.from_crawler(crawler)

    async def go() -> None:
        with pytest.raises(DropItem, match=r"content\) of http://news.test/story-1"):
            await pipeline.process_item(article(2, content_hash="hash-1"))
        other_site = article(3, site="wire.test", content_hash="hash-1")
        await pipeline.process_item(other_site)
        assert other_site["duplicate_of"] == "http://news.test/story-1"
        # The stored article itself, crawled again, is not a duplicate of itself.
        again = article(1)
        assert await pipeline.process_item(again) is again
        assert again.get("duplicate_of") is None

    asyncio.run(go())
    pipeline.close_spider()
    assert crawler.stats.get_value("newscrawl/dedupe/dropped_content") == 1


def test_dedupe_finds_a_body_this_crawl_kept_long_ago_in_the_database(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    crawler, store = _store(db)
    dedupe = DedupePipeline.from_crawler(crawler)
    dedupe.recent_max = 2  # only the last two bodies' first copies by name

    async def go() -> None:
        await store.open_spider()
        for n in (1, 2, 3, 4):
            await store.process_item(await dedupe.process_item(article(n)))
        await store.close_spider()
        assert len(dedupe.recent_bodies) == 2 and hash("hash-1") in dedupe.older_bodies
        with pytest.raises(DropItem, match=r"content\) of http://news.test/story-1"):
            await dedupe.process_item(article(5, content_hash="hash-1"))
        copy = article(6, site="wire.test", content_hash="hash-2")
        await dedupe.process_item(copy)
        assert copy["duplicate_of"] == "http://news.test/story-2"

    asyncio.run(go())
    dedupe.close_spider()
    assert crawler.stats.get_value("newscrawl/dedupe/dropped_content") == 1


def test_dedupe_without_a_database_keeps_every_first_copy_by_name() -> None:
    crawler = get_crawler()
    pipeline = DedupePipeline.from_crawler(crawler)
    pipeline.recent_max = 2

    async def go() -> None:
        for n in (1, 2, 3, 4):
            await pipeline.process_item(article(n))
        with pytest.raises(DropItem, match=r"content\) of http://news.test/story-1"):
            await pipeline.process_item(article(5, content_hash="hash-1"))

    asyncio.run(go())


def _store(db: Path, **settings: Any) -> tuple[Any, StorePipeline]:
    crawler = get_crawler(
        settings_dict={
            "NEWSCRAWL_DATABASE_URL": f"sqlite:///{db}",
            "NEWSCRAWL_STORE_BATCH_SIZE": 3,
            **settings,
        }
    )
    return crawler, StorePipeline.from_crawler(crawler)


def _run(pipeline: StorePipeline, items: list[ArticleItem], reason: str = "finished") -> None:
    async def go() -> None:
        await pipeline.open_spider()
        for item in items:
            with contextlib.suppress(DropItem):
                await pipeline.process_item(item)
        await pipeline.close_spider()
        await pipeline.spider_closed(spider=None, reason=reason)

    asyncio.run(go())


def _rows(db: Path) -> list[dict[str, Any]]:
    engine = make_engine(f"sqlite:///{db}")
    try:
        return list(ArticleRepository(engine).iter_articles())
    finally:
        engine.dispose()


def test_store_writes_batches_and_rerun_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "news.db"
    crawler, pipeline = _store(db)
    _run(pipeline, [article(n) for n in range(1, 8)])
    assert crawler.stats.get_value("newscrawl/store/new") == 7
    rows = _rows(db)
    assert len(rows) == 7
    assert {r["title"] for r in rows} == {f"Story {n}" for n in range(1, 8)}
    assert rows[0]["authors"] == ["Ada Quill"]

    crawler, pipeline = _store(db)
    _run(pipeline, [article(n) for n in range(1, 8)] + [article(2, title="Story 2, updated")])
    assert crawler.stats.get_value("newscrawl/store/unchanged") == 7
    assert crawler.stats.get_value("newscrawl/store/updated") == 1
    assert len(_rows(db)) == 7


def test_store_one_bad_row_does_not_lose_its_batch(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    crawler, pipeline = _store(db)
    # A title that is not text cannot be written; the rest of its batch must be.
    bad = article(2, title={"not": "text"})
    _run(pipeline, [article(1), bad, article(3)])
    assert crawler.stats.get_value("newscrawl/store/failed") == 1
    assert {r["title"] for r in _rows(db)} == {"Story 1", "Story 3"}


def test_store_caps_max_articles(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    crawler, pipeline = _store(db, NEWSCRAWL_MAX_ARTICLES=4)
    _run(pipeline, [article(n) for n in range(1, 10)], reason="closespider_itemcount")
    assert len(_rows(db)) == 4
    assert crawler.stats.get_value("newscrawl/store/over_max_articles") == 5
