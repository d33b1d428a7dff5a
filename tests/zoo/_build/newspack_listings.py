"""Listings, pages, feeds and sitemaps of the ``newspack`` zoo site (a mixin of ``Newspack``).

Modelled on Automattic/newspack-theme 822afcdf3bd70d0bd951e6976ad56c07f4a256b2:
``archive.php`` (the first post of page 1 as ``content-excerpt``, the rest as
``content-archive``, ``newspack_the_posts_navigation``), ``index.php`` (the posts page),
``search.php``, ``page.php``; the static front page built from newspack-blocks
``homepage-articles`` blocks (bcbe089711e4b7e8a9e88edddb245866b5e32bdb); core
``feed-rss2.php`` feeds and Yoast SEO's XML sitemaps (see ``newspack_wp.py``).
"""

from __future__ import annotations

import re
from typing import Any

from common import ORIGIN, Story, esc, slugify
from newspack_page import (
    NEWSLETTER,
    Author,
    archive_card,
    avatar,
    by_line_text,
    homepage_block,
    search_form,
    subscribe_block,
)
from newspack_wp import (
    MAIN_SITEMAP_XSL,
    NAME,
    TAGLINE,
    person_piece,
    rss2,
    wptx,
    yoast_sitemap_index,
    yoast_urlset,
)

PER_PAGE = 5
SEARCH = "levee"
OLD_SLUG = "/2024/12/11/school-board-cuts-bus-routes/"
UTM = "?utm_source=briefing&utm_medium=email&utm_campaign=dec-11"
ABOUT_FOOTER = (
    "The Riverbend Beacon is a nonprofit, nonpartisan newsroom covering Riverbend and "
    "Kessler County since 2021."
)

AUTHORS = {
    a.name: a
    for a in (
        Author("dana-whitfield", "Dana Whitfield", "Managing Editor",
               "Dana has edited local news in Kessler County for fifteen years."),
        Author("marcus-oyelaran", "Marcus Oyelaran", "Government Reporter",
               "Marcus covers city hall, the county board and courts."),
        Author("priya-castellanos", "Priya Castellanos", "Education Reporter",
               "Priya covers schools and families through Report for America."),
        Author("tom-brekke", "Tom Brekke", "Environment Reporter",
               "Tom writes about the river, farmland and public lands."),
        Author("leah-sommers", "Leah Sommers", "Data Reporter",
               "Leah digs through budgets, inspections and public records."),
        Author("beacon-staff", "Beacon Staff", "Newsroom",
               "Stories by the Riverbend Beacon newsroom."),
    )
}


class NewspackListings:
    def card(self, s: Story, excerpt: bool = False) -> str:
        return archive_card(s, self.url(s), self.ids[s.slug], self.categories(s), self.authors(s),
                            self.image(s), self.excerpt(s) if excerpt else None)

    def pagination(self, base: str, page: int, pages: int) -> str:
        if pages < 2:
            return ""
        links = []
        if page > 1:
            prev = base if page == 2 else f"{base}page/{page - 1}/"
            links.append(f'<a class="prev page-numbers" href="{ORIGIN}{prev}"> <span class="nav-prev-text">Newer posts</span></a>')
        for n in range(1, pages + 1):
            target = base if n == 1 else f"{base}page/{n}/"
            if n == page:
                links.append(f'<span aria-current="page" class="page-numbers current">{n}</span>')
            else:
                links.append(f'<a class="page-numbers" href="{ORIGIN}{target}">{n}</a>')
        if page < pages:
            links.append(f'<a class="next page-numbers" href="{ORIGIN}{base}page/{page + 1}/"><span class="nav-next-text">Older posts</span> </a>')
        return (
            '\n\t<nav class="navigation pagination" aria-label="Posts pagination">\n'
            '\t\t<h2 class="screen-reader-text">Posts pagination</h2>\n'
            f'\t\t<div class="nav-links">{"".join(links)}</div>\n\t</nav>'
        )

    def archive(self, base: str, label: str, name: str, kind: Any, members: list[Story],
                body_class: str, extra_head: str = "", top: str = "", extra_last: Story | None = None,
                pieces: list[dict[str, Any]] | None = None) -> None:
        """``archive.php``: the first card of page 1 as an excerpt, the rest as archive cards."""
        chunks = [members[i:i + PER_PAGE] for i in range(0, len(members), PER_PAGE)] or [[]]
        if extra_last is not None:
            if len(chunks[-1]) >= PER_PAGE:
                chunks.append([])
            chunks[-1].append(extra_last)
        for n, chunk in enumerate(chunks, start=1):
            path = base if n == 1 else f"{base}page/{n}/"
            cards = "".join(self.card(s, excerpt=(n == 1 and i == 0)) for i, s in enumerate(chunk))
            suffix = f" - Page {n} of {len(chunks)}" if n > 1 else ""
            title = f"{name}{suffix} - {NAME}" if not name.endswith(NAME) else name.replace(
                f" {NAME}", f" {NAME}{suffix}")
            crumb = re.sub(r"<[^>]+>", "", label.split("<div")[0]).split(": ", 1)[-1]
            trail = [("Home", f"{ORIGIN}/"), (crumb, None)]
            yoast_head = self.collection_head(path, title, kind, trail,
                                              body_class + (f" paged paged-{n}" if n > 1 else ""), extra_head,
                                              pieces=pieces)
            inner = f"""
	<div id="content" class="site-content">

	<section id="primary" class="content-area">

		<header class="page-header">
			{top}<span>

				<h1 class="page-title">{label}</h1>
			</span>

		</header><!-- .page-header -->


		<main id="main" class="site-main">
{cards}{self.pagination(base, n, len(chunks))}
		</main><!-- #main -->
		{self.sidebar()}	</section><!-- #primary -->
"""
            self.page(path, yoast_head + inner + self.foot())

    def category_pages(self) -> None:
        names = sorted({c for s in self.stories for c in self.categories(s)})
        for name in names:
            slug = slugify(name)
            base = f"/category/{slug}/"
            feed = f'<link rel="alternate" type="application/rss+xml" title="{NAME} &raquo; {esc(name)} Category Feed" href="{ORIGIN}{base}feed/" />\n'
            host = self.special.get("more_news") if name == "News" else None
            self.archive(base, f'Category: <span class="page-description">{esc(name)}</span>',
                         f"{name} Archives", "CollectionPage", self.in_category(name),
                         f"archive category category-{slug} hfeed h-nsub has-sidebar archive-default feature-latest",
                         feed, extra_last=host)
            self.category_feed(name, base)

    def tag_pages(self) -> None:
        for tag in sorted({t for s in self.listed for t in s.tags}):
            slug = slugify(tag)
            members = [s for s in self.listed if tag in s.tags]
            self.archive(f"/tag/{slug}/", f'Tag: <span class="page-description">{esc(tag)}</span>',
                         f"{tag} Archives", "CollectionPage", members,
                         f"archive tag tag-{slug} hfeed h-nsub has-sidebar archive-default feature-latest")

    def author_pages(self) -> None:
        for author in AUTHORS.values():
            members = [s for s in self.listed if author.name in s.authors]
            top = f"{avatar(author, 120)}\n\t\t\t"
            label = (f'Author Archives: <span class="page-description">{esc(author.name)}</span>'
                     f'<span class="author-job-title">{esc(author.role)}</span>')
            bio = f'\n\t\t\t\t\t<div class="taxonomy-description">\n<p>{esc(author.bio)}</p>\n</div>'
            person = person_piece(author.slug, author.name, author.bio)
            person["mainEntityOfPage"] = {"@id": f"{ORIGIN}/author/{author.slug}/"}
            self.archive(f"/author/{author.slug}/", label + bio, f"{author.name}, Author at {NAME}",
                         "ProfilePage", members,
                         f"archive author author-{author.slug} hfeed h-nsub has-sidebar archive-default feature-latest",
                         top=top, pieces=[person])

    def latest(self) -> None:
        """The posts page (``index.php``): every post as ``content-excerpt``."""
        chunks = [self.listed[i:i + PER_PAGE] for i in range(0, len(self.listed), PER_PAGE)]
        for n, chunk in enumerate(chunks, start=1):
            path = "/latest/" if n == 1 else f"/latest/page/{n}/"
            suffix = f" - Page {n} of {len(chunks)}" if n > 1 else ""
            title = f"Latest{suffix} - {NAME}"
            h = self.collection_head(path, title, "CollectionPage", [("Home", f"{ORIGIN}/"), ("Latest", None)],
                                     "blog hfeed h-nsub has-sidebar" + (f" paged paged-{n}" if n > 1 else ""))
            cards = "".join(self.card(s, excerpt=True) for s in chunk)
            inner = f"""
	<div id="content" class="site-content">

	<section id="primary" class="content-area">
		<main id="main" class="site-main">
{cards}{self.pagination("/latest/", n, len(chunks))}
		</main><!-- .site-main -->
		{self.sidebar()}	</section><!-- .content-area -->
"""
            self.page(path, h + inner + self.foot())

    def search(self) -> None:
        found = [s for s in self.listed if SEARCH in " ".join(b.text for b in s.blocks).lower()]
        path = f"/?s={SEARCH}"
        h = self.collection_head(path, f"You searched for {SEARCH} - {NAME}",
                                 ["CollectionPage", "SearchResultsPage"],
                                 [("Home", f"{ORIGIN}/"), (f"You searched for {SEARCH}", None)],
                                 "search search-results hfeed h-nsub has-sidebar", index=False)
        cards = "".join(self.card(s, excerpt=True) for s in found)
        inner = f"""
	<div id="content" class="site-content">

	<section id="primary" class="content-area">

		<header class="page-header">
			<h1 class="page-title">
				Search results			</h1>
			{search_form("3", SEARCH)}		</header><!-- .page-header -->

		<main id="main" class="site-main">
{cards}
		</main><!-- #main -->
		{self.sidebar()}	</section><!-- #primary -->
"""
        self.page(path, h + inner + self.foot())

    def wp_page(self, path: str, title: str, content: str, page_id: int) -> None:
        """``page.php`` with ``content-page.php``."""
        h = self.collection_head(path, f"{title} - {NAME}", "WebPage",
                                 [("Home", f"{ORIGIN}/"), (title, None)],
                                 f"page-template-default page page-id-{page_id} h-nsub has-sidebar")
        inner = f"""
	<div id="content" class="site-content">

	<section id="primary" class="content-area">
		<main id="main" class="site-main">

					<header class="entry-header">
		<h1 class="entry-title ">
			{esc(title)}		</h1>
	</header>

				<div class="main-content">

<article id="post-{page_id}" class="post-{page_id} page type-page status-publish hentry entry">
	<div class="entry-content">
		{content}	</div><!-- .entry-content -->

	</article><!-- #post-{page_id} -->
				</div><!-- .main-content -->

			{self.sidebar()}
		</main><!-- #main -->
	</section><!-- #primary -->
"""
        self.page(path, h + inner + self.foot())

    def static_pages(self) -> None:
        about = f"""
<p>{esc(NAME)} is a nonprofit newsroom founded in 2021 by three reporters who had lost their jobs when the county's daily paper closed its Riverbend office. We publish every weekday and give our stories away free to anyone who wants to read or republish them.</p>



<h2 class="wp-block-heading">Corrections</h2>



<p>We fix our mistakes in the open. Our story on <a href="{ORIGIN}{OLD_SLUG}">school bus routes</a> first misstated the number of routes the board cut.</p>



<p>Looking for something older? <a href="{ORIGIN}/?s={SEARCH}">Search our levee coverage</a> or browse the <a href="{ORIGIN}/latest/">latest stories</a>.</p>
"""
        self.wp_page("/about/", "About", about, 12)
        utm_story = self.listed[2]
        letters = f"""
<p>{esc(NEWSLETTER)} arrives at 6 a.m. every weekday with the news you need about Riverbend and Kessler County. It takes five minutes to read.</p>


{subscribe_block("newsletters-page", heading=False)}


<p>Want to see a sample first? Read the story our readers opened most last week: <a href="{self.url(utm_story)}{UTM.replace('&', '&#038;')}">{wptx(utm_story.title)}</a>.</p>
"""
        self.wp_page("/newsletters/", "Newsletters", letters, 14)
        self.files.add("/wp-admin/", '<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>Log In &lsaquo; '
                       f'{NAME} &#8212; WordPress</title><meta name=\'robots\' content=\'noindex, noarchive\' /></head>'
                       '<body class="login"><div id="login"><h1><a href="https://wordpress.org/">Powered by WordPress</a></h1>'
                       '<form name="loginform" id="loginform" method="post"><input type="text" name="log" /></form></div></body></html>\n')

    def home(self) -> None:
        lead = homepage_block([self.block_post(self.listed[0])],
                              "show-image image-aligntop ts-6 is-landscape show-category", excerpt=True)
        grid = homepage_block([self.block_post(s) for s in self.listed[1:7]],
                              "is-grid columns-3 colgap-3 show-image image-aligntop ts-4 is-landscape show-category")
        picks = homepage_block([self.block_post(s) for s in self.picks],
                               "ts-3 show-category", header="Editors' Picks", image=False, author=False)
        more = f'<div class="wp-block-buttons is-layout-flex wp-block-buttons-is-layout-flex">\n<div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="{ORIGIN}/latest/">More stories</a></div>\n</div>'
        content = f"""
<div class="wp-block-columns is-layout-flex wp-container-core-columns-is-layout-1 wp-block-columns-is-layout-flex">
<div class="wp-block-column is-layout-flow wp-block-column-is-layout-flow" style="flex-basis:66.66%">{lead}</div>



<div class="wp-block-column is-layout-flow wp-block-column-is-layout-flow" style="flex-basis:33.33%">{picks}
{subscribe_block("home")}</div>
</div>


{grid}


{more}
"""
        about_org = {"@id": f"{ORIGIN}/#organization"}
        h = self.collection_head("/", f"{NAME} - {TAGLINE}", "WebPage", [], 
                                 "home page-template-default page page-id-2 newspack-front-page hide-homepage-title h-nsub no-sidebar",
                                 about=about_org)
        inner = f"""
	<div id="content" class="site-content">
	<section id="primary" class="content-area">
		<main id="main" class="site-main">


<article id="post-2" class="post-2 page type-page status-publish hentry entry">
	<div class="entry-content">
		{content}	</div><!-- .entry-content -->

	</article><!-- #post-2 -->

		</main><!-- #main -->
	</section><!-- #primary -->
"""
        self.page("/", h + inner + self.foot())

    def feed_item(self, s: Story) -> dict[str, Any]:
        content = "".join(
            f"<h2 class=\"wp-block-heading\">{wptx(b.text)}</h2>\n" if b.kind == "h2" else f"<p>{wptx(b.text)}</p>\n"
            for b in s.blocks
        )
        return {
            "title": s.title, "link": self.url(s), "creator": by_line_text(list(s.authors)),
            "published": s.published, "categories": [*self.categories(s), *s.tags],
            "id": self.ids[s.slug], "description": self.excerpt(s), "content": content,
        }

    def feeds(self) -> None:
        chosen = sorted([*self.listed[:10], self.special["feed"]], key=lambda s: -s.published.timestamp())
        self.files.add("/feed/", rss2(f"{ORIGIN}/feed/", NAME, [self.feed_item(s) for s in chosen], chosen[0].published))
        comments = rss2(f"{ORIGIN}/comments/feed/", f"Comments for {NAME}", [], self.listed[0].published)
        self.files.add("/comments/feed/", comments.replace("<description>", "<description>", 1))

    def category_feed(self, name: str, base: str) -> None:
        members = self.in_category(name)
        if not members:
            return
        items = [self.feed_item(s) for s in members[:10]]
        self.files.add(f"{base}feed/", rss2(f"{ORIGIN}{base}feed/", f"{name} Archives - {NAME}", items, members[0].published))

    def sitemaps(self) -> None:
        in_map = sorted([*self.listed, self.special["sitemap"]], key=lambda s: (s.modified or s.published))
        posts = [(f"{ORIGIN}/latest/", self.listed[0].published, None)]
        posts += [(self.url(s), s.modified or s.published, self.image(s)) for s in in_map]
        self.files.add("/post-sitemap.xml", yoast_urlset(posts))
        pages = [(f"{ORIGIN}/", self.listed[0].published, None), (f"{ORIGIN}/about/", None, None),
                 (f"{ORIGIN}/newsletters/", None, None)]
        self.files.add("/page-sitemap.xml", yoast_urlset(pages))
        cats = sorted({c for s in self.listed for c in self.categories(s)})
        self.files.add("/category-sitemap.xml", yoast_urlset(
            [(f"{ORIGIN}/category/{slugify(c)}/", self.in_category(c)[0].published, None) for c in cats]))
        tags = sorted({t for s in self.listed for t in s.tags})
        self.files.add("/post_tag-sitemap.xml", yoast_urlset(
            [(f"{ORIGIN}/tag/{slugify(t)}/", next(s for s in self.listed if t in s.tags).published, None) for t in tags]))
        people = [a for a in AUTHORS.values() if any(a.name in s.authors for s in self.listed)]
        self.files.add("/author-sitemap.xml", yoast_urlset([(f"{ORIGIN}/author/{a.slug}/", None, None) for a in people]))
        newest = max(s.modified or s.published for s in in_map)
        self.files.add("/sitemap_index.xml", yoast_sitemap_index([
            (f"{ORIGIN}/post-sitemap.xml", newest), (f"{ORIGIN}/page-sitemap.xml", self.listed[0].published),
            (f"{ORIGIN}/category-sitemap.xml", self.listed[0].published),
            (f"{ORIGIN}/post_tag-sitemap.xml", self.listed[0].published),
            (f"{ORIGIN}/author-sitemap.xml", None),
        ]))
        self.files.add_bytes("main-sitemap.xsl", MAIN_SITEMAP_XSL.encode())
        self.files.add("/robots.txt", "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
                       f"Sitemap: {ORIGIN}/sitemap_index.xml\n")
