# ruff: noqa: E501 (the templates keep the theme's own lines)
"""Headline theme layout and listing templates of the ``newsletter`` zoo site.

Modelled on github TryGhost/Headline @ d03fc7bbd743793396627c5cb8dce9b28901f984: ``default.hbs``
(``gh-head`` with the members buttons, ``gh-foot`` with ``section.gh-subscribe``, secondary
navigation, copyright, ``pswp`` and ``main.min.js``), ``partials/loop-grid.hbs``,
``loop-minimal.hbs``, ``topic-grid.hbs``, ``topic-minimal.hbs``, ``home.hbs``, ``index.hbs``,
``tag.hbs``, ``author.hbs`` and ``page.hbs``; ``locales/en.json`` strings. ``posts_per_page``
is 7 (``package.json``). Headline pages have no page links: the next page is announced only by
``<link rel="next">`` from ``{{ghost_head}}`` (the theme's infinite scroll reads it), except
the home page's "Show more" to ``/page/2``. The post page is in ``newsletter_post.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from common import ORIGIN, Story, esc, slugify
from newsletter_article import (
    LOGO,
    NAME,
    clock,
    excerpt,
    image,
    iso_date,
    local,
    short_date,
    srcset,
)

ASSET = "?v=8e1d3c7a2b"
SIGNUP_TEXT = (
    "The Morning Tide lands at 6am on weekdays. Sign up free; members get the long reads too."
)
ICON_SEARCH = (
    '<svg xmlns="http://www.w3.org/2000/svg" fill="none" viewBox="0 0 24 24" '
    'stroke="currentColor" stroke-width="2" width="20" height="20"><path '
    'stroke-linecap="round" stroke-linejoin="round" d="M21 21l-6-6m2-5a7 7 0 11-14 0 '
    '7 7 0 0114 0z"></path></svg>'
)
ICON_ARROW = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" '
    'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" '
    'stroke-linejoin="round"><line x1="5" y1="12" x2="19" y2="12"></line><polyline '
    'points="12 5 19 12 12 19"></polyline></svg>'
)
ICON_AVATAR = (
    '<svg viewBox="0 0 24 24" xmlns="http://www.w3.org/2000/svg" width="64" '
    'height="64"><g fill="none" fill-rule="evenodd"><path d="M3.513 18.998C4.749 '
    "15.504 8.082 13 12 13s7.251 2.504 8.487 5.998C18.47 21.442 15.417 23 12 23s-6.47"
    '-1.558-8.487-4.002zM12 12c2.21 0 4-2.79 4-5s-1.79-4-4-4-4 1.79-4 4 1.79 5 4 5z" '
    'fill="#FFF"/></g></svg>'
)
PRIMARY_NAV = (
    ("Home", "/"),
    ("News", "/tag/news/"),
    ("Briefs", "/tag/briefs/"),
    ("Newsletters", "/newsletters/"),
    ("About", "/about/"),
)
SECONDARY_NAV = (("Subscribe", "/subscribe/"), ("RSS", "/rss/"), ("Staff sign-in", "/ghost/"))
PSWP = """<div class="pswp" tabindex="-1" role="dialog" aria-hidden="true">
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


def navigation(items: Sequence[tuple[str, str]], current: str) -> str:
    rows = "\n".join(
        f'    <li class="nav-{slugify(label)}{" nav-current" if href == current else ""}">'
        f'<a href="{ORIGIN}{href}">{label}</a></li>'
        for label, href in items
    )
    return f'<ul class="nav">\n{rows}\n</ul>\n'


def layout(
    title: str,
    head: str,
    body_class: str,
    main: str,
    current: str,
    is_home: bool = False,
    is_post: bool = False,
) -> str:
    """``default.hbs``."""
    logo = f'<img src="{ORIGIN}{LOGO}" alt="{NAME}">'
    brand = (
        f'<h1 class="gh-head-logo"><a href="{ORIGIN}/">{logo}</a></h1>'
        if is_home
        else f'<a class="gh-head-logo" href="{ORIGIN}/">{logo}</a>'
    )
    search = (
        f'<button class="gh-search gh-icon-btn" aria-label="Search this site" '
        f"data-ghost-search>{ICON_SEARCH}</button>"
    )
    return f"""<!DOCTYPE html>
<html lang="en">

<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{esc(title)}</title>
    <link rel="stylesheet" href="/assets/built/screen.css{ASSET}">

    {head}
</head>

<body class="{body_class} is-head-stacked has-serif-body">
<div class="gh-site">

    <header id="gh-head" class="gh-head gh-outer">
        <div class="gh-head-inner gh-inner">
            <div class="gh-head-brand">
                <div class="gh-head-brand-wrapper">
                    {brand}
                </div>
                {search}
                <button class="gh-burger" aria-label="Toggle menu"></button>
            </div>

            <nav class="gh-head-menu">
                {navigation(PRIMARY_NAV, current)}
            </nav>

            <div class="gh-head-actions">
                    {search}
                    <div class="gh-head-members">
                                <a class="gh-head-link" href="#/portal/signin" data-portal="signin">Sign in</a>
                                <a class="gh-head-btn gh-btn gh-primary-btn" href="#/portal/signup" data-portal="signup">Subscribe</a>
                    </div>
            </div>
        </div>
    </header>

    {main}

    <footer class="gh-foot gh-outer">
        <div class="gh-foot-inner gh-inner">
                <section class="gh-subscribe">
                    <h3 class="gh-subscribe-title">Subscribe to {NAME}</h3>
                        <div class="gh-subscribe-description">{esc(SIGNUP_TEXT)}</div>
                    <button class="gh-subscribe-btn gh-btn" data-portal="signup"><svg width="20" height="20" viewBox="0 0 20 20" fill="none" stroke="currentColor" xmlns="http://www.w3.org/2000/svg"><path d="M18.3333 5L9.99999 10.8333L1.66666 5" stroke-width="1.5"/></svg> Subscribe now</button>
                </section>

            <nav class="gh-foot-menu">
                {navigation(SECONDARY_NAV, current)}
            </nav>

            <div class="gh-social-links">
                    <a href="https://www.facebook.com/tidelinecorrin" target="_blank" rel="noopener" aria-label="Facebook"><span>Facebook</span></a>
                    <a href="https://x.com/tidelinecorrin" target="_blank" rel="noopener" aria-label="X"><span>X</span></a>
            </div>

            <div class="gh-copyright">
                    {NAME} © 2024. Powered by <a href="https://ghost.org/" target="_blank" rel="noopener">Ghost</a>
            </div>
        </div>
    </footer>

</div>

{PSWP if is_post else ""}
<script src="/assets/built/main.min.js{ASSET}"></script>



</body>

</html>
"""


def post_class(story: Story) -> str:
    return " ".join(["post", *(f"tag-{slugify(t)}" for t in story.tags)])


def authors_line(story: Story) -> str:
    return ", ".join(story.authors)


def loop_grid(story: Story, excerpts: dict[str, str], large: bool, with_excerpt: bool) -> str:
    extract = (
        f'\n                        <div class="gh-card-excerpt">'
        f"{esc(excerpt(story, excerpts))}</div>"
        if with_excerpt
        else ""
    )
    return f"""<article class="gh-card {post_class(story)}{" large" if large else ""}">
    <a class="gh-card-link" href="/{story.slug}/">
            <figure class="gh-card-image">
                <img
                    srcset="{srcset(story)}"
                    sizes="(max-width: 1200px) 100vw, 1200px"
                    src="{image(story, "w720")}"
                    alt="{esc(story.title)}"
                >
            </figure>

        <div class="gh-card-wrapper">
            <header class="gh-card-header">
                <h3 class="gh-card-title">{esc(story.title)}</h3>
            </header>
{extract}
            <footer class="gh-card-footer">
                <span class="gh-card-author">{esc(authors_line(story))}</span>
                <time class="gh-card-date" datetime="{iso_date(story.published)}">{short_date(story.published)}</time>
            </footer>
        </div>
    </a>
</article>"""


def loop_minimal(story: Story, with_time: bool = False) -> str:
    when = (
        f'\n    <time class="gh-card-date" datetime="'
        f'{local(story.published).strftime("%Y-%m-%dT%H:%M")}">{clock(story.published)}'
        "</time>"
        if with_time
        else ""
    )
    return f"""<article class="gh-card {post_class(story)}">
    <a class="gh-card-link" href="/{story.slug}/">
        <h3 class="gh-card-title">{esc(story.title)}</h3>
    </a>{when}
</article>"""


def topic_grid(name: str, url: str, stories: Sequence[Story], excerpts: dict[str, str]) -> str:
    cards = "\n".join(loop_grid(s, excerpts, i == 0, i == 0) for i, s in enumerate(stories))
    return f"""<section class="gh-topic gh-topic-grid">
    <h2 class="gh-topic-name">
        <a href="{url}">{esc(name)}</a>
    </h2>

    <div class="gh-topic-content">
        {cards}
    </div>

    <footer class="gh-topic-footer">
        <a class="gh-topic-link" href="{url}">Show more {ICON_ARROW}</a>
    </footer>
</section>"""


def topic_minimal(
    name: str, url: str | None, stories: Sequence[Story], with_time: bool = False
) -> str:
    title = f'<a href="{url}">{esc(name)}</a>' if url else esc(name)
    more = f'\n        <a class="gh-topic-link" href="{url}">More {ICON_ARROW}</a>' if url else ""
    cards = "\n".join(loop_minimal(s, with_time) for s in stories)
    return f"""<section class="gh-topic gh-topic-minimal">
    <header class="gh-topic-header">
        <h2 class="gh-topic-name">
            {title}
        </h2>{more}
    </header>

    <div class="gh-topic-content">
        {cards}
    </div>
</section>"""


def pagehead(title: str, description: str) -> str:
    desc = (
        f'\n                        <div class="gh-pagehead-description">{esc(description)}</div>'
        if description
        else ""
    )
    return f"""<section class="gh-pagehead">
                    <h1 class="gh-pagehead-title">{esc(title)}</h1>
{desc}
                </section>"""


def feed_block(stories: Sequence[Story], excerpts: dict[str, str], large_first: bool) -> str:
    return "\n".join(
        loop_grid(s, excerpts, large_first and i == 0, True) for i, s in enumerate(stories)
    )


def archive_main(head: str, cards: str) -> str:
    return f"""<main class="gh-main gh-outer">
    <div class="gh-inner">
        {head}

        <div class="gh-topic gh-topic-grid">
            <div class="gh-topic-content gh-feed">
                {cards}
            </div>
        </div>
    </div>
</main>"""


def author_head(name: str, bio: str) -> str:
    return f"""<section class="gh-pagehead">
                <figure class="gh-author-image">
                        <div class="gh-author-icon">{ICON_AVATAR}</div>
                </figure>

                <div class="gh-pagehead-content">
                    <h1 class="gh-pagehead-title">{esc(name)}</h1>
                        <div class="gh-author-location">Corrin Heads</div>
                        <div class="gh-author-bio gh-pagehead-description">{esc(bio)}</div>
                    <div class="gh-author-social">
                    </div>
                </div>
            </section>"""


def page_main(title: str, custom_excerpt: str, body_html: str) -> str:
    return f"""<main class="gh-main">
    <article class="gh-article post page no-image">

            <header class="gh-article-header gh-canvas">
                <h1 class="gh-article-title">{esc(title)}</h1>

                    <p class="gh-article-excerpt">{esc(custom_excerpt)}</p>

            </header>

        <section class="gh-content gh-canvas">
            {body_html}
        </section>

    </article>
</main>"""


def home_main(latest: Sequence[Story], excerpts: dict[str, str], grids: str, minimal: str) -> str:
    cards = "\n".join(loop_grid(s, excerpts, i == 0, i == 0) for i, s in enumerate(latest))
    more = f"{ORIGIN}/page/2"
    return f"""<main class="gh-main gh-outer">
    <div class="gh-inner">
        <section class="gh-topic gh-topic-grid">
            <h2 class="gh-topic-name">
                    <a href="{more}">Latest</a>
            </h2>

            <div class="gh-topic-content">
                {cards}
            </div>

            <footer class="gh-topic-footer">
                    <a class="gh-topic-link" href="{more}">Show more {ICON_ARROW}</a>
            </footer>
        </section>

        {grids}

                    <div class="gh-topic-list">
                        {minimal}
                    </div>
    </div>
</main>"""
