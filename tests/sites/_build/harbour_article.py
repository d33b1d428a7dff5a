"""Article-level HTML of the ``harbour`` site (WordPress style), as pure functions."""

from __future__ import annotations

import json
from typing import Any

from common import ORIGIN, Story, esc, read_minutes, slugify, utc_iso

NAME = "The Harbour Herald"


def article_path(story: Story) -> str:
    return f"/{story.published:%Y/%m/%d}/{story.slug}/"


def amp_path(story: Story) -> str:
    return article_path(story) + "amp/"


def image_path(story: Story) -> str:
    return f"/images/{story.slug}.jpg"


def nice_date(story: Story) -> str:
    return f"{story.published.day} {story.published:%B %Y} at {story.published:%H:%M}"


def hash_slug(story: Story) -> int:
    """A stable WordPress-like post id (``hash()`` is salted per process)."""
    return sum((i + 1) * ord(ch) for i, ch in enumerate(story.slug)) % 100000


def json_ld(story: Story) -> str:
    """The Yoast-style ``@graph``: article, page, image, site, publisher, people."""
    url = f"{ORIGIN}{article_path(story)}"
    article: dict[str, Any] = {
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "isPartOf": {"@id": url},
        "headline": story.title,
        "url": url,
        "datePublished": utc_iso(story.published),
        "author": [{"@id": f"{ORIGIN}/#/schema/person/{slugify(a)}"} for a in story.authors],
        "publisher": {"@id": f"{ORIGIN}/#organization"},
        "image": {"@id": f"{url}#primaryimage"},
        "keywords": list(story.tags),
        "articleSection": [story.section],
        "inLanguage": "uk" if story.language == "uk" else "en-GB",
        "wordCount": sum(len(b.text.split()) for b in story.blocks),
        "mainEntityOfPage": {"@id": url},
    }
    if story.modified:
        article["dateModified"] = utc_iso(story.modified)
    graph: list[dict[str, Any]] = [
        article,
        {
            "@type": "WebPage",
            "@id": url,
            "url": url,
            "name": f"{story.title} - {NAME}",
            "isPartOf": {"@id": f"{ORIGIN}/#website"},
            "primaryImageOfPage": {"@id": f"{url}#primaryimage"},
            "datePublished": utc_iso(story.published),
        },
        {
            "@type": "ImageObject",
            "@id": f"{url}#primaryimage",
            "url": f"{ORIGIN}{image_path(story)}",
            "contentUrl": f"{ORIGIN}{image_path(story)}",
            "width": 640,
            "height": 360,
            "caption": story.caption,
        },
        {
            "@type": "WebSite",
            "@id": f"{ORIGIN}/#website",
            "url": f"{ORIGIN}/",
            "name": NAME,
            "publisher": {"@id": f"{ORIGIN}/#organization"},
        },
        {
            "@type": "Organization",
            "@id": f"{ORIGIN}/#organization",
            "name": NAME,
            "url": f"{ORIGIN}/",
            "logo": {"@type": "ImageObject", "url": f"{ORIGIN}/images/logo.jpg"},
        },
    ]
    graph += [
        {
            "@type": "Person",
            "@id": f"{ORIGIN}/#/schema/person/{slugify(a)}",
            "name": a,
            "url": f"{ORIGIN}/author/{slugify(a)}/",
        }
        for a in story.authors
    ]
    data = {"@context": "https://schema.org", "@graph": graph}
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def entry_content(story: Story, read_also: Story) -> str:
    """The body as WordPress prints it, with a "Read also:" box and an ad slot inside."""
    parts = []
    for i, block in enumerate(story.blocks):
        tag = "h2" if block.kind == "h2" else "p"
        parts.append(f"<{tag}>{esc(block.text)}</{tag}>")
        if i == 1:
            parts.append(
                '<div class="read-also"><strong>Read also:</strong> '
                f'<a href="{article_path(read_also)}">{esc(read_also.title)}</a></div>'
            )
        if i == 3:
            parts.append(
                '<div class="ad-slot" id="div-gpt-ad-inarticle-1">'
                '<span class="ad-label">Advertisement</span></div>'
            )
    return '<div class="entry-content">\n' + "\n".join(parts) + "\n</div>\n"


def share_buttons(story: Story) -> str:
    url = f"{ORIGIN}{article_path(story)}"
    return (
        '<div class="sharedaddy"><h3 class="sd-title">Share this:</h3><ul>'
        f'<li><a class="share-facebook" rel="nofollow noopener" target="_blank" '
        f'href="https://www.facebook.com/sharer/sharer.php?u={url}">Share on Facebook</a></li>'
        f'<li><a class="share-x" rel="nofollow noopener" target="_blank" '
        f'href="https://x.com/intent/post?url={url}">Share on X</a></li>'
        f'<li><a class="share-email" href="mailto:?subject={esc(story.title)}">Email</a></li>'
        "</ul></div>\n"
    )


def byline(story: Story) -> str:
    links = " and ".join(
        f'<a class="url fn n" href="/author/{slugify(a)}/">{esc(a)}</a>' for a in story.authors
    )
    updated = ""
    if story.modified:
        updated = (
            f' <time class="updated" datetime="{utc_iso(story.modified)}">Updated '
            f"{story.modified.day} {story.modified:%B %Y} at {story.modified:%H:%M}</time>"
        )
    return (
        f'<div class="entry-meta"><span class="byline">By <span class="author vcard">'
        f'{links}</span></span> <span class="posted-on"><time class="entry-date published" '
        f'datetime="{utc_iso(story.published)}">{esc(nice_date(story))}</time>{updated}</span>'
        f' <span class="reading-time">{read_minutes(story)} min read</span></div>\n'
    )


def amp_page(story: Story) -> str:
    """The AMP copy, whose canonical link points at the article."""
    paragraphs = "\n".join(
        f"<{'h2' if b.kind == 'h2' else 'p'}>{esc(b.text)}</{'h2' if b.kind == 'h2' else 'p'}>"
        for b in story.blocks
    )
    page = f"""<!doctype html>
<html amp lang="en">
<head>
<meta charset="utf-8">
<title>{esc(story.title)}</title>
<link rel="canonical" href="{ORIGIN}{article_path(story)}">
<meta name="viewport" content="width=device-width">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<style amp-boilerplate>body{{visibility:hidden}}</style>
</head>
<body>
<header class="amp-wp-header"><a href="/">{NAME}</a></header>
<article class="amp-wp-article">
<h1 class="amp-wp-title">{esc(story.title)}</h1>
<div class="amp-wp-meta">By {esc(", ".join(story.authors))}, {esc(nice_date(story))}</div>
<figure class="amp-wp-article-featured-image"><amp-img src="{image_path(story)}" width="640"
height="360" layout="responsive"></amp-img><figcaption>{esc(story.caption)}</figcaption></figure>
<div class="amp-wp-article-content">
{paragraphs}
</div>
</article>
</body>
</html>
"""
    return page


def partner_page(story: Story) -> tuple[str, str]:
    """A syndicated copy on a partner path: ``(path, html)``, canonical to the original."""
    path = f"/partner/coastal-wire/{story.slug}/"
    paragraphs = "\n".join(f"<p>{esc(b.text)}</p>" for b in story.blocks)
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(story.title)} | Coastal Wire</title>
<link rel="canonical" href="{ORIGIN}{article_path(story)}">
</head>
<body>
<div class="partner-banner">Coastal Wire: stories from partner newsrooms.
<a href="/">Back to {NAME}</a></div>
<div class="story">
<h1>{esc(story.title)}</h1>
<p class="credit">{esc(", ".join(story.authors))}, {NAME}</p>
{paragraphs}
<p class="origin">This story first appeared in <a href="{article_path(story)}">{NAME}</a>.</p>
</div>
</body>
</html>
"""
    return path, page
