"""The ``newscrawl`` command line. Thin: each command calls library code."""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscrawl import __version__

if TYPE_CHECKING:
    from sqlalchemy import Engine

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
#: Another run holds a site's lock (EX_TEMPFAIL: try again later).
EXIT_LOCKED = 75
_PASSWORD_IN_URL = re.compile(r"(://[^:/@\s]+:)[^@\s]+@")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    from sqlalchemy.exc import SQLAlchemyError

    from newscrawl.locks import SiteLocked
    from newscrawl.storage.migrate import SchemaError

    try:
        return int(args.func(args))
    except (ValueError, FileNotFoundError) as exc:
        print(f"newscrawl: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SchemaError as exc:
        print(f"newscrawl: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except SiteLocked as exc:
        print(f"newscrawl: not crawling: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except SQLAlchemyError as exc:
        print(f"newscrawl: database error: {_database_message(exc)}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130


def _database_message(exc: Exception) -> str:
    """The driver's first line, with any password in a URL masked."""
    orig = getattr(exc, "orig", None)
    first = str(orig or exc).strip().splitlines()[0] if str(orig or exc).strip() else repr(exc)
    return _PASSWORD_IN_URL.sub(r"\1***@", first)


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

    p = command(
        "crawl",
        "crawl news sites into the database",
        "newscrawl crawl https://example.com/ --max-articles 100",
    )
    p.add_argument("targets", nargs="+", metavar="URL|SITE", help="start URL or site profile name")
    _db_option(p)
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
    p.add_argument(
        "-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="any Scrapy setting"
    )
    p.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    p.set_defaults(func=cmd_crawl)

    p = command(
        "export",
        "write stored articles as JSON lines or CSV",
        "newscrawl export --format csv --site example.com > articles.csv",
    )
    _db_option(p)
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.add_argument("--site", default=None, help="only this site")
    p.add_argument("--since", default=None, help="only articles published since DATE")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument(
        "--query", default=None, help='only articles a search finds (syntax as in "search")'
    )
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
    _db_option(p)
    p.add_argument("--site", default=None, help="only this site")
    p.add_argument("--since", default=None, help="only articles published since DATE or age (7d)")
    p.add_argument("--limit", type=int, default=20, help="at most N results (default 20)")
    _json_option(p)
    p.set_defaults(func=cmd_search)

    p = command(
        "stats",
        "articles per site and per day, and the last crawl runs",
        "newscrawl stats --days 7 --db sqlite:///news.db",
    )
    _db_option(p)
    p.add_argument("--days", type=int, default=14, help="days to show per day (default 14)")
    _json_option(p)
    p.set_defaults(func=cmd_stats)

    p = command("runs", "list the latest crawl runs with their counts", "newscrawl runs --limit 5")
    _db_option(p)
    p.add_argument("--limit", type=int, default=10, help="at most N runs (default 10)")
    _json_option(p)
    p.set_defaults(func=cmd_runs)

    p = command(
        "demo", "crawl the bundled demo news sites (offline) and show the result", "newscrawl demo"
    )
    _db_option(p)
    p.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    p.set_defaults(func=cmd_demo)

    p = command(
        "extract",
        "print one article's fields from a saved page",
        "newscrawl extract --url https://example.com/a page.html.gz",
    )
    p.add_argument("file", nargs="?", help="saved page (.html or .html.gz)")
    p.add_argument(
        "--url", default=None, help="the page's URL (resolves links; default file://...)"
    )
    p.add_argument(
        "--batch",
        default=None,
        metavar="MANIFEST",
        help='JSON lines {"id","url","path"}; one JSON line out per page',
    )
    p.add_argument("--explain", action="store_true", help="also show which layer won each field")
    p.add_argument("--timezone", default="UTC", help="timezone for dates printed without an offset")
    p.set_defaults(func=cmd_extract)

    p = command(
        "eval",
        "measure extraction against gold data, beside trafilatura on the same pages",
        "newscrawl eval ../shared/benchmarks/aeb --worst 10",
    )
    p.add_argument(
        "dataset",
        metavar="DATASET_DIR",
        help="article-extraction-benchmark layout (ground-truth.json + html/) "
        "or fundus layout (manifest.json)",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--worst", type=int, default=0, metavar="N", help="also list the N worst pages")
    p.add_argument(
        "--no-trafilatura", action="store_true", help="run newscrawl only (faster; no comparison)"
    )
    p.set_defaults(func=cmd_eval)

    p = command(
        "db",
        "manage the database schema (Alembic migrations)",
        "newscrawl db upgrade --db postgresql+psycopg://user@host/news",
    )
    p.add_argument("action", choices=("upgrade", "current", "downgrade"))
    p.add_argument("revision", nargs="?", default=None, help="target revision (upgrade: head)")
    _db_option(p)
    p.set_defaults(func=cmd_db)
    return parser


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="database URL (default: NEWSCRAWL_DATABASE_URL or sqlite:///news.db)",
    )


def _json_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _database_url(args: argparse.Namespace) -> str:
    from newscrawl.runner import project_settings

    return args.db or project_settings().get("NEWSCRAWL_DATABASE_URL")


def _parse_set(pairs: Sequence[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise ValueError(f"-s takes NAME=VALUE, not {pair!r}")
        out[name.strip()] = value
    return out


def _crawl_overrides(args: argparse.Namespace) -> dict[str, Any]:
    overrides: dict[str, Any] = {"NEWSCRAWL_DATABASE_URL": _database_url(args)}
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
    overrides = _crawl_overrides(args)
    results = run_crawls(targets, overrides)
    for result in results:
        _print_summary(result)
    print(f"database: {redact_url(overrides['NEWSCRAWL_DATABASE_URL'])}")
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED


def _print_summary(result: Any) -> None:
    name = result.target.site or result.target.site_name or ", ".join(result.target.start_urls)
    c = result.count
    dupes = c("newscrawl/dedupe/dropped_canonical") + c("newscrawl/dedupe/dropped_content")
    print(
        f"{name}: {c('response_received_count')} pages, "
        f"{c('newscrawl/store/new')} new, {c('newscrawl/store/updated')} updated, "
        f"{c('newscrawl/store/unchanged')} unchanged articles, {dupes} duplicates, "
        f"{c('newscrawl/store/failed')} failed ({result.finish_reason})"
    )


def cmd_export(args: argparse.Namespace) -> int:
    from newscrawl.export import write_articles
    from newscrawl.storage.engine import make_engine
    from newscrawl.storage.migrate import ensure_schema
    from newscrawl.storage.repository import ArticleRepository
    from newscrawl.timeparse import parse_since

    engine = make_engine(_database_url(args))
    try:
        ensure_schema(engine)
        articles = ArticleRepository(engine).iter_articles(
            site=args.site, since=parse_since(args.since), limit=args.limit, query=args.query
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

    engine = make_engine(_database_url(args))
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
        hits = search(engine, args.query, site=args.site, since=since, limit=args.limit)
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
    print(f"database: {redact_url(_database_url(args))}")
    print(f"{summary['articles']} articles\n")
    print(f"{'site':<32} {'articles':>8}  {'last published':<17} last crawled")
    for site in summary["sites"]:
        print(
            f"{(site['site'] or '(none)')[:32]:<32} {site['articles']:>8}  "
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


def cmd_demo(args: argparse.Namespace) -> int:
    from newscrawl.demo import serve_demo_sites
    from newscrawl.runner import CrawlTarget, run_crawls
    from newscrawl.storage.engine import make_engine, redact_url
    from newscrawl.storage.repository import ArticleRepository

    db = args.db or "sqlite:///news.db"
    args.db = db
    overrides = _crawl_overrides(args)
    # The demo sites are local: no need to be slow about it.
    overrides.update({"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0})
    with serve_demo_sites() as servers:
        for name, server in servers.items():
            print(f"serving demo site {name} at {server.url}")
        targets = [CrawlTarget(start_urls=[s.url], site_name=n) for n, s in servers.items()]
        results = run_crawls(targets, overrides)
    for result in results:
        _print_summary(result)
    engine = make_engine(db)
    try:
        rows = list(ArticleRepository(engine).iter_articles())
    finally:
        engine.dispose()
    _print_table(rows)
    path = db.removeprefix("sqlite:///") if db.startswith("sqlite:///") else None
    where = str(Path(path).resolve()) if path else redact_url(db)
    print(f"\n{len(rows)} articles stored in {where}")
    print("next: newscrawl export --db " + db + " | head")
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED


def _print_table(rows: Sequence[dict[str, Any]]) -> None:
    print(f"\n{'site':<10} {'published (UTC)':<17} {'authors':<30} title")
    for row in rows:
        published = (row.get("published_at") or "")[:16].replace("T", " ")
        authors = ", ".join(row.get("authors") or [])
        authors = authors if len(authors) <= 30 else authors[:27] + "..."
        title = row.get("title") or ""
        print(f"{(row.get('site') or '')[:10]:<10} {published:<17} {authors:<30} {title[:70]}")


def _read_page(path: str) -> str:
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    from w3lib.encoding import html_to_unicode

    return html_to_unicode(None, data)[1]


def _extract_one(path: str, url: str | None, timezone: str, explain: bool) -> dict[str, Any]:
    from newscrawl.extract.article import extract_article
    from newscrawl.loaders import build_item

    page_url = url or Path(path).resolve().as_uri()
    extracted = extract_article(_read_page(path), page_url)
    item = build_item(
        extracted, url=page_url, site="", timezone=timezone, fetched_at=datetime.now(UTC)
    )
    record = dict(item)
    if explain:
        record["_sources"] = dict(extracted.sources)
    return record


def cmd_extract(args: argparse.Namespace) -> int:
    if args.batch:
        with open(args.batch, encoding="utf-8") as manifest:
            for number, line in enumerate(manifest, 1):
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                    record = _extract_one(
                        entry["path"], entry.get("url"), args.timezone, args.explain
                    )
                except (OSError, KeyError, ValueError) as exc:
                    print(f"newscrawl: {args.batch}:{number}: skipped: {exc}", file=sys.stderr)
                    continue
                print(json.dumps({"id": entry.get("id"), **record}, ensure_ascii=False))
        return EXIT_OK
    if not args.file:
        raise ValueError("give a saved page FILE, or --batch MANIFEST")
    record = _extract_one(args.file, args.url, args.timezone, args.explain)
    print(json.dumps(record, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from newscrawl import evaluation

    dataset = evaluation.load_dataset(args.dataset)
    systems = ("newscrawl",) if args.no_trafilatura else ("newscrawl", "trafilatura")
    result = evaluation.evaluate(dataset, systems)
    if args.json:
        print(evaluation.to_json(result, args.worst))
    else:
        print(evaluation.render_table(result, args.worst))
    return EXIT_OK


def cmd_db(args: argparse.Namespace) -> int:
    from newscrawl.storage import migrate
    from newscrawl.storage.engine import make_engine, redact_url

    url = _database_url(args)
    engine = make_engine(url)
    try:
        if args.action == "upgrade":
            migrate.upgrade(engine, args.revision or "head")
        elif args.action == "downgrade":
            if not args.revision:
                raise ValueError("downgrade needs a revision (for example: base)")
            migrate.downgrade(engine, args.revision)
        print(f"{redact_url(url)}: revision {migrate.current(engine) or 'none'}")
    finally:
        engine.dispose()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
