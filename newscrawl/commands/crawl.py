"""``newscrawl crawl``: crawl news sites into the database."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from newscrawl.commands.cluster import crawl_distributed, redis_option, redis_url
from newscrawl.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    AddCommand,
    database_url,
    db_option,
)


def add_commands(command: AddCommand) -> None:
    p = command(
        "crawl",
        "crawl news sites into the database",
        "newscrawl crawl https://example.com/ --max-articles 100",
    )
    p.add_argument("targets", nargs="+", metavar="URL|SITE", help="start URL or site profile name")
    db_option(p)
    p.add_argument("--max-articles", type=int, default=None, help="stop after storing N articles")
    p.add_argument(
        "--max-listing-depth", type=int, default=None, help="pages one listing chain may go"
    )
    p.add_argument("--since", default=None, help="skip articles older than DATE (YYYY-MM-DD or 7d)")
    p.add_argument(
        "--full",
        action="store_true",
        help="fetch every article again (default: only new ones and those that changed or are due)",
    )
    p.add_argument(
        "--jobdir",
        default=None,
        metavar="DIR",
        help="make the crawl resumable: run the same command again to finish an interrupted one",
    )
    p.add_argument(
        "--refresh-after",
        default=None,
        metavar="AGE",
        help="fetch stored articles last crawled longer ago than AGE again (6h, 7d)",
    )
    redis_option(p)
    p.add_argument(
        "-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="any Scrapy setting"
    )
    p.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    p.set_defaults(func=cmd_crawl)


def _parse_set(pairs: Sequence[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise ValueError(f"-s takes NAME=VALUE, not {pair!r}")
        out[name.strip()] = value
    return out


def crawl_overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The settings a crawl's command-line options give (``crawl`` and ``demo``)."""
    overrides: dict[str, Any] = {"NEWSCRAWL_DATABASE_URL": database_url(args)}
    if getattr(args, "max_articles", None) is not None:
        overrides["NEWSCRAWL_MAX_ARTICLES"] = args.max_articles
    if getattr(args, "max_listing_depth", None) is not None:
        overrides["NEWSCRAWL_MAX_LISTING_DEPTH"] = args.max_listing_depth
    if getattr(args, "since", None):
        from newscrawl.timeparse import parse_since

        parse_since(args.since)  # a clear error now rather than inside the crawl
        overrides["NEWSCRAWL_SINCE"] = args.since
    if getattr(args, "full", False):
        overrides["NEWSCRAWL_INCREMENTAL"] = False
    if getattr(args, "jobdir", None):
        overrides["NEWSCRAWL_JOBDIR"] = args.jobdir
    if getattr(args, "refresh_after", None):
        from newscrawl.timeparse import parse_age

        parse_age(args.refresh_after)  # a clear error now rather than inside the crawl
        overrides["NEWSCRAWL_REFRESH_AFTER"] = args.refresh_after
    if not args.verbose:
        overrides["LOG_LEVEL"] = "WARNING"
        # trafilatura warns about every page it finds little text on (listings
        # included): noise for a crawl summary, still shown with -v.
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
        overrides["NEWSCRAWL_PROGRESS"] = sys.stderr.isatty()
    overrides.update(_parse_set(getattr(args, "set", [])))
    return overrides


def cmd_crawl(args: argparse.Namespace) -> int:
    from newscrawl.runner import run_crawls, targets_from_args
    from newscrawl.storage.engine import redact_url

    targets = targets_from_args(args.targets)
    overrides = crawl_overrides(args)
    if redis_url(args, overrides):
        return crawl_distributed(args, targets, overrides)
    if getattr(args, "workers", None) is not None:
        raise ValueError("--workers needs --redis URL (workers share their frontier in Redis)")
    results = run_crawls(targets, overrides)
    for result in results:
        print_summary(result)
    print(f"database: {redact_url(overrides['NEWSCRAWL_DATABASE_URL'])}")
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED


def print_summary(result: Any) -> None:
    """One line per crawled target: pages, articles stored, duplicates, why it ended."""
    name = result.target.site or result.target.site_name or ", ".join(result.target.start_urls)
    c = result.count
    dupes = c("newscrawl/dedupe/dropped_canonical") + c("newscrawl/dedupe/dropped_content")
    # Copies of another article are stored (with duplicate_of), so they are among the new.
    copies = c("newscrawl/near_duplicates/found") + c("newscrawl/dedupe/copies")
    marked = f" ({copies} of them copies of another article)" if copies else ""
    print(
        f"{name}: {c('response_received_count')} pages, "
        f"{c('newscrawl/store/new')} new{marked}, {c('newscrawl/store/updated')} updated, "
        f"{c('newscrawl/store/unchanged')} unchanged articles, {dupes} duplicates, "
        f"{c('newscrawl/store/failed')} failed ({result.finish_reason})"
    )
    rejected = reasons(result.stats, "newscrawl/rejected/")
    if rejected:
        total = sum(rejected.values())
        print(f"  not articles: {total} pages ({_counted(rejected)})")
    dropped = reasons(result.stats, "newscrawl/validate/dropped/")
    if dropped:
        total = sum(dropped.values())
        print(f"  articles not stored: {total} ({_counted(dropped)})")
    error = result.stats.get("newscrawl/store/error")
    if error:
        print(f"  database error: {error}")
    dead = c("newscrawl/store/dead_lettered")
    if dead:
        path = result.stats.get("newscrawl/store/dead_letter_file")
        print(f"  {dead} articles not stored were written to {path}")
        print(f"  load them once the database is back: newscrawl db replay {path} --db URL")
    lost = c("newscrawl/store/lost")
    if lost:
        print(f"  {lost} articles are lost: neither stored nor written (their URLs are in the log)")
    bad = reasons(result.stats, "newscrawl/bad/")
    if bad:
        print(f"  bad pages: {sum(bad.values())} ({_counted(bad)})")
    limits = {what: c(key) for key, what in LIMITS.items() if c(key)}
    if limits:
        print("  limits reached: " + ", ".join(f"{n} {what}" for what, n in limits.items()))


#: Budgets and caps that ended part of a crawl: the stats key and what to call it.
LIMITS = {
    "newscrawl/links/over_cap": "links over NEWSCRAWL_MAX_LINKS_PER_PAGE",
    "newscrawl/budget/branches_dropped": "branches dropped (NEWSCRAWL_BRANCH_ERRORS)",
    "newscrawl/budget/sites_dropped": "sites dropped (NEWSCRAWL_SITE_ERRORS)",
    "newscrawl/budget/sites_out_of_time": "sites out of time (NEWSCRAWL_SITE_TIME_BUDGET)",
    "newscrawl/listing/stopped_depth": "listing chains at NEWSCRAWL_MAX_LISTING_DEPTH",
    "newscrawl/retry_after/too_long": "Retry-After waits over NEWSCRAWL_RETRY_AFTER_MAX",
}


def reasons(stats: Mapping[str, Any], prefix: str) -> dict[str, int]:
    """``{reason: count}`` of the stats under ``prefix``, largest first."""
    found = {k.removeprefix(prefix): int(v) for k, v in stats.items() if k.startswith(prefix)}
    return dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))


def _counted(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{n} {reason}" for reason, n in counts.items())
