# ruff: noqa: E501, W293  (HTML templates reproduce the theme's own lines and whitespace)
"""Source's templates, as Python: what each ``.hbs`` file renders for the ``source`` site.

Modelled on TryGhost/Source at commit a8967d2e095e2458da14d24212e0cbe8c1710897
(version 1.7.1): ``default.hbs`` (fonts partial, colour script, ``gh-viewport``),
``partials/components/navigation.hbs``, ``partials/components/footer.hbs``,
``partials/components/header-content.hbs`` (Landing), ``partials/components/post-list.hbs``,
``partials/post-card.hbs``, ``partials/email-subscription.hbs``,
``partials/feature-image.hbs``, ``post.hbs``, ``home.hbs``, ``index.hbs``, ``tag.hbs``,
``author.hbs``, ``page.hbs``, ``partials/lightbox.hbs``; theme defaults (navigation
"Logo in the middle", header "Landing", feed "List", author and date on cards).

Site customisations, shaped like the Kyiv Independent's Ghost theme and marked as such:
``posts_per_page`` 6 (Source ships with 12); the byline with a ``byline-prefix`` span and
"and" between the last two names; a naive local date-time in the byline ``<time>``;
the AI audio line; tags, share links, author boxes with roles and a newsletter box
after the story; a News Feed list, the theme's related posts retitled "MORE NEWS", and
Editors' Picks; a footer line and a config script stating the time zone.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from casper_ghost import ORIGIN, GhostSite, Post, hbs, navigation
from common import slugify

ASSET_V = "1e7c5d09ab"
TZ = ZoneInfo("Europe/Kyiv")
TIME_NOTE = "All times are Kyiv time."
AUDIO_NOTE = "This audio is created with AI assistance"
SITE_CONFIG = (
    '<script>window.__SITE_CONFIG__ = {"timezone": "Europe/Kyiv", "locale": "en-US"};</script>'
)

SEARCH_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" fill="none" viewBox="0 0 24 24" stroke="currentColor" '
    'stroke-width="2" width="20" height="20"><path stroke-linecap="round" stroke-linejoin="round" '
    'd="M21 21l-6-6m2-5a7 7 0 11-14 0 7 7 0 0114 0z"></path></svg>'
)
BURGER_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" fill="currentColor" viewBox="0 0 256 256">'
    '<path d="M224,128a8,8,0,0,1-8,8H40a8,8,0,0,1,0-16H216A8,8,0,0,1,224,128ZM40,72H216a8,8,0,0,0,0-16H40a8,8,'
    '0,0,0,0,16ZM216,184H40a8,8,0,0,0,0,16H216a8,8,0,0,0,0-16Z"></path></svg>'
)
CLOSE_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" fill="currentColor" viewBox="0 0 256 256">'
    '<path d="M205.66,194.34a8,8,0,0,1-11.32,11.32L128,139.31,61.66,205.66a8,8,0,0,1-11.32-11.32L116.69,128,'
    '50.34,61.66A8,8,0,0,1,61.66,50.34L128,116.69l66.34-66.35a8,8,0,0,1,11.32,11.32L139.31,128Z"></path></svg>'
)
ARROW_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" fill="currentColor" viewBox="0 0 256 256">'
    '<path d="M224.49,136.49l-72,72a12,12,0,0,1-17-17L187,140H40a12,12,0,0,1,0-24H187L135.51,64.48a12,12,0,'
    '0,1,17-17l72,72A12,12,0,0,1,224.49,136.49Z"></path></svg>'
)
AVATAR_SVG = (
    '<svg viewBox="0 0 24 24" xmlns="http://www.w3.org/2000/svg"><g fill="none" fill-rule="evenodd">'
    '<path d="M3.513 18.998C4.749 15.504 8.082 13 12 13s7.251 2.504 8.487 5.998C18.47 21.442 15.417 '
    '23 12 23s-6.47-1.558-8.487-4.002zM12 12c2.21 0 4-2.79 4-5s-1.79-4-4-4-4 1.79-4 4 1.79 5 4 5z" '
    'fill="#FFF"/></g></svg>'
)
LOADER_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" height="24" width="24" viewBox="0 0 24 24">\n'
    '    <g stroke-linecap="round" stroke-width="2" fill="currentColor" stroke="none" stroke-linejoin="round" '
    'class="nc-icon-wrapper">\n        <g class="nc-loop-dots-4-24-icon-o">\n'
    '            <circle cx="4" cy="12" r="3"></circle>\n            <circle cx="12" cy="12" r="3"></circle>\n'
    '            <circle cx="20" cy="12" r="3"></circle>\n        </g>\n    </g>\n</svg>'
)

PRIMARY_NAV = [
    ("News Feed", "/news-feed/"),
    ("News", "/tag/news/"),
    ("Business", "/tag/business/"),
    ("Culture", "/tag/culture/"),
    ("About us", "/about/"),
]
SECONDARY_NAV = [
    ("About us", "/about/"),
    ("Newsletters", "/newsletters/"),
    ("Search", "/search/"),
    ("News Feed", "/news-feed/"),
    ("RSS", "/rss/"),
]


def post_class(post: Post) -> str:
    return "post " + " ".join(f"tag-{slugify(t)}" for t in post.tags)


def card_date(post: Post) -> tuple[str, str]:
    moment = post.story.published.astimezone(TZ)
    return moment.strftime("%Y-%m-%d"), moment.strftime("%d %b %Y")


def naive(post: Post) -> tuple[str, str]:
    """Site customisation: ``{{date format="YYYY-MM-DDTHH:mm"}}`` and a reader's form."""
    moment = post.story.published.astimezone(TZ)
    shown = f"{moment.strftime('%b')} {moment.day}, {moment.year} {moment.strftime('%I:%M %p').lstrip('0')}"
    return moment.strftime("%Y-%m-%dT%H:%M"), shown


def clock(post: Post) -> str:
    return post.story.published.astimezone(TZ).strftime("%I:%M %p").lstrip("0")


def email_form(field_id: str) -> str:
    """``partials/email-subscription.hbs``."""
    return f"""<form class="gh-form" data-members-form>
    <input class="gh-form-input" id="{field_id}" name="email" type="email" placeholder="jamie@example.com" required data-members-email>
    <button class="gh-button" type="submit" aria-label="Subscribe">
        <span><span>Subscribe</span> {ARROW_SVG}</span>
        {LOADER_SVG}
        <span>Email sent</span>
    </button>
    <p data-members-error></p>
</form>"""


def layout(
    site: GhostSite,
    title: str,
    head: str,
    body_class: str,
    current: str,
    body: str,
    signup: tuple[str, str],
    lightbox: bool = False,
) -> str:
    """``default.hbs`` with the navigation and footer partials."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>

    <title>{hbs(title)}</title>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    
    <link rel="preload" as="style" href="/assets/built/screen.css?v={ASSET_V}">
    <link rel="preload" as="script" href="/assets/built/source.js?v={ASSET_V}">
    
    <link rel="preload" as="font" type="font/woff2" href="/assets/fonts/inter-roman.woff2?v={ASSET_V}" crossorigin="anonymous">
<style>
    @font-face {{
        font-family: "Inter";
        font-style: normal;
        font-weight: 100 900;
        font-display: optional;
        src: url(/assets/fonts/inter-roman.woff2?v={ASSET_V}) format("woff2");
    }}
</style>

    <link rel="stylesheet" type="text/css" href="/assets/built/screen.css?v={ASSET_V}">

    <style>
        :root {{
            --background-color: #ffffff
        }}
    </style>

    <script>
        var accentColor = getComputedStyle(document.documentElement).getPropertyValue('--background-color');
        accentColor = accentColor.trim().slice(1);
        var r = parseInt(accentColor.substr(0, 2), 16);
        var g = parseInt(accentColor.substr(2, 2), 16);
        var b = parseInt(accentColor.substr(4, 2), 16);
        var yiq = ((r * 299) + (g * 587) + (b * 114)) / 1000;
        var textColor = (yiq >= 128) ? 'dark' : 'light';
        document.documentElement.className = `has-${{textColor}}-text`;
    </script>

    {head}

</head>
<body class="{body_class} has-sans-title has-sans-body">

<div class="gh-viewport">
    
    <header id="gh-navigation" class="gh-navigation is-middle-logo gh-outer">
    <div class="gh-navigation-inner gh-inner">

        <div class="gh-navigation-brand">
            <a class="gh-navigation-logo is-title" href="{ORIGIN}/">
                    {hbs(site.title)}
            </a>
            <button class="gh-search gh-icon-button" aria-label="Search this site" data-ghost-search>
    {SEARCH_SVG}
</button>            <button class="gh-burger gh-icon-button" aria-label="Menu">
                {BURGER_SVG}                {CLOSE_SVG}            </button>
        </div>

        <nav class="gh-navigation-menu">
            {navigation(PRIMARY_NAV, current)}
        </nav>

        <div class="gh-navigation-actions">
                <button class="gh-search gh-icon-button" aria-label="Search this site" data-ghost-search>
    {SEARCH_SVG}
</button>                <div class="gh-navigation-members">
                            <a href="#/portal/signin" data-portal="signin">Sign in</a>
                                <a class="gh-button" href="#/portal/signup" data-portal="signup">Subscribe</a>
                </div>
        </div>

    </div>
</header>

    {body}
    
    <footer class="gh-footer gh-outer">
    <div class="gh-footer-inner gh-inner">

                <section class="gh-footer-signup">
                    <h2 class="gh-footer-signup-header is-title">
                        {hbs(signup[0])}
                    </h2>
                    <p class="gh-footer-signup-subhead is-body">
                        {hbs(signup[1])}
                    </p>
                    {email_form("footer-email")}
                </section>

        <div class="gh-social-links">
                <a href="https://www.facebook.com/{site.facebook}" target="_blank" rel="noopener" aria-label="Facebook">
                        <span>Facebook</span>
                </a>
                <a href="https://x.com/{site.twitter.lstrip("@")}" target="_blank" rel="noopener" aria-label="X">
                        <span>X</span>
                </a>
        </div>

        <div class="gh-footer-bar">
            <span class="gh-footer-logo is-title">
                    {hbs(site.title)}
            </span>
            <nav class="gh-footer-menu">
                {navigation(SECONDARY_NAV, current)}
            </nav>
            <div class="gh-footer-copyright">
                Powered by <a href="https://ghost.org/" target="_blank" rel="noopener">Ghost</a>
            </div>
        </div>
        <p class="gh-footer-timezone">{TIME_NOTE}</p>

    </div>
</footer>
    
</div>

{LIGHTBOX if lightbox else ""}
<script src="/assets/built/source.js?v={ASSET_V}"></script>



</body>
</html>
"""


LIGHTBOX = """<div class="pswp" tabindex="-1" role="dialog" aria-hidden="true">
    <div class="pswp__bg"></div>
    <div class="pswp__scroll-wrap">
        <div class="pswp__container">
            <div class="pswp__item"></div>
            <div class="pswp__item"></div>
            <div class="pswp__item"></div>
        </div>
        <div class="pswp__ui pswp__ui--hidden">
            <div class="pswp__top-bar">
                <div class="pswp__counter"></div>
                <button class="pswp__button pswp__button--close" title="Close (Esc)"></button>
                <button class="pswp__button pswp__button--share" title="Share"></button>
                <button class="pswp__button pswp__button--fs" title="Toggle fullscreen"></button>
                <button class="pswp__button pswp__button--zoom" title="Zoom in/out"></button>
                <div class="pswp__preloader">
                    <div class="pswp__preloader__icn">
                        <div class="pswp__preloader__cut">
                            <div class="pswp__preloader__donut"></div>
                        </div>
                    </div>
                </div>
            </div>
            <div class="pswp__share-modal pswp__share-modal--hidden pswp__single-tap">
                <div class="pswp__share-tooltip"></div>
            </div>
            <button class="pswp__button pswp__button--arrow--left" title="Previous (arrow left)"></button>
            <button class="pswp__button pswp__button--arrow--right" title="Next (arrow right)"></button>
            <div class="pswp__caption">
                <div class="pswp__caption__center"></div>
            </div>
        </div>
    </div>
</div>
"""

CARD_WIDTHS = (160, 320, 600, 960, 1200, 2000)
ARTICLE_WIDTHS = (320, 600, 960, 1200, 2000)


def post_card(post: Post, excerpt: str, lazy: bool = True, sizes: str = "320px") -> str:
    """``partials/post-card.hbs`` (images, author and date shown)."""
    machine, shown = card_date(post)
    srcset = ",\n                            ".join(
        f"{post.image(w, 'webp')} {w}w" for w in CARD_WIDTHS
    )
    authors = hbs(", ".join(post.story.authors))
    loading = '\n                    loading="lazy"' if lazy else ""
    return f"""<article class="gh-card {post_class(post)}">
    <a class="gh-card-link" href="{post.path}">
            <figure class="gh-card-image">
                <img
                    srcset="{srcset}"
                    sizes="{sizes}"
                    src="{post.image(600)}"
                    alt="{hbs(post.story.title)}"{loading}
                >
            </figure>
        <div class="gh-card-wrapper">
                <p class="gh-card-tag">{hbs(post.primary_tag)}</p>
            <h3 class="gh-card-title is-title">{hbs(post.story.title)}</h3>
                    <p class="gh-card-excerpt is-body">{hbs(excerpt)}</p>
            <footer class="gh-card-meta"><!--
             -->
                    <span class="gh-card-author">By {authors}</span>
                    <time class="gh-card-date" datetime="{machine}">{shown}</time>
                <!--
         --></footer>
        </div>
    </a>
</article>
"""


def byline(names: Sequence[str], site: GhostSite) -> str:
    """Site customisation: ``by A``, ``by A and B``, ``by A, B and C``."""
    links = [f'<a href="{site.person(n).path}">{hbs(n)}</a>' for n in names]
    joined = links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]
    return f'<span class="byline-prefix">by</span> {joined}'


def article(
    post: Post, site: GhostSite, content: str, reading: str, caption: str, after: str
) -> str:
    """``post.hbs``'s ``<main>`` with the site's byline, audio line and article footer."""
    s = post.story
    machine, shown = naive(post)
    avatars = "".join(
        f'\n                                    <a href="{site.person(n).path}">{AVATAR_SVG}</a>'
        for n in s.authors
    )
    excerpt = (
        f'\n                <p class="gh-article-excerpt is-body">{hbs(post.excerpt)}</p>'
        if post.excerpt
        else ""
    )
    srcset = ",\n                    ".join(f"{post.image(w)} {w}w" for w in ARTICLE_WIDTHS)
    return f"""<main class="gh-main">

    <article class="gh-article {post_class(post)}">

        <header class="gh-article-header gh-canvas">

                <a class="gh-article-tag" href="{ORIGIN}/tag/{slugify(post.primary_tag)}/">{hbs(post.primary_tag)}</a>
            <h1 class="gh-article-title is-title">{hbs(s.title)}</h1>{excerpt}

                <div class="gh-meta-share">
                    <div class="gh-article-meta">
                        <div class="gh-article-author-image instapaper_ignore">{avatars}
                        </div>
                        <div class="gh-article-meta-wrapper">
                            <h4 class="gh-article-author-name">{byline(s.authors, site)}</h4>
                            <div class="gh-article-meta-content">
                                <time class="gh-article-meta-date" datetime="{machine}">{shown}</time>
                                    <span class="gh-article-meta-length"><span class="bull">—</span> {reading}</span>
                            </div>
                        </div>
                    </div>
                    <a href="#/share" class="gh-button gh-button-share">
                        Share
                    </a>
                </div>

            <div class="gh-article-audio">
                <audio class="gh-article-audio-player" controls preload="none" src="{audio_path(post)}"></audio>
                <p class="gh-article-audio-note">{AUDIO_NOTE}</p>
            </div>

    <figure class="gh-article-image">
        <img
            srcset="{srcset}"
            sizes="(max-width: 1200px) 100vw, 1120px"
            src="{post.image(1200)}"
            alt="{hbs(s.title)}"
        >
            <figcaption>{caption}</figcaption>
    </figure>

        </header>

        <section class="gh-content gh-canvas is-body">
            {content}
        </section>
{after}
    </article>


</main>
"""


def audio_path(post: Post) -> str:
    return f"/content/media/{post.story.published.strftime('%Y/%m')}/{post.slug}.mp3"


def article_footer(post: Post, site: GhostSite, box: tuple[str, str]) -> str:
    """Site customisation: tags, share links, author boxes and a newsletter box."""
    tags = "".join(
        f'<a class="gh-article-tags-item" href="/tag/{slugify(t)}/">{hbs(t)}</a>' for t in post.tags
    )
    url = f"{ORIGIN}{post.path}"
    boxes = []
    for name in post.story.authors:
        person = site.person(name)
        role = (
            f'\n                    <p class="gh-author-box-role">{hbs(person.role)}</p>'
            if person.role
            else ""
        )
        boxes.append(f"""            <div class="gh-author-box">
                <a class="gh-author-box-image" href="{person.path}">{AVATAR_SVG}</a>
                <div class="gh-author-box-content">
                    <a class="gh-author-box-name" href="{person.path}">{hbs(person.name)}</a>{role}
                    <p class="gh-author-box-bio">{hbs(person.bio)}</p>
                </div>
            </div>""")
    return f"""
        <footer class="gh-article-footer gh-canvas">
            <div class="gh-article-tags">{tags}</div>
            <div class="gh-article-share">
                <span class="gh-article-share-label">Share this article</span>
                <a class="gh-article-share-link" href="https://x.com/intent/post?url={url}" target="_blank" rel="noopener">X</a>
                <a class="gh-article-share-link" href="https://www.facebook.com/sharer/sharer.php?u={url}" target="_blank" rel="noopener">Facebook</a>
                <a class="gh-article-share-link" href="https://t.me/share/url?url={url}" target="_blank" rel="noopener">Telegram</a>
            </div>
{chr(10).join(boxes)}
            <section class="gh-article-newsletter">
                <h3 class="gh-article-newsletter-title">{hbs(box[0])}</h3>
                <p class="gh-article-newsletter-text">{hbs(box[1])}</p>
                {email_form("article-email")}
            </section>
        </footer>
"""


def news_feed(posts: Sequence[Post]) -> str:
    """Site customisation: the latest headlines with naive local times."""
    rows = "\n".join(
        f'            <li class="gh-news-feed-item"><time class="gh-news-feed-time" datetime="{naive(p)[0]}">'
        f'{clock(p)}</time><a class="gh-news-feed-link" href="{p.path}">{hbs(p.story.title)}</a></li>'
        for p in posts
    )
    return f"""<section class="gh-news-feed gh-outer">
    <div class="gh-news-feed-inner gh-inner">
        <h2 class="gh-container-title">News Feed</h2>
        <ul class="gh-news-feed-list">
{rows}
        </ul>
        <a class="gh-news-feed-more" href="/news-feed/">All news</a>
    </div>
</section>
"""


def container(title: str, cards: Sequence[str], style: str = "grid") -> str:
    """The related-posts container of ``post.hbs`` (``gh-container is-grid``)."""
    return f"""<section class="gh-container is-{style} gh-outer">
    <div class="gh-container-inner gh-inner">
        <h2 class="gh-container-title">{title}</h2>
        <div class="gh-feed">
{"".join(cards)}
        </div>
    </div>
</section>
"""


def post_list(cards: Sequence[str], title: str | None, see_all: bool) -> str:
    """``partials/components/post-list.hbs`` (List style, no sidebar)."""
    heading = (
        f'\n            <h2 class="gh-container-title">\n                {title}\n            </h2>\n'
        if title
        else ""
    )
    more = ""
    if see_all:
        more = (
            f'\n                <div class="gh-more is-title">\n                    <a href="{ORIGIN}/page/2/">'
            f"See all {ARROW_SVG}</a>\n                </div>"
        )
    return f"""<section class="gh-container is-list gh-outer">
    <div class="gh-container-inner gh-inner">
        {heading}
        <main class="gh-main">
            <div class="gh-feed">
{"".join(cards)}
            </div>{more}
        </main>

    </div>
</section>
"""


def landing_header(site: GhostSite) -> str:
    """``header-content.hbs``, Landing layout with the publication cover."""
    return f"""<section class="gh-header is-classic has-image gh-outer">

                <img class="gh-header-image" src="{site.cover}" alt="{hbs(site.title)}">

    <div class="gh-header-inner gh-inner">

            <h1 class="gh-header-title is-title">{hbs(site.description)}</h1>
            {email_form("header-email")}

    </div>

</section>
"""


def archive_section(title: str, excerpt: str | None, extra: str = "") -> str:
    """The ``gh-archive`` header of ``tag.hbs`` / ``author.hbs``."""
    desc = (
        f'\n                        <p class="gh-article-excerpt">{hbs(excerpt)}</p>'
        if excerpt
        else ""
    )
    return f"""        <section class="gh-archive gh-inner">
            <div class="gh-archive-inner">
                <header class="gh-archive-wrapper">
                    <h1 class="gh-article-title is-title">{hbs(title)}</h1>{desc}{extra}
                </header>
            </div>
        </section>
"""


def page_body(title: str, excerpt: str | None, content: str) -> str:
    """``page.hbs``."""
    desc = (
        f'\n                    <p class="gh-article-excerpt is-body">{hbs(excerpt)}</p>'
        if excerpt
        else ""
    )
    return f"""<main class="gh-main">
    <article class="gh-article page">

            <header class="gh-article-header gh-canvas">
                <h1 class="gh-article-title is-title">{hbs(title)}</h1>{desc}
            </header>

        <section class="gh-content gh-canvas is-body">
            {content}
        </section>

    </article>
</main>
"""
