"""``newscrawl db``: manage the database schema (Alembic migrations)."""

from __future__ import annotations

import argparse

from newscrawl.commands.common import EXIT_OK, AddCommand, database_url, db_option


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
            from newscrawl.storage.signatures import sign_stored

            migrate.ensure_schema(engine)
            signed, short = sign_stored(engine)
            print(f"signed {signed} stored articles ({short} too short to compare)")
        print(f"{redact_url(url)}: revision {migrate.current(engine) or 'none'}")
    finally:
        engine.dispose()
    return EXIT_OK
