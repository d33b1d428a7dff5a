"""``duplicate_of`` links: a copy points to the row of the article it repeats.

Written in the article's transaction by the upsert, and later for copies that
were stored before their original (``ArticleRepository.mark_duplicates``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table, bindparam, select, update

from newscrawl.storage.models import Article
from newscrawl.storage.sql import chunks

_ARTICLES: Table = Article.__table__  # type: ignore[assignment]


def mark_duplicates(
    conn: Connection, duplicates: Sequence[tuple[int, str, str]]
) -> list[tuple[str, str]]:
    """Point each ``(article id, its URL, original's URL)`` at the original's row.

    Returns ``(URL, original's URL)`` for the originals not stored (their
    ``duplicate_of`` is left as it was).
    """
    if not duplicates:
        return []
    originals = _ARTICLES.alias("originals")
    found: dict[str, int] = {}
    wanted = sorted({original for _, _, original in duplicates})
    for chunk in chunks(wanted):
        query = select(originals.c.canonical_url, originals.c.id).where(
            originals.c.canonical_url.in_(chunk)
        )
        found.update({url: id_ for url, id_ in conn.execute(query)})
    params = [
        {"b_id": id_, "b_original": found[original]}
        for id_, _, original in sorted(duplicates)
        if original in found and found[original] != id_
    ]
    if params:
        stmt = (
            update(_ARTICLES)
            .where(_ARTICLES.c.id == bindparam("b_id"))
            .values(duplicate_of=bindparam("b_original"))
        )
        conn.execute(stmt, params)
    return [(key, original) for _, key, original in duplicates if original not in found]


def unmark_duplicates(conn: Connection, article_ids: Sequence[int]) -> None:
    """Clear ``duplicate_of`` of these articles: they are nobody's copy any more."""
    for chunk in chunks(sorted(article_ids)):
        conn.execute(
            update(_ARTICLES)
            .where(_ARTICLES.c.id.in_(chunk), _ARTICLES.c.duplicate_of.is_not(None))
            .values(duplicate_of=None)
        )
