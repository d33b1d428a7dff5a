"""``newscrawl db``: the database schema (Alembic migrations), signatures, dead letters."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from newscrawl.commands.common import EXIT_FAILED, EXIT_OK, AddCommand, database_url, db_option

if TYPE_CHECKING:
    from sqlalchemy import Engine

#: Each action: its help and an example.
ACTIONS = {
    "upgrade": ("migrate the schema to REVISION (default: head)", "newscrawl db upgrade"),
    "current": ("print the schema revision", "newscrawl db current --db sqlite:///news.db"),
    "downgrade": ("migrate the schema back to REVISION", "newscrawl db downgrade base"),
    "sign": (
        "give articles stored before near-duplicate detection their signature",
        "newscrawl db sign",
    ),
    "replay": (
        "store the articles of dead-letter files (what a crawl could not store); safe to run twice",
        "newscrawl db replay dead-letter/20250101T000000Z-run7-pid42.jsonl --db URL",
    ),
}


def add_commands(command: AddCommand) -> None:
    p = command(
        "db",
        "manage the database: schema migrations, near-duplicate signatures, "
        "replaying articles a crawl could not store",
        "newscrawl db upgrade --db postgresql+psycopg://user@host/news",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, (help_, example) in ACTIONS.items():
        sub = actions.add_parser(
            name,
            help=help_,
            description=f"{help_}\n\nexample:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if name in {"upgrade", "downgrade"}:
            sub.add_argument(
                "revision", nargs="?", default=None, help="target revision (upgrade: head)"
            )
        if name == "replay":
            sub.add_argument("files", nargs="+", type=Path, metavar="FILE", help="dead-letter file")
        db_option(sub)
        sub.set_defaults(func=cmd_db)


def cmd_db(args: argparse.Namespace) -> int:
    from newscrawl.storage import migrate
    from newscrawl.storage.engine import make_engine, redact_url

    url = database_url(args)
    engine = make_engine(url)
    code = EXIT_OK
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
        elif args.action == "replay":
            migrate.ensure_schema(engine)
            code = _replay(engine, url, args.files)
        print(f"{redact_url(url)}: revision {migrate.current(engine) or 'none'}")
    finally:
        engine.dispose()
    return code


def _replay(engine: Engine, url: str, files: list[Path]) -> int:
    from newscrawl.storage.deadletter import replay
    from newscrawl.storage.engine import database_secrets

    for path in files:
        if not path.is_file():
            raise FileNotFoundError(f"no dead-letter file {path}")
    code = EXIT_OK
    for path in files:
        report = replay(engine, path, secrets=database_secrets(url))
        print(
            f"{path}: {report.stored} articles stored ({report.new} new, "
            f"{report.updated} updated, {report.unchanged} unchanged)"
        )
        for number, problem in report.problems:
            print(f"  line {number}: {problem}")
        if report.problems:
            code = EXIT_FAILED
    return code
