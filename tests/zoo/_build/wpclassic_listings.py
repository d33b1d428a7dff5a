"""Listings, pages, feeds and sitemaps of the ``wpclassic`` zoo site (a mixin of ``Classic``).

Modelled on Twenty Seventeen's ``index.php`` / ``archive.php`` (``content.php`` up to the
``<!--more-->`` tag, "Continue reading", ``the_posts_pagination``), ``search.php`` with
``content-excerpt.php``, ``page.php``; WordPress core's ``feed-rss2.php`` and ``wp-sitemap*.xml``
(sources in ``wpclassic_wp.py``).
"""

from __future__ import annotations

from typing import Any

from common import ORIGIN, Story, esc, slugify
from wpclassic_wp import (
    L10N,
    NAME,
    SITEMAP_XSL,
    TAGLINE,
    core_sitemap_index,
    core_urlset,
    mc4wp_form,
    rss2,
    svg,
    wptx,
)

PER_PAGE = 5
SEARCH = "river"
ROLE = ", Kreisheimatpflegerin"
BIOS = {
    "Sarah Mitchell": "Sarah reports on the garrison community, schools and culture.",
    "Owen Bradley": "Owen covers the town council, transport and the river.",
    "Katrin Vogel": "Katrin is the Courier's photographer and covers the old town.",
    "Courier Staff": "News from the Courier newsroom on Marktplatz 4.",
    "Jana Krüger": "Jana berichtet aus dem Rathaus und über das Stadtleben.",
    "Felix Hartmann": "Felix schreibt über Sport, Freizeit und Vereine.",
    "Helga Brandt": "Helga Brandt ist Kreisheimatpflegerin und schreibt über Geschichte.",
}
def person(name: str) -> str:
    """The author's name as the gold keeps it (no role words)."""
    return name.removesuffix(ROLE)


class ClassicListings:
    def excerpt_card(self, s: Story, heading: str = "h2") -> str:
        """``content.php`` outside single views: the post up to its ``<!--more-->``."""
        t = L10N[s.language]
        first = self.paragraphs(s, single=False)[0]
        more = (f'<p> <a href="{self.url(s)}#more-{self.ids[s.slug]}" class="more-link">{t["more"]}'
                f'<span class="screen-reader-text"> &#8220;{wptx(s.title)}&#8221;</span></a></p>')
        return f"""
<article id="post-{self.ids[s.slug]}" class="{self.post_class(s)}">
		<header class="entry-header">
		<div class="entry-meta">{self.time_link(s)}</div><!-- .entry-meta --><{heading} class="entry-title"><a href="{self.url(s)}" rel="bookmark">{wptx(s.title)}</a></{heading}>	</header><!-- .entry-header -->

	
	<div class="entry-content">
		{self.figure(s)}
{first}
{more}
	</div><!-- .entry-content -->

	
</article><!-- #post-{self.ids[s.slug]} -->
"""

    def search_card(self, s: Story) -> str:
        """``content-excerpt.php``: the automatic excerpt with the theme's "Continue reading"."""
        t = L10N[s.language]
        words = " ".join(b.text for b in s.blocks if b.kind == "p").split()
        text = wptx(" ".join(words[:55]))
        return f"""
<article id="post-{self.ids[s.slug]}" class="{self.post_class(s)}">

	<header class="entry-header">
					<div class="entry-meta">
				{self.time_link(s)}			</div><!-- .entry-meta -->
		
		<h2 class="entry-title"><a href="{self.url(s)}" rel="bookmark">{wptx(s.title)}</a></h2>	</header><!-- .entry-header -->

	<div class="entry-summary">
		<p>{text} &hellip; </p>
<p class="link-more"><a href="{self.url(s)}" class="more-link">{t["more"]}<span class="screen-reader-text"> &#8220;{wptx(s.title)}&#8221;</span></a></p>
	</div><!-- .entry-summary -->

</article><!-- #post-{self.ids[s.slug]} -->
"""

    def pagination(self, base: str, page: int, pages: int, lang: str) -> str:
        if pages < 2:
            return ""
        t = L10N[lang]
        nums = []
        if page > 1:
            prev = base if page == 2 else f"{base}page/{page - 1}/"
            nums.append(f'<a class="prev page-numbers" href="{ORIGIN}{prev}">{svg("arrow-left")}<span class="screen-reader-text">{t["prev_page"]}</span></a>')
        for n in range(1, pages + 1):
            target = base if n == 1 else f"{base}page/{n}/"
            label = f'<span class="meta-nav screen-reader-text">{t["page"]} </span>{n}'
            if n == page:
                nums.append(f'<span aria-current="page" class="page-numbers current">{label}</span>')
            else:
                nums.append(f'<a class="page-numbers" href="{ORIGIN}{target}">{label}</a>')
        if page < pages:
            nums.append(f'<a class="next page-numbers" href="{ORIGIN}{base}page/{page + 1}/"><span class="screen-reader-text">{t["next_page"]}</span>{svg("arrow-right")}</a>')
        return ('\n\t<nav class="navigation pagination" aria-label="Posts pagination">\n'
                '\t\t<h2 class="screen-reader-text">Posts pagination</h2>\n'
                f'\t\t<div class="nav-links">{chr(10).join(nums)}</div>\n\t</nav>')

    def listing(self, base: str, lang: str, doc_title: str, header: str, members: list[Story],
                body_class: str, extra: str = "", tail: Story | None = None, heading: str = "h2") -> None:
        chunks = [members[i:i + PER_PAGE] for i in range(0, len(members), PER_PAGE)] or [[]]
        if tail is not None:
            if len(chunks[-1]) >= PER_PAGE:
                chunks.append([])
            chunks[-1].append(tail)
        for n, chunk in enumerate(chunks, start=1):
            path = base if n == 1 else f"{base}page/{n}/"
            title = doc_title if n == 1 else doc_title.replace(" &#8211; ", f" &#8211; {L10N[lang]['page']} {n} &#8211; ", 1)
            cards = "".join(self.excerpt_card(s, heading) for s in chunk)
            inner = f"""
<div class="wrap">
	{header}

	<div id="primary" class="content-area">
		<main id="main" class="site-main">

		{cards}{self.pagination(base, n, len(chunks), lang)}
		</main><!-- #main -->
	</div><!-- #primary -->
	{self.sidebar(lang, path)}</div><!-- .wrap -->

"""
            cls = body_class + (f" paged paged-{n}" if n > 1 else "")
            self.page(path, self.head(title, path, lang, cls, extra) + inner + self.footer(lang))

    def archives(self) -> None:
        for lang in ("en", "de"):
            pre, t = self.pre(lang), L10N[lang]
            pool = self.listed_in(lang)
            home_title = f"{esc(NAME)} &#8211; {esc(TAGLINE)}"
            self.listing(f"{pre}/", lang, home_title,
                         f'<header class="page-header">\n\t\t<h2 class="page-title">{t["posts"]}</h2>\n\t</header>',
                         pool, "home blog wp-embed-responsive hfeed has-sidebar", heading="h3")
            for section in sorted({s.section or "" for s in self.stories if s.language == lang}):
                slug = slugify(section)
                base = f"{pre}/category/{slug}/"
                feed = (f'<link rel="alternate" type="application/rss+xml" title="{NAME} &raquo; {esc(section)} '
                        f'Category Feed" href="{ORIGIN}{base}feed/" />\n')
                members = [s for s in pool if s.section == section]
                tail = self.special.get("more_news") if section == "Local" else None
                self.listing(base, lang, f"{esc(section)} &#8211; {esc(NAME)}",
                             f'<header class="page-header">\n\t\t\t<h1 class="page-title">{t["category"]}: <span>{esc(section)}</span></h1>\t\t</header><!-- .page-header -->',
                             members, f"archive category category-{slug} wp-embed-responsive hfeed has-sidebar page-two-column", feed, tail)
                items = [self.feed_item(s) for s in members]
                if items:
                    self.files.add(f"{base}feed/", rss2(f"{ORIGIN}{base}feed/", f"{ORIGIN}{base}", f"{NAME} &#187; {section}", items, lang, members[0].published))
            for tag in sorted({g for s in pool for g in s.tags}):
                members = [s for s in pool if tag in s.tags]
                base = self.tag_path(tag, lang)
                self.listing(base, lang, f"{esc(tag)} &#8211; {esc(NAME)}",
                             f'<header class="page-header">\n\t\t\t<h1 class="page-title">{t["tag"]}: <span>{esc(tag)}</span></h1>\t\t</header><!-- .page-header -->',
                             members, f"archive tag tag-{slugify(tag)} wp-embed-responsive hfeed has-sidebar page-two-column")
            for name in sorted({a for s in pool for a in s.authors}):
                members = [s for s in pool if name in s.authors]
                who = person(name)
                self.listing(self.author_path(name, lang), lang, f"{esc(name)} &#8211; {esc(NAME)}",
                             f'<header class="page-header">\n\t\t\t<h1 class="page-title">{t["author"]}: <span>{esc(name)}</span></h1><div class="taxonomy-description">{esc(BIOS[who])}</div>\t\t</header><!-- .page-header -->',
                             members, f"archive author author-{slugify(who)} wp-embed-responsive hfeed has-sidebar page-two-column")
            month = "Dezember 2024" if lang == "de" else "December 2024"
            self.listing(f"{pre}/2024/12/", lang, f"{month} &#8211; {esc(NAME)}",
                         f'<header class="page-header">\n\t\t\t<h1 class="page-title">{t["month"]}: <span>{month}</span></h1>\t\t</header><!-- .page-header -->',
                         pool, "archive date wp-embed-responsive hfeed has-sidebar page-two-column")

    def search(self) -> None:
        found = [s for s in self.listed_in("en") if SEARCH in " ".join(b.text for b in s.blocks).lower()]
        path = f"/?s={SEARCH}"
        t = L10N["en"]
        inner = f"""
<div class="wrap">

	<header class="page-header">
					<h1 class="page-title">
			{t["results"] % f"<span>{SEARCH}</span>"}			</h1>
			</header><!-- .page-header -->

	<div id="primary" class="content-area">
		<main id="main" class="site-main">

		{"".join(self.search_card(s) for s in found)}
		</main><!-- #main -->
	</div><!-- #primary -->
	{self.sidebar("en", path)}</div><!-- .wrap -->

"""
        h = self.head(f"Search Results for &#8220;{SEARCH}&#8221; &#8211; {esc(NAME)}", None, "en",
                      "search search-results wp-embed-responsive hfeed has-sidebar page-two-column")
        h = h.replace("<meta name='robots' content='max-image-preview:large' />",
                      "<meta name='robots' content='noindex, follow, max-image-preview:large' />")
        self.page(path, h + inner + self.footer("en"))

    def wp_page(self, path: str, title: str, content: str, pid: int) -> None:
        """``page.php``: no sidebar."""
        inner = f"""
<div class="wrap">
	<div id="primary" class="content-area">
		<main id="main" class="site-main">

			
<article id="post-{pid}" class="post-{pid} page type-page status-publish hentry">
	<header class="entry-header">
		<h1 class="entry-title">{esc(title)}</h1>			</header><!-- .entry-header -->
	<div class="entry-content">
		{content}	</div><!-- .entry-content -->
</article><!-- #post-{pid} -->

		</main><!-- #main -->
	</div><!-- #primary -->
</div><!-- .wrap -->

"""
        h = self.head(f"{esc(title)} &#8211; {esc(NAME)}", path, "en",
                      f"page-template-default page page-id-{pid} wp-embed-responsive page-one-column",
                      shortlink=pid)
        self.page(path, h + inner + self.footer("en"))

    def static_pages(self) -> None:
        self.wp_page("/about/", "About us", f"""<p>{esc(NAME)} has been published every Thursday since 1994. We cover Ostermünde, its villages and the garrison, in English and, since 2019, also in German.</p>
<p>Our newsroom on the Marktplatz is open to visitors on weekday mornings. Looking for an older story? <a href="{ORIGIN}/?s={SEARCH}">Search our river coverage</a> or browse the <a href="{ORIGIN}/2024/12/">December archive</a>.</p>
""", 7)
        self.wp_page("/newsletter/", "Newsletter", f"""<p>Our free newsletter arrives every Thursday morning with the week&#8217;s stories from Ostermünde.</p>
{mc4wp_form("2")}
""", 9)
        self.wp_page("/impressum/", "Impressum", """<p>Ostermünder Courier Verlag GmbH, Marktplatz 4, Ostermünde. Geschäftsführerin: Petra Lindner. Verantwortlich für den Inhalt: Thomas Reuter.</p>
""", 11)
        self.files.add("/wp-admin/", "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"UTF-8\"><title>Log In &lsaquo; "
                       f"{esc(NAME)} &#8212; WordPress</title><meta name='robots' content='noindex, noarchive' /></head>"
                       '<body class="login"><div id="login"><form name="loginform" id="loginform" method="post">'
                       '<input type="text" name="log" /></form></div></body></html>\n')

    def feed_item(self, s: Story) -> dict[str, Any]:
        content = self.figure(s) + "\n" + "\n".join(self.paragraphs(s, single=False))
        words = " ".join(b.text for b in s.blocks if b.kind == "p").split()
        t = L10N[s.language]
        creator = t["and"].join([", ".join(s.authors[:-1]), s.authors[-1]]) if len(s.authors) > 1 else s.authors[0]
        return {"title": s.title, "link": self.url(s), "creator": creator, "published": s.published,
                "categories": [s.section or "", *s.tags], "id": self.ids[s.slug],
                "description": wptx(" ".join(words[:55])) + " [&#8230;]", "content": content}

    def feeds(self) -> None:
        for lang in ("en", "de"):
            pool = self.listed_in(lang)
            if self.special["feed"].language == lang:
                pool = sorted([*pool, self.special["feed"]], key=lambda s: -s.published.timestamp())
            pre = self.pre(lang)
            self.files.add(f"{pre}/feed/", rss2(f"{ORIGIN}{pre}/feed/", f"{ORIGIN}{pre}/", NAME,
                                                [self.feed_item(s) for s in pool[:10]], lang, pool[0].published))
        self.files.add("/comments/feed/", rss2(f"{ORIGIN}/comments/feed/", f"{ORIGIN}/", f"Comments for {NAME}", [], "en",
                                               self.listed[0].published))

    def sitemaps(self) -> None:
        in_map = [*self.listed, self.special["sitemap"]]
        in_map.sort(key=lambda s: -s.published.timestamp())
        self.files.add("/wp-sitemap-posts-post-1.xml", core_urlset([(self.url(s), s.modified or s.published) for s in in_map]))
        self.files.add("/wp-sitemap-posts-page-1.xml", core_urlset([(f"{ORIGIN}/{p}/", None) for p in ("about", "newsletter", "impressum")]))
        cats = sorted({(s.language, s.section or "") for s in self.listed})
        self.files.add("/wp-sitemap-taxonomies-category-1.xml", core_urlset(
            [(f"{ORIGIN}{self.pre(lang)}/category/{slugify(c)}/", None) for lang, c in cats]))
        tags = sorted({(s.language, g) for s in self.listed for g in s.tags})
        self.files.add("/wp-sitemap-taxonomies-post_tag-1.xml", core_urlset(
            [(ORIGIN + self.tag_path(g, lang), None) for lang, g in tags]))
        users = sorted({(s.language, a) for s in self.listed for a in s.authors})
        self.files.add("/wp-sitemap-users-1.xml", core_urlset([(ORIGIN + self.author_path(a, lang), None) for lang, a in users]))
        self.files.add("/wp-sitemap.xml", core_sitemap_index([f"{ORIGIN}/wp-sitemap-{k}-1.xml" for k in (
            "posts-post", "posts-page", "taxonomies-category", "taxonomies-post_tag", "users")]))
        for rel in ("wp-sitemap.xsl", "wp-sitemap-index.xsl"):
            self.files.add_bytes(rel, SITEMAP_XSL.encode())
        self.files.add("/robots.txt", "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
                       f"Sitemap: {ORIGIN}/wp-sitemap.xml\n")
