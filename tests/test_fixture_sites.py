"""Consistency of the "harbour" and "lantern" fixture sites and their gold answers.

Both sites and their ``_expected.json`` are written by generators in
``tests/sites/_build``. These tests keep the three honest: the committed files
are what the generators write today, every expected page answers, the link
graph has exactly the one deliberate broken link, hidden articles are linked
only from where the answers claim, and the gold text is really on the pages.
"""

from __future__ import annotations

import importlib.util
import json
import re
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest

from newscrawl.devserver import SiteServer

SITES = Path(__file__).parent / "sites"
BUILD = SITES / "_build"
NAMES = ["harbour", "lantern"]
ORIGIN_TOKEN = "{{ORIGIN}}"
LINK_XPATH = (
    "//a/@href | //link/@href | //img/@src | //script/@src | //source/@src | //form/@action"
)
MORE_NEWS_XPATH = "//*[normalize-space(text())='MORE NEWS']/ancestor::section[1]//a/@href"
ARTICLE_COUNTS = {"harbour": 24, "lantern": 23}

ServeSite = Callable[[str | Path], SiteServer]


def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SITES / name / "_expected.json").read_text("utf-8"))
    return data


@dataclass
class Page:
    """One fetched URL."""

    status: int
    final_path: str
    content_types: list[str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode(declared_charset(self.body), errors="strict")

    @property
    def kind(self) -> str:
        """``html``, ``feed``, ``sitemap`` or ``other`` by content, not by name."""
        head = self.body[:400].lstrip().lower()
        if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
            return "sitemap" if b"<urlset" in head or b"<sitemapindex" in head else "feed"
        return "html" if b"<html" in head or b"<!doctype" in head else "other"


def declared_charset(body: bytes) -> str:
    found = re.search(rb'<meta charset="([^"]+)"', body[:2000])
    return found.group(1).decode("ascii") if found else "utf-8"


def path_of(target: str) -> str:
    """``target`` without its query string."""
    return target.split("?")[0]


def fetch(server: SiteServer, path: str) -> Page:
    """GET ``path``, following redirects."""
    try:
        with urllib.request.urlopen(server.url.rstrip("/") + path, timeout=5) as resp:
            final = urlsplit(resp.url)
            final_path = final.path + (f"?{final.query}" if final.query else "")
            types = resp.headers.get_all("Content-Type") or []
            return Page(resp.status, final_path, types, resp.read())
    except urllib.error.HTTPError as err:
        return Page(err.code, path, [], b"")


def internal_links(page: Page, path: str, origin: str) -> set[str]:
    """Root-relative targets (path plus query) that ``page`` links to on this site."""
    if page.kind in {"feed", "sitemap"} or path.endswith(".txt"):
        found = re.findall(re.escape(origin) + r"(/[^\s<>\"'\]]*)", page.text)
        return set(found)
    if page.kind != "html":
        return set()
    doc = lxml.html.fromstring(page.text)
    links = set()
    for href in doc.xpath(LINK_XPATH):
        absolute = urljoin(origin + path, str(href).strip())
        parts = urlsplit(absolute)
        if f"{parts.scheme}://{parts.netloc}" != origin:
            continue
        links.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links


@dataclass
class Crawl:
    """The whole link graph reachable from ``/`` and ``/robots.txt``."""

    pages: dict[str, Page] = field(default_factory=dict)
    inbound: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def crawl(server: SiteServer) -> Crawl:
    origin = server.url.rstrip("/")
    result = Crawl()
    queue = ["/", "/robots.txt"]
    while queue:
        path = queue.pop()
        if path in result.pages:
            continue
        page = fetch(server, path)
        result.pages[path] = page
        if page.status != 200:
            continue
        for target in sorted(internal_links(page, path, origin)):
            result.inbound[path_of(target)].add(path)
            if target not in result.pages:
                queue.append(target)
    return result


def folder_bytes(root: Path) -> dict[Path, bytes]:
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", NAMES)
def test_committed_site_is_what_the_generator_writes(name: str, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(f"_build_{name}", BUILD / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(tmp_path / name)
    fresh, committed = folder_bytes(tmp_path / name), folder_bytes(SITES / name)
    assert sorted(fresh) == sorted(committed), "run the generator and commit its output"
    changed = [str(k) for k in fresh if fresh[k] != committed[k]]
    assert changed == [], "run the generator and commit its output"


@pytest.mark.parametrize("name", NAMES)
def test_gold_answers_are_well_formed(name: str) -> None:
    gold = expected(name)
    articles = gold["articles"]
    assert len(articles) == ARTICLE_COUNTS[name]
    reaches = sorted(a["reachable_only_from"] for a in articles if a["reachable_only_from"])
    assert reaches == ["feed", "more_news", "sitemap"]
    paths = {a["path"] for a in articles}
    assert len(paths) == len(articles)
    assert not paths & set(gold["not_articles"])
    assert {d["canonical_path"] for d in gold["duplicates"]} <= paths
    assert sum(a["language"] != "en" for a in articles) == 1
    for article in articles:
        words = sum(len(p.split()) for p in article["paragraphs"])
        assert article["paywalled"] or 150 <= words <= 500, article["path"]
        assert article["published_at"].endswith("+00:00")
        for text in gold["boilerplate"]:
            assert all(text.lower() not in p.lower() for p in article["paragraphs"])


@pytest.mark.parametrize("name", NAMES)
def test_site_over_http(name: str, serve_site: ServeSite) -> None:
    """Crawl the served site once, then check it against its gold answers.

    One test per site because starting and stopping a server costs half a
    second; each check below is a separate function with its own messages.
    """
    server = serve_site(name)
    gold = expected(name)
    graph = crawl(server)
    origin = server.url.rstrip("/")
    check_expected_paths(gold, graph, origin)
    check_reachability(gold, graph)
    check_duplicates(gold, graph, origin)
    check_gold_text(gold, graph)
    check_windows_1251(gold, graph)
    check_structured_data(name, gold, graph)


def check_expected_paths(gold: dict[str, Any], graph: Crawl, origin: str) -> None:
    """Every expected path is linked, answers 200 and has ``{{ORIGIN}}`` filled in."""
    paths = [a["path"] for a in gold["articles"]] + gold["not_articles"] + gold["disallowed"]
    paths += [d["path"] for d in gold["duplicates"]]
    for path in paths:
        assert path in graph.pages, f"nothing links {path}"
        page = graph.pages[path]
        assert page.status == 200, path
        assert ORIGIN_TOKEN not in page.text, path
    for article in gold["articles"]:
        doc = lxml.html.fromstring(graph.pages[article["path"]].text)
        assert doc.xpath("//link[@rel='canonical']/@href") == [origin + article["path"]]
    robots = graph.pages["/robots.txt"].text
    assert f"Sitemap: {origin}/sitemap.xml" in robots
    assert all(f"Disallow: {path}" in robots for path in gold["disallowed"])


def check_reachability(gold: dict[str, Any], graph: Crawl) -> None:
    """One deliberate broken link; hidden articles linked only from where claimed."""
    broken = sorted(path for path, page in graph.pages.items() if page.status != 200)
    assert broken == gold["broken_links"]
    assert len(broken) == 1
    kinds = {path: page.kind for path, page in graph.pages.items()}
    article_paths = {a["path"] for a in gold["articles"]}
    for article in gold["articles"]:
        # A page's own links (also under ?utm_* or ?fbclid) do not make it reachable.
        sources = {s for s in graph.inbound[article["path"]] if path_of(s) != article["path"]}
        reach = article["reachable_only_from"]
        assert sources, f"{article['path']} is unreachable"
        if reach is None:
            assert any(kinds[s] == "html" and path_of(s) not in article_paths for s in sources)
        elif reach == "more_news":
            assert {path_of(s) for s in sources} <= article_paths, sources
            for source in sources:
                block = lxml.html.fromstring(graph.pages[source].text).xpath(MORE_NEWS_XPATH)
                assert article["path"] in block, source
        else:
            assert {kinds[s] for s in sources} == {reach}, sources


def check_duplicates(gold: dict[str, Any], graph: Crawl, origin: str) -> None:
    for duplicate in gold["duplicates"]:
        page = graph.pages[duplicate["path"]]
        canonical = lxml.html.fromstring(page.text).xpath("//link[@rel='canonical']/@href")
        assert canonical == [origin + duplicate["canonical_path"]], duplicate["path"]


def check_gold_text(gold: dict[str, Any], graph: Crawl) -> None:
    """Titles, paragraphs and captions are on the pages; every boilerplate string is too."""
    seen_boilerplate: set[str] = set()
    for article in gold["articles"]:
        doc = lxml.html.fromstring(graph.pages[article["path"]].text)
        text = " ".join(doc.text_content().split())
        assert article["title"] in text
        for paragraph in article["paragraphs"]:
            assert paragraph in text, paragraph[:60]
        if article["lead_image_path"]:
            assert article["lead_image_path"] in doc.xpath("//img/@src")
            assert article["lead_image_caption"] in text
        seen_boilerplate |= {b for b in gold["boilerplate"] if b in text}
        locked = doc.xpath("//meta[@name='article:content_tier']/@content") == ["locked"]
        assert locked == article["paywalled"], article["path"]
    assert seen_boilerplate == set(gold["boilerplate"])


def check_windows_1251(gold: dict[str, Any], graph: Crawl) -> None:
    (article,) = [a for a in gold["articles"] if a["language"] != "en"]
    page = graph.pages[article["path"]]
    with pytest.raises(UnicodeDecodeError):
        page.body.decode("utf-8")
    text = page.body.decode("cp1251")
    assert '<meta charset="windows-1251">' in text
    assert article["title"] in text
    assert "text/html; charset=windows-1251" in page.content_types


def check_structured_data(name: str, gold: dict[str, Any], graph: Crawl) -> None:
    """harbour carries a JSON-LD graph; lantern has none, only OpenGraph."""
    for article in gold["articles"]:
        doc = lxml.html.fromstring(graph.pages[article["path"]].text)
        blobs = doc.xpath("//script[@type='application/ld+json']/text()")
        if name == "lantern":
            assert blobs == []
            assert doc.xpath("//meta[@property='og:title']/@content")[0].endswith(" | Lantern")
            continue
        (graph_nodes,) = [json.loads(b)["@graph"] for b in blobs]
        (news,) = [n for n in graph_nodes if n["@type"] == "NewsArticle"]
        assert news["headline"] == article["title"]
        assert news["datePublished"] == article["published_at"]
