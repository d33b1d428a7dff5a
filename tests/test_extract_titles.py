"""Title rules that weigh the layers' headlines against each other (``extract/titles.py``).

Each page below is written the way real templates write the case: a
``<title>`` with the host's name that og:site_name does not spell, a logo
``<h1>``, a stale JSON-LD headline, metadata typed plainer than the ``<h1>``.
"""

from __future__ import annotations

import json

from newscrawl.extract.article import extract_article
from newscrawl.extract.titles import (
    headline_is_site_name,
    names_host,
    related,
    strip_headline_tail,
)

URL = "https://www.golem.example/news/lte-patent-samsung-2404-184627.html"


def _page(
    *,
    h1: str | None,
    title: str | None = None,
    og_title: str | None = None,
    headline: str | None = None,
    site_name: str | None = None,
) -> str:
    head = []
    if title is not None:
        head.append(f"<title>{title}</title>")
    if og_title is not None:
        head.append(f'<meta property="og:title" content="{og_title}">')
    if site_name is not None:
        head.append(f'<meta property="og:site_name" content="{site_name}">')
    if headline is not None:
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline}
        head.append(f'<script type="application/ld+json">{json.dumps(data)}</script>')
    heading = f"<h1>{h1}</h1>" if h1 is not None else ""
    story = "".join(
        f"<p>Paragraph {n} of the story says what happened at the court in some detail.</p>"
        for n in range(6)
    )
    return (
        f"<html><head>{''.join(head)}</head><body>"
        '<header class="masthead"><a href="/">Home</a></header>'
        f"<main><article>{heading}{story}</article></main></body></html>"
    )


def test_title_loses_the_host_name_that_site_name_does_not_spell() -> None:
    # twitter:site-style handle as the site name: " - Golem.example" is still the host.
    html = _page(
        h1=None,
        title="LTE-Patent: Samsung soll Smartphones zerstören - Golem.example",
        og_title="LTE-Patent: Samsung soll Smartphones zerstören - Golem.example",
        site_name="@golemredaktion",
    )
    extracted = extract_article(html, URL)
    assert extracted.fields["title"] == "LTE-Patent: Samsung soll Smartphones zerstören"


def test_host_name_tests() -> None:
    assert names_host("Golem.example", URL)
    assert names_host("DianaHR", "https://www.getdianahr.example/blog/hr-software")
    assert names_host("Bridgestone Tires", "https://tires.bridgestone.example/en-us/learn/")
    # A dash in a headline is not a brand unless the part names the host.
    assert not names_host("a city under fire", "https://kyiv.example/news/1")
    assert not names_host("Opinion", "https://www.commercialappeal.example/story/1")


def test_title_that_is_the_h1_plus_a_section_is_the_h1() -> None:
    h1 = "Bubi-Bomber wieder da: Thioune fordert Geduld mit Niemiec"
    html = _page(h1=h1, headline=f"{h1} | Sport", title=f"{h1} | Sport | BILD.example")
    extracted = extract_article(html, "https://www.bild.example/sport/fussball/1.html")
    assert extracted.fields["title"] == h1


def test_tail_is_cut_only_after_a_separator_and_only_when_short() -> None:
    h1 = "Tony Blair: Why there has to be compromise"
    assert strip_headline_tail(f"{h1} | The Standard", h1) == h1
    # The <h1> as a mere prefix of a longer headline is no tail cut.
    longer = f"{h1} to end the Ukraine war"
    assert strip_headline_tail(longer, h1) == longer
    long_tail = f"{h1} - and why the talks in Geneva will decide how the war ends"
    assert strip_headline_tail(long_tail, h1) == long_tail


def test_logo_h1_that_shares_no_word_with_the_metadata_is_dropped() -> None:
    html = _page(
        h1="POLITICO Politico Logo",
        title="Insiders: Trump will sink Pence in VP debate - POLITICO",
    )
    extracted = extract_article(html, "https://www.politico.example/story/2016/10/vp-debate")
    assert extracted.fields["title"] == "Insiders: Trump will sink Pence in VP debate"


def test_h1_on_the_same_story_is_kept_even_in_other_words() -> None:
    h1 = "Desperate to get through to executives, cybersecurity vendors resort to lies"
    html = _page(h1=h1, title="Here's how cybersecurity vendors drive the 'hacking' news cycle")
    extracted = extract_article(html, "https://www.cnbc.example/2019/03/18/vendors.html")
    assert extracted.fields["title"] == h1
    assert related("你好世界新闻", ["世界新闻网"])  # CJK: characters are the words
    assert not related("Open Menu Close Menu", ["Webcams in the valley"])


def test_headline_most_layers_agree_on_beats_a_lone_jsonld_headline() -> None:
    shared = "Starmer defiant over taking gifts from Lord Alli"
    lone = "Starmer suggests he will continue taking gifts from Lord Alli"
    url = "https://www.telegraph.example/politics/2024/09/16/alli/"
    html = _page(h1=shared, og_title=shared, headline=lone, title=f"{shared} | The Telegraph")
    assert extract_article(html, url).fields["title"] == shared
    # The <title> repeating JSON-LD makes it 2 against 2: a tie, and the
    # trust order (JSON-LD first) stands.
    html = _page(h1=shared, og_title=shared, headline=lone, title=lone)
    assert extract_article(html, url).fields["title"] == lone


def test_og_title_copied_into_the_title_tag_is_one_vote() -> None:
    # SEO plugins write the same text to <title> and og:title: that is one
    # choice, and it does not outvote the printed headline.
    h1 = "How To Use Gym Equipment (With Confidence!)"
    seo = "How To Use Gym Equipment: A Beginner's Guide"
    html = _page(h1=h1, og_title=seo, title=seo)
    extracted = extract_article(html, "https://sweat.example/blogs/fitness/gym-equipment")
    assert extracted.fields["title"] == h1


def test_h1_spelling_wins_when_only_case_and_punctuation_differ() -> None:
    h1 = "Mobile UX Design: The Ultimate Guide 2025"
    html = _page(h1=h1, headline="Mobile UX Design - The Ultimate Guide 2025")
    assert extract_article(html, "https://uxcam.example/blog/mobile-ux/").fields["title"] == h1
    html = _page(h1="Video Review and Approval", headline="Video Review And Approval")
    url = "https://massive.example/workflow/review/"
    assert extract_article(html, url).fields["title"] == "Video Review and Approval"


def test_capitals_h1_is_styling_and_metadata_has_the_text() -> None:
    html = _page(h1="TIPS FOR ONLINE SUCCESS", og_title="Tips for Online Success")
    url = "https://www.college.example/online/tips-online-success.php"
    assert extract_article(html, url).fields["title"] == "Tips for Online Success"


def test_h1_that_lost_its_colon_to_markup_gives_way_to_the_metadata() -> None:
    full = "Ausschuss zur Ahrtal-Flut: Zwei Rücktritte - und viele offene Fragen"
    html = _page(
        h1="<span>Ausschuss zur Ahrtal-Flut</span> Zwei Rücktritte - und viele offene Fragen",
        headline=full,
        og_title=full,
    )
    url = "https://www.tagesschau.example/inland/ahrtal-flut-bilanz-100.html"
    assert extract_article(html, url).fields["title"] == full


def test_blog_name_in_the_h1_gives_way_to_the_post_title() -> None:
    html = _page(h1="Playful Tones", title="Reflections on a UI Pipeline - Part 1 | Playful Tones")
    url = "https://playfultones.example/blog/reflections-part-1"
    assert extract_article(html, url).fields["title"] == "Reflections on a UI Pipeline - Part 1"
    html = _page(h1="davidbau.example", title="davidbau.example Vibe Coding")
    url = "https://davidbau.example/archives/2025/12/16/vibe_coding.html"
    assert extract_article(html, url).fields["title"] == "Vibe Coding"


def test_short_headline_first_in_the_title_is_not_taken_for_the_site() -> None:
    h1 = "„Unermüdlicher Einsatz“"
    html = _page(h1=h1, og_title=f"{h1} - Die Neue Südtiroler Tageszeitung")
    url = "https://www.tageszeitung.example/2025/04/01/unermuedlicher-einsatz-2/"
    assert extract_article(html, url).fields["title"] == h1
    assert not headline_is_site_name(h1, [f"{h1} - Die Neue Südtiroler Tageszeitung"], url)


def test_lowercase_h1_is_styling_too() -> None:
    html = _page(h1="history of coffee", og_title="History of coffee | Origin, Spread | Britannica")
    url = "https://www.britannica.example/topic/history-of-coffee"
    assert extract_article(html, url).fields["title"] == "History of coffee"
