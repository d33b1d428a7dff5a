"""Generate the ``arcnext`` zoo site: a metro daily on Arc XP (Fusion + arc-themes-blocks).

Run ``.venv/bin/python tests/zoo/_build/arcnext.py`` to rewrite ``tests/zoo/arcnext`` from
``arcnext_stories.txt``; the output is deterministic.

Sources (what each page is modelled on; details in the other ``arcnext_*`` docstrings):
github WPMedia/arc-themes-blocks @ 06db5b73be8b3cead3b4a7b5a88ab2fed3f31fdc (article blocks,
right-rail layout, default output type, list blocks), WPMedia/arc-themes-components @
875f57a54c85623e3d1120a7a8a550c2c25e69ee (component markup) and WPMedia/feed-components @
c4e7ec6c15bff1e814d1092f65ed4aa6628d0e8e (RSS, sitemaps). Arc URL shapes: articles
``/news/2024/12/06/slug/``, section fronts ``/news/`` (paged ``?page=2``), tag pages
``/topics/<slug>/``, author pages ``/people/<slug>/``, search ``/search/<query>/``, AMP
``?outputType=amp``, feeds under ``/arc/outboundfeeds/``.

What the site tests: JSON-LD ``NewsArticle`` is the only metadata (no OpenGraph, no ``<time>``),
dates are text such as "Updated December 6, 2024 at 7:45 p.m. EST" and on a third of the pages
the JSON-LD dates are naive local times; the whole ANS story (every paragraph) is repeated in
``Fusion.globalContent``; Mailchimp boxes sit inside and after the body; bylines come in four
shapes. One story is reachable only from the RSS feed, one only from the sitemap, one only from
``/news/?page=2``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "sites" / "_build"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# The folders are not packages: modules import each other by path.
from arcnext_article import (
    AFTER_TEXT,
    AFTER_TITLE,
    DASH,
    GROUPS,
    LISTING,
    NAME,
    NEWSLETTER_TEXT,
    NEWSLETTER_TITLE,
    ORGS,
    PEOPLE,
    SHAPES,
    TZ,
    WIRE_COPYRIGHT,
    after_body_signup,
    article_path,
    author_bio,
    body,
    byline,
    credit_text,
    dateline,
    image_path,
    lead_art,
    load,
    person_url,
    share_bar,
    tags_bar,
)
from arcnext_blocks import (
    FOOTER_NOTE,
    SKIP,
    card_list,
    full_author_bio,
    fusion_script,
    links_bar,
    news_feed,
    numbered_list,
    page,
    pager,
    result_item,
    results_list,
    search_field,
    section_title,
    tag_title,
)
from arcnext_data import ans, json_ld, last_modified_ms
from arcnext_feeds import (
    NEWS_SITEMAP,
    RSS,
    SECTIONS_SITEMAP,
    SITEMAP,
    SITEMAP_INDEX,
    XML,
    amp,
    news_sitemap,
    robots,
    rss,
    sections_sitemap,
    sitemap,
    sitemap_index,
)
from common import (
    ORIGIN,
    SiteFiles,
    Story,
    check_stories,
    dump_json,
    esc,
    expected_article,
    grey_jpeg,
    slugify,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent / "arcnext"
SECTION_PAGE = 4
LATEST_PAGE = 8
SEARCH_TERM = "bridge"
UTM = "?utm_source=newsletter&utm_medium=email&utm_campaign=morning-report"
BOILERPLATE = [
    "News Feed",
    "MORE NEWS",
    "Editors' Picks",
    "indicates required",
    "Email Address",
    NEWSLETTER_TITLE,
    NEWSLETTER_TEXT,
    AFTER_TITLE,
    DASH,
    AFTER_TEXT,
    *GROUPS,
    SKIP,
    FOOTER_NOTE,
    WIRE_COPYRIGHT,
    "| The Calder Courier",
    "Sign In",
    "Expand",
]


class ArcNext:
    """Renders every page of the site from the stories."""

    def __init__(self, stories: list[Story], standfirst: dict[str, str]) -> None:
        self.stories = stories
        self.standfirst = standfirst
        self.listed = [s for s in stories if s.listed]
        self.special = {s.reach: s for s in stories if s.reach}
        self.picks = [self.listed[i] for i in (2, 4, 9)]
        self.sections = ["News", "Sports", "Business"]
        self.tags = sorted({t for s in self.listed for t in s.tags})
        self.people = sorted({a for s in stories for a in s.authors if a not in ORGS})
        self.amp_story, self.utm_story = self.listed[6], self.listed[0]
        self.files = SiteFiles()
        self.not_articles: list[str] = []

    # -- pages -----------------------------------------------------------

    def rail(self) -> str:
        return news_feed(self.listed[:6]) + numbered_list("Editors' Picks", self.picks)

    def listing(
        self, path: str, title: str, head: str, inner: str, page_type: str, shown: list[Story]
    ) -> None:
        content = {
            "type": "results",
            "count": len(shown),
            "content_elements": [
                {"_id": s.slug, "headlines": {"basic": s.title}, "website_url": article_path(s)}
                for s in shown
            ],
        }
        html = page(
            f"{title} {DASH} {NAME}",
            path.split("?")[0],
            head,
            inner,
            self.rail(),
            fusion_script(content, page_type, page_type, last_modified_ms(self.listed[0])),
        )
        self.files.add(path, html)
        self.not_articles.append(path)

    def related(self, story: Story) -> list[Story]:
        others = [s for s in self.listed if s.slug != story.slug]
        same = [s for s in others if s.section == story.section]
        return (same + [s for s in others if s not in same])[:5]

    def article(self, story: Story, index: int) -> None:
        standfirst = self.standfirst[story.slug]
        section = story.section or ""
        full = (
            f'<a class="c-overline b-overline" href="/{slugify(section)}/">{esc(section)}</a>'
            f'<h1 class="b-headline">{esc(story.title)}</h1>'
            f'<h2 class="c-heading b-subheadline">{esc(standfirst)}</h2>'
            + byline(story, SHAPES[index])
            + dateline(story, index)
            + share_bar()
        )
        main = (
            lead_art(story)
            + body(story)
            + tags_bar(story)
            + author_bio(story)
            + after_body_signup()
            + card_list("MORE NEWS", self.related(story))
        )
        extra = f'<script type="application/ld+json">{json_ld(story, index, standfirst)}</script>\n'
        if story.slug == self.amp_story.slug:
            extra += f'<link rel="amphtml" href="{ORIGIN}{article_path(story)}?outputType=amp"/>\n'
        script = fusion_script(
            ans(story, standfirst), "article", "article", last_modified_ms(story)
        )
        html = page(
            f"{story.title} {DASH} {NAME}",
            article_path(story),
            full,
            main,
            self.rail(),
            script,
            extra,
        )
        self.files.add(article_path(story), html)
        self.files.add_bytes(image_path(story).lstrip("/"), grey_jpeg(1600 - 16 * index, 900))

    def home(self) -> None:
        lead, promos = self.listed[0], self.listed[1:5]
        grid = "".join(
            f'<article class="c-grid b-small-promo b-small-promo--above">'
            f'<h2 class="c-heading"><a class="c-link" href="{article_path(s)}">'
            f"{esc(s.title)}</a></h2></article>"
            for s in promos
        )
        trending = [(t, f"/topics/{slugify(t)}/") for t in ("City Council", "Downtown", "Soccer")]
        inner = (
            links_bar([*trending, (f"Search: {SEARCH_TERM}", f"/search/{SEARCH_TERM}/")])
            + '<div class="b-large-promo">'
            + result_item(lead, self.standfirst[lead.slug])
            + "</div>"
            + grid
            + card_list("Sports", [s for s in self.listed if s.section == "Sports"])
            + card_list("Business", [s for s in self.listed if s.section == "Business"])
        )
        self.listing(
            "/", "News, sports and business from Calder", "", inner, "homepage", self.listed
        )

    def paged(
        self, path: str, title: str, members: list[Story], per_page: int, head_html: str
    ) -> None:
        chunks = [members[i : i + per_page] for i in range(0, len(members), per_page)] or [[]]
        for n, chunk in enumerate(chunks, start=1):
            url = path if n == 1 else f"{path}?page={n}"
            inner = results_list(chunk, self.standfirst, n < len(chunks)) + pager(
                path, n, len(chunks)
            )
            self.listing(url, title, head_html, inner, "section", chunk)

    def fronts(self) -> None:
        for name in self.sections:
            members = [s for s in self.listed if s.section == name]
            hidden = self.special.get(LISTING)
            if hidden is not None and hidden.section == name:
                members.append(hidden)  # the oldest story: it falls on the last page only
            self.paged(f"/{slugify(name)}/", name, members, SECTION_PAGE, section_title(name))
        self.paged(
            "/latest/",
            "Latest Headlines",
            self.listed,
            LATEST_PAGE,
            section_title("Latest Headlines"),
        )

    def archives(self) -> None:
        for tag in self.tags:
            members = [s for s in self.listed if tag in s.tags]
            path = f"/topics/{slugify(tag)}/"
            inner = results_list(members, self.standfirst, False)
            self.listing(
                path, tag, tag_title(tag, f"Coverage of {tag} in Calder."), inner, "tag", members
            )
        for person in self.people:
            members = [s for s in self.listed if person in s.authors]
            path = person_url(person) or ""
            self.listing(
                path,
                person,
                full_author_bio(person),
                results_list(members, self.standfirst, False),
                "author",
                members,
            )
        for term in ("", SEARCH_TERM):
            hits = [
                s
                for s in self.listed
                if term and term in " ".join([s.title, *(b.text for b in s.blocks)]).lower()
            ]
            path = f"/search/{term}/" if term else "/search/"
            inner = search_field(term, len(hits)) + results_list(hits, self.standfirst, False)
            self.listing(path, "Search", "", inner, "search", hits)

    def static_pages(self) -> None:
        about = section_title("About Us") + (
            f'<p class="c-paragraph">{NAME} has covered the city of Calder and the Mason River '
            "valley since 1889. Our newsroom is on Front Street.</p>"
        )
        self.listing("/about/", "About Us", about, "", "homepage", [])
        utm = f"{article_path(self.utm_story)}{UTM}".replace("&", "&amp;")
        letters = section_title("Newsletters") + (
            '<p class="c-paragraph">Today\'s Morning Report led with '
            f'<a href="{utm}">{esc(self.utm_story.title)}</a>.</p>'
        )
        self.listing("/newsletters/", "Newsletters", letters, after_body_signup(), "homepage", [])
        login = (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>Sign In '
            f'{DASH} {NAME}</title><link rel="canonical" href="{ORIGIN}/account/login/"/>'
            "</head><body>"
            '<div id="fusion-app"><form class="b-login-form" action="/account/login/" '
            'method="post"><input type="email" name="email"/><input type="password" '
            'name="password"/><button type="submit">Log In</button></form></div></body></html>\n'
        )
        self.files.add("/account/login/", login)
        for rel, data in (
            ("pf/resources/favicon.ico", b"\x00\x00\x01\x00"),
            ("pf/resources/images/logo.png", b"\x89PNG\r\n\x1a\n"),
            ("pf/resources/images/avatar.png", b"\x89PNG\r\n\x1a\n"),
            ("pf/dist/components/combinations/default.css", b".b-application{margin:0}\n"),
            ("pf/dist/components/combinations/default.js", b"/* fusion components */\n"),
            ("pf/dist/engine/react.js", b"/* fusion engine */\n"),
        ):
            self.files.add_bytes(rel, data)

    def feeds(self) -> dict[str, dict[str, str]]:
        newest = self.stories[0]
        in_feed = sorted([*self.listed, self.special["feed"]], key=_newest)
        in_map = sorted([*self.listed, self.special["sitemap"]], key=_newest)
        feed = rss(in_feed, self.standfirst)
        self.files.add(RSS, feed)  # Arc answers without outputType too; atom:link says so
        self.files.add(RSS + XML, feed)
        self.files.add(SITEMAP_INDEX + XML, sitemap_index(newest))
        self.files.add(SITEMAP + XML, sitemap(in_map))
        self.files.add(SECTIONS_SITEMAP + XML, sections_sitemap(self.sections, newest))
        self.files.add(NEWS_SITEMAP + XML, news_sitemap(self.listed[:6]))
        self.files.add("/robots.txt", robots())
        types = {RSS: "application/rss+xml; charset=utf-8"}
        types |= {
            p: "application/xml; charset=utf-8"
            for p in (SITEMAP_INDEX, SITEMAP, SECTIONS_SITEMAP, NEWS_SITEMAP)
        }
        return {path: {"Content-Type": t} for path, t in types.items()}

    def build(self) -> dict[str, Any]:
        for index, story in enumerate(self.stories):
            self.article(story, index)
        amp_path = f"{article_path(self.amp_story)}?outputType=amp"
        self.files.add(amp_path, amp(self.amp_story, self.standfirst[self.amp_story.slug]))
        self.home()
        self.fronts()
        self.archives()
        self.static_pages()
        self.files.add_json("_headers.json", self.feeds())
        expected = {
            "site": "arcnext",
            "timezone": TZ.key,
            "articles": [self.gold(s) for s in self.stories],
            "not_articles": self.not_articles,
            "duplicates": [
                {"path": amp_path, "canonical_path": article_path(self.amp_story)},
                {
                    "path": article_path(self.utm_story) + UTM,
                    "canonical_path": article_path(self.utm_story),
                },
            ],
            "disallowed": ["/account/login/"],
            "broken_links": [],
            "boilerplate": self.boilerplate(),
        }
        self.files.add_bytes("_expected.json", dump_json(expected).encode("utf-8"))
        return expected

    def gold(self, story: Story) -> dict[str, Any]:
        record = expected_article(story, article_path(story), story.section, image_path(story))
        record["reachable_only_from"] = story.reach
        return record

    def boilerplate(self) -> list[str]:
        roles = sorted(
            {
                PEOPLE[a][0]
                for i, s in enumerate(self.stories)
                for a in s.authors
                if SHAPES[i] == "role" and a not in ORGS
            }
        )
        bios = [PEOPLE[p][1] for p in self.people]
        credits = sorted({credit_text(s) for s in self.stories})
        return BOILERPLATE + roles + bios + credits + [s.caption for s in self.stories]


def _newest(story: Story) -> float:
    return -story.published.timestamp()


def build(root: Path = ROOT) -> dict[str, Any]:
    """Write the site into ``root`` (replacing it) and return the gold answers."""
    stories, standfirst = load(HERE / "arcnext_stories.txt")
    site = ArcNext(stories, standfirst)
    check_stories(stories, site.boilerplate(), words=(80, 300))
    expected = site.build()
    site.files.write(root)
    return expected


if __name__ == "__main__":
    result = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
    print(f"arcnext: {len(result['articles'])} articles written to the site folder")
