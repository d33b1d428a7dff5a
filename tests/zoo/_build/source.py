# ruff: noqa: E501  (HTML templates reproduce the theme's own lines and whitespace)
"""Generate the ``source`` zoo site: The Lypova Independent on Ghost's theme Source.

Run ``.venv/bin/python tests/zoo/_build/source.py`` to rewrite ``tests/zoo/source``
from ``source_stories.txt``; the output is deterministic.

Markup: TryGhost/Source at commit a8967d2e095e2458da14d24212e0cbe8c1710897 (templates
``default.hbs``, ``home.hbs``, ``index.hbs``, ``post.hbs``, ``tag.hbs``, ``author.hbs``,
``page.hbs`` and the ``partials/components/*``, ``post-card``, ``email-subscription``,
``feature-image`` and ``lightbox`` partials; see ``source_theme.py``), Ghost core's head,
feed and sitemap output from TryGhost/Ghost (see ``casper_ghost.py``), and the page shape
of the Kyiv Independent, a Ghost site: short news stories, a byline with a
``byline-prefix`` span, an AI audio line, "2 min read", a News Feed list, a "MORE NEWS"
grid and Editors' Picks under each story, several newsletter boxes.

Dates: the byline's ``<time>`` holds a naive local time (``2025-11-04T17:30``) and the
News Feed prints clock times; the footer says "All times are Kyiv time." and a code-
injected ``window.__SITE_CONFIG__`` names Europe/Kyiv; ``article:published_time`` and
JSON-LD carry UTC with ``Z``. Stories span the end of summer time (26 Oct 2025).
Source's own paging: ``/page/2/`` repeats the newest posts before its own, and later
pages (and a tag's page 2) are linked only by ``<link rel="next">``.
"""

from __future__ import annotations

import html
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
    plaintext,
    reading_time,
    rss,
    signup_card,
    words,
    write_core_files,
    write_images,
    write_sitemaps,
)
from common import SiteFiles, check_stories, esc, expected_article, grey_jpeg, slugify  # noqa: E402
from source_theme import (  # noqa: E402
    ARTICLE_WIDTHS,
    AUDIO_NOTE,
    CARD_WIDTHS,
    SITE_CONFIG,
    TIME_NOTE,
    TZ,
    archive_section,
    article,
    article_footer,
    container,
    landing_header,
    layout,
    naive,
    news_feed,
    page_body,
    post_card,
    post_list,
)

ROOT = HERE.parent / "source"
PER_PAGE = 6  # site customisation: Source ships with 12
DESK = "The Lypova Independent news desk"
PAGE_DATE = datetime(2025, 9, 15, 12, 0, tzinfo=TZ)

PEOPLE = [
    Person(
        "Oksana Fedoriv",
        "Oksana covers the city council, energy and the war's effect on Lypova.",
        "Lypova",
        role="Senior Correspondent",
    ),
    Person(
        "Taras Melnychuk", "Taras covers health, volunteers and sport.", "Lypova", role="Reporter"
    ),
    Person(
        "Iryna Kostiuk",
        "Iryna writes about schools, veterans and social policy.",
        "Lypova",
        role="Education Reporter",
    ),
    Person(
        "Andrii Savchuk",
        "Andrii covers business, transport and the river port.",
        "Lypova",
        "https://andriisavchuk.example",
        role="Business Reporter",
    ),
    Person(
        "Maryna Horobets",
        "Maryna covers culture and city life.",
        "Lypova",
        role="Culture Desk Lead",
    ),
    Person(DESK, "Breaking news and short reports from the newsroom of The Lypova Independent."),
]
SITE = GhostSite(
    title="The Lypova Independent",
    description="Independent news from Lypova and the region, in English.",
    version="6.4",
    facebook="lypovaindependent",
    twitter="@LypovaIndep",
    cover="/content/images/2025/09/lypova-embankment.jpg",
    people={p.name: p for p in PEOPLE},
    content_key="b7d20c4e19f3a8e65c0d1f2a7e",
    code_injection=SITE_CONFIG,
    tag_descriptions={
        "News": "The latest news from Lypova and the region.",
        "Business": "Companies, jobs and money in Lypova.",
    },
)
IN_BODY = SignupCard(
    header="Lypova Morning Brief",
    subheader="The most important news from Lypova, every morning at 8.",
    disclaimer="We respect your privacy. Unsubscribe at any time.",
    label="Morning Brief",
)
AFTER_BOX = (
    "The Lypova Weekly",
    "The week's stories that mattered most, in one email every Sunday.",
)
FOOTER_SIGNUP = (
    "Get The Lypova Independent in your inbox",
    "Daily news from Lypova and the region, free.",
)
INLINE = {  # slug: (block index the image card follows, caption)
    "heating-season-start": (
        3,
        "Modular boiler houses installed in the Zarichnyi district this summer.",
    ),
    "budget-2026-hearing": (4, "Residents at the public discussion of the draft budget on Nov. 4."),
}
PICKS = ("theatre-shelter-stage", "veterans-coffee-shop", "school-shelters-ready")
UTM_SLUG, UTM_QUERY = (
    "electric-buses-arrive",
    "?utm_source=newsletter&utm_medium=email&utm_campaign=weekly",
)
OLD_URL, OLD_TARGET = "/news/2025/10/river-port-grain/", "river-port-grain"
BOILERPLATE = [
    "News Feed",
    "MORE NEWS",
    "Editors' Picks",
    "min read",
    "Share",
    "Photo:",
    AUDIO_NOTE,
    TIME_NOTE,
    "Email sent",
    "Powered by",
    "Reporter",
    "Senior Correspondent",
    "Culture Desk Lead",
    *IN_BODY.texts(),
    *AFTER_BOX,
    *FOOTER_SIGNUP,
    *(caption for _, caption in INLINE.values()),
]
MP3_FRAME = b"\xff\xfb\x90\x64" + bytes(413)  # one silent MPEG-1 Layer III frame


class Source:
    """Renders every page of the site from the posts."""

    def __init__(self, posts: list[Post]) -> None:
        self.posts = posts
        self.listed = [p for p in posts if p.listed]
        self.collection = [p for p in posts if p.listed or p.story.reach == PAGINATION]
        self.by_slug = {p.slug: p for p in posts}
        self.tags = sorted({t for p in posts for t in p.tags})
        self.files = SiteFiles()
        self.content = {p.slug: self.content_html(p) for p in posts}
        self.reading = {p.slug: reading_time(self.content[p.slug]) for p in posts}

    def inline_image(self, post: Post, kind: str = "") -> str:
        stamp = post.story.published.strftime("%Y/%m")
        size = f"size/w{kind}/" if kind else ""
        return f"/content/images/{size}{stamp}/{post.slug}-inline.jpg"

    def content_html(self, post: Post) -> str:
        """Post HTML: a signup card after the second block, an image card in two stories."""
        parts = []
        after, caption = INLINE.get(post.slug, (-1, ""))
        for i, block in enumerate(post.story.blocks):
            if i == 2:
                parts.append(signup_card(IN_BODY, "#FFF4D6"))
            if block.kind == "h2":
                parts.append(
                    f'<h2 id="{heading_id(block.text)}">{html.escape(block.text, quote=False)}</h2>'
                )
            else:
                parts.append(f"<p>{html.escape(block.text, quote=False)}</p>")
            if i == after:
                parts.append(
                    f'<figure class="kg-card kg-image-card kg-card-hascaption"><img src="{self.inline_image(post)}" '
                    f'class="kg-image" alt="" loading="lazy" width="1200" height="800" '
                    f'srcset="{self.inline_image(post, "600")} 600w, {self.inline_image(post, "1000")} 1000w, '
                    f'{self.inline_image(post)} 1200w" sizes="(min-width: 720px) 720px">'
                    f'<figcaption><span style="white-space: pre-wrap;">{esc(caption)}</span></figcaption></figure>'
                )
        return "".join(parts)

    def excerpt(self, post: Post) -> str:
        return post.excerpt or words(plaintext(self.content[post.slug]), 50)

    def card(self, post: Post, lazy: bool = True) -> str:
        return post_card(post, self.excerpt(post), lazy)

    def page(
        self, path: str, title: str, head: Head, body_class: str, body: str, lightbox: bool = False
    ) -> None:
        html = layout(
            SITE, title, ghost_head(SITE, head), body_class, path, body, FOOTER_SIGNUP, lightbox
        )
        self.files.add(path, html)

    def chunks(self, members: list[Post]) -> list[list[Post]]:
        return [members[i : i + PER_PAGE] for i in range(0, len(members), PER_PAGE)] or [[]]

    # -- pages -----------------------------------------------------------

    def article(self, post: Post) -> None:
        s = post.story
        others = [p for p in self.listed if p.slug != post.slug]
        after = article_footer(post, SITE, AFTER_BOX)
        main = article(
            post,
            SITE,
            self.content[post.slug],
            self.reading[post.slug],
            caption_html(s.caption, s.credit),
            after,
        )
        picks = [self.by_slug[slug] for slug in PICKS]
        body = main + news_feed(self.listed[:6])
        body += container("MORE NEWS", [self.card(p) for p in others[:4]])
        body += container("Editors' Picks", [self.card(p) for p in picks], "list")
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
        write_images(self.files, post, sorted({*CARD_WIDTHS, *ARTICLE_WIDTHS}), (None,))
        write_images_webp(self.files, post)
        self.files.add_bytes(
            f"content/media/{s.published.strftime('%Y/%m')}/{post.slug}.mp3", MP3_FRAME
        )
        if post.slug in INLINE:
            self.files.add_bytes(self.inline_image(post).lstrip("/"), grey_jpeg(1200, 800))
            for w, h in ((600, 400), (1000, 666)):
                self.files.add_bytes(self.inline_image(post, str(w)).lstrip("/"), grey_jpeg(w, h))

    def index_pages(self) -> list[str]:
        """``home.hbs`` at ``/`` and ``index.hbs`` at ``/page/N/``."""
        chunks = self.chunks(self.collection)
        paths = []
        for n, chunk in enumerate(chunks, start=1):
            path = page_url("/", n)
            nxt = page_url("/", n + 1) if n < len(chunks) else None
            prev = page_url("/", n - 1) if n > 1 else None
            if n == 1:
                body = landing_header(SITE) + post_list(
                    [self.card(p) for p in chunk], "Latest", len(chunks) > 1
                )
                head = Head(
                    context="home",
                    canonical=path,
                    title=SITE.title,
                    description=SITE.description,
                    image=SITE.cover,
                    image_size=UPLOAD,
                    next=nxt,
                )
                self.page(path, SITE.title, head, "home-template", body)
            else:
                recent = [self.card(p, False) for p in chunks[0]] if n == 2 else []
                cards = recent + [self.card(p) for p in chunk]
                body = (
                    '<main class="gh-main">\n    ' + post_list(cards, "Latest", True) + "</main>\n"
                )
                head = Head(context="paged", canonical=path, title=SITE.title, prev=prev, next=nxt)
                self.page(path, f"{SITE.title} (Page {n})", head, "paged", body)
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
            chunks = self.chunks(members)
            for n, chunk in enumerate(chunks, start=1):
                path = page_url(base, n)
                head = Head(
                    context="tag" if n == 1 else "paged",
                    canonical=path,
                    title=f"{tag} - {SITE.title}",
                    description=about if n == 1 else None,
                    og_description=about or SITE.description,
                    prev=page_url(base, n - 1) if n > 1 else None,
                    next=page_url(base, n + 1) if n < len(chunks) else None,
                    name=tag,
                )
                body = (
                    '<main class="gh-main gh-outer">\n\n'
                    + archive_section(tag, about)
                    + post_list([self.card(p) for p in chunk], None, len(chunks) > 1)
                    + "\n</main>\n"
                )
                title = f"{tag} - {SITE.title}" + (f" (Page {n})" if n > 1 else "")
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
            meta = (
                '\n                    <footer class="gh-author-meta">\n                        '
                '<div class="gh-author-social">\n                        </div>\n'
                f'                            <div class="gh-author-location">{esc(person.location)}</div>\n'
                "                    </footer>"
                if person.location
                else ""
            )
            body = (
                '<main class="gh-main gh-outer">\n\n'
                + archive_section(person.name, person.bio, meta)
                + post_list([self.card(p) for p in members], None, False)
                + "\n</main>\n"
            )
            head = Head(
                context="author",
                canonical=person.path,
                title=f"{person.name} - {SITE.title}",
                description=person.bio,
                name=person.name,
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
            authors=(DESK,),
            schema_description=excerpt,
        )
        self.page(
            path, title, head, f"page-template page-{slug}", page_body(title, None, content), True
        )
        return path

    def static_pages(self) -> list[str]:
        about = (
            "<p>The Lypova Independent is a reader-funded newsroom founded in 2022 by journalists "
            "from the city's former evening paper. We publish in English so that the world can "
            "follow what happens in a front-line region far from the capital.</p>"
            f'<p>Our coverage of the river port began with <a href="{OLD_URL}">this story</a>.</p>'
            '<p>Staff can <a href="/ghost/">sign in to the newsroom</a>.</p>'
        )
        utm = f"/{UTM_SLUG}/{UTM_QUERY}".replace("&", "&amp;")
        newsletters = (
            "<p>Choose the Morning Brief for the day's news at 8 a.m., or the Lypova Weekly for a "
            "Sunday round-up.</p>"
            + signup_card(IN_BODY, "#FFF4D6")
            + f'<p>In this week\'s issue: <a href="{utm}">the first electric buses</a>.</p>'
        )
        links = "".join(f'<li><a href="/tag/{slugify(t)}/">{esc(t)}</a></li>' for t in self.tags)
        search = (
            "<p>Search all our reporting since 2022.</p>"
            '<p><button class="gh-button" data-ghost-search>Search The Lypova Independent</button></p>'
            f'<h2 id="topics">Topics</h2><ul>{links}</ul>'
        )
        days: dict[str, list[Post]] = {}
        for p in self.listed:
            local = p.story.published.astimezone(TZ)
            days.setdefault(f"{local.strftime('%B')} {local.day}, {local.year}", []).append(p)
        feed = "".join(
            f'<h2 id="{slugify(day)}">{day}</h2><ul class="gh-news-feed-list">'
            + "".join(
                f'<li><time datetime="{naive(p)[0]}">{naive(p)[1].rsplit(" ", 2)[-2]} '
                f'{naive(p)[1].rsplit(" ", 1)[-1]}</time> <a href="{p.path}">{esc(p.story.title)}</a></li>'
                for p in ps
            )
            + "</ul>"
            for day, ps in days.items()
        )
        return [
            self.static_page("about", "About us", about, "Who we are and how we work."),
            self.static_page("newsletters", "Newsletters", newsletters, "Our free newsletters."),
            self.static_page("search", "Search", search, "Search The Lypova Independent."),
            self.static_page("news-feed", "News Feed", feed, "All the latest news from Lypova."),
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
        for post in self.posts:
            self.article(post)
        listing = self.index_pages() + self.tag_pages() + self.author_pages()
        static = self.static_pages()
        self.feeds(static)
        write_core_files(self.files)
        for name in ("built/screen.css", "built/source.js", "fonts/inter-roman.woff2"):
            self.files.add_bytes(f"assets/{name}", f"/* source {name} */\n".encode())
        self.files.add_bytes(SITE.cover.lstrip("/"), grey_jpeg(*UPLOAD))
        self.files.add_json(
            "_headers.json", {"/rss/": {"Content-Type": "application/rss+xml; charset=utf-8"}}
        )
        self.files.add_json("_redirects.json", {OLD_URL: f"/{OLD_TARGET}/"})
        expected = {
            "site": "source",
            "timezone": "Europe/Kyiv",
            "articles": [
                expected_article(p.story, p.path, p.primary_tag, p.image(1200)) for p in self.posts
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


def write_images_webp(files: SiteFiles, post: Post) -> None:
    """The ``/format/webp/`` copies named by the post cards' srcset."""
    for width in CARD_WIDTHS:
        w = min(width, UPLOAD[0])
        files.add_bytes(
            post.image(width, "webp").lstrip("/"), grey_jpeg(w, w * UPLOAD[1] // UPLOAD[0])
        )


def build(root: Path = ROOT) -> dict[str, Any]:
    """Write the site into ``root`` (replacing it) and return the gold answers."""
    posts = load_ghost_stories(HERE / "source_stories.txt", TZ)
    stories = [p.story for p in posts]
    check_stories(stories, [*BOILERPLATE, *(s.caption for s in stories)], words=(80, 300))
    site = Source(posts)
    expected = site.build()
    site.files.write(root)
    return expected


if __name__ == "__main__":
    result = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
    print(f"source: {len(result['articles'])} articles written to the site folder")
