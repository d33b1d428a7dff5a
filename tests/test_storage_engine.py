"""make_engine and redact_url against real SQLite files and the real PostgreSQL."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from newscrawl.storage.engine import SQLITE_BUSY_TIMEOUT_MS, make_engine, redact_url


def test_sqlite_engine_creates_directory_and_sets_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "deeper" / "news.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            foreign_keys = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
            busy = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
        assert path.parent.is_dir()
        assert journal == "wal"
        assert foreign_keys == 1
        assert busy == SQLITE_BUSY_TIMEOUT_MS
    finally:
        engine.dispose()


def test_sqlite_in_memory_needs_no_directory() -> None:
    engine = make_engine("sqlite://")
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar() == 1
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "url",
    ["postgresql://u:p@127.0.0.1/db", "postgres://u:p@127.0.0.1/db"],
)
def test_postgres_urls_without_driver_use_psycopg(url: str) -> None:
    engine = make_engine(url)  # no connection is made until first use
    try:
        assert engine.dialect.name == "postgresql"
        assert engine.dialect.driver == "psycopg"
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgres_engine_connects(pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT 41 + 1")).scalar() == 42
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "postgresql+psycopg://crawler:s3cr%40t@db.example:5432/news",
            "postgresql+psycopg://crawler:***@db.example:5432/news",
        ),
        ("postgresql://crawler@db.example/news", "postgresql://crawler@db.example/news"),
        ("sqlite:///data/news.db", "sqlite:///data/news.db"),
    ],
)
def test_redact_url_hides_only_the_password(url: str, expected: str) -> None:
    assert redact_url(url) == expected


def test_redact_url_on_an_unparsable_url_still_hides_the_password() -> None:
    redacted = redact_url("not a url://user:hunter2@host/db")
    assert "hunter2" not in redacted
    assert "user:***@host" in redacted


def test_existing_engine_never_creates_a_database(tmp_path: Path) -> None:
    from newscrawl.storage.engine import existing_engine
    from newscrawl.storage.migrate import ensure_schema

    db = tmp_path / "absent.db"
    assert existing_engine(f"sqlite:///{db}", "articles") is None
    assert not db.exists()
    engine = make_engine(f"sqlite:///{db}")
    engine.dispose()
    assert existing_engine(f"sqlite:///{db}", "articles") is None  # file, but no table
    engine = make_engine(f"sqlite:///{db}")
    ensure_schema(engine)
    engine.dispose()
    found = existing_engine(f"sqlite:///{db}", "articles")
    assert found is not None
    found.dispose()


def test_a_server_that_accepts_but_never_answers_is_an_error_not_a_hang() -> None:
    """libpq waits forever by default; make_engine gives it PG_CONNECT_TIMEOUT seconds."""
    from newscrawl.storage.engine import check_writable

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # the kernel completes the handshake; nobody ever answers
        port = silent.getsockname()[1]
        with pytest.raises(OperationalError, match="timeout"):
            check_writable(f"postgresql+psycopg://u:pw@127.0.0.1:{port}/x")
