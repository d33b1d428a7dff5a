"""Stored MinHash signatures of article bodies: read by time window, filled in for old rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, Table, func, select

from newscrawl.storage.models import Article, ArticleSignature, Site, to_utc
from newscrawl.storage.sql import insert_rows

SIGNATURES: Table = ArticleSignature.__table__  # type: ignore[assignment]
_ARTICLES: Table = Article.__table__  # type: ignore[assignment]
_SITES: Table = Site.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class StoredSignature:
    """One stored signature: its article, that article's original, and when it is dated."""

    canonical_url: str
    original_url: str | None
    dated_at: datetime
    minhash: bytes
    site: str | None = None


def load_signatures(
    engine: Engine,
    start: datetime,
    end: datetime,
    *,
    site: str | None = None,
    stored_since: datetime | None = None,
) -> list[StoredSignature]:
    """The signatures dated in ``[start, end)``, oldest first (first-seen wins ties).

    ``site`` keeps one site's articles; ``stored_since`` those first stored at
    or after it.
    """
    originals = _ARTICLES.alias("originals")
    query = (
        select(
            _ARTICLES.c.canonical_url,
            originals.c.canonical_url.label("original_url"),
            SIGNATURES.c.dated_at,
            SIGNATURES.c.minhash,
            _SITES.c.name,
        )
        .join(_ARTICLES, _ARTICLES.c.id == SIGNATURES.c.article_id)
        .outerjoin(originals, originals.c.id == _ARTICLES.c.duplicate_of)
        .outerjoin(_SITES, _SITES.c.id == _ARTICLES.c.site_id)
        .where(SIGNATURES.c.dated_at >= to_utc(start), SIGNATURES.c.dated_at < to_utc(end))
        .order_by(SIGNATURES.c.dated_at, _ARTICLES.c.id)
    )
    if stored_since is not None:
        query = query.where(_ARTICLES.c.first_seen_at >= to_utc(stored_since))
    if site is not None:
        query = query.where(_SITES.c.name == site)
    with engine.connect() as conn:
        return [
            StoredSignature(url, original, to_utc(dated_at), bytes(minhash), site_name)
            for url, original, dated_at, minhash, site_name in conn.execute(query)
        ]


def unsigned_articles(
    engine: Engine, *, after_id: int = 0, limit: int = 500
) -> list[tuple[int, str, datetime]]:
    """Up to ``limit`` articles with a body and no signature, by id after ``after_id``.

    ``(id, body, dated_at)``; dated by publication, else first sighting, as the
    store dates the signatures it writes.
    """
    dated = func.coalesce(_ARTICLES.c.published_at, _ARTICLES.c.first_seen_at)
    query = (
        select(_ARTICLES.c.id, _ARTICLES.c.body, dated.label("dated_at"))
        .outerjoin(SIGNATURES, SIGNATURES.c.article_id == _ARTICLES.c.id)
        .where(
            SIGNATURES.c.article_id.is_(None),
            _ARTICLES.c.body.is_not(None),
            _ARTICLES.c.id > after_id,
        )
        .order_by(_ARTICLES.c.id)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [(id_, body, to_utc(dated_at)) for id_, body, dated_at in conn.execute(query)]


def save_signatures(
    conn: Connection, rows: Sequence[tuple[int, datetime, bytes]], *, replace: bool = True
) -> None:
    """Store ``(article id, dated_at, minhash)`` rows, inside the caller's transaction.

    ``dated_at`` is the article's publication time (else when it was stored),
    so near-duplicate checks can load signatures by time window. ``replace``
    False keeps a signature already stored (a crawl may have written a newer one).
    """
    if not rows:
        return
    ordered = sorted(rows)  # writers lock rows in one order: no deadlocks
    values = [{"article_id": a, "dated_at": d, "minhash": m} for a, d, m in ordered]
    insert, params = insert_rows(conn, SIGNATURES, values)
    if not replace:
        conn.execute(insert.on_conflict_do_nothing(index_elements=["article_id"]), params)
        return
    stmt = insert.on_conflict_do_update(
        index_elements=["article_id"],
        set_={"dated_at": insert.excluded.dated_at, "minhash": insert.excluded.minhash},
    )
    conn.execute(stmt, params)


def sign_stored(engine: Engine, batch: int = 500) -> tuple[int, int]:
    """Store a signature for every article without one; ``(signed, too short to sign)``.

    For articles stored before schema revision 0004: with a signature they are
    candidates when later crawls look for near-duplicates. In batches by id, so
    memory stays flat on any database.
    """
    from newscrawl.similarity import signature, to_bytes

    signed = short = 0
    after = 0
    while found := unsigned_articles(engine, after_id=after, limit=batch):
        rows = []
        for article_id, body, dated_at in found:
            sig = signature(body)
            if sig is None:
                short += 1
            else:
                rows.append((article_id, dated_at, to_bytes(sig)))
        with engine.begin() as conn:
            save_signatures(conn, rows, replace=False)
        signed += len(rows)
        after = found[-1][0]
    return signed, short
