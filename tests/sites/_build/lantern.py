"""Generate the ``lantern`` fixture site: a Next.js/Ghost-style city paper.

Run ``python tests/sites/_build/lantern.py`` to rewrite ``tests/sites/lantern``
from ``lantern_stories.txt``; the output is deterministic.

What sets it apart from ``harbour``: slug URLs (``/news/slug``), no JSON-LD at
all, OpenGraph only on some articles (others carry just a visible byline and a
visible local date in Europe/Kyiv, a ``<time datetime>`` only on some), hashed
``css-xxxxxx`` class names with each paragraph in its own ``div``, query-string
paging (``/latest?page=2``), an Atom feed at ``/rss/``, one news sitemap, and
one paywalled article.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The folder is not a package: its modules import each other by path.
from common import (
    ORIGIN,
    SiteFiles,
    Story,
    check_stories,
    dump_json,
    esc,
    expected_article,
    grey_jpeg,
    load_stories,
    slugify,
)
from lantern_article import (
    AUDIO,
    DESK,
    NAME,
    PAYWALL,
    TZ,
    amp_page,
    article_meta,
    article_path,
    body,
    byline,
    c,
    image_path,
    local_text,
    partner_page,
    short_time,
    tools,
)
from xmlfeeds import Entry, atom, news_sitemap

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent / "lantern"
PER_PAGE = 8
COOKIE = "The Lantern uses cookies for analytics and to remember your choices."
NEWSLETTER = "Lantern Daily Briefing"
BROKEN_LINK = "/news/ferry-timetable-2019"
SHORT_LINK = "/n/tram4"
BOILERPLATE = [
    "News Feed",
    "MORE NEWS",
    "Editors' Picks",
    "indicates required",
    "min read",
    "Share",
    AUDIO,
    PAYWALL,
    COOKIE,
    NEWSLETTER,
    "Photo:",
]


class Lantern:
    """Renders every page of the site from the stories."""

    def __init__(self, stories: list[Story]) -> None:
        self.stories = stories
        self.listed = [s for s in stories if s.listed]
        self.special = {s.reach: s for s in stories if s.reach}
        self.picks = [self.listed[i] for i in (3, 7, 11)]
        self.more_news_host = self.listed[4]
        self.utm_story, self.fbclid_story = self.listed[3], self.listed[10]
        self.amp_story, self.partner_story = self.listed[1], self.listed[5]
        self.sections = sorted({s.section for s in stories if s.section})
        self.tags = sorted({t for s in stories for t in s.tags})
        self.people = sorted({a for s in stories for a in s.authors if a != DESK})
        self.files = SiteFiles()

    # -- chrome ----------------------------------------------------------

    def head(self, title: str, canonical: str, meta: str = "", charset: str = "utf-8") -> str:
        return f"""<!DOCTYPE html><html lang="{{lang}}"><head><meta charset="{charset}">
<meta name="viewport" content="width=device-width"><title>{esc(title)}</title>
<link rel="canonical" href="{ORIGIN}{canonical}">
<link rel="alternate" type="application/atom+xml" title="{NAME}" href="/rss/">
<link rel="preload" href="/_next/static/css/app-7f3a.css" as="style">
<link rel="stylesheet" href="/_next/static/css/app-7f3a.css">
{meta}</head>
"""

    def chrome_top(self) -> str:
        nav = "".join(
            f'<a {c("nav-link")} href="/sections/{slugify(s)}">{esc(s)}</a>' for s in self.sections
        )
        return f"""<body><div id="__next"><div {c("cookie")} role="dialog"><span>{COOKIE}</span>
<button {c("cookie-btn")}>OK</button></div>
<header {c("masthead")}><a {c("logo")} href="/">{NAME}</a><nav {c("nav")}>
<a {c("nav-link")} href="/latest">Latest</a>{nav}<a {c("nav-link")} href="/about">About</a>
<a {c("nav-cta")} href="/subscribe">Subscribe</a></nav></header>
"""

    def chrome_bottom(self, page: str) -> str:
        data = json.dumps({"page": page, "buildId": "lnt-7f3a", "props": {}})
        return f"""<footer {c("footer")}><a href="/about">About</a>
<a href="/subscribe">Subscribe</a><a href="/rss/">RSS</a><a href="/admin/">Editor login</a>
<span>&copy; 2024 {NAME}</span></footer>
</div><script id="__NEXT_DATA__" type="application/json">{data}</script>
<script src="/_next/static/chunks/main-7f3a.js" defer></script></body></html>
"""

    def block(self, title: str, stories: list[Story], with_time: bool, suffix: str = "") -> str:
        rows = []
        for s in stories:
            when = f"<span {c('feed-time')}>{short_time(s.published)}</span>" if with_time else ""
            rows.append(
                f'<li {c("feed-row")}>{when}<a href="{article_path(s)}{suffix}">'
                f"{esc(s.title)}</a></li>"
            )
        return (
            f"<section {c('rail-' + title)}><h2 {c('rail-title')}>{title}</h2>"
            f"<ul>{''.join(rows)}</ul></section>\n"
        )

    def newsletter(self) -> str:
        return f"""<section {c("newsletter")}><h2 {c("rail-title")}>{NEWSLETTER}</h2>
<form action="/subscribe" method="post">
<label>Email <span>*</span><input type="email" name="email" required></label>
<label>Name<input name="name"></label><button type="submit">Subscribe</button>
<p {c("req")}><span>*</span> indicates required</p></form></section>
"""

    def more_news(self, story: Story) -> list[Story]:
        others = [s for s in self.listed if s.slug != story.slug]
        start = (self.listed.index(story) if story in self.listed else 0) + 3
        chosen = [others[(start + i) % len(others)] for i in range(4)]
        if story.slug == self.more_news_host.slug and "more_news" in self.special:
            chosen = [*chosen[:2], self.special["more_news"], *chosen[2:3]]
        return chosen

    def cards(self, stories: list[Story], suffix_for: Story | None = None, suffix: str = "") -> str:
        if not stories:
            return f"<p {c('empty')}>No stories yet.</p>\n"
        rows = []
        for s in stories:
            extra = suffix if suffix_for is not None and s.slug == suffix_for.slug else ""
            rows.append(
                f'<div {c("card")}><a {c("card-link")} href="{article_path(s)}{extra}">'
                f"<h3 {c('card-title')}>{esc(s.title)}</h3></a>"
                f"<span {c('card-meta')}>{local_text(s.published)}</span></div>"
            )
        return "\n".join(rows) + "\n"

    def page(self, path: str, title: str, inner: str, route: str, meta: str = "") -> None:
        head = self.head(f"{title} | Lantern", path.split("?")[0], meta).replace("{lang}", "en")
        html = head + self.chrome_top() + f"<main {c('main')}>{inner}</main>\n"
        self.files.add(path, html + self.chrome_bottom(route))

    # -- articles --------------------------------------------------------

    def article(self, story: Story, index: int) -> None:
        # Only some articles carry machine-readable dates (OpenGraph, <time>): the
        # rest have just the visible local-time line, as on many real sites.
        with_dates, time_element = index % 3 != 1, index % 2 == 0
        short = SHORT_LINK if story.slug == self.listed[0].slug else None
        tags = "".join(f'<a {c("tag")} href="/tags/{slugify(t)}">{esc(t)}</a>' for t in story.tags)
        section = story.section or ""
        inner = f"""<article {c("article")}>
<a {c("kicker")} href="/sections/{slugify(section)}">{esc(section)}</a>
<h1 {c("headline")}>{esc(story.title)}</h1>
{byline(story, time_element)}{tools(story, short)}<figure {c("figure")}>
<img src="{image_path(story)}" alt="" width="1200" height="675" loading="eager">
<figcaption {c("caption")}><span>{esc(story.caption)}</span>
<span {c("credit")}>Photo: {esc(story.credit)} / {NAME}</span></figcaption>
</figure>
{body(story)}<div {c("tags")}>{tags}</div>
</article>
<aside {c("rail")}>
{self.block("News Feed", self.listed[:6], True)}
{self.block("MORE NEWS", self.more_news(story), False)}
{self.block("Editors' Picks", self.picks, False)}
{self.newsletter()}</aside>
"""
        charset = "windows-1251" if story.language == "uk" else "utf-8"
        meta = article_meta(story, with_dates, amphtml=story.slug == self.amp_story.slug)
        head = self.head(f"{story.title} | Lantern", article_path(story), meta, charset)
        head = head.replace("{lang}", story.language)
        html = head + self.chrome_top() + f"<main {c('main')}>{inner}</main>\n"
        html += self.chrome_bottom("/news/[slug]")
        encoding = "cp1251" if story.language == "uk" else "utf-8"
        self.files.add(article_path(story), html, encoding)
        self.files.add_bytes(f"images/{story.slug}.jpg", grey_jpeg(1200 - 16 * index, 675))

    def home(self, partner: str) -> None:
        lead = self.listed[0]
        utm = f"{article_path(self.utm_story)}?utm_source=facebook&amp;utm_medium=social"
        inner = f"""<section {c("hero")}><a href="{article_path(lead)}">
<h2 {c("hero-title")}>{esc(lead.title)}</h2></a>
<p>{esc(lead.blocks[0].text)}</p></section>
{self.block("News Feed", self.listed[:8], True)}
<section {c("social")}><h2 {c("rail-title")}>Trending on social</h2>
<a href="{utm}">{esc(self.utm_story.title)}</a></section>
<section {c("partners")}><h2 {c("rail-title")}>From RiverWire</h2>
<a href="{partner}">{esc(self.partner_story.title)}</a></section>
{self.block("Editors' Picks", self.picks, False)}<a {c("more")} href="/latest">More news</a>
"""
        self.page("/", "News from Ostriv", inner, "/")

    def latest_pages(self) -> list[str]:
        chunks = [self.listed[i : i + PER_PAGE] for i in range(0, len(self.listed), PER_PAGE)]
        paths = ["/latest"] + [f"/latest?page={n}" for n in range(2, len(chunks) + 1)]
        for n, chunk in enumerate(chunks, start=1):
            more = ""
            if n < len(chunks):
                more = f'<a {c("more")} href="/latest?page={n + 1}">More news</a>'
            inner = f"<h1 {c('page-title')}>Latest</h1>\n{self.cards(chunk)}{more}"
            self.page(paths[n - 1], "Latest news", inner, "/latest")
        return paths

    def archives(self) -> list[str]:
        paths = []
        for section in self.sections:
            path = f"/sections/{slugify(section)}"
            members = [s for s in self.listed if s.section == section]
            self.page(path, section, f"<h1>{esc(section)}</h1>\n{self.cards(members)}", "/sections")
            paths.append(path)
        fbclid_tag = self.fbclid_story.tags[0]
        for tag in self.tags:
            path = f"/tags/{slugify(tag)}"
            members = [s for s in self.listed if tag in s.tags]
            target = self.fbclid_story if tag == fbclid_tag else None
            cards = self.cards(members, target, "?fbclid=IwY2xjawLantern01")
            self.page(path, f"#{tag}", f"<h1>{esc(tag)}</h1>\n{cards}", "/tags/[tag]")
            paths.append(path)
        for person in self.people:
            path = f"/authors/{slugify(person)}"
            members = [s for s in self.listed if person in s.authors]
            inner = f"<h1>{esc(person)}</h1><p>Reporter, {NAME}</p>\n{self.cards(members)}"
            self.page(path, person, inner, "/authors/[author]")
            paths.append(path)
        return paths

    def static_pages(self) -> None:
        about = f"""<h1>About {NAME}</h1>
<p>{NAME} is an independent newsroom in Ostriv, founded in 2016
by five reporters and a photographer. We are funded by our members.</p>
<p>Read our first story about the <a href="{BROKEN_LINK}">old ferry timetable</a>.</p>"""
        self.page("/about", "About", about, "/about")
        subscribe = f"<h1>Become a member</h1><p>From 99 UAH a month.</p>{self.newsletter()}"
        self.page("/subscribe", "Subscribe", subscribe, "/subscribe")
        self.files.add(
            "/admin/",
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ghost Admin</title></head>'
            '<body><div id="ember-app">Sign in to The Lantern</div></body></html>\n',
        )
        self.files.add(
            "/robots.txt",
            f"User-agent: *\nDisallow: /admin/\nSitemap: {ORIGIN}/sitemap.xml\n",
        )
        self.files.add_bytes("_next/static/css/app-7f3a.css", b"body{margin:0}\n")
        self.files.add_bytes("_next/static/chunks/main-7f3a.js", b"/* next runtime */\n")

    def entry(self, story: Story) -> Entry:
        return Entry(
            url=f"{ORIGIN}{article_path(story)}",
            title=story.title,
            published=story.published,
            updated=story.modified,
            authors=story.authors,
            summary=story.blocks[0].text,
            language=story.language,
        )

    def atom(self) -> None:
        """The Atom feed at /rss/: the latest stories plus the "feed" story."""
        chosen = [*self.listed[:10]]
        if "feed" in self.special:
            chosen.append(self.special["feed"])
        chosen.sort(key=newest_first)
        entries = [self.entry(s) for s in chosen]
        self.files.add("/rss/", atom(f"{ORIGIN}/", f"{ORIGIN}/rss/", NAME, entries))

    def sitemap(self) -> None:
        """One news sitemap, local times with offsets, including the "sitemap" story."""
        chosen = [*self.listed]
        if "sitemap" in self.special:
            chosen.append(self.special["sitemap"])
        chosen.sort(key=newest_first)
        entries = [self.entry(s) for s in chosen]
        self.files.add("/sitemap.xml", news_sitemap(NAME, entries, local_iso))

    def build(self) -> dict[str, Any]:
        """Render all files; return the gold answers."""
        for index, story in enumerate(self.stories):
            self.article(story, index)
        amp, amp_html = amp_page(self.amp_story)
        partner, partner_html = partner_page(self.partner_story)
        self.files.add(amp, amp_html)
        self.files.add(partner, partner_html)
        self.home(partner)
        listing = self.latest_pages()
        archives = self.archives()
        self.static_pages()
        self.atom()
        self.sitemap()
        headers: dict[str, dict[str, str]] = {
            "/rss/": {"Content-Type": "application/atom+xml; charset=utf-8"}
        }
        for story in self.stories:
            if story.language == "uk":
                headers[article_path(story)] = {"Content-Type": "text/html; charset=windows-1251"}
        self.files.add_json("_headers.json", headers)
        self.files.add_json("_redirects.json", {SHORT_LINK: article_path(self.listed[0])})
        duplicates = [
            {"path": amp, "canonical_path": article_path(self.amp_story)},
            {"path": partner, "canonical_path": article_path(self.partner_story)},
            {
                "path": f"{article_path(self.utm_story)}?utm_source=facebook&utm_medium=social",
                "canonical_path": article_path(self.utm_story),
            },
            {
                "path": f"{article_path(self.fbclid_story)}?fbclid=IwY2xjawLantern01",
                "canonical_path": article_path(self.fbclid_story),
            },
            {"path": SHORT_LINK, "canonical_path": article_path(self.listed[0])},
        ]
        expected = {
            "site": "lantern",
            "timezone": "Europe/Kyiv",
            "articles": [
                expected_article(s, article_path(s), s.section, image_path(s)) for s in self.stories
            ],
            "not_articles": ["/", *listing, *archives, "/about", "/subscribe"],
            "duplicates": duplicates,
            "disallowed": ["/admin/"],
            "broken_links": [BROKEN_LINK],
            "boilerplate": BOILERPLATE + [s.caption for s in self.stories],
        }
        self.files.add_bytes("_expected.json", dump_json(expected).encode("utf-8"))
        return expected


def local_iso(moment: datetime) -> str:
    return moment.astimezone(TZ).isoformat()


def newest_first(story: Story) -> float:
    return -story.published.timestamp()


def build(root: Path = ROOT) -> dict[str, Any]:
    """Write the site into ``root`` (replacing it) and return the gold answers."""
    stories = load_stories(HERE / "lantern_stories.txt", TZ)
    check_stories(stories, [*BOILERPLATE, *(s.caption for s in stories)])
    site = Lantern(stories)
    expected = site.build()
    site.files.write(root)
    return expected


if __name__ == "__main__":
    result = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
    print(f"lantern: {len(result['articles'])} articles written to the site folder")
