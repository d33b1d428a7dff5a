"""Storage throughput: the store pipeline and the repository beside a plain Core insert.

Writes N synthetic articles (3 authors, 4 tags and a ~600-word body each) in
batches, on a fresh SQLite file and a fresh PostgreSQL database (both at the
newest schema, full-text index included), and prints articles per second for:

- pipeline, new: the items through the real ``StorePipeline`` (built with
  ``scrapy.utils.test.get_crawler``; open, process_item, close), which writes
  in a worker thread, ``--batch`` items per write, into a fresh database;
- upsert, all new; upsert again, all unchanged; upsert, every title changed
  (a revision row per article): ``ArticleRepository.upsert_articles`` alone;
- a plain SQLAlchemy Core ``INSERT`` of the same article rows (no authors/tags
  links, no conflict handling), in a fresh database: the floor to compare with.

``--text repetitive`` (default) bodies repeat 14 words, so the full-text index
sees few distinct words; ``--text zipf`` bodies are 300-900 words drawn with a
Zipf distribution from a 50,000-word vocabulary (bench/search_latency.py), as
real text is: far more distinct words per article for the index to store.

Usage::

    .venv/bin/python bench/store_throughput.py [-n 20000] [--batch 500]
        [--text repetitive|zipf]
        [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test | --no-pg]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from scrapy.utils.test import get_crawler
from search_latency import ZipfText
from search_latency import articles as zipf_articles
from sqlalchemy import Engine, Table

from newscrawl.pipelines.store import StorePipeline
from newscrawl.storage.engine import make_engine
from newscrawl.storage.migrate import ensure_schema
from newscrawl.storage.models import Article, utcnow
from newscrawl.storage.repository import ArticleRepository
from newscrawl.storage.testing import fresh_postgres_database
from newscrawl.storage.upsert import ARTICLE_COLUMNS, parse_datetime

DEFAULT_PG = os.environ.get(
    "NEWSCRAWL_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
WORDS = [
    "the",
    "council",
    "said",
    "on",
    "monday",
    "that",
    "the",
    "new",
    "budget",
    "would",
    "fund",
    "schools",
    "and",
    "roads",
]


def synthetic(n: int, title_suffix: str = "") -> list[dict[str, Any]]:
    """``n`` distinct article items, shaped like the crawler's."""
    body = " ".join(WORDS[i % len(WORDS)] for i in range(600))
    return [
        {
            "url": f"https://bench{i % 5}.example/news/{i}.html?ref=home",
            "canonical_url": f"https://bench{i % 5}.example/news/{i}.html",
            "site": f"bench{i % 5}.example",
            "title": f"Article number {i}{title_suffix}",
            "authors": [f"Reporter {i % 97}", f"Reporter {(i + 1) % 97}", "Desk"],
            "published_at": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}T{i % 24:02d}:00:00+00:00",
            "published_raw": "some day",
            "modified_at": None,
            "modified_raw": None,
            "body": f"{body} {i}",
            "description": f"Summary of article {i}",
            "lead_image_url": f"https://bench.example/img/{i}.jpg",
            "lead_image_caption": "A caption",
            "tags": ["politics", f"topic-{i % 50}", f"place-{i % 30}", "local"],
            "section": "News",
            "language": "en",
            "paywalled": False,
            "word_count": 601,
            "content_hash": f"{i:064x}",
            "fetched_at": "2024-12-01T00:00:00+00:00",
        }
        for i in range(n)
    ]


def batches(items: Sequence[dict[str, Any]], size: int) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def zipf_synthetic(n: int, title_suffix: str = "") -> list[dict[str, Any]]:
    """``synthetic(n)`` with realistic bodies and titles (same seed every call)."""
    items = synthetic(n, title_suffix)
    for item, text in zip(items, zipf_articles(n, ZipfText(seed=7)), strict=True):
        item["body"] = text["body"]
        item["title"] = text["title"] + title_suffix
        item["description"] = text["description"]
        item["word_count"] = len(text["body"].split())
    return items


def pipeline_all(url: str, items: list[dict[str, Any]], size: int, writers: int) -> None:
    """Every item through a real ``StorePipeline``, as a crawl would feed it."""
    settings = {
        "NEWSCRAWL_DATABASE_URL": url,
        "NEWSCRAWL_STORE_BATCH_SIZE": size,
        # Read by a pipeline that writes several batches at once; ignored otherwise.
        "NEWSCRAWL_STORE_WRITERS": writers,
    }
    crawler = get_crawler(settings_dict=settings)
    pipeline = StorePipeline.from_crawler(crawler)

    async def feed() -> None:
        await pipeline.open_spider()
        for item in items:
            await pipeline.process_item(item)
        await pipeline.close_spider()
        await pipeline.spider_closed(spider=None, reason="finished")

    asyncio.run(feed())
    stored = crawler.stats.get_value("newscrawl/store/new")
    if stored != len(items):
        raise RuntimeError(f"the pipeline stored {stored} of {len(items)} articles")


def upsert_all(repo: ArticleRepository, items: list[dict[str, Any]], size: int) -> None:
    for batch in batches(items, size):
        repo.upsert_articles(batch)


def core_insert_all(engine: Engine, items: list[dict[str, Any]], size: int) -> None:
    """The same article rows through one plain executemany INSERT per batch."""
    table: Table = Article.__table__  # type: ignore[assignment]
    for batch in batches(items, size):
        now = utcnow()
        rows = []
        for item in batch:
            row = {column: item[column] for column in ARTICLE_COLUMNS}
            for key in ("published_at", "modified_at", "fetched_at"):
                row[key] = parse_datetime(row[key])
            rows.append({**row, "site_id": None, "first_seen_at": now, "last_crawled_at": now})
        with engine.begin() as conn:
            conn.execute(table.insert(), rows)


@contextmanager
def database(kind: str, pg_url: str, workdir: Path, name: str) -> Iterator[Engine]:
    """A migrated, empty database of the given kind, disposed afterwards."""
    if kind == "sqlite":
        engine = make_engine(f"sqlite:///{workdir / name}.db")
        ensure_schema(engine)
        try:
            yield engine
        finally:
            engine.dispose()
        return
    with fresh_postgres_database(pg_url, prefix="newscrawl_bench") as url:
        engine = make_engine(url)
        ensure_schema(engine)
        try:
            yield engine
        finally:
            engine.dispose()


def run(
    kind: str, n: int, size: int, pg_url: str, workdir: Path, text: str, writers: int
) -> list[tuple[str, float]]:
    make = zipf_synthetic if text == "zipf" else synthetic
    items = make(n)
    changed = make(n, title_suffix=" (updated)")
    results = []
    with database(kind, pg_url, workdir, "pipeline") as engine:
        url = engine.url.render_as_string(hide_password=False)
        work = partial(pipeline_all, url, items, size, writers)
        results.append(("pipeline, new", timed(work)))
    with database(kind, pg_url, workdir, "upsert") as engine:
        repo = ArticleRepository(engine)
        results.append(("upsert, new", timed(lambda: upsert_all(repo, items, size))))
        results.append(("upsert, unchanged", timed(lambda: upsert_all(repo, items, size))))
        results.append(("upsert, updated", timed(lambda: upsert_all(repo, changed, size))))
        assert repo.count() == n
    with database(kind, pg_url, workdir, "core") as engine:
        results.append(("Core insert (floor)", timed(lambda: core_insert_all(engine, items, size))))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=20_000, help="articles (default 20000)")
    parser.add_argument("--batch", type=int, default=500, help="articles per call (default 500)")
    parser.add_argument("--pg", default=DEFAULT_PG, help="a URL on the PostgreSQL server to use")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument("--text", choices=("repetitive", "zipf"), default="repetitive")
    parser.add_argument(
        "--writers",
        type=int,
        default=0,
        help="NEWSCRAWL_STORE_WRITERS for the pipeline (default 0: the pipeline's choice)",
    )
    args = parser.parse_args()
    kinds = ["sqlite"] if args.no_pg else ["sqlite", "postgresql"]
    print(f"{args.n} articles, batches of {args.batch}, {args.text} text, {args.writers} writers")
    print(f"{'database':<11} {'operation':<22} {'seconds':>8} {'articles/s':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            for label, seconds in run(
                kind, args.n, args.batch, args.pg, Path(tmp), args.text, args.writers
            ):
                rate = args.n / seconds
                print(f"{kind:<11} {label:<22} {seconds:>8.2f} {rate:>11,.0f}")


if __name__ == "__main__":
    main()
