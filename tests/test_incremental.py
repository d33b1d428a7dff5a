"""Incremental recrawls: stored articles are fetched again only when new, changed or due."""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crawling import SITES_DIR, port_of, run_crawl, stored_rows
from sqlalchemy import text

from newscrawl.incremental import KnownArticles, load_known
from newscrawl.storage.engine import make_engine

T0 = datetime(2024, 12, 12, 12, 0, tzinfo=UTC)


def test_due_new_changed_refresh() -> None:
    known = KnownArticles({"https://www.a.test/story/": T0}, now=T0 + timedelta(hours=5))
    assert known.due("https://a.test/new-story")
    assert not known.due("http://a.test/story?utm_source=x")  # same page, nothing says changed
    assert not known.due("https://a.test/story", "2024-12-12T11:00:00Z")  # before our crawl
    assert known.due("https://a.test/story", "2024-12-12T13:00:00+00:00")  # changed since
    assert known.due("https://a.test/story", "2024-12-12 13:00")  # naive: read as UTC
    assert not known.due("https://a.test/story", "garbage")
    refresh = KnownArticles(
        {"https://a.test/story": T0}, refresh_after=timedelta(hours=4), now=T0 + timedelta(hours=5)
    )
    assert refresh.due("https://a.test/story")


def test_load_known_never_creates_a_database(tmp_path: Path) -> None:
    db = tmp_path / "absent.db"
    assert len(load_known(f"sqlite:///{db}", ["a.test"])) == 0
    assert not db.exists()


def _copy_site(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    shutil.copytree(SITES_DIR / name, root)
    return root


def test_recrawl_fetches_only_what_is_new_or_changed(tmp_path: Path) -> None:
    site = _copy_site(tmp_path, "harbour")
    db = tmp_path / "news.db"
    first, first_requests, url = run_crawl(site, db)
    assert first.returncode == 0, first.stderr[-2000:]
    stored = {r["canonical_url"]: r for r in stored_rows(db)}
    port = port_of(url)

    # Nothing changed: no article page is fetched again, nothing is written.
    second, second_requests, _ = run_crawl(site, db, port=port)
    assert second.returncode == 0, second.stderr[-2000:]
    assert " 0 new, 0 updated" in second.stdout
    # Unchanged listing, feed and sitemap pages answered 304 to conditional requests.
    assert "'newscrawl/conditional/not_modified'" in second.stderr
    expected = json.loads((site / "_expected.json").read_text(encoding="utf-8"))
    article_paths = {a["path"] for a in expected["articles"]}
    assert len(article_paths & set(first_requests)) == len(article_paths)
    assert not article_paths & set(second_requests)
    print(f"requests: first crawl {len(first_requests)}, second {len(second_requests)}")
    assert len(second_requests) <= len(first_requests) // 2
    assert {r["canonical_url"] for r in stored_rows(db)} == set(stored)

    # One story edited, its sitemap lastmod moved past our last crawl: only it is fetched.
    story = next(a for a in expected["articles"] if not a["reachable_only_from"])
    page = site / story["path"].strip("/") / "index.html"
    first_paragraph = story["paragraphs"][0]
    html = page.read_text(encoding="utf-8")
    assert first_paragraph in html
    page.write_text(html.replace(first_paragraph, first_paragraph + " (Updated.)"), "utf-8")
    sitemap = site / "post-sitemap.xml"
    later = (datetime.now(UTC) + timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    xml = sitemap.read_text(encoding="utf-8")
    xml, n = re.subn(
        r"(<loc>\{\{ORIGIN\}\}" + re.escape(story["path"]) + r"</loc>\s*<lastmod>)[^<]+",
        r"\g<1>" + later,
        xml,
    )
    assert n == 1
    sitemap.write_text(xml, encoding="utf-8")
    third, third_requests, _ = run_crawl(site, db, port=port)
    assert third.returncode == 0, third.stderr[-2000:]
    assert " 0 new, 1 updated" in third.stdout
    assert article_paths & set(third_requests) == {story["path"]}
    engine = make_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            revisions = conn.execute(text("select count(*) from article_revisions")).scalar_one()
    finally:
        engine.dispose()
    assert revisions == 1
    body = next(r["body"] for r in stored_rows(db) if r["canonical_url"].endswith(story["path"]))
    assert "(Updated.)" in body

    # --full fetches every article again (and finds them unchanged).
    full, _, _ = run_crawl(site, db, "--full", port=port)
    assert full.returncode == 0
    assert f" 0 new, 0 updated, {len(stored)} unchanged" in full.stdout
