"""Alembic migrations shipped in the package, on SQLite and the real PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError

from newscrawl.storage.migrate import (
    HEAD_REVISION,
    SchemaError,
    current,
    downgrade,
    ensure_schema,
    head_revision,
    upgrade,
)
from newscrawl.storage.models import Base, include_object

TABLES = {
    "sites",
    "articles",
    "authors",
    "article_authors",
    "tags",
    "article_tags",
    "article_revisions",
    "crawl_runs",
    "page_validators",
    "article_signatures",
}


@pytest.fixture
def engine(empty_engine: Engine) -> Engine:
    return empty_engine


def _tables(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def test_ensure_schema_creates_everything_on_a_new_database(engine: Engine) -> None:
    assert current(engine) is None
    ensure_schema(engine)
    assert current(engine) == head_revision()
    assert _tables(engine) >= TABLES
    ensure_schema(engine)  # a second call is a no-op, not a failure
    assert current(engine) == head_revision()


def test_migrations_go_head_base_head(engine: Engine) -> None:
    upgrade(engine)
    assert _tables(engine) >= TABLES
    downgrade(engine, "base")
    assert current(engine) is None
    assert _tables(engine) & TABLES == set()
    upgrade(engine, "head")
    assert current(engine) == head_revision()
    assert _tables(engine) >= TABLES


def test_migrated_schema_matches_the_models(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include_object}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_an_unknown_newer_revision_is_refused_with_both_revisions_named(engine: Engine) -> None:
    ensure_schema(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
    with pytest.raises(SchemaError) as caught:
        ensure_schema(engine)
    message = str(caught.value)
    assert "ffff_from_the_future" in message
    assert head_revision() in message
    assert "newer newscrawl" in message
    # Nothing was touched: the foreign revision is still there.
    assert current(engine) == "ffff_from_the_future"


def test_tables_without_a_version_are_refused(engine: Engine) -> None:
    Base.metadata.create_all(engine)
    with pytest.raises(SchemaError, match="no alembic_version"):
        ensure_schema(engine)


def test_upgrade_to_an_unknown_revision_raises_schema_error(engine: Engine) -> None:
    with pytest.raises(SchemaError, match="nonexistent"):
        upgrade(engine, "nonexistent")


def test_concurrent_ensure_schema_calls_both_succeed(engine: Engine) -> None:
    barrier = threading.Barrier(3)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait()
            ensure_schema(engine)
        except BaseException as exc:  # reported below, in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert current(engine) == head_revision()


def test_a_failed_migration_leaves_no_tables_behind(engine: Engine) -> None:
    with engine.begin() as conn:
        # A table the migration is about to create: it fails partway through.
        conn.execute(text("CREATE TABLE article_revisions (id INTEGER PRIMARY KEY)"))
    with pytest.raises(DatabaseError, match="article_revisions"):
        upgrade(engine)
    assert current(engine) is None
    assert _tables(engine) & TABLES == {"article_revisions"}


def _fts_objects(engine: Engine) -> set[str]:
    """The full-text search objects of migration 0002 that exist in the database."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            query = "SELECT name FROM sqlite_master WHERE name LIKE 'articles_fts%'"
            return set(conn.execute(text(query)).scalars())
        columns = {column["name"] for column in inspect(conn).get_columns("articles")}
        indexes = {index["name"] for index in inspect(conn).get_indexes("articles")}
        return (columns | indexes) & {"search_vector", "ix_articles_search_vector"}


def test_full_text_search_objects_come_and_go_with_migration_0002(engine: Engine) -> None:
    upgrade(engine, "0001")
    assert _fts_objects(engine) == set()
    upgrade(engine, "0002")
    expected = (
        {"articles_fts", "articles_fts_insert", "articles_fts_update", "articles_fts_delete"}
        if engine.dialect.name == "sqlite"
        else {"search_vector", "ix_articles_search_vector"}
    )
    assert _fts_objects(engine) >= expected
    downgrade(engine, "0001")
    assert _fts_objects(engine) == set()
    assert current(engine) == "0001"


def test_migration_0002_indexes_articles_stored_before_it(engine: Engine) -> None:
    from newscrawl.storage.repository import ArticleRepository
    from newscrawl.storage.search import search

    upgrade(engine, "0001")
    item = {"url": "https://a.test/1", "title": "Lighthouse keeper retires", "body": "Forty years."}
    ArticleRepository(engine).upsert_articles([item])
    upgrade(engine)
    assert [hit.canonical_url for hit in search(engine, "lighthouse")] == ["https://a.test/1"]


def test_head_revision_constant_is_alembics_head() -> None:
    assert head_revision() == HEAD_REVISION


def test_a_current_database_is_confirmed_without_importing_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'news.db'}"
    check = (
        "import sys\n"
        "from newscrawl.storage.engine import make_engine\n"
        "from newscrawl.storage.migrate import ensure_schema\n"
        f"engine = make_engine({url!r})\n"
        "ensure_schema(engine)\n"
        "engine.dispose()\n"
        "print('alembic' in sys.modules)\n"
    )
    run = [sys.executable, "-c", check]
    first = subprocess.run(run, capture_output=True, text=True, check=True)
    assert first.stdout.strip() == "True"  # a new database: migrated by Alembic
    again = subprocess.run(run, capture_output=True, text=True, check=True)
    assert again.stdout.strip() == "False"
