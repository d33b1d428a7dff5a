"""Build a SQLAlchemy engine from one database URL (SQLite or PostgreSQL)."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

#: How long a SQLite connection waits for another writer before failing (s).
SQLITE_BUSY_TIMEOUT = 30.0
SQLITE_BUSY_TIMEOUT_MS = int(SQLITE_BUSY_TIMEOUT * 1000)
#: How long connecting to PostgreSQL may take (s): libpq's default is to wait forever,
#: and a server that accepts but never answers would hang a writer for good.
PG_CONNECT_TIMEOUT = 10

# From the user name's colon to the last "@" of the URL: over-masks a URL with an "@"
# after its host, which is better than showing part of a password.
_PASSWORD_IN_URL = re.compile(r"(://[^:/@\s]*:)\S*@")
_RAW_PASSWORD = re.compile(r"^[^:/]+://[^:/@]*:(.*)@")


def make_engine(url: str, *, sqlite_busy_timeout: float = SQLITE_BUSY_TIMEOUT) -> Engine:
    """Return an engine for ``url``.

    SQLite files get WAL journaling (readers do not block the writer), foreign
    keys and a busy timeout (``sqlite_busy_timeout`` seconds), and the file's
    directory is created. PostgreSQL URLs without a driver (``postgresql://``,
    ``postgres://``) use psycopg 3, with a connect timeout unless the URL sets one.
    Statement parameters (article bodies) are left out of error messages.
    Raises ``ValueError`` for a URL whose password holds an unescaped ``@``.

    >>> make_engine("sqlite:///data/news.db")  # doctest: +SKIP
    """
    parsed = _with_default_driver(make_url(url))
    if "@" in (parsed.host or ""):
        # Read as host "rest@host": the connect error would print part of the password.
        raise ValueError(
            "the database URL has an unescaped '@' in its user or password: write it as %40"
        )
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, sqlite_busy_timeout)
    connect_args = (
        {} if "connect_timeout" in parsed.query else {"connect_timeout": PG_CONNECT_TIMEOUT}
    )
    # pre_ping: a long crawl outlives server restarts and idle-connection reapers.
    return create_engine(
        parsed, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args
    )


def redact_url(url: str) -> str:
    """Return ``url`` with its password replaced by ``***``, safe for logs."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        parsed = None
    if parsed is None or "@" in (parsed.host or ""):
        # Not a URL SQLAlchemy can parse, or a password with a raw "@" in it:
        # still never leak what looks like a password.
        return _PASSWORD_IN_URL.sub(r"\1***@", url)
    return parsed.render_as_string(hide_password=True)


def database_secrets(url: str | None) -> tuple[str, ...]:
    """The password of database URL ``url`` in every spelling a message could show.

    As written (percent-escaped or not), and as the driver receives it. For
    :func:`scrub`: driver messages and tracebacks are not ours to format.
    """
    if not url:
        return ()
    found: set[str] = set()
    raw = _RAW_PASSWORD.match(url.split("?", 1)[0])
    if raw:
        found.update({raw.group(1), unquote(raw.group(1))})
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        parsed = None
    # With a raw "@" in it, the parsed password is a fragment: masking it would
    # mask that fragment everywhere (the whole one is found above).
    if parsed is not None and parsed.password and "@" not in (parsed.host or ""):
        found.add(str(parsed.password))
    # Longest first: a password that contains another spelling is masked whole.
    return tuple(sorted((s for s in found if s), key=len, reverse=True))


def scrub(text: str, secrets: tuple[str, ...] = ()) -> str:
    """``text`` with every one of ``secrets`` and any password in a URL masked."""
    for secret in secrets:
        text = text.replace(secret, "***")
    return _PASSWORD_IN_URL.sub(r"\1***@", text)


def _with_default_driver(url: URL) -> URL:
    if url.drivername in {"postgres", "postgresql"}:
        return url.set(drivername="postgresql+psycopg")
    return url


def _sqlite_engine(url: URL, busy_timeout: float) -> Engine:
    database = url.database or ""
    in_memory = database in {"", ":memory:"} or database.startswith("file:")
    if not in_memory:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, hide_parameters=True)
    event.listen(engine, "connect", partial(_configure_sqlite_connection, int(busy_timeout * 1000)))
    return engine


def _configure_sqlite_connection(busy_ms: int, dbapi_connection: Any, _record: Any) -> None:
    """Per-connection pragmas: SQLite does not persist these (except WAL)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        # Safe with WAL (a crash loses at most the last commits, never corrupts).
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def check_writable(url: str, *, sqlite_busy_timeout: float = SQLITE_BUSY_TIMEOUT) -> None:
    """Raise the driver's error now if the database of ``url`` cannot be reached or written.

    Before a crawl: a database that is down, or a SQLite file another writer
    holds locked past the busy timeout, is one clear error before any page is
    fetched, not a failure inside the crawl. Creates a missing SQLite file, as
    the crawl would.
    """
    engine = make_engine(url, sqlite_busy_timeout=sqlite_busy_timeout)
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                # The write lock, taken and given back at once (waits up to the busy timeout).
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                conn.exec_driver_sql("ROLLBACK")
    finally:
        engine.dispose()


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
