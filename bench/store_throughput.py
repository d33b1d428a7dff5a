"""Storage throughput: ``ArticleRepository.upsert_articles`` beside a plain Core insert.

Writes N synthetic articles (3 authors, 4 tags and a ~600-word body each) in
batches, on a fresh SQLite file and a fresh PostgreSQL database, and prints
articles per second for:

- upsert, all new;          - upsert again, all unchanged;
- upsert, every title changed (a revision row per article);
- a plain SQLAlchemy Core ``INSERT`` of the same article rows (no authors/tags
  links, no conflict handling), in a fresh database: the floor to compare with.

Usage::

    .venv/bin/python bench/store_throughput.py [-n 20000] [--batch 500]
        [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test | --no-pg]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table

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


def run(kind: str, n: int, size: int, pg_url: str, workdir: Path) -> list[tuple[str, float]]:
    items = synthetic(n)
    changed = synthetic(n, title_suffix=" (updated)")
    results = []
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
    args = parser.parse_args()
    kinds = ["sqlite"] if args.no_pg else ["sqlite", "postgresql"]
    print(f"{args.n} articles, batches of {args.batch}")
    print(f"{'database':<11} {'operation':<22} {'seconds':>8} {'articles/s':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            for label, seconds in run(kind, args.n, args.batch, args.pg, Path(tmp)):
                rate = args.n / seconds
                print(f"{kind:<11} {label:<22} {seconds:>8.2f} {rate:>11,.0f}")


if __name__ == "__main__":
    main()
