"""Run the schema migrations that ship inside the package (no alembic.ini needed).

Alembic is imported only when there is migrating to do: every crawl checks
its database at start-up, and a database already at ``HEAD_REVISION`` is
confirmed with one query (Alembic's import costs about 0.15 s).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text

from newscrawl.storage.engine import redact_url

if TYPE_CHECKING:
    from alembic.config import Config

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
#: The newest revision in ``MIGRATIONS_DIR`` (a test checks it is Alembic's head).
HEAD_REVISION = "0004"

# Any fixed number: the PostgreSQL advisory lock that serialises migrations, so two
# crawls starting at once on a new database do not both try to create the tables.
_PG_MIGRATION_LOCK = 0x6E657773  # "news"


class SchemaError(RuntimeError):
    """The database schema cannot be used or migrated by this version of newscrawl."""


def alembic_config() -> Config:
    """An Alembic ``Config`` pointing at the packaged migrations, built in code."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest revision this version of newscrawl knows, as Alembic reads the scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships a migration
        raise SchemaError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database at ``engine`` to ``revision`` (default: the newest)."""
    from alembic import command

    _run_locked(engine, partial(_alembic, action=command.upgrade, revision=revision))


def downgrade(engine: Engine, revision: str) -> None:
    """Downgrade the database at ``engine`` to ``revision`` (``"base"``: drop everything)."""
    from alembic import command

    _run_locked(engine, partial(_alembic, action=command.downgrade, revision=revision))


def current(engine: Engine) -> str | None:
    """The revision the database is at, or None for a database never migrated."""
    with engine.connect() as conn:
        return _current(conn)


def ensure_schema(engine: Engine) -> None:
    """Bring the database to the newest schema; refuse one from a newer newscrawl.

    A new database, or one at an older revision, is upgraded. A database at a
    revision this version does not know (written by a newer newscrawl) raises
    ``SchemaError`` rather than guessing at it.
    """
    if _at_head(engine):
        return
    _run_locked(engine, _ensure_schema)


def _at_head(engine: Engine) -> bool:
    """Whether the database is at ``HEAD_REVISION``, read without Alembic."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
        return list(versions) == [HEAD_REVISION]


def _ensure_schema(conn: Connection) -> None:
    from alembic import command

    head = head_revision()
    revision = _current(conn)
    where = redact_url(conn.engine.url.render_as_string(hide_password=False))
    if revision == head:
        return
    if revision is None and inspect(conn).has_table("articles"):
        raise SchemaError(
            f"database {where} has newscrawl tables but no alembic_version; "
            f"if its schema matches, mark it with `alembic stamp {head}`"
        )
    if revision is not None and not _is_known(revision):
        raise SchemaError(
            f"database {where} is at schema revision {revision!r}, which this version of "
            f"newscrawl does not know (its newest is {head!r}); the database was probably "
            f"migrated by a newer newscrawl: upgrade newscrawl to use it"
        )
    logger.info("Upgrading database %s from revision %s to %s", where, revision, head)
    _alembic(conn, command.upgrade, "head")


def _is_known(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def _current(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def _alembic(conn: Connection, action: Callable[[Any, str], None], revision: str) -> None:
    from alembic.util.exc import CommandError

    config = alembic_config()
    config.attributes["connection"] = conn
    try:
        action(config, revision)
    except CommandError as exc:
        raise SchemaError(f"cannot migrate to {revision!r}: {exc}") from exc


def _run_locked(engine: Engine, work: Callable[[Connection], None]) -> None:
    """Run ``work`` in one transaction, holding the migration lock on PostgreSQL.

    Both databases have transactional DDL, so a failed migration leaves nothing
    behind, and a second process waits, then finds the work done.
    """
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        elif conn.dialect.name == "sqlite":
            # The write lock up front (waiting up to busy_timeout): SQLite's own lock.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        work(conn)
