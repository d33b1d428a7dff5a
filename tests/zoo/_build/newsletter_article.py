# ruff: noqa: E501 (the Mailchimp embed keeps its own long lines)
"""Post content and ``{{ghost_head}}`` of the ``newsletter`` zoo site (Ghost + Headline theme).

Head metadata as Ghost core emits it, from github TryGhost/Ghost (read through the file index,
commits as stored there): ``ghost/core/core/frontend/helpers/ghost_head.js`` @ 007dad0c (order:
description, icon, canonical, referrer, OpenGraph/Twitter from ``meta/structured-data.js``
@ 8be5ea14, the JSON-LD ``<script>`` with 4-space indentation, generator, RSS alternate, Portal
and Sodo Search scripts, webmention link, card assets, code injection, accent colour),
``meta/schema.js`` @ 02b1ea7c (``Article`` with ``publisher``, primary ``author`` with an empty
``sameAs``, ``contributor`` for further authors, escapeExpression'd strings),
``meta/published-date.js`` (``toISOString``: ``...000Z``), ``meta/title.js`` (" - Site",
" (Page 2)"), ``helpers/tpl/content-cta.hbs`` @ 01727366 (the members-only upgrade box) and
``helpers/tpl/navigation.hbs``. Cards as Koenig renders them, github TryGhost/Koenig
``packages/kg-default-nodes/lib/nodes/``: ``signup/signup-renderer.js`` @ 4ad453c8 (the members
``data-members-form`` card, hidden until cards.min.js runs), ``call-to-action/
calltoaction-renderer.js`` @ 059302dd and ``html/html-renderer.js`` @ 6d82eaab (the Mailchimp
embed wrapped in ``<!--kg-card-begin: html-->``). The site's own code injection states its
time zone: ``window.__SITE_CONFIG__ = {"timezone": "Australia/Sydney", ...}``.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

# The folder is not a package: its modules import each other by path.
from common import ORIGIN, Story, esc, load_stories, slugify, utc_z

NAME = "Tideline"
TZ = ZoneInfo("Australia/Sydney")
VERSION = "5.116"
LISTING = "listing"  # this site's own reach kind: only the second page of the home listing
ORG = "Tideline Newsroom"
ACCENT = "#0f6e8c"
LOGO = "/content/images/2024/06/tideline-logo.png"
CTA_TEXT = "Tideline is free to read because 2,300 locals chip in. Join them from $6 a month."
CTA_BUTTON = "Become a member"
SIGNUP_HEADING = "Get The Morning Tide"
SIGNUP_SUB = "Corrin Heads news in five minutes, every weekday at 6am."
SIGNUP_DISCLAIMER = "No spam. Unsubscribe any time."
SIGNUP_SUCCESS = "Thanks! Now check your email to confirm."
MC_INLINE = ("The Morning Tide in your inbox", "Five local stories before breakfast, free.")
MC_AFTER = ("Choose your Tideline newsletters", "Tick as many as you like. All of them are free.")
GROUPS = ("The Morning Tide", "Weekend Swell", "Council Watch")
CONFIG = {"timezone": TZ.key, "locale": "en-AU", "newsletter": "The Morning Tide"}
# Stories imported from the old newsletter platform open with a byline paragraph.
IN_BODY_BYLINE = {
    "jetty-restoration-complete": "<p><strong>By Sam Tervo, Heritage Reporter</strong></p>",
    "markets-move-to-foreshore": "<p><em>Words: Mei Harrow, Business Reporter</em></p>",
}
IN_BODY_TEXT = ["By Sam Tervo, Heritage Reporter", "Words: Mei Harrow, Business Reporter"]
PEOPLE = {
    "Hana Whitlock": "Editor. Hana has reported on Corrin Heads for twelve years.",
    "Sam Tervo": "Sam covers the council, heritage and the headland.",
    "Ellie Marchetti": "Ellie covers beaches, transport and anything with a timetable.",
    "Jonah Pike": "Jonah covers schools, the pools and the weather.",
    "Mei Harrow": "Mei covers business, the markets and the harbour.",
    ORG: "News from the Tideline desk.",
}


def load(path: Path) -> tuple[list[Story], dict[str, str]]:
    """Stories (newest first) and their custom excerpts; ``reach: listing`` is read here."""
    text = path.read_text(encoding="utf-8")
    chunks = re.split(r"^=== ", text, flags=re.MULTILINE)[1:]
    listing = {c.split("\n", 1)[0].strip() for c in chunks if "\nreach: listing\n" in c}
    excerpts = {
        c.split("\n", 1)[0].strip(): m.group(1)
        for c in chunks
        if (m := re.search(r"^standfirst: (.+)$", c, flags=re.MULTILINE))
    }

    class _Text:  # load_stories reads ``.read_text``; the common loader knows three kinds only
        def read_text(self, encoding: str) -> str:
            return text.replace("\nreach: listing\n", "\n")

    stories = load_stories(_Text(), TZ)  # type: ignore[arg-type]
    return [replace(s, reach=LISTING) if s.slug in listing else s for s in stories], excerpts


def hbs(text: str) -> str:
    """Handlebars ``escapeExpression``."""
    return html.escape(text, quote=True).replace("`", "&#x60;").replace("=", "&#x3D;")


def post_path(story: Story) -> str:
    return f"/{story.slug}/"


def image(story: Story, size: str | None = None) -> str:
    """``/content/images/2024/12/slug.jpg``; with a size, Ghost's resized copy."""
    month = story.published.astimezone(TZ).strftime("%Y/%m")
    sized = f"size/{size}/" if size else ""
    return f"/content/images/{sized}{month}/{story.slug}.jpg"


SIZES = {"s": 300, "m": 720, "l": 960, "xl": 1200, "xxl": 2000}


def srcset(story: Story) -> str:
    return ",\n                    ".join(f"{image(story, f'w{w}')} {w}w" for w in SIZES.values())


def local(moment: datetime) -> datetime:
    return moment.astimezone(TZ)


def short_date(moment: datetime) -> str:
    """``{{date format="DD MMM YYYY"}}`` in the site's time zone."""
    return local(moment).strftime("%d %b %Y")


def iso_date(moment: datetime) -> str:
    return local(moment).strftime("%Y-%m-%d")


def clock(moment: datetime) -> str:
    t = local(moment)
    return f"{t.hour % 12 or 12}:{t:%M} {'am' if t.hour < 12 else 'pm'}"


def heading_id(text: str) -> str:
    return slugify(text)


def mailchimp(title: str, text: str, groups: tuple[str, ...]) -> str:
    """Mailchimp's embedded form as pasted into a Ghost HTML card or theme partial."""
    checks = "\n".join(
        f'<li><input type="checkbox" name="group[7315][{2**i}]" id="mce-group[7315]-7315-{i}" '
        f'value="{2**i}"><label for="mce-group[7315]-7315-{i}">{esc(g)}</label></li>'
        for i, g in enumerate(groups)
    )
    interest = (
        '<div class="mc-field-group input-group"><strong>Newsletters </strong>\n'
        f'<ul>{checks}</ul><span id="mce-group[7315]-HELPERTEXT" class="helper_text"></span>'
        "</div>\n"
        if groups
        else ""
    )
    return f"""<!-- Begin Mailchimp Signup Form -->
<link href="//cdn-images.mailchimp.com/embedcode/classic-061523.css" rel="stylesheet" type="text/css">
<div id="mc_embed_signup">
<form action="https://tideline.us14.list-manage.com/subscribe/post?u=3a9d1e0c5b7f2a4c6e8d0b1f3&amp;id=9c1e4a7b2d&amp;f_id=0012c5e1f0" method="post" id="mc-embedded-subscribe-form" name="mc-embedded-subscribe-form" class="validate" target="_self" novalidate="">
<div id="mc_embed_signup_scroll"><h2>{esc(title)}</h2><p>{esc(text)}</p>
<div class="indicates-required"><span class="asterisk">*</span> indicates required</div>
<div class="mc-field-group"><label for="mce-EMAIL">Email Address <span class="asterisk">*</span></label><input type="email" name="EMAIL" class="required email" id="mce-EMAIL" required="" value=""></div>
<div class="mc-field-group"><label for="mce-FNAME">First Name </label><input type="text" name="FNAME" class=" text" id="mce-FNAME" value=""></div>
{interest}<div id="mce-responses" class="clear foot"><div class="response" id="mce-error-response" style="display: none;"></div><div class="response" id="mce-success-response" style="display: none;"></div></div>
<div aria-hidden="true" style="position: absolute; left: -5000px;"><input type="text" name="b_3a9d1e0c5b7f2a4c6e8d0b1f3_9c1e4a7b2d" tabindex="-1" value=""></div>
<div class="optionalParent"><div class="clear foot"><input type="submit" name="subscribe" id="mc-embedded-subscribe" class="button" value="Subscribe"></div></div>
</div></form></div>
<script type="text/javascript" src="//s3.amazonaws.com/downloads.mailchimp.com/js/mc-validate.js"></script><script type="text/javascript">(function($) {{window.fnames = new Array(); window.ftypes = new Array();fnames[0]='EMAIL';ftypes[0]='email';fnames[1]='FNAME';ftypes[1]='text';}}(jQuery));var $mcj = jQuery.noConflict(true);</script>
<!--End mc_embed_signup-->"""


def html_card(inner: str) -> str:
    return f"\n<!--kg-card-begin: html-->\n{inner}\n<!--kg-card-end: html-->\n"


def cta_card() -> str:
    return (
        '<div class="kg-card kg-cta-card kg-cta-bg-grey kg-cta-minimal" data-layout="minimal">'
        '<div class="kg-cta-content"><div class="kg-cta-content-inner"><div class="kg-cta-text">'
        f'<p><span style="white-space: pre-wrap;">{esc(CTA_TEXT)}</span></p></div>'
        '<a href="#/portal/signup" class="kg-cta-button kg-style-accent" style="color: #ffffff;">'
        f"{CTA_BUTTON}</a></div></div></div>"
    )


def signup_card() -> str:
    return (
        '<div class="kg-card kg-signup-card kg-width-regular kg-style-accent" '
        'data-lexical-signup-form style="; display: none;"><div class="kg-signup-card-content">'
        '<div class="kg-signup-card-text kg-align-center">'
        f'<h2 class="kg-signup-card-heading" style="color: #FFFFFF;">{SIGNUP_HEADING}</h2>'
        f'<p class="kg-signup-card-subheading" style="color: #FFFFFF;">{SIGNUP_SUB}</p>'
        '<form class="kg-signup-card-form" data-members-form="signup">'
        '<input data-members-label type="hidden" value="Morning Tide" />'
        '<div class="kg-signup-card-fields"><input class="kg-signup-card-input" id="email" '
        'data-members-email="" type="email" required="true" placeholder="Your email" />'
        '<button class="kg-signup-card-button kg-style-accent" style="color: #FFFFFF;" '
        'type="submit"><span class="kg-signup-card-button-default">Subscribe</span>'
        '<span class="kg-signup-card-button-loading"></span></button></div>'
        f'<div class="kg-signup-card-success" style="color: #FFFFFF;">{SIGNUP_SUCCESS}</div>'
        '<div class="kg-signup-card-error" style="color: #FFFFFF;" data-members-error></div>'
        f'</form><p class="kg-signup-card-disclaimer" style="color: #FFFFFF;">'
        f"{SIGNUP_DISCLAIMER}</p></div></div></div>"
    )


def upgrade_cta() -> str:
    """``content-cta.hbs`` for a members-only post and a visitor who is not signed in."""
    return f"""
<aside class="gh-post-upgrade-cta">
    <div class="gh-post-upgrade-cta-content" style="background-color: {ACCENT}">
            <h2>This post is for subscribers only</h2>
            <a class="gh-btn" data-portal="signup" href="#/portal/signup" style="color:{ACCENT}">Subscribe now</a>
            <p><small>Already have an account? <a data-portal="signin" href="#/portal/signin">Sign in</a></small></p>
    </div>
</aside>"""


def content(story: Story, for_feed: bool = False) -> str:
    """``{{content}}``: the Lexical HTML with its cards; members-only posts end in the CTA."""
    parts = [IN_BODY_BYLINE.get(story.slug, "")]
    count = 0
    for block in story.blocks:
        if block.kind == "h2":
            parts.append(f'<h2 id="{heading_id(block.text)}">{esc(block.text)}</h2>')
            continue
        parts.append(f"<p>{esc(block.text)}</p>")
        count += 1
        if count == 1:
            parts.append(cta_card())
        elif count == 2:
            parts.append(html_card(mailchimp(*MC_INLINE, ())))
    if story.paywalled:
        return "".join(parts) + ("" if for_feed else upgrade_cta())
    return "".join(parts) + signup_card()


def plaintext(markup: str) -> str:
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def excerpt(story: Story, excerpts: dict[str, str]) -> str:
    """custom_excerpt, or Ghost's automatic excerpt: the first 50 words of the post text."""
    if story.slug in excerpts:
        return excerpts[story.slug]
    return " ".join(plaintext(content(story)).split()[:50])


def author_slug(name: str) -> str:
    return "tideline" if name == ORG else slugify(name)


def author_url(name: str) -> str:
    return f"/author/{author_slug(name)}/"


def ghost_head(
    canonical: str,
    description: str,
    og: dict[str, Any] | None,
    schema: dict[str, Any] | None,
    prev_next: str = "",
) -> str:
    """What ``{{ghost_head}}`` prints, joined with newline and four spaces as Ghost does."""
    head = []
    if description:
        head.append(f'<meta name="description" content="{hbs(description)}">')
    head.append(f'<link rel="icon" href="{ORIGIN}/favicon.png" type="image/png">')
    head.append(f'<link rel="canonical" href="{ORIGIN}{canonical}">')
    head.append('<meta name="referrer" content="no-referrer-when-downgrade">')
    if prev_next:
        head.append(prev_next)
    if og is not None:
        head.append("")
        for key, value in og.items():
            kind = "name" if key.startswith("twitter") else "property"
            for item in value if isinstance(value, list) else [value]:
                head.append(f'<meta {kind}="{key}" content="{hbs(str(item))}">')
        head.append("")
    if schema is not None:
        dumped = json.dumps(schema, indent=4, ensure_ascii=False).replace("</", "<\\/")
        head.append(f'<script type="application/ld+json">\n{dumped}\n    </script>\n')
    head += [
        f'<meta name="generator" content="Ghost {VERSION}">',
        f'<link rel="alternate" type="application/rss+xml" title="{NAME}" href="{ORIGIN}/rss/">',
        '<script defer src="https://cdn.jsdelivr.net/ghost/portal@~2.50/umd/portal.min.js" '
        f'data-i18n="true" data-ghost="{ORIGIN}/" data-key="4f1c2b9e8d7a6c5b3e2f1a0d9c" '
        f'data-api="{ORIGIN}/ghost/api/content/" data-locale="en" crossorigin="anonymous">'
        '</script><style id="gh-members-styles">.gh-post-upgrade-cta-content { border-radius: '
        "8px; } .gh-post-upgrade-cta { display: flex; }</style>",
        '<script defer src="https://cdn.jsdelivr.net/ghost/sodo-search@~1.5/umd/sodo-search.'
        'min.js" data-key="4f1c2b9e8d7a6c5b3e2f1a0d9c" data-styles="https://cdn.jsdelivr.net/'
        f'ghost/sodo-search@~1.5/umd/main.css" data-sodo-search="{ORIGIN}/" data-locale="en" '
        'crossorigin="anonymous"></script>',
        f'<link href="{ORIGIN}/webmentions/receive/" rel="webmention">',
        '<script defer src="/public/cards.min.js?v=3e1f0c2a9b"></script>',
        '<link rel="stylesheet" type="text/css" href="/public/cards.min.css?v=3e1f0c2a9b">',
        '<script defer src="/public/member-attribution.min.js?v=3e1f0c2a9b"></script>',
        f"<script>window.__SITE_CONFIG__ = {json.dumps(CONFIG)};</script>"
        f"<style>:root {{--ghost-accent-color: {ACCENT};}}</style>",
    ]
    return "\n    ".join(head).strip()


def post_og(story: Story, description: str) -> dict[str, Any]:
    url = f"{ORIGIN}{post_path(story)}"
    img = f"{ORIGIN}{image(story)}"
    return {
        "og:site_name": NAME,
        "og:type": "article",
        "og:title": story.title,
        "og:description": description,
        "og:url": url,
        "og:image": img,
        "article:published_time": utc_z(story.published),
        "article:modified_time": utc_z(story.modified or story.published),
        "article:tag": list(story.tags),
        "twitter:card": "summary_large_image",
        "twitter:title": story.title,
        "twitter:description": description,
        "twitter:url": url,
        "twitter:image": img,
        "twitter:label1": "Written by",
        "twitter:data1": story.authors[0],
        "twitter:label2": "Filed under",
        "twitter:data2": ", ".join(story.tags),
        "og:image:width": 1200,
        "og:image:height": 800,
    }


def publisher() -> dict[str, Any]:
    return {
        "@type": "Organization",
        "name": NAME,
        "url": f"{ORIGIN}/",
        "logo": {"@type": "ImageObject", "url": f"{ORIGIN}{LOGO}", "width": 600, "height": 120},
    }


def post_schema(story: Story, description: str) -> dict[str, Any]:
    url = f"{ORIGIN}{post_path(story)}"
    schema: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "publisher": publisher(),
        "author": {
            "@type": "Person",
            "name": hbs(story.authors[0]),
            "url": f"{ORIGIN}{author_url(story.authors[0])}",
            "sameAs": [],
        },
    }
    if len(story.authors) > 1:
        schema["contributor"] = [
            {"@type": "Person", "name": hbs(a), "url": f"{ORIGIN}{author_url(a)}", "sameAs": []}
            for a in story.authors[1:]
        ]
    schema |= {
        "headline": hbs(story.title),
        "url": url,
        "datePublished": utc_z(story.published),
        "dateModified": utc_z(story.modified or story.published),
        "image": {
            "@type": "ImageObject",
            "url": f"{ORIGIN}{image(story)}",
            "width": 1200,
            "height": 800,
        },
        "keywords": ", ".join(story.tags),
        "description": hbs(description),
        "mainEntityOfPage": url,
    }
    return schema
