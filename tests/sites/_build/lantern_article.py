"""Article-level HTML of the ``lantern`` site (Next.js/Ghost style), as pure functions."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

# The folder is not a package: its modules import each other by path.
from common import ORIGIN, Story, css_class, esc, read_minutes, slugify, utc_z

NAME = "The Lantern"
TZ = ZoneInfo("Europe/Kyiv")
DESK = "The Lantern news desk"
AUDIO = "This audio is created with AI assistance"
PAYWALL = "Subscribe to read the rest"


def c(name: str) -> str:
    """Class attribute with a hashed, meaningless-looking name."""
    return f'class="{css_class(name)}"'


def article_path(story: Story) -> str:
    return f"/news/{story.slug}"


def image_path(story: Story) -> str:
    return f"/images/{story.slug}.jpg"


def local_text(moment: datetime) -> str:
    """``December 11, 2024 3:18 PM`` in the site's local time."""
    local = moment.astimezone(TZ)
    hour = local.hour % 12 or 12
    half = "AM" if local.hour < 12 else "PM"
    return f"{local:%B} {local.day}, {local.year} {hour}:{local:%M} {half}"


def short_time(moment: datetime) -> str:
    return local_text(moment).split(" ", 3)[3]


def byline_names(authors: tuple[str, ...]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(authors) == 1:
        return authors[0]
    return ", ".join(authors[:-1]) + " and " + authors[-1]


def article_meta(story: Story, with_dates: bool, amphtml: bool) -> str:
    """OpenGraph only; ``article:*`` dates and tags only when ``with_dates``."""
    url = f"{ORIGIN}{article_path(story)}"
    meta = [
        f'<meta name="description" content="{esc(story.blocks[0].text)}">',
        f'<meta property="og:title" content="{esc(story.title)} | Lantern">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:url" content="{url}">',
        f'<meta property="og:image" content="{ORIGIN}{image_path(story)}">',
        f'<meta property="og:site_name" content="{NAME}">',
        '<meta name="twitter:card" content="summary_large_image">',
    ]
    if with_dates:
        meta.append(f'<meta property="article:published_time" content="{utc_z(story.published)}">')
        if story.modified:
            meta.append(
                f'<meta property="article:modified_time" content="{utc_z(story.modified)}">'
            )
        meta.append(f'<meta property="article:section" content="{esc(story.section or "")}">')
        meta += [f'<meta property="article:tag" content="{esc(t)}">' for t in story.tags]
    tier = "locked" if story.paywalled else "free"
    meta.append(f'<meta name="article:content_tier" content="{tier}">')
    if amphtml:
        meta.append(f'<link rel="amphtml" href="/amp{article_path(story)}">')
    return "\n".join(meta) + "\n"


def byline(story: Story, time_element: bool) -> str:
    """``by A and B`` plus the visible local date, in ``<time>`` only when asked."""
    names = []
    for name in story.authors:
        if name == DESK:
            names.append(esc(name))
        else:
            names.append(f'<a {c("author")} href="/authors/{slugify(name)}">{esc(name)}</a>')
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if time_element:
        when = f'<time datetime="{utc_z(story.published)}">{local_text(story.published)}</time>'
    else:
        when = f"<span {c('date')}>{local_text(story.published)}</span>"
    updated = ""
    if story.modified:
        updated = f"<span {c('updated')}>Updated {local_text(story.modified)}</span>"
    return (
        f"<div {c('byline')}><span {c('by')}>by {text}</span>\n<div {c('dateline')}>{when}"
        f"{updated}<span {c('read')}>{read_minutes(story)} min read</span></div></div>\n"
    )


def tools(story: Story, short_link: str | None) -> str:
    """Share buttons, an optional short link and the AI audio player."""
    short = ""
    if short_link:
        short = f'<a {c("short")} href="{short_link}">Short link</a>'
    return f"""<div {c("tools")}>
<button {c("share")} aria-label="Share on Facebook">Share</button>
<button {c("share")} aria-label="Share on Telegram">Share</button>{short}</div>
<div {c("audio")}><button {c("play")}>Listen, {read_minutes(story)} min</button>
<p {c("audio-note")}>{AUDIO}</p></div>
"""


def body(story: Story) -> str:
    """Each paragraph in its own hashed-class ``div``; the paywall box when locked."""
    parts = []
    n = 0
    for block in story.blocks:
        if block.kind == "h2":
            parts.append(f"<h2 {c('subhead')}>{esc(block.text)}</h2>")
        else:
            parts.append(f'<div data-testid="paragraph-{n}" {c("para")}>{esc(block.text)}</div>')
            n += 1
    if story.paywalled:
        parts.append(
            f'<div {c("paywall")} data-testid="paywall"><h3>{PAYWALL}</h3><p>Lantern members '
            f'get every story, the archive and the morning briefing.</p><a href="/subscribe">'
            "Become a member</a></div>"
        )
    return f"<div {c('article-body')}>\n" + "\n".join(parts) + "\n</div>\n"


def amp_page(story: Story) -> tuple[str, str]:
    """The AMP copy: ``(path, html)``."""
    path = f"/amp{article_path(story)}"
    text = "\n".join(
        f"<h2>{esc(b.text)}</h2>" if b.kind == "h2" else f"<p>{esc(b.text)}</p>"
        for b in story.blocks
    )
    html = f"""<!doctype html><html amp lang="en"><head><meta charset="utf-8">
<title>{esc(story.title)} | Lantern</title>
<link rel="canonical" href="{ORIGIN}{article_path(story)}">
<script async src="https://cdn.ampproject.org/v0.js"></script></head>
<body><h1>{esc(story.title)}</h1><p>by {esc(byline_names(story.authors))}</p>
<p>{local_text(story.published)}</p>
{text}
</body></html>
"""
    return path, html


def partner_page(story: Story) -> tuple[str, str]:
    """A syndicated copy on a partner path: ``(path, html)``, canonical to the original."""
    path = f"/partners/riverwire/{story.slug}"
    text = "\n".join(f"<p>{esc(b.text)}</p>" for b in story.blocks if b.kind == "p")
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{esc(story.title)} - RiverWire</title>
<link rel="canonical" href="{ORIGIN}{article_path(story)}"></head>
<body><div class="rw-top">RiverWire partner content. <a href="/">{NAME}</a></div>
<h1>{esc(story.title)}</h1><p class="rw-by">{esc(byline_names(story.authors))} for {NAME}</p>
{text}
<p>First published by <a href="{article_path(story)}">{NAME}</a>.</p></body></html>
"""
    return path, html
