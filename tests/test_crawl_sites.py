"""End to end: `newscrawl crawl` against each fixture site, asserting on database rows.

Each fixture site ships `_expected.json` (written by its generator) with the
gold answer: every article path with its fields, the pages that are not
articles, the duplicates and the robots-disallowed paths. The crawl runs as a
real process (the CLI), against the site served on 127.0.0.1, into a real
SQLite file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from crawling import SITES_DIR, port_of, run_crawl, stored_rows, url_path

from newscrawl.devserver import SiteServer

SITE_NAMES = sorted(p.parent.name for p in SITES_DIR.glob("*/_expected.json"))


@dataclass
class Crawl:
    name: str
    expected: dict[str, Any]
    rows: list[dict[str, Any]]
    requests: list[str]
    returncode: int
    output: str

    def rows_byurl_path(self) -> dict[str, dict[str, Any]]:
        return {url_path(row["canonical_url"]): row for row in self.rows}


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", params=SITE_NAMES)
def crawl(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Crawl]:
    name = request.param
    expected = json.loads((SITES_DIR / name / "_expected.json").read_text(encoding="utf-8"))
    db = tmp_path_factory.mktemp(name) / "news.db"
    proc, requests, _ = run_crawl(name, db)
    yield Crawl(
        name, expected, stored_rows(db), requests, proc.returncode, proc.stdout + proc.stderr
    )


def test_crawl_exits_cleanly(crawl: Crawl) -> None:
    assert crawl.returncode == 0, crawl.output[-3000:]


def test_every_article_stored_exactly_once(crawl: Crawl) -> None:
    stored = [url_path(row["canonical_url"]) for row in crawl.rows]
    expected = {a["path"] for a in crawl.expected["articles"]}
    assert len(stored) == len(set(stored))
    missing = sorted(expected - set(stored))
    extra = sorted(set(stored) - expected)
    assert not missing and not extra, f"missing {missing}\nnot articles but stored {extra}"


def test_no_listing_or_service_page_stored(crawl: Crawl) -> None:
    stored = {url_path(row["canonical_url"]) for row in crawl.rows}
    wrongly = sorted(stored & set(crawl.expected["not_articles"]))
    assert not wrongly


def test_robots_disallowed_paths_never_fetched(crawl: Crawl) -> None:
    fetched = [
        p for p in crawl.requests if any(p.startswith(d) for d in crawl.expected["disallowed"])
    ]
    assert not fetched


def test_each_reachability_case_found(crawl: Crawl) -> None:
    stored = {url_path(row["canonical_url"]) for row in crawl.rows}
    for article in crawl.expected["articles"]:
        if article.get("reachable_only_from"):
            assert article["path"] in stored, f"{article['reachable_only_from']}: {article['path']}"


def _mismatches(crawl: Crawl, field: str, expected_key: str | None = None) -> list[str]:
    rows = crawl.rows_byurl_path()
    out = []
    for article in crawl.expected["articles"]:
        row = rows.get(article["path"])
        if row is None:
            continue
        want, got = article[expected_key or field], row.get(field)
        if want != got:
            out.append(f"{article['path']}: want {want!r} got {got!r}")
    return out


def test_titles(crawl: Crawl) -> None:
    assert not _mismatches(crawl, "title")


def test_authors(crawl: Crawl) -> None:
    assert not _mismatches(crawl, "authors")


def test_published_at_utc(crawl: Crawl) -> None:
    assert not _mismatches(crawl, "published_at")


def test_bodies_are_the_story_and_only_the_story(crawl: Crawl) -> None:
    rows = crawl.rows_byurl_path()
    problems = []
    for article in crawl.expected["articles"]:
        row = rows.get(article["path"])
        if row is None:
            continue
        body = _norm(row["body"] or "")
        paragraphs = [_norm(p) for p in article["paragraphs"]]
        if article.get("paywalled"):
            paragraphs = paragraphs[:1]
        for paragraph in paragraphs:
            if paragraph not in body:
                problems.append(f"{article['path']}: lost {paragraph[:60]!r}")
        for junk in crawl.expected["boilerplate"]:
            if junk in body:
                problems.append(f"{article['path']}: contains {junk!r}")
    assert not problems, "\n".join(problems[:40])


def test_scrapy_crawl_from_the_repo_root_honours_max_articles_and_contact(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    server = SiteServer(SITES_DIR / "lantern").start()
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                "news",
                "-a",
                f"start_urls={server.url}",
                "-a",
                "max_articles=5",
                "-s",
                f"NEWSCRAWL_DATABASE_URL=sqlite:///{db}",
                "-s",
                "NEWSCRAWL_CONTACT_URL=mailto:desk@example.org",
                "-s",
                "AUTOTHROTTLE_ENABLED=False",
                "-s",
                "DOWNLOAD_DELAY=0",
            ],
            cwd=Path(__file__).parent.parent,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    finally:
        server.stop()
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(stored_rows(db)) == 5
    (agent,) = server.user_agents
    assert agent.startswith("newscrawl/") and agent.endswith("(+mailto:desk@example.org)")


def test_a_second_crawl_of_an_unchanged_site_changes_nothing(tmp_path: Path) -> None:
    # lantern prints local times without offsets: what a crawl stores must not
    # depend on the order pages arrive in, or every re-crawl would "update" rows.
    db = tmp_path / "news.db"
    first, _, url = run_crawl("lantern", db)
    assert first.returncode == 0, first.stderr[-2000:]
    before = {r["canonical_url"]: r for r in stored_rows(db)}
    # --full: fetch and extract every article again, not only what changed.
    second, _, _ = run_crawl("lantern", db, "--full", port=port_of(url))
    assert second.returncode == 0, second.stderr[-2000:]
    after = {r["canonical_url"]: r for r in stored_rows(db)}
    fields = ("title", "authors", "published_at", "modified_at", "body", "content_hash")
    changed = [
        url
        for url, row in after.items()
        if any(row[f] != before.get(url, {}).get(f) for f in fields)
    ]
    assert set(after) == set(before)
    assert not changed
    assert " 0 new, 0 updated" in second.stdout
