"""Generate the ``harbour`` fixture site: a WordPress-style local paper.

Run ``python tests/sites/_build/harbour.py`` to rewrite ``tests/sites/harbour``
from ``harbour_stories.txt``; the output is deterministic.

What makes it WordPress-like: dated article URLs (``/2024/12/11/slug/``),
``/category/``, ``/tag/`` and ``/author/`` archives, ``/news/page/2/`` paging
with ``rel=next``, a Yoast-style JSON-LD ``@graph``, RSS 2.0 at ``/feed/`` plus
a category feed, a sitemap index with a Google News sitemap, AMP copies under
``.../amp/`` and a body in ``div.entry-content`` with a "Read also:" box and an
ad slot mixed into the paragraphs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

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
    utc_iso,
)
from harbour_article import (
    NAME,
    amp_page,
    amp_path,
    article_path,
    byline,
    entry_content,
    hash_slug,
    image_path,
    json_ld,
    nice_date,
    partner_page,
    share_buttons,
)
from xmlfeeds import Entry, news_sitemap, rss2, sitemap_index, url_sitemap

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent / "harbour"
TZ = ZoneInfo("UTC")
PER_PAGE = 8
COOKIE = "We use cookies to keep this site working and to count visits."
NEWSLETTER = "Get the Herald in your inbox"
BROKEN_LINK = "/2023/04/01/spring-tide-tables/"
FEED_CATEGORY = "harbour-life"
BOILERPLATE = [
    "News Feed",
    "MORE NEWS",
    "Editors' Picks",
    "indicates required",
    "min read",
    "Share",
    "Read also:",
    "Advertisement",
    COOKIE,
    NEWSLETTER,
    "Photo:",
]


class Harbour:
    """Renders every page of the site from the stories."""

    def __init__(self, stories: list[Story]) -> None:
        self.stories = stories
        self.listed = [s for s in stories if s.listed]
        self.special = {s.reach: s for s in stories if s.reach}
        self.amp = {self.listed[0].slug, self.listed[5].slug}
        self.picks = [self.listed[i] for i in (4, 9, 12)]
        # The only link to the "more_news" story sits in this article's MORE NEWS block.
        self.more_news_host = self.listed[2]
        self.utm_story, self.fbclid_story = self.listed[1], self.listed[2]
        self.partner_story = self.listed[4]
        self.sections = sorted({s.section for s in stories if s.section})
        self.tags = sorted({t for s in stories for t in s.tags})
        self.authors = sorted({a for s in stories for a in s.authors})
        self.files = SiteFiles()

    # -- shared chrome ---------------------------------------------------

    def head(self, title: str, canonical: str, extra: str = "", charset: str = "UTF-8") -> str:
        return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<link rel="canonical" href="{ORIGIN}{canonical}">
<link rel="alternate" type="application/rss+xml" title="{NAME} &raquo; Feed" href="/feed/">
<link rel="stylesheet" id="tide-style-css" href="/wp-content/themes/tide/style.css" media="all">
{extra}</head>
"""

    def header(self) -> str:
        cats = "".join(
            f'<li class="menu-item"><a href="/category/{slugify(c)}/">{esc(c)}</a></li>'
            for c in self.sections
        )
        return f"""<div id="cookie-notice" class="cookie-notice" role="dialog">
<p>{COOKIE} <a href="/about/#privacy">Privacy policy</a></p><button type="button">Accept</button>
</div>
<div id="page" class="site">
<header id="masthead" class="site-header">
<p class="site-title"><a href="/" rel="home">{NAME}</a></p>
<p class="site-description">News from Kelport and the islands</p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li class="menu-item"><a href="/news/">Latest</a></li>{cats}
<li class="menu-item"><a href="/about/">About</a></li>
<li class="menu-item"><a href="/subscribe/">Subscribe</a></li></ul></nav>
</header>
"""

    def footer(self) -> str:
        return f"""<footer id="colophon" class="site-footer">
<nav class="footer-menu"><a href="/about/">About us</a> | <a href="/subscribe/">Subscribe</a> |
<a href="/feed/">RSS</a> | <a href="/admin/">Staff login</a></nav>
<p class="site-info">&copy; 2024 {NAME}, Quay Street, Kelport.</p>
</footer>
</div>
<script src="/wp-content/themes/tide/site.js"></script>
</body>
</html>
"""

    def news_feed(self, count: int = 6) -> str:
        items = "".join(
            f'<li><span class="nf-time">{s.published:%H:%M}</span> '
            f'<a href="{article_path(s)}">{esc(s.title)}</a></li>'
            for s in self.listed[:count]
        )
        return (
            '<section class="widget widget_news_feed"><h2 class="widget-title">News Feed</h2>'
            f"<ul>{items}</ul></section>\n"
        )

    def editors_picks(self, href_suffix: str = "") -> str:
        items = "".join(
            f'<li><a href="{article_path(s)}{href_suffix}">{esc(s.title)}</a></li>'
            for s in self.picks
        )
        return (
            '<section class="widget editors-picks"><h2 class="widget-title">Editors\' Picks</h2>'
            f"<ul>{items}</ul></section>\n"
        )

    def newsletter(self) -> str:
        return f"""<section class="widget widget_newsletter">
<h2 class="widget-title">{NEWSLETTER}</h2>
<form action="/subscribe/" method="post" class="mc4wp-form">
<label for="nl-email">Email address <span class="asterisk">*</span></label>
<input type="email" id="nl-email" name="EMAIL" required>
<label for="nl-name">First name</label><input type="text" id="nl-name" name="FNAME">
<button type="submit">Sign me up</button>
<div class="indicates-required"><span class="asterisk">*</span> indicates required</div>
</form></section>
"""

    def more_news(self, story: Story) -> str:
        others = [s for s in self.listed if s.slug != story.slug]
        start = self.listed.index(story) if story in self.listed else 0
        chosen = [others[(start + i) % len(others)] for i in range(4)]
        if story.slug == self.more_news_host.slug and "more_news" in self.special:
            chosen = [self.special["more_news"], *chosen[:3]]
        items = "".join(f'<li><a href="{article_path(s)}">{esc(s.title)}</a></li>' for s in chosen)
        return (
            '<section class="widget more-news"><h2 class="widget-title">MORE NEWS</h2>'
            f"<ul>{items}</ul></section>\n"
        )

    def teaser_list(self, stories: list[Story]) -> str:
        if not stories:
            return '<p class="no-results">Nothing here yet.</p>\n'
        rows = []
        for s in stories:
            first = next(b.text for b in s.blocks if b.kind == "p")
            rows.append(
                f'<article class="post type-post"><h2 class="entry-title">'
                f'<a href="{article_path(s)}" rel="bookmark">{esc(s.title)}</a></h2>'
                f'<div class="entry-meta"><time datetime="{utc_iso(s.published)}">'
                f"{esc(nice_date(s))}</time> by {esc(', '.join(s.authors))}</div>"
                f'<div class="entry-summary"><p>{esc(first[:160])}&hellip;</p></div></article>'
            )
        return "\n".join(rows) + "\n"

    def archive(self, path: str, title: str, stories: list[Story], extra: str = "") -> None:
        body = (
            f'{self.header()}<div id="content" class="site-content"><main id="main">'
            f'<header class="page-header"><h1 class="page-title">{esc(title)}</h1></header>\n'
            f"{extra}{self.teaser_list(stories)}</main>"
            f'<aside id="secondary" class="widget-area">{self.news_feed()}</aside></div>\n'
        )
        head = self.head(f"{title} - {NAME}", path)
        self.files.add(path, head + '<body class="archive">\n' + body + self.footer())

    # -- articles --------------------------------------------------------

    def read_also(self, story: Story) -> Story:
        """The newest other listed story of the same section (else any other)."""
        others = [s for s in self.listed if s.slug != story.slug]
        same = [s for s in others if s.section == story.section]
        return (same or others)[0]

    def article_head(self, story: Story, charset: str) -> str:
        url = f"{ORIGIN}{article_path(story)}"
        first = next(b.text for b in story.blocks if b.kind == "p")
        locale = "uk_UA" if story.language == "uk" else "en_GB"
        meta = [
            f'<meta name="description" content="{esc(first)}">',
            f'<meta property="og:locale" content="{locale}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{esc(story.title)}">',
            f'<meta property="og:description" content="{esc(first)}">',
            f'<meta property="og:url" content="{url}">',
            f'<meta property="og:site_name" content="{NAME}">',
            f'<meta property="og:image" content="{ORIGIN}{image_path(story)}">',
            f'<meta property="article:published_time" content="{utc_iso(story.published)}">',
        ]
        if story.modified:
            meta.append(
                f'<meta property="article:modified_time" content="{utc_iso(story.modified)}">'
            )
        if story.slug in self.amp:
            meta.append(f'<link rel="amphtml" href="{amp_path(story)}">')
        if story.section and slugify(story.section) == FEED_CATEGORY:
            meta.append(
                f'<link rel="alternate" type="application/rss+xml" title="{NAME} &raquo; '
                f'Harbour Life Feed" href="/category/{FEED_CATEGORY}/feed/">'
            )
        meta.append(f'<script type="application/ld+json">{json_ld(story)}</script>')
        head = self.head(f"{story.title} - {NAME}", article_path(story), "\n".join(meta) + "\n")
        head = head.replace('charset="UTF-8"', f'charset="{charset}"')
        if story.language != "en":
            head = head.replace('lang="en-GB"', f'lang="{story.language}"')
        return head

    def article(self, story: Story) -> None:
        charset = "windows-1251" if story.language == "uk" else "UTF-8"
        section = story.section or ""
        tags = ", ".join(f'<a href="/tag/{slugify(t)}/" rel="tag">{esc(t)}</a>' for t in story.tags)
        post_id = hash_slug(story)
        body = f"""<body class="post-template-default single single-post postid-{post_id}">
{self.header()}<div id="content" class="site-content"><main id="main" class="site-main">
<article class="post type-post status-publish format-standard has-post-thumbnail">
<header class="entry-header">
<span class="cat-links"><a href="/category/{slugify(section)}/"
rel="category tag">{esc(section)}</a></span>
<h1 class="entry-title">{esc(story.title)}</h1>
{byline(story)}</header>
{share_buttons(story)}<figure class="wp-block-image post-thumbnail">
<img src="{image_path(story)}" alt="{esc(story.caption)}" width="640" height="360">
<figcaption>{esc(story.caption)}
<span class="photo-credit">Photo: {esc(story.credit)}</span></figcaption>
</figure>
{entry_content(story, self.read_also(story))}<footer class="entry-footer">
<span class="tags-links">Tagged {tags}</span></footer>
</article>
</main>
<aside id="secondary" class="widget-area">
{self.news_feed()}{self.more_news(story)}{self.editors_picks()}{self.newsletter()}</aside></div>
"""
        page = self.article_head(story, charset) + body + self.footer()
        self.files.add(article_path(story), page, "cp1251" if story.language == "uk" else "utf-8")
        self.files.add_bytes(
            image_path(story).lstrip("/"), grey_jpeg(640, 360 - 8 * self.stories.index(story))
        )
        if story.slug in self.amp:
            self.files.add(amp_path(story), amp_page(story))

    # -- site pages ------------------------------------------------------

    def home(self, partner: str) -> None:
        lead = self.listed[0]
        first = next(b.text for b in lead.blocks if b.kind == "p")
        body = f"""<body class="home blog">
{self.header()}<div id="content" class="site-content"><main id="main">
<section class="top-story"><h2><a href="{article_path(lead)}">{esc(lead.title)}</a></h2>
<p>{esc(first)}</p>
<p class="quick-link">Ferry changes at a glance:
<a href="/go/ferry-timetable/">timetable</a></p></section>
{self.news_feed(8)}<section class="newsletter-picks"><h2>From our newsletter</h2>
<a href="{article_path(self.utm_story)}?utm_source=newsletter&amp;utm_medium=email">
{esc(self.utm_story.title)}</a></section>
<section class="partners"><h2>From our partners</h2>
<a href="{partner}">Coastal Wire: {esc(self.partner_story.title)}</a></section>
<p class="more-link"><a href="/news/">More news</a></p>
</main>
<aside id="secondary" class="widget-area">{self.editors_picks()}{self.newsletter()}</aside></div>
"""
        extra = '<meta property="og:type" content="website">\n'
        self.files.add(
            "/", self.head(f"{NAME} - News from Kelport", "/", extra) + body + self.footer()
        )

    def listings(self) -> None:
        pages = [self.listed[i : i + PER_PAGE] for i in range(0, len(self.listed), PER_PAGE)]

        def page_path(n: int) -> str:
            return "/news/" if n == 1 else f"/news/page/{n}/"

        for n, chunk in enumerate(pages, start=1):
            links = ""
            if n > 1:
                links += f'<link rel="prev" href="{ORIGIN}{page_path(n - 1)}">\n'
            if n < len(pages):
                links += f'<link rel="next" href="{ORIGIN}{page_path(n + 1)}">\n'
            more = (
                f'<nav class="navigation pagination"><a class="next page-numbers" '
                f'href="{page_path(n + 1)}">More news</a></nav>'
                if n < len(pages)
                else ""
            )
            title = "Latest news" if n == 1 else f"Latest news - Page {n}"
            body = (
                f'<body class="archive paged">\n{self.header()}<div id="content"><main id="main">'
                f'<h1 class="page-title">{title}</h1>\n{self.teaser_list(chunk)}{more}</main>'
                f'<aside class="widget-area">{self.news_feed()}</aside></div>\n'
            )
            head = self.head(f"{title} - {NAME}", page_path(n), links)
            self.files.add(page_path(n), head + body + self.footer())

    def archives(self) -> None:
        for section in self.sections:
            slug = slugify(section)
            extra = ""
            if slug == FEED_CATEGORY:
                extra = (
                    f'<p class="feed-link"><a href="/category/{slug}/feed/">Follow by RSS</a></p>'
                )
            members = [s for s in self.listed if s.section == section]
            self.archive(f"/category/{slug}/", section, members, extra)
        for tag in self.tags:
            members = [s for s in self.listed if tag in s.tags]
            self.archive(f"/tag/{slugify(tag)}/", f"Tag: {tag}", members)
        for author in self.authors:
            members = [s for s in self.listed if author in s.authors]
            self.archive(f"/author/{slugify(author)}/", f"Author: {author}", members)

    def static_pages(self) -> None:
        about = f"""<main id="main"><h1>About {NAME}</h1>
<p>{NAME} has covered Kelport, Brannock Isle and the coast road villages since 1921.
We are owned by a community trust and funded by our readers.</p>
<p>Most read this month:
<a href="{article_path(self.fbclid_story)}?fbclid=IwAR2kelportRobotics0">
{esc(self.fbclid_story.title)}</a></p>
<p>Looking for tide tables? See our <a href="{BROKEN_LINK}">tide table archive</a>.</p>
<h2 id="privacy">Privacy</h2><p>We keep subscriber emails for the newsletter only.</p></main>
"""
        self.files.add(
            "/about/",
            self.head(f"About - {NAME}", "/about/")
            + "<body>\n"
            + self.header()
            + about
            + self.footer(),
        )
        subscribe = f"""<main id="main"><h1>Subscribe</h1>
<p>Support local reporting for £4 a month and get the weekly print edition.</p>
{self.newsletter()}</main>
"""
        self.files.add(
            "/subscribe/",
            self.head(f"Subscribe - {NAME}", "/subscribe/")
            + "<body>\n"
            + self.header()
            + subscribe
            + self.footer(),
        )
        admin = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Log in</title></head>
<body><form method="post" action="/admin/"><label>Username <input name="log"></label>
<label>Password <input type="password" name="pwd"></label><button>Log in</button></form>
</body></html>
"""
        self.files.add("/admin/", admin)
        self.files.add(
            "/robots.txt",
            f"User-agent: *\nDisallow: /admin/\n\nSitemap: {ORIGIN}/sitemap.xml\n",
        )
        self.files.add_bytes("wp-content/themes/tide/style.css", b"body{font-family:serif}\n")
        self.files.add_bytes("wp-content/themes/tide/site.js", b"/* theme script */\n")
        self.files.add_bytes("images/logo.jpg", grey_jpeg(200, 60))

    # -- feeds and sitemaps ---------------------------------------------

    def entry(self, story: Story) -> Entry:
        return Entry(
            url=f"{ORIGIN}{article_path(story)}",
            title=story.title,
            published=story.published,
            updated=story.modified,
            authors=story.authors,
            summary=next(b.text for b in story.blocks if b.kind == "p"),
            categories=story.tags,
            language=story.language,
            guid=f"{ORIGIN}/?p={hash_slug(story)}",
        )

    def feeds(self) -> None:
        """The main feed, and a category feed that alone lists the "feed" story."""
        about = "News from Kelport and the islands"
        main = [self.entry(s) for s in self.listed[:10]]
        self.files.add("/feed/", rss2(f"{ORIGIN}/", f"{ORIGIN}/feed/", NAME, about, main, "en-GB"))
        path = f"/category/{FEED_CATEGORY}/feed/"
        in_category = [
            self.entry(s)
            for s in self.stories
            if slugify(s.section or "") == FEED_CATEGORY and s.reach in (None, "feed")
        ]
        title = f"{NAME} - Harbour Life"
        self.files.add(path, rss2(f"{ORIGIN}/", ORIGIN + path, title, about, in_category, "en-GB"))

    def sitemaps(self) -> None:
        """A sitemap index over a post sitemap and a news sitemap (with the "sitemap" story)."""
        children = [
            (f"{ORIGIN}/post-sitemap.xml", utc_iso(self.listed[0].published)),
            (f"{ORIGIN}/news-sitemap.xml", utc_iso(self.stories[0].published)),
        ]
        self.files.add("/sitemap.xml", sitemap_index(children))
        posts = [self.entry(s) for s in self.listed]
        self.files.add("/post-sitemap.xml", url_sitemap(posts, utc_iso))
        recent = self.listed[:10]
        if "sitemap" in self.special:
            recent = sorted([*recent, self.special["sitemap"]], key=newest_first)
        news = news_sitemap(NAME, [self.entry(s) for s in recent], utc_iso)
        self.files.add("/news-sitemap.xml", news)

    # -- the whole site --------------------------------------------------

    def build(self) -> dict[str, Any]:
        """Render all files; return the gold answers."""
        for story in self.stories:
            self.article(story)
        partner, partner_html = partner_page(self.partner_story)
        self.files.add(partner, partner_html)
        self.home(partner)
        self.listings()
        self.archives()
        self.static_pages()
        self.feeds()
        self.sitemaps()
        headers = {
            "/feed/": {"Content-Type": "application/rss+xml; charset=utf-8"},
            f"/category/{FEED_CATEGORY}/feed/": {
                "Content-Type": "application/rss+xml; charset=utf-8"
            },
        }
        for story in self.stories:
            if story.language == "uk":
                headers[article_path(story)] = {"Content-Type": "text/html; charset=windows-1251"}
        self.files.add_json("_headers.json", headers)
        ferry = self.listed[0]
        self.files.add_json("_redirects.json", {"/go/ferry-timetable/": article_path(ferry)})
        expected = self.expected(partner)
        self.files.add_bytes("_expected.json", dump_json(expected).encode("utf-8"))
        return expected

    def expected(self, partner: str) -> dict[str, Any]:
        articles = [
            expected_article(s, article_path(s), s.section, image_path(s)) for s in self.stories
        ]
        pages = ["/news/"] + [
            f"/news/page/{n}/" for n in range(2, (len(self.listed) - 1) // PER_PAGE + 2)
        ]
        not_articles = ["/", *pages, "/about/", "/subscribe/"]
        not_articles += [f"/category/{slugify(c)}/" for c in self.sections]
        not_articles += [f"/tag/{slugify(t)}/" for t in self.tags]
        not_articles += [f"/author/{slugify(a)}/" for a in self.authors]
        duplicates = [
            {"path": amp_path(s), "canonical_path": article_path(s)}
            for s in self.listed
            if s.slug in self.amp
        ]
        duplicates += [
            {"path": partner, "canonical_path": article_path(self.partner_story)},
            {
                "path": f"{article_path(self.utm_story)}?utm_source=newsletter&utm_medium=email",
                "canonical_path": article_path(self.utm_story),
            },
            {
                "path": f"{article_path(self.fbclid_story)}?fbclid=IwAR2kelportRobotics0",
                "canonical_path": article_path(self.fbclid_story),
            },
            {"path": "/go/ferry-timetable/", "canonical_path": article_path(self.listed[0])},
        ]
        captions = [s.caption for s in self.stories]
        return {
            "site": "harbour",
            "timezone": "UTC",
            "articles": articles,
            "not_articles": not_articles,
            "duplicates": duplicates,
            "disallowed": ["/admin/"],
            "broken_links": [BROKEN_LINK],
            "boilerplate": BOILERPLATE + captions,
        }


def newest_first(story: Story) -> float:
    return -story.published.timestamp()


def build(root: Path = ROOT) -> dict[str, Any]:
    """Write the site into ``root`` (replacing it) and return the gold answers."""
    stories = load_stories(HERE / "harbour_stories.txt", TZ)
    captions = [s.caption for s in stories]
    check_stories(stories, [*BOILERPLATE, *captions])
    site = Harbour(stories)
    expected = site.build()
    site.files.write(root)
    return expected


if __name__ == "__main__":
    result = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
    print(f"harbour: {len(result['articles'])} articles written to the site folder")
