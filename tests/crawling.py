"""Helpers for tests that run real crawls: the CLI in a subprocess against a served site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newscrawl.devserver import SiteServer
from newscrawl.storage.engine import make_engine
from newscrawl.storage.repository import ArticleRepository

SITES_DIR = Path(__file__).parent / "sites"
FAST = ("-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0")


def url_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def run_crawl(
    site: str | Path, db: Path, *extra: str, port: int = 0
) -> tuple[subprocess.CompletedProcess[str], list[str], str]:
    """Serve ``site`` (a tests/sites name or a folder) and crawl it into SQLite ``db``.

    Returns the finished process, the paths the server was asked for, and the site's URL.
    """
    root = site if isinstance(site, Path) else SITES_DIR / site
    server = SiteServer(root, port=port).start()
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "newscrawl.cli",
                "crawl",
                server.url,
                "--db",
                f"sqlite:///{db}",
                *FAST,
                "-v",
                *extra,
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    finally:
        server.stop()
    return proc, list(server.requests), server.url


def port_of(url: str) -> int:
    return int(urlsplit(url).port or 0)


def stored_rows(db: Path) -> list[dict[str, Any]]:
    engine = make_engine(f"sqlite:///{db}")
    try:
        return list(ArticleRepository(engine).iter_articles())
    finally:
        engine.dispose()
