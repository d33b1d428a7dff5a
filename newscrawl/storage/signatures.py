"""Stored MinHash signatures of article bodies, read by time window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, Table, select

from newscrawl.storage.models import Article, ArticleSignature, to_utc

SIGNATURES: Table = ArticleSignature.__table__  # type: ignore[assignment]
_ARTICLES: Table = Article.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class StoredSignature:
    """One stored signature: its article, that article's original, and when it is dated."""

    canonical_url: str
    original_url: str | None
    dated_at: datetime
    minhash: bytes


def load_signatures(engine: Engine, start: datetime, end: datetime) -> list[StoredSignature]:
    """The signatures dated in ``[start, end)``, oldest first (first-seen wins ties)."""
    originals = _ARTICLES.alias("originals")
    query = (
        select(
            _ARTICLES.c.canonical_url,
            originals.c.canonical_url.label("original_url"),
            SIGNATURES.c.dated_at,
            SIGNATURES.c.minhash,
        )
        .join(_ARTICLES, _ARTICLES.c.id == SIGNATURES.c.article_id)
        .outerjoin(originals, originals.c.id == _ARTICLES.c.duplicate_of)
        .where(SIGNATURES.c.dated_at >= to_utc(start), SIGNATURES.c.dated_at < to_utc(end))
        .order_by(SIGNATURES.c.dated_at, _ARTICLES.c.id)
    )
    with engine.connect() as conn:
        return [
            StoredSignature(url, original, to_utc(dated_at), bytes(minhash))
            for url, original, dated_at, minhash in conn.execute(query)
        ]
