# ruff: noqa: E501 (the templates keep the theme's own lines)
"""Post page templates of the ``newsletter`` zoo site (Ghost Headline theme).

Modelled on github TryGhost/Headline @ d03fc7bbd743793396627c5cb8dce9b28901f984: ``post.hbs``
(``article.gh-article``, ``header.gh-article-header`` with ``a.gh-article-tag``,
``h1.gh-article-title`` and ``p.gh-article-excerpt``, ``section.gh-content``),
``partials/post-meta.hbs`` (author images and names, ``time.gh-article-date`` with a date-only
``datetime``, "1 min", "Share"), ``partials/feature-image.hbs`` and
``partials/related-posts.hbs`` ("Read next", three ``loop-grid`` cards). The publisher's copy
of post.hbs adds three partials after "Read next", in the theme's own ``gh-topic-minimal``
markup: "Editors' Picks", a "News Feed" with naive local times, and a Mailchimp box with
interest groups.
"""

from __future__ import annotations

from common import ORIGIN, Story, esc, slugify
from newsletter_article import (
    GROUPS,
    MC_AFTER,
    author_url,
    image,
    iso_date,
    mailchimp,
    short_date,
    srcset,
)
from newsletter_theme import ICON_AVATAR, loop_grid, post_class, topic_minimal


def post_meta(story: Story) -> str:
    images = "\n".join(
        f'                <a class="gh-author-image" href="{author_url(a)}">\n'
        f'                        <div class="gh-author-icon">{ICON_AVATAR}</div>\n'
        "                </a>"
        for a in story.authors
    )
    names = ",&nbsp;\n".join(
        f'                <h4 class="gh-author-name">\n                    <a href="'
        f'{author_url(a)}">{esc(a)}</a>\n                </h4>'
        for a in story.authors
    )
    return f"""<aside class="gh-article-sidebar">

        <div class="gh-author-image-list instapaper_ignore">
{images}
        </div>

        <div class="gh-author-name-list">
{names}
        </div>

        <div class="gh-article-meta">
            <div class="gh-article-meta-inner">
                <time class="gh-article-date" datetime="{iso_date(story.published)}">{short_date(story.published)}</time>
                    <span class="gh-article-meta-sep"></span>
                    <span class="gh-article-length">1 min</span>
            </div>
        </div>

        <a href="#/share" class="gh-button-share">Share</a>

    </aside>"""


def feature_image(story: Story) -> str:
    return f"""<figure class="gh-article-image">
        <img
            srcset="{srcset(story)}"
            sizes="(max-width: 1200px) 100vw, 1200px"
            src="{image(story, "w1200")}"
            alt="{esc(story.title)}"
        >
            <figcaption><span style="white-space: pre-wrap;">{esc(story.caption)} </span><em class="italic" style="white-space: pre-wrap;">Photo: {esc(story.credit)}</em></figcaption>
    </figure>"""


def post_main(
    story: Story,
    body_html: str,
    excerpts: dict[str, str],
    read_next: list[Story],
    picks: list[Story],
    feed: list[Story],
) -> str:
    primary = story.tags[0]
    custom = (
        f'\n                    <p class="gh-article-excerpt">{esc(excerpts[story.slug])}</p>'
        if story.slug in excerpts
        else ""
    )
    cards = "\n".join(loop_grid(s, excerpts, False, True) for s in read_next)
    related = (
        f"""<div class="gh-read-next gh-canvas">
                <section class="gh-pagehead">
                    <h4 class="gh-pagehead-title">Read next</h4>
                </section>

                <div class="gh-topic gh-topic-grid">
                    <div class="gh-topic-content">
                        {cards}
                    </div>
                </div>
            </div>"""
        if read_next
        else ""
    )
    return f"""<main class="gh-main">
        <article class="gh-article {post_class(story)}">

            <header class="gh-article-header gh-canvas">
                    <a class="gh-article-tag" href="{ORIGIN}/tag/{slugify(primary)}/">{esc(primary)}</a>

                <h1 class="gh-article-title">{esc(story.title)}</h1>
{custom}
                {post_meta(story)}

                {feature_image(story)}
            </header>

            <section class="gh-content gh-canvas">
                {body_html}
            </section>

        </article>

    {related}

    <div class="gh-read-next gh-canvas tl-extras">
        {topic_minimal("Editors' Picks", None, picks)}
        {topic_minimal("News Feed", None, feed, with_time=True)}
        <section class="tl-newsletter">{mailchimp(*MC_AFTER, GROUPS)}</section>
    </div>
</main>"""
