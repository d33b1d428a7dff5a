"""Generate the ``wpclassic`` zoo site: classic WordPress with the Twenty Seventeen theme.

Run ``.venv/bin/python tests/zoo/_build/wpclassic.py`` to rewrite ``tests/zoo/wpclassic/``
from ``wpclassic_stories.txt``; the output is deterministic.

The Ostermünde Courier, an invented small-town weekly (Europe/Berlin), in English with some
German articles under ``/de/`` (Polylang: ``<html lang="de-DE">``, German theme strings,
"von A und B"). Templates and sources are listed in ``wpclassic_wp.py``. What the pages
carry, as such a site renders them:

- posts at ``/slug/`` (``/de/slug/``), ``single.php`` + ``content.php``: ``entry-meta``
  with "Posted on" + ``<time class="entry-date published" datetime="...+01:00">`` plus
  ``<time class="updated">`` and a child-theme Co-Authors Plus byline (" by A, B and C",
  the prefix in the byline text; one guest author's display name carries her role), h1, the
  classic-editor ``[caption]`` figure (``figure.wp-caption`` + ``figcaption``) at the top of
  ``.entry-content``, a Mailchimp embed inserted after paragraph 2, YARPP "Related posts:",
  Shariff share buttons, the entry footer with categories and tags, the comment form, the
  previous/next post navigation and the Blog Sidebar (search, Recent Posts titled
  "News Feed", an "Editors' Picks" menu, Archives, Categories, a Mailchimp for WP form);
- core head output only: ``<title>``, feeds, ``rel=canonical``, shortlink, no og: tags and
  no JSON-LD;
- the blog index ``/`` with ``/page/2/`` (posts up to their ``<!--more-->``),
  ``/category/<slug>/`` (with ``/page/2/``), ``/tag/<slug>/``, ``/author/<slug>/``,
  ``/2024/12/``, the German ``/de/...`` counterparts, ``/?s=river``, ``/about/``,
  ``/newsletter/``, ``/impressum/``;
- ``/feed/`` and ``/de/feed/`` (RSS 2.0), comment and category feeds, the core sitemaps
  ``/wp-sitemap.xml``, ``robots.txt``; the time zone stated in a footer text widget.

Hidden stories: ``reach: sitemap`` only in ``wp-sitemap-posts-post-1.xml``, ``reach: feed``
only in ``/de/feed/``, ``reach: more_news`` only on ``/category/local/page/2/``.
"""

from __future__ import annotations

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
from wpclassic_listings import BIOS, ClassicListings, person  # noqa: E402, F401
from wpclassic_wp import (  # noqa: E402
    COOKIE,
    L10N,
    MC_HEADING,
    MC_WIDGET_NOTE,
    NAME,
    TAGLINE,
    TIMES_NOTE,
    TZ,
    WP_VERSION,
    cookie_notice,
    mailchimp_embed,
    mc4wp_form,
    rss2,
    search_form,
    shariff,
    svg,
    texturize,
    w3c,
    wp_date,
    wptx,
    yarpp,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent / "wpclassic"
BOILERPLATE = [
    "News Feed", "Editors' Picks", "Editors’ Picks", "Related posts:", "Ähnliche Beiträge:",
    "indicates required", MC_HEADING, MC_WIDGET_NOTE, "Leave this field empty", "Newsletter",
    "Share on Facebook", "Bei Facebook teilen", "Continue reading", "Weiterlesen",
    "Leave a Reply", "Schreibe einen Kommentar", "Your email address will not be published",
    "Posted on", "Veröffentlicht am", "Photo:", "Foto:", "Proudly powered by WordPress",
    COOKIE, TIMES_NOTE, "Kreisheimatpflegerin",
]


class Classic(ClassicListings):
    """Renders every page of the site from the stories."""

    def __init__(self, stories: list[Story]) -> None:
        self.stories = stories
        self.listed = [s for s in stories if s.listed]
        self.special = {s.reach: s for s in stories if s.reach}
        oldest = sorted(stories, key=lambda s: s.published)
        self.ids = {s.slug: 412 + 9 * n for n, s in enumerate(oldest)}
        self.files = SiteFiles()
        self.not_articles: list[str] = []

    # -- facts ---------------------------------------------------------------

    def pre(self, lang: str) -> str:
        return "/de" if lang == "de" else ""

    def path(self, s: Story) -> str:
        return f"{self.pre(s.language)}/{s.slug}/"

    def url(self, s: Story) -> str:
        return ORIGIN + self.path(s)

    def image(self, s: Story, size: str = "-1024x683") -> str:
        return f"/wp-content/uploads/{s.published.astimezone(TZ):%Y/%m}/{s.slug}{size}.jpg"

    def listed_in(self, lang: str) -> list[Story]:
        return [s for s in self.listed if s.language == lang]

    def author_path(self, name: str, lang: str) -> str:
        return f"{self.pre(lang)}/author/{slugify(person(name))}/"

    def cat_path(self, s: Story) -> str:
        return f"{self.pre(s.language)}/category/{slugify(s.section or '')}/"

    def tag_path(self, tag: str, lang: str) -> str:
        return f"{self.pre(lang)}/tag/{slugify(tag)}/"

    # -- chrome -------------------------------------------------------------

    def head(self, title: str, canonical: str | None, lang: str, body_class: str, extra: str = "",
             shortlink: int | None = None) -> str:
        t = L10N[lang]
        pre = self.pre(lang)
        canon = f'<link rel="canonical" href="{ORIGIN}{canonical}" />\n' if canonical else ""
        short = f"<link rel='shortlink' href='{ORIGIN}/?p={shortlink}' />\n" if shortlink else ""
        return f"""<!DOCTYPE html>
<html lang="{t["locale"]}" class="no-js no-svg">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">

<script>(function(html){{html.className = html.className.replace(/\\bno-js\\b/,'js')}})(document.documentElement);</script>
<title>{title}</title>
<meta name='robots' content='max-image-preview:large' />
<link rel="alternate" type="application/rss+xml" title="{NAME} &raquo; Feed" href="{ORIGIN}{pre}/feed/" />
<link rel="alternate" type="application/rss+xml" title="{NAME} &raquo; Comments Feed" href="{ORIGIN}/comments/feed/" />
{extra}<link rel='stylesheet' id='wp-block-library-css' href='{ORIGIN}/wp-includes/css/dist/block-library/style.min.css?ver={WP_VERSION}' media='all' />
<link rel='stylesheet' id='twentyseventeen-style-css' href='{ORIGIN}/wp-content/themes/twentyseventeen/style.css?ver=20240116' media='all' />
<link rel='stylesheet' id='twentyseventeen-child-style-css' href='{ORIGIN}/wp-content/themes/courier-child/style.css?ver=1.4' media='all' />
<link rel='stylesheet' id='shariffcss-css' href='{ORIGIN}/wp-content/plugins/shariff/css/shariff.min.css?ver=4.6.14' media='all' />
<meta name="generator" content="WordPress {WP_VERSION}" />
{canon}{short}</head>

<body class="{body_class} colors-light">
<div id="page" class="site">
	<a class="skip-link screen-reader-text" href="#content">
		{t["skip"]}	</a>

	<header id="masthead" class="site-header">

		<div class="custom-header">

		<div class="custom-header-media">
					</div>

	<div class="site-branding">
	<div class="wrap">

		
		<div class="site-branding-text">
			{self.site_title(body_class, lang)}
								<p class="site-description">{esc(TAGLINE)}</p>
						</div><!-- .site-branding-text -->

		
	</div><!-- .wrap -->
</div><!-- .site-branding -->

</div><!-- .custom-header -->

					<div class="navigation-top">
				<div class="wrap">
					{self.nav(lang)}
				</div><!-- .wrap -->
			</div><!-- .navigation-top -->
		
	</header><!-- #masthead -->

	
	<div class="site-content-contain">
		<div id="content" class="site-content">
"""

    def site_title(self, body_class: str, lang: str) -> str:
        home = f"{ORIGIN}{self.pre(lang)}/"
        tag = "h1" if body_class.startswith("home") else "p"
        return f'<{tag} class="site-title"><a href="{home}" rel="home">{esc(NAME)}</a></{tag}>'

    def nav(self, lang: str) -> str:
        t = L10N[lang]
        if lang == "de":
            items = [("Startseite", "/de/"), ("Lokales", "/de/category/lokales/"),
                     ("Kultur", "/de/category/kultur/"), ("English", "/")]
        else:
            items = [("Home", "/"), ("Local", "/category/local/"), ("Culture", "/category/culture/"),
                     ("Deutsch", "/de/"), ("About", "/about/"), ("Newsletter", "/newsletter/")]
        lis = "".join(
            f'<li id="menu-item-{20 + n}" class="menu-item menu-item-type-custom menu-item-object-custom '
            f'menu-item-{20 + n}"><a href="{ORIGIN}{p}">{label}</a></li>'
            for n, (label, p) in enumerate(items)
        )
        return f"""<nav id="site-navigation" class="main-navigation" aria-label="{t["top_menu"]}">
	<button class="menu-toggle" aria-controls="top-menu" aria-expanded="false">
		{svg("bars")}{svg("close")}{t["menu"]}	</button>

	<div class="menu-top-container"><ul id="top-menu" class="menu">{lis}</ul></div>
	</nav><!-- #site-navigation -->"""

    def sidebar(self, lang: str, seed: str) -> str:
        t = L10N[lang]
        pre = self.pre(lang)
        recent = "".join(
            f'\n\t\t\t\t\t\t\t\t\t\t\t<li>\n\t\t\t\t\t<a href="{self.url(s)}">{wptx(s.title)}</a>\n'
            f'\t\t\t\t\t\t\t\t\t\t\t<span class="post-date">{wp_date(s.published, lang)}</span>\n'
            "\t\t\t\t\t\t\t\t\t</li>"
            for s in self.listed[:6]
        )
        picks = "".join(
            f'<li id="menu-item-{60 + n}" class="menu-item menu-item-type-post_type menu-item-object-post '
            f'menu-item-{60 + n}"><a href="{self.url(s)}">{wptx(s.title)}</a></li>'
            for n, s in enumerate(self.picks(lang))
        )
        cats = sorted({s.section or "" for s in self.listed_in(lang)})
        cat_rows = "".join(
            f'\t<li class="cat-item cat-item-{3 + n}"><a href="{ORIGIN}{pre}/category/{slugify(c)}/">'
            f"{esc(c)}</a>\n</li>\n"
            for n, c in enumerate(cats)
        )
        month = "Dezember 2024" if lang == "de" else "December 2024"
        return f"""
<aside id="secondary" class="widget-area" aria-label="Blog Sidebar">
	<section id="search-2" class="widget widget_search">{search_form(lang, seed)}</section>
		<section id="recent-posts-2" class="widget widget_recent_entries">
		<h2 class="widget-title">News Feed</h2><nav aria-label="News Feed">
		<ul>{recent}
					</ul>

		</nav></section><section id="nav_menu-2" class="widget widget_nav_menu"><h2 class="widget-title">Editors&#8217; Picks</h2><nav class="menu-editors-picks-container" aria-label="Editors&#8217; Picks"><ul id="menu-editors-picks" class="menu">{picks}</ul></nav></section><section id="archives-2" class="widget widget_archive"><h2 class="widget-title">{t["archives"]}</h2><nav aria-label="{t["archives"]}">
			<ul>
					<li><a href='{ORIGIN}{pre}/2024/12/'>{month}</a></li>
			</ul>

			</nav></section><section id="categories-2" class="widget widget_categories"><h2 class="widget-title">{t["cats_title"]}</h2><nav aria-label="{t["cats_title"]}">
			<ul>
{cat_rows}			</ul>

			</nav></section><section id="mc4wp_form_widget-2" class="widget widget_mc4wp_form_widget"><h2 class="widget-title">Newsletter</h2>{mc4wp_form("1")}</section></aside><!-- #secondary -->
"""

    def picks(self, lang: str) -> list[Story]:
        """One "Editors' Picks" menu, assigned to the sidebars of both languages."""
        return [self.listed[i] for i in (1, 4, 6)]

    def footer(self, lang: str) -> str:
        t = L10N[lang]
        return f"""
		</div><!-- #content -->

		<footer id="colophon" class="site-footer">
			<div class="wrap">
				

	<aside class="widget-area" aria-label="Footer">
					<div class="widget-column footer-widget-1">
				<section id="text-3" class="widget widget_text"><h2 class="widget-title">About the Courier</h2>			<div class="textwidget"><p>{esc(NAME)}, Marktplatz 4, Ostermünde. Published every Thursday since 1994.</p>
<p>{esc(TIMES_NOTE)}</p>
</div>
		</section>			</div>
						<div class="widget-column footer-widget-2">
				<section id="text-4" class="widget widget_text">			<div class="textwidget"><p><a href="{ORIGIN}/impressum/">Impressum</a> | <a href="{ORIGIN}/about/">About us</a> | <a href="{ORIGIN}/newsletter/">Newsletter</a></p>
</div>
		</section>			</div>
				</aside><!-- .widget-area -->

	<div class="site-info">
		<a href="https://wordpress.org/" class="imprint">
		{t["powered"]}	</a>
</div><!-- .site-info -->
			</div><!-- .wrap -->
		</footer><!-- #colophon -->
	</div><!-- .site-content-contain -->
</div><!-- #page -->
{cookie_notice()}
<script src="{ORIGIN}/wp-content/themes/twentyseventeen/assets/js/global.js?ver=20211130" id="twentyseventeen-global-js" defer data-wp-strategy="defer"></script>

</body>
</html>
"""

    def page(self, path: str, html: str) -> None:
        self.files.add(path, html)
        self.not_articles.append(path)

    # -- posts ----------------------------------------------------------------

    def byline(self, s: Story) -> str:
        t = L10N[s.language]
        links = [
            f'<a href="{ORIGIN}{self.author_path(n, s.language)}" title="{t["posts_by"]} {esc(n)}" '
            f'class="author url fn" rel="author">{esc(n)}</a>'
            for n in s.authors
        ]
        names = links[0] if len(links) == 1 else ", ".join(links[:-1]) + t["and"] + links[-1]
        return f'<span class="byline"> {t["by"]} <span class="author vcard">{names}</span></span>'

    def time_link(self, s: Story) -> str:
        t, lang = L10N[s.language], s.language
        if s.modified is None:
            times = f'<time class="entry-date published updated" datetime="{w3c(s.published)}">{wp_date(s.published, lang)}</time>'
        else:
            times = (f'<time class="entry-date published" datetime="{w3c(s.published)}">{wp_date(s.published, lang)}</time>'
                     f'<time class="updated" datetime="{w3c(s.modified)}">{wp_date(s.modified, lang)}</time>')
        return f'<span class="screen-reader-text">{t["posted_on"]}</span> <a href="{self.url(s)}" rel="bookmark">{times}</a>'

    def figure(self, s: Story) -> str:
        att = self.ids[s.slug] + 1
        big = self.image(s)
        credit = ("Foto: " if s.language == "de" else "Photo: ") + s.credit
        return (
            f'<figure id="attachment_{att}" aria-describedby="caption-attachment-{att}" style="width: 1024px" '
            f'class="wp-caption aligncenter"><img fetchpriority="high" decoding="async" class="size-large '
            f'wp-image-{att}" src="{ORIGIN}{big}" alt="" width="1024" height="683" srcset="{ORIGIN}{big} 1024w, '
            f'{ORIGIN}{self.image(s, "-300x200")} 300w, {ORIGIN}{self.image(s, "-768x512")} 768w, '
            f'{ORIGIN}{self.image(s, "")} 1600w" sizes="(max-width: 767px) 89vw, (max-width: 1000px) 54vw, '
            f'(max-width: 1071px) 543px, 580px" /><figcaption id="caption-attachment-{att}" '
            f'class="wp-caption-text">{wptx(s.caption)} ({esc(credit)})</figcaption></figure>'
        )

    def paragraphs(self, s: Story, single: bool) -> list[str]:
        out, n = [], 0
        for b in s.blocks:
            if b.kind == "h2":
                out.append(f"<h2>{wptx(b.text)}</h2>")
                continue
            n += 1
            more = f'<span id="more-{self.ids[s.slug]}"></span>' if n == 2 and single else ""
            out.append(f"<p>{more}{wptx(b.text)}</p>")
            if n == 2 and single:
                out.append(mailchimp_embed())
        return out

    def adjacent(self, s: Story) -> tuple[Story | None, Story | None]:
        pool = self.listed_in(s.language)
        older = [o for o in pool if o.published < s.published]
        newer = [o for o in pool if o.published > s.published]
        return (older[0] if older else None, newer[-1] if newer else None)

    def related(self, s: Story) -> list[Story]:
        pool = [o for o in self.listed_in(s.language) if o.slug != s.slug]
        scored = sorted(pool, key=lambda o: (-len(set(o.tags) & set(s.tags)), -o.published.timestamp()))
        return scored[:4]

    def entry_footer(self, s: Story) -> str:
        t = L10N[s.language]
        tags = ", ".join(f'<a href="{ORIGIN}{self.tag_path(g, s.language)}" rel="tag">{esc(g)}</a>' for g in s.tags)
        cats = f'<a href="{ORIGIN}{self.cat_path(s)}" rel="category tag">{esc(s.section or "")}</a>'
        return (f'<footer class="entry-footer"><span class="cat-tags-links"><span class="cat-links">{svg("folder-open")}'
                f'<span class="screen-reader-text">{t["categories"]}</span>{cats}</span><span class="tags-links">'
                f'{svg("hashtag")}<span class="screen-reader-text">{t["tags"]}</span>{tags}</span></span></footer> '
                "<!-- .entry-footer -->")

    def post_class(self, s: Story) -> str:
        pid = self.ids[s.slug]
        tags = " ".join(f"tag-{slugify(g)}" for g in s.tags)
        return f"post-{pid} post type-post status-publish format-standard hentry category-{slugify(s.section or '')} {tags}"

    def comments(self, s: Story) -> str:
        t = L10N[s.language]
        pid = self.ids[s.slug]
        return f"""
<div id="comments" class="comments-area">

		<div id="respond" class="comment-respond">
		<h3 id="reply-title" class="comment-reply-title">{t["reply"]} <small><a rel="nofollow" id="cancel-comment-reply-link" href="{self.url(s)}#respond" style="display:none;">{t["cancel"]}</a></small></h3><form action="{ORIGIN}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate><p class="comment-notes"><span id="email-notes">{t["email_note"]}</span> <span class="required-field-message">{t["required"]} <span class="required">*</span></span></p><p class="comment-form-comment"><label for="comment">{t["comment"]} <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p><p class="comment-form-author"><label for="author">{t["name_l"]} <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required /></p>
<p class="comment-form-email"><label for="email">{t["email_l"]} <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" aria-describedby="email-notes" autocomplete="email" required /></p>
<p class="comment-form-url"><label for="url">{t["website_l"]}</label> <input id="url" name="url" type="url" value="" size="30" maxlength="200" autocomplete="url" /></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="{t["post_comment"]}" /> <input type='hidden' name='comment_post_ID' value='{pid}' id='comment_post_ID' />
<input type='hidden' name='comment_parent' id='comment_parent' value='0' />
</p></form>	</div><!-- #respond -->
	
</div><!-- #comments -->
"""

    def post_nav(self, s: Story) -> str:
        t = L10N[s.language]
        prev, nxt = self.adjacent(s)
        parts = []
        if prev:
            parts.append(f'<div class="nav-previous"><a href="{self.url(prev)}" rel="prev"><span class="screen-reader-text">{t["prev_post"]}</span><span aria-hidden="true" class="nav-subtitle">{t["prev"]}</span> <span class="nav-title"><span class="nav-title-icon-wrapper">{svg("arrow-left")}</span>{wptx(prev.title)}</span></a></div>')
        if nxt:
            parts.append(f'<div class="nav-next"><a href="{self.url(nxt)}" rel="next"><span class="screen-reader-text">{t["next_post"]}</span><span aria-hidden="true" class="nav-subtitle">{t["next"]}</span> <span class="nav-title">{wptx(nxt.title)}<span class="nav-title-icon-wrapper">{svg("arrow-right")}</span></span></a></div>')
        return ('\n\t<nav class="navigation post-navigation" aria-label="Posts">\n\t\t<h2 class="screen-reader-text">Post navigation</h2>\n'
                f'\t\t<div class="nav-links">{"".join(parts)}</div>\n\t</nav>')

    def article(self, s: Story) -> None:
        pid = self.ids[s.slug]
        body = "\n".join([self.figure(s), *self.paragraphs(s, single=True)])
        rel = yarpp([(self.url(o), o.title) for o in self.related(s)], s.language)
        inner = f"""
<div class="wrap">
	<div id="primary" class="content-area">
		<main id="main" class="site-main">

			
<article id="post-{pid}" class="{self.post_class(s)}">
		<header class="entry-header">
		<div class="entry-meta"><span class="posted-on">{self.time_link(s)}</span>{self.byline(s)}</div><!-- .entry-meta --><h1 class="entry-title">{wptx(s.title)}</h1>	</header><!-- .entry-header -->

	
	<div class="entry-content">
		{body}
{rel}{shariff(self.url(s), texturize(s.title), s.language)}	</div><!-- .entry-content -->

	{self.entry_footer(s)}
</article><!-- #post-{pid} -->
{self.comments(s)}{self.post_nav(s)}
		</main><!-- #main -->
	</div><!-- #primary -->
	{self.sidebar(s.language, s.slug)}</div><!-- .wrap -->

"""
        comments_feed = (f'<link rel="alternate" type="application/rss+xml" title="{NAME} &raquo; '
                         f'{wptx(s.title)} Comments Feed" href="{self.url(s)}feed/" />\n')
        body_class = (f"post-template-default single single-post postid-{pid} single-format-standard "
                      "wp-embed-responsive has-sidebar")
        html = self.head(f"{wptx(s.title)} &#8211; {esc(NAME)}", self.path(s), s.language, body_class,
                         comments_feed, shortlink=pid)
        self.files.add(self.path(s), html + inner + self.footer(s.language))
        self.files.add(f"{self.path(s)}feed/", rss2(f"{self.url(s)}feed/", self.url(s),
                                                    f"Comments on: {texturize(s.title)}", [], s.language, s.published))
        n = self.ids[s.slug] % 7
        for size, (w, h) in (("-1024x683", (1024, 683)), ("-300x200", (300, 200)),
                             ("-768x512", (768, 512)), ("", (1600 - 8 * n, 1067))):
            self.files.add_bytes(self.image(s, size).lstrip("/"), grey_jpeg(w, h))

    # -- listings -------------------------------------------------------------

    # -- feeds, sitemaps ------------------------------------------------------------

    def assets(self) -> None:
        for rel in ("wp-includes/css/dist/block-library/style.min.css", "wp-content/themes/twentyseventeen/style.css",
                    "wp-content/themes/courier-child/style.css", "wp-content/plugins/shariff/css/shariff.min.css"):
            self.files.add_bytes(rel, b"/* stylesheet */\n")
        self.files.add_bytes("wp-content/themes/twentyseventeen/assets/js/global.js", b"/* script */\n")

    def gold(self, s: Story) -> dict[str, Any]:
        record = expected_article(s, self.path(s), s.section, self.image(s))
        record["title"] = texturize(s.title)
        # WordPress always has a modified time: unedited posts state it equal to the published
        # one (Yoast ``dateModified``, Twenty Seventeen ``class="entry-date published updated"``).
        record["modified_at"] = record["modified_at"] or record["published_at"]
        record["authors"] = [person(a) for a in s.authors]
        record["paragraphs"] = [texturize(p) for p in record["paragraphs"]]
        return record

    def build(self) -> dict[str, Any]:
        for s in self.stories:
            self.article(s)
        self.archives()
        self.search()
        self.static_pages()
        self.feeds()
        self.sitemaps()
        self.assets()
        headers = {}
        for rel in sorted(self.files.files):
            if rel.endswith("feed/index.html"):
                headers["/" + rel.removesuffix("index.html")] = {"Content-Type": "application/rss+xml; charset=UTF-8"}
        self.files.add_json("_headers.json", headers)
        expected = {
            "site": "wpclassic",
            "timezone": "Europe/Berlin",
            "articles": [self.gold(s) for s in self.stories],
            "not_articles": sorted(self.not_articles),
            "duplicates": [],
            "disallowed": ["/wp-admin/"],
            "broken_links": [],
            "boilerplate": BOILERPLATE + [s.caption for s in self.stories],
        }
        self.files.add_bytes("_expected.json", dump_json(expected).encode("utf-8"))
        return expected


def build(root: Path = ROOT) -> dict[str, Any]:
    """Write the site into ``root`` (replacing it) and return the gold answers."""
    stories = load_stories(HERE / "wpclassic_stories.txt", TZ)
    check_stories(stories, [*BOILERPLATE, *(s.caption for s in stories)], words=(80, 300))
    site = Classic(stories)
    expected = site.build()
    site.files.write(root)
    return expected


if __name__ == "__main__":
    result = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
    print(f"wpclassic: {len(result['articles'])} articles written to the site folder")
