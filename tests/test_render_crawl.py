"""End to end: `newscrawl crawl` of the script-built fixture site jsnews, in real Chromium.

With rendering (the default ``auto``) every article is found, including those only
a "Load more" click or infinite scrolling reveals; without it (``never``) none is.
A crawl of a server-rendered site in ``auto`` mode never starts a browser.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from render_support import dumped_stats, require_chromium
from sqlalchemy import inspect

from newscrawl.devserver import SiteServer
from newscrawl.storage.engine import make_engine
from newscrawl.storage.repository import ArticleRepository

SITES = Path(__file__).parent / "sites"
EXPECTED = json.loads((SITES / "jsnews" / "_expected_rendered.json").read_text(encoding="utf-8"))


@dataclass
class Crawl:
    returncode: int
    output: str
    rows: list[dict[str, Any]]
    requests: list[str]
    stats: dict[str, float]
    seconds: float

    def paths(self) -> list[str]:
        return [urlsplit(row["canonical_url"]).path for row in self.rows]

    def by_path(self) -> dict[str, dict[str, Any]]:
        return {urlsplit(row["canonical_url"]).path: row for row in self.rows}


def crawl_site(site: str, db: Path, *settings: str) -> Crawl:
    server = SiteServer(SITES / site).start()
    extra = [arg for setting in settings for arg in ("-s", setting)]
    started = time.monotonic()
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
                "-s",
                "AUTOTHROTTLE_ENABLED=False",
                "-s",
                "DOWNLOAD_DELAY=0",
                *extra,
                "-v",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    finally:
        server.stop()
    seconds = time.monotonic() - started
    output = proc.stdout + proc.stderr
    return Crawl(
        proc.returncode,
        output,
        stored_rows(db),
        list(server.requests),
        dumped_stats(output),
        seconds,
    )


def stored_rows(db: Path) -> list[dict[str, Any]]:
    """Stored articles; none when the crawl failed before it created the schema."""
    engine = make_engine(f"sqlite:///{db}")
    try:
        if not inspect(engine).has_table("articles"):
            return []
        return list(ArticleRepository(engine).iter_articles())
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    require_chromium()
    return crawl_site("jsnews", tmp_path_factory.mktemp("jsnews") / "news.db")


@pytest.mark.browser
def test_rendered_crawl_finds_every_article_once(rendered: Crawl) -> None:
    assert rendered.returncode == 0, rendered.output[-3000:]
    expected = {article["path"] for article in EXPECTED["articles"]}
    paths = rendered.paths()
    assert len(paths) == len(set(paths))
    assert set(paths) == expected
    assert not set(paths) & set(EXPECTED["not_articles"])


@pytest.mark.browser
def test_load_more_and_infinite_scroll_were_needed(rendered: Crawl) -> None:
    stored = set(rendered.paths())
    hidden = {a["path"]: a["reachable_only_from"] for a in EXPECTED["articles"]}
    assert {"load_more", "infinite_scroll"} <= set(hidden.values())
    for path, reach in hidden.items():
        if reach:
            assert path in stored, f"{reach}: {path}"
    # The later pages of both lists were fetched by the page's own script.
    assert "/api/latest-3.json" in rendered.requests
    assert "/api/archive-2.json" in rendered.requests


@pytest.mark.browser
def test_rendered_articles_have_their_fields(rendered: Crawl) -> None:
    rows = rendered.by_path()
    problems = []
    for article in EXPECTED["articles"]:
        row = rows.get(article["path"])
        if row is None:
            continue
        if row["title"] != article["title"]:
            problems.append(f"{article['path']}: title {row['title']!r}")
        if row["published_at"] != article["published_at"]:
            problems.append(f"{article['path']}: published {row['published_at']!r}")
        body = " ".join((row["body"] or "").split())
        problems += [
            f"{article['path']}: lost {p[:50]!r}" for p in article["paragraphs"] if p not in body
        ]
        problems += [
            f"{article['path']}: has {junk!r}" for junk in EXPECTED["boilerplate"] if junk in body
        ]
    assert not problems, "\n".join(problems[:30])


@pytest.mark.browser
def test_rendering_was_decided_once_and_pages_were_closed(rendered: Crawl) -> None:
    stats = rendered.stats
    assert stats["newscrawl/render/decided_render"] == 1
    assert stats["newscrawl/render/probes"] == 1
    assert stats["newscrawl/render/rendered"] >= len(EXPECTED["articles"])
    assert stats["playwright/page_count"] == stats["playwright/page_count/closed"]
    assert stats["newscrawl/render/pages_open_at_close"] == 0
    assert stats["playwright/page_count/max_concurrent"] <= 4


@pytest.mark.browser
def test_rendered_pages_download_no_images_or_fonts(rendered: Crawl) -> None:
    assert rendered.stats["playwright/request_count/aborted"] > 0
    fetched = [
        path
        for path in rendered.requests
        if any(path.startswith(prefix) for prefix in EXPECTED["never_fetched_in_rendered_pages"])
    ]
    assert not fetched


@pytest.mark.browser
def test_rendered_crawl_respects_robots(rendered: Crawl) -> None:
    assert not [p for p in rendered.requests if p.startswith(tuple(EXPECTED["disallowed"]))]


def test_static_crawl_misses_every_article(tmp_path: Path) -> None:
    crawl = crawl_site("jsnews", tmp_path / "news.db", "NEWSCRAWL_RENDER=never")
    assert crawl.returncode == 0, crawl.output[-3000:]
    assert crawl.rows == []
    assert "playwright/page_count" not in crawl.stats
    assert not [p for p in crawl.requests if p.startswith("/api/")]


def test_server_rendered_site_starts_no_browser_in_auto_mode(tmp_path: Path) -> None:
    crawl = crawl_site("harbour", tmp_path / "news.db", "NEWSCRAWL_RENDER=auto")
    assert crawl.returncode == 0, crawl.output[-3000:]
    assert crawl.rows
    assert crawl.stats.get("newscrawl/render/probes", 0) == 0
    assert "newscrawl/render/browser_launched" not in crawl.stats
    assert "Starting download handler" not in crawl.output  # Playwright was never started


def test_always_without_a_browser_fails_with_the_way_out(tmp_path: Path) -> None:
    crawl = crawl_site(
        "jsnews",
        tmp_path / "news.db",
        "NEWSCRAWL_RENDER=always",
        "NEWSCRAWL_CHROMIUM_PATH=/nonexistent/chromium",
    )
    assert crawl.returncode == 2
    # One clear line before any request, not a traceback from inside the crawl.
    assert crawl.output.startswith("newscrawl: error: NEWSCRAWL_CHROMIUM_PATH=")
    assert "Traceback" not in crawl.output
    assert "apt-get install -y chromium" in crawl.output
    assert crawl.requests == []
    assert crawl.rows == []


def test_auto_without_a_browser_crawls_statically_and_says_why(tmp_path: Path) -> None:
    crawl = crawl_site(
        "jsnews",
        tmp_path / "news.db",
        "NEWSCRAWL_RENDER=auto",
        "NEWSCRAWL_CHROMIUM_PATH=/nonexistent/chromium",
    )
    assert crawl.returncode == 0, crawl.output[-3000:]
    assert crawl.rows == []
    assert crawl.stats["newscrawl/render/unavailable"] >= 1
    assert "cannot be rendered" in crawl.output
    assert "apt-get install -y chromium" in crawl.output
