"""Write a batch of article items in one transaction: the upsert behind the repository.

Every write is an ``INSERT ... ON CONFLICT`` against a unique constraint, so
re-runs and concurrent crawls cannot create duplicates. Writers take their
locks in one order (names sorted, then articles sorted by canonical URL), so
two of them at once wait for each other instead of deadlocking.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, select, update

from newscrawl.fields import ARTICLE_FIELDS
from newscrawl.storage.copies import mark_duplicates, unmark_duplicates
from newscrawl.storage.models import (
    Article,
    ArticleAuthor,
    ArticleRevision,
    ArticleTag,
    Author,
    Site,
    Tag,
    to_utc,
)
from newscrawl.storage.signatures import save_signatures
from newscrawl.storage.sql import chunks, insert_rows

#: The keys of an article as the repository takes and returns it, in export order.
ITEM_KEYS: tuple[str, ...] = ARTICLE_FIELDS
#: Item keys stored as a column of ``articles`` under the same name. (``duplicate_of``
#: is a URL in an item and the original's id in the table.)
ARTICLE_COLUMNS: tuple[str, ...] = tuple(
    key for key in ITEM_KEYS if key not in {"site", "authors", "tags", "duplicate_of"}
)
DATETIME_KEYS: frozenset[str] = frozenset({"published_at", "modified_at", "fetched_at"})
#: A stored article counts as changed when one of these differs.
CHANGE_COLUMNS: tuple[str, ...] = ("title", "body", "modified_at", "content_hash")

ARTICLES: Table = Article.__table__  # type: ignore[assignment]
SITES: Table = Site.__table__  # type: ignore[assignment]
AUTHORS: Table = Author.__table__  # type: ignore[assignment]
TAGS: Table = Tag.__table__  # type: ignore[assignment]
ARTICLE_AUTHORS: Table = ArticleAuthor.__table__  # type: ignore[assignment]
ARTICLE_TAGS: Table = ArticleTag.__table__  # type: ignore[assignment]
REVISIONS: Table = ArticleRevision.__table__  # type: ignore[assignment]


@dataclass
class UpsertResult:
    """How many articles of one ``upsert_articles`` call were new, updated, unchanged."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    #: (canonical URL, original's URL) of duplicates whose original is not stored
    #: (yet: another writer may hold it); ``mark_duplicates`` can try them again.
    unresolved: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class PreparedArticle:
    """One item, validated and converted to column values."""

    values: dict[str, Any]
    site: str | None
    authors: list[str]
    tags: list[str]
    duplicate_of: str | None = None
    signature: bytes | None = None

    @property
    def key(self) -> str:
        return str(self.values["canonical_url"])


def prepare(item: Mapping[str, Any]) -> PreparedArticle:
    """Validate an item and convert it to column values (missing keys are None).

    Raises ``ValueError`` for an item without any URL or with a date that is
    not ISO 8601 or a ``signature`` that is not bytes. ``url`` stands in for a
    missing ``canonical_url``.
    """
    url = item.get("url") or item.get("canonical_url")
    canonical = item.get("canonical_url") or url
    if not canonical:
        raise ValueError("an article needs a url or canonical_url")
    values = {column: item.get(column) for column in ARTICLE_COLUMNS}
    values["url"] = url
    values["canonical_url"] = canonical
    for key in DATETIME_KEYS:
        values[key] = parse_datetime(values[key], key, canonical)
    if values["paywalled"] is not None:
        values["paywalled"] = bool(values["paywalled"])
    if values["word_count"] is not None:
        values["word_count"] = int(values["word_count"])
    signature = item.get("signature")
    if signature is not None and not isinstance(signature, bytes | bytearray | memoryview):
        raise ValueError(f"the signature of {canonical} is not bytes: {type(signature).__name__}")
    duplicate_of = item.get("duplicate_of") or None
    return PreparedArticle(
        values=values,
        site=item.get("site") or None,
        authors=unique_names(item.get("authors")),
        tags=unique_names(item.get("tags")),
        duplicate_of=duplicate_of if duplicate_of != canonical else None,
        signature=bytes(signature) if signature is not None else None,
    )


def parse_datetime(value: Any, key: str = "date", url: str = "") -> datetime | None:
    """An ISO 8601 string or datetime as an aware UTC datetime (naive means UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return to_utc(value)
    try:
        return to_utc(datetime.fromisoformat(str(value)))
    except ValueError as exc:
        raise ValueError(f"{key} of {url or 'an article'} is not ISO 8601: {value!r}") from exc


def unique_names(names: Iterable[str] | str | None) -> list[str]:
    """Names stripped, empty ones dropped, repeats removed, order kept."""
    if names is None:
        return []
    if isinstance(names, str):
        names = [names]
    cleaned = (str(name).strip() for name in names)
    return list(dict.fromkeys(name for name in cleaned if name))


def upsert(conn: Connection, prepared: list[PreparedArticle], now: datetime) -> UpsertResult:
    """Upsert ``prepared`` on ``conn`` (inside the caller's transaction) at time ``now``."""
    result = UpsertResult()
    site_ids = _name_ids(conn, SITES, {p.site for p in prepared if p.site}, now)
    author_ids = _name_ids(conn, AUTHORS, {a for p in prepared for a in p.authors})
    tag_ids = _name_ids(conn, TAGS, {t for p in prepared for t in p.tags})
    for batch in _rounds(prepared):
        rows = {
            p.key: {
                **p.values,
                "site_id": site_ids.get(p.site) if p.site else None,
                "first_seen_at": now,
                "last_crawled_at": now,
            }
            for p in batch
        }
        # Rows already visible cannot be inserted: sending them (bodies and all) to a
        # conflicting INSERT would only cost time. This read takes no locks.
        visible = _stored_keys(conn, list(rows))
        inserted = _insert_new(conn, [row for key, row in rows.items() if key not in visible])
        stored = _lock_existing(conn, [key for key in rows if key not in inserted])
        changed = {key: old["id"] for key, old in stored.items() if _differs(rows[key], old)}
        unchanged = [old["id"] for key, old in stored.items() if key not in changed]
        _update_changed(conn, rows, stored, changed, now)
        for chunk in chunks(unchanged):
            conn.execute(
                update(ARTICLES).where(ARTICLES.c.id.in_(chunk)).values(last_crawled_at=now)
            )

        relink = {**inserted, **changed}
        by_key = {p.key: p.authors for p in batch}
        _link(conn, ARTICLE_AUTHORS, "author_id", relink, by_key, author_ids)
        by_key = {p.key: p.tags for p in batch}
        _link(conn, ARTICLE_TAGS, "tag_id", relink, by_key, tag_ids)
        ids = {**inserted, **{key: old["id"] for key, old in stored.items()}}
        # Unchanged articles too: one stored before signatures existed gets one now.
        signed = [
            (ids[p.key], p.values["published_at"] or now, p.signature)
            for p in batch
            if p.signature is not None and p.key in ids
        ]
        save_signatures(conn, signed)
        duplicates = [
            (ids[p.key], p.key, p.duplicate_of)
            for p in batch
            if p.key in relink and p.duplicate_of is not None
        ]
        result.unresolved += mark_duplicates(conn, duplicates)
        # Changed and checked (signed) with no original found: nobody's copy any more.
        # Without a signature nothing is known, and a stored mark stays.
        unmark_duplicates(
            conn,
            [
                changed[p.key]
                for p in batch
                if p.key in changed and p.signature and not p.duplicate_of
            ],
        )
        result.new += len(inserted)
        result.updated += len(changed)
        result.unchanged += len(unchanged)
    return result


def _name_ids(
    conn: Connection, table: Table, names: set[str], now: datetime | None = None
) -> dict[str, int]:
    """Insert the names ``table`` lacks, then return the id of every name."""
    extra = {"first_seen_at": now} if now is not None else {}
    ids: dict[str, int] = {}
    for chunk in chunks(sorted(names)):
        stmt, params = insert_rows(conn, table, [{"name": name, **extra} for name in chunk])
        conn.execute(stmt.on_conflict_do_nothing(index_elements=["name"]), params)
        query = select(table.c.name, table.c.id).where(table.c.name.in_(chunk))
        ids.update({name: id_ for name, id_ in conn.execute(query)})
    return ids


def _rounds(prepared: list[PreparedArticle]) -> list[list[PreparedArticle]]:
    """Split into rounds of distinct keys (a key seen twice goes to the next round).

    One INSERT cannot touch the same row twice, and applying repeats in order
    gives the result of separate calls. Each round is sorted by key.
    """
    rounds: list[dict[str, PreparedArticle]] = []
    for item in prepared:
        for batch in rounds:
            if item.key not in batch:
                batch[item.key] = item
                break
        else:
            rounds.append({item.key: item})
    return [sorted(batch.values(), key=attrgetter("key")) for batch in rounds]


def _stored_keys(conn: Connection, keys: list[str]) -> set[str]:
    stored: set[str] = set()
    column = ARTICLES.c.canonical_url
    for chunk in chunks(keys):
        stored.update(conn.execute(select(column).where(column.in_(chunk))).scalars())
    return stored


def _insert_new(conn: Connection, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert the rows whose key is not stored yet; return their ids by key.

    A row another writer committed first is skipped, not an error; one it has
    not committed yet makes this wait for its outcome (PostgreSQL).
    """
    if not rows:
        return {}
    insert, params = insert_rows(conn, ARTICLES, rows)
    stmt = insert.on_conflict_do_nothing(index_elements=["canonical_url"]).returning(
        ARTICLES.c.canonical_url, ARTICLES.c.id
    )
    return {key: id_ for key, id_ in conn.execute(stmt, params)}


def _lock_existing(conn: Connection, keys: list[str]) -> dict[str, dict[str, Any]]:
    """Read the stored rows for ``keys``, locked until commit (PostgreSQL)."""
    stored: dict[str, dict[str, Any]] = {}
    columns = [ARTICLES.c.id, ARTICLES.c.canonical_url, *ARTICLES.c[CHANGE_COLUMNS]]
    for chunk in chunks(keys):
        # Locks in key order, like the insert: concurrent writers cannot deadlock.
        query = (
            select(*columns)
            .where(ARTICLES.c.canonical_url.in_(chunk))
            .order_by(ARTICLES.c.canonical_url)
            .with_for_update()
        )
        stored.update({row.canonical_url: row._asdict() for row in conn.execute(query)})
    return stored


def _differs(row: Mapping[str, Any], stored: Mapping[str, Any]) -> bool:
    """Whether an incoming row changes what counts as the article's content."""
    return any(row[column] != stored[column] for column in CHANGE_COLUMNS)


def _update_changed(
    conn: Connection,
    rows: Mapping[str, dict[str, Any]],
    stored: Mapping[str, dict[str, Any]],
    changed: Mapping[str, int],
    now: datetime,
) -> None:
    """Copy the stored versions of ``changed`` to revisions, then overwrite them."""
    if not changed:
        return
    revisions = [
        {
            "article_id": id_,
            **{column: stored[key][column] for column in CHANGE_COLUMNS},
            "captured_at": now,
        }
        for key, id_ in changed.items()
    ]
    conn.execute(*insert_rows(conn, REVISIONS, revisions))
    columns = [*ARTICLE_COLUMNS, "site_id", "last_crawled_at"]
    stmt = (
        update(ARTICLES)
        .where(ARTICLES.c.id == bindparam("b_id"))
        .values({column: bindparam(f"b_{column}") for column in columns})
    )
    params = [
        {"b_id": id_, **{f"b_{column}": rows[key][column] for column in columns}}
        for key, id_ in changed.items()
    ]
    conn.execute(stmt, params)


def _link(
    conn: Connection,
    link: Table,
    other: str,
    article_ids: Mapping[str, int],
    names_by_key: Mapping[str, list[str]],
    name_ids: Mapping[str, int],
) -> None:
    """Replace the author or tag links of ``article_ids`` with the items' lists, in order."""
    if not article_ids:
        return
    for chunk in chunks(list(article_ids.values())):
        conn.execute(delete(link).where(link.c.article_id.in_(chunk)))
    rows = [
        {"article_id": article_id, other: name_ids[name], "position": position}
        for key, article_id in article_ids.items()
        for position, name in enumerate(names_by_key[key])
    ]
    if rows:
        conn.execute(*insert_rows(conn, link, rows))
