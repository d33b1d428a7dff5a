"""The news spider's callbacks, fed responses, asserting on the requests and items they yield."""

from __future__ import annotations

import asyncio
import gzip
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler

from newscrawl.items import ArticleItem
from newscrawl.runner import project_settings
from newscrawl.spiders.news import META, NewsSpider

SITE = "http://news.test/"
STORY = " ".join(
    ["The harbour master said the new ferry pier would open in spring after delays."] * 12
)


def make_spider(**kwargs: Any) -> NewsSpider:
    # newscrawl's own defaults, as a real crawl has them (not Scrapy's reactor choice).
    settings = {k: v for k, v in project_settings().items() if k.startswith("NEWSCRAWL_")}
    settings.update({"NEWSCRAWL_MAX_LISTING_DEPTH": 3, "NEWSCRAWL_EMPTY_PAGES_GRACE": 1})
    crawler = get_crawler(NewsSpider, settings_dict=settings)
    spider = NewsSpider.from_crawler(crawler, start_urls=SITE, **kwargs)
    crawler.spider = spider
    return spider


def html_response(url: str, body: str, **meta: Any) -> HtmlResponse:
    request = Request(url, meta={META: meta} if meta else {})
    return HtmlResponse(url, body=body.encode(), encoding="utf-8", request=request)


def listing(links: str, extra_head: str = "") -> str:
    head = f"<head><title>News</title>{extra_head}</head>"
    return f"<html>{head}<body><main>{links}</main></body></html>"


def requests_of(results: list[Any]) -> list[Request]:
    return [r for r in results if isinstance(r, Request)]


def test_start_requests_home_and_robots() -> None:
    spider = make_spider()

    async def collect() -> list[Request]:
        return [r async for r in spider.start()]

    import asyncio

    urls = [r.url for r in asyncio.run(collect())]
    assert urls == [SITE, "http://news.test/robots.txt"]


def test_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="start URLs"):
        NewsSpider()
    with pytest.raises(ValueError, match="http"):
        NewsSpider(start_urls="ftp://x/")


def test_listing_routes_links_by_kind_and_stays_on_site() -> None:
    spider = make_spider()
    page = listing(
        '<h2><a href="/2024/12/11/ferry-pier-opens-in-spring/">Ferry pier opens in spring</a></h2>'
        '<h2><a href="/2024/12/11/ferry-pier-opens-in-spring/?utm_source=x">Same story</a></h2>'
        '<a href="/news/page/2/">More news</a>'
        '<a href="/category/harbour/">Harbour</a>'
        '<a href="/about/">About us</a>'
        '<a href="http://elsewhere.test/2024/12/11/other-site-story/">Other site</a>',
        extra_head='<link rel="alternate" type="application/rss+xml" href="/feed/">',
    )
    results = list(spider.parse(html_response(SITE, page, depth=0)))
    assert not [r for r in results if isinstance(r, ArticleItem)]
    reqs = {r.url: r for r in requests_of(results)}
    article = "http://news.test/2024/12/11/ferry-pier-opens-in-spring/"
    assert set(reqs) == {
        article,
        "http://news.test/news/page/2/",
        "http://news.test/category/harbour/",
        "http://news.test/feed/",
    }
    prio = {url: r.priority for url, r in reqs.items()}
    assert prio["http://news.test/news/page/2/"] > prio["http://news.test/feed/"]
    assert (
        prio["http://news.test/feed/"] > prio[article] > prio["http://news.test/category/harbour/"]
    )
    assert reqs["http://news.test/news/page/2/"].meta[META]["depth"] == 1


def test_listing_chain_stops_at_max_depth() -> None:
    spider = make_spider()
    page = listing(
        '<h2><a href="/2024/12/11/a-fresh-story-here/">A fresh story here</a></h2>'
        '<a href="/news/page/5/">More news</a>'
    )
    results = list(spider.parse(html_response("http://news.test/news/page/4/", page, depth=3)))
    urls = [r.url for r in requests_of(results)]
    assert "http://news.test/news/page/5/" not in urls
    assert spider.crawler.stats.get_value("newscrawl/listing/stopped_depth") == 1


def test_listing_chain_stops_after_pages_without_unseen_articles() -> None:
    spider = make_spider()
    spider.frontier.seen.add("news.test/2024/12/11/a-fresh-story-here")
    page = listing(
        '<h2><a href="/2024/12/11/a-fresh-story-here/">A fresh story here</a></h2>'
        '<a href="/archive?date=2024-12-09">Previous day</a>'
    )
    # grace is 1: one empty page is allowed, the second in a row stops the chain
    results = list(
        spider.parse(
            html_response("http://news.test/archive?date=2024-12-10", page, depth=1, empty=1)
        )
    )
    assert not requests_of(results)
    assert spider.crawler.stats.get_value("newscrawl/listing/stopped_empty") == 1


def test_article_page_yields_an_item_and_follows_more_news() -> None:
    spider = make_spider()
    page = f"""<html lang="en"><head><title>Ferry pier opens in spring</title>
    <meta property="og:type" content="article"></head><body>
    <article><h1>Ferry pier opens in spring</h1><p class="byline">By Ada Quill</p>
    <time datetime="2024-12-11T15:18:00+02:00">December 11, 2024</time>
    <p>{STORY}</p><p>{STORY}</p></article>
    <aside><h3>MORE NEWS</h3>
    <h4><a href="/2024/12/10/bakery-wins-regional-bread-prize/">Bakery wins bread prize</a></h4>
    </aside></body></html>"""
    url = "http://news.test/2024/12/11/ferry-pier-opens-in-spring/"
    results = list(spider.parse(html_response(url, page)))
    items = [r for r in results if isinstance(r, ArticleItem)]
    assert len(items) == 1
    assert items[0]["title"] == "Ferry pier opens in spring"
    assert items[0]["published_at"] == "2024-12-11T13:18:00+00:00"
    assert items[0]["site"] == "news.test"
    assert "http://news.test/2024/12/10/bakery-wins-regional-bread-prize/" in [
        r.url for r in requests_of(results)
    ]


def test_feed_entries_become_article_requests() -> None:
    spider = make_spider()
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>One</title><link>http://news.test/2024/12/11/one-story-in-the-feed/</link>
    <pubDate>Wed, 11 Dec 2024 13:18:00 +0000</pubDate></item>
    <item><title>Off</title><link>http://elsewhere.test/2024/12/11/not-ours/</link></item>
    </channel></rss>"""
    response = XmlResponse(
        "http://news.test/feed/", body=rss, request=Request("http://news.test/feed/")
    )
    urls = [r.url for r in spider.parse(response)]
    assert urls == ["http://news.test/2024/12/11/one-story-in-the-feed/"]


def test_gzipped_news_sitemap_from_robots() -> None:
    spider = make_spider()
    robots = TextResponse(
        "http://news.test/robots.txt",
        body=b"User-agent: *\nDisallow: /admin/\nSitemap: http://news.test/news-sitemap.xml.gz\n",
        encoding="utf-8",
    )
    assert [r.url for r in spider.parse_robots(robots)] == ["http://news.test/news-sitemap.xml.gz"]
    xml = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>http://news.test/2024/12/11/only-in-the-sitemap/</loc>
      <news:news><news:publication_date>2024-12-11T13:18:00Z</news:publication_date></news:news></url>
      </urlset>"""
    from scrapy.http import Response

    response = Response(
        "http://news.test/news-sitemap.xml.gz",
        body=gzip.compress(xml),
        request=Request("http://news.test/news-sitemap.xml.gz"),
    )
    assert [r.url for r in spider.parse(response)] == [
        "http://news.test/2024/12/11/only-in-the-sitemap/"
    ]


def test_binary_non_feed_responses_are_skipped_and_counted() -> None:
    from scrapy.http import Response

    spider = make_spider()
    pdf = Response("http://news.test/files/report.pdf", body=b"%PDF-1.4 fake")
    assert list(spider.parse(pdf)) == []
    assert spider.crawler.stats.get_value("newscrawl/bad/binary_pdf") == 1


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj (" + STORY.encode() + b")", "pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40, "png"),
        (b"PK\x03\x04\x14\x00\x00\x00" + b"<html><p>" + STORY.encode() + b"</p></html>", "zip"),
    ],
)
def test_binary_bodies_served_as_html_are_not_articles(body: bytes, kind: str) -> None:
    spider = make_spider()
    url = "http://news.test/2024/12/11/annual-report-of-the-harbour-board/"
    response = HtmlResponse(url, body=body, headers={"Content-Type": "text/html"})
    assert list(spider.parse(response)) == []
    assert spider.crawler.stats.get_value(f"newscrawl/bad/binary_{kind}") == 1


def test_a_utf8_page_served_as_latin1_is_read_as_utf8() -> None:
    spider = make_spider()
    page = f"""<html lang="en"><head><title>Café in Zürich reopens</title>
    <meta property="og:type" content="article">
    <meta property="article:published_time" content="2024-12-11T10:00:00+00:00">
    </head><body><article><h1>Café in Zürich reopens</h1><p>{STORY}</p><p>{STORY}</p>
    </article></body></html>"""
    url = "http://news.test/2024/12/11/cafe-in-zurich-reopens/"
    response = HtmlResponse(
        url,
        body=page.encode(),
        headers={"Content-Type": "text/html; charset=iso-8859-1"},
        request=Request(url),
    )
    items = [r for r in spider.parse(response) if isinstance(r, ArticleItem)]
    assert [item["title"] for item in items] == ["Café in Zürich reopens"]
    assert spider.crawler.stats.get_value("newscrawl/repaired/charset") == 1


def test_an_entity_bomb_feed_is_counted_and_gives_no_requests() -> None:
    from tests.hostile import entity_bomb

    spider = make_spider()
    body = entity_bomb(
        "rss",
        "<rss><channel><item><link>http://news.test/news/a-story-here</link></item>"
        "</channel></rss>",
    )
    response = XmlResponse("http://news.test/feed/", body=body.encode())
    assert list(spider.parse(response)) == []
    assert spider.crawler.stats.get_value("newscrawl/bad/xml_entities") == 1


def test_links_over_the_cap_are_not_followed() -> None:
    spider = make_spider()
    spider.max_links = 10
    cards = "".join(
        f'<h2><a href="/2024/12/{n % 28 + 1:02d}/story-number-{n}/">Story number {n}</a></h2>'
        for n in range(50)
    )
    nxt = '<a rel="next" href="/news/page/2/">Next page</a>'
    results = list(spider.parse(html_response(SITE + "news/", listing(cards + nxt))))
    urls = [r.url for r in requests_of(results)]
    assert len(urls) == 10
    assert "http://news.test/news/page/2/" in urls  # navigation is kept first
    assert spider.crawler.stats.get_value("newscrawl/links/over_cap") == 41


def test_a_copy_with_a_canonical_elsewhere_is_not_stored_but_its_canonical_is_fetched() -> None:
    spider = make_spider()
    page = f"""<html lang="en"><head><title>Storm warning</title>
    <meta property="og:type" content="article">
    <link rel="canonical" href="http://news.test/2024/12/06/storm-warning-for-the-coast/">
    </head><body><article><h1>Storm warning</h1><p>{STORY}</p><p>{STORY}</p></article>
    </body></html>"""
    url = "http://news.test/partner/wire/storm-warning-for-the-coast/"
    results = list(spider.parse(html_response(url, page)))
    assert not [r for r in results if isinstance(r, ArticleItem)]
    assert "http://news.test/2024/12/06/storm-warning-for-the-coast/" in [
        r.url for r in requests_of(results)
    ]
    assert spider.crawler.stats.get_value("newscrawl/skipped/non_canonical") == 1


def test_a_canonical_pointing_at_the_home_page_is_ignored() -> None:
    spider = make_spider()
    page = f"""<html lang="en"><head><title>Ferry pier</title>
    <meta property="og:type" content="article"><link rel="canonical" href="http://news.test/">
    </head><body><article><h1>Ferry pier</h1><p>{STORY}</p><p>{STORY}</p></article></body></html>"""
    url = "http://news.test/2024/12/11/ferry-pier-opens-in-spring/"
    items = [r for r in spider.parse(html_response(url, page)) if isinstance(r, ArticleItem)]
    assert len(items) == 1


def _local_time_page(title: str, local: str, offset_time: str | None = None) -> str:
    meta = (
        f'<meta property="article:published_time" content="{offset_time}">' if offset_time else ""
    )
    return f"""<html lang="en"><head><title>{title}</title>
    <meta property="og:type" content="article">{meta}</head><body>
    <article><h1>{title}</h1><p class="byline">By Ada Quill</p><time>{local}</time>
    <p>{STORY}</p><p>{STORY}</p></article></body></html>"""


def test_local_times_wait_for_the_site_clock_then_convert() -> None:
    spider = make_spider()
    first = "http://news.test/2024/12/09/a-story-with-only-a-local-time/"
    page = _local_time_page("Local only", "December 9, 2024 1:50 PM")
    assert not [r for r in spider.parse(html_response(first, page)) if isinstance(r, ArticleItem)]
    assert spider.crawler.stats.get_value("newscrawl/dates/deferred") == 1
    # A page with both forms teaches the site's zone (+02:00): both items come out.
    second = "http://news.test/2024/12/11/a-story-with-both-times/"
    page = _local_time_page("Both", "December 11, 2024 3:18 PM", "2024-12-11T15:18:00+02:00")
    items = [r for r in spider.parse(html_response(second, page)) if isinstance(r, ArticleItem)]
    assert {i["url"]: i["published_at"] for i in items} == {
        second: "2024-12-11T13:18:00+00:00",
        first: "2024-12-09T11:50:00+00:00",
    }


def test_a_resumable_crawl_never_marks_a_waiting_article_done(tmp_path: Any) -> None:
    # Its item is in memory only: a killed run must fetch the page again.
    spider = make_spider()
    spider.frontier.jobdir = str(tmp_path / "job")
    asyncio.run(spider.frontier.open({"news.test"}))
    story = "http://news.test/2024/12/09/a-story-with-only-a-local-time/"
    page = _local_time_page("Local only", "December 9, 2024 1:50 PM")
    assert not [r for r in spider.parse(html_response(story, page)) if isinstance(r, ArticleItem)]
    list(spider.parse(html_response("http://news.test/news/", listing(""))))
    assert spider.frontier.joblog is not None
    spider.frontier.joblog.close()
    done = (tmp_path / "job" / "done.txt").read_text().split()
    assert done == ["news.test/news"]
