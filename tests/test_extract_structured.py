"""JSON-LD, microdata and meta-tag layers on small hand-written heads."""

from __future__ import annotations

import lxml.html

from newscrawl.extract.structured import (
    article_body_text,
    jsonld_fields,
    jsonld_types,
    meta_layers,
)

URL = "https://news.example/a/1"


def page(head: str, body: str = "<p>x</p>") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def ld(text: str) -> str:
    return f'<script type="application/ld+json">{text}</script>'


def test_broken_block_does_not_hide_the_good_one() -> None:
    tree = page(
        ld('{"@type": "WebPage", "name": "x"} trailing junk')
        + ld(
            '[{"@type": "BreadcrumbList"}, {"@type": "NewsArticle", "headline": "H",'
            ' "author": {"@type": "Person", "name": "Ann Lee"}}]'
        )
    )
    assert jsonld_types(tree) == ["WebPage", "BreadcrumbList", "NewsArticle"]
    fields = jsonld_fields(tree, URL)
    assert fields["title"] == "H"
    assert fields["authors"] == ["Ann Lee"]


def test_best_article_object_and_value_shapes() -> None:
    tree = page(
        ld(
            '{"@graph": ['
            '{"@type": "Article", "headline": "Teaser"},'
            '{"@type": ["NewsArticle", "Article"], "headline": "Main",'
            ' "datePublished": "2024-01-02",'
            ' "author": [{"name": "A B"}, "https://news.example/author/c", "D E"],'
            ' "keywords": ["x", "y"], "image": ["/i.jpg"], "isAccessibleForFree": true,'
            ' "publisher": {"@type": "Organization", "name": "News Example"},'
            ' "articleBody": "<p>One.</p><p>Two.</p>"}]}'
        )
    )
    fields = jsonld_fields(tree, URL)
    assert fields["title"] == "Main"
    assert fields["authors"] == ["A B", "D E"]  # a profile URL is not a name
    assert fields["tags"] == ["x", "y"]
    assert fields["lead_image_url"] == "https://news.example/i.jpg"
    assert fields["paywalled"] is False
    assert fields["site_name"] == "News Example"
    assert fields["body"] == "One.\n\nTwo."


def test_article_body_text_leaves_plain_text_alone() -> None:
    assert article_body_text("Plain <3 text") == "Plain <3 text"


def test_meta_layers() -> None:
    tree = page(
        '<meta property="og:title" content="T | Site"><meta property="og:site_name" content="Site">'
        '<meta property="article:author" content="https://fb.example/jane">'
        '<meta property="article:tag" content="a"><meta property="article:tag" content="b">'
        '<meta name="author" content="Jane Doe"><meta name="keywords" content="k1, k2">'
        '<meta property="og:image" content="/img.png"><link rel="canonical" href="/a/1?x=1">'
        "<title>T | Site</title>"
    )
    og, meta = meta_layers(tree, URL)
    assert "authors" not in og  # only a profile URL
    assert og["tags"] == ["a", "b"]
    assert og["lead_image_url"] == "https://news.example/img.png"
    assert meta["authors"] == ["Jane Doe"]
    assert meta["canonical_url"] == "https://news.example/a/1?x=1"
    assert meta["title"] == "T | Site"


def test_yoast_graph_image_reference_is_resolved() -> None:
    graph = (
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "NewsArticle", "headline": "H", "image": {"@id": "https://news.example/a/1#primaryimage"}},'
        '{"@type": "ImageObject", "@id": "https://news.example/a/1#primaryimage",'
        ' "url": "https://news.example/img/lead.jpg", "caption": "The lead picture"}]}'
    )
    fields = jsonld_fields(page(ld(graph)), URL)
    assert fields["lead_image_url"] == "https://news.example/img/lead.jpg"
    assert fields["lead_image_caption"] == "The lead picture"


def test_unresolved_image_reference_is_not_an_image_url() -> None:
    graph = (
        '{"@graph": [{"@type": "NewsArticle", "headline": "H",'
        ' "image": {"@id": "https://news.example/a/1#primaryimage"}}]}'
    )
    assert "lead_image_url" not in jsonld_fields(page(ld(graph)), URL)


def test_webpage_primary_image_when_the_article_has_none() -> None:
    graph = (
        '{"@graph": [{"@type": "NewsArticle", "headline": "H"},'
        '{"@type": "WebPage", "primaryImageOfPage": {"@id": "#img"}},'
        '{"@type": "ImageObject", "@id": "#img", "contentUrl": "/img/page.jpg"}]}'
    )
    assert (
        jsonld_fields(page(ld(graph)), URL)["lead_image_url"] == "https://news.example/img/page.jpg"
    )
