"""ArticleRepository on a real SQLite file and the real PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text

from newscrawl.storage.migrate import ensure_schema
from newscrawl.storage.models import Article, ArticleRevision
from newscrawl.storage.repository import ITEM_KEYS, ArticleRepository, UpsertResult


@pytest.fixture
def engine(empty_engine: Engine) -> Engine:
    """An engine on a migrated database of its own."""
    ensure_schema(empty_engine)
    return empty_engine


@pytest.fixture
def repo(engine: Engine) -> ArticleRepository:
    return ArticleRepository(engine)


def article(n: int, **overrides: Any) -> dict[str, Any]:
    """A complete article item; ``n`` makes it distinct."""
    item: dict[str, Any] = {
        "url": f"https://news.example/a/{n}?utm_source=x",
        "canonical_url": f"https://news.example/a/{n}",
        "site": "news.example",
        "title": f"Title {n}",
        "authors": ["Zoë Zed", "Adam Able"],
        "published_at": f"2024-03-{n % 28 + 1:02d}T10:00:00+00:00",
        "published_raw": f"{n % 28 + 1} March 2024, 10:00",
        "modified_at": None,
        "modified_raw": None,
        "body": f"Body of article {n}.\n\nSecond paragraph.",
        "description": f"About {n}",
        "lead_image_url": f"https://news.example/img/{n}.jpg",
        "lead_image_caption": "A caption",
        "tags": ["politics", "europe"],
        "section": "World",
        "language": "en",
        "paywalled": False,
        "word_count": 6,
        "content_hash": f"hash-{n}",
        "duplicate_of": None,
        "fetched_at": "2024-04-01T08:30:00+00:00",
    }
    item.update(overrides)
    return item


def _scalar(engine: Engine, query: Any) -> Any:
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()


def test_a_stored_article_reads_back_equal(repo: ArticleRepository) -> None:
    item = article(1)
    assert repo.upsert_articles([item]) == UpsertResult(new=1, updated=0, unchanged=0)
    (stored,) = repo.iter_articles()
    assert list(stored) == list(ITEM_KEYS)
    assert stored == item


def test_upsert_counts_new_updated_unchanged(repo: ArticleRepository, engine: Engine) -> None:
    items = [article(n) for n in range(10)]
    assert repo.upsert_articles(items) == UpsertResult(new=10, updated=0, unchanged=0)
    assert repo.upsert_articles(items) == UpsertResult(new=0, updated=0, unchanged=10)

    items[3] = article(3, title="A corrected title")
    items[7] = article(7, body="Rewritten body.", content_hash="hash-7b")
    items[8] = article(8, modified_at="2024-04-02T09:00:00+00:00")
    result = repo.upsert_articles([*items, article(10)])
    assert result == UpsertResult(new=1, updated=3, unchanged=7)
    assert repo.count() == 11
    assert _scalar(engine, select(func.count()).select_from(ArticleRevision)) == 3


def test_an_update_keeps_the_previous_version(repo: ArticleRepository, engine: Engine) -> None:
    repo.upsert_articles([article(1)])
    repo.upsert_articles([article(1, title="New title", body="New body", content_hash="h2")])
    with engine.connect() as conn:
        revisions = conn.execute(select(ArticleRevision)).mappings().all()
    assert [(r["title"], r["body"], r["content_hash"]) for r in revisions] == [
        ("Title 1", "Body of article 1.\n\nSecond paragraph.", "hash-1")
    ]
    (stored,) = repo.iter_articles()
    assert (stored["title"], stored["body"], stored["content_hash"]) == (
        "New title",
        "New body",
        "h2",
    )


def test_unchanged_moves_only_last_crawled_at(repo: ArticleRepository, engine: Engine) -> None:
    repo.upsert_articles([article(1)])
    first = _scalar(engine, select(Article.last_crawled_at))
    # Description alone is not a change: the stored row keeps its first version.
    result = repo.upsert_articles([article(1, description="Other blurb")])
    assert result == UpsertResult(new=0, updated=0, unchanged=1)
    assert _scalar(engine, select(Article.last_crawled_at)) > first
    assert _scalar(engine, select(Article.first_seen_at)) == first
    (stored,) = repo.iter_articles()
    assert stored["description"] == "About 1"


def test_authors_and_tags_keep_their_order(repo: ArticleRepository) -> None:
    repo.upsert_articles(
        [
            article(1, authors=["Carol", "alice", "Bob"], tags=["z", "a"]),
            article(2, authors=["Bob", "Carol"], tags=["a", "z", "m"]),
        ]
    )
    stored = {item["canonical_url"]: item for item in repo.iter_articles()}
    assert stored["https://news.example/a/1"]["authors"] == ["Carol", "alice", "Bob"]
    assert stored["https://news.example/a/2"]["authors"] == ["Bob", "Carol"]
    assert stored["https://news.example/a/2"]["tags"] == ["a", "z", "m"]

    repo.upsert_articles([article(1, title="t2", authors=["Bob", "Dan", "Bob", " "], tags=[])])
    stored = {item["canonical_url"]: item for item in repo.iter_articles()}
    assert stored["https://news.example/a/1"]["authors"] == ["Bob", "Dan"]
    assert stored["https://news.example/a/1"]["tags"] == []


def test_missing_keys_are_none_and_url_stands_in_for_canonical(repo: ArticleRepository) -> None:
    result = repo.upsert_articles([{"url": "https://news.example/bare", "title": "Bare"}])
    assert result.new == 1
    (stored,) = repo.iter_articles()
    assert stored["canonical_url"] == "https://news.example/bare"
    assert stored["site"] is None
    assert stored["authors"] == []
    assert stored["published_at"] is None


def test_an_item_without_url_or_with_a_bad_date_is_rejected(repo: ArticleRepository) -> None:
    with pytest.raises(ValueError, match="url"):
        repo.upsert_articles([{"title": "no url"}])
    with pytest.raises(ValueError, match="published_at"):
        repo.upsert_articles([article(1, published_at="last Tuesday")])
    assert repo.count() == 0  # the whole call is one transaction


def test_a_repeated_url_in_one_call_applies_in_order(repo: ArticleRepository) -> None:
    result = repo.upsert_articles([article(1), article(1), article(1, title="Later")])
    assert result == UpsertResult(new=1, updated=1, unchanged=1)
    (stored,) = repo.iter_articles()
    assert stored["title"] == "Later"


def test_iter_articles_orders_filters_and_returns_utc(repo: ArticleRepository) -> None:
    plus_two = timezone(timedelta(hours=2))
    repo.upsert_articles(
        [
            article(1, published_at="2024-05-01T12:00:00+02:00", site="a.example"),
            article(2, published_at=datetime(2024, 5, 3, 9, 0, tzinfo=plus_two)),
            article(3, published_at="2024-05-02T23:30:00-05:00", site="a.example"),
            article(4, published_at=None),
            article(5, published_at="2024-04-01T00:00:00"),  # naive: taken as UTC
        ]
    )
    items = list(repo.iter_articles())
    # 2 is 07:00 UTC on 3 May, 3 is 04:30 UTC: offsets are compared, not wall times.
    assert [item["canonical_url"][-1] for item in items] == ["2", "3", "1", "5", "4"]
    assert [item["published_at"] for item in items] == [
        "2024-05-03T07:00:00+00:00",
        "2024-05-03T04:30:00+00:00",
        "2024-05-01T10:00:00+00:00",
        "2024-04-01T00:00:00+00:00",
        None,
    ]

    by_site = [i["canonical_url"][-1] for i in repo.iter_articles(site="a.example")]
    assert by_site == ["3", "1"]
    since = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
    assert [i["canonical_url"][-1] for i in repo.iter_articles(since=since)] == ["2", "3", "1"]
    naive_since = datetime(2024, 5, 1, 10, 0, 1)
    assert [i["canonical_url"][-1] for i in repo.iter_articles(since=naive_since)] == ["2", "3"]
    assert [i["canonical_url"][-1] for i in repo.iter_articles(limit=2)] == ["2", "3"]
    assert all(i["fetched_at"] == "2024-04-01T08:30:00+00:00" for i in items)


def test_iter_articles_streams_more_than_one_batch(repo: ArticleRepository) -> None:
    repo.upsert_articles([article(n, authors=[f"Author {n}"]) for n in range(1203)])
    seen = {item["canonical_url"]: item["authors"] for item in repo.iter_articles()}
    assert len(seen) == 1203
    assert seen["https://news.example/a/1202"] == ["Author 1202"]


def test_lookups_by_hash_site_and_count(repo: ArticleRepository) -> None:
    repo.upsert_articles(
        [article(1), article(2, site="b.example"), article(3, content_hash="hash-1")]
    )
    assert repo.find_by_content_hash("hash-1") == ("https://news.example/a/1", "news.example")
    assert repo.find_by_content_hash("hash-1", exclude_url="https://news.example/a/1") == (
        "https://news.example/a/3",
        "news.example",
    )
    assert repo.find_by_content_hash("nope") is None
    assert repo.known_urls() == {f"https://news.example/a/{n}" for n in (1, 2, 3)}
    assert repo.known_urls("b.example") == {"https://news.example/a/2"}
    assert repo.known_urls("unknown.example") == set()
    assert (repo.count(), repo.count("news.example"), repo.count("b.example")) == (3, 2, 1)


def test_crawl_runs_record_arguments_counts_and_status(repo: ArticleRepository) -> None:
    run_id = repo.start_run(
        spider="news",
        arguments={"start": "https://x.example/", "since": None, "path": Path("/tmp")},
    )
    running = repo.get_run(run_id)
    assert running is not None
    assert running["status"] == "running"
    assert running["finished_at"] is None
    assert running["arguments"] == {"start": "https://x.example/", "since": None, "path": "/tmp"}

    repo.finish_run(
        run_id, counts={"pages": 40, "new": 12, "failed": 1, "other": 5}, status="finished"
    )
    done = repo.get_run(run_id)
    assert done is not None
    assert (done["pages"], done["new"], done["updated"], done["failed"]) == (40, 12, 0, 1)
    assert done["status"] == "finished"
    assert done["finished_at"].endswith("+00:00")
    with pytest.raises(LookupError):
        repo.finish_run(run_id + 100, counts={}, status="finished")


def _upsert_concurrently(
    repo: ArticleRepository, batches: list[list[dict[str, Any]]]
) -> list[UpsertResult]:
    """Run one upsert per batch, each in its own thread (and pooled connection), at once."""
    barrier = threading.Barrier(len(batches))
    results: list[UpsertResult | None] = [None] * len(batches)
    errors: list[BaseException] = []

    def work(index: int) -> None:
        try:
            barrier.wait()
            results[index] = repo.upsert_articles(batches[index])
        except BaseException as exc:  # reported below, in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(batches))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return [result for result in results if result is not None]


def test_concurrent_overlapping_upserts_create_no_duplicates(
    repo: ArticleRepository, engine: Engine
) -> None:
    # Overlapping ranges, one reversed, sharing authors and tags: every kind of contention.
    for attempt in range(3):
        first = [article(n, title=f"v{attempt}") for n in range(0, 300)]
        second = [article(n, title=f"v{attempt}") for n in reversed(range(150, 450))]
        results = _upsert_concurrently(repo, [first, second])
        # Whichever writer wins each overlapping URL, each URL is new (or changed) once.
        new = sum(r.new for r in results)
        updated = sum(r.updated for r in results)
        unchanged = sum(r.unchanged for r in results)
        if attempt == 0:
            assert (new, updated, unchanged) == (450, 0, 150)
        else:
            assert (new, updated, unchanged) == (0, 450, 150)
    assert repo.count() == 450
    with engine.connect() as conn:
        dupes = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT canonical_url FROM articles "
                "GROUP BY canonical_url HAVING count(*) > 1) d"
            )
        ).scalar_one()
        authors = conn.execute(text("SELECT count(*) FROM authors")).scalar_one()
    assert dupes == 0
    assert authors == 2


def test_a_duplicate_points_to_its_original_and_reads_back_as_its_url(
    repo: ArticleRepository,
) -> None:
    original = "https://news.example/a/1"
    result = repo.upsert_articles([article(1), article(2, duplicate_of=original)])
    assert result.unresolved == []
    by_url = {item["canonical_url"]: item for item in repo.iter_articles()}
    assert by_url["https://news.example/a/2"]["duplicate_of"] == original
    assert by_url[original]["duplicate_of"] is None


def test_a_duplicate_written_before_its_original_is_resolved_later(
    repo: ArticleRepository,
) -> None:
    copy = "https://news.example/a/2"
    original = "https://news.example/a/1"
    result = repo.upsert_articles([article(2, duplicate_of=original)])
    assert result.unresolved == [(copy, original)]
    assert repo.mark_duplicates(result.unresolved) == [(copy, original)]  # still not stored

    repo.upsert_articles([article(1)])
    assert repo.mark_duplicates(result.unresolved) == []
    by_url = {item["canonical_url"]: item["duplicate_of"] for item in repo.iter_articles()}
    assert by_url == {copy: original, original: None}


def test_an_article_is_never_its_own_duplicate(repo: ArticleRepository) -> None:
    url = "https://news.example/a/1"
    repo.upsert_articles([article(1, duplicate_of=url)])
    (stored,) = repo.iter_articles()
    assert stored["duplicate_of"] is None


def test_a_changed_copy_found_original_again_loses_its_mark(repo: ArticleRepository) -> None:
    original = "https://news.example/a/1"
    signature = bytes(512)
    repo.upsert_articles([article(1), article(2, duplicate_of=original, signature=signature)])

    def mark() -> Any:
        return {i["canonical_url"]: i["duplicate_of"] for i in repo.iter_articles()}[
            "https://news.example/a/2"
        ]

    # Changed, but not checked (no signature): nothing is known, the mark stays.
    repo.upsert_articles([article(2, body="Rewritten once.", content_hash="r1")])
    assert mark() == original
    # Changed and checked, with no original found: an original again.
    repo.upsert_articles(
        [article(2, body="Rewritten twice.", content_hash="r2", signature=signature)]
    )
    assert mark() is None
