# ruff: noqa: RUF001 -- Cyrillic bylines on purpose
"""The visible-markup layer on a page whose class names say nothing (hashed CSS)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from newscrawl.extract import markup
from newscrawl.extract.article import extract_article

DATA = Path(__file__).parent / "data" / "extract"
URL = "https://post.example/rail/night-trains"


@pytest.fixture(scope="module")
def tree() -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring((DATA / "hashed_classes.html").read_text("utf-8"))


def test_byline_without_class_names(tree: lxml.html.HtmlElement) -> None:
    # The parent <div> runs the date on after the names; the smallest "by" element wins.
    assert markup.byline(tree) == ["Ines Moreau", "The Coastal Post travel desk"]


def test_printed_dates(tree: lxml.html.HtmlElement) -> None:
    assert markup.printed_dates(tree) == [
        ("published", "March 3, 2025 9:05 PM"),
        ("updated", "March 4, 2025 7:30 AM"),
    ]
    assert markup.published(tree) == "March 3, 2025 9:05 PM"
    assert markup.modified(tree) == "March 4, 2025 7:30 AM"


def test_tags_section_and_caption(tree: lxml.html.HtmlElement) -> None:
    assert markup.tag_links(tree) == ["Rail", "Tourism"]
    assert markup.section_link(tree) == "Travel"
    assert markup.lead_caption(tree) == "A sleeper carriage waits at the harbour station."


def test_whole_page_body_and_fields() -> None:
    html = (DATA / "hashed_classes.html").read_text("utf-8")
    fields = extract_article(html, URL).fields
    assert fields["body"].split("\n\n")[0].startswith("The overnight service")
    assert fields["body"].split("\n\n")[-1].startswith("Tickets go on sale")
    for metadata in ("Travel", "Ines Moreau", "March 3", "min read", "Photo:", "sleeper carriage"):
        assert metadata not in fields["body"], metadata
    assert fields["paywalled"] is True  # article:content_tier = locked
    assert fields["lead_image_url"] == "https://post.example/img/night.jpg"  # @id resolved
    assert fields["title"] == "Night trains return to the coast line"


def _page(article: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body><article>{article}</article></body></html>")


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        # The prefix in an element of its own: the names are its siblings.
        (
            '<p class="meta"><span class="byline-prefix">By:</span> <a href="/a/m">Marek Zieliński'
            '</a> and <a href="/a/e">Ewa Nowak</a> <span class="mx-1">·</span> '
            '<span class="post-date">Dec 11, 2024, 3:00 PM</span></p>',
            ["Marek Zieliński", "Ewa Nowak"],
        ),
        (
            '<p class="meta"><span class="byline-prefix">Автори:</span> <a href="/a/o">Оксана '
            'Мельник</a> та <a href="/a/i">Ігор Бондар</a> <span>·</span> '
            "<span>8 грудня 2024, 18:00</span></p>",
            ["Оксана Мельник", "Ігор Бондар"],
        ),
        (
            '<h4 class="author-name"><span class="byline-prefix">by</span> <a href="/a/o">Oksana '
            'Fedoriv</a>, <a href="/a/a">Andrii Savchuk</a> and <a href="/a/d">The Lypova '
            "Independent news desk</a></h4>",
            ["Oksana Fedoriv", "Andrii Savchuk", "The Lypova Independent news desk"],
        ),
        # Text nodes of separate elements are separate words.
        (
            '<div class="byline"><p>By</p><p>Amy Roeder</p></div>',
            ["Amy Roeder"],
        ),
        (
            '<div class="byline"><a href="/a/h">Howard Blume</a><span>Staff Writer</span></div>',
            ["Howard Blume"],
        ),
    ],
)
def test_byline_prefix_in_its_own_element(meta: str, expected: list[str]) -> None:
    assert markup.byline(_page(f"<h1>A headline</h1>{meta}<p>Story text.</p>")) == expected


def test_byline_with_empty_name_slot_is_not_a_label() -> None:
    # "Written By <a></a>": its parent holds other text, not the names.
    tree = _page(
        '<div class="wrap"><div class="author">Written By <a href="/a"></a></div>'
        "<p>Knowing why you want it helps you succeed.</p></div>"
    )
    assert markup.byline(tree) == []


def test_last_resort_byline_reads_other_languages() -> None:
    tree = _page("<h1>Ein Titel</h1><div><p>Von Jana Krüger</p></div><p>Der Text.</p>")
    assert markup.byline(tree) == ["Jana Krüger"]


STORY = (
    "<p>The harbour board met on Tuesday night and agreed, after a long debate about "
    "the cost of the work and the summer timetable, to reopen the north quay to ferries "
    "from the first week of June, two months later than planned.</p>"
) * 4


def test_a_head_meta_itemprop_date_is_the_page_date() -> None:
    # Squarespace: the page's dates as <meta itemprop> in <head>, no itemscope,
    # and an <article> whose only printed date lacks its year.
    html = (
        "<html><head><title>Quay reopens</title>"
        '<meta itemprop="datePublished" content="2019-05-28T17:12:55+0200">'
        '<meta itemprop="dateModified" content="2024-01-25T00:40:51+0100"></head>'
        '<body><article><h1>Quay reopens in June</h1><span class="date">May 28</span>'
        f"{STORY}</article></body></html>"
    )
    fields = extract_article(html, "https://quay.example/blog/quay-reopens").fields
    assert fields["published_raw"] == "2019-05-28T17:12:55+0200"
    assert fields["modified_raw"] == "2024-01-25T00:40:51+0100"


@pytest.mark.parametrize(
    ("printed", "day"),
    [("2/24/2026", "2026-02-24"), ("24.02.2026", "2026-02-24"), ("2/3/2026", None)],
)
def test_a_numeric_date_is_read_only_when_its_order_is_plain(printed: str, day: str) -> None:
    html = (
        "<html><body><article><h1>Quay reopens in June</h1>"
        f'<span class="article-date">{printed}</span>{STORY}</article></body></html>'
    )
    assert markup.published(lxml.html.document_fromstring(html)) == day
