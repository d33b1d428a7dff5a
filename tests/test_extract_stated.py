"""Dates stated in the story's own zone, on markup of real CMS themes.

Each page follows a theme's templates as they print a single post (WordPress
Twenty Twenty-One and Twenty Seventeen, Drupal core's field templates and
Olivero, the Bootstrap "blog" example), with sidebars, teaser lists and
banners that print other days around the story.
"""

from __future__ import annotations

import lxml.html

from newscrawl.extract.article import extract_article
from newscrawl.extract.pageshape import story_zone
from newscrawl.extract.stated import stated_dates

URL = "https://news.example.org/2024/03/harbour-ferry/"

STORY = """
<p>The harbour ferry will run every twenty minutes from Monday, the town's
transport office said on Tuesday after a month of trials on the river.</p>
<p>Two new boats arrived in February and passed their safety checks last week,
so the old timetable of one crossing an hour can finally be retired.</p>
<p>Commuters who cross to the rail station said the change would save them
about half an hour a day, and the office expects more cyclists on board.</p>
"""


def _tree(body: str, body_class: str = "") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        f"<html><head><title>Harbour ferry</title></head>"
        f'<body class="{body_class}">{body}</body></html>'
    )


def test_twenty_twenty_one_dates_its_post_in_the_article_footer() -> None:
    # twenty_twenty_one_posted_on() prints "Published <time>" in
    # <footer class="entry-footer">; the recent-posts widget prints other days.
    page = f"""
    <header id="masthead" class="site-header"><p class="site-title">
      <a href="/">Riverside Times</a></p></header>
    <main id="main" class="site-main">
    <article id="post-12" class="post-12 post type-post status-publish hentry entry">
      <header class="entry-header alignwide">
        <h1 class="entry-title">Harbour ferry to run every twenty minutes</h1>
      </header>
      <div class="entry-content">{STORY}</div>
      <footer class="entry-footer default-max-width">
        <div class="posted-by"><span class="posted-on">Published
          <time class="entry-date published updated" datetime="2024-03-05T09:12:00+01:00">
          March 5, 2024</time></span><span class="byline">By
          <a href="/author/mira/" rel="author">Mira Holt</a></span></div>
      </footer>
    </article>
    </main>
    <aside class="widget-area"><section class="widget widget_recent_entries">
      <h2 class="widget-title">Recent Posts</h2><ul>
      <li><a href="/2024/03/bridge-paint/">Bridge gets a new coat of paint</a>
        <span class="post-date">March 7, 2024</span></li></ul></section></aside>
    """
    tree = _tree(page, "post-template-default single single-post postid-12")
    assert stated_dates(tree, URL) == {
        "published_raw": "2024-03-05T09:12:00+01:00",
        # One <time> marked "published updated": the post was never edited.
        "modified_raw": "2024-03-05T09:12:00+01:00",
    }


def test_twenty_seventeen_edited_post_has_two_times() -> None:
    # twentyseventeen_time_link() once the post is edited.
    page = f"""
    <div class="site-content-contain"><div id="content" class="site-content">
    <div class="wrap"><div id="primary" class="content-area"><main id="main" class="site-main">
    <article id="post-7" class="post-7 post type-post hentry">
      <header class="entry-header">
        <div class="entry-meta"><span class="posted-on"><span class="screen-reader-text">
          Veröffentlicht am</span> <a href="{URL}" rel="bookmark">
          <time class="entry-date published" datetime="2024-12-10T08:00:00+01:00">10. Dezember
          2024</time><time class="updated" datetime="2024-12-11T09:30:00+01:00">11. Dezember
          2024</time></a></span></div>
        <h1 class="entry-title">Fähre fährt bald alle zwanzig Minuten</h1>
      </header>
      <div class="entry-content">{STORY}</div>
    </article></main></div></div></div></div>
    """
    assert stated_dates(_tree(page), URL) == {
        "published_raw": "2024-12-10T08:00:00+01:00",
        "modified_raw": "2024-12-11T09:30:00+01:00",
    }


OLIVERO = f"""
<main role="main" class="site-main">
  <div class="region region--content-above">
    <div id="block-olivero-page-title" class="block block-page-title-block">
      <h1 class="title page-title"><span class="field field--name-title">Harbour ferry to run
      every twenty minutes</span></h1></div>
  </div>
  <div class="region region--content" id="content">
    <article data-history-node-id="2" class="node node--type-article node--view-mode-full">
      <header class="content-narrow"><div class="node__meta"><span>
        By <span class="node__author"><a href="/user/3" class="username">Mira Holt</a></span>,
        December 3, 2024 - 5:30pm
      </span></div></header>
      <div class="node__content content-narrow">
        {{fields}}
        <div class="text-content field field--name-body field__item">{STORY}</div>
      </div>
    </article>
  </div>
</main>
<aside class="region region--sidebar"><div class="view view-news-feed"><div class="view-content">
  <div class="views-row"><div class="views-field views-field-created"><span class="field-content">
    <time datetime="2024-12-11T07:40:00-07:00">Dec 11, 7:40 am</time></span></div>
    <div class="views-field views-field-title"><span class="field-content">
    <a href="/news/snowplow-contract">County hands snowplow routes to a contractor</a>
    </span></div></div>
</div></div></aside>
"""


def test_olivero_byline_date_with_its_time_not_the_sidebar_view() -> None:
    tree = _tree(OLIVERO.replace("{fields}", ""), "path-node page-node-type-article")
    assert stated_dates(tree, URL) == {"published_raw": "December 3, 2024 - 5:30pm"}


def test_drupal_labelled_updated_field_is_the_modification_time() -> None:
    # Drupal core field.html.twig with an inline label, and the "created" base field.
    fields = """
    <span class="field field--name-created field--type-created field--label-hidden">
      <time datetime="2024-12-03T17:30:00-07:00">Tue, 12/03/2024 - 17:30</time></span>
    <div class="field field--name-field-updated field--type-datetime field--label-inline">
      <div class="field__label">Updated</div>
      <div class="field__item"><time datetime="2024-12-04T15:30:00Z" class="datetime">
        Wed, 12/04/2024 - 08:30</time></div>
    </div>
    """
    tree = _tree(OLIVERO.replace("{fields}", fields), "path-node page-node-type-article")
    assert stated_dates(tree, URL) == {
        # The <time>'s timestamp of the same day beats the byline's printed date.
        "published_raw": "2024-12-03T17:30:00-07:00",
        "modified_raw": "2024-12-04T15:30:00Z",
    }


BOOTSTRAP = f"""
<div class="container"><header class="border-bottom lh-1 py-3"><div class="row">
  <div class="col-4 pt-1"><a class="link-secondary" href="#">Subscribe</a>
  <small class="text-body-secondary">jeudi 12 décembre 2024</small></div>
  <div class="col-4 text-center"><a class="blog-header-logo" href="/">Le Courrier</a></div>
</div></header></div>
<main class="container"><div class="row g-5"><div class="col-md-8">
  <article class="blog-post">
    <h1 class="display-5 link-body-emphasis mb-1">Le bac passera toutes les vingt minutes</h1>
    <p class="blog-post-meta">{{meta}}</p>
    {STORY}
  </article>
  <h3 class="pb-4 mb-4 fst-italic border-bottom">À lire aussi</h3>
  <ul class="list-unstyled">
    <li><a href="/2024/12/pont-peinture/">Le pont reçoit une nouvelle couche de peinture</a>
    <small class="text-body-secondary">9 décembre 2024, 08:15</small></li>
  </ul>
</div></div></main>
"""


def test_french_meta_line_published_and_updated() -> None:
    meta = (
        "Publié le 11 décembre 2024 à 10h30 par <a href='/auteurs/lea/'>Léa Morel</a>"
        " · Mis à jour le 11 décembre 2024 à 12h05"
    )
    tree = _tree(BOOTSTRAP.replace("{meta}", meta))
    assert stated_dates(tree, URL) == {
        "published_raw": "11 décembre 2024 à 10h30",
        "modified_raw": "11 décembre 2024 à 12h05",
    }


def test_banner_and_teaser_dates_are_not_the_story_s() -> None:
    tree = _tree(BOOTSTRAP.replace("{meta}", "par <a href='/auteurs/lea/'>Léa Morel</a>"))
    zone = story_zone(tree, URL)
    assert zone is not None
    texts = " ".join(e.text_content() for e in zone.elements)
    assert "vingt minutes" in texts
    assert "12 décembre" not in texts and "9 décembre" not in texts
    assert stated_dates(tree, URL) == {}


def test_no_headline_above_the_story_no_zone() -> None:
    tree = _tree(f"<div class='post'><p class='date'>December 3, 2024</p>{STORY}</div>")
    assert story_zone(tree, URL) is None
    assert stated_dates(tree, URL) is None


def test_extracted_article_reads_the_zone_and_the_printed_time() -> None:
    html = lxml.html.tostring(_tree(OLIVERO.replace("{fields}", "")), encoding="unicode")
    article = extract_article(html, URL)
    assert article.fields["published_raw"] == "December 3, 2024 - 5:30pm"
    assert article.fields["modified_raw"] is None


def test_a_date_inside_a_sentence_of_the_story_is_an_event() -> None:
    story = STORY + (
        "<p>Applications for the season ticket close on 15 January 2025 at the town"
        " hall, and the office will post the winter timetable at every stop.</p>"
    )
    page = BOOTSTRAP.replace("{meta}", "par <a href='/auteurs/lea/'>Léa Morel</a>")
    tree = _tree(page.replace(STORY, story))
    assert stated_dates(tree, URL) == {}


def test_a_time_just_outside_the_zone_still_dates_a_zone_that_states_none() -> None:
    # A dateline above the title's wrapper: outside the zone, still the page's
    # reading when the zone itself states no date.
    page = f"""
    <main><article class="story">
      <div class="story-meta"><time datetime="2024-12-10T08:00:00+01:00">10/12/2024</time></div>
      <div class="story-wrap">
        <h1>Harbour ferry to run every twenty minutes</h1>
        <div class="story-body">{STORY}</div>
      </div>
    </article></main>
    """
    html = lxml.html.tostring(_tree(page), encoding="unicode")
    tree = lxml.html.document_fromstring(html)
    assert stated_dates(tree, URL) == {}
    assert extract_article(html, URL).fields["published_raw"] == "2024-12-10T08:00:00+01:00"
