"""Author rules: a byline's capitals, and author meta against a byline guess."""

from __future__ import annotations

import pytest

from newscrawl.extract.article import extract_article
from newscrawl.processors.authors import clean_author, split_authors

URL = "https://www.storegrowers.example/product-ratings-in-google-shopping/"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Sentences and labels caught in an "author" box are no names.
        ("on Deadspin", None),
        ("Jiobal says", None),
        ("reviews to your articles", None),
        ("Cultura RF)", None),
        ("andrew.keaveney", None),
        # Names and signatures keep their lowercase words.
        ("Jan de Vries", "Jan de Vries"),
        ("The Kyiv Independent news desk", "The Kyiv Independent news desk"),
        ("The Coastal Post travel desk", "The Coastal Post travel desk"),
        ("Redaktion hessenschau.de", "Redaktion hessenschau.de"),
        ("dpa", "dpa"),
        ("nieuwsblad.be", "nieuwsblad.be"),
        ("신현주", "신현주"),
    ],
)
def test_a_name_has_a_names_capitals(raw: str, expected: str | None) -> None:
    assert clean_author(raw) == expected


def test_picture_credit_split_at_a_slash_leaves_no_name() -> None:
    assert split_authors(["(Image: Getty Images/Cultura RF)", "Emma Mackenzie"]) == [
        "Emma Mackenzie"
    ]


def _page(meta_author: str | None, byline: str, jsonld_author: str | None = None) -> str:
    head = f'<meta name="author" content="{meta_author}">' if meta_author else ""
    if jsonld_author:
        head += (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            f'"headline": "Product ratings", "author": {{"name": "{jsonld_author}"}}}}</script>'
        )
    story = "".join(f"<p>Paragraph {n} explains how product ratings appear.</p>" for n in range(6))
    return (
        f"<html><head>{head}</head><body><article><h1>Product ratings in Google Shopping</h1>"
        f'<div class="author-box">{byline}</div>{story}</article></body></html>'
    )


def test_author_meta_beats_a_byline_guess_that_names_nobody_in_it() -> None:
    html = _page("Dennis Moons", "Geoff Harris")
    extracted = extract_article(html, URL)
    assert extracted.fields["authors"] == ["Dennis Moons"]
    assert extracted.sources["authors"] == "meta"


def test_byline_that_names_the_meta_author_stays() -> None:
    html = _page("Dennis Moons", "By Dennis Moons and Ada Lovel")
    assert extract_article(html, URL).fields["authors"] == ["Dennis Moons", "Ada Lovel"]


def test_author_meta_that_is_the_site_or_one_word_does_not_replace_the_byline() -> None:
    html = _page("Store Growers", "Geoff Harris").replace(
        "<head>", '<head><meta property="og:site_name" content="Store Growers">'
    )
    assert extract_article(html, URL).fields["authors"] == ["Geoff Harris"]
    assert extract_article(_page("admin", "Geoff Harris"), URL).fields["authors"] == [
        "Geoff Harris"
    ]


def test_structured_author_that_is_a_login_gives_way_to_the_byline() -> None:
    html = _page(None, "Denise Everheart", jsonld_author="andrew.keaveney")
    extracted = extract_article(html, URL)
    assert extracted.fields["authors"] == ["Denise Everheart"]
    assert extracted.sources["authors"] == "markup"


def test_byline_with_honorifics_and_more_people_beats_structured_data() -> None:
    byline = "Written by Dr Marna van der Merwe, Dr Dieter Veldsman, Erik van Vulpen"
    html = _page("Marna van der Merwe", byline, jsonld_author="Marna van der Merwe")
    assert extract_article(html, URL).fields["authors"] == [
        "Dr Marna van der Merwe",
        "Dr Dieter Veldsman",
        "Erik van Vulpen",
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Rasmus Barslund, Lead Reviewer", ["Rasmus Barslund"]),
        ("Daniel Burstein, Senior Director", ["Daniel Burstein"]),
        ("Daniel Kahn Gillmor, Senior Staff Technologist", ["Daniel Kahn Gillmor"]),
    ],
)
def test_job_titles_after_a_name_are_not_authors(raw: str, expected: list[str]) -> None:
    assert split_authors(raw) == expected
