"""classify_page on hand-written article, listing and other pages."""

from __future__ import annotations

from pathlib import Path

from newscrawl.extract.pagetype import PageVerdict, classify_page

DATA = Path(__file__).parent / "data" / "extract"


def test_article_by_og_type() -> None:
    html = (DATA / "newsdesk_article.html").read_text(encoding="utf-8")
    verdict = classify_page(html, "https://courier.example/news/harbour-cranes-return")
    assert (verdict.kind, verdict.reason) == ("article", "og:type=article")


def test_article_by_jsonld() -> None:
    html = (DATA / "jsonld_graph.html").read_text(encoding="utf-8")
    verdict = classify_page(
        html.replace("Seit", " ".join(["Wort"] * 120) + " Seit"), "https://s.example/a"
    )
    assert (verdict.kind, verdict.reason) == ("article", "jsonld:NewsArticle")


def _listing_html() -> str:
    items = "".join(
        f'<li><a href="/news/story-{i}">Headline number {i} about the town council</a></li>'
        for i in range(40)
    )
    return (
        '<html><head><meta property="og:type" content="website"></head>'
        f"<body><h1>Latest news</h1><ul>{items}</ul></body></html>"
    )


def test_listing_is_link_dense() -> None:
    verdict = classify_page(_listing_html(), "https://courier.example/")
    assert (verdict.kind, verdict.reason) == ("listing", "link-dense")


def test_listing_by_jsonld_collection() -> None:
    html = _listing_html().replace(
        "</head>",
        '<script type="application/ld+json">{"@type": "CollectionPage", "name": "News"}</script>'
        "</head>",
    )
    assert classify_page(html, "https://courier.example/news").reason == "jsonld:CollectionPage"


def test_liveblog() -> None:
    html = (
        '<html><head><script type="application/ld+json">'
        '{"@type": "LiveBlogPosting", "headline": "Live: storm"}</script></head>'
        "<body><p>Updates follow.</p></body></html>"
    )
    assert classify_page(html, "https://c.example/live") == PageVerdict("other", "liveblog")


def test_short_page_is_other() -> None:
    html = "<html><body><h1>Contact us</h1><p>Write to the editors at our office.</p></body></html>"
    verdict = classify_page(html, "https://courier.example/contact")
    assert (verdict.kind, verdict.reason) == ("other", "short-text")


def test_listing_of_teasers_with_summaries() -> None:
    teasers = "".join(
        f'<article><h2><a href="/news/story-{i}">Story {i} headline</a></h2>'
        f"<p>{'A summary sentence of the story that a reader sees before clicking. ' * 2}</p>"
        "</article>"
        for i in range(8)
    )
    html = f"<html><body><main><h1>News</h1>{teasers}</main></body></html>"
    assert classify_page(html, "https://courier.example/news/") == PageVerdict("listing", "teasers")
