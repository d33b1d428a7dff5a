"""Duplicates across crawls and sites, end to end: two served sites, one SQLite file.

The harbour fixture is crawled first; then a small wire site, written here,
that carries a lightly edited copy of one harbour story, an exact copy of
another, and a story of its own.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from tests.crawling import SITES_DIR, run_crawl, stored_rows, url_path

HARBOUR = json.loads((SITES_DIR / "harbour" / "_expected.json").read_text())


def _article(title: str, published: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | Wire Desk</title>
<meta property="og:site_name" content="Wire Desk">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{published}">
</head><body><nav><a href="/">Wire Desk</a></nav>
<article><h1>{html.escape(title)}</h1><p class="byline">By Wire Staff</p>
{body}</article></body></html>"""


def _wire_site(root: Path, edited: dict[str, Any], exact: dict[str, Any]) -> None:
    """Write the wire site: home page and three articles."""
    paragraphs = list(edited["paragraphs"])
    # A light edit: a dateline in front, a sentence of its own at the end.
    paragraphs[0] = "KELPORT (Wire Desk) - " + paragraphs[0]
    paragraphs.append("Wire Desk will follow the story as it develops.")
    own = [
        "The ferry operator on the northern isles has ordered two electric vessels "
        "from a yard on the Clyde, the first of their kind on the route.",
        "Islanders have asked for quieter boats for years. The company says the new "
        "vessels will carry forty cars each and charge at both terminals overnight.",
        "The yard expects to start cutting steel in the spring, with the first boat "
        "due in service the following autumn if trials go to plan.",
    ]
    pages = {
        "wire/edited/index.html": _article(edited["title"], edited["published_at"], paragraphs),
        "wire/exact/index.html": _article(
            exact["title"], exact["published_at"], exact["paragraphs"]
        ),
        "wire/own/index.html": _article(
            "Electric ferries ordered for the northern isles", edited["published_at"], own
        ),
    }
    links = "".join(
        f'<li><a href="/{path.removesuffix("index.html")}">story</a></li>' for path in pages
    )
    pages["index.html"] = (
        "<!doctype html><html><head><title>Wire Desk</title></head>"
        f"<body><h1>Wire Desk</h1><ul>{links}</ul></body></html>"
    )
    for path, text in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")


def test_wire_copies_point_to_the_first_seen_article(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    proc, _, harbour_url = run_crawl("harbour", db)
    assert proc.returncode == 0, proc.stderr[-3000:]
    harbour_rows = {url_path(r["canonical_url"]): r for r in stored_rows(db)}

    long_stories = [a for a in HARBOUR["articles"] if sum(len(p) for p in a["paragraphs"]) > 600]
    edited, exact = long_stories[0], long_stories[1]
    wire = tmp_path / "wire"
    _wire_site(wire, edited, exact)
    proc, _, wire_url = run_crawl(wire, db)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "3 new (2 of them copies of another article)" in proc.stdout

    harbour_url, wire_url = harbour_url.rstrip("/"), wire_url.rstrip("/")
    rows = {r["canonical_url"]: r for r in stored_rows(db)}
    assert rows[f"{wire_url}/wire/edited/"]["duplicate_of"] == f"{harbour_url}{edited['path']}"
    assert rows[f"{wire_url}/wire/exact/"]["duplicate_of"] == f"{harbour_url}{exact['path']}"
    assert rows[f"{wire_url}/wire/own/"]["duplicate_of"] is None
    # The originals are untouched, and no harbour article points anywhere.
    after = {url_path(url): r for url, r in rows.items() if url.startswith(harbour_url)}
    assert after == harbour_rows
    assert all(r["duplicate_of"] is None for r in harbour_rows.values())
