"""needs_rendering / rendering_helped: pure functions over static HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.extract.render_hints import (
    needs_rendering,
    page_signals,
    reason_from_signals,
    rendering_helped,
)

SITES = Path(__file__).parent / "sites"
PROSE = " ".join(
    f"Sentence {i} of a story that a reader can read without any script at all." for i in range(40)
)


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><title>T</title>{head}</head><body>{body}</body></html>"


NAV = (
    "<header><a href='/'>Home</a>"
    "<nav><a href='/news/'>News</a> <a href='/about/'>About</a></nav></header>"
)


def test_spa_shell_needs_rendering() -> None:
    html = page(NAV + '<div id="root"></div><script src="/static/js/main.3f2a.js"></script>')
    assert needs_rendering(html, "https://example.com/") == "app-shell"


def test_article_with_prose_does_not_need_rendering_even_with_scripts() -> None:
    html = page(
        NAV + f"<article><h1>Title</h1><p>{PROSE}</p></article>"
        '<div id="app"></div><script>fetch("/api/comments.json")</script>'
        "<noscript>Please enable JavaScript to view the comments powered by Disqus.</noscript>"
    )
    assert needs_rendering(html, "https://example.com/news/some-long-story-slug-here") is None


@pytest.mark.parametrize(
    "notice",
    [
        "Please enable JavaScript to read this site.",
        "Bitte aktivieren Sie JavaScript, um diese Seite zu lesen.",
        "Veuillez activer JavaScript dans votre navigateur.",
        "Будь ласка, увімкніть JavaScript.",
        "This site requires JavaScript.",
    ],
)
def test_thin_page_asking_for_javascript_needs_rendering(notice: str) -> None:
    html = page(NAV + f"<main><h2>Welcome</h2></main><noscript>{notice}</noscript>")
    assert needs_rendering(html, "https://example.com/about-us") == "javascript-notice"


def test_visible_javascript_notice_counts_too() -> None:
    html = page(NAV + '<div class="warning"><p>JavaScript is disabled in your browser.</p></div>')
    assert needs_rendering(html, "https://example.com/") == "javascript-notice"


def test_listing_filled_by_script_needs_rendering() -> None:
    # Enough static text (a long intro) that it is no empty shell.
    html = page(
        NAV + f"<main><h1>Latest</h1><p>{PROSE[:300]}</p><ul id='stories'></ul></main>"
        "<script>fetch('/api/latest.json').then((r) => r.json())</script>"
    )
    assert needs_rendering(html, "https://example.com/news/") == "listing-without-article-links"


def test_listing_with_article_links_reads_fine() -> None:
    links = "".join(
        f"<li><a href='/news/2024/05/0{i}/story-number-{i}-about-the-town'>Story {i}</a></li>"
        for i in range(1, 6)
    )
    html = page(
        NAV + f"<main><h1>Latest</h1><ul id='stories'>{links}</ul></main>"
        "<script>fetch('/api/more.json')</script>"
    )
    assert needs_rendering(html, "https://example.com/news/") is None


def test_empty_tag_page_without_script_loader_is_not_a_reason() -> None:
    """Empty tag pages and calendar traps are thin, but script would not fill them."""
    html = page(
        NAV + "<main><h1>Tag: Poetry</h1><p>Nothing here yet.</p></main>"
        '<script src="/theme/site.js"></script>'
    )
    assert needs_rendering(html, "https://example.com/tag/poetry/") is None


def test_server_rendered_app_with_content_is_not_a_shell() -> None:
    html = page(
        f'<div id="__next"><main><h1>Story</h1><p>{PROSE}</p></main></div>'
        '<script id="__NEXT_DATA__" type="application/json">{"props": {}}</script>'
        '<script src="/_next/static/chunks/main.js"></script>'
    )
    assert needs_rendering(html, "https://example.com/news/a-story-with-a-long-slug") is None


def test_article_whose_body_comes_from_a_json_endpoint() -> None:
    byline = "<p class='lede'>" + " ".join(["word"] * 40) + "</p>"
    html = page(
        NAV + f"<main><h1>A headline</h1>{byline}"
        '<div class="article-body" data-src="/api/articles/123.json"></div></main>'
        '<script src="/app.js"></script>'
    )
    url = "https://example.com/news/2024/05/01/a-headline-about-something"
    assert needs_rendering(html, url) == "article-without-body"
    assert needs_rendering(html, "https://example.com/x", expected="article") == (
        "article-without-body"
    )


def test_expected_kind_overrides_the_url_shape() -> None:
    html = page(
        NAV + "<main><h1>More</h1><p>" + PROSE[:300] + "</p><div id='list'></div></main>"
        "<script>fetch('/feed.json')</script>"
    )
    assert needs_rendering(html, "https://example.com/about/") is None
    assert needs_rendering(html, "https://example.com/about/", expected="listing") == (
        "listing-without-article-links"
    )


def test_empty_document() -> None:
    assert needs_rendering("", "https://example.com/") is None
    signals = page_signals("   ", "https://example.com/")
    assert reason_from_signals(signals, "https://example.com/") is None


def _pages(site: Path) -> list[tuple[str, str]]:
    out = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix().removesuffix("index.html")
        rel = rel.replace("index@", "?").removesuffix(".html") if "@" in rel else rel
        out.append(
            (f"http://127.0.0.1:8000/{rel}", file.read_text(encoding="utf-8", errors="replace"))
        )
    return out


STATIC_SITES = sorted(p.parent for p in SITES.glob("*/_expected.json"))


@pytest.mark.parametrize("site", STATIC_SITES, ids=[s.name for s in STATIC_SITES])
def test_no_page_of_a_static_fixture_site_needs_rendering(site: Path) -> None:
    """Server-rendered sites must never cost a browser start."""
    wrong = [(url, reason) for url, html in _pages(site) if (reason := needs_rendering(html, url))]
    assert not wrong


def test_every_listing_and_article_of_the_script_built_site_needs_rendering() -> None:
    site = SITES / "jsnews"
    pages = [
        (url, html) for url, html in _pages(site) if "/story/" in url or url.endswith(":8000/")
    ]
    assert len(pages) >= 13
    missed = [url for url, html in pages if needs_rendering(html, url) is None]
    assert not missed


def test_rendering_helped_needs_clearly_more() -> None:
    shell = page_signals(
        page(NAV + '<div id="app"></div><script src="/a.js"></script>'), "https://e.com/"
    )
    links = "".join(
        f"<li><a href='/news/2024/05/0{i}/story-number-{i}-about-the-town'>Story {i}</a></li>"
        for i in range(1, 6)
    )
    # A rendered page's links are always counted (the middleware asks for it).
    rendered_list = page_signals(
        page(NAV + f"<div id='app'><ul>{links}</ul></div>"), "https://e.com/", count_links=True
    )
    rendered_text = page_signals(
        page(NAV + f"<div id='app'><p>{PROSE}</p></div>"), "https://e.com/", count_links=True
    )
    # A static page no rule reads the links of has them left uncounted.
    assert page_signals(page(NAV + f"<ul>{links}</ul>"), "https://e.com/").article_links == 0
    assert rendered_list.article_links == 5
    assert rendering_helped(shell, rendered_list)
    assert rendering_helped(shell, rendered_text)
    assert not rendering_helped(shell, shell)
    assert not rendering_helped(rendered_text, rendered_text)
