"""Generate the ``newspack`` zoo site: WordPress + the Newspack theme, Yoast SEO, Jetpack.

Run ``.venv/bin/python tests/zoo/_build/newspack.py`` to rewrite ``tests/zoo/newspack/``
from ``newspack_stories.txt``; the output is deterministic.

The Riverbend Beacon, an invented nonprofit newsroom (America/Chicago). Modelled on
Automattic/newspack-theme 822afcdf3bd70d0bd951e6976ad56c07f4a256b2, Automattic/newspack-blocks
bcbe089711e4b7e8a9e88edddb245866b5e32bdb, Automattic/newspack-newsletters
49450d32c206435a60e0fbab36f179d75ee2bf46 (templates listed in ``newspack_page.py``) and
Yoast/wordpress-seo schema generators, WordPress core feeds and Jetpack blocks (listed in
``newspack_wp.py``). What the pages carry, as such a site renders them:

- posts at ``/YYYY/MM/DD/slug/`` (local date): ``single.php`` with the Yoast
  breadcrumb, ``entry-header`` (category, h1, Newspack subtitle, Co-Authors Plus byline
  "by A, B and C", ``<time>`` with a -06:00 offset and a naive local text date), the
  large featured image in ``figure.post-thumbnail`` + ``figcaption`` with an image credit,
  Jetpack share buttons, a Newspack Newsletters sign-up block between paragraphs, the
  "article-2" widget area inside ``.entry-content`` (Jetpack Related Posts block, a second
  sign-up block and a homepage-posts block headed "MORE NEWS"), tags, one author box per
  author with the trust-indicators job title, and a sidebar with "News Feed" (core Latest
  Posts block) and a donation box;
- Yoast's JSON-LD ``@graph`` (Article with a list of Person refs, WebPage, ImageObject,
  BreadcrumbList, WebSite, Organization, Persons; CollectionPage / ProfilePage /
  SearchResultsPage on archives), og:* and article:* tags, twitter labels;
- a static front page of homepage-posts blocks (lead, grid, "Editors' Picks");
  ``/category/<slug>/`` with ``/page/2/``, ``/tag/<slug>/``, ``/author/<slug>/``,
  ``/latest/`` (the posts page, ``index.php``), ``/?s=levee``, ``/about/``, ``/newsletters/``;
- ``/feed/`` RSS 2.0 with ``content:encoded``, category feeds, ``/comments/feed/``; Yoast's
  ``/sitemap_index.xml`` (``/wp-sitemap.xml`` redirects there); ``robots.txt``;
- the time zone in core's inline ``wp.date.setSettings`` script ("America/Chicago").

Hidden stories: ``reach: sitemap`` is only in ``post-sitemap.xml``, ``reach: feed`` only in
``/feed/``, and ``reach: more_news`` only on ``/category/news/page/2/`` (the second page of
a paginated listing).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "sites" / "_build"))

# The folders are not packages: the modules import each other by path.
from common import (  # noqa: E402
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
from newspack_page import (  # noqa: E402
    CREDIT_LABEL,
    DONATE_PITCH,
    NEWSLETTER,
    NEWSLETTER_PITCH,
    Author,
    BlockPost,
    author_bio,
    breadcrumb_html,
    cat_links,
    footer,
    head,
    homepage_block,
    latest_posts_widget,
    post_classes,
    posted_by,
    posted_on,
    subscribe_block,
    thumbnail,
    title_of,
)
from newspack_listings import (  # noqa: E402
    ABOUT_FOOTER,
    AUTHORS,
    OLD_SLUG,
    UTM,
    NewspackListings,
)
from newspack_wp import (  # noqa: E402
    texturize,
    wptx,
    NAME,
    TZ,
    breadcrumb_piece,
    gmt,
    json_graph,
    organization_piece,
    person_id,
    person_piece,
    reading_minutes,
    related_posts,
    share_buttons,
    website_piece,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent / "newspack"
BOILERPLATE = [
    "News Feed",
    "MORE NEWS",
    "Editors' Picks",
    "Related",
    NEWSLETTER,
    NEWSLETTER_PITCH,
    DONATE_PITCH,
    "Support local news",
    "Subscribe for free",
    "Sign up",
    "Email Address",
    "Thank you for signing up!",
    "Share this:",
    "Click to share on",
    "Click to email a link",
    "More by",
    "Tagged:",
    "Posted in",
    CREDIT_LABEL,
    "Powered by Newspack",
    ABOUT_FOOTER,
    *sorted({a.role for a in AUTHORS.values()}),
]


def extra_meta(path: Path) -> dict[str, dict[str, str]]:
    """The story-file keys ``common.load_stories`` does not keep (standfirst, also)."""
    found: dict[str, dict[str, str]] = {}
    for chunk in re.split(r"^=== ", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
        head_, _, _ = chunk.partition("\n---\n")
        lines = head_.strip().splitlines()
        found[lines[0].strip()] = dict(line.split(": ", 1) for line in lines[1:])
    return found


class Newspack(NewspackListings):
    """Renders every page of the site from the stories."""

    def __init__(self, stories: list[Story], meta: dict[str, dict[str, str]]) -> None:
        self.stories = stories
        self.meta = meta
        self.listed = [s for s in stories if s.listed]
        self.special = {s.reach: s for s in stories if s.reach}
        oldest_first = sorted(stories, key=lambda s: s.published)
        self.ids = {s.slug: 1180 + 7 * n for n, s in enumerate(oldest_first)}
        self.picks = [self.listed[i] for i in (2, 5, 8)]
        self.files = SiteFiles()
        self.not_articles: list[str] = []

    # -- facts about a story -----------------------------------------------

    def path(self, s: Story) -> str:
        local = s.published.astimezone(TZ)
        return f"/{local:%Y/%m/%d}/{s.slug}/"

    def url(self, s: Story) -> str:
        return ORIGIN + self.path(s)

    def image(self, s: Story) -> str:
        return f"{ORIGIN}/wp-content/uploads/{s.published.astimezone(TZ):%Y/%m}/{s.slug}.jpg"

    def categories(self, s: Story) -> list[str]:
        also = self.meta[s.slug].get("also")
        return [s.section or "News", *([also] if also else [])]

    def authors(self, s: Story) -> list[Author]:
        return [AUTHORS[name] for name in s.authors]

    def standfirst(self, s: Story) -> str | None:
        return self.meta[s.slug].get("standfirst")

    def excerpt(self, s: Story) -> str:
        """WordPress's automatic excerpt: the first 55 words and ``[&hellip;]``."""
        words = " ".join(b.text for b in s.blocks if b.kind == "p").split()
        return " ".join(words[:55]) + (" [&hellip;]" if len(words) > 55 else "")

    def block_post(self, s: Story) -> BlockPost:
        return BlockPost(s, self.url(s), self.ids[s.slug], self.authors(s), self.image(s),
                         self.standfirst(s) or self.excerpt(s).replace(" [&hellip;]", "&hellip;"))

    def in_category(self, name: str) -> list[Story]:
        return [s for s in self.listed if name in self.categories(s)]

    # -- chrome -------------------------------------------------------------

    def page(self, path: str, html: str) -> None:
        self.files.add(path, html)
        if "?" in path or not re.match(r"^/\d{4}/", path):
            self.not_articles.append(path)

    def sidebar(self) -> str:
        rows = [(self.url(s), s.title, s.published) for s in self.listed[:7]]
        return f'<aside id="secondary" class="widget-area">\n\t{latest_posts_widget(rows)}</aside><!-- #secondary -->\n'

    def foot(self) -> str:
        return footer(f"<p>{esc(ABOUT_FOOTER)}</p>\n<p><a href=\"{ORIGIN}/about/\">About us</a></p>\n")

    def collection_head(self, path: str, title: str, kind: Any, trail: list[tuple[str, str | None]],
                        body: str, extra: str = "", index: bool = True, about: Any = None,
                        pieces: list[dict[str, Any]] | None = None) -> str:
        url = ORIGIN + path
        webpage: dict[str, Any] = {
            "@type": kind,
            "@id": url,
            "url": url,
            "name": title,
            "isPartOf": {"@id": f"{ORIGIN}/#website"},
        }
        if about is not None:
            webpage["about"] = about
        else:
            webpage["breadcrumb"] = {"@id": f"{url}#breadcrumb"}
        webpage["inLanguage"] = "en-US"
        graph = [webpage]
        if about is None:
            graph.append(breadcrumb_piece(url, trail))
        graph += [website_piece(), organization_piece(), *(pieces or [])]
        og = "article" if about is not None else "website"
        yoast = (
            f'\t<meta property="og:locale" content="en_US" />\n'
            f'\t<meta property="og:type" content="{og}" />\n'
            f'\t<meta property="og:title" content="{esc(title)}" />\n'
            f'\t<meta property="og:url" content="{url}" />\n'
            f'\t<meta property="og:site_name" content="{NAME}" />\n'
            '\t<meta name="twitter:card" content="summary_large_image" />\n'
            '\t<meta name="twitter:site" content="@riverbendbeacon" />\n'
            f"\t{json_graph(graph)}\n"
        )
        return head(title, path.split("?")[0] if index else path, body, yoast, extra, index)

    # -- articles -------------------------------------------------------------

    def yoast_article(self, s: Story) -> str:
        url, img = self.url(s), self.image(s)
        names = ", ".join(s.authors)
        desc = self.standfirst(s) or self.excerpt(s).replace(" [&hellip;]", "...")
        people = [person_piece(a.slug, a.name, a.bio) for a in self.authors(s)]
        title = title_of(s.title)
        words = sum(len(b.text.split()) for b in s.blocks)
        modified = s.modified or s.published
        graph: list[dict[str, Any]] = [
            {
                "@type": "Article",
                "@id": f"{url}#article",
                "isPartOf": {"@id": url},
                "author": [{"@id": person_id(a.slug)} for a in self.authors(s)],
                "headline": s.title,
                "datePublished": gmt(s.published),
                "dateModified": gmt(modified),
                "mainEntityOfPage": {"@id": url},
                "wordCount": words,
                "publisher": {"@id": f"{ORIGIN}/#organization"},
                "image": {"@id": f"{url}#primaryimage"},
                "thumbnailUrl": img,
                "keywords": list(s.tags),
                "articleSection": self.categories(s),
                "inLanguage": "en-US",
            },
            {
                "@type": "WebPage",
                "@id": url,
                "url": url,
                "name": title,
                "isPartOf": {"@id": f"{ORIGIN}/#website"},
                "primaryImageOfPage": {"@id": f"{url}#primaryimage"},
                "image": {"@id": f"{url}#primaryimage"},
                "thumbnailUrl": img,
                "datePublished": gmt(s.published),
                "dateModified": gmt(modified),
                "description": desc,
                "breadcrumb": {"@id": f"{url}#breadcrumb"},
                "inLanguage": "en-US",
                "potentialAction": [{"@type": "ReadAction", "target": [url]}],
            },
            {
                "@type": "ImageObject",
                "inLanguage": "en-US",
                "@id": f"{url}#primaryimage",
                "url": img,
                "contentUrl": img,
                "width": 1200,
                "height": 800,
                "caption": s.caption,
            },
            breadcrumb_piece(url, self.trail(s)),
            website_piece(),
            organization_piece(),
            *people,
        ]
        minutes = reading_minutes(s)
        lines = []
        if self.standfirst(s):
            lines.append(f'<meta name="description" content="{esc(desc)}" />')
        lines += [
            '<meta property="og:locale" content="en_US" />',
            '<meta property="og:type" content="article" />',
            f'<meta property="og:title" content="{esc(title)}" />',
            f'<meta property="og:description" content="{esc(desc)}" />',
            f'<meta property="og:url" content="{url}" />',
            f'<meta property="og:site_name" content="{NAME}" />',
            '<meta property="article:publisher" content="https://www.facebook.com/riverbendbeacon" />',
            f'<meta property="article:published_time" content="{gmt(s.published)}" />',
        ]
        if s.modified:
            lines.append(f'<meta property="article:modified_time" content="{gmt(s.modified)}" />')
        lines += [
            f'<meta property="og:image" content="{img}" />',
            '<meta property="og:image:width" content="1200" />',
            '<meta property="og:image:height" content="800" />',
            '<meta property="og:image:type" content="image/jpeg" />',
            f'<meta name="author" content="{esc(names)}" />',
            '<meta name="twitter:card" content="summary_large_image" />',
            '<meta name="twitter:site" content="@riverbendbeacon" />',
            '<meta name="twitter:label1" content="Written by" />',
            f'<meta name="twitter:data1" content="{esc(names)}" />',
            '<meta name="twitter:label2" content="Est. reading time" />',
            f'<meta name="twitter:data2" content="{minutes} minute{"s" if minutes > 1 else ""}" />',
            json_graph(graph),
        ]
        return "".join(f"\t{line}\n" for line in lines)

    def trail(self, s: Story) -> list[tuple[str, str | None]]:
        section = s.section or "News"
        return [("Home", f"{ORIGIN}/"), (section, f"{ORIGIN}/category/{slugify(section)}/"),
                (s.title, None)]

    def body(self, s: Story) -> str:
        parts = []
        paragraphs = 0
        for block in s.blocks:
            if block.kind == "h2":
                parts.append(f'<h2 class="wp-block-heading">{wptx(block.text)}</h2>')
                continue
            parts.append(f"<p>{wptx(block.text)}</p>")
            paragraphs += 1
            if paragraphs == 2:
                parts.append(subscribe_block(s.slug + "-inline"))
        return "\n\n\n\n".join(parts) + "\n"

    def related(self, s: Story) -> list[Story]:
        """Jetpack's three related posts: same category first, then the newest others."""
        others = [o for o in self.listed if o.slug != s.slug]
        same = [o for o in others if o.section == s.section]
        rest = [o for o in others if o not in same]
        return (same + rest)[:3]

    def more_news(self, s: Story) -> list[Story]:
        taken = {s.slug, *(o.slug for o in self.related(s))}
        return [o for o in self.listed if o.slug not in taken][:4]

    def article(self, s: Story) -> None:
        post_id, url, authors = self.ids[s.slug], self.url(s), self.authors(s)
        sub = self.standfirst(s)
        cats = self.categories(s)
        body_class = (
            f"post-template-default single single-post postid-{post_id} single-format-standard "
            "wp-embed-responsive singular has-featured-image single-featured-image-default "
            "h-nsub h-db h-ll h-dh has-sidebar " + " ".join(f"cat-{slugify(c)}" for c in cats)
            + (" show-updated" if s.modified else "")
        )
        subtitle = f'\n\t\t<div class="newspack-post-subtitle">\n\t\t\t{wptx(sub)}\t\t</div>' if sub else ""
        h1_class = "entry-title entry-title--with-subtitle" if sub else "entry-title "
        related = [(self.url(o), o.title, o.published, f'In "{o.section}"') for o in self.related(s)]
        more = homepage_block([self.block_post(o) for o in self.more_news(s)],
                              "ts-3 show-category", header="MORE NEWS", image=False)
        tags = '<span class="sep">,&nbsp;</span>'.join(
            f'<a href="{ORIGIN}/tag/{slugify(t)}/" rel="tag">{esc(t)}</a>' for t in s.tags
        )
        bios = "".join(author_bio(a) for a in authors)
        inner = f"""{breadcrumb_html(self.trail(s))}
	<div id="content" class="site-content">

	<section id="primary" class="content-area {' '.join(f'category-{slugify(c)}' for c in cats)} {' '.join(f'tag-{slugify(t)}' for t in s.tags)}">
		<main id="main" class="site-main">


	<header class="entry-header">
		{cat_links(s.section or "News")}		<h1 class="{h1_class}">
			{wptx(s.title)}		</h1>{subtitle}
		<div class="entry-subhead">
							<div class="entry-meta">
					{posted_by(authors)}{posted_on(s, None)}				</div><!-- .meta-info -->
			{share_buttons(post_id, url, s.title)}	</div>
	</header>


			<figure class="post-thumbnail">

				{thumbnail(self.image(s), "", "newspack-featured-image", False)}			<figcaption><span>{esc(s.caption)} <span class="image-credit"><span class="credit-label-wrapper">{CREDIT_LABEL}</span> {esc(s.credit)} / {NAME}</span></span></figcaption>

			</figure><!-- .post-thumbnail -->

						<div class="main-content">


<article id="post-{post_id}" class="{post_classes(s, post_id, cats)}">
	<div class="entry-content">

		{self.body(s)}<section id="block-7" class="below-content widget widget_block">{related_posts(post_id, related)}</section><section id="block-8" class="below-content widget widget_block">{subscribe_block(s.slug + "-below")}</section><section id="block-9" class="below-content widget widget_block">{more}</section>	</div><!-- .entry-content -->

	<footer class="entry-footer">
		<span class="tags-links"><span>Tagged: </span>{tags}</span>	</footer><!-- .entry-footer -->
{bios}
</article><!-- #post-${{ID}} -->
				</div><!-- .main-content -->

			{self.sidebar()}
		</main><!-- #main -->
	</section><!-- #primary -->
"""
        extra = (
            f"<link rel='shortlink' href='https://wp.me/pc8Qx2-{post_id:x}' />\n"
        )
        html = head(title_of(s.title), self.path(s), body_class, self.yoast_article(s), extra)
        self.files.add(self.path(s), html + inner + self.foot())
        local = s.published.astimezone(TZ)
        stem = f"wp-content/uploads/{local:%Y/%m}/{s.slug}"
        width = 1200 - 8 * (post_id % 10)
        self.files.add_bytes(f"{stem}.jpg", grey_jpeg(width, 800))
        self.files.add_bytes(f"{stem}-300x200.jpg", grey_jpeg(300, 200))
        self.files.add_bytes(f"{stem}-768x512.jpg", grey_jpeg(768, 512))

    # -- listings ------------------------------------------------------------

    # -- feeds, sitemaps, robots ---------------------------------------------------

    def assets(self) -> None:
        for rel in ("wp-includes/css/dist/block-library/style.min.css",
                    "wp-content/plugins/newspack-blocks/dist/block_styles.css",
                    "wp-content/themes/newspack-theme/style.css"):
            self.files.add_bytes(rel, b"/* stylesheet */\n")
        for rel in ("wp-includes/js/dist/date.min.js",
                    "wp-content/plugins/newspack-newsletters/dist/subscribeBlock.js"):
            self.files.add_bytes(rel, b"/* script */\n")
        self.files.add_bytes("wp-content/uploads/2023/05/beacon-logo.png", PNG_1X1)
        self.files.add_bytes("wp-content/uploads/2023/05/cropped-beacon-icon-32x32.png", PNG_1X1)

    def gold(self, s: Story) -> dict[str, Any]:
        """The gold record; title and paragraphs as ``wptexturize()`` shows them."""
        record = expected_article(s, self.path(s), s.section, self.image(s).replace(ORIGIN, ""))
        record["title"] = texturize(s.title)
        # WordPress always has a modified time: unedited posts state it equal to the published
        # one (Yoast ``dateModified``, Twenty Seventeen ``class="entry-date published updated"``).
        record["modified_at"] = record["modified_at"] or record["published_at"]
        record["paragraphs"] = [texturize(p) for p in record["paragraphs"]]
        return record

    def build(self) -> dict[str, Any]:
        for s in self.stories:
            self.article(s)
        self.home()
        self.category_pages()
        self.tag_pages()
        self.author_pages()
        self.latest()
        self.search()
        self.static_pages()
        self.feeds()
        self.sitemaps()
        self.assets()
        feeds = ["/feed/", "/comments/feed/", *(p for p in self.files.files if p.endswith("feed/index.html"))]
        headers = {}
        for rel in sorted(set(feeds)):
            path = "/" + rel.removesuffix("index.html") if rel.endswith("index.html") else rel
            headers[path] = {"Content-Type": "application/rss+xml; charset=UTF-8"}
        self.files.add_json("_headers.json", headers)
        bus = next(s for s in self.listed if s.slug == "bus-routes-consolidated")
        self.files.add_json("_redirects.json", {OLD_SLUG: self.path(bus), "/wp-sitemap.xml": "/sitemap_index.xml"})
        utm_story = self.listed[2]
        expected = {
            "site": "newspack",
            "timezone": "America/Chicago",
            "articles": [self.gold(s) for s in self.stories],
            "not_articles": sorted(set(self.not_articles)),
            "duplicates": [
                {"path": self.path(utm_story) + UTM, "canonical_path": self.path(utm_story)},
                {"path": OLD_SLUG, "canonical_path": self.path(bus)},
                *({"path": f"{self.path(s)}?share={service}", "canonical_path": self.path(s)}
                  for s in self.stories for service in ("facebook", "x", "linkedin")),
            ],
            "disallowed": ["/wp-admin/"],
            "broken_links": [],
            "boilerplate": BOILERPLATE + [s.caption for s in self.stories],
        }
        self.files.add_bytes("_expected.json", dump_json(expected).encode("utf-8"))
        return expected


PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def build(root: Path = ROOT) -> dict[str, Any]:
    """Write the site into ``root`` (replacing it) and return the gold answers."""
    path = HERE / "newspack_stories.txt"
    stories = load_stories(path, TZ)
    check_stories(stories, [*BOILERPLATE, *(s.caption for s in stories)], words=(80, 300))
    site = Newspack(stories, extra_meta(path))
    expected = site.build()
    site.files.write(root)
    return expected


if __name__ == "__main__":
    result = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
    print(f"newspack: {len(result['articles'])} articles written to the site folder")
