"""Generate the ``bootstrap`` zoo site: a hand-built town paper on Bootstrap 5.3 markup, no CMS.

Run ``.venv/bin/python tests/zoo/_build/bootstrap.py`` to rewrite ``tests/zoo/bootstrap`` from
``bootstrap_stories.txt``; the output is deterministic.

Markup source: github twbs/bootstrap, ``site/src/assets/examples/blog/index.astro``
(d60b707a63) for the header, nav, featured posts, ``article.blog-post`` and sidebar, and
``album/index.astro`` (0e121495d9) for the card grid (``.row`` > ``.col-md-4`` > ``.card``);
the topbar date of the HTML Codex "Newsers" Bootstrap 5 magazine template (details in
bootstrap_page.py). What a hand-built site has: plain ``.html`` files
(``/news/2024/12/<slug>.html``), listings paged as ``/news/index.html?page=2``, no JSON-LD,
microdata (headline, author, image; never a date) on some article pages only, a few og: tags,
visible dates as text only in the site's zone (``Dec 6, 2024, 3:00 PM``; Ukrainian pages
``6 грудня 2024, 15:00``) with the zone stated in the footer, the byline prefix in its own
element (``By:``, ``Автор:``/``Автори:``), a hand-written RSS 2.0 ``/feed.xml`` with local
offsets, a plain ``urlset`` sitemap with date-only ``lastmod``, and server redirects.

"reach: more_news" in the story file means here: linked only from the last page of the
paginated ``/news/index.html`` listing; "feed": only in ``/feed.xml``; "sitemap": only in
``/sitemap.xml``.
"""

# Long lines are the template's markup; Ukrainian text and en dashes are meant.
# ruff: noqa: E501, RUF001

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "sites" / "_build"))

# The folders are not packages: modules import each other by path.
from bootstrap_article import (  # noqa: E402
    ArticlePages,
    Item,
    author_path,
    make_items,
    newest_first,
    section_path,
    tag_path,
)
from bootstrap_extra import PEOPLE, UTM, ExtraPages  # noqa: E402
from bootstrap_page import (  # noqa: E402
    ABOUT,
    COOKIE,
    NAME,
    NEWSLETTER,
    NEWSLETTER_PITCH,
    SECTIONS,
    TZ_NOTE,
    bottom,
    card,
    esc,
    head,
    local,
    month_title,
    pagination,
    sidebar,
    top,
)
from common import (  # noqa: E402
    SiteFiles,
    check_stories,
    dump_json,
    expected_article,
)

ROOT = HERE.parent / "bootstrap"
NEWS_PER_PAGE = 4
SECTION_PER_PAGE = 3
ORGS = {"Herald Staff"}
BOILERPLATE = [
    "News Feed",
    "MORE NEWS",
    "Editors' Picks",
    "More in ",
    "indicates required",
    "Share on Facebook",
    "Share on WhatsApp",
    "Photo:",
    "Фото:",
    "Continue reading",
    COOKIE,
    ABOUT,
    TZ_NOTE,
    NEWSLETTER,
    NEWSLETTER_PITCH,
]


class Bootstrap(ArticlePages, ExtraPages):
    """Renders every file of the site."""

    def __init__(self, items: list[Item]) -> None:
        self.items = items  # newest first
        self.listed = [i for i in items if i.story.reach is None]
        self.special = {i.story.reach: i for i in items if i.story.reach}
        self.by_slug = {i.story.slug: i for i in items}
        self.files = SiteFiles()
        self.not_articles: list[str] = []
        self.today = items[0].story.published
        self.months = sorted(
            {(local(i.story.published).year, local(i.story.published).month) for i in self.listed},
            reverse=True,
        )
        self.picks = [self.listed[5], self.listed[7], self.listed[2]]
        self.utm_item = self.listed[3]

    # -- frame ----------------------------------------------------------------------------

    def page(
        self,
        path: str,
        title: str,
        main: str,
        *,
        lang: str = "en",
        meta: str = "",
        description: str = "",
        active: str | None = None,
        article: bool = False,
    ) -> None:
        canonical = path.split("?")[0]
        html = (
            head(f"{title} – {NAME}", canonical, lang, meta, description)
            + top(self.today, active)
            + main
            + bottom()
        )
        self.files.add(path, html)
        if not article:
            self.not_articles.append(path)

    def feed_rows(self) -> list[tuple[str, str, str, datetime]]:
        return [(i.path, i.story.title, i.image, i.story.published) for i in self.listed[:6]]

    def side(self) -> str:
        return sidebar(self.feed_rows(), self.months)

    def card_of(self, item: Item) -> str:
        s = item.story
        return card(item.path, s.title, item.image, s.section or "", item.excerpt(), s.published)

    def grid(self, items: list[Item]) -> str:
        if not items:
            return '    <p class="text-body-secondary">No stories here yet.</p>\n'
        return (
            '    <div class="row mb-2">\n'
            + "".join(self.card_of(i) for i in items)
            + "    </div>\n"
        )

    def home(self) -> None:
        lead, two, grid = self.listed[0], self.listed[1:3], self.listed[3:9]
        featured = "".join(
            f"""    <div class="col-md-6">
      <div class="row g-0 border rounded overflow-hidden flex-md-row mb-4 shadow-sm h-md-250 position-relative">
        <div class="col p-4 d-flex flex-column position-static">
          <strong class="d-inline-block mb-2 text-primary-emphasis">{esc(i.story.section or "")}</strong>
          <h3 class="mb-0">{esc(i.story.title)}</h3>
          <div class="mb-1 text-body-secondary">{local(i.story.published):%b} {local(i.story.published).day}</div>
          <p class="card-text mb-auto">{esc(i.excerpt())}</p>
          <a href="{i.path}" class="icon-link gap-1 icon-link-hover stretched-link">
            Continue reading
            <svg class="bi" aria-hidden="true"><use xlink:href="#chevron-right"/></svg>
          </a>
        </div>
        <div class="col-auto d-none d-lg-block">
          <img class="bd-placeholder-img" src="{i.image}" width="200" height="250" alt="">
        </div>
      </div>
    </div>
"""
            for i in two
        )
        picks = "\n".join(
            f'        <li class="list-group-item"><a href="{i.path}">{esc(i.story.title)}</a></li>'
            for i in self.picks
        )
        main = f"""<main class="container">
  <div class="p-4 p-md-5 mb-4 rounded text-body-emphasis bg-body-secondary">
    <div class="col-lg-6 px-0">
      <h1 class="display-4 fst-italic">{esc(lead.story.title)}</h1>
      <p class="lead my-3">{esc(lead.dek or lead.excerpt())}</p>
      <p class="lead mb-0"><a href="{lead.path}" class="text-body-emphasis fw-bold">Continue reading...</a></p>
    </div>
  </div>

  <div class="row mb-2">
{featured}  </div>

  <h3 class="pb-4 mb-4 fst-italic border-bottom">Latest from Brzegowo</h3>
{self.grid(grid)}
  <div class="row g-5">
    <div class="col-md-8">
      <h3 class="pb-4 mb-4 fst-italic border-bottom">Editors' Picks</h3>
      <ul class="list-group list-group-flush mb-4">
{picks}
      </ul>
      <nav class="blog-pagination" aria-label="Pagination">
        <a class="btn btn-outline-primary rounded-pill" href="/news/index.html">All the latest news</a>
      </nav>
    </div>

{self.side()}  </div>
</main>
"""
        self.page("/", "News from Brzegowo and the Odrzanka valley", main, description=ABOUT)

    def listing(
        self,
        base: str,
        title: str,
        items: list[Item],
        per_page: int,
        intro: str = "",
        active: str | None = None,
    ) -> None:
        chunks = [items[i : i + per_page] for i in range(0, len(items), per_page)] or [[]]
        for n, chunk in enumerate(chunks, start=1):
            path = base if n == 1 else f"{base}?page={n}"
            heading = title if n == 1 else f"{title} – page {n}"
            main = f"""<main class="container">
  <h1 class="pb-4 mb-4 fst-italic border-bottom">{esc(heading)}</h1>
{intro}{self.grid(chunk)}{pagination(base, n, len(chunks))}</main>
"""
            self.page(path, heading, main, active=active)

    def listings(self) -> None:
        news = sorted([*self.listed, self.special["more_news"]], key=newest_first)
        self.listing("/news/index.html", "Latest news", news, NEWS_PER_PAGE, active="Latest")
        pages = (len(news) + NEWS_PER_PAGE - 1) // NEWS_PER_PAGE
        last = self.files.files[f"news/index@page={pages}.html"]
        assert self.special["more_news"].path.encode() in last
        for name in SECTIONS:
            members = [i for i in self.listed if i.story.section == name]
            self.listing(section_path(name), name, members, SECTION_PER_PAGE, active=name)
        for tag in sorted({t for i in self.items for t in i.story.tags}):
            members = [i for i in self.listed if tag in i.story.tags]
            self.listing(tag_path(tag), f"Tag: {tag}", members, 10)
        for name, bio in PEOPLE.items():
            members = [i for i in self.listed if name in i.story.authors]
            intro = f'  <p class="lead mb-4">{esc(bio)}</p>\n'
            self.listing(author_path(name), name, members, 10, intro)
        for year, month in self.months:
            members = [
                i
                for i in self.listed
                if (local(i.story.published).year, local(i.story.published).month) == (year, month)
            ]
            self.listing(
                f"/news/{year}/{month:02d}/index.html",
                month_title(year, month),
                members,
                20,
                active="Archive" if (year, month) == self.months[0] else None,
            )

    def build(self) -> dict[str, Any]:
        for index, item in enumerate(self.items):
            self.article(item, index)
        self.home()
        self.listings()
        self.static_pages()
        self.feed()
        self.sitemap()
        self.assets()
        renamed = self.by_slug["bus-line-7"]
        self.files.add_json("_redirects.json", {renamed.alias: renamed.path})
        self.files.add_json(
            "_headers.json", {"/feed.xml": {"Content-Type": "application/rss+xml; charset=utf-8"}}
        )
        duplicates = [
            {"path": renamed.alias, "canonical_path": renamed.path},
            {"path": self.utm_item.path + UTM, "canonical_path": self.utm_item.path},
        ]
        roles = sorted({i.role for i in self.items if i.role})
        expected = {
            "site": "bootstrap",
            "timezone": "Europe/Warsaw",
            "articles": [
                expected_article(i.story, i.path, i.story.section, i.image) for i in self.items
            ],
            "not_articles": self.not_articles,
            "duplicates": duplicates,
            "disallowed": ["/admin/"],
            "broken_links": [],
            "boilerplate": BOILERPLATE + roles + [i.story.caption for i in self.items],
        }
        self.files.add_bytes("_expected.json", dump_json(expected).encode("utf-8"))
        return expected


def build(root: Path = ROOT) -> dict[str, Any]:
    """Write the site into ``root`` (replacing it) and return the gold answers."""
    items = make_items(HERE / "bootstrap_stories.txt")
    stories = [i.story for i in items]
    roles = [i.role for i in items if i.role]
    check_stories(stories, [*BOILERPLATE, *roles, *(s.caption for s in stories)], words=(80, 300))
    site = Bootstrap(items)
    expected = site.build()
    site.files.write(root)
    return expected


if __name__ == "__main__":
    result = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
    print(f"bootstrap: {len(result['articles'])} articles written to the site folder")
