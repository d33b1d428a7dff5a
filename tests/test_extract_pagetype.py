"""classify_page on hand-written article, listing and other pages.

The real proof is on pages nobody here wrote (``newscrawl eval-pages``, the zoo
sites); these pin down each rule's shape on the smallest page that shows it.
"""

from __future__ import annotations

from pathlib import Path

from newscrawl.extract.pagetype import PageVerdict, classify_page

DATA = Path(__file__).parent / "data" / "extract"
SENTENCE = "The council agreed on Tuesday to repair the old harbour wall before the winter storms. "


def _cards(count: int, prefix: str = "/news/story") -> str:
    return "".join(
        f'<div class="card"><h3><a href="{prefix}-{i}">Headline number {i} about the town</a></h3>'
        f'<span class="time">12:0{i % 10}</span></div>'
        for i in range(count)
    )


def _article(paragraphs: int, around: str = "", head: str = "") -> str:
    body = "".join(f"<p>{SENTENCE}{SENTENCE}</p>" for _ in range(paragraphs))
    return (
        f"<html><head><title>Harbour wall to be repaired | The Courier</title>{head}</head><body>"
        '<nav><a href="/">Home</a><a href="/news/">News</a></nav>'
        "<article><h1>Harbour wall to be repaired</h1>"
        '<div class="byline"><span class="byline-prefix">by</span> '
        '<a href="/authors/ann">Ann Lee</a></div>'
        '<time datetime="2024-12-11T15:18">December 11, 2024 3:18 PM</time>'
        f'<div class="content">{body}</div></article>{around}</body></html>'
    )


def test_article_by_og_type() -> None:
    html = (DATA / "newsdesk_article.html").read_text(encoding="utf-8")
    verdict = classify_page(html, "https://courier.example/news/harbour-cranes-return")
    assert verdict.kind == "article"


def test_article_by_jsonld() -> None:
    html = (DATA / "jsonld_graph.html").read_text(encoding="utf-8")
    verdict = classify_page(
        html.replace("Seit", " ".join(["Wort"] * 120) + " Seit"), "https://s.example/a"
    )
    assert (verdict.kind, verdict.reason) == ("article", "story+declared")


def test_short_story_under_many_recirculation_headlines_is_an_article() -> None:
    # ~100 words of story, then News Feed, MORE NEWS and Editors' Picks: 18 headlines.
    around = (
        f"<section><h2>News Feed</h2>{_cards(8)}</section>"
        f"<section><h2>MORE NEWS</h2>{_cards(6, '/news/more')}</section>"
        f"<section><h2>Editors' Picks</h2>{_cards(4, '/news/pick')}</section>"
    )
    verdict = classify_page(_article(3, around), "https://courier.example/news/harbour-wall")
    assert (verdict.kind, verdict.reason) == ("article", "story+date")
    assert "cards: 18 (0 before the story)" in verdict.evidence


def test_site_navigation_in_jsonld_does_not_make_an_article_a_listing() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "SiteNavigationElement", '
        '"name": ["News", "Sport"]}</script>'
    )
    verdict = classify_page(_article(3, head=head), "https://courier.example/news/harbour-wall")
    assert verdict.kind == "article"


def test_listing_with_one_card_is_a_listing() -> None:
    html = (
        "<html><head><title>Tag: Ferries | The Courier</title></head><body>"
        f"<main><h1>Ferries</h1>{_cards(1)}</main></body></html>"
    )
    verdict = classify_page(html, "https://courier.example/tag/ferries/")
    assert (verdict.kind, verdict.reason) == ("listing", "cards")


def test_listing_cards_with_summaries_are_still_cards() -> None:
    teasers = "".join(
        f'<article><h2><a href="/news/story-{i}">Story {i} headline for the town</a></h2>'
        f"<p>{SENTENCE}</p><time>December {i + 1}, 2024</time></article>"
        for i in range(3)
    )
    html = f"<html><body><main><h1>News</h1>{teasers}</main></body></html>"
    assert classify_page(html, "https://courier.example/news/").kind == "listing"


def test_author_page_with_bio_and_two_cards_is_not_an_article() -> None:
    html = (
        "<html><head><title>Ann Lee | The Courier</title>"
        '<script type="application/ld+json">{"@type": "ProfilePage"}</script></head><body>'
        f"<main><h1>Ann Lee</h1><p>{SENTENCE * 4}</p>{_cards(2)}</main></body></html>"
    )
    verdict = classify_page(html, "https://courier.example/authors/ann-lee/")
    assert verdict == PageVerdict("listing", "jsonld:ProfilePage")


def test_about_page_with_prose_but_no_date_is_other() -> None:
    html = (
        "<html><head><title>About us | The Courier</title></head><body>"
        f"<main><h1>About us</h1><p>{SENTENCE * 3}</p><p>{SENTENCE * 2}</p></main></body></html>"
    )
    verdict = classify_page(html, "https://courier.example/about-the-paper/")
    assert (verdict.kind, verdict.reason) == ("other", "undated")


def test_full_text_blog_front_page_is_a_listing() -> None:
    posts = "".join(
        f'<article class="post"><h2><a href="/2024/12/0{i}/post-{i}/">Post {i} of the week</a></h2>'
        f"<time>December {i}, 2024</time>{''.join(f'<p>{SENTENCE * 2}</p>' for _ in range(4))}"
        "</article>"
        for i in range(1, 4)
    )
    html = (
        "<html><head><title>The Courier</title></head>"
        f"<body><h1>The Courier</h1>{posts}</body></html>"
    )
    verdict = classify_page(html, "https://courier.example/")
    assert (verdict.kind, verdict.reason) == ("listing", "linked-headline")


def test_listing_by_jsonld_collection() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "CollectionPage"}</script>'
        f"</head><body><h1>News</h1><p>{SENTENCE * 3}</p>{_cards(5)}</body></html>"
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


def test_evidence_names_the_rule_inputs() -> None:
    verdict = classify_page(_article(2), "https://courier.example/news/harbour-wall")
    assert "h1 'Harbour wall to be repaired' matches the title" in verdict.evidence
    assert "a date outside the cards" in verdict.evidence


def test_archive_cards_with_long_excerpts_and_dated_permalinks_are_cards() -> None:
    # WordPress archive entries: post_class() on each, the date linked to the post.
    entries = "".join(
        f'<article class="post-{i} post type-post hentry"><div class="entry-container">'
        f'<span class="cat-links"><a href="/category/news/">News</a></span>'
        f'<h2 class="entry-title"><a href="/2024/12/0{i}/story-{i}/">Story {i} headline</a></h2>'
        f'<div class="entry-meta"><span class="byline">by <a href="/author/ann/">Ann Lee</a>'
        f'</span><a href="/2024/12/0{i}/story-{i}/"><time datetime="2024-12-0{i}T10:00">'
        f"December {i}, 2024 10:00 am</time></a></div>"
        f'<div class="entry-content"><p>{SENTENCE * 4}</p></div></div></article>'
        for i in range(1, 3)
    )
    html = (
        '<html><head><title>Tag: Budget</title></head><body class="archive tag tag-budget">'
        f"<main><h1>Tag: Budget</h1>{entries}</main></body></html>"
    )
    verdict = classify_page(html, "https://courier.example/tag/budget/")
    assert (verdict.kind, verdict.reason) == ("listing", "cards")


def test_static_page_by_cms_class_is_other_even_when_declared_an_article() -> None:
    # Ghost declares its static pages as JSON-LD Articles; only the body class tells.
    html = _article(3, head='<script type="application/ld+json">{"@type": "Article"}</script>')
    html = html.replace("<body>", '<body class="page-template page-about">')
    verdict = classify_page(html, "https://courier.example/about/")
    assert verdict == PageVerdict("other", "cms:page")


def test_search_results_with_dated_meta_lines_are_cards() -> None:
    results = "".join(
        f'<li><div class="meta">By <a href="/authors/ann">Ann Lee</a>, 12/1{i}/2024 - 09:15</div>'
        f'<h3><a href="/news/result-{i}">Result {i} about the snow plough contract</a></h3>'
        f"<div class='snippet'>{SENTENCE}</div></li>"
        for i in range(5)
    )
    html = f"<html><body><main><h1>Search</h1><ol>{results}</ol></main></body></html>"
    assert classify_page(html, "https://courier.example/search?keys=snow").kind == "listing"


def test_a_date_in_the_site_banner_is_not_the_story_date() -> None:
    html = (
        "<html><head><title>About the Courier</title></head><body>"
        '<header><small>Thursday, December 12, 2024</small><a href="/">The Courier</a></header>'
        f"<main><h1>About the Courier</h1><p>{SENTENCE * 2}</p><p>{SENTENCE}</p></main>"
        "</body></html>"
    )
    verdict = classify_page(html, "https://courier.example/about.html")
    assert (verdict.kind, verdict.reason) == ("other", "undated")
