"""Consistency of the "meridian" fixture site, the crawler's never-seen acceptance site.

The site (tests/sites/meridian) and its gold answers (``_expected.json``) are written by
``tests/sites/_build/meridian.py``. These tests keep the two honest: every expected page
answers, no internal link is broken, the hidden articles are linked only from where the
answers claim, and the committed files are what the generator writes today.
"""

from __future__ import annotations

import json
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import lxml.html
import pytest

from newscrawl.devserver import SiteServer

SITE = Path(__file__).parent / "sites" / "meridian"
GENERATOR = Path(__file__).parent / "sites" / "_build" / "meridian.py"
EXPECTED: dict = json.loads((SITE / "_expected.json").read_text(encoding="utf-8"))
ARTICLES: list[dict] = EXPECTED["articles"]
ARTICLE_PATHS = {a["path"] for a in ARTICLES}
ORIGIN_TOKEN = "{{ORIGIN}}"
TEXT_SUFFIXES = {".html", ".xml", ".txt", ".json"}
# Attributes whose root-relative values a browser or crawler would request.
LINK_XPATH = (
    "//a/@href | //link/@href | //img/@src | //script/@src | //source/@src | //form/@action"
)


ServeSite = Callable[[str | Path], SiteServer]


@pytest.fixture
def site(serve_site: ServeSite) -> SiteServer:
    return serve_site("meridian")


def text_files() -> Iterator[Path]:
    """Every served text file of the site (the gold answers are not served content)."""
    for path in sorted(SITE.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES and not path.name.startswith("_"):
            yield path


def fetch(server: SiteServer, path: str) -> tuple[int, str, bytes]:
    """GET ``path`` following redirects: (status, content type, body)."""
    try:
        with urllib.request.urlopen(server.url.rstrip("/") + path, timeout=5) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, "", b""


def root_relative(value: str) -> str | None:
    """The site path a link points to, or None for external and non-HTTP links."""
    value = value.strip().replace(ORIGIN_TOKEN, "", 1) if value.startswith(ORIGIN_TOKEN) else value
    if not value.startswith("/") or value.startswith("//"):
        return None
    return value.split("#", 1)[0]


def links_of(file: Path) -> set[str]:
    """Internal URLs (path plus query) a file references."""
    text = file.read_text(encoding="utf-8")
    found = {f"/{m}" for m in re.findall(r"\{\{ORIGIN\}\}/([^\s<\"'&]*)", text)}
    if file.suffix == ".html":
        tree = lxml.html.fromstring(text)
        found |= {p for v in tree.xpath(LINK_XPATH) if (p := root_relative(str(v)))}
    return found


def anchors(server: SiteServer, path: str, skip_css: str | None) -> list[str]:
    """The <a href> and rel=next targets of one HTML page, optionally ignoring one block."""
    file = server.resolve(path)
    if file is None or file.suffix != ".html":
        return []
    tree = lxml.html.fromstring(file.read_text(encoding="utf-8"))
    if skip_css:
        for block in tree.find_class(skip_css):
            block.drop_tree()
    values = tree.xpath("//a/@href | //link[@rel='next']/@href")
    return [p for v in values if (p := root_relative(str(v)))]


def crawl(server: SiteServer, skip_css: str | None = None) -> set[str]:
    """Breadth-first walk from / over HTML links, obeying the disallow list."""
    seen = {"/"}
    queue = ["/"]
    while queue:
        for target in anchors(server, queue.pop(0), skip_css):
            if target in seen or target.startswith(tuple(EXPECTED["disallowed"])):
                continue
            seen.add(target)
            queue.append(target)
    return seen


def articles_in(urls: set[str]) -> set[str]:
    return {urlsplit(u).path for u in urls} & ARTICLE_PATHS


def hidden(kind: str | None) -> set[str]:
    return {a["path"] for a in ARTICLES if a["reachable_only_from"] == kind}


def load_generator() -> ModuleType:
    """Import the generator script by path, without leaving bytecode in the fixture tree."""
    module = ModuleType("meridian_build")
    module.__file__ = str(GENERATOR)
    # dataclasses look their module up in sys.modules while the class is built.
    sys.modules[module.__name__] = module
    try:
        exec(compile(GENERATOR.read_text(encoding="utf-8"), str(GENERATOR), "exec"), vars(module))
    finally:
        del sys.modules[module.__name__]
    return module


# ----------------------------------------------------------------------------- tests


def test_expected_answers_have_the_promised_shape() -> None:
    assert len(ARTICLES) >= 24
    kinds = [a["reachable_only_from"] for a in ARTICLES]
    assert {k: kinds.count(k) for k in ("more_news", "feed", "sitemap")} == {
        "more_news": 1,
        "feed": 1,
        "sitemap": 2,
    }
    assert len(EXPECTED["duplicates"]) == 2
    assert not ARTICLE_PATHS & set(EXPECTED["not_articles"])
    for article in ARTICLES:
        words = sum(len(p.split()) for p in article["paragraphs"])
        assert 150 <= words <= 600, article["path"]
        assert re.fullmatch(r"/[a-z]+/[a-z0-9-]+-\d+", article["path"])
        assert article["published_at"].endswith("+00:00")
        assert article["authors"] and article["tags"] and article["lead_image_caption"]
        for text in EXPECTED["boilerplate"]:
            assert all(text not in p for p in article["paragraphs"]), (article["path"], text)


def test_article_pages_carry_body_boilerplate_and_date() -> None:
    jsonld = 0
    kyiv = ZoneInfo("Europe/Kyiv")
    for article in ARTICLES:
        raw = (SITE / article["path"].lstrip("/") / "index.html").read_text(encoding="utf-8")
        tree = lxml.html.fromstring(raw)
        page_text = " ".join(tree.text_content().split())
        assert tree.findtext(".//h1").strip() == article["title"]
        body = tree.find_class("post__content")[0]
        paragraphs = [el for el in body if el.tag == "p" and "read-also" not in el.classes]
        assert 3 <= len(paragraphs) <= 9, article["path"]
        position = 0
        body_text = " ".join(body.text_content().split())
        for expected_text in article["paragraphs"]:
            position = body_text.index(expected_text, position)  # present, in order
        for fixed in ("News Feed", "MORE NEWS", "Editors' Picks", "min read", "Read also: "):
            assert fixed in page_text, (article["path"], fixed)
        assert page_text.count("* indicates required") == 6
        assert len(tree.xpath("//form[contains(@class, 'newsletter')]")) == 6
        assert len(tree.find_class("more-news")[0].xpath(".//a")) == 4
        assert len(tree.find_class("editors-picks")[0].xpath(".//a")) == 3
        visible = tree.find_class("post__date")[0].text_content()
        local = datetime.strptime(visible, "%B %d, %Y %I:%M %p").replace(tzinfo=kyiv)
        assert local == datetime.fromisoformat(article["published_at"])
        jsonld += '"datePublished"' in raw
    assert abs(jsonld - len(ARTICLES) / 2) <= 1


def test_every_expected_page_answers(site: SiteServer) -> None:
    paths = [*ARTICLE_PATHS, *EXPECTED["not_articles"]]
    paths += [d["path"] for d in EXPECTED["duplicates"]]
    for path in paths:
        status, ctype, _ = fetch(site, path)
        assert (status, ctype.split(";")[0]) == (200, "text/html"), path
    status, ctype, body = fetch(site, "/files/report.pdf")
    assert (status, ctype, body[:5]) == (200, "application/pdf", b"%PDF-")


def test_every_internal_link_resolves(site: SiteServer) -> None:
    targets = set().union(*(links_of(f) for f in text_files()))
    assert len(targets) > 150  # the scan really found the site's links
    broken = sorted(t for t in targets if fetch(site, t)[0] != 200)
    assert broken == []


def test_listing_links_reach_exactly_the_listed_articles(site: SiteServer) -> None:
    without_more_news = articles_in(crawl(site, skip_css="more-news"))
    assert without_more_news == hidden(None)
    assert articles_in(crawl(site)) == hidden(None) | hidden("more_news")


def test_feed_and_sitemap_add_exactly_their_hidden_articles() -> None:
    feed = articles_in(links_of(SITE / "rss.xml"))
    news_sitemap = articles_in(links_of(SITE / "sitemaps" / "news.xml"))
    assert len(feed) == 15
    assert feed - hidden(None) == hidden("feed")
    assert news_sitemap - hidden(None) == hidden("sitemap")
    assert hidden("sitemap") | hidden("feed") | hidden("more_news") <= ARTICLE_PATHS
    # The 15 newest stories, apart from the MORE NEWS-only one, are the feed.
    newest = sorted(
        (a for a in ARTICLES if a["reachable_only_from"] != "more_news"),
        key=itemgetter("published_at"),
        reverse=True,
    )
    assert feed == {a["path"] for a in newest[:15]}


def test_hidden_articles_are_mentioned_only_where_claimed() -> None:
    claims = {"feed": {"rss.xml"}, "sitemap": {"sitemaps/news.xml"}}
    for article in ARTICLES:
        kind = article["reachable_only_from"]
        if kind is None:
            continue
        own = {f"{article['path'].lstrip('/')}/index.html", f"amp{article['path']}/index.html"}
        mention = re.compile(re.escape(article["path"]) + r"(?![\w-])")
        referrers = {
            str(f.relative_to(SITE)): len(mention.findall(f.read_text(encoding="utf-8")))
            for f in text_files()
            if str(f.relative_to(SITE)) not in own
        }
        referrers = {name: n for name, n in referrers.items() if n}
        if kind == "more_news":
            assert referrers, article["path"]
            for name, count in referrers.items():
                tree = lxml.html.fromstring((SITE / name).read_text(encoding="utf-8"))
                block = tree.find_class("more-news")
                hrefs = [a for b in block for a in b.xpath(".//a/@href") if a == article["path"]]
                assert len(hrefs) == count, name
                assert (SITE / name).parent.parent.name in {"news", "business", "culture"}
        else:
            assert set(referrers) == claims[kind], article["path"]


def test_news_feed_pages_and_calendar_trap() -> None:
    pages = ["news-feed/index.html", *(f"news-feed/index@page={n}.html" for n in (2, 3, 4))]
    for number, name in enumerate(pages, start=1):
        tree = lxml.html.fromstring((SITE / name).read_text(encoding="utf-8"))
        more = tree.xpath("//a[@class='load-more']/@href")
        nxt = tree.xpath("//link[@rel='next']/@href")
        expected = [] if number == len(pages) else [f"/news-feed?page={number + 1}"]
        assert more == nxt == expected
    assert not (SITE / "news-feed" / "index@page=5.html").exists()
    days = sorted((SITE / "archive").glob("index@date=*.html"))
    assert len(days) == 60
    with_stories = [d for d in days if "card__title" in d.read_text(encoding="utf-8")]
    assert len(with_stories) == 2
    for day in days:
        assert "Previous day" in day.read_text(encoding="utf-8")


def test_robots_disallow_and_origin_token(site: SiteServer) -> None:
    robots = (SITE / "robots.txt").read_text(encoding="utf-8")
    for path in EXPECTED["disallowed"]:
        assert f"Disallow: {path}\n" in robots
    home = (SITE / "index.html").read_text(encoding="utf-8")
    assert 'href="/search?q=' in home and 'href="/admin/"' in home
    for file in text_files():
        text = file.read_text(encoding="utf-8")
        assert "127.0.0.1" not in text and "localhost" not in text, file
    served = fetch(site, "/robots.txt")[2].decode()
    if ORIGIN_TOKEN not in served:  # the server fills in its own origin
        assert f"Sitemap: {site.url}sitemaps/news.xml" in served


def test_duplicates_point_to_their_canonical() -> None:
    for dup in EXPECTED["duplicates"]:
        assert dup["canonical_path"] in ARTICLE_PATHS
        file = SITE / urlsplit(dup["path"]).path.lstrip("/") / "index.html"
        tree = lxml.html.fromstring(file.read_text(encoding="utf-8"))
        canonical = tree.xpath("//link[@rel='canonical']/@href")
        assert canonical == [ORIGIN_TOKEN + dup["canonical_path"]]


def test_generator_rewrites_the_committed_site(tmp_path: Path) -> None:
    generator = load_generator()
    answers = generator.build(tmp_path / "meridian")
    assert answers == EXPECTED
    written = {p.relative_to(tmp_path / "meridian") for p in (tmp_path / "meridian").rglob("*")}
    committed = {p.relative_to(SITE) for p in SITE.rglob("*")}
    assert written == committed
    for rel in sorted(r for r in committed if (SITE / r).is_file()):
        assert (SITE / rel).read_bytes() == (tmp_path / "meridian" / rel).read_bytes(), rel
