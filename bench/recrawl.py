"""Incremental recrawl benchmark on a generated 2,000-article news site.

    .venv/bin/python bench/recrawl.py [--articles 2000] [--added 20]

1. crawl the site into a fresh SQLite database (a full first crawl);
2. crawl it again with nothing changed;
3. add ``--added`` new stories (on top of the listings, the feed and the
   sitemap, as a news site does) and crawl again.
Prints requests, seconds and stored counts of each crawl. The site: a home page
with a "News Feed" block, a "More news" listing of 20 stories a page, an RSS
feed of the latest 50, a Google News sitemap of the latest 200, and article
pages with JSON-LD, bylines and MORE NEWS links.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newscrawl.devserver import SiteServer

WORDS = [
    "council",
    "harbour",
    "ferry",
    "school",
    "river",
    "bridge",
    "market",
    "library",
    "storm",
    "budget",
    "plan",
    "tram",
    "station",
    "museum",
    "festival",
    "police",
    "hospital",
    "water",
    "energy",
    "port",
    "team",
    "match",
    "winter",
    "residents",
    "officials",
    "said",
    "week",
    "project",
    "city",
    "district",
    "road",
    "new",
    "old",
    "report",
    "vote",
]
PER_PAGE = 20
START = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)


def story(n: int) -> dict[str, object]:
    rng = random.Random(n)
    title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize() + f" ({n})"
    when = START + timedelta(hours=3 * n)
    paragraphs = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(35, 60))).capitalize() + "."
        for _ in range(5)
    ]
    slug = f"{when:%Y/%m/%d}/story-{n}"
    return {"n": n, "title": title, "when": when, "paragraphs": paragraphs, "path": f"/{slug}/"}


def page(title: str, body: str, head: str = "") -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<link rel="alternate" type="application/rss+xml" href="/feed.xml">{head}</head>'
        f'<body><header><a href="/">Home</a> <a href="/news/">News</a> '
        f'<a href="/about/">About</a></header>{body}</body></html>'
    )


def write(root: Path, path: str, text: str) -> None:
    target = root / path.strip("/") / "index.html" if path.endswith("/") else root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def build(root: Path, count: int) -> None:
    if root.exists():
        shutil.rmtree(root)
    stories = [story(n) for n in range(count)][::-1]  # newest first
    feed_block = "".join(f'<li><a href="{s["path"]}">{s["title"]}</a></li>' for s in stories[:10])
    write(
        root,
        "/",
        page(
            "The Bench Times",
            f"<h1>The Bench Times</h1><section><h2>News Feed"
            f"</h2><ul>{feed_block}</ul></section><a href='/news/'>More news</a>",
        ),
    )
    pages = [stories[i : i + PER_PAGE] for i in range(0, len(stories), PER_PAGE)]
    for number, chunk in enumerate(pages, 1):
        path = "/news/" if number == 1 else f"/news/page/{number}/"
        items = "".join(
            f'<article><h2><a href="{s["path"]}">{s["title"]}</a></h2>'
            f'<time datetime="{s["when"].isoformat()}">{s["when"]:%B %d, %Y}</time></article>'
            for s in chunk
        )
        more = (
            f'<a rel="next" href="/news/page/{number + 1}/">More news</a>'
            if number < len(pages)
            else ""
        )
        head = f'<link rel="next" href="/news/page/{number + 1}/">' if more else ""
        write(root, path, page("News", f"<main><h1>News</h1>{items}{more}</main>", head))
    for i, s in enumerate(stories):
        neighbours = stories[max(0, i - 2) : i] + stories[i + 1 : i + 3]
        more_news = "".join(f'<li><a href="{o["path"]}">{o["title"]}</a></li>' for o in neighbours)
        ld = json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": s["title"],
                "datePublished": s["when"].isoformat(),
                "author": {"@type": "Person", "name": "Ada Quill"},
            }
        )
        body = "".join(f"<p>{p}</p>" for p in s["paragraphs"])
        write(
            root,
            str(s["path"]),
            page(
                str(s["title"]),
                f"<article><h1>{s['title']}</h1><p class='byline'>By Ada Quill</p>{body}</article>"
                f"<aside><h3>MORE NEWS</h3><ul>{more_news}</ul></aside>",
                f'<script type="application/ld+json">{ld}</script>'
                f'<meta property="og:type" content="article">',
            ),
        )
    write(root, "/about/", page("About", "<p>About us.</p>"))
    items = "".join(
        f"<item><title>{s['title']}</title><link>{{{{ORIGIN}}}}{s['path']}</link>"
        f"<pubDate>{s['when']:%a, %d %b %Y %H:%M:%S +0000}</pubDate></item>"
        for s in stories[:50]
    )
    (root / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<title>Bench</title>{items}</channel></rss>",
        "utf-8",
    )
    urls = "".join(
        f"<url><loc>{{{{ORIGIN}}}}{s['path']}</loc><news:news><news:publication_date>"
        f"{s['when'].isoformat()}</news:publication_date></news:news></url>"
        for s in stories[:200]
    )
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>',
        "utf-8",
    )
    (root / "robots.txt").write_text("User-agent: *\nSitemap: {{ORIGIN}}/sitemap.xml\n", "utf-8")


def crawl(root: Path, db: Path, port: int) -> tuple[int, float, float, str]:
    """Requests served, wall seconds of the process, Scrapy's elapsed seconds, summary."""
    server = SiteServer(root, port=port).start()
    started = time.perf_counter()
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
                "-s",
                "CONCURRENT_REQUESTS_PER_DOMAIN=16",
                "-s",
                f"NEWSCRAWL_LOCK_DIR={db.parent}",
                "-v",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        server.stop()
    wall = time.perf_counter() - started
    found = re.search(r"'elapsed_time_seconds': ([0-9.]+)", proc.stderr)
    elapsed = float(found.group(1)) if found else float("nan")
    return len(server.requests), wall, elapsed, proc.stdout.splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--added", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root, db = Path(tmp) / "site", Path(tmp) / "news.db"
        build(root, args.articles)
        probe = SiteServer(root).start()
        port = int(probe.url.rsplit(":", 1)[1].strip("/"))
        probe.stop()
        runs = [("first crawl", *crawl(root, db, port))]
        runs.append(("nothing changed", *crawl(root, db, port)))
        build(root, args.articles + args.added)
        runs.append((f"{args.added} added", *crawl(root, db, port)))
    first_requests, first_wall, first_crawl = runs[0][1], runs[0][2], runs[0][3]
    print(f"{args.articles}-article site, SQLite, AutoThrottle off, 16 requests at once")
    print("wall: the whole newscrawl process; crawl: Scrapy's elapsed_time_seconds")
    header = ("crawl", "requests", "%", "wall s", "%", "crawl s", "%")
    print("{:<16} {:>8} {:>6} {:>7} {:>6} {:>7} {:>6}  summary".format(*header))
    for name, requests, wall, elapsed, summary in runs:
        print(
            f"{name:<16} {requests:>8} {100 * requests / first_requests:>5.1f}% "
            f"{wall:>7.1f} {100 * wall / first_wall:>5.1f}% "
            f"{elapsed:>7.1f} {100 * elapsed / first_crawl:>5.1f}%  {summary.split(': ', 1)[1]}"
        )


if __name__ == "__main__":
    main()
