"""Body furniture rules: camelCase class words, teaser link lists, trailer lines
and other wordings of the headline."""

from __future__ import annotations

import lxml.html
import pytest

from newscrawl.extract.article import extract_article
from newscrawl.extract.body import PageFacts, extract_body, filter_lines
from newscrawl.extract.preclean import preclean

STORY = " ".join(
    f"Sentence {i} of the story tells how the ferry timetable changed this winter."
    for i in range(12)
)
PAGE = "https://news.example/harbour/ferry-timetable"


def _cleaned_text(html: str, url: str = "") -> str:
    return preclean(lxml.html.document_fromstring(html), url).text_content()


# --------------------------------------------------------------------------- class words


def test_camel_case_class_words_mark_furniture() -> None:
    html = (
        f"<html><body><div class='storyText'><p>{STORY}</p>"
        "<p class='imageCaption'>The old quay at dawn</p>"
        "<div class='shareBar'><a href='/s'>Post it</a></div>"
        f"<p>{STORY}</p></div></body></html>"
    )
    text = _cleaned_text(html)
    assert "The old quay at dawn" not in text
    assert "Post it" not in text
    assert text.count("Sentence 0") == 2


def test_camel_case_does_not_invent_words() -> None:
    # "loadMore" and "headlineText" hold no furniture word once split.
    html = (
        f"<html><body><div class='articleBody'><p>{STORY}</p>"
        "<p class='headlineText'>Ferries return</p>"
        "<p class='loadMore'>Timetables change twice a year</p></div></body></html>"
    )
    text = _cleaned_text(html)
    assert "Ferries return" in text
    assert "Timetables change twice a year" in text


# --------------------------------------------------------------------------- teaser lists


def _page_with_list(items: str) -> str:
    return (
        f"<html><body><article><h1>Ferry timetable</h1><p>{STORY}</p>"
        f"<ul>{items}</ul><p>{STORY}</p></article></body></html>"
    )


def test_list_of_links_to_the_sites_other_stories_is_dropped() -> None:
    items = (
        '<li><a href="/harbour/new-pier">Pictures: the new pier opens</a></li>'
        '<li><a href="https://www.news.example/city/bridges">Seven bridges worth a walk</a></li>'
        '<li><a href="https://photos.news.example/gulls">Why the gulls came back</a></li>'
    )
    text = _cleaned_text(_page_with_list(items), PAGE)
    assert "new pier" not in text
    assert "Seven bridges" not in text
    assert "gulls" not in text
    assert text.count("Sentence 0") == 2


@pytest.mark.parametrize(
    "items",
    [
        # Links to other sites: sources or shops the story lists.
        '<li><a href="https://port.example/plan">The port authority plan</a></li>'
        '<li><a href="https://shop.example/boots">Waterproof boots</a></li>',
        # A table of contents: links into this very page.
        '<li><a href="#winter">Winter timetable</a></li>'
        '<li><a href="/harbour/ferry-timetable?part=2#summer">Summer timetable</a></li>',
        # Items that only mention a link are story text.
        '<li>Boats leave every hour, <a href="/harbour/boats">as before</a>, until nine</li>'
        '<li>Night crossings stop in <a href="/harbour/night">January</a> for repairs</li>',
    ],
)
def test_other_lists_are_kept(items: str) -> None:
    first = lxml.html.fragment_fromstring(items, create_parent="ul").text_content()[:12]
    assert first in _cleaned_text(_page_with_list(items), PAGE)


def test_teaser_lists_need_the_page_address() -> None:
    items = '<li><a href="/a">Story A headline</a></li><li><a href="/b">Story B headline</a></li>'
    assert "Story A headline" in _cleaned_text(_page_with_list(items))


def test_teaser_list_with_malformed_link_is_kept() -> None:
    items = '<li><a href="http://[broken/x">Odd link</a></li><li><a href="/b">Story B</a></li>'
    assert "Odd link" in _cleaned_text(_page_with_list(items), PAGE)


def test_extract_body_drops_a_teaser_list_after_the_story() -> None:
    items = "".join(
        f'<li><a href="/harbour/story-{i}">Harbour story number {i}</a></li>' for i in range(3)
    )
    body = extract_body(lxml.html.document_fromstring(_page_with_list(items)), PAGE)
    assert body is not None
    assert "Harbour story number" not in body


# --------------------------------------------------------------------------- trailer lines

PROSE = "The council will vote on the new timetable next month, the harbour master said."


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Jan Novak in Brno; Editing by Ana Ruiz",
        "(Reporting by Jan Novak, additional reporting by Lee Park; editing by Ana Ruiz.)",
        "Additional reporting by Lee Park",
        "With files from The Wire Service",
        "Wire Service writer Lee Park in Seoul contributed to this report.",
        "\u2014Lee Park contributed to this story.",
        "Lee Park contributed reporting from Seoul.",
        "Get our top stories delivered to your inbox. Subscribe to the Evening Digest newsletter.",
        "Subscribe to the Harbour Weekly newsletter",
        "Sign up for our free morning newsletter.",
        "Follow the Courier's politics desk on Facebook and Instagram.",
        "Questions? Dana Roe may be reached at droe@courier.example. Follow her on X @droe.",
        "Email Dana Roe at droe@courier.example or follow her @droe.",
        "Write to Dana Roe at droe@courier.example",
        "[Related: The ferry that never came]",
    ],
)
def test_trailer_lines_are_dropped(line: str) -> None:
    assert filter_lines(f"{PROSE}\n{line}\n{PROSE}") == f"{PROSE}\n\n{PROSE}"


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by the inspectors found leaks in the roof of the terminal.",
        "Several delays contributed to this report's late release, the agency said.",
        "Residents can follow updates on the council website, a spokesperson said.",
        "She urged fans to follow her on Instagram after the show.",
        "The newsletter, which launched in May, already has 4,000 readers.",
        "You can also subscribe to the council's printed bulletin at the library.",
        "Write to the council before Friday, campaigners said.",
    ],
)
def test_story_sentences_that_look_like_trailers_are_kept(line: str) -> None:
    assert filter_lines(f"{PROSE}\n{line}") == f"{PROSE}\n\n{line}"


def test_long_paragraph_with_a_trailer_phrase_is_kept() -> None:
    line = f"{PROSE} " * 4 + "Follow us on Facebook, the mayor told the crowd."
    assert filter_lines(line) == line


# --------------------------------------------------------------------------- headlines


def test_every_wording_of_the_headline_is_dropped() -> None:
    text = "\n".join(["Ferries return to the harbour after a long winter", PROSE])
    facts = PageFacts(
        title="Ferries return to the harbour",
        headlines=("Ferries return to the harbour after a long winter",),
    )
    assert filter_lines(text, facts) == PROSE


def test_extract_article_drops_a_headline_that_differs_from_json_ld() -> None:
    html = (
        "<html><head>"
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Ferries return"}'
        "</script></head><body><article>"
        "<h1>Ferries return to the harbour after a long winter</h1>"
        f"<p>{STORY}</p><p>{STORY}</p></article></body></html>"
    )
    body = extract_article(html, PAGE).fields["body"]
    assert body.startswith("Sentence 0")
    assert "after a long winter" not in body


def test_malformed_page_address_leaves_lists_alone() -> None:
    items = '<li><a href="/a">Story A headline</a></li><li><a href="/b">Story B headline</a></li>'
    assert "Story A headline" in _cleaned_text(_page_with_list(items), "http://[broken/page")
