"""Service pages, feed, sitemap and assets of the ``bootstrap`` zoo site (a mixin of Bootstrap).

About, newsletter (Mailchimp embed), a search results page, a robots-disallowed admin page;
a hand-written RSS 2.0 ``/feed.xml`` (``pubDate`` with the local offset, ``guid`` permalink,
no author element), a plain ``urlset`` sitemap with date-only ``lastmod``, robots.txt.
"""

# Long lines are the template's markup; Ukrainian text and en dashes are meant.
# ruff: noqa: E501, RUF001

from __future__ import annotations

from typing import Any

from bootstrap_article import Item, author_path, newest_first, section_path
from bootstrap_page import (
    ABOUT,
    CSS,
    JS,
    NAME,
    NEWSLETTER,
    NEWSLETTER_PITCH,
    SECTIONS,
    en_date,
    esc,
    local,
    mailchimp,
)
from common import ORIGIN

SEARCH = "river"
UTM = "?utm_source=newsletter&utm_medium=email&utm_campaign=weekly"
PEOPLE = {
    "Anna Kowalczyk": "Anna covers the town council, the river and flood defence.",
    "Marek Zieliński": "Marek writes about transport and the town's buses and trains.",
    "Ewa Nowak": "Ewa is the Herald's editor and covers culture and local life.",
    "Tomasz Wrona": "Tomasz reports on business and farming in the Odrzanka valley.",
    "Piotr Sadowski": "Piotr is the Herald's photographer and writes about the villages.",
    "Оксана Мельник": "Оксана веде українську сторінку «Вісника» з 2022 року.",
    "Ігор Бондар": "Ігор пише про українську громаду Бжегова та її волонтерів.",
}


class ExtraPages:
    """Pages other than articles and listings; relies on the attributes Bootstrap sets."""

    files: Any
    listed: list[Item]
    special: dict[str, Item]
    by_slug: dict[str, Item]
    page: Any
    today: Any
    utm_item: Item

    # -- other pages --------------------------------------------------------------------------

    def static_pages(self) -> None:
        team = "\n".join(f'    <li><a href="{author_path(p)}">{esc(p)}</a></li>' for p in PEOPLE)
        renamed = self.by_slug["bus-line-7"]
        about = f"""<main class="container">
  <h1 class="pb-4 mb-4 fst-italic border-bottom">About the Herald</h1>
  <p class="lead">{ABOUT}</p>
  <p>We are five journalists and a photographer. Write to us at redakcja@brzegowoherald.example.</p>
  <h2>Our team</h2>
  <ul>
{team}
  </ul>
  <p>Read the story that started our transport coverage: <a href="{renamed.alias}">{esc(renamed.story.title)}</a>.
  Looking for something older? Try <a href="/search.html?q={SEARCH}">stories about the {SEARCH}</a>.</p>
</main>
"""
        self.page("/about.html", "About", about, active="About")
        subscribe = f"""<main class="container">
  <h1 class="pb-4 mb-4 fst-italic border-bottom">{NEWSLETTER}</h1>
  <p class="lead">{NEWSLETTER_PITCH}</p>
  <p>Last week's most-read story: <a href="{self.utm_item.path}{UTM.replace("&", "&amp;")}">{esc(self.utm_item.story.title)}</a></p>
  <div class="p-4 mb-4 bg-body-tertiary rounded">
  {mailchimp("8d41f2c0e7", "Subscribe")}
  </div>
</main>
"""
        self.page("/subscribe.html", "Newsletter", subscribe)
        hits = [
            i for i in self.listed if SEARCH in " ".join(b.text for b in i.story.blocks).lower()
        ]
        form = """  <form class="d-flex mb-4" role="search" action="/search.html" method="get">
    <input class="form-control me-2" type="search" name="q" value="{q}" placeholder="Search the Herald" aria-label="Search">
    <button class="btn btn-outline-success" type="submit">Search</button>
  </form>
"""
        results = "\n".join(
            f'    <li class="list-group-item"><a href="{i.path}">{esc(i.story.title)}</a> '
            f'<small class="text-body-secondary">{en_date(i.story.published)}</small></li>'
            for i in hits
        )
        self.page(
            f"/search.html?q={SEARCH}",
            f"Search: {SEARCH}",
            f"""<main class="container">
  <h1 class="pb-4 mb-4 fst-italic border-bottom">Search results for “{SEARCH}”</h1>
{form.replace("{q}", SEARCH)}  <p>{len(hits)} stories found.</p>
  <ul class="list-group list-group-flush">
{results}
  </ul>
</main>
""",
        )
        self.page(
            "/search.html",
            "Search",
            f"""<main class="container">
  <h1 class="pb-4 mb-4 fst-italic border-bottom">Search</h1>
{form.replace("{q}", "")}</main>
""",
        )
        self.files.add(
            "/admin/",
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<title>Herald admin</title></head><body><form method="post">'
            '<input name="password" type="password"></form></body></html>\n',
        )

    # -- feed, sitemap, assets -----------------------------------------------------------------

    def feed(self) -> None:
        chosen = sorted([*self.listed, self.special["feed"]], key=newest_first)[:10]
        items = "\n".join(
            f"""<item>
  <title>{esc(i.story.title)}</title>
  <link>{ORIGIN}{i.path}</link>
  <guid isPermaLink="true">{ORIGIN}{i.path}</guid>
  <pubDate>{local(i.story.published).strftime("%a, %d %b %Y %H:%M:%S %z")}</pubDate>
  <category>{esc(i.story.section or "")}</category>
  <description>{esc(i.dek or i.excerpt())}</description>
</item>"""
            for i in chosen
        )
        built = local(chosen[0].story.published).strftime("%a, %d %b %Y %H:%M:%S %z")
        self.files.add(
            "/feed.xml",
            f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{NAME}</title>
<link>{ORIGIN}/</link>
<description>News from Brzegowo and the Odrzanka valley</description>
<language>en-gb</language>
<atom:link href="{ORIGIN}/feed.xml" rel="self" type="application/rss+xml" />
<lastBuildDate>{built}</lastBuildDate>
{items}
</channel>
</rss>
""",
        )

    def sitemap(self) -> None:
        day = local(self.today).date().isoformat()
        urls = [("/", day), ("/news/index.html", day)]
        urls += [(section_path(s), day) for s in SECTIONS]
        chosen = sorted([*self.listed, self.special["sitemap"]], key=newest_first)
        urls += [
            (i.path, local(i.story.modified or i.story.published).date().isoformat())
            for i in chosen
        ]
        urls += [("/about.html", "2024-09-02"), ("/subscribe.html", "2024-09-02")]
        rows = "\n".join(
            f"  <url>\n    <loc>{ORIGIN}{u}</loc>\n    <lastmod>{m}</lastmod>\n  </url>"
            for u, m in urls
        )
        self.files.add(
            "/sitemap.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{rows}\n</urlset>\n",
        )

    def assets(self) -> None:
        for href in CSS:
            self.files.add_bytes(href.lstrip("/"), b"/* bootstrap 5.3 */\n")
        self.files.add_bytes(JS.lstrip("/"), b"/* bootstrap bundle */\n")
        self.files.add(
            "/robots.txt",
            f"User-agent: *\nDisallow: /admin/\nDisallow: /drafts/\n\nSitemap: {ORIGIN}/sitemap.xml\n",
        )

    # -- all ------------------------------------------------------------------------------------
