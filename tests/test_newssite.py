"""bench/newssite.py: the throughput benchmark's generated site is what it says."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.benchscripts import bench_module


@pytest.fixture(scope="module")
def newssite() -> ModuleType:
    return bench_module("newssite")


@pytest.fixture(scope="module")
def site(newssite: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench") / "site"
    newssite.ensure_site(45, root=root)
    return root


def _page(root: Path, path: str) -> str:
    return (root / path.strip("/") / "index.html").read_text("utf-8")


def test_one_page_per_article_of_realistic_size(newssite: ModuleType, site: Path) -> None:
    paths = list(newssite.article_paths(site))
    assert len(paths) == len(set(paths)) == 45
    sizes = [(site / p.strip("/") / "index.html").stat().st_size for p in paths]
    assert 80_000 < sum(sizes) / len(sizes) < 130_000
    page = _page(site, paths[0])
    assert '"@type": "NewsArticle"' in page and "<time datetime=" in page
    assert "MORE NEWS" in page and 'class="newsletter-box"' in page


def test_every_article_is_in_the_more_news_listings(newssite: ModuleType, site: Path) -> None:
    listed: set[str] = set()
    pages = [site / "news" / "index.html", *sorted((site / "news" / "page").glob("*/index.html"))]
    for page in pages:
        listed |= set(re.findall(r'href="(/\d{4}/[^"]+)"', page.read_text("utf-8")))
    assert set(newssite.article_paths(site)) <= listed


def test_articles_link_to_about_fifteen_others(newssite: ModuleType, site: Path) -> None:
    paths = list(newssite.article_paths(site))
    page = _page(site, paths[20])
    body = page.split('<aside class="sidebar most-read">')[0] + page.split("</aside>")[-1]
    others = set(re.findall(r'href="(/\d{4}/[^"]+)"', body)) - {paths[20]}
    assert 12 <= len(others) <= 16


def test_feeds_and_sitemaps_use_the_origin_token(site: Path) -> None:
    assert "{{ORIGIN}}/sitemap.xml" in (site / "robots.txt").read_text()
    assert (site / "feed.xml").read_text().count("<item>") == 45
    index = (site / "sitemap.xml").read_text()
    assert "{{ORIGIN}}/sitemaps/news.xml" in index and "posts-2026-11.xml" in index


def test_same_parameters_same_bytes_and_reused(
    newssite: ModuleType, site: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again"
    newssite.build(again, 45)
    path = next(iter(newssite.article_paths(site)))
    assert _page(site, path) == _page(again, path)
    stamp = (site / "site.json").stat().st_mtime_ns
    assert newssite.ensure_site(45, root=site) == site
    assert (site / "site.json").stat().st_mtime_ns == stamp  # not generated again
