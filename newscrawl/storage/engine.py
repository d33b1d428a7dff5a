"""Build a SQLAlchemy engine from one database URL (SQLite or PostgreSQL)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

#: How long a SQLite connection waits for another writer before failing (ms).
SQLITE_BUSY_TIMEOUT_MS = 30_000

_PASSWORD_IN_URL = re.compile(r"(://[^:/@]*:)[^@]*@")


def make_engine(url: str) -> Engine:
    """Return an engine for ``url``.

    SQLite files get WAL journaling (readers do not block the writer), foreign
    keys and a busy timeout, and the file's directory is created. PostgreSQL
    URLs without a driver (``postgresql://``, ``postgres://``) use psycopg 3.

    >>> make_engine("sqlite:///data/news.db")  # doctest: +SKIP
    """
    parsed = _with_default_driver(make_url(url))
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    # pre_ping: a long crawl outlives server restarts and idle-connection reapers.
    return create_engine(parsed, pool_pre_ping=True)


def redact_url(url: str) -> str:
    """Return ``url`` with its password replaced by ``***``, safe for logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        # Not a URL SQLAlchemy can parse; still never leak what looks like a password.
        return _PASSWORD_IN_URL.sub(r"\1***@", url)


def _with_default_driver(url: URL) -> URL:
    if url.drivername in {"postgres", "postgresql"}:
        return url.set(drivername="postgresql+psycopg")
    return url


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    in_memory = database in {"", ":memory:"} or database.startswith("file:")
    if not in_memory:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    event.listen(engine, "connect", _configure_sqlite_connection)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    """Per-connection pragmas: SQLite does not persist these (except WAL)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # Safe with WAL (a crash loses at most the last commits, never corrupts).
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def existing_engine(url: str, table: str) -> Engine | None:
    """An engine on ``url`` when that database exists and has ``table``; else None.

    For readers of what earlier crawls stored: they must not create a SQLite
    file (or a schema) just by looking.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
        return None
    engine = make_engine(url)
    if inspect(engine).has_table(table):
        return engine
    engine.dispose()
    return None
