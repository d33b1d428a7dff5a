"""Commands that read the database: ``export``, ``search``, ``stats`` and ``runs``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newscrawl.commands.common import EXIT_OK, AddCommand, database_url, db_option

if TYPE_CHECKING:
    from sqlalchemy import Engine


def add_commands(command: AddCommand) -> None:
    p = command(
        "export",
        "write stored articles as JSON lines or CSV",
        "newscrawl export --format csv --site example.com > articles.csv",
    )
    db_option(p)
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.add_argument("--site", default=None, help="only this site")
    p.add_argument("--since", default=None, help="only articles published since DATE")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument(
        "--query", default=None, help='only articles a search finds (syntax as in "search")'
    )
    _originals_option(p)
    p.add_argument("-o", "--output", default="-", help="file to write (default: stdout)")
    p.set_defaults(func=cmd_export)

    p = command(
        "search",
        'full-text search of stored articles, best first: words, "phrases", -exclusions',
        "newscrawl search '\"sea wall\" storm -tourism' --since 30d --limit 10",
    )
    p.add_argument(
        "query",
        help='words (all must match), "quoted phrases", -excluded words (after "--" if the '
        "query starts with -)",
    )
    db_option(p)
    p.add_argument("--site", default=None, help="only this site")
    p.add_argument("--since", default=None, help="only articles published since DATE or age (7d)")
    p.add_argument("--limit", type=int, default=20, help="at most N results (default 20)")
    _originals_option(p)
    _json_option(p)
    p.set_defaults(func=cmd_search)

    p = command(
        "stats",
        "articles per site and per day, and the last crawl runs",
        "newscrawl stats --days 7 --db sqlite:///news.db",
    )
    db_option(p)
    p.add_argument("--days", type=int, default=14, help="days to show per day (default 14)")
    _json_option(p)
    p.set_defaults(func=cmd_stats)

    p = command("runs", "list the latest crawl runs with their counts", "newscrawl runs --limit 5")
    db_option(p)
    p.add_argument("--limit", type=int, default=10, help="at most N runs (default 10)")
    _json_option(p)
    p.set_defaults(func=cmd_runs)


def _originals_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--originals",
        action="store_true",
        help="leave out copies: articles stored with duplicate_of (syndicated or edited versions)",
    )


def _json_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


def cmd_export(args: argparse.Namespace) -> int:
    from newscrawl.export import write_articles
    from newscrawl.storage.engine import make_engine
    from newscrawl.storage.migrate import ensure_schema
    from newscrawl.storage.repository import ArticleRepository
    from newscrawl.timeparse import parse_since

    engine = make_engine(database_url(args))
    try:
        ensure_schema(engine)
        articles = ArticleRepository(engine).iter_articles(
            site=args.site,
            since=parse_since(args.since),
            limit=args.limit,
            query=args.query,
            originals_only=args.originals,
        )
        if args.output == "-":
            n = write_articles(articles, sys.stdout, args.format)
        else:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                n = write_articles(articles, out, args.format)
            print(f"wrote {n} articles to {args.output}", file=sys.stderr)
    finally:
        engine.dispose()
    return EXIT_OK


def _open_database(args: argparse.Namespace) -> Engine:
    """An engine on the ``--db`` database, at the newest schema."""
    from newscrawl.storage.engine import make_engine
    from newscrawl.storage.migrate import ensure_schema

    engine = make_engine(database_url(args))
    try:
        ensure_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def cmd_search(args: argparse.Namespace) -> int:
    from newscrawl.storage.search import search
    from newscrawl.timeparse import parse_since

    since = parse_since(args.since)
    engine = _open_database(args)
    try:
        hits = search(
            engine,
            args.query,
            site=args.site,
            since=since,
            limit=args.limit,
            originals_only=args.originals,
        )
    finally:
        engine.dispose()
    if args.json:
        _print_json([hit.as_dict() for hit in hits])
        return EXIT_OK
    for number, hit in enumerate(hits, 1):
        published = (hit.published_at or "")[:10] or "undated"
        print(f"{number:>3}. {hit.title or '(no title)'}")
        print(f"     {hit.site or '-'} | {published} | rank {hit.rank:.3f} | {hit.canonical_url}")
        print(f"     {hit.snippet}\n")
    print(f"{len(hits)} result{'s' if len(hits) != 1 else ''}", file=sys.stderr)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from newscrawl.storage.engine import redact_url
    from newscrawl.storage.queries import stats

    engine = _open_database(args)
    try:
        summary = stats(engine, days=args.days)
    finally:
        engine.dispose()
    if args.json:
        _print_json(summary)
        return EXIT_OK
    print(f"database: {redact_url(database_url(args))}")
    print(f"{summary['articles']} articles\n")
    print(f"{'site':<32} {'articles':>8} {'copies':>6}  {'last published':<17} last crawled")
    for site in summary["sites"]:
        print(
            f"{(site['site'] or '(none)')[:32]:<32} {site['articles']:>8} {site['copies']:>6}  "
            f"{_short_time(site['last_published']):<17} {_short_time(site['last_crawled'])}"
        )
    print(f"\n{'day (UTC)':<11} {'published':>9} {'collected':>9}")
    for day in summary["days"]:
        print(f"{day['day']:<11} {day['published']:>9} {day['collected']:>9}")
    print("\nlast runs:")
    _print_runs(summary["runs"])
    return EXIT_OK


def cmd_runs(args: argparse.Namespace) -> int:
    from newscrawl.storage.queries import runs

    engine = _open_database(args)
    try:
        rows = runs(engine, args.limit)
    finally:
        engine.dispose()
    if args.json:
        _print_json(rows)
        return EXIT_OK
    _print_runs(rows)
    return EXIT_OK


def _short_time(value: str | None) -> str:
    return (value or "-")[:16].replace("T", " ")


def _print_runs(rows: Sequence[dict[str, Any]]) -> None:
    counters = ("pages", "new", "updated", "unchanged", "duplicates", "failed")
    header = " ".join(f"{name:>9}" for name in counters)
    print(f"{'run':>5} {'started (UTC)':<17} {'finished (UTC)':<17} {'status':<10} {header}")
    for row in rows:
        counts = " ".join(f"{row[name]:>9}" for name in counters)
        print(
            f"{row['id']:>5} {_short_time(row['started_at']):<17} "
            f"{_short_time(row['finished_at']):<17} {row['status'][:10]:<10} {counts}"
        )
