"""Alembic environment for newscrawl.

Run programmatically by ``newscrawl.storage.migrate``, which hands over an open
connection in ``config.attributes["connection"]``. To write a new migration,
autogenerate it against a database at head, then edit it by hand::

    python -c "from alembic import command; from newscrawl.storage import migrate; \
    c = migrate.alembic_config(); c.set_main_option('sqlalchemy.url', 'sqlite:///dev.db'); \
    command.revision(c, 'add something', autogenerate=True, rev_id='0002')"

A new migration must run on both SQLite (batch mode is on) and PostgreSQL.
"""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from sqlalchemy.engine import Connection

from newscrawl.storage.engine import make_engine
from newscrawl.storage.models import Base, UTCDateTime, include_object

config = context.config
target_metadata = Base.metadata


def _render_item(kind: str, obj: Any, _context: Any) -> str | Literal[False]:
    """Write our column types as plain SQLAlchemy ones: a migration must not import models."""
    if kind == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=_render_item,
        # Full-text search objects live outside the models (see migration 0002).
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run against the shared connection, or one made from ``sqlalchemy.url``."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database: set sqlalchemy.url or use newscrawl.storage.migrate")
    engine = make_engine(url)
    try:
        with engine.connect() as own_connection:
            _configure_and_run(own_connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("offline (--sql) migrations are not supported; run against a database")
run_migrations_online()
