"""Generate the ``newsletter`` zoo site: a newsletter-first local newsroom on Ghost (Headline).

Run ``.venv/bin/python tests/zoo/_build/newsletter.py`` to rewrite ``tests/zoo/newsletter``
from ``newsletter_stories.txt``; the output is deterministic.

Sources: github TryGhost/Headline @ d03fc7bbd743793396627c5cb8dce9b28901f984 (templates, see
``newsletter_theme.py``), TryGhost/Ghost core head, schema, RSS and sitemap code and
TryGhost/Koenig card renderers (see ``newsletter_article.py`` and ``newsletter_feeds.py``).
Ghost URL shapes: posts ``/slug/``, tags ``/tag/<slug>/`` (paged ``/tag/<slug>/page/2/``),
authors ``/author/<slug>/``, the post index ``/page/2/``, pages ``/about/``, ``/rss/``,
``/sitemap.xml`` and its ``/sitemap-posts.xml`` etc. Ghost has no search page (Sodo Search is
an overlay), so none is built.

What the site tests: every post carries a Ghost members CTA card after the first paragraph, a
Mailchimp embed after the second, a members signup card at the end of the body (hidden by an
inline ``display: none`` until cards.min.js runs), then after "Read next" an "Editors' Picks"
list, a "News Feed" with naive local ``<time datetime>`` values, a second Mailchimp box with
interest groups and the footer signup; briefs of 80-120 words; one members-only post whose
page holds only the public part and Ghost's upgrade box; machine dates in UTC (``...000Z``)
and date-only local ``<time datetime="2024-12-11">`` values in Australia/Sydney, stated in the
code-injected ``window.__SITE_CONFIG__``. One post is reachable only from the RSS feed, one
only from ``sitemap-posts.xml``, one only from ``/page/2/``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "sites" / "_build"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# The folders are not packages: modules import each other by path.
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
from newsletter_article import (
    CTA_BUTTON,
    CTA_TEXT,
    GROUPS,
    IN_BODY_TEXT,
    LISTING,
    LOGO,
    MC_AFTER,
    MC_INLINE,
    NAME,
    PEOPLE,
    SIGNUP_DISCLAIMER,
    SIGNUP_HEADING,
    SIGNUP_SUB,
    SIGNUP_SUCCESS,
    TZ,
    author_slug,
    author_url,
    content,
    excerpt,
    ghost_head,
    html_card,
    image,
    load,
    mailchimp,
    post_og,
    post_path,
    post_schema,
    publisher,
    signup_card,
)
from newsletter_feeds import (
    DESCRIPTION,
    SITEMAP_XSL,
    posts_sitemap,
    robots,
    rss,
    sitemap_index,
    urlset,
)
from newsletter_post import post_main
from newsletter_theme import (
    SIGNUP_TEXT,
    archive_main,
    author_head,
    feed_block,
    home_main,
    layout,
    page_main,
    pagehead,
    topic_grid,
    topic_minimal,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent / "newsletter"
PER_PAGE = 7
UTM = "?utm_source=morning-tide&utm_medium=email&utm_campaign=2024-12-12"
TAG_TEXT = {
    "News": "Reporting from Corrin Heads and the headland.",
    "Briefs": "The short version: quick news from around town.",
}
BOILERPLATE = [
    "Read next",
    "News Feed",
    "Editors' Picks",
    "indicates required",
    "Email Address",
    *MC_INLINE,
    *MC_AFTER,
    *GROUPS,
    CTA_TEXT,
    CTA_BUTTON,
    SIGNUP_HEADING,
    SIGNUP_SUB,
    SIGNUP_DISCLAIMER,
    SIGNUP_SUCCESS,
    f"Subscribe to {NAME}",
    SIGNUP_TEXT,
    "Subscribe now",
    "Sign in",
    "Share",
    "Photo:",
    "Powered by",
    "This post is for subscribers only",
    "Already have an account?",
    *IN_BODY_TEXT,
    "Heritage Reporter",
    "Business Reporter",
]
PAGES = {
    "about": (
        "About Tideline",
        "Who we are and how we are funded.",
        "<p>Tideline is a small newsroom in Corrin Heads. We started as a weekday email in "
        "2019 and still send The Morning Tide at 6am.</p><p>We are funded by our members "
        "and by local advertisers, who never see a story before it is published.</p>",
    ),
    "newsletters": ("Newsletters", "Three free emails about Corrin Heads.", ""),
    "subscribe": ("Subscribe", "Join 2,300 members who keep Tideline free to read.", ""),
}


class Newsletter:
    """Renders every page of the site from the stories."""

    def __init__(self, stories: list[Story], excerpts: dict[str, str]) -> None:
        self.stories = stories
        self.excerpts = excerpts
        self.listed = [s for s in stories if s.listed]
        self.special = {s.reach: s for s in stories if s.reach}
        # The post collection of the index pages: the "listing" story is the oldest of it.
        self.index = sorted([*self.listed, self.special[LISTING]], key=_newest)
        counts = {t: sum(t in s.tags for s in self.listed) for s in self.listed for t in s.tags}
        self.tags = sorted(counts, key=lambda t: (-counts[t], t))
        self.people = sorted({a for s in stories for a in s.authors})
        self.picks = [self.listed[i] for i in (3, 5, 8)]
        self.utm_story = self.listed[0]
        self.files = SiteFiles()
        self.not_articles: list[str] = []

    def desc(self, story: Story) -> str:
        return excerpt(story, self.excerpts)

    def read_next(self, story: Story) -> list[Story]:
        return [s for s in self.listed if s.slug != story.slug and set(s.tags) & set(story.tags)][
            :3
        ]

    def post(self, story: Story, index: int) -> None:
        head = ghost_head(
            post_path(story),
            self.desc(story),
            post_og(story, self.desc(story)),
            post_schema(story, self.desc(story)),
        )
        main = post_main(
            story, content(story), self.excerpts, self.read_next(story), self.picks, self.listed[:6]
        )
        body_class = "post-template " + " ".join(f"tag-{slugify(t)}" for t in story.tags)
        html = layout(story.title, head, body_class, main, "", is_post=True)
        self.files.add(post_path(story), html)
        for size, width in (
            ("w300", 300),
            ("w720", 720),
            ("w960", 960),
            ("w1200", 1200),
            ("w2000", 1200),
        ):
            height = width * 2 // 3
            self.files.add_bytes(image(story, size).lstrip("/"), grey_jpeg(width, height))
        self.files.add_bytes(image(story).lstrip("/"), grey_jpeg(1200 - 8 * index, 800))

    def archive(
        self,
        path: str,
        title: str,
        description: str,
        head_html: str,
        members: list[Story],
        body_class: str,
        schema: dict[str, Any] | None,
        og_type: str = "website",
    ) -> None:
        """A paged collection; Headline links page 2 only through ``<link rel="next">``."""
        chunks = [members[i : i + PER_PAGE] for i in range(0, len(members), PER_PAGE)]
        for n, chunk in enumerate(chunks, start=1):
            url = path if n == 1 else f"{path}page/{n}/"
            links = []
            if n > 1:
                prev = path if n == 2 else f"{path}page/{n - 1}/"
                links.append(f'<link rel="prev" href="{ORIGIN}{prev}">')
            if n < len(chunks):
                links.append(f'<link rel="next" href="{ORIGIN}{path}page/{n + 1}/">')
            paged = n > 1
            og = (
                None
                if paged
                else {
                    "og:site_name": NAME,
                    "og:type": og_type,
                    "og:title": f"{title} - {NAME}",
                    "og:description": description,
                    "og:url": f"{ORIGIN}{path}",
                    "twitter:card": "summary",
                    "twitter:title": f"{title} - {NAME}",
                    "twitter:description": description,
                    "twitter:url": f"{ORIGIN}{path}",
                }
            )
            head = ghost_head(url, description, og, None if paged else schema, "\n    ".join(links))
            main = archive_main(head_html, feed_block(chunk, self.excerpts, True))
            suffix = f" (Page {n})" if paged else ""
            html = layout(
                f"{title} - {NAME}{suffix}",
                head,
                body_class + (" paged" if paged else ""),
                main,
                path,
            )
            self.files.add(url, html)
            self.not_articles.append(url)

    def home(self) -> None:
        grids = "\n".join(
            topic_grid(
                t, f"/tag/{slugify(t)}/", [s for s in self.listed if t in s.tags][:7], self.excerpts
            )
            for t in self.tags[:3]
        )
        minimal = "\n".join(
            topic_minimal(t, f"/tag/{slugify(t)}/", [s for s in self.listed if t in s.tags][:5])
            for t in self.tags[3:6]
        )
        og = {
            "og:site_name": NAME,
            "og:type": "website",
            "og:title": NAME,
            "og:description": DESCRIPTION,
            "og:url": f"{ORIGIN}/",
            "twitter:card": "summary",
            "twitter:title": NAME,
            "twitter:description": DESCRIPTION,
            "twitter:url": f"{ORIGIN}/",
        }
        schema = {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "publisher": publisher(),
            "url": f"{ORIGIN}/",
            "name": NAME,
            "mainEntityOfPage": f"{ORIGIN}/",
            "description": DESCRIPTION,
        }
        head = ghost_head(
            "/", DESCRIPTION, og, schema, f'<link rel="next" href="{ORIGIN}/page/2/">'
        )
        main = home_main(self.index[:PER_PAGE], self.excerpts, grids, minimal)
        self.files.add("/", layout(NAME, head, "home-template", main, "/", is_home=True))
        self.not_articles.append("/")
        # index.hbs on /page/2/: the seven recent posts again, then the page's own posts.
        rest = self.index[PER_PAGE:]
        head = ghost_head(
            "/page/2/", DESCRIPTION, None, None, f'<link rel="prev" href="{ORIGIN}/">'
        )
        cards = (
            feed_block(self.index[:PER_PAGE], self.excerpts, True)
            + "\n"
            + feed_block(rest, self.excerpts, False)
        )
        main = archive_main(pagehead("Latest", ""), cards)
        self.files.add("/page/2/", layout(f"{NAME} (Page 2)", head, "paged", main, ""))
        self.not_articles.append("/page/2/")

    def archives(self) -> None:
        for tag in self.tags:
            path = f"/tag/{slugify(tag)}/"
            text = TAG_TEXT.get(tag, f"Stories about {tag.lower()} in Corrin Heads.")
            schema = {
                "@context": "https://schema.org",
                "@type": "Series",
                "publisher": publisher(),
                "url": f"{ORIGIN}{path}",
                "name": tag,
                "mainEntityOfPage": f"{ORIGIN}{path}",
                "description": text,
            }
            self.archive(
                path,
                tag,
                text,
                pagehead(tag, text),
                [s for s in self.listed if tag in s.tags],
                f"tag-template tag-{slugify(tag)}",
                schema,
            )
        for person in self.people:
            path = author_url(person)
            schema = {
                "@context": "https://schema.org",
                "@type": "Person",
                "sameAs": [],
                "name": person,
                "url": f"{ORIGIN}{path}",
                "mainEntityOfPage": f"{ORIGIN}{path}",
                "description": PEOPLE[person],
            }
            self.archive(
                path,
                person,
                PEOPLE[person],
                author_head(person, PEOPLE[person]),
                [s for s in self.listed if person in s.authors],
                f"author-template author-{author_slug(person)}",
                schema,
                "profile",
            )

    def pages(self) -> None:
        utm = f"/{self.utm_story.slug}/{UTM}".replace("&", "&amp;")
        bodies = {
            "newsletters": (
                f'<p>This morning\'s Morning Tide led with <a href="{utm}">'
                f"{esc(self.utm_story.title)}</a>.</p>" + html_card(mailchimp(*MC_AFTER, GROUPS))
            ),
            "subscribe": "<p>Members get every investigation in full.</p>" + signup_card(),
        }
        for slug, (title, lead, text) in PAGES.items():
            path = f"/{slug}/"
            og = {
                "og:site_name": NAME,
                "og:type": "website",
                "og:title": title,
                "og:description": lead,
                "og:url": f"{ORIGIN}{path}",
            }
            head = ghost_head(path, lead, og, None)
            main = page_main(title, lead, bodies.get(slug, text))
            self.files.add(
                path,
                layout(f"{title}", head, f"page-template page-{slug}", main, path, is_post=True),
            )
            self.not_articles.append(path)

    def static(self) -> None:
        self.files.add(
            "/ghost/",
            (
                '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ghost Admin</title>'
                '<meta name="robots" content="noindex, nofollow"></head><body>'
                '<div id="ember-basic-dropdown-wormhole"></div></body></html>\n'
            ),
        )
        self.files.add_bytes(
            "webmentions/receive/index.html", b'{"errors":[{"message":"Not found"}]}\n'
        )
        for rel, data in (
            ("favicon.png", b"\x89PNG\r\n\x1a\n"),
            (LOGO.lstrip("/"), b"\x89PNG\r\n\x1a\n"),
            ("assets/built/screen.css", b".gh-site{min-height:100vh}\n"),
            ("assets/built/main.min.js", b"/* headline */\n"),
            ("public/cards.min.js", b"/* cards */\n"),
            ("public/cards.min.css", b".kg-card{margin:0}\n"),
            ("public/member-attribution.min.js", b"/* attribution */\n"),
        ):
            self.files.add_bytes(rel, data)
        self.files.add_bytes("sitemap.xsl", SITEMAP_XSL.encode())

    def feeds(self) -> None:
        in_feed = sorted([*self.listed, self.special["feed"]], key=_newest)
        descriptions = {s.slug: self.desc(s) for s in in_feed}
        self.files.add("/rss/", rss(in_feed, descriptions))
        in_map = sorted([*self.listed, self.special["sitemap"]], key=_newest)
        newest = max(s.modified or s.published for s in in_map)
        tag_rows = [(f"/tag/{slugify(t)}/", newest, None) for t in self.tags]
        author_rows = [(author_url(p), newest, None) for p in self.people]
        page_rows = [("/", newest, None)] + [(f"/{p}/", newest, None) for p in PAGES]
        self.files.add("/sitemap-posts.xml", posts_sitemap(in_map))
        self.files.add("/sitemap-pages.xml", urlset(page_rows))
        self.files.add("/sitemap-tags.xml", urlset(tag_rows))
        self.files.add("/sitemap-authors.xml", urlset(author_rows))
        self.files.add(
            "/sitemap.xml",
            sitemap_index(
                [("pages", newest), ("posts", newest), ("authors", newest), ("tags", newest)]
            ),
        )
        self.files.add("/robots.txt", robots())
        self.files.add_json(
            "_headers.json",
            {
                "/rss/": {"Content-Type": "application/rss+xml; charset=utf-8"},
                "/webmentions/receive/": {"Content-Type": "application/json; charset=utf-8"},
            },
        )
        # Ghost adds the trailing slash with a 301, as for "/page/2" on the home page.
        self.files.add_json("_redirects.json", {"/page/2": "/page/2/"})

    def build(self) -> dict[str, Any]:
        for index, story in enumerate(self.stories):
            self.post(story, index)
        self.home()
        self.archives()
        self.pages()
        self.static()
        self.feeds()
        expected = {
            "site": "newsletter",
            "timezone": TZ.key,
            "articles": [self.gold(s) for s in self.stories],
            "not_articles": self.not_articles,
            "duplicates": [
                {
                    "path": f"/{self.utm_story.slug}/{UTM}",
                    "canonical_path": post_path(self.utm_story),
                }
            ],
            "disallowed": ["/ghost/", "/webmentions/receive/"],
            "broken_links": [],
            "boilerplate": self.boilerplate(),
        }
        self.files.add_bytes("_expected.json", dump_json(expected).encode("utf-8"))
        return expected

    def gold(self, story: Story) -> dict[str, Any]:
        record = expected_article(story, post_path(story), story.section, image(story))
        record["reachable_only_from"] = story.reach
        return record

    def boilerplate(self) -> list[str]:
        return BOILERPLATE + [s.caption for s in self.stories]


def _newest(story: Story) -> float:
    return -story.published.timestamp()


def build(root: Path = ROOT) -> dict[str, Any]:
    """Write the site into ``root`` (replacing it) and return the gold answers."""
    stories, excerpts = load(HERE / "newsletter_stories.txt")
    site = Newsletter(stories, excerpts)
    check_stories(stories, site.boilerplate(), words=(80, 300))
    expected = site.build()
    site.files.write(root)
    return expected


if __name__ == "__main__":
    result = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
    print(f"newsletter: {len(result['articles'])} articles written to the site folder")
