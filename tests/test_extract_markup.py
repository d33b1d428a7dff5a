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
