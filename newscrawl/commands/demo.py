"""``newscrawl demo``: crawl the bundled demo news sites (offline) and show the result."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newscrawl.commands.common import EXIT_FAILED, EXIT_OK, AddCommand, db_option
from newscrawl.commands.crawl import crawl_overrides, print_summary


def add_commands(command: AddCommand) -> None:
    p = command(
        "demo", "crawl the bundled demo news sites (offline) and show the result", "newscrawl demo"
    )
    db_option(p)
    p.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from newscrawl.demo import serve_demo_sites
    from newscrawl.runner import CrawlTarget, run_crawls
    from newscrawl.storage.engine import make_engine, redact_url
    from newscrawl.storage.repository import ArticleRepository

    db = args.db or "sqlite:///news.db"
    args.db = db
    overrides = crawl_overrides(args)
    # The demo sites are local: no need to be slow about it.
    overrides.update({"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0})
    with serve_demo_sites(skip=_without_browser(overrides)) as servers:
        for name, server in servers.items():
            print(f"serving demo site {name} at {server.url}")
        targets = [CrawlTarget(start_urls=[s.url], site_name=n) for n, s in servers.items()]
        results = run_crawls(targets, overrides)
    for result in results:
        print_summary(result)
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


def _without_browser(overrides: dict[str, Any]) -> frozenset[str]:
    """The script-built demo sites, when no Chromium can render them (one notice each).

    Crawled without a browser they would give an ERROR line and no article: the
    demo is meant to show what works, and says how to get the rest.
    """
    from newscrawl.demo import NEEDS_BROWSER
    from newscrawl.rendering.browser import BrowserNotFound, find_chromium
    from newscrawl.runner import project_settings

    settings = project_settings(overrides)
    if str(settings.get("NEWSCRAWL_RENDER")).lower() == "never":
        return frozenset()
    try:
        find_chromium(settings.get("NEWSCRAWL_CHROMIUM_PATH") or None)
    except BrowserNotFound as exc:
        for name in sorted(NEEDS_BROWSER):
            print(f"skipping demo site {name} (its pages are built by JavaScript): {exc}")
        return NEEDS_BROWSER
    return frozenset()


def _print_table(rows: Sequence[dict[str, Any]]) -> None:
    print(f"\n{'site':<10} {'published (UTC)':<17} {'authors':<30} title")
    for row in rows:
        published = (row.get("published_at") or "")[:16].replace("T", " ")
        authors = ", ".join(row.get("authors") or [])
        authors = authors if len(authors) <= 30 else authors[:27] + "..."
        title = row.get("title") or ""
        print(f"{(row.get('site') or '')[:10]:<10} {published:<17} {authors:<30} {title[:70]}")
