"""Body cleaning rules: pre-clean of the tree and the line filter."""

from __future__ import annotations

import lxml.html
import pytest

from newscrawl.extract.body import PageFacts, extract_body, filter_lines
from newscrawl.extract.preclean import preclean

STORY = " ".join(
    f"Sentence {i} of the story tells what the council decided about the harbour."
    for i in range(12)
)


def test_filter_lines_drops_boilerplate_and_headline() -> None:
    text = "\n".join(
        [
            "The Headline",
            "3 min read",
            "This audio is created with AI assistance",
            "First paragraph.",
            "Read also: Another story",
            "Photo: Jane Doe / Agency",
            "* indicates required",
            "Second paragraph.",
        ]
    )
    assert filter_lines(text, PageFacts(title="The headline")) == (
        "First paragraph.\n\nSecond paragraph."
    )


def test_filter_lines_drops_kicker_byline_and_date_line() -> None:
    text = "\n".join(
        [
            "City",
            "by Ann Lee and The Courier news desk",
            "December 11, 2024 3:18 PMUpdated December 11, 2024 6:02 PM1 min read",
            "By the numbers",
            "First paragraph.",
            "— Jane Roe (@janeroe) November 19, 2019",
        ]
    )
    facts = PageFacts(section="City", authors=("Ann Lee",))
    assert filter_lines(text, facts) == (
        "By the numbers\n\nFirst paragraph.\n\n— Jane Roe (@janeroe) November 19, 2019"
    )


@pytest.mark.parametrize(
    "byline",
    [
        "Words: Mei Harrow, Business Reporter",
        "By Mei Harrow, Heritage Reporter",
        "Von Mei Harrow",
        "Автор: Mei Harrow",
        "Text: Mei Harrow",
    ],
)
def test_filter_lines_drops_bylines_in_every_prefix(byline: str) -> None:
    text = "\n".join([byline, "First paragraph.", "Words: they matter, said Mei Harrow."])
    facts = PageFacts(authors=("Mei Harrow",))
    assert filter_lines(text, facts) == "First paragraph.\n\nWords: they matter, said Mei Harrow."


def test_filter_lines_drops_related_headings_and_their_teasers_only() -> None:
    prose = "A long paragraph of the story that carries most of the text. " * 3
    text = "\n".join(
        [prose, "Don't miss", "Teaser headline one", "Teaser two [VIDEO]", prose, "More news", "X"]
    )
    assert filter_lines(text) == f"{prose.strip()}\n\n{prose.strip()}"


def test_preclean_keeps_story_container_with_furniture_word() -> None:
    html = (
        '<html><body><div class="article-body has-share-bar">'
        f"<p>{STORY}</p><p>{STORY}</p></div>"
        '<div class="share-tools"><a href="#">Share</a></div></body></html>'
    )
    cleaned = preclean(lxml.html.document_fromstring(html))
    text = cleaned.text_content()
    assert text.count("Sentence 0") == 2
    assert "Share" not in text


def test_preclean_does_not_modify_the_given_tree() -> None:
    tree = lxml.html.document_fromstring(
        f"<html><body><p>{STORY}</p><figure><figcaption>Cap</figcaption></figure></body></html>"
    )
    preclean(tree)
    assert "Cap" in tree.text_content()


def test_related_block_with_links_is_removed() -> None:
    links = "".join(f'<li><a href="/n{i}">Other story number {i}</a></li>' for i in range(6))
    html = (
        f"<html><body><article><h1>Title</h1><p>{STORY}</p><p>{STORY}</p></article>"
        f"<div><h3>Editors' Picks</h3><ul>{links}</ul></div></body></html>"
    )
    body = extract_body(
        lxml.html.document_fromstring(html), "https://x.example/a", PageFacts(title="Title")
    )
    assert body is not None
    assert "Other story" not in body
    assert "Editors" not in body
    assert body.startswith("Sentence 0")


def test_a_comment_among_related_links_is_no_error() -> None:
    # Trees parsed without dropping comments keep them between the links.
    links = "".join(f'<li><a href="/n{i}">Other story number {i}</a></li>' for i in range(6))
    html = (
        f"<html><body><article><h1>Title</h1><p>{STORY}</p>"
        f"<h3>More news</h3><!-- rail --><ul>{links}</ul></article></body></html>"
    )
    cleaned = lxml.html.tostring(preclean(lxml.html.document_fromstring(html)), encoding=str)
    assert "Other story" not in cleaned
    assert "Sentence 0" in cleaned


def test_story_split_over_lookalike_containers_is_joined_in_order() -> None:
    part = '<div class="grid"><div class="story-body"><p>{}</p></div></div>'
    html = (
        '<html><body><div class="chunks">'
        + part.format("First " + STORY)
        + '<div class="grid"><div class="promo-box">Buy now</div></div>'
        + part.format("Second " + STORY)
        + "</div></body></html>"
    )
    cleaned = preclean(lxml.html.document_fromstring(html))
    bodies = cleaned.xpath("//div[@class='story-body']")
    assert len(bodies) == 1
    texts = [p.text_content()[:6] for p in bodies[0].iter("p")]
    assert texts == ["First ", "Second"]


def test_lookalike_containers_far_apart_are_not_joined() -> None:
    html = (
        '<html><body><div class="top"><section><div class="txt">'
        f"<p>Summary {STORY}</p></div></section></div>"
        f'<main><div class="txt"><p>Main {STORY}</p></div></main></body></html>'
    )
    cleaned = preclean(lxml.html.document_fromstring(html))
    assert len(cleaned.xpath("//div[@class='txt']")) == 2


def test_hover_cards_inside_paragraphs_are_removed() -> None:
    html = (
        f"<html><body><article><p>{STORY} Rep. <span class='rollover-people'>"
        "<a href='/p/1'>Jane Roe</a><span class='rollover-block'>Other headline here</span>"
        f"</span> said.</p><p>{STORY}</p></article></body></html>"
    )
    body = extract_body(lxml.html.document_fromstring(html), "https://x.example/a")
    assert body is not None
    assert "Other headline here" not in body


def test_related_heading_in_other_languages() -> None:
    prose = "Um parágrafo longo da história que leva a maior parte do texto. " * 3
    text = "\n".join([prose, "Você pode gostar...", "Outra manchete", prose])
    assert filter_lines(text) == f"{prose.strip()}\n\n{prose.strip()}"


def test_embedded_tweet_is_kept_as_a_quote() -> None:
    html = (
        f"<html><body><article><p>{STORY}</p>"
        '<div class="social-media-embed"><blockquote class="twitter-tweet">'
        '<p lang="en">The ferry is back on schedule from tomorrow morning, says the operator'
        ' <a href="https://t.co/x">https://t.co/x</a></p>'
        '&mdash; Harbour Ops (@harbourops) <a href="https://twitter.com/x/1">Dec 11, 2024</a>'
        f"</blockquote></div><p>{STORY}</p>"
        '<div class="share-bar"><a href="#">Share on X</a></div></article></body></html>'
    )
    body = extract_body(lxml.html.document_fromstring(html), "https://x.example/a")
    assert body is not None
    assert "The ferry is back on schedule" in body
    assert "Share on X" not in body
