"""HTTP validators of listing, feed and sitemap pages (conditional requests)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Engine, Table, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from newscrawl.storage.models import PageValidator, utcnow

TABLE: Table = PageValidator.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None


def load_validators(engine: Engine, origins: Iterable[str]) -> dict[str, Validators]:
    """Stored validators of every page under ``origins`` (``https://example.com/``)."""
    prefixes = [origin.rstrip("/") + "/" for origin in origins]
    if not prefixes:
        return {}
    query = select(TABLE.c.url, TABLE.c.etag, TABLE.c.last_modified).where(
        or_(*(TABLE.c.url.startswith(prefix, autoescape=True) for prefix in prefixes))
    )
    with engine.connect() as conn:
        return {url: Validators(etag, modified) for url, etag, modified in conn.execute(query)}


def save_validators(engine: Engine, validators: Mapping[str, Validators]) -> int:
    """Upsert ``validators`` by URL in one transaction; returns how many were written."""
    if not validators:
        return 0
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    now = utcnow()
    rows = [
        {"url": url, "etag": v.etag, "last_modified": v.last_modified, "checked_at": now}
        for url, v in validators.items()
    ]
    stmt = insert(TABLE)
    stmt = stmt.on_conflict_do_update(
        index_elements=[TABLE.c.url],
        set_={
            "etag": stmt.excluded.etag,
            "last_modified": stmt.excluded.last_modified,
            "checked_at": stmt.excluded.checked_at,
        },
    )
    with engine.begin() as conn:
        conn.execute(stmt, rows)
    return len(rows)
