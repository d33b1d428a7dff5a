"""Page chrome and post markup of the ``newspack`` zoo site (Newspack theme + newspack-blocks).

Modelled on Automattic/newspack-theme at 822afcdf3bd70d0bd951e6976ad56c07f4a256b2
(``newspack-theme/``): ``header.php``, ``footer.php``, ``single.php``, ``archive.php``,
``search.php``, ``index.php``, ``page.php``, ``sidebar.php``,
``template-parts/header/{entry-header,site-branding,header-search}.php``,
``template-parts/content/{content-single,content-archive,content-excerpt,content-page}.php``,
``template-parts/post/author-bio.php``, ``template-parts/footer/footer-widgets.php``,
``inc/template-tags.php`` (``newspack_posted_by`` with Co-Authors Plus, ``newspack_posted_on``,
``newspack_categories``, ``newspack_entry_footer``, ``newspack_post_thumbnail``),
``inc/template-functions.php`` (archive titles, body and post classes),
``inc/trust-indicators.php`` (``author-job-title`` in author boxes and archive titles);
Automattic/newspack-blocks at bcbe089711e4b7e8a9e88edddb245866b5e32bdb:
``src/blocks/homepage-articles/{view.php,templates/article.php}`` (``wpnbha`` blocks,
``newspack_blocks_format_byline``); Automattic/newspack-newsletters at
49450d32c206435a60e0fbab36f179d75ee2bf46: ``src/blocks/subscribe/index.php`` (the sign-up
block inside posts) and its ``block.json`` defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from common import ORIGIN, Story, esc, slugify
from newspack_wp import (
    wptx,
    NAME,
    SEP,
    TAGLINE,
    WP_VERSION,
    digest,
    robots_meta,
    w3c,
    wp_date,
    wp_date_script,
    yoast_block,
)

NEWSLETTER = "The Beacon Briefing"
NEWSLETTER_PITCH = "Get Riverbend news in your inbox every weekday morning. It's free."
DONATE_PITCH = "The Beacon is a nonprofit newsroom. Your gift keeps local reporting free for everyone."
CREDIT_LABEL = "Credit:"
MENU = ["News", "Government", "Education", "Environment", "Business", "Community", "Health"]


@dataclass(frozen=True)
class Author:
    slug: str
    name: str
    role: str
    bio: str


def by_line_text(names: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def avatar(author: Author, size: int) -> str:
    url = f"https://secure.gravatar.com/avatar/{digest(author.slug)}?s={size}&#038;d=mm&#038;r=g"
    big = f"https://secure.gravatar.com/avatar/{digest(author.slug)}?s={size * 2}&#038;d=mm&#038;r=g"
    return (
        f"<img alt='' src='{url}' srcset='{big} 2x' class='avatar avatar-{size} photo' "
        f"height='{size}' width='{size}' decoding='async'/>"
    )


def head(
    title: str,
    canonical: str,
    body_class: str,
    yoast: str,
    extra_links: str = "",
    index: bool = True,
) -> str:
    """``header.php`` up to ``<div id="content">``; ``yoast`` is the plugin's head block."""
    desc = ""
    if yoast.startswith('\t<meta name="description"'):
        desc, _, yoast = yoast.partition("\n")
        desc += "\n"
    seo = f'\t<title>{esc(title)}</title>\n{desc}\t<link rel="canonical" href="{ORIGIN}{canonical}" />\n{yoast}'
    return f"""<!doctype html>
<html lang="en-US">
<head>
	<meta charset="UTF-8" />
	<meta name="viewport" content="width=device-width, initial-scale=1" />
	<link rel="profile" href="https://gmpg.org/xfn/11" />
	{robots_meta(index)}{yoast_block(seo)}<link rel='dns-prefetch' href='//stats.wp.com' />
<link rel="alternate" type="application/rss+xml" title="{NAME} &raquo; Feed" href="{ORIGIN}/feed/" />
<link rel="alternate" type="application/rss+xml" title="{NAME} &raquo; Comments Feed" href="{ORIGIN}/comments/feed/" />
{extra_links}<link rel='stylesheet' id='wp-block-library-css' href='{ORIGIN}/wp-includes/css/dist/block-library/style.min.css?ver={WP_VERSION}' type='text/css' media='all' />
<link rel='stylesheet' id='newspack-blocks-block-styles-stylesheet-css' href='{ORIGIN}/wp-content/plugins/newspack-blocks/dist/block_styles.css?ver=4.3.2' type='text/css' media='all' />
<link rel='stylesheet' id='newspack-style-css' href='{ORIGIN}/wp-content/themes/newspack-theme/style.css?ver=2.0.1' type='text/css' media='all' />
<meta name="generator" content="WordPress {WP_VERSION}" />
</head>

<body class="{body_class}" data-amp-auto-lightbox-disable>
{site_header()}"""


def primary_menu() -> str:
    items = []
    for n, name in enumerate(MENU):
        items.append(
            f'<li id="menu-item-{40 + n}" class="menu-item menu-item-type-taxonomy '
            f'menu-item-object-category menu-item-{40 + n}"><a href="{ORIGIN}/category/'
            f'{slugify(name)}/">{name}</a></li>'
        )
    return (
        '<nav class="main-navigation nav1 dd-menu" aria-label="Top Menu" '
        'toolbar-target="site-navigation" toolbar="(min-width: 767px)">\n'
        f'<ul id="menu-primary" class="main-menu">{"".join(items)}</ul>\t\t</nav>'
    )


def secondary_menu() -> str:
    links = [("About", "/about/"), ("Newsletters", "/newsletters/"), ("Latest", "/latest/")]
    items = "".join(
        f'<li id="menu-item-{30 + n}" class="menu-item menu-item-type-post_type '
        f'menu-item-object-page menu-item-{30 + n}"><a href="{ORIGIN}{path}">{label}</a></li>'
        for n, (label, path) in enumerate(links)
    )
    return (
        '<nav class="secondary-menu nav2 dd-menu" aria-label="Secondary Menu" '
        'toolbar-target="secondary-nav-contain" toolbar="(min-width: 767px)">\n'
        f'<ul id="menu-secondary" class="secondary-menu">{items}</ul>\t\t</nav>'
    )


def search_form(suffix: str, query: str = "") -> str:
    return f"""<form role="search" method="get" class="search-form" action="{ORIGIN}/">
	<label for="search-form-{suffix}">
		<span class="screen-reader-text">Search for:</span>
	</label>
	<input type="search" id="search-form-{suffix}" class="search-field" placeholder="Search &hellip;" value="{esc(query)}" name="s" />
	<button type="submit" class="search-submit">
		<svg class="svg-icon" width="28" height="28" aria-hidden="true" role="img" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M15.5 14h-.79l-.28-.27C15.41 12.59 16 11.11 16 9.5 16 5.91 13.09 3 9.5 3S3 5.91 3 9.5 5.91 16 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19l-4.99-5zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14z"></path><path d="M0 0h24v24H0z" fill="none"></path></svg>		<span class="screen-reader-text">
			Search		</span>
	</button>
</form>
"""


def site_header() -> str:
    return f"""
<div id="page" class="site">
	<a class="skip-link screen-reader-text" href="#main">Skip to content</a>

	<header id="masthead" class="site-header hide-header-search" [class]="searchVisible ? 'show-header-search site-header ' : 'hide-header-search site-header'">
		<div class="top-header-contain desktop-only">
			<div class="wrapper">
				<div id="secondary-nav-contain">
					{secondary_menu()}
				</div>
			</div><!-- .wrapper -->
		</div><!-- .top-header-contain -->

		<div class="middle-header-contain">
			<div class="wrapper">
<div class="site-branding">

	<a href="{ORIGIN}/" class="custom-logo-link" rel="home"><img width="600" height="160" src="{ORIGIN}/wp-content/uploads/2023/05/beacon-logo.png" class="custom-logo" alt="{NAME}" decoding="async" /></a>
	<div class="site-identity">
					<p class="site-title"><a href="{ORIGIN}/" rel="home">{NAME}</a></p>
						<p class="site-description">
				{TAGLINE}			</p>
			</div><!-- .site-identity -->

</div><!-- .site-branding -->
				<a class="button mb-cta" href="{ORIGIN}/newsletters/">Subscribe</a>
				<button class="mobile-menu-toggle" on="tap:mobile-sidebar.toggle">
					<span>Menu</span>
				</button>
			</div><!-- .wrapper -->
		</div><!-- .middle-header-contain -->

		<div class="bottom-header-contain desktop-only">
			<div class="wrapper">
				<div id="site-navigation">
					{primary_menu()}
				</div>

<div class="header-search-contain">
	<button id="search-toggle" on="tap:AMP.setState( {{ searchVisible: !searchVisible }} ), search-form-2.focus" aria-controls="search-menu" [aria-expanded]="searchVisible ? 'true' : 'false'" aria-expanded="false">
		<span class="screen-reader-text" [text]="searchVisible ? 'Close Search' : 'Open Search'">
			Open Search		</span>
	</button>
	<div id="header-search" [aria-expanded]="searchVisible ? 'true' : 'false'" aria-expanded="false">
		{search_form("2")}	</div><!-- #header-search -->
</div><!-- .header-search-contain -->
			</div><!-- .wrapper -->
		</div><!-- .bottom-header-contain -->
	</header><!-- #masthead -->
"""


def breadcrumb_html(trail: list[tuple[str, str | None]]) -> str:
    """``yoast_breadcrumb()`` as ``header.php`` wraps it."""
    parts = []
    for name, link in trail:
        if link is None:
            parts.append(f'<span class="breadcrumb_last" aria-current="page">{esc(name)}</span>')
        else:
            parts.append(f'<span><a href="{link}">{esc(name)}</a></span>')
    return (
        '<div class="site-breadcrumb desktop-only"><div class="wrapper"><span><span>'
        + " &raquo; ".join(parts)
        + "</span></span></div></div>\n"
    )


def footer(about_html: str) -> str:
    links = "".join(
        f'<li class="menu-item"><a href="{ORIGIN}{path}">{label}</a></li>'
        for label, path in (
            ("About", "/about/"),
            ("Newsletters", "/newsletters/"),
            ("Latest stories", "/latest/"),
            ("RSS", "/feed/"),
        )
    )
    return f"""
	</div><!-- #content -->

	<footer id="colophon" class="site-footer">

	<aside class="widget-area footer-widgets" role="complementary" aria-label="Footer">
		<div class="wrapper">
			<section id="text-2" class="widget widget_text"><h2 class="widget-title">About the Beacon</h2>			<div class="textwidget">{about_html}</div>
		</section><section id="nav_menu-2" class="widget widget_nav_menu"><h2 class="widget-title">Explore</h2><div class="menu-footer-container"><ul id="menu-footer" class="menu">{links}</ul></div></section>		</div><!-- .wrapper -->
	</aside><!-- .widget-area -->

		<div class="site-info">

			<div class="wrapper site-info-contain">
									<span class="copyright">&copy; 2024 {NAME}</span>

				<a target="_blank" href="https://newspack.com/" class="imprint">
					Powered by Newspack				</a>

							</div><!-- .wrapper -->
		</div><!-- .site-info -->
	</footer><!-- #colophon -->

</div><!-- #page -->

{wp_date_script()}<script src="{ORIGIN}/wp-content/plugins/newspack-newsletters/dist/subscribeBlock.js?ver=1733240000" id="newspack-newsletters-subscribe-block-js" async data-wp-strategy="async"></script>

</body>
</html>
"""


def subscribe_block(seed: str, heading: bool = True) -> str:
    """A group with the Newspack Newsletters subscribe block, as editors place it."""
    block_id = int(digest(seed, 6), 16) % 99999
    form_id = int(digest(seed + "f", 2), 16) % 9 + 1
    title = f'<h2 class="wp-block-heading">{NEWSLETTER}</h2>\n\n<p>{esc(NEWSLETTER_PITCH)}</p>\n' if heading else ""
    return f"""<div class="wp-block-group newsletter-cta has-light-gray-background-color has-background is-layout-flow wp-block-group-is-layout-flow">{title}
	<div
		class="wp-block-newspack-newsletters-subscribe newspack-newsletters-subscribe "
		data-success-message="Thank you for signing up!"
			>
					<form id="newspack-subscribe-{form_id}">
				<input type="hidden" id="newspack_newsletters_subscribe" name="newspack_newsletters_subscribe" value="{digest(seed + 'n', 10)}" /><input type="hidden" name="_wp_http_referer" value="/" />																	<input type="hidden" name="lists[]" value="7f3e1b9c2a" />
																<div class="newspack-newsletters-email-input">
										<input
						id="newspack-newsletters-subscribe-block-input-{block_id}-email"
						type="email"
						name="npe"
						autocomplete="email"
						placeholder="Email Address"
						value=""
					/>
						<input class="nphp" tabindex="-1" aria-hidden="true" name="email" type="email" autocomplete="off" placeholder="Email Address" />
											<button class="submit-button"type="submit" style="">
						<span class="submit">Sign up</span>
					</button>
				</div>
			</form>
				<div class="newspack-newsletters-subscribe__response">
			<div class="newspack-newsletters-subscribe__icon"></div>
			<div class="newspack-newsletters-subscribe__message">
							</div>
		</div>
	</div>
	</div>
"""


def posted_by(authors: list[Author], avatars: bool = True) -> str:
    """``newspack_posted_by()`` with Co-Authors Plus: avatars, then the byline span."""
    out = "".join(f'<span class="author-avatar">{avatar(a, 80)}</span>' for a in authors) if avatars else ""
    names = []
    count = len(authors)
    for i, a in enumerate(authors, start=2):
        sep = " and " if count == i else (", " if count > i else "")
        names.append(
            f'<span class="author vcard"><a class="url fn n" href="{ORIGIN}/author/{a.slug}/">'
            f"{esc(a.name)}</a></span>{sep} "
        )
    return (
        out
        + '\n\t\t\t<span class="byline">\n\t\t\t\t<span>by</span>\n\t\t\t\t'
        + "\t\t\t\t\t".join(names)
        + "\t\t\t</span><!-- .byline -->\n\t\t\t"
    )


def posted_on(story: Story, url: str | None, show_updated: bool = True) -> str:
    """``newspack_posted_on()``: published and updated ``<time>`` elements."""
    pub = story.published
    if story.modified is None:
        times = f'<time class="entry-date published updated" datetime="{w3c(pub)}">{wp_date(pub)}</time>'
    else:
        label = '<span class="updated-label">Updated </span>' if show_updated else ""
        times = (
            f'<time class="entry-date published" datetime="{w3c(pub)}">{wp_date(pub)}</time>'
            f'{label}<time class="updated" datetime="{w3c(story.modified)}">'
            f"{wp_date(story.modified)}</time>"
        )
    if url is None:
        return f'<span class="posted-on">{times}</span>'
    return f'<span class="posted-on"><a href="{url}" rel="bookmark">{times}</a></span>'


def cat_links(section: str) -> str:
    return (
        '<span class="cat-links"><span class="screen-reader-text">Posted in</span>'
        f'<a href="{ORIGIN}/category/{slugify(section)}/" rel="category tag">{esc(section)}</a></span>'
    )


def post_classes(story: Story, post_id: int, categories: list[str]) -> str:
    cats = " ".join(f"category-{slugify(c)}" for c in categories)
    tags = " ".join(f"tag-{slugify(t)}" for t in story.tags)
    return (
        f"post-{post_id} post type-post status-publish format-standard has-post-thumbnail "
        f"hentry {cats} {tags} entry"
    )


def thumbnail(src: str, alt: str, size: str, lazy: bool) -> str:
    stem = src[: -len(".jpg")]
    loading = 'loading="lazy" ' if lazy else 'fetchpriority="high" data-hero-candidate="1" '
    return (
        f'<img width="1200" height="800" src="{src}" class="attachment-{size} size-{size} '
        f'wp-post-image" alt="{esc(alt)}" decoding="async" {loading}srcset="{src} 1200w, '
        f'{stem}-300x200.jpg 300w, {stem}-768x512.jpg 768w" sizes="(max-width: 1200px) 100vw, '
        '1200px" />'
    )


def archive_card(
    story: Story, url: str, post_id: int, categories: list[str], authors: list[Author],
    image: str, excerpt: str | None,
) -> str:
    """``content-archive.php`` (or ``content-excerpt.php`` when ``excerpt`` is given)."""
    size = "newspack-archive-image-large" if excerpt is not None else "newspack-archive-image"
    summary = ""
    if excerpt is not None:
        summary = f'\n\t\t<div class="entry-content">\n\t\t\t<p>{wptx(excerpt)}</p>\n\t\t</div><!-- .entry-content -->'
    return f"""
<article id="post-{post_id}" class="{post_classes(story, post_id, categories)}">
			<figure class="post-thumbnail">
				<a class="post-thumbnail-inner" href="{url}" aria-hidden="true" tabindex="-1">
					{thumbnail(image, "", size, True)}				</a>
							</figure>

			<div class="entry-container">
		{cat_links(story.section or "")}		<header class="entry-header">
			<h2 class="entry-title"><a href="{url}" rel="bookmark">{wptx(story.title)}</a></h2>		</header><!-- .entry-header -->

									<div class="entry-meta">
					{posted_by(authors)}{posted_on(story, url, show_updated=False)}				</div><!-- .meta-info -->
							{summary}
	</div><!-- .entry-container -->
</article><!-- #post-${{ID}} -->
"""


def hpb_byline(authors: list[Author]) -> str:
    """``newspack_blocks_format_byline()``."""
    parts = ['<span class="author-prefix">by</span> ']
    last = len(authors) - 2
    for i, a in enumerate(authors):
        parts.append(
            f'<span class="author vcard"><a class="url fn n" href="{ORIGIN}/author/{a.slug}/">'
            f"{esc(a.name)}</a></span>"
        )
        parts.append(", " if i < last else "")
        parts.append(" and " if len(authors) > 1 and i == last else "")
    return "".join(parts)


@dataclass(frozen=True)
class BlockPost:
    story: Story
    url: str
    post_id: int
    authors: list[Author]
    image: str
    excerpt: str


def homepage_block(
    posts: list[BlockPost], classes: str, header: str = "", image: bool = True,
    excerpt: bool = False, author: bool = True, heading_tag: str = "h2",
) -> str:
    """One ``newspack-blocks/homepage-articles`` block (``view.php`` + ``article.php``)."""
    articles = []
    tag = "h3" if header else heading_tag
    for p in posts:
        s = p.story
        figure = ""
        if image:
            figure = f"""
							<figure class="post-thumbnail">
								<a href="{p.url}" rel="bookmark" tabindex="-1" aria-hidden="true">
								<img width="1200" height="800" src="{p.image}" class="attachment-newspack-article-block-landscape-large size-newspack-article-block-landscape-large wp-post-image" alt="{esc(s.title)}" data-hero-candidate="1" decoding="async" loading="lazy" />								</a>

							</figure><!-- .featured-image -->"""
        summary = f"<p>{wptx(p.excerpt)}</p>\n" if excerpt else ""
        by = f'<span class="byline">\n\t\t\t\t\t\t\t{hpb_byline(p.authors)}\t\t\t\t\t\t</span><!-- .author-name -->\n\t\t\t\t\t\t' if author else ""
        if s.modified is None:
            times = f'<time class="entry-date published updated" datetime="{w3c(s.published)}">{wp_date(s.published)}</time>'
        else:
            times = (
                f'<time class="entry-date published" datetime="{w3c(s.published)}">{wp_date(s.published)}</time>'
                f'<time class="updated" datetime="{w3c(s.modified)}">{wp_date(s.modified)}</time>'
            )
        cats = f'category-{slugify(s.section or "")} ' + " ".join(f"tag-{slugify(t)}" for t in s.tags)
        articles.append(f"""
	<article data-post-id="{p.post_id}"
		class="{cats} post-has-image"
				>
						{figure}

		<div class="entry-wrapper">

				<div class="cat-links ">
					<a href="{ORIGIN}/category/{slugify(s.section or "")}/">{esc(s.section or "")}</a>				</div>
				<{tag} class="entry-title"><a href="{p.url}" rel="bookmark">{wptx(s.title)}</a></{tag}>{summary}				<div class="entry-meta">
					{by}{times}				</div><!-- .entry-meta -->
					</div><!-- .entry-wrapper -->
	</article>
""")
    title = f'\n\t\t\t\t<h2 class="article-section-title">\n\t\t\t\t\t<span>{header}</span>\n\t\t\t\t</h2>' if header else ""
    return f"""
	<div
		class="wp-block-newspack-blocks-homepage-articles wpnbha {classes}"
		style=""
		>
				<div data-posts data-current-post-id="0">{title}
			{"".join(articles)}		</div>
			</div>
"""


def author_bio(author: Author) -> str:
    """``template-parts/post/author-bio.php`` (Co-Authors Plus branch, trust-indicators role)."""
    url = f"{ORIGIN}/author/{author.slug}/"
    return f"""
			<div class="author-bio">
														<a href="{url}" rel="author">
											{avatar(author, 80)}											</a>

				<div class="author-bio-text">
					<div class="author-bio-header">
						<div>
							<h2 class="accent-header">
																	<a href="{url}" rel="author">
																	{esc(author.name)}<span class="author-job-title">{esc(author.role)}</span>																	</a>
															</h2>

						</div>
					</div><!-- .author-bio-header -->

											<p>
							{esc(author.bio)}															<a class="author-link" href="{url}" rel="author">
								More by {esc(author.name)}								</a>
													</p>

				</div><!-- .author-bio-text -->

			</div><!-- .author-bio -->
			"""


def latest_posts_widget(rows: list[tuple[str, str, datetime]]) -> str:
    """Sidebar: a heading block "News Feed" and the core Latest Posts block with dates."""
    items = "".join(
        f'<li><a class="wp-block-latest-posts__post-title" href="{url}">{wptx(title)}</a>'
        f'<time datetime="{w3c(when)}" class="wp-block-latest-posts__post-date">'
        f"{wp_date(when)}</time></li>\n"
        for url, title, when in rows
    )
    return (
        '<section id="block-3" class="widget widget_block">\n<h2 class="wp-block-heading">'
        "News Feed</h2>\n</section>"
        '<section id="block-4" class="widget widget_block widget_recent_entries">'
        f'<ul class="wp-block-latest-posts__list has-dates wp-block-latest-posts">{items}</ul>'
        "</section>"
        '<section id="block-5" class="widget widget_block">\n<div class="wp-block-group '
        'donate-box is-layout-flow wp-block-group-is-layout-flow">\n<h2 class="wp-block-heading">'
        f"Support local news</h2>\n\n<p>{esc(DONATE_PITCH)}</p>\n\n"
        '<div class="wp-block-buttons is-layout-flex wp-block-buttons-is-layout-flex">\n'
        '<div class="wp-block-button"><a class="wp-block-button__link wp-element-button" '
        f'href="{ORIGIN}/newsletters/">Subscribe for free</a></div>\n</div>\n</div>\n</section>'
    )


def title_of(page_title: str) -> str:
    return f"{page_title}{SEP}{NAME}"
