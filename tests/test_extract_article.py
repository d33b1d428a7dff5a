"""extract_article on hand-written pages: every layer and the merge between them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.extract.article import ExtractedArticle, extract_article
from newscrawl.sites import SiteProfile

DATA = Path(__file__).parent / "data" / "extract"
URL = "https://courier.example/news/harbour-cranes-return"


def page(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def newsdesk() -> ExtractedArticle:
    return extract_article(page("newsdesk_article.html"), URL)


def test_newsdesk_body_is_only_the_story(newsdesk: ExtractedArticle) -> None:
    body = newsdesk.fields["body"]
    paragraphs = body.split("\n\n")
    assert paragraphs[0].startswith("The last four container cranes")
    assert paragraphs[-1].startswith("The port authority said it would publish")
    assert "Backlog of ships" in paragraphs  # subheadings stay, in reading order
    for furniture in (
        "Harbour cranes return to work",  # the headline
        "min read",
        "Photo:",
        "Cranes stand over",
        "audio is created",
        "Read also",
        "Share on",
        "News Feed",
        "MORE NEWS",
        "Editors' Picks",
        "Ferry timetable",
        "indicates required",
        "Morning briefing",
        "cookies",
        "All rights reserved",
    ):
        assert furniture not in body, furniture
    assert newsdesk.sources["body"] == "trafilatura"


def test_newsdesk_metadata(newsdesk: ExtractedArticle) -> None:
    fields = newsdesk.fields
    assert fields["title"] == "Harbour cranes return to work after winter storm"
    assert fields["authors"] == ["Boldizsar Gyori", "The Kyiv Independent news desk"]
    assert newsdesk.sources["authors"] == "markup"  # not <meta name=author> = the site
    assert fields["published_raw"] == "2024-12-11T15:18:00+02:00"
    assert fields["lead_image_url"] == "https://courier.example/images/cranes.jpg"
    assert fields["lead_image_caption"].startswith("Cranes stand over")
    assert fields["tags"] == ["port", "weather"]
    assert fields["section"] == "Business"
    assert fields["canonical_url"] == URL + "?utm_source=feed"


def test_visible_date_when_no_structured_date() -> None:
    html = page("newsdesk_article.html").replace("article:published_time", "x-unused")
    extracted = extract_article(html, URL)
    assert extracted.fields["published_raw"] == "December 11, 2024 3:18 PM"
    assert extracted.sources["published_raw"] == "markup"


def test_jsonld_graph_wins_and_teaser_article_body_is_ignored() -> None:
    extracted = extract_article(page("jsonld_graph.html"), "https://stadtblatt.example/x")
    fields = extracted.fields
    assert extracted.sources["title"] == "jsonld"
    assert fields["title"] == "Neue Brücke für Radfahrer eröffnet"
    assert fields["authors"] == ["Lena Krause", "Tom Berg"]
    assert fields["published_raw"] == "2024-05-02T09:30:00+02:00"
    assert fields["modified_raw"] == "2024-05-02T11:00:00+02:00"
    assert fields["tags"] == ["Verkehr", "Radverkehr"]
    assert fields["section"] == "Lokales"
    assert fields["paywalled"] is True
    assert fields["lead_image_url"] == "https://stadtblatt.example/bilder/bruecke.jpg"
    assert fields["lead_image_caption"] == "Die neue Brücke"
    # "Nur ein Anriss." is a teaser: the visible text is the body.
    assert extracted.sources["body"] == "trafilatura"
    assert fields["body"].startswith("Seit Donnerstagmorgen")
    assert "Nur ein Anriss" not in fields["body"]


def test_microdata_layer() -> None:
    extracted = extract_article(page("microdata.html"), "https://orchard.example/harvest")
    assert extracted.fields["authors"] == ["Priya Nair"]
    assert extracted.sources["authors"] == "microdata"
    assert extracted.fields["published_raw"] == "2023-09-01T08:00:00Z"
    assert extracted.fields["body"].startswith("Apple growers in the valley")


def test_profile_selectors_override_every_other_layer() -> None:
    profile = SiteProfile(
        name="courier",
        selectors={
            "title": "h1.post-title",
            "authors": "//div[@class='post-byline']/a",
            "published": ".post-date",
            "body": ".post-content p",
        },
    )
    extracted = extract_article(page("newsdesk_article.html"), URL, profile)
    assert extracted.sources["title"] == "profile"
    assert extracted.fields["authors"] == ["Boldizsar Gyori", "The Kyiv Independent news desk"]
    assert extracted.fields["published_raw"] == "December 11, 2024 3:18 PM"
    assert extracted.sources["body"] == "profile"
    assert extracted.fields["body"].count("\n\n") == 5  # six <p>, "Read also" included as asked


def test_page_without_anything_gives_empty_fields() -> None:
    extracted = extract_article("<html><body><p>Hi</p></body></html>", "https://x.example/")
    assert extracted.fields["body"] is None or len(extracted.fields["body"]) < 10
    assert extracted.fields["authors"] == []
    assert extracted.fields["title"] is None


def test_logo_in_h1_is_not_the_title() -> None:
    html = (
        page("newsdesk_article.html")
        .replace(
            '<header class="site-header">',
            '<header class="site-header"><h1>The Riverside Courier</h1>',
        )
        .replace('<h1 class="post-title">', '<h2 class="post-title">')
    )
    extracted = extract_article(html, URL)
    assert extracted.fields["title"] == "Harbour cranes return to work after winter storm"
    assert extracted.sources["title"] == "opengraph"
