"""Read and write articles and crawl runs: the repository the pipeline and CLI use.

The same code serves SQLite and PostgreSQL; the write path is in ``upsert.py``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Select, Table, func, select, update
from sqlalchemy.engine import RowMapping

from newscrawl.storage.copies import mark_duplicates
from newscrawl.storage.models import RUN_COUNTERS, CrawlRun, to_utc, utcnow
from newscrawl.storage.search import Filters, match_condition, parse_query
from newscrawl.storage.sql import chunks
from newscrawl.storage.upsert import (
    ARTICLE_AUTHORS,
    ARTICLE_COLUMNS,
    ARTICLE_TAGS,
    ARTICLES,
    AUTHORS,
    DATETIME_KEYS,
    ITEM_KEYS,
    SITES,
    TAGS,
    UpsertResult,
    prepare,
    upsert,
)

__all__ = ["ITEM_KEYS", "ArticleRepository", "UpsertResult"]

logger = logging.getLogger(__name__)

# Rows fetched per round trip while streaming articles out.
STREAM_BATCH = 500

_runs: Table = CrawlRun.__table__  # type: ignore[assignment]


class ArticleRepository:
    """Articles and crawl runs in one database (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        if engine.dialect.name not in {"sqlite", "postgresql"}:
            raise ValueError(
                f"unsupported database {engine.dialect.name!r}: use SQLite or PostgreSQL"
            )

    # --- writing articles ---

    def upsert_articles(self, items: Sequence[Mapping[str, Any]]) -> UpsertResult:
        """Store ``items`` in one transaction; report what was new, updated or unchanged.

        An article is keyed by ``canonical_url`` (``url`` when it has none). A
        stored article whose title, body, modified date or content hash differ
        is updated, its previous version kept in ``article_revisions``; otherwise
        only its ``last_crawled_at`` moves. Missing keys count as None.
        Raises ``ValueError`` for an item without any URL or with a date that
        is not ISO 8601.
        """
        prepared = [prepare(item) for item in items]
        if not prepared:
            return UpsertResult()
        with self.engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                # Take the write lock now (waiting up to busy_timeout) rather than
                # failing on a read-to-write lock upgrade halfway through.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            return upsert(conn, prepared, utcnow())

    def mark_duplicates(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        """Point each stored ``(canonical URL, original's canonical URL)`` at the original.

        For duplicates written before their original was (another writer had
        it). Returns the pairs still unresolved: either article is not stored.
        """
        if not pairs:
            return []
        with self.engine.begin() as conn:
            ids: dict[str, int] = {}
            column = ARTICLES.c.canonical_url
            for chunk in chunks(sorted({url for url, _ in pairs})):
                query = select(column, ARTICLES.c.id).where(column.in_(chunk))
                ids.update({url: id_ for url, id_ in conn.execute(query)})
            known = [(ids[url], url, original) for url, original in pairs if url in ids]
            unresolved = mark_duplicates(conn, known)
        return unresolved + [(url, original) for url, original in pairs if url not in ids]

    # --- reading articles ---

    def find_by_content_hash(
        self, content_hash: str, *, exclude_url: str | None = None
    ) -> tuple[str, str | None] | None:
        """``(canonical URL, site)`` of the first stored article with this content hash.

        ``exclude_url`` leaves out one article (the one being checked, when it
        is stored already).
        """
        query = (
            select(ARTICLES.c.canonical_url, SITES.c.name)
            .select_from(ARTICLES.outerjoin(SITES, ARTICLES.c.site_id == SITES.c.id))
            .where(ARTICLES.c.content_hash == content_hash)
            .order_by(ARTICLES.c.id)
            .limit(1)
        )
        if exclude_url is not None:
            query = query.where(ARTICLES.c.canonical_url != exclude_url)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else (row[0], row[1])

    def has_articles(self) -> bool:
        """Is any article stored?"""
        with self.engine.connect() as conn:
            return conn.execute(select(ARTICLES.c.id).limit(1)).first() is not None

    def known_urls(self, site: str | None = None) -> set[str]:
        """Every stored canonical URL, of one site or of all."""
        query = _filter_site(select(ARTICLES.c.canonical_url), site)
        with self.engine.connect() as conn:
            return set(conn.execute(query).scalars())

    def crawl_times(self, site: str | None = None) -> dict[str, datetime]:
        """canonical_url -> when it was last crawled (aware UTC), for incremental crawls."""
        query = _filter_site(select(ARTICLES.c.canonical_url, ARTICLES.c.last_crawled_at), site)
        with self.engine.connect() as conn:
            return {url: to_utc(when) for url, when in conn.execute(query)}

    def count(self, site: str | None = None) -> int:
        """How many articles are stored, of one site or of all."""
        query = _filter_site(select(func.count(ARTICLES.c.id)), site)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def iter_articles(
        self,
        *,
        site: str | None = None,
        since: datetime | None = None,
        limit: int | None = None,
        query: str | None = None,
        originals_only: bool = False,
    ) -> Iterator[dict[str, Any]]:
        """Stream stored articles as item dicts, newest published first.

        ``since`` keeps articles published at or after it (a naive value is UTC);
        articles without a date come last and are left out by ``since``.
        ``query`` keeps the articles a full-text search for it finds (the syntax
        of ``newscrawl.storage.search``; a query without words finds none).
        ``originals_only`` leaves out articles stored as a duplicate of another. Dates
        come back as ISO 8601 strings in UTC (``...+00:00``). The connection
        stays open until the iterator is exhausted or closed.
        """
        originals = ARTICLES.alias("originals")
        stmt: Select[Any] = select(
            *ARTICLES.c[ARTICLE_COLUMNS],
            ARTICLES.c.id,
            SITES.c.name.label("site"),
            originals.c.canonical_url.label("duplicate_of"),
        )
        stmt = stmt.select_from(
            ARTICLES.outerjoin(SITES, ARTICLES.c.site_id == SITES.c.id).outerjoin(
                originals, originals.c.id == ARTICLES.c.duplicate_of
            )
        )
        stmt = Filters(site, since, originals_only).apply(stmt)
        if query is not None:
            parsed = parse_query(query)
            if not parsed:
                return
            stmt = stmt.where(match_condition(self.engine.dialect.name, parsed))
        stmt = stmt.order_by(ARTICLES.c.published_at.desc().nulls_last(), ARTICLES.c.id.desc())
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            # yield_per: a server-side cursor on PostgreSQL, batched fetches on SQLite.
            result = conn.execution_options(yield_per=STREAM_BATCH).execute(stmt)
            for partition in result.mappings().partitions():
                ids = [row["id"] for row in partition]
                authors = _names_by_article(conn, ARTICLE_AUTHORS, AUTHORS, "author_id", ids)
                tags = _names_by_article(conn, ARTICLE_TAGS, TAGS, "tag_id", ids)
                for row in partition:
                    yield _item_from_row(row, authors.get(row["id"], []), tags.get(row["id"], []))

    # --- crawl runs ---

    def start_run(self, *, spider: str, arguments: Mapping[str, Any]) -> int:
        """Record the start of a crawl; return its run id for ``finish_run``."""
        # Through JSON and back: values JSON cannot hold (paths, dates) are kept as text.
        stored_arguments = json.loads(json.dumps(dict(arguments), default=str))
        stmt = (
            _runs.insert()
            .values(spider=spider, arguments=stored_arguments, started_at=utcnow())
            .returning(_runs.c.id)
        )
        with self.engine.begin() as conn:
            return int(conn.execute(stmt).scalar_one())

    def finish_run(self, run_id: int, *, counts: Mapping[str, int], status: str) -> None:
        """Record the end of a crawl: its counters and final status.

        Known counters are pages, new, updated, unchanged, duplicates and failed;
        other keys are ignored. Raises ``LookupError`` for an unknown run id.
        """
        values: dict[str, Any] = {
            key: int(value) for key, value in counts.items() if key in RUN_COUNTERS
        }
        ignored = sorted(set(counts) - set(RUN_COUNTERS))
        if ignored:
            logger.debug("Crawl run %s: counters not stored: %s", run_id, ignored)
        stmt = (
            update(_runs)
            .where(_runs.c.id == run_id)
            .values(**values, status=status, finished_at=utcnow())
        )
        with self.engine.begin() as conn:
            if conn.execute(stmt).rowcount != 1:
                raise LookupError(f"no crawl run with id {run_id}")

    def get_run(self, run_id: int) -> dict[str, Any] | None:
        """A crawl run as a dict (datetimes as ISO strings), or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(_runs).where(_runs.c.id == run_id)).mappings().first()
        if row is None:
            return None
        return {
            key: _iso(value) if isinstance(value, datetime) else value for key, value in row.items()
        }


# --- helpers ---


def _filter_site(query: Any, site: str | None) -> Any:
    if site is None:
        return query
    return query.join(SITES, ARTICLES.c.site_id == SITES.c.id).where(SITES.c.name == site)


def _names_by_article(
    conn: Connection, link: Table, names: Table, other: str, article_ids: list[int]
) -> dict[int, list[str]]:
    query = (
        select(link.c.article_id, names.c.name)
        .join(names, link.c[other] == names.c.id)
        .where(link.c.article_id.in_(article_ids))
        .order_by(link.c.article_id, link.c.position)
    )
    grouped: dict[int, list[str]] = {}
    for article_id, name in conn.execute(query):
        grouped.setdefault(article_id, []).append(name)
    return grouped


def _iso(value: datetime | None) -> str | None:
    return None if value is None else to_utc(value).isoformat()


def _item_from_row(row: RowMapping, authors: list[str], tags: list[str]) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for key in ITEM_KEYS:
        if key == "authors":
            item[key] = authors
        elif key == "tags":
            item[key] = tags
        elif key in DATETIME_KEYS:
            item[key] = _iso(row[key])
        else:
            item[key] = row[key]
    return item
