"""Link discovery: URL classification and link extraction on hand-written pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.extract.links import Link, extract_links, feed_urls
from newscrawl.extract.urlclass import LinkKind, classify_url

DATA = Path(__file__).parent / "data" / "discovery"
A, L, N, F, S, X = (
    LinkKind.ARTICLE,
    LinkKind.LISTING,
    LinkKind.NEXT,
    LinkKind.FEED,
    LinkKind.SITEMAP,
    LinkKind.OTHER,
)

# (url, anchor text, expected kind). Invented sites, many shapes and languages.
URL_CASES: list[tuple[str, str, LinkKind]] = [
    # articles by shape
    ("https://daily-bugle.test/news/mayor-opens-new-bridge-over-river", "", A),
    ("https://daily-bugle.test/2024/12/11/mayor-opens-bridge/", "", A),
    ("https://daily-bugle.test/2024/12/mayor-opens-bridge", "", A),
    ("https://kyiv-herald.test/uk/2024-12-11/vidkryly-mist", "", A),
    ("https://kyiv-herald.test/world/slug-123456", "", A),
    ("https://kyiv-herald.test/news/20241211/bridge", "", A),
    ("https://zeitung.test/politik/wahl-ergebnis-a-1234567", "", A),
    ("https://zeitung.test/politik/987654", "", A),
    ("https://zeitung.test/article/kurz", "", A),
    ("https://gazette.test/story/short", "", A),
    ("https://gazette.test/world/europe/storm-hits.html", "", A),
    ("https://gazette.test/news.php?id=4521", "", A),
    ("https://gazette.test/?p=1234", "", A),
    ("https://gazette.test/amp/news/storm-hits", "", A),
    ("https://gazette.test/news/storm-hits?amp", "", A),
    ("https://gazette.test/live/election-night", "", A),
    ("https://noticias.test/mundo/el-presidente-visita-la-ciudad-hoy?utm_source=tw", "", A),
    (
        "https://gazette.test/culture/%D0%BD%D0%BE%D0%B2%D0%B8%D0%B9-%D1%84%D1%96%D0%BB%D1%8C%D0%BC-"
        "%D0%B2%D0%B8%D0%B9%D1%88%D0%BE%D0%B2-%D1%83-%D0%BF%D1%80%D0%BE%D0%BA%D0%B0%D1%82",
        "",
        A,
    ),
    ("https://gazette.test/world/storm-hits", "Storm hits the coast as thousands are evacuated", A),
    ("https://gazette.test/id/3f2504e0-4f89-11d3-9a0c-0305e82c3301", "", A),
    # listings
    ("https://daily-bugle.test/", "", L),
    ("https://daily-bugle.test/news/", "", L),
    ("https://daily-bugle.test/business", "", L),
    ("https://daily-bugle.test/culture/", "", L),
    ("https://daily-bugle.test/news/world/europe", "", L),
    ("https://daily-bugle.test/2024/12/", "", L),
    ("https://daily-bugle.test/2024/12/11/", "", L),
    ("https://daily-bugle.test/tags/climate", "", L),
    ("https://daily-bugle.test/tag/very-long-tag-name-about-things/", "", L),
    ("https://daily-bugle.test/topic/elections", "", L),
    ("https://daily-bugle.test/author/jane-doe", "", L),
    ("https://daily-bugle.test/authors/john-roe-smith-junior", "", L),
    ("https://daily-bugle.test/category/world/", "", L),
    ("https://daily-bugle.test/section/sport", "", L),
    ("https://daily-bugle.test/archive/2024/12/11", "", L),
    ("https://daily-bugle.test/en/sport/index.html", "", L),
    ("https://daily-bugle.test/business.html", "", L),
    ("https://daily-bugle.test/science-and-technology", "", L),
    ("https://daily-bugle.test/admin/", "", L),
    ("https://daily-bugle.test/news?utm_source=newsletter", "", L),
    # next pages
    ("https://daily-bugle.test/latest?page=2", "", N),
    ("https://daily-bugle.test/latest?offset=40", "", N),
    ("https://daily-bugle.test/news/page/3/", "", N),
    ("https://daily-bugle.test/category/world/page/2/", "", N),
    ("https://daily-bugle.test/latest", "More news", N),
    ("https://kyiv-herald.test/news", "Більше новин", N),
    ("https://zeitung.test/nachrichten", "Mehr Nachrichten", N),
    ("https://journal.test/actualites", "Plus d\u2019actualit\u00e9s \u203a", N),
    ("https://noticias.test/ultimas", "Ver m\u00e1s", N),
    ("https://daily-bugle.test/news/older", "Older posts", N),
    ("https://daily-bugle.test/news/2", "\u203a", N),
    ("https://daily-bugle.test/news/2", "\u00bb", N),
    # next-ish text on an article URL is the next ARTICLE, not a next page
    ("https://daily-bugle.test/news/mayor-opens-new-bridge-over-river", "Next", A),
    ("https://daily-bugle.test/2024/12/11/mayor-opens-bridge/", "Read more", A),
    # feeds and sitemaps
    ("https://daily-bugle.test/feed/", "", F),
    ("https://daily-bugle.test/rss.xml", "", F),
    ("https://daily-bugle.test/category/world/feed", "", F),
    ("https://daily-bugle.test/index.rss", "", F),
    ("https://daily-bugle.test/feed.json", "", F),
    ("https://daily-bugle.test/?feed=rss2", "", F),
    ("https://feeds.daily-bugle.test/world", "", F),
    ("https://daily-bugle.test/sitemap.xml", "", S),
    ("https://daily-bugle.test/sitemaps/news-sitemap-2024.xml.gz", "", S),
    # other
    ("https://daily-bugle.test/about-us", "", X),
    ("https://daily-bugle.test/about/team", "", X),
    ("https://daily-bugle.test/contact", "", X),
    ("https://daily-bugle.test/subscribe?ref=nav", "", X),
    ("https://daily-bugle.test/membership", "", X),
    ("https://daily-bugle.test/account/login", "", X),
    ("https://daily-bugle.test/privacy-policy", "", X),
    ("https://daily-bugle.test/jobs", "", X),
    ("https://daily-bugle.test/search?q=bridge", "", X),
    ("https://daily-bugle.test/?s=bridge", "", X),
    ("https://zeitung.test/impressum", "", X),
    ("https://zeitung.test/datenschutz", "", X),
    ("https://social.test/intent/tweet?url=https%3A%2F%2Fdaily-bugle.test%2Fx", "", X),
    ("https://social.test/sharer/sharer.php?u=https://daily-bugle.test/x", "", X),
    ("mailto:desk@daily-bugle.test", "", X),
    ("tel:+15550100", "", X),
    ("javascript:void(0)", "", X),
    ("https://daily-bugle.test/media/photo.JPG", "", X),
    ("https://daily-bugle.test/files/report-2024-annual-results.pdf", "", X),
    ("https://daily-bugle.test/static/app.css", "", X),
    ("https://daily-bugle.test/2024/12/11/mayor-opens-bridge/#comments", "", X),
    ("https://daily-bugle.test/2024/12/11/mayor-opens-bridge/?replytocom=12", "", X),
    ("https://daily-bugle.test/2024/12/11/mayor-opens-bridge/feed/", "", X),
    ("https://daily-bugle.test/offers/digital", "Subscribe", X),
    ("https://daily-bugle.test/news/contact-tracing-app-launched-in-city", "", A),
]


@pytest.mark.parametrize(("url", "text", "expected"), URL_CASES)
def test_classify_url(url: str, text: str, expected: LinkKind) -> None:
    assert classify_url(url, text=text) is expected


def test_classify_url_rel() -> None:
    assert classify_url("https://x.test/news", rel="next") is N
    assert classify_url("https://x.test/news?page=1", rel="prev") is L


def _page(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _by_url(links: list[Link]) -> dict[str, Link]:
    return {link.url: link for link in links}


def test_extract_links_listing_page() -> None:
    links = extract_links(_page("listing.html"), "https://daily-bugle.test/news/")
    found = _by_url(links)
    # <link rel=next> in <head> and the "More news" button
    assert found["https://daily-bugle.test/news/page/2/"].kind is N
    assert found["https://daily-bugle.test/news/page/2/"].rel == "next"
    assert found["https://daily-bugle.test/latest"].kind is N
    # feeds advertised in head
    assert found["https://daily-bugle.test/feed/"].kind is F
    assert found["https://daily-bugle.test/news/atom.xml"].kind is F
    # headline links: dated path, and a short slug promoted by its <h2> position
    assert found["https://daily-bugle.test/2024/12/11/mayor-opens-bridge/"].kind is A
    assert found["https://daily-bugle.test/world/storm-hits"].kind is A
    # nav sections stay listings; footer pages are other
    assert found["https://daily-bugle.test/business"].kind is L
    assert found["https://daily-bugle.test/about-us"].kind is X
    assert found["mailto:desk@daily-bugle.test"].kind is X
    # fragments removed, whitespace stripped, same-page anchors skipped
    assert "https://daily-bugle.test/news/#top" not in found
    assert all("#" not in link.url for link in links)
    assert found["https://daily-bugle.test/2024/12/11/mayor-opens-bridge/"].text == (
        "Mayor opens the new bridge"
    )


def test_extract_links_dedupes_keeping_strongest_kind_in_document_order() -> None:
    links = extract_links(_page("listing.html"), "https://daily-bugle.test/news/")
    urls = [link.url for link in links]
    assert len(urls) == len(set(urls))
    # the article URL appears first as a comments link (other), later as a headline
    article = "https://daily-bugle.test/2024/12/11/mayor-opens-bridge/"
    assert _by_url(links)[article].kind is A
    assert urls.index(article) < urls.index("https://daily-bugle.test/world/storm-hits")
    # /latest is a nav listing first and the "More news" button later: NEXT wins
    assert _by_url(links)["https://daily-bugle.test/latest"].kind is N
    assert urls.index("https://daily-bugle.test/latest") < urls.index(article)


def test_extract_links_respects_base_href() -> None:
    html = """<html><head><base href="https://cdn.daily-bugle.test/edition/"></head>
    <body><a href="politics/vote-count-continues-late-into-night">Vote</a>
    <a href="/sport">Sport</a><a href=" ../ ">Home</a></body></html>"""
    urls = [link.url for link in extract_links(html, "https://daily-bugle.test/")]
    assert urls == [
        "https://cdn.daily-bugle.test/edition/politics/vote-count-continues-late-into-night",
        "https://cdn.daily-bugle.test/sport",
        "https://cdn.daily-bugle.test/",
    ]


def test_extract_links_relative_base_href() -> None:
    html = '<base href="/v2/"><a href="world">World</a>'
    links = extract_links(html, "https://daily-bugle.test/a/b")
    assert links[0].url == "https://daily-bugle.test/v2/world"


@pytest.mark.parametrize(
    ("article_selector", "listing_selector"),
    [
        (".promo-list", "#weird-sections"),
        ("//ul[@class='promo-list']", "(//div[@id='weird-sections'])"),
        (".promo-list a::attr(href)", "#weird-sections a::attr(href)"),
    ],
)
def test_extract_links_profile_selectors_force_kinds(
    article_selector: str, listing_selector: str
) -> None:
    html = """<ul class="promo-list"><li><a href="/p/x7">Short promo</a></li>
    <li><a href="/about-us">Odd but forced</a></li></ul>
    <div id="weird-sections"><a href="/2024/12/11/looks-like-an-article/">Hub</a></div>
    <a href="/p/x8">Not selected</a>"""
    base = "https://daily-bugle.test/"
    plain = _by_url(extract_links(html, base))
    assert plain[base + "p/x7"].kind is L
    assert plain[base + "2024/12/11/looks-like-an-article/"].kind is A
    forced = _by_url(
        extract_links(
            html, base, article_selector=article_selector, listing_selector=listing_selector
        )
    )
    assert forced[base + "p/x7"].kind is A
    assert forced[base + "about-us"].kind is A
    assert forced[base + "2024/12/11/looks-like-an-article/"].kind is L
    assert forced[base + "p/x8"].kind is L


def test_profile_selector_beats_a_stronger_heuristic_duplicate() -> None:
    html = """<div class="hubs"><a href="/2024/12/11/daily-briefing-for-today/">Briefing</a></div>
    <h2><a href="/2024/12/11/daily-briefing-for-today/">Daily briefing</a></h2>"""
    base = "https://daily-bugle.test/"
    (link,) = extract_links(html, base, listing_selector=".hubs")
    assert link.kind is L
    assert link.text == "Briefing"


def test_invalid_profile_selector_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    html = '<a href="/tag/x">x</a>'
    for bad in ("a[", "//a["):
        links = extract_links(html, "https://x.test/", article_selector=bad)
        assert [link.kind for link in links] == [L]
    assert "Invalid article selector" in caplog.text


def test_extract_links_next_by_class_and_aria_label() -> None:
    html = """<nav class="pagination"><a href="?page=1">1</a>
    <a class="next page-numbers" href="/world/more">\u203a</a></nav>
    <div class="load-more"><a href="/world/list">Load</a></div>
    <a href="/opinion/x" aria-label="Next page"><svg></svg></a>"""
    found = _by_url(extract_links(html, "https://daily-bugle.test/world/"))
    assert found["https://daily-bugle.test/world/?page=1"].kind is N
    assert found["https://daily-bugle.test/world/more"].kind is N
    assert found["https://daily-bugle.test/world/list"].kind is N
    assert found["https://daily-bugle.test/opinion/x"].kind is N
    assert found["https://daily-bugle.test/opinion/x"].text == "Next page"


def test_extract_links_empty_and_broken_html() -> None:
    assert extract_links("", "https://x.test/") == []
    links = extract_links("<div><a href='/tag/x'>x<a href=/tag/y>y", "https://x.test/")
    assert [link.url for link in links] == ["https://x.test/tag/x", "https://x.test/tag/y"]


def test_feed_urls_lists_all_advertised_feeds() -> None:
    feeds = feed_urls(_page("listing.html"), "https://daily-bugle.test/news/")
    assert feeds == [
        "https://daily-bugle.test/feed/",
        "https://daily-bugle.test/news/atom.xml",
        "https://daily-bugle.test/feed.json",
        "https://daily-bugle.test/rss/world.xml",
    ]


def test_extract_links_on_a_200kb_page() -> None:
    cards = "".join(
        f'<article><h2><a href="/world/story-number-{i}-about-something-{i}">Story {i}</a></h2>'
        f'<p>{"Lorem ipsum dolor sit amet. " * 3}</p><a href="/tag/t{i % 40}">tag</a></article>'
        for i in range(1000)
    )
    html = f"<html><body><nav><a href='/news'>News</a></nav>{cards}</body></html>"
    assert len(html) > 200_000
    links = extract_links(html, "https://daily-bugle.test/")
    assert len(links) == 1041


@pytest.mark.parametrize(
    ("url", "text", "rel", "expected"),
    [
        # rel=next on a story link is WordPress' "next post", not a next page
        ("https://blog.test/2024/12/11/next-story-in-the-series/", "", "next", A),
        ("https://blog.test/news/", "", "next", N),
        # a long p= value is a tracking or post id, not a page number
        ("https://ads.test/click?p=264355&a=2947", "", "", L),
        ("https://blog.test/news/list.html?p=3", "", "", N),
        # script names with "list" are listings, not story pages
        ("https://portal.test/news/news_list.html?cat=8", "", "", L),
        # "Read more" and a bullet triangle are not pagination
        ("https://blog.test/culture/", "Read more", "", L),
        (
            "https://kyiv-herald.test/culture/",
            "\u0427\u0438\u0442\u0430\u0442\u0438 \u0434\u0430\u043b\u0456",
            "",
            L,
        ),
        ("https://blog.test/culture/", "\u25ba", "", L),
        ("https://blog.test/culture/", "Next \u203a", "", N),
    ],
)
def test_classify_url_edge_cases(url: str, text: str, rel: str, expected: LinkKind) -> None:
    assert classify_url(url, text=text, rel=rel) is expected


def test_head_alternates_that_are_not_article_feeds() -> None:
    html = """<head>
    <link rel="alternate" type="application/json+oembed" href="/wp-json/oembed/1.0/embed?url=x">
    <link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/12">
    <link rel="alternate" type="application/rss+xml" href="/2024/12/11/slug-of-story/feed/">
    <link rel="alternate" type="application/rss+xml" href="/comments/feed/">
    <link rel="alternate" type="application/rss+xml; charset=utf-8" href="/feed/">
    <link rel="canonical" href="/2024/12/11/slug-of-story/">
    </head>"""
    links = _by_url(extract_links(html, "https://blog.test/2024/12/11/slug-of-story/"))
    assert links["https://blog.test/feed/"].kind is F
    assert links["https://blog.test/comments/feed/"].kind is X
    assert links["https://blog.test/2024/12/11/slug-of-story/feed/"].kind is X
    assert links["https://blog.test/wp-json/oembed/1.0/embed?url=x"].kind is not F
    assert links["https://blog.test/wp-json/wp/v2/posts/12"].kind is not F
    assert "https://blog.test/2024/12/11/slug-of-story/" not in links  # canonical is not a link
    assert feed_urls(html, "https://blog.test/2024/12/11/slug-of-story/") == [
        "https://blog.test/feed/"
    ]


def test_section_label_inside_a_card_stays_a_listing() -> None:
    html = """<article><a href="/news/middle-east">Middle East</a>
    <a href="/news/ceasefire-talks">Ceasefire talks resume in the capital today</a></article>"""
    links = _by_url(extract_links(html, "https://herald.test/"))
    assert links["https://herald.test/news/middle-east"].kind is L
    assert links["https://herald.test/news/ceasefire-talks"].kind is A


def test_see_all_text_is_not_a_headline() -> None:
    url = "https://checks.test/west-virginia/rulings/barely-true/"
    assert classify_url(url, text="See all West Virginia Mostly False rulings here") is L
    assert classify_url(url, text="West Virginia senator's claim about jobs is barely true") is A


def test_resolved_hrefs_shared_between_pages_match_each_page_alone() -> None:
    # Results shared between pages (root-relative and absolute hrefs) must be
    # what each page would have resolved alone, whatever the page's URL.
    from newscrawl.extract.links import _resolve, _Resolver

    bases = [
        "http://h.com/a/b/c?x=1",
        "https://h.com:8080/",
        "https://h.com/x/",
        "http://h.com",
        "HTTP://H.com/x",
        "http://user@h.com/x",
    ]
    hrefs = [
        "/a/b",
        "/a/../b",
        "/a//b/",
        "/a;p=1?q#f",
        "/",
        "http://o.com/x/../y",
        "https://h.com/a?",
        "http:///x",
        "//cdn.com/x",
        "rel/x",
        "?p=2",
        " /x",
        "/\u00e9t\u00e9",
        "http://o.com/\u00fc?x=\u00fc",
    ]
    for _ in range(2):  # the second round reads what the first one shared
        for base in bases:
            resolver = _Resolver(base)
            for href in hrefs:
                assert resolver(href) == _resolve(href, base), (base, href)
