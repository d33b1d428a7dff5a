"""Full-text search over articles' title, description and body.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 13:20:00

SQLite: ``articles_fts``, an FTS5 external-content table (the text stays in
``articles``; the index holds only tokens), kept in step by triggers and
rebuilt from the existing rows here. The ``unicode61`` tokenizer folds case
and, with ``remove_diacritics 2``, accents.

PostgreSQL: ``articles.search_vector``, a tsvector column ``GENERATED ALWAYS
AS (...) STORED`` (title weight A, description B, body C) with a GIN index.
PostgreSQL recomputes it only when an UPDATE sets one of those three columns,
so a re-crawl that only moves ``last_crawled_at`` does not re-parse the text.
The ``simple`` configuration: news comes in many languages and ``english``
would stem and drop stop words of every other language wrongly; ``simple``
only lower-cases, like the SQLite side, so both databases find the same
articles. (``unaccent`` is not IMMUTABLE, so a generated column cannot use it.)

Neither object is in the models (SQLite has no tsvector, SQLAlchemy no FTS5):
``newscrawl.storage.models.include_object`` hides them from autogenerate.
A later migration that rebuilds ``articles`` in SQLite batch mode drops its
triggers and must create them again (``_create_sqlite_triggers``).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FTS_COLUMNS = "title, description, body"
_SQLITE_TRIGGERS = ("articles_fts_insert", "articles_fts_delete", "articles_fts_update")

_PG_VECTOR = """
    setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('simple'::regconfig, coalesce(description, '')), 'B')
    || setweight(to_tsvector('simple'::regconfig, coalesce(body, '')), 'C')
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"CREATE VIRTUAL TABLE articles_fts USING fts5({_FTS_COLUMNS}, "
            "content='articles', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        _create_sqlite_triggers()
        op.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        return
    # Adding a STORED generated column computes it for every existing row.
    op.execute(
        f"ALTER TABLE articles ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({_PG_VECTOR}) STORED"
    )
    op.execute("CREATE INDEX ix_articles_search_vector ON articles USING gin (search_vector)")


def _create_sqlite_triggers() -> None:
    new = "new.id, new.title, new.description, new.body"
    old = "'delete', old.id, old.title, old.description, old.body"
    target = f"articles_fts(rowid, {_FTS_COLUMNS})"
    command = f"articles_fts(articles_fts, rowid, {_FTS_COLUMNS})"
    op.execute(
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        f"INSERT INTO {target} VALUES ({new}); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        f"INSERT INTO {command} VALUES ({old}); END"
    )
    # Only when indexed text changes: a re-crawl that moves last_crawled_at costs nothing.
    op.execute(
        f"CREATE TRIGGER articles_fts_update AFTER UPDATE OF {_FTS_COLUMNS} ON articles BEGIN "
        f"INSERT INTO {command} VALUES ({old}); "
        f"INSERT INTO {target} VALUES ({new}); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
        return
    op.execute("DROP INDEX IF EXISTS ix_articles_search_vector")
    op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search_vector")
