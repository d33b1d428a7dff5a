"""Lead image: which URL an <img> shows, the lead figure, and when it beats og:image."""

from __future__ import annotations

import lxml.html
import pytest

from newscrawl.extract.article import extract_article
from newscrawl.extract.images import picture_key, same_picture, shown_on_page, shown_url
from newscrawl.extract.markup import LeadFigure, lead_figure

URL = "https://gazette.example/2025/06/lighthouse-keepers"

STORY = [
    "The last two lighthouse keepers on the northern cape handed over their keys on "
    "Monday, ending more than a century of people living beside the lamp.",
    "The light itself will keep turning: an automatic lamp installed last winter has "
    "run without a fault for six months, the maritime authority said.",
    "The keepers' cottage will become a small museum about the coast and its wrecks, "
    "with the old logbooks on show from next spring onwards.",
    "Both keepers said they would stay in the village, where one of them runs the "
    "sailing club and the other has started painting the harbour boats.",
]


def article_page(
    lead: str = "",
    *,
    og_image: str | None = None,
    after_story: str = "",
    before_headline: str = "",
) -> str:
    """A small news page: headline, an optional lead block, the story, more blocks after."""
    og = f'<meta property="og:image" content="{og_image}">' if og_image else ""
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    return (
        f"<html><head><title>Keepers leave the cape</title>{og}</head><body>"
        f"<article>{before_headline}<h1>The last lighthouse keepers leave the cape</h1>"
        f"{lead}<div class='story'>{paragraphs}</div>{after_story}</article></body></html>"
    )


def figure(src: str, caption: str = "", extra: str = "") -> str:
    cap = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure><img src='{src}' alt=''{extra}>{cap}</figure>"


def element(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html)


# --------------------------------------------------------------------------- shown_url


def test_shown_url_takes_the_real_picture_not_the_lazy_placeholder() -> None:
    fig = element(
        "<figure><img src='/static/blank.png'>"
        "<img srcset='/img/cape-320.jpg 320w,/img/cape-1280.jpg 1280w,/img/cape-640.jpg 640w'"
        " src='/img/cape-320.jpg'></figure>"
    )
    assert shown_url(fig, URL) == "https://gazette.example/img/cape-1280.jpg"


def test_shown_url_prefers_data_attributes_over_src() -> None:
    lazy = element("<img src='data:image/gif;base64,R0lGOD' data-src='/img/lamp.jpg'>")
    assert shown_url(lazy, URL) == "https://gazette.example/img/lamp.jpg"
    lazy_set = element(
        "<img srcset='' data-srcset='https://cdn.example/a.jpg?w=450 450w, "
        "https://cdn.example/a.jpg?w=1040 1040w'>"
    )
    assert shown_url(lazy_set, URL) == "https://cdn.example/a.jpg?w=1040"


def test_shown_url_keeps_commas_inside_srcset_urls() -> None:
    img = element(
        "<img srcset='https://cdn.example/w_400,c_fill/boat.jpg 400w, "
        "https://cdn.example/w_900,c_fill/boat.jpg 900w'>"
    )
    assert shown_url(img, URL) == "https://cdn.example/w_900,c_fill/boat.jpg"


def test_shown_url_skips_icons_and_pixels() -> None:
    assert shown_url(element("<figure><img src='/icons/zoom.svg'></figure>"), URL) is None
    assert shown_url(element("<img src='/px.gif' width='1' height='1'>"), URL) is None


# --------------------------------------------------------------------------- same picture


def test_picture_key_ignores_sizes_and_proxies() -> None:
    assert picture_key("https://a.example/p/harbour-light_w1080_h608.jpg")[0] == "harbour-light"
    assert same_picture(
        "https://resizer.example/?url=https://a.example/p/harbour-light.jpg&w=600",
        ["https://a.example/p/harbour-light-1200x675.jpg"],
    )
    assert not same_picture(
        "https://a.example/p/harbour-light.jpg", ["https://a.example/p/boat.jpg"]
    )


def test_shown_on_page_reads_srcsets_and_lazy_urls() -> None:
    tree = lxml.html.document_fromstring(
        "<html><body><img data-srcset='https://a.example/i/keeper_w480.jpg 480w'>"
        "<picture><source srcset='https://a.example/i/cliffs-1600x900.webp'></picture>"
        "</body></html>"
    )
    assert shown_on_page("https://a.example/i/keeper_w1200.jpg", tree)
    assert shown_on_page("https://a.example/i/cliffs.jpg", tree)
    assert not shown_on_page("https://a.example/i/share-card.jpg", tree)


# --------------------------------------------------------------------------- lead_figure


def lead_of(html: str) -> LeadFigure | None:
    return lead_figure(lxml.html.document_fromstring(html), URL, "\n\n".join(STORY))


def test_lead_figure_between_headline_and_story() -> None:
    html = article_page(
        figure("/img/keepers.jpg", "The keepers on their last day. <span>Photo: A. Lund</span>")
    )
    assert lead_of(html) == LeadFigure(
        "https://gazette.example/img/keepers.jpg", "The keepers on their last day."
    )


def test_figures_inside_or_after_the_story_are_not_the_lead() -> None:
    inside = article_page().replace(
        f"<p>{STORY[1]}</p>", f"{figure('/img/lamp.jpg')}<p>{STORY[1]}</p>"
    )
    assert lead_of(inside) is None
    assert lead_of(article_page(after_story=figure("/img/other-story.jpg"))) is None


def test_figures_above_the_headline_or_in_asides_are_not_the_lead() -> None:
    assert lead_of(article_page(before_headline=figure("/img/site-banner.jpg"))) is None
    teaser = f"<aside>{figure('/img/related-story.jpg', 'Read: ferries return')}</aside>"
    assert lead_of(article_page(teaser)) is None
    both = teaser + figure("/img/keepers.jpg")
    assert lead_of(article_page(both)) == LeadFigure("https://gazette.example/img/keepers.jpg")


def test_no_lead_figure_without_headline_or_story() -> None:
    html = article_page(figure("/img/keepers.jpg")).replace("h1>", "h3>")
    assert lead_of(html) is None
    tree = lxml.html.document_fromstring(article_page(figure("/img/keepers.jpg")))
    assert lead_figure(tree, URL, None) is None
    assert lead_figure(tree, URL, "A body that is not on the page at all, in any element.") is None


# --------------------------------------------------------------------------- extract_article


@pytest.mark.parametrize(
    ("og_image", "shown_elsewhere", "want", "source"),
    [
        # og:image the article never shows: a share card; the lead figure wins.
        ("https://gazette.example/share/default-card.png", "", "/img/keepers.jpg", "markup"),
        # og:image another size of the lead figure's picture: og:image stays.
        ("https://gazette.example/img/keepers-1200x630.jpg", "", None, "opengraph"),
        # og:image a picture shown further down: the publisher's choice stays.
        (
            "https://gazette.example/img/cottage.jpg",
            figure("/img/cottage.jpg", "The cottage"),
            None,
            "opengraph",
        ),
    ],
)
def test_lead_figure_against_og_image(
    og_image: str, shown_elsewhere: str, want: str | None, source: str
) -> None:
    lead = figure("/img/keepers.jpg", "The keepers on their last day.")
    html = article_page(lead, og_image=og_image, after_story=shown_elsewhere)
    extracted = extract_article(html, URL)
    assert extracted.fields["lead_image_url"] == (
        "https://gazette.example" + want if want else og_image
    )
    assert extracted.sources["lead_image_url"] == source
    assert extracted.fields["lead_image_caption"] == "The keepers on their last day."


def test_lead_figure_when_no_structured_image() -> None:
    extracted = extract_article(article_page(figure("/img/keepers.jpg")), URL)
    assert extracted.fields["lead_image_url"] == "https://gazette.example/img/keepers.jpg"
    assert extracted.sources["lead_image_url"] == "markup"


def test_og_image_stays_when_there_is_no_lead_figure() -> None:
    card = "https://gazette.example/share/default-card.png"
    extracted = extract_article(article_page(og_image=card), URL)
    assert extracted.fields["lead_image_url"] == card
