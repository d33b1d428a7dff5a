"""The ``newscrawl`` command line. Thin: each command calls library code.

This module builds the parser and turns errors into exit codes; the commands
live in :mod:`newscrawl.commands`, one module per group. Start-up stays cheap:
nothing here or there imports Scrapy, SQLAlchemy or the extractors until a
command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from newscrawl import __version__
from newscrawl.commands import cluster, crawl, db, demo, extract, query
from newscrawl.commands.common import EXIT_FAILED, EXIT_LOCKED, EXIT_OK, EXIT_USAGE

__all__ = ["EXIT_FAILED", "EXIT_LOCKED", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except (ValueError, FileNotFoundError) as exc:
        print(f"newscrawl: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        failure = _failure(exc, getattr(args, "db", None))
        if failure is None:
            raise
        code, message = failure
        print(message, file=sys.stderr)
        return code


def _failure(exc: Exception, db: str | None = None) -> tuple[int, str] | None:
    """The exit code and message of an error a command may end with; None for a bug.

    ``db`` is the ``--db`` URL, whose password the message must not show. The
    error classes are imported only now: importing SQLAlchemy and Alembic up
    front would slow every command, including those that never touch a database.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from newscrawl import settings
    from newscrawl.cluster.crawls import ClusterBusy
    from newscrawl.cluster.launch import ClusterError
    from newscrawl.locks import SiteLocked
    from newscrawl.storage.engine import database_secrets
    from newscrawl.storage.faults import describe_error
    from newscrawl.storage.migrate import SchemaError

    if isinstance(exc, ClusterError):
        return EXIT_FAILED, f"newscrawl: error: {exc}"
    if isinstance(exc, ClusterBusy):
        return EXIT_LOCKED, f"newscrawl: not crawling: {exc}"
    if isinstance(exc, SchemaError):
        return EXIT_FAILED, f"newscrawl: error: {exc}"
    if isinstance(exc, SiteLocked):
        return EXIT_LOCKED, f"newscrawl: not crawling: {exc}"
    if isinstance(exc, SQLAlchemyError):
        secrets = database_secrets(db or settings.NEWSCRAWL_DATABASE_URL)
        return EXIT_FAILED, f"newscrawl: database error: {describe_error(exc, secrets)}"
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newscrawl",
        description="Crawl news sites into a clean database of articles.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newscrawl {__version__}")
    sub = parser.add_subparsers(title="commands")

    def command(name: str, help_: str, example: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help_,
            description=f"{help_}\n\nexample:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        return p

    # In the order `newscrawl --help` lists them.
    for group in (crawl, cluster, query, demo, extract, db):
        group.add_commands(command)
    return parser


if __name__ == "__main__":
    sys.exit(main())
