# ruff: noqa: E501  (HTML templates reproduce the theme's own lines and whitespace)
"""Casper's templates, as Python: what each ``.hbs`` file renders for the ``casper`` site.

Modelled on TryGhost/Casper at commit d523a868f3ed2b6df32d487d3f185d282ec9f531
(version 5.12.2): ``default.hbs`` (head, ``gh-head`` header, ``site-footer``),
``post.hbs`` (``article-header``, byline, ``article-image``, ``gh-content``,
``footer-cta``, ``read-more-wrap`` aside), ``partials/post-card.hbs``, ``index.hbs``
(``site-header-content`` cover and ``post-feed``), ``tag.hbs``, ``author.hbs``,
``page.hbs``, ``partials/lightbox.hbs`` and the ``icons/*`` partials, with the theme's
defaults (navigation "Logo on cover", feed "Classic", post image "Wide",
``email_signup_text`` "Sign up for more like this.", recent posts shown).

The Gazette's own additions, as a publisher would add them to a Casper fork, are marked
"site customisation": ``posts_per_page`` 4 instead of 25, an aside after Casper's
read-more cards (News Feed with local times, Editors' Picks, a Portal signup form),
and a footer line stating the time zone.
"""

from __future__ import annotations

import html as htmllib
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from casper_ghost import ORIGIN, GhostSite, Post, authors_links, hbs, navigation
from common import slugify

ASSET_V = "9c8a1e2f3d"
TZ = ZoneInfo("America/New_York")
TIME_NOTE = "All times are Eastern Time."

SEARCH_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" fill="none" viewBox="0 0 24 24" stroke="currentColor" '
    'stroke-width="2" width="20" height="20"><path stroke-linecap="round" stroke-linejoin="round" '
    'd="M21 21l-6-6m2-5a7 7 0 11-14 0 7 7 0 0114 0z"></path></svg>'
)
AVATAR_SVG = (
    '<svg viewBox="0 0 24 24" xmlns="http://www.w3.org/2000/svg"><g fill="none" fill-rule="evenodd">'
    '<path d="M3.513 18.998C4.749 15.504 8.082 13 12 13s7.251 2.504 8.487 5.998C18.47 21.442 15.417 '
    '23 12 23s-6.47-1.558-8.487-4.002zM12 12c2.21 0 4-2.79 4-5s-1.79-4-4-4-4 1.79-4 4 1.79 5 4 5z" '
    'fill="#FFF"/></g></svg>'
)
FACEBOOK_SVG = (
    '<svg class="icon" viewBox="0 0 24 24" xmlns="http://www.w3.org/2000/svg" fill="currentColor">'
    '<path d="M23.9981 11.9991C23.9981 5.37216 18.626 0 11.9991 0C5.37216 0 0 5.37216 0 11.9991C0 '
    "17.9882 4.38789 22.9522 10.1242 23.8524V15.4676H7.07758V11.9991H10.1242V9.35553C10.1242 6.34826 "
    "11.9156 4.68714 14.6564 4.68714C15.9692 4.68714 17.3424 4.92149 17.3424 4.92149V7.87439H15.8294C"
    "14.3388 7.87439 13.8739 8.79933 13.8739 9.74824V11.9991H17.2018L16.6698 15.4676H13.8739V23.8524C"
    '19.6103 22.9522 23.9981 17.9882 23.9981 11.9991Z"/></svg>'
)
X_SVG = (
    '<svg class="icon" viewBox="0 0 24 24" fill="none" xmlns="http://www.w3.org/2000/svg">\n'
    '    <path d="M18.2439 2.25H21.5519L14.3249 10.51L22.8269 21.75H16.1699L10.9559 14.933L4.98991 '
    "21.75H1.67991L9.40991 12.915L1.25391 2.25H8.07991L12.7929 8.481L18.2439 2.25ZM17.0829 19.77H"
    '18.9159L7.08391 4.126H5.11691L17.0829 19.77Z" fill="currentColor"/>\n</svg>'
)

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

PRIMARY_NAV = [
    ("Home", "/"),
    ("Town Hall", "/tag/town-hall/"),
    ("Harbor", "/tag/harbor/"),
    ("Sports", "/tag/sports/"),
    ("Weather", "/tag/weather/"),
    ("Community", "/tag/community/"),
    ("About", "/about/"),
]
SECONDARY_NAV = [
    ("About", "/about/"),
    ("Newsletter", "/newsletter/"),
    ("Search", "/search/"),
    ("Archive", "/archive/"),
    ("RSS", "/rss/"),
]


def post_class(post: Post) -> str:
    """``{{post_class}}``: ``post`` and one ``tag-<slug>`` per tag."""
    return "post " + " ".join(f"tag-{slugify(t)}" for t in post.tags)


def local_date(post: Post) -> tuple[str, str]:
    """``{{date format="YYYY-MM-DD"}}`` and ``{{date format="DD MMM YYYY"}}`` in site time."""
    moment = post.story.published.astimezone(TZ)
    return moment.strftime("%Y-%m-%d"), moment.strftime("%d %b %Y")


def layout(
    site: GhostSite,
    title: str,
    head: str,
    body_class: str,
    current: str,
    body: str,
    lightbox: bool = False,
) -> str:
    """``default.hbs``."""
    social = (
        f'<a href="https://www.facebook.com/{site.facebook}" target="_blank" rel="noopener" '
        f'aria-label="Facebook">\n                                {FACEBOOK_SVG}\n                        </a>\n'
        f'                        <a href="https://x.com/{site.twitter.lstrip("@")}" target="_blank" '
        f'rel="noopener" aria-label="X">\n                                {X_SVG}\n                        </a>'
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>

    <title>{hbs(title)}</title>
    <meta charset="utf-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=edge" />
    <meta name="HandheldFriendly" content="True" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />

    <link rel="preload" as="style" href="/assets/built/screen.css?v={ASSET_V}" />
    <link rel="preload" as="script" href="/assets/built/casper.js?v={ASSET_V}" />

    <link rel="stylesheet" type="text/css" href="/assets/built/screen.css?v={ASSET_V}" />

    {head}

</head>
<body class="{body_class} is-head-left-logo has-cover">
<div class="viewport">

    <header id="gh-head" class="gh-head outer">
        <div class="gh-head-inner inner">
            <div class="gh-head-brand">
                <a class="gh-head-logo no-image" href="{ORIGIN}/">
                        {hbs(site.title)}
                </a>
                <button class="gh-search gh-icon-btn" aria-label="Search this site" data-ghost-search>{SEARCH_SVG}</button>
                <button class="gh-burger" aria-label="Main Menu"></button>
            </div>

            <nav class="gh-head-menu">
                {navigation(PRIMARY_NAV, current)}
            </nav>

            <div class="gh-head-actions">
                    <button class="gh-search gh-icon-btn" aria-label="Search this site" data-ghost-search>{SEARCH_SVG}</button>
                    <div class="gh-head-members">
                                <a class="gh-head-link" href="#/portal/signin" data-portal="signin">Sign in</a>
                                <a class="gh-head-button" href="#/portal/signup" data-portal="signup">Subscribe</a>
                    </div>
            </div>
        </div>
    </header>

    <div class="site-content">
        {body}
    </div>

    <footer class="site-footer outer">
        <div class="inner">
            <section class="copyright"><a href="{ORIGIN}/">{hbs(site.title)}</a> &copy; 2025</section>
            <div class="site-footer-center">
                <div class="site-footer-social-links">
                        {social}
                </div>
                <nav class="site-footer-nav">
                    {navigation(SECONDARY_NAV, current)}
                </nav>
                <p class="site-footer-timezone">{TIME_NOTE}</p>
            </div>
            <div class="gh-powered-by"><a href="https://ghost.org/" target="_blank" rel="noopener">Powered by Ghost</a></div>
        </div>
    </footer>

</div>

{LIGHTBOX if lightbox else ""}
<script src="/assets/built/casper.js?v={ASSET_V}" defer></script>



</body>
</html>
"""


def srcset(post: Post, widths: Sequence[int]) -> str:
    return ",\n                    ".join(f"{post.image(w)} {w}w" for w in widths)


def post_card(post: Post, reading: str, excerpt: str, card_class: str = "") -> str:
    """``partials/post-card.hbs``; ``excerpt`` is ``{{excerpt}}`` (custom or 50 words)."""
    machine, shown = local_date(post)
    excerpt = hbs(excerpt)
    return f"""<article class="post-card {post_class(post)}{card_class}">

    <a class="post-card-image-link" href="{post.path}">

        <img class="post-card-image"
            srcset="{srcset(post, (300, 600, 1000, 2000))}"
            sizes="(max-width: 1000px) 400px, 800px"
            src="{post.image(600)}"
            alt="{hbs(post.story.title)}"
            loading="lazy"
        />


    </a>

    <div class="post-card-content">

        <a class="post-card-content-link" href="{post.path}">
            <header class="post-card-header">
                <div class="post-card-tags">
                        <span class="post-card-primary-tag">{hbs(post.primary_tag)}</span>
                </div>
                <h2 class="post-card-title">
                    {hbs(post.story.title)}
                </h2>
            </header>
                <div class="post-card-excerpt">{excerpt}</div>
        </a>

        <footer class="post-card-meta">
            <time class="post-card-meta-date" datetime="{machine}">{shown}</time>
                <span class="post-card-meta-length">{reading}</span>
        </footer>

    </div>

</article>
"""


def article(post: Post, site: GhostSite, content: str, reading: str, caption: str) -> str:
    """``post.hbs`` up to the end of ``<main>``."""
    s = post.story
    machine, shown = local_date(post)
    avatars = "".join(
        f"""
                <li class="author-list-item">
                    <a href="{site.person(n).path}" class="author-avatar author-profile-image" aria-label="Read more of {hbs(n)}">{AVATAR_SVG}</a>
                </li>"""
        for n in s.authors
    )
    excerpt = (
        f'\n            <p class="article-excerpt">{hbs(post.excerpt)}</p>\n'
        if post.excerpt
        else ""
    )
    return f"""<main id="site-main" class="site-main">
<article class="article {post_class(post)} ">

    <header class="article-header gh-canvas">

        <div class="article-tag post-card-tags">
                <span class="post-card-primary-tag">
                    <a href="/tag/{slugify(post.primary_tag)}/">{hbs(post.primary_tag)}</a>
                </span>
        </div>

        <h1 class="article-title">{hbs(s.title)}</h1>
{excerpt}
        <div class="article-byline">
        <section class="article-byline-content">

            <ul class="author-list instapaper_ignore">{avatars}
            </ul>

            <div class="article-byline-meta">
                <h4 class="author-name">{authors_links(s.authors, site)}</h4>
                <div class="byline-meta-content">
                    <time class="byline-meta-date" datetime="{machine}">{shown}</time>
                        <span class="byline-reading-time"><span class="bull">&bull;</span> {reading}</span>
                </div>
            </div>

        </section>
        <a href="#/share" class="gh-button gh-button-share">Share</a>
        </div>

            <figure class="article-image">
                <img
                    srcset="{srcset(post, (300, 600, 1000, 2000))}"
                    sizes="(min-width: 1400px) 1400px, 92vw"
                    src="{post.image(2000)}"
                    alt="{hbs(s.title)}"
                    fetchpriority="high"
                    loading="eager"
                />
                    <figcaption>{caption}</figcaption>
            </figure>

    </header>

    <section class="gh-content gh-canvas">
        {content}
    </section>


</article>
</main>
"""


def footer_cta() -> str:
    """The members call to action after a post (members on, comments off)."""
    return """    <section class="footer-cta outer">
        <div class="inner">
            <h2 class="footer-cta-title">Sign up for more like this.</h2>
            <a class="footer-cta-button" href="#/portal" data-portal>
                <div class="footer-cta-input">Enter your email</div>
                <span>Subscribe</span>
            </a>
        </div>
    </section>
"""


def read_more(cards: Sequence[str]) -> str:
    """The ``read-more-wrap`` aside: Casper's three latest posts."""
    return (
        '            <aside class="read-more-wrap outer">\n                <div class="read-more inner">\n'
        + "".join(cards)
        + "                </div>\n            </aside>\n"
    )


def rail(news: Sequence[Post], picks: Sequence[Post], signup: tuple[str, str, str]) -> str:
    """Site customisation: News Feed, Editors' Picks and a Portal signup form."""
    rows = []
    for p in news:
        local = p.story.published.astimezone(TZ)
        clock = local.strftime("%I:%M %p").lstrip("0")
        rows.append(
            f'                <li class="gazette-feed-item"><time class="gazette-feed-time" '
            f'datetime="{local.strftime("%Y-%m-%dT%H:%M")}">{clock}</time> '
            f'<a href="{p.path}">{hbs(p.story.title)}</a></li>'
        )
    pick_rows = [
        f'                <li><a href="{p.path}">{hbs(p.story.title)}</a></li>' for p in picks
    ]
    title, blurb, button = signup
    return f"""<aside class="gazette-rail outer">
    <div class="gazette-rail-inner inner">
        <section class="gazette-feed">
            <h3 class="gazette-rail-title">News Feed</h3>
            <ul class="gazette-feed-list">
{chr(10).join(rows)}
            </ul>
        </section>
        <section class="gazette-picks">
            <h3 class="gazette-rail-title">Editors' Picks</h3>
            <ul class="gazette-picks-list">
{chr(10).join(pick_rows)}
            </ul>
        </section>
        <section class="gazette-signup">
            <h3 class="gazette-rail-title">{title}</h3>
            <p class="gazette-signup-blurb">{blurb}</p>
            <form class="gazette-signup-form" data-members-form="signup">
                <input data-members-label type="hidden" value="{hbs(title)}" />
                <input class="gazette-signup-input" data-members-email type="email" required="true" placeholder="Your email address" />
                <button class="gazette-signup-button" type="submit">{button}</button>
                <p class="gazette-signup-error" data-members-error></p>
            </form>
        </section>
    </div>
</aside>
"""


def index_body(site: GhostSite, cards: Sequence[str], page_nav: str, home: bool) -> str:
    """``index.hbs``: the cover header (on every index page) and the post feed."""
    cover = f"""
            <img class="site-header-cover"
                srcset="{site.cover.replace("/images/", "/images/size/w300/")} 300w,
                        {site.cover.replace("/images/", "/images/size/w600/")} 600w,
                        {site.cover.replace("/images/", "/images/size/w1000/")} 1000w,
                        {site.cover.replace("/images/", "/images/size/w2000/")} 2000w"
                sizes="100vw"
                src="{site.cover.replace("/images/", "/images/size/w2000/")}"
                alt="{hbs(site.title)}"
                fetchpriority="high"
                loading="eager"
            />
"""
    return f"""<div class="site-header-content outer">
{cover}
        <div class="site-header-inner inner">
                    <h1 class="site-title">{hbs(site.title)}</h1>
                <p class="site-description">{hbs(site.description)}</p>
        </div>

</div>

<main id="site-main" class="site-main outer">
<div class="inner posts">

    <div class="post-feed">
{"".join(cards)}
    </div>

    {page_nav}
</div>
</main>
"""


def archive_header(title: str, excerpt: str, extra: str = "") -> str:
    """The ``post-card-large`` header section of ``tag.hbs`` and ``author.hbs``."""
    return f"""        <section class="post-card post-card-large">


            <div class="post-card-content">
            <div class="post-card-content-link">
{extra}
                <header class="post-card-header">
                    <h2 class="post-card-title">{hbs(title)}</h2>
                </header>
                <div class="post-card-excerpt">
                        {excerpt}
                </div>
            </div>
            </div>

        </section>
"""


def author_header(name: str, bio: str, location: str, website: str) -> str:
    """``author.hbs``'s profile card (no cover, no profile image)."""
    loc = (
        f'\n                        <div class="author-profile-location">{hbs(location)}</div>'
        if location
        else ""
    )
    web = ""
    if website:
        web = (
            f'\n                            <a class="author-profile-social-link" href="{hbs(website)}" '
            f'target="_blank" rel="noopener">{hbs(website)}</a>'
        )
    return f"""        <section class="post-card post-card-large">


            <div class="post-card-content">
            <div class="post-card-content-link">


                <header class="post-card-header">
                    <h2 class="post-card-title">{hbs(name)}</h2>
                </header>

                    <div class="post-card-excerpt">{hbs(bio)}</div>

                <footer class="author-profile-footer">{loc}
                    <div class="author-profile-meta">{web}
                    </div>
                </footer>

            </div>
            </div>

        </section>
"""


def listing_body(header: str, cards: Sequence[str], page_nav: str) -> str:
    """``tag.hbs`` / ``author.hbs`` main."""
    return f"""<main id="site-main" class="site-main outer">
<div class="inner posts">
    <div class="post-feed">

{header}
{"".join(cards)}
    </div>

    {page_nav}
</div>
</main>
"""


def page_body(title: str, content: str, slug: str) -> str:
    """``page.hbs`` with the title shown."""
    return f"""<main id="site-main" class="site-main">
<article class="article page">

        <header class="article-header gh-canvas">

            <h1 class="article-title">{hbs(title)}</h1>


        </header>

    <section class="gh-content gh-canvas">
        {content}
    </section>

</article>
</main>
"""


def escape_text(text: str) -> str:
    """How Lexical writes text into post HTML."""
    return htmllib.escape(text, quote=False)
