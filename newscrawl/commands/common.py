"""What the command groups share: exit codes, the ``--db`` option and its URL."""

from __future__ import annotations

import argparse
from collections.abc import Callable

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
#: Another run holds a site's lock (EX_TEMPFAIL: try again later).
EXIT_LOCKED = 75

#: Adds one command to the parser: ``command(name, help, example)``; the example
#: is shown in the command's ``--help``.
AddCommand = Callable[[str, str, str], argparse.ArgumentParser]


def db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="database URL (default: NEWSCRAWL_DATABASE_URL or sqlite:///news.db)",
    )


def database_url(args: argparse.Namespace) -> str:
    """``--db``, else the ``NEWSCRAWL_DATABASE_URL`` setting.

    Read from the settings module itself, not through Scrapy's ``Settings``
    (:func:`newscrawl.runner.project_settings`, which holds the same value):
    the database commands need not load Scrapy and Twisted for one string.
    """
    from newscrawl import settings

    return args.db or settings.NEWSCRAWL_DATABASE_URL
