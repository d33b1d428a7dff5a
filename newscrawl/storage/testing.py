"""Helpers for tests and benchmarks that need an empty database of their own."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import make_url

from newscrawl.storage.engine import make_engine


@contextmanager
def fresh_postgres_database(server_url: str, prefix: str = "newscrawl_tmp") -> Iterator[str]:
    """Create an empty database on the server of ``server_url``; yield its URL; drop it.

    ``server_url`` is any database URL on that server whose user may create
    databases. The database is dropped even while connections remain open.
    """
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    engine = make_engine(server_url)
    admin = engine.execution_options(isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = make_url(server_url).set(database=name)
            yield url.render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()
