"""``newscrawl worker``, and ``newscrawl crawl --redis``: distributed crawls."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from newscrawl.commands.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, AddCommand, db_option


def add_commands(command: AddCommand) -> None:
    p = command(
        "worker",
        "join the unfinished distributed crawls in Redis with worker processes of this machine",
        "newscrawl worker --redis redis://10.0.0.5:6379/0 --db postgresql+psycopg://news@10.0.0.5/news",
    )
    redis_option(p, required=True)
    db_option(p)
    p.add_argument(
        "-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="any Scrapy setting"
    )
    p.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    # A worker process started by `crawl --redis` or `worker` (which hold the site locks).
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--crawl", action="append", default=[], help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_worker)


def redis_option(p: argparse.ArgumentParser, *, required: bool = False) -> None:
    p.add_argument(
        "--redis",
        default=None,
        metavar="URL",
        help="Redis of a distributed crawl, redis://host:6379/0 (default: NEWSCRAWL_REDIS_URL)"
        + ("" if required else "; workers share its frontier"),
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="worker processes to start on this machine (default 1)",
    )


def redis_url(args: argparse.Namespace, overrides: dict[str, Any]) -> str:
    """``--redis``, else ``-s NEWSCRAWL_REDIS_URL``, else the setting (environment)."""
    from newscrawl import settings

    return str(
        getattr(args, "redis", None)
        or overrides.get("NEWSCRAWL_REDIS_URL")
        or settings.NEWSCRAWL_REDIS_URL
    )


def worker_count(args: argparse.Namespace, overrides: dict[str, Any]) -> int:
    count = args.workers if args.workers is not None else int(overrides.get("NEWSCRAWL_WORKERS", 1))
    if count < 1:
        raise ValueError(f"--workers must be at least 1, not {count}")
    return count


def crawl_distributed(
    args: argparse.Namespace, targets: Sequence[Any], overrides: dict[str, Any]
) -> int:
    """``newscrawl crawl ... --redis URL``: start (or resume) the crawls, run workers here."""
    from newscrawl.cluster.launch import start_crawl

    url = redis_url(args, overrides)
    outcome = start_crawl(targets, overrides, url, worker_count(args, overrides))
    return report(outcome, overrides)


def cmd_worker(args: argparse.Namespace) -> int:
    from newscrawl.commands.crawl import crawl_overrides

    overrides = crawl_overrides(args)
    url = redis_url(args, overrides)
    if not url:
        raise ValueError("give the crawl's Redis with --redis URL (or NEWSCRAWL_REDIS_URL)")
    overrides["NEWSCRAWL_REDIS_URL"] = url
    if args.child:
        from newscrawl.cluster.launch import run_worker

        overrides["NEWSCRAWL_PROGRESS"] = False
        results = run_worker(args.crawl, overrides)
        return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED
    from newscrawl.cluster.launch import join_crawls

    outcome = join_crawls(overrides, url, worker_count(args, overrides))
    return report(outcome, overrides)


def report(outcome: Any, overrides: dict[str, Any]) -> int:
    """Print each crawl's summary (every worker added up) and how each worker ended."""
    from newscrawl.commands.crawl import print_summary
    from newscrawl.storage.engine import redact_url

    for base in outcome.resumed:
        print(f"{base}: resumed the unfinished crawl")
    for result, workers in zip(outcome.results, outcome.workers.values(), strict=True):
        print_summary(result)
        states: dict[str, int] = {}
        for info in workers.values():
            states[info.get("state", "?")] = states.get(info.get("state", "?"), 0) + 1
        ended = ", ".join(f"{n} {state}" for state, n in sorted(states.items()))
        print(f"  workers: {len(workers)} ({ended})")
    print(f"database: {redact_url(overrides['NEWSCRAWL_DATABASE_URL'])}")
    if any(code == EXIT_USAGE for code in outcome.exit_codes):
        return EXIT_USAGE
    return EXIT_OK if all(r.ok for r in outcome.results) else EXIT_FAILED
