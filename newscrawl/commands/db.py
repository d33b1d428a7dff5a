"""``newscrawl db``: manage the database schema (Alembic migrations)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from newscrawl.commands.common import EXIT_OK, AddCommand, database_url, db_option

if TYPE_CHECKING:
    from sqlalchemy import Engine


def add_commands(command: AddCommand) -> None:
    p = command(
        "db",
        "manage the database schema (Alembic migrations); sign: give articles stored "
        "before near-duplicate detection their signature",
        "newscrawl db upgrade --db postgresql+psycopg://user@host/news",
    )
    p.add_argument("action", choices=("upgrade", "current", "downgrade", "sign"))
    p.add_argument("revision", nargs="?", default=None, help="target revision (upgrade: head)")
    db_option(p)
    p.set_defaults(func=cmd_db)


def cmd_db(args: argparse.Namespace) -> int:
    from newscrawl.storage import migrate
    from newscrawl.storage.engine import make_engine, redact_url

    url = database_url(args)
    engine = make_engine(url)
    try:
        if args.action == "upgrade":
            migrate.upgrade(engine, args.revision or "head")
        elif args.action == "downgrade":
            if not args.revision:
                raise ValueError("downgrade needs a revision (for example: base)")
            migrate.downgrade(engine, args.revision)
        elif args.action == "sign":
            migrate.ensure_schema(engine)
            signed, short = sign_stored(engine)
            print(f"signed {signed} stored articles ({short} too short to compare)")
        print(f"{redact_url(url)}: revision {migrate.current(engine) or 'none'}")
    finally:
        engine.dispose()
    return EXIT_OK


def sign_stored(engine: Engine) -> tuple[int, int]:
    """Store a signature for every article without one; (signed, too short to sign).

    For articles stored before schema revision 0004: with a signature they are
    candidates when later crawls look for near-duplicates. Batches of 500, so
    memory stays flat on any database.
    """
    from newscrawl.similarity import signature, to_bytes
    from newscrawl.storage.signatures import add_signatures, unsigned_articles

    signed = short = 0
    after = 0
    while batch := unsigned_articles(engine, after_id=after):
        rows = []
        for article_id, body, dated_at in batch:
            sig = signature(body)
            if sig is None:
                short += 1
            else:
                rows.append((article_id, dated_at, to_bytes(sig)))
        signed += add_signatures(engine, rows)
        after = batch[-1][0]
    return signed, short
