"""The section read from the page's breadcrumb trail."""

from __future__ import annotations

import lxml.html

from newscrawl.extract import markup

#: "In Ukrainian", escaped (ruff flags Cyrillic look-alikes).
UKRAINSKA = "\u0423\u043a\u0440\u0430\u0457\u043d\u0441\u044c\u043a\u043e\u044e"
HEADLINE = "Saturday school opens a second class"


def _page(breadcrumb: str, article: str = "") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        f"<html><body><main>{breadcrumb}<article><strong>Local</strong>"
        f"<h1>{HEADLINE}</h1>{article}<p>The story.</p></article></main></body></html>"
    )


def test_breadcrumb_gives_the_section() -> None:
    tree = _page(
        '<nav aria-label="breadcrumb"><ol class="breadcrumb">'
        '<li class="breadcrumb-item"><a href="/">Home</a></li>'
        f'<li class="breadcrumb-item"><a href="/sections/ukrainska.html">{UKRAINSKA}</a></li>'
        "</ol></nav>"
    )
    assert markup.section_link(tree) == UKRAINSKA


def test_breadcrumb_skips_home_and_the_page_itself() -> None:
    tree = _page(
        '<div class="site-breadcrumb"><a href="https://news.example/">Front page</a> » '
        '<a href="/news/">News</a> » <a href="/news/schools/">Schools</a> » '
        f'<a href="/news/schools/saturday" aria-current="page">{HEADLINE}</a></div>'
    )
    assert markup.section_link(tree) == "Schools"


def test_breadcrumb_labelled_only_by_aria() -> None:
    tree = _page(
        '<nav aria-label="Breadcrumb"><a href="/">Home</a> <a href="/sport/">Sport</a></nav>'
    )
    assert markup.section_link(tree) == "Sport"


def test_section_link_in_the_article_beats_the_breadcrumb() -> None:
    tree = _page(
        '<nav class="breadcrumb"><a href="/">Home</a> <a href="/news">News</a></nav>',
        '<a href="/sections/outdoors">Outdoors</a>',
    )
    assert markup.section_link(tree) == "Outdoors"


def test_no_breadcrumb_no_section_from_it() -> None:
    tree = _page('<nav class="menu"><a href="/">Home</a> <a href="/sport/">Sport</a></nav>')
    assert markup.section_link(tree) is None
