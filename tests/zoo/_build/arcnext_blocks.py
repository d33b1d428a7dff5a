"""List blocks and page chrome of the ``arcnext`` zoo site (arc-themes-blocks markup).

Modelled on github WPMedia/arc-themes-blocks @ 06db5b73be8b3cead3b4a7b5a88ab2fed3f31fdc:
``default-output-block/output-types/default.jsx`` (head, ``a.skip-main``,
``div#fusion-app.c-stack.b-application``, the Fusion metadata script),
``right-rail-block/layouts/right-rail/default.jsx`` (``b-right-rail__navigation``,
``section#main.b-right-rail__main``, ``__rail-container``, ``aside.__main-right-rail``,
``footer.b-right-rail__footer``), ``header-nav-chain-block`` (``nav#main-nav``, logo, links bar,
the flyout section menu), ``footer-block`` (``b-footer__links-group``), ``card-list-block``
(main item with byline and date, secondary items), ``simple-list-block``,
``numbered-list-block``, ``results-list-block/results/result-item.jsx`` (section fronts, tag
and author pages, with the "See more" button), ``links-bar-block``, ``section-title-block``,
``tag-title-block``, ``full-author-bio-block`` and ``search-results-list-block``.
The "News Feed" list adds a time to each row and section fronts add page links: both are the
publisher's own small features (hashed classes).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from arcnext_article import (
    DEPLOY,
    NAME,
    PEOPLE,
    SITE,
    article_path,
    author_nodes,
    c,
    clock,
    icon,
    image_src,
    link,
    serial_join,
    stack,
    theme_date,
)
from arcnext_data import script_json
from arcnext_feeds import RSS, XML
from common import ORIGIN, Story, esc, slugify

NAV = (
    ("News", "/news/"),
    ("Sports", "/sports/"),
    ("Business", "/business/"),
    ("Latest", "/latest/"),
    ("Newsletters", "/newsletters/"),
)
SKIP = "Skip to main content"
FOOTER_NOTE = f"© 2024 {NAME}. All times Eastern."
ASSET = f"?d={DEPLOY}&amp;mxId=00000000"
INLINE = "window.isIE = !!window.MSInputMethodContext && !!document.documentMode;"
HIDDEN = ' aria-hidden="true" tabindex="-1"'


def head(title: str, canonical: str, extra: str = "") -> str:
    css = f"/pf/dist/components/combinations/default.css{ASSET}"
    return f"""<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<link rel="icon" type="image/x-icon" href="/pf/resources/favicon.ico?d={DEPLOY}"/>
<title>{esc(title)}</title><link rel="canonical" href="{ORIGIN}{canonical}"/>
<link rel="alternate" type="application/rss+xml" title="{NAME}" href="{ORIGIN}{RSS}{XML}"/>
<link rel="preload" as="style" href="{css}"/><link rel="stylesheet" href="{css}"/>
{extra}<style>body {{ writing-mode: horizontal-tb; }}</style>
<script data-integration="inlineScripts">{INLINE}</script>
</head>
"""


def navigation() -> str:
    burger = (
        '<button aria-label="Sections" class="c-button c-button--small c-button--primary '
        f'nav-sections-btn" type="button">{icon(size=16)}</button>'
    )
    links = "".join(
        f'<span class="b-header-nav-chain__links-list-item">{link(href, label)}</span>'
        for label, href in NAV
    )
    flyout = "".join(
        f'<li class="section-item" data-testid="nav-chain-section-item">'
        f"{link(href, label, attrs=HIDDEN)}</li>"
        for label, href in NAV
    )
    sign_in = (
        '<a class="c-button c-button--link c-button--small c-button--secondary" '
        'href="/account/login/"><span>Sign In</span></a>'
    )
    search = (
        '<form class="b-header-nav-chain__search" action="/search/" method="get">'
        '<input type="text" name="query" placeholder="Search" aria-label="Search"/></form>'
    )
    overlay = stack(
        "b-header-nav-chain__flyout-overlay closed",
        "<div>"
        + stack(
            "b-header-nav-chain__flyout-nav-wrapper closed",
            '<div class="b-header-nav-chain__flyout-close-button"><button aria-label="Close '
            'drawer menu" class="c-button c-button--small c-button--secondary-reverse" '
            f'type="button">{icon(size=24)}</button></div>'
            f'<ul class="b-header-nav-chain__flyout-nav">{flyout}</ul>',
        )
        + "</div>",
        attrs=' id="flyout-overlay" data-testid="nav-chain-flyout-overlay"',
    )
    nav = (
        '<nav id="main-nav" class="b-header-nav-chain " aria-label="Sections Menu">'
        '<div class="b-header-nav-chain__top-layout">'
        '<div class="b-header-nav-chain__nav-left"><div class="nav-components--mobile" '
        f'data-testid="nav-chain-nav-components-mobile-left">{burger}</div>'
        f'<div class="nav-components--desktop">{burger}</div></div>'
        f'<a class="c-link b-header-nav-chain__logo  nav-logo-show " href="/" title="{NAME}">'
        f'<img src="/pf/resources/images/logo.png?d={DEPLOY}" alt="{NAME}" '
        'data-chromatic="ignore"/></a>'
        f'<nav class="b-header-nav-chain__links-list" aria-label="Top Links">{links}</nav>'
        f'<div class="b-header-nav-chain__nav-right"><div class="nav-components--desktop">'
        f"{search}{sign_in}</div></div></div>{overlay}</nav>"
    )
    return stack("b-right-rail__navigation", nav, tag="header")


def footer() -> str:
    groups = (
        ("Sections", NAV[:3]),
        (
            "The Courier",
            (
                ("About Us", "/about/"),
                ("Newsletters", "/newsletters/"),
                ("Latest Headlines", "/latest/"),
                ("Search", "/search/"),
            ),
        ),
        ("Account", (("Sign In", "/account/login/"),)),
    )
    cols = "".join(
        f'<div class="b-footer__links-group"><h2 class="c-heading">{title}</h2>'
        '<ul class="b-footer__links-group-list">'
        + "".join(
            f'<li class="b-footer__links-group-list-item">{link(h, t)}</li>' for t, h in items
        )
        + "</ul></div>"
        for title, items in groups
    )
    social = stack(
        "b-footer__social-links",
        (
            '<a class="c-link" href="https://twitter.com/caldercourier" rel="noreferrer" '
            f'target="_blank">{icon()}<span class="visually-hidden">Twitter page opens in new '
            f'window</span></a><a class="c-link" href="{ORIGIN}{RSS}{XML}" rel="noreferrer" '
            f'target="_blank">{icon()}<span class="visually-hidden">RSS feed opens in new window'
            "</span></a>"
        ),
        direction="horizontal",
    )
    inner = (
        '<section class="b-footer__top-container"><div class="b-footer__social-links-container">'
        f'{social}</div><p class="c-paragraph">{FOOTER_NOTE}</p></section>'
        f'<div class="c-grid b-footer__links">{cols}</div><figure class="c-media-item">'
        f'<img alt="{NAME}" class="c-image b-footer__logo" src="/pf/resources/images/logo.png'
        f'?d={DEPLOY}" height="64"/></figure><div></div>'
    )
    return stack("b-right-rail__footer", stack("b-footer", inner), tag="footer")


def fusion_script(global_content: Any, template: str, page_type: str, modified_ms: int) -> str:
    config = {
        "source": "content-api" if page_type == "article" else "story-feed-query",
        "query": {"arc-site": SITE},
    }
    tree = {
        "type": "template",
        "id": template,
        "collection": "layouts",
        "props": {},
        "children": [{"type": "section", "id": str(n), "collection": "sections"} for n in range(6)],
    }
    return (
        '<script id="fusion-metadata" type="application/javascript">window.Fusion=window.Fusion'
        f'||{{}};Fusion.arcSite="{SITE}";Fusion.contextPath="/pf";Fusion.mxId="00000000";'
        f'Fusion.deployment="{DEPLOY}";Fusion.globalContent={script_json(global_content)};'
        f"Fusion.globalContentConfig={json.dumps(config, separators=(',', ':'))};"
        f"Fusion.lastModified={modified_ms};Fusion.contentCache={{}};"
        'Fusion.layout="right-rail-layout";'
        f'Fusion.metas={{"page-type":{{"value":"{page_type}","html":false}}}};'
        f'Fusion.outputType="default";Fusion.template="template/{template}";'
        f"Fusion.tree={json.dumps(tree, separators=(',', ':'))};Fusion.spa=false;"
        "Fusion.spaEnabled=false;</script>\n"
        f'<script defer="" src="/pf/dist/engine/react.js{ASSET}"></script>\n'
        f'<script defer="" src="/pf/dist/components/combinations/default.js{ASSET}"></script>\n'
    )


def page(
    title: str,
    canonical: str,
    full_width: str,
    main: str,
    rail: str,
    script: str,
    extra_head: str = "",
) -> str:
    """The right-rail layout inside the default output type."""
    body = (
        f'<body><a class="skip-main" href="#main">{SKIP}</a>'
        + stack(
            "b-application",
            '<div class="b-right-rail">'
            + navigation()
            + '<section role="main" id="main" tabindex="-1" class="b-right-rail__main">'
            + (stack("b-right-rail__full-width-1", full_width) if full_width else "")
            + '<div class="c-grid b-right-rail__rail-container">'
            + stack("b-right-rail__main-interior-item", main)
            + stack("b-right-rail__main-right-rail", rail, tag="aside")
            + "</div></section>"
            + footer()
            + "</div>",
            attrs=' id="fusion-app"',
        )
        + "\n"
        + script
        + "</body></html>\n"
    )
    return head(title, canonical, extra_head) + body


def img(story: Story, width: int, height: int, widths: Sequence[int], alt: str = "") -> str:
    srcset = ", ".join(f"{image_src(story, w, w * height // width)} {w}w" for w in widths)
    return (
        f'<img alt="{esc(alt)}" data-chromatic="ignore" class="c-image" loading="lazy" '
        f'src="{image_src(story, width, height)}" srcset="{srcset}" width="{width}" '
        f'height="{height}"/>'
    )


def attribution(story: Story, with_date: bool = True) -> str:
    date = (
        f'<span class="c-separator"></span><span class="c-date">'
        f"{theme_date(story.published)}</span>"
        if with_date
        else ""
    )
    return (
        f'<div class="c-attribution"><span>By</span> <span>'
        f"{serial_join(author_nodes(story))}</span>{date}</div>"
    )


def overline(story: Story) -> str:
    return f'<a class="c-overline" href="/{slugify(story.section or "")}/">{esc(story.section)}</a>'


def card_list(title: str, stories: Sequence[Story]) -> str:
    """``card-list-block``: one main item with byline and date, then secondary items."""
    if not stories:
        return ""
    first, rest = stories[0], stories[1:]
    url = article_path(first)
    main = stack(
        "b-card-list__main-item",
        stack(
            "b-card-list__main-item-text-container",
            overline(first)
            + f'<h3 class="c-heading">{link(url, esc(first.title))}</h3>'
            + attribution(first),
        ),
        tag="article",
    )
    items = [main] + [
        stack(
            "b-card-list__secondary-item",
            link(
                article_path(s),
                f'<h3 class="c-heading">{esc(s.title)}</h3>',
                "b-card-list__secondary-item-heading-link",
            )
            + link(
                article_path(s),
                img(s, 105, 70, (105, 210, 420)),
                "b-card-list__secondary-item-image-link",
                HIDDEN,
            ),
            tag="article",
            direction="horizontal",
        )
        for s in rest
    ]
    image_link = link(
        url, img(first, 377, 283, (377, 754, 1508)), "b-card-list__main-item-image-link", HIDDEN
    )
    return stack(
        "b-card-list",
        f'<h2 class="c-heading b-card-list__title">{title}</h2>'
        + image_link
        + stack("b-card-list__list", '<hr aria-hidden="true"/>'.join(items)),
    )


def news_feed(stories: Sequence[Story]) -> str:
    """``simple-list-block`` titled "News Feed", with the publisher's time stamp per row."""
    rows = '<hr aria-hidden="true"/>'.join(
        stack(
            "b-simple-list__item",
            f"<span {c('feed-time')}>{clock(s.published)}</span>"
            + link(
                article_path(s),
                f'<h3 class="c-heading" style="--heading-truncation:3">{esc(s.title)}</h3>',
            ),
            tag="article",
            direction="horizontal",
        )
        for s in stories
    )
    return stack(
        "b-simple-list",
        '<h2 class="c-heading">News Feed</h2>' + stack("b-simple-list__items", rows),
    )


def numbered_list(title: str, stories: Sequence[Story]) -> str:
    rows = '<hr aria-hidden="true"/>'.join(
        stack(
            "b-numbered-list__item",
            f'<p class="c-paragraph">{n}</p>'
            + link(article_path(s), f'<h3 class="c-heading">{esc(s.title)}</h3>'),
            direction="horizontal",
        )
        for n, s in enumerate(stories, start=1)
    )
    return stack(
        "b-numbered-list",
        f'<h2 class="c-heading">{title}</h2>' + stack("b-numbered-list__items", rows),
    )


def result_item(story: Story, standfirst: str) -> str:
    url = article_path(story)
    return (
        '<div class="b-results-list b-results-list--show-image"><figure class="c-media-item">'
        + link(url, img(story, 500, 333, (250, 500), story.title), "", HIDDEN)
        + "</figure>"
        + overline(story)
        + f'<h2 class="c-heading">{link(url, esc(story.title))}</h2>'
        + link(url, f'<p class="c-paragraph">{esc(standfirst)}</p>')
        + attribution(story)
        + "</div>"
    )


def results_list(stories: Sequence[Story], standfirst: dict[str, str], more: bool) -> str:
    if not stories:
        return ""
    items = '<hr class="c-divider"/>'.join(result_item(s, standfirst[s.slug]) for s in stories)
    if more:
        items += '<hr class="c-divider"/>' + stack(
            "b-results-list__seeMore",
            '<button aria-label="See more stories about this topic" class="c-button '
            'c-button--medium c-button--primary" type="button"><span>See more</span></button>',
            alignment="center",
        )
    return stack("b-results-list__wrapper", items)


def pager(path: str, page_no: int, pages: int) -> str:
    """The publisher's page links under a results list (the theme has only "See more")."""
    links = []
    if page_no > 1:
        prev = path if page_no == 2 else f"{path}?page={page_no - 1}"
        links.append(f'<a {c("pager-link")} rel="prev" href="{prev}">Previous page</a>')
    if page_no < pages:
        links.append(
            f'<a {c("pager-link")} rel="next" href="{path}?page={page_no + 1}">Next page</a>'
        )
    return f'<nav {c("pager")} aria-label="Pages">{"".join(links)}</nav>' if links else ""


def section_title(name: str) -> str:
    return stack("b-section-title", f'<h1 class="c-heading">{esc(name)}</h1>')


def tag_title(name: str, description: str) -> str:
    return stack(
        "b-tag-title",
        f'<h1 class="c-heading">{esc(name)}</h1><p class="c-paragraph">{esc(description)}</p>',
    )


def full_author_bio(name: str) -> str:
    role, bio = PEOPLE[name]
    ident = stack(
        "b-full-author-bio__identification",
        f'<h1 class="c-heading b-full-author-bio__name">{esc(name)}</h1>'
        f'<h2 class="c-heading b-full-author-bio__role">{esc(role)}</h2>',
    )
    return (
        '<div class="b-full-author-bio"><figure class="c-media-item"><img alt="'
        f'{esc(name)}" class="c-image" src="/pf/resources/images/avatar.png?d={DEPLOY}" '
        'width="180"/></figure>'
        + stack(
            "b-full-author-bio__text", ident + f'<p class="c-paragraph">{esc(bio)}</p><div></div>'
        )
        + "</div>"
    )


def links_bar(items: Sequence[tuple[str, str]]) -> str:
    inner = '<span class="c-separator"></span>'.join(link(h, esc(t)) for t, h in items)
    return (
        stack(
            "b-links-bar",
            inner,
            tag="nav",
            direction="horizontal",
            justification="center",
            wrap="wrap",
            attrs=' aria-label="More Links"',
        )
        + '<hr class="c-divider"/>'
    )


def search_field(term: str, total: int) -> str:
    stats = f'<p class="c-paragraph">{total} results for “{esc(term)}”</p>' if term else ""
    return stack(
        "b-search-results-list__search",
        stack(
            "b-search-results-list__search-wrapper",
            f'{icon(size=24)}<input type="text" name="searchQuery" placeholder="Enter your search '
            'terms here" value="' + esc(term) + '"/><button class="c-button c-button--large '
            'c-button--primary" type="button"><span>Search</span></button>',
            direction="horizontal",
        )
        + stats,
    )
