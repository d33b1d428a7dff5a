"""Sitemaps: urlset, index, gzip, Google News, namespace-less, size cap, robots.txt."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newscrawl.extract.feeds import UnsafeXMLError
from newscrawl.extract.sitemaps import (
    Sitemap,
    SitemapEntry,
    SitemapError,
    parse_sitemap,
    sitemap_urls_from_robots,
)

DATA = Path(__file__).parent / "data" / "discovery"
URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://gazette.test/news/harbour-reopens</loc><lastmod>2024-12-09</lastmod></url>
  <url><loc>https://gazette.test/news/a?x=1&amp;y=2</loc></url>
  <url><loc>https://gazette.test/news/harbour-reopens</loc></url>
</urlset>"""
INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://gazette.test/sitemap-news.xml</loc>
    <lastmod>2024-12-11T10:00:00Z</lastmod></sitemap>
  <sitemap><loc>/sitemaps/2024-12.xml.gz</loc></sitemap>
</sitemapindex>"""


def test_urlset() -> None:
    sitemap = parse_sitemap(URLSET, "https://gazette.test/sitemap.xml")
    assert sitemap == Sitemap(
        "urlset",
        [
            SitemapEntry("https://gazette.test/news/harbour-reopens", "2024-12-09", None, None),
            SitemapEntry("https://gazette.test/news/a?x=1&y=2", None, None, None),
        ],
    )


def test_sitemap_index_resolves_relative_locs() -> None:
    sitemap = parse_sitemap(INDEX, "https://gazette.test/sitemap_index.xml")
    assert sitemap.kind == "sitemapindex"
    assert [(e.loc, e.lastmod) for e in sitemap.entries] == [
        ("https://gazette.test/sitemap-news.xml", "2024-12-11T10:00:00Z"),
        ("https://gazette.test/sitemaps/2024-12.xml.gz", None),
    ]


def test_gzip_body_is_detected_by_magic_bytes() -> None:
    assert parse_sitemap(gzip.compress(URLSET), "https://gazette.test/s") == parse_sitemap(
        URLSET, "https://gazette.test/s"
    )
    two_members = gzip.compress(URLSET[:100]) + gzip.compress(URLSET[100:])
    assert len(parse_sitemap(two_members, "https://gazette.test/s").entries) == 2


def test_truncated_gzip_keeps_what_arrived() -> None:
    big = URLSET.replace(b"</urlset>", b"") + b"".join(
        b"<url><loc>https://gazette.test/news/story-%d</loc></url>" % i for i in range(3000)
    )
    compressed = gzip.compress(big)
    sitemap = parse_sitemap(compressed[: len(compressed) * 3 // 4], "https://gazette.test/s")
    assert 100 < len(sitemap.entries) < 3002
    with pytest.raises(SitemapError):
        parse_sitemap(b"\x1f\x8b" + b"not gzip at all", "https://gazette.test/s")


def test_google_news_fields_are_kept() -> None:
    sitemap = parse_sitemap(
        (DATA / "news-sitemap.xml").read_bytes(), "https://daily-bugle.test/news-sitemap.xml"
    )
    assert sitemap.kind == "urlset"
    assert sitemap.entries == [
        SitemapEntry(
            loc="https://daily-bugle.test/2024/12/11/mayor-opens-bridge/",
            lastmod="2024-12-11T09:45:00+00:00",
            news_publication_date="2024-12-11T09:30:00+00:00",
            news_title="Mayor opens the new bridge & crowds cheer",
        ),
        SitemapEntry(
            loc="https://daily-bugle.test/world/storm-hits-coast-123456",
            lastmod=None,
            news_publication_date="2024-12-10",
            news_title="Storm hits coast & thousands flee",
        ),
        SitemapEntry(loc="https://daily-bugle.test/business/relative-loc-story"),
    ]


def test_namespace_less_and_undeclared_news_prefix() -> None:
    body = b"""<urlset><url><loc>https://plain.test/a-b-c</loc><lastmod>2024-01-02</lastmod>
    <news:news><news:publication_date>2024-01-01</news:publication_date>
    <news:title>Caf&eacute; opens</news:title></news:news></url></urlset>"""
    sitemap = parse_sitemap(body, "https://plain.test/sitemap.xml")
    assert sitemap.entries == [
        SitemapEntry("https://plain.test/a-b-c", "2024-01-02", "2024-01-01", "Caf\u00e9 opens")
    ]
    index = parse_sitemap(
        b"<sitemapindex><sitemap><loc>https://plain.test/s1.xml</loc></sitemap></sitemapindex>",
        "https://plain.test/",
    )
    assert index == Sitemap("sitemapindex", [SitemapEntry("https://plain.test/s1.xml")])


def test_text_sitemap() -> None:
    body = b"\xef\xbb\xbfhttps://plain.test/one\r\n\r\nnot a url\nhttps://plain.test/two\n"
    sitemap = parse_sitemap(body, "https://plain.test/sitemap.txt")
    assert [e.loc for e in sitemap.entries] == ["https://plain.test/one", "https://plain.test/two"]


@pytest.mark.parametrize(
    "body",
    [
        b"<html><body>Not found</body></html>",
        b'<?xml version="1.0"?><rss><channel/></rss>',
        b"",
        b"\x00\x01binary",
    ],
)
def test_not_a_sitemap_raises(body: bytes) -> None:
    with pytest.raises(SitemapError):
        parse_sitemap(body, "https://x.test/sitemap.xml")


def test_oversized_sitemaps_raise() -> None:
    with pytest.raises(SitemapError):
        parse_sitemap(URLSET, "https://x.test/s.xml", max_size=100)
    # A gzip bomb: small compressed, large once inflated.
    bomb = gzip.compress(URLSET.replace(b"</urlset>", b"") + b" " * 5_000_000 + b"</urlset>")
    assert len(bomb) < 50_000
    with pytest.raises(SitemapError):
        parse_sitemap(bomb, "https://x.test/s.xml.gz", max_size=1_000_000)
    assert len(parse_sitemap(bomb, "https://x.test/s.xml.gz").entries) == 2


def test_an_external_entity_is_refused() -> None:
    body = b"""<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <urlset><url><loc>https://x.test/a&x;</loc></url></urlset>"""
    with pytest.raises(UnsafeXMLError, match="external entity"):
        parse_sitemap(body, "https://x.test/s.xml")


def test_an_entity_bomb_in_a_gzipped_sitemap_is_refused() -> None:
    from tests.hostile import entity_bomb

    bomb = entity_bomb("urlset", "<urlset><url><loc>https://x.test/&lol9;</loc></url></urlset>")
    with pytest.raises(UnsafeXMLError):
        parse_sitemap(gzip.compress(bomb.encode()), "https://x.test/s.xml.gz")


def test_sitemap_urls_from_robots() -> None:
    robots = """# robots for an invented site
User-agent: *
Disallow: /admin/
Sitemap: https://daily-bugle.test/sitemap_index.xml
sitemap: /news-sitemap.xml
SITEMAP:   https://daily-bugle.test/sitemap_index.xml
Sitemap:
User-agent: OtherBot
Sitemap: https://cdn.daily-bugle.test/sitemaps/video.xml
"""
    assert sitemap_urls_from_robots(robots, "https://daily-bugle.test/robots.txt") == [
        "https://daily-bugle.test/sitemap_index.xml",
        "https://daily-bugle.test/news-sitemap.xml",
        "https://cdn.daily-bugle.test/sitemaps/video.xml",
    ]
    assert sitemap_urls_from_robots("", "https://x.test/robots.txt") == []


def test_is_sitemap_sniffs_the_root_element() -> None:
    import gzip

    from newscrawl.extract.sitemaps import is_sitemap

    urlset = b'<?xml version="1.0"?><urlset xmlns="x"><url><loc>http://a/</loc></url></urlset>'
    assert is_sitemap(urlset)
    assert is_sitemap(gzip.compress(b"<sitemapindex><sitemap/></sitemapindex>"))
    assert not is_sitemap(b"<rss><channel/></rss>", "application/xml")
    assert not is_sitemap(b"<!doctype html><html></html>")
    assert not is_sitemap(b"\x1f\x8bnot gzip at all")
