# ruff: noqa: E501  (HTML templates reproduce the theme's own lines and whitespace)
"""Generate the ``casper`` zoo site: The Wrenport Gazette on Ghost's default theme Casper.

Run ``.venv/bin/python tests/zoo/_build/casper.py`` to rewrite ``tests/zoo/casper``
from ``casper_stories.txt``; the output is deterministic.

Markup: TryGhost/Casper at commit d523a868f3ed2b6df32d487d3f185d282ec9f531 (templates
``default.hbs``, ``post.hbs``, ``index.hbs``, ``tag.hbs``, ``author.hbs``, ``page.hbs``,
``partials/post-card.hbs``, ``partials/lightbox.hbs``, ``partials/icons/*``; see
``casper_theme.py``) and Ghost core's head, feed and sitemap output from TryGhost/Ghost
(``ghost/core/core/frontend/helpers/ghost_head.js``, ``frontend/meta/*``,
``services/rss/generate-feed.js``, ``services/sitemap/*``; see ``casper_ghost.py``).

Ghost's own URL scheme: posts at ``/<slug>/``, ``/tag/<slug>/``, ``/author/<slug>/``,
``/page/2/`` (and ``/tag/<slug>/page/2/``), ``/rss/``, ``/sitemap.xml`` with
``sitemap-pages``, ``-posts``, ``-authors`` and ``-tags``. Dates: the byline's ``<time
datetime="YYYY-MM-DD">`` is the local (America/New_York) date, ``article:published_time``
and JSON-LD carry UTC with ``Z``; the site-added News Feed prints naive local clock times
and the footer says "All times are Eastern Time." Stories span the end of daylight time
(2 Nov 2025), and two were published late in the evening, when the local and UTC dates
differ.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "sites" / "_build"))
sys.path.insert(0, str(HERE))

from casper_ghost import (  # noqa: E402
    PAGINATION,
    UPLOAD,
    GhostSite,
    Head,
    Person,
    Post,
    SignupCard,
    SitemapUrl,
    caption_html,
    ghost_head,
    heading_id,
    load_ghost_stories,
    page_url,
    pagination,
    plaintext,
    reading_time,
    rss,
    signup_card,
    words,
    write_core_files,
    write_images,
    write_sitemaps,
)
from casper_theme import (  # noqa: E402
    TIME_NOTE,
    TZ,
    archive_header,
    article,
    author_header,
    escape_text,
    footer_cta,
    index_body,
    layout,
    listing_body,
    page_body,
    post_card,
    rail,
    read_more,
)
from common import (  # noqa: E402
    SiteFiles,
    check_stories,
    esc,
    expected_article,
    grey_jpeg,
    slugify,
)

ROOT = HERE.parent / "casper"
PER_PAGE = 4  # site customisation: Casper ships with 25
WIDTHS = (300, 600, 1000, 2000)
STAFF = "Gazette Staff"
PAGE_DATE = datetime(2025, 9, 2, 10, 0, tzinfo=TZ)

PEOPLE = [
    Person("Dana Whitlock", "Dana covers housing, tourism and the island ferry.", "Wrenport, NC"),
    Person(
        "Marcus Oyelaran",
        "Marcus covers town hall and the harbor.",
        "Wrenport, NC",
        "https://marcusoyelaran.example",
    ),
    Person(
        "Priya Castellanos",
        "Priya writes about business and the working waterfront.",
        "Wrenport, NC",
    ),
    Person("Tom Beasley", "Tom has covered Herons sports since 2009.", "Carrow County"),
    Person("June Harkavy", "June covers Gannet Island, the weather and wildlife.", "Gannet Island"),
    Person(STAFF, "News from the Wrenport Gazette newsroom."),
]
SITE = GhostSite(
    title="The Wrenport Gazette",
    description="Local news from Wrenport and Gannet Island since 1911.",
    version="6.4",
    facebook="wrenportgazette",
    twitter="@wrenportgazette",
    cover="/content/images/2025/10/wrenport-harbor.jpg",
    people={p.name: p for p in PEOPLE},
    content_key="6f1c2b8e94d0a3f5c7e1b2d4a9",
    tag_descriptions={
        "Town Hall": "Commissioners, budgets, elections and the decisions made at 102 Front Street.",
        "Harbor": "Boats, the ferry and the working waterfront.",
    },
)
IN_BODY = SignupCard(
    header="Get the Morning Tide",
    subheader="Wrenport news before the first ferry, every weekday.",
    disclaimer="No spam. Unsubscribe anytime.",
    label="Morning Tide",
)
RAIL_SIGNUP = (
    "The Weekend Gazette",
    "The week's best stories from Wrenport, every Saturday morning.",
    "Subscribe",
)
PICKS = ("shrimp-prices", "short-term-rental-rules", "noreaster-erosion")
UTM_SLUG, UTM_QUERY = "lighthouse-restoration-grant", "?utm_source=newsletter&utm_medium=email"
OLD_URL, OLD_TARGET = "/2025/10/ferry-winter-hours/", "ferry-winter-schedule"
BOILERPLATE = [
    "News Feed",
    "Editors' Picks",
    "min read",
    "Share",
    "Sign up for more like this.",
    "Enter your email",
    "Powered by Ghost",
    "Photo:",
    TIME_NOTE,
    *IN_BODY.texts(),
    RAIL_SIGNUP[0],
    RAIL_SIGNUP[1],
]


class Casper:
    """Renders every page of the site from the posts."""

    def __init__(self, posts: list[Post]) -> None:
        self.posts = posts
        self.listed = [p for p in posts if p.listed]
        self.special = {p.story.reach: p for p in posts if p.story.reach}
        # The home index is the whole collection; only it carries the "pagination" post.
        self.collection = [p for p in posts if p.listed or p.story.reach == PAGINATION]
        self.by_slug = {p.slug: p for p in posts}
        self.tags = sorted({t for p in posts for t in p.tags})
        self.files = SiteFiles()
        self.content = {p.slug: self.content_html(p) for p in posts}
        self.reading = {p.slug: reading_time(self.content[p.slug]) for p in posts}

    # -- pieces ----------------------------------------------------------

    def content_html(self, post: Post) -> str:
        """The post's HTML as Ghost stores it, a signup card after the second block."""
        parts = []
        for i, block in enumerate(post.story.blocks):
            if i == 2:
                parts.append(signup_card(IN_BODY))
            if block.kind == "h2":
                parts.append(f'<h2 id="{heading_id(block.text)}">{escape_text(block.text)}</h2>')
            else:
                parts.append(f"<p>{escape_text(block.text)}</p>")
        return "".join(parts)

    def excerpt(self, post: Post) -> str:
        return post.excerpt or words(plaintext(self.content[post.slug]), 50)

    def card(self, post: Post, card_class: str = "") -> str:
        return post_card(post, self.reading[post.slug], self.excerpt(post), card_class)

    def page(
        self, path: str, title: str, head: Head, body_class: str, body: str, lightbox: bool = False
    ) -> None:
        html = layout(SITE, title, ghost_head(SITE, head), body_class, path, body, lightbox)
        self.files.add(path, html)

    def paginate(self, base: str, members: list[Post]) -> list[tuple[int, int, list[Post]]]:
        pages = max(1, -(-len(members) // PER_PAGE))
        return [(n, pages, members[(n - 1) * PER_PAGE : n * PER_PAGE]) for n in range(1, pages + 1)]

    # -- pages -----------------------------------------------------------

    def article(self, post: Post, index: int) -> None:
        s = post.story
        others = [p for p in self.listed if p.slug != post.slug]
        news = self.listed[:6]
        picks = [self.by_slug[slug] for slug in PICKS]
        body = article(
            post,
            SITE,
            self.content[post.slug],
            self.reading[post.slug],
            caption_html(s.caption, s.credit),
        )
        body += footer_cta() + "\n\n" + read_more([self.card(p) for p in others[:3]])
        body += rail(news, picks, RAIL_SIGNUP)
        head = Head(
            context="post",
            canonical=post.path,
            title=s.title,
            description=post.excerpt,
            og_description=post.excerpt or words(plaintext(self.content[post.slug]), 50),
            image=post.image(),
            image_size=UPLOAD,
            published=s.published,
            modified=s.modified,
            keywords=s.tags,
            authors=s.authors,
            schema_description=post.excerpt or plaintext(self.content[post.slug])[:500],
        )
        body_class = "post-template " + " ".join(f"tag-{slugify(t)}" for t in s.tags)
        self.page(post.path, s.title, head, body_class, body, lightbox=True)
        write_images(self.files, post, WIDTHS, (None,))

    def home_pages(self) -> list[str]:
        paths = []
        for n, pages, chunk in self.paginate("/", self.collection):
            path = page_url("/", n)
            cards = []
            for i, p in enumerate(chunk):
                extra = ""
                if n == 1:
                    extra = " post-card-large" if i == 0 else " dynamic" if i in (1, 2) else ""
                cards.append(self.card(p, extra))
            head = Head(
                context="home" if n == 1 else "paged",
                canonical=path,
                title=SITE.title,
                description=SITE.description if n == 1 else None,
                image=SITE.cover if n == 1 else None,
                image_size=UPLOAD,
                prev=page_url("/", n - 1) if n > 1 else None,
                next=page_url("/", n + 1) if n < pages else None,
            )
            title = SITE.title if n == 1 else f"{SITE.title} (Page {n})"
            body = index_body(SITE, cards, pagination("/", n, pages), n == 1)
            self.page(path, title, head, "home-template" if n == 1 else "paged", body)
            paths.append(path)
        return paths

    def tag_pages(self) -> list[str]:
        paths = []
        for tag in self.tags:
            base = f"/tag/{slugify(tag)}/"
            members = [p for p in self.listed if tag in p.tags]
            if not members:
                raise ValueError(f"tag {tag!r} has no listed post")
            about = SITE.tag_descriptions.get(tag)
            count = len(members)
            blurb = about or (
                f"A collection of {count} posts" if count > 1 else "A collection of 1 post"
            )
            for n, pages, chunk in self.paginate(base, members):
                path = page_url(base, n)
                head = Head(
                    context="tag" if n == 1 else "paged",
                    canonical=path,
                    title=f"{tag} - {SITE.title}",
                    description=about if n == 1 else None,
                    og_description=about or SITE.description,
                    prev=page_url(base, n - 1) if n > 1 else None,
                    next=page_url(base, n + 1) if n < pages else None,
                    name=tag,
                )
                title = f"{tag} - {SITE.title}" + (f" (Page {n})" if n > 1 else "")
                body = listing_body(
                    archive_header(tag, esc(blurb)),
                    [self.card(p) for p in chunk],
                    pagination(base, n, pages),
                )
                cls = f"tag-template tag-{slugify(tag)}" + (" paged" if n > 1 else "")
                self.page(path, title, head, cls, body)
                paths.append(path)
        return paths

    def author_pages(self) -> list[str]:
        paths = []
        for person in PEOPLE:
            members = [p for p in self.listed if person.name in p.story.authors]
            if not 1 <= len(members) <= 3:
                raise ValueError(f"{person.name}: {len(members)} listed posts")
            head = Head(
                context="author",
                canonical=person.path,
                title=f"{person.name} - {SITE.title}",
                description=person.bio,
                name=person.name,
            )
            body = listing_body(
                author_header(person.name, person.bio, person.location, person.website),
                [self.card(p) for p in members],
                pagination(person.path, 1, 1),
            )
            self.page(
                person.path,
                f"{person.name} - {SITE.title}",
                head,
                f"author-template author-{person.slug}",
                body,
            )
            paths.append(person.path)
        return paths

    def static_page(self, slug: str, title: str, content: str, excerpt: str) -> str:
        path = f"/{slug}/"
        head = Head(
            context="page",
            canonical=path,
            title=title,
            og_description=excerpt,
            published=PAGE_DATE,
            modified=PAGE_DATE,
            authors=(STAFF,),
            schema_description=excerpt,
        )
        self.page(
            path, title, head, f"page-template page-{slug}", page_body(title, content, slug), True
        )
        return path

    def static_pages(self) -> list[str]:
        old = f'<a href="{OLD_URL}">our ferry guide</a>'
        about = (
            "<p>The Wrenport Gazette has covered Wrenport, Gannet Island and the Carrow County "
            "shore since 1911. Our newsroom on Front Street has five reporters and a lot of "
            "opinions about the ferry.</p>"
            "<p>Send news tips to the newsroom or stop by weekdays between 9 and 5. Visitors "
            f"planning a trip to the island can start with {old}.</p>"
            '<p>Staff members can <a href="/ghost/">sign in here</a>.</p>'
        )
        utm = f"/{UTM_SLUG}/{UTM_QUERY}".replace("&", "&amp;")
        newsletter = (
            "<p>The Morning Tide arrives every weekday at 6 a.m. with the headlines, the tide "
            "table and the ferry schedule. The Weekend Gazette collects the week's best stories "
            "on Saturday.</p>"
            + signup_card(IN_BODY)
            + f'<p>From the latest issue: <a href="{utm}">the lighthouse lantern room grant</a>.</p>'
        )
        links = "".join(f'<li><a href="/tag/{slugify(t)}/">{esc(t)}</a></li>' for t in self.tags)
        search = (
            "<p>Search every story we have published since 2019.</p>"
            '<p><button class="gh-button" data-ghost-search>Search the Gazette</button></p>'
            f'<h2 id="browse-by-topic">Browse by topic</h2><ul>{links}</ul>'
        )
        months: dict[str, list[Post]] = {}
        for p in self.listed:
            months.setdefault(p.story.published.astimezone(TZ).strftime("%B %Y"), []).append(p)
        archive = "".join(
            f'<h2 id="{slugify(m)}">{m}</h2><ul>'
            + "".join(f'<li><a href="{p.path}">{esc(p.story.title)}</a></li>' for p in ps)
            + "</ul>"
            for m, ps in months.items()
        )
        return [
            self.static_page(
                "about", "About the Gazette", about, "Who we are and how to reach us."
            ),
            self.static_page(
                "newsletter", "Newsletters", newsletter, "Get the Gazette in your inbox."
            ),
            self.static_page("search", "Search", search, "Search the Wrenport Gazette."),
            self.static_page("archive", "Archive", archive, "Every story, month by month."),
        ]

    def feeds(self, static: list[str]) -> None:
        feed_posts = [p for p in self.posts if p.listed or p.story.reach == "feed"]
        self.files.add("/rss/", rss(SITE, feed_posts, self.content))
        in_map = [p for p in self.posts if p.listed or p.story.reach == "sitemap"]
        newest = max(p.story.modified or p.story.published for p in self.posts)
        write_sitemaps(
            self.files,
            {
                "pages": [SitemapUrl("/", newest, SITE.cover)]
                + [SitemapUrl(s, PAGE_DATE) for s in static],
                "posts": [
                    SitemapUrl(p.path, p.story.modified or p.story.published, p.image())
                    for p in in_map
                ],
                "authors": [SitemapUrl(person.path, PAGE_DATE) for person in PEOPLE],
                "tags": [SitemapUrl(f"/tag/{slugify(t)}/", PAGE_DATE) for t in self.tags],
            },
        )

    def build(self) -> dict[str, Any]:
        for index, post in enumerate(self.posts):
            self.article(post, index)
        listing = self.home_pages() + self.tag_pages() + self.author_pages()
        static = self.static_pages()
        self.feeds(static)
        write_core_files(self.files)
        self.files.add_bytes("assets/built/screen.css", b"/* casper screen.css */\n")
        self.files.add_bytes("assets/built/casper.js", b"/* casper.js */\n")
        self.files.add_bytes(SITE.cover.lstrip("/"), grey_jpeg(*UPLOAD))
        for width in WIDTHS:
            w = min(width, UPLOAD[0])
            self.files.add_bytes(
                SITE.cover.replace("/images/", f"/images/size/w{width}/").lstrip("/"),
                grey_jpeg(w, w * UPLOAD[1] // UPLOAD[0]),
            )
        self.files.add_json(
            "_headers.json", {"/rss/": {"Content-Type": "application/rss+xml; charset=utf-8"}}
        )
        self.files.add_json("_redirects.json", {OLD_URL: f"/{OLD_TARGET}/"})
        expected = {
            "site": "casper",
            "timezone": "America/New_York",
            "articles": [
                expected_article(p.story, p.path, p.primary_tag, p.image(2000)) for p in self.posts
            ],
            "not_articles": listing + static,
            "duplicates": [
                {"path": f"/{UTM_SLUG}/{UTM_QUERY}", "canonical_path": f"/{UTM_SLUG}/"},
                {"path": OLD_URL, "canonical_path": f"/{OLD_TARGET}/"},
            ],
            "disallowed": ["/ghost/"],
            "broken_links": [],
            "boilerplate": BOILERPLATE + [p.story.caption for p in self.posts],
        }
        self.files.add_json("_expected.json", expected)
        return expected


def build(root: Path = ROOT) -> dict[str, Any]:
    """Write the site into ``root`` (replacing it) and return the gold answers."""
    posts = load_ghost_stories(HERE / "casper_stories.txt", TZ)
    stories = [p.story for p in posts]
    check_stories(stories, [*BOILERPLATE, *(s.caption for s in stories)], words=(80, 300))
    site = Casper(posts)
    expected = site.build()
    site.files.write(root)
    return expected


if __name__ == "__main__":
    result = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
    print(f"casper: {len(result['articles'])} articles written to the site folder")
