"""Read-only summaries of a database: articles per site and per day, crawl runs."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Column, ColumnElement, Connection, Engine, Table, func, select
from sqlalchemy.engine import RowMapping

from newscrawl.storage.models import CrawlRun, to_utc, utcnow
from newscrawl.storage.upsert import ARTICLES, SITES

_RUNS: Table = CrawlRun.__table__  # type: ignore[assignment]


def runs(engine: Engine, limit: int = 10) -> list[dict[str, Any]]:
    """The latest ``limit`` crawl runs, newest first, datetimes as ISO 8601 UTC strings."""
    query = select(_RUNS).order_by(_RUNS.c.started_at.desc(), _RUNS.c.id.desc()).limit(limit)
    with engine.connect() as conn:
        return [_plain(row) for row in conn.execute(query).mappings()]


def stats(engine: Engine, *, days: int = 14, last_runs: int = 5) -> dict[str, Any]:
    """A summary of the database.

    ``articles``: how many in all. ``sites``: per site, its article count, how
    many of them are copies of another article (``copies``), and the newest
    publication and crawl times. ``days``: for each of the last
    ``days`` UTC days (today included, oldest first), the articles published
    and the articles first seen (collected) that day. ``runs``: the latest runs.
    """
    today = utcnow().replace(hour=0, minute=0, second=0, microsecond=0)
    first_day = today - timedelta(days=max(days, 1) - 1)
    with engine.connect() as conn:
        total = conn.execute(select(func.count(ARTICLES.c.id))).scalar_one()
        sites = _per_site(conn)
        published = _per_day(conn, ARTICLES.c.published_at, first_day)
        collected = _per_day(conn, ARTICLES.c.first_seen_at, first_day)
    day_list = [(first_day + timedelta(days=n)).date().isoformat() for n in range(max(days, 1))]
    return {
        "articles": int(total),
        "sites": sites,
        "days": [
            {"day": day, "published": published.get(day, 0), "collected": collected.get(day, 0)}
            for day in day_list
        ],
        "runs": runs(engine, last_runs),
    }


def _per_site(conn: Connection) -> list[dict[str, Any]]:
    count = func.count(ARTICLES.c.id)
    query = (
        select(
            SITES.c.name.label("site"),
            count.label("articles"),
            func.count(ARTICLES.c.duplicate_of).label("copies"),
            func.max(ARTICLES.c.published_at).label("last_published"),
            func.max(ARTICLES.c.last_crawled_at).label("last_crawled"),
        )
        .select_from(ARTICLES.outerjoin(SITES, ARTICLES.c.site_id == SITES.c.id))
        .group_by(SITES.c.name)
        .order_by(count.desc(), SITES.c.name)
    )
    # max() of a typed column keeps the type: UTCDateTime reads SQLite's text back.
    return [_plain(row) for row in conn.execute(query).mappings()]


def _per_day(conn: Connection, column: Column[Any], first_day: datetime) -> dict[str, int]:
    day = _utc_day(conn, column).label("day")
    query = select(day, func.count()).where(column >= first_day).group_by(day)
    return {str(name): int(count) for name, count in conn.execute(query)}


def _utc_day(conn: Connection, column: Column[Any]) -> ColumnElement[str]:
    """``YYYY-MM-DD`` of a UTC datetime column.

    The one dialect split here: SQLite stores UTC wall time as text (its first
    ten characters are the day); PostgreSQL's date() would use the session's
    time zone, so the value is converted to UTC first.
    """
    if conn.dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD")
    return func.substr(column, 1, 10)


def _plain(row: RowMapping) -> dict[str, Any]:
    return {
        key: to_utc(value).isoformat() if isinstance(value, datetime) else value
        for key, value in row.items()
    }
