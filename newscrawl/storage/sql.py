"""Statement helpers shared by the write paths: chunks, and the dialect's INSERT."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, cast, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY

# Rows per statement: well under SQLite's 32766 and PostgreSQL's 65535 bound parameters.
CHUNK_SIZE = 500


def chunks(values: Sequence[Any], size: int = CHUNK_SIZE) -> Iterator[Sequence[Any]]:
    """``values`` in slices of at most ``size``."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def dialect_insert(conn: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """The dialect's INSERT, which has ``on_conflict_do_*``."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def insert_rows(
    conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> tuple[postgresql.Insert | sqlite.Insert, Any]:
    """An INSERT of ``rows`` (dicts with the same keys) and the parameters to run it with.

    The one place the write path differs by dialect. PostgreSQL gets one array
    per column, unnested by the server: a short statement with a few parameters
    whatever the batch size, converted and planned once. (A multi-row VALUES of
    500 articles has 12,000 parameters that psycopg re-parses and the server
    re-plans at every batch; executemany pays a round of protocol per row.)
    SQLite has no arrays, and needs none: it runs in-process, so executemany
    costs no round trips.
    """
    stmt = dialect_insert(conn, table)
    if conn.dialect.name != "postgresql":
        return stmt, list(rows)
    columns = list(rows[0])
    arrays = [
        cast(bindparam(name, type_=ARRAY(table.c[name].type)), ARRAY(table.c[name].type))
        for name in columns
    ]
    source = select(*func.unnest(*arrays).table_valued(*columns).render_derived().c)
    params = {name: [row[name] for row in rows] for name in columns}
    return stmt.from_select(columns, source), params
