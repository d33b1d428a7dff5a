"""Outbound feeds of the ``arcnext`` zoo site, as Arc XP serves them.

Modelled on github WPMedia/feed-components @ c4e7ec6c15bff1e814d1092f65ed4aa6628d0e8e:
``blocks/rss-feature-block/features/rss/xml.js`` (channel ``atom:link`` is the request path
without its query, ``guid isPermaLink="true"``, ``dc:creator`` joined with ", ", ``pubDate`` in
``+0000``, ``content:encoded`` and ``media:content`` from the promo image),
``blocks/sitemap-feature-block``, ``blocks/sitemap-news-feature-block`` (``news:keywords`` from
the tags) and ``blocks/sitemap-index-feature-block``; all serialised by xmlbuilder2 on one line
(``utils/xml-output``). Paths are Arc's: ``/arc/outboundfeeds/<feed>/?outputType=xml``.
"""

from __future__ import annotations

from collections.abc import Sequence

from arcnext_article import DASH, NAME, article_path, credit_text, image_src, person_url
from common import ORIGIN, Story, esc, rfc822, slugify, utc_z

RSS = "/arc/outboundfeeds/rss/"
SITEMAP_INDEX = "/arc/outboundfeeds/sitemap-index/"
SITEMAP = "/arc/outboundfeeds/sitemap/latest/"
SECTIONS_SITEMAP = "/arc/outboundfeeds/sitemap-section/"
NEWS_SITEMAP = "/arc/outboundfeeds/news-sitemap/"
XML = "?outputType=xml"
DECL = '<?xml version="1.0" encoding="UTF-8"?>'


def _image(story: Story) -> str:
    return f"{ORIGIN}{image_src(story, 1200, 675)}"


def rss(stories: Sequence[Story], standfirst: dict[str, str]) -> str:
    items = []
    for s in stories:
        url = f"{ORIGIN}{article_path(s)}"
        body = "".join(
            f"<h2>{esc(b.text)}</h2>" if b.kind == "h2" else f"<p>{esc(b.text)}</p>"
            for b in s.blocks
        )
        items.append(
            f"<item><title><![CDATA[{s.title}]]></title><link>{url}</link>"
            f'<guid isPermaLink="true">{url}</guid>'
            f"<dc:creator><![CDATA[{', '.join(s.authors)}]]></dc:creator>"
            f"<description><![CDATA[{standfirst.get(s.slug, '')}]]></description>"
            f"<pubDate>{rfc822(s.published)}</pubDate>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded>"
            f'<media:content url="{_image(s)}" type="image/jpeg" height="675" width="1200">'
            f'<media:description type="plain"><![CDATA[{s.caption}]]></media:description>'
            f'<media:credit role="author" scheme="urn:ebu"><![CDATA[{s.credit}]]></media:credit>'
            "</media:content></item>"
        )
    return (
        f'{DECL}<rss xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/" version="2.0" '
        'xmlns:media="http://search.yahoo.com/mrss/">'
        f"<channel><title><![CDATA[{NAME}]]></title><link>{ORIGIN}</link>"
        f'<atom:link href="{ORIGIN}{RSS}" rel="self" type="application/rss+xml"/>'
        f"<description><![CDATA[{NAME} News Feed]]></description>"
        f"<lastBuildDate>{rfc822(stories[0].published)}</lastBuildDate><language>en</language>"
        "<ttl>1</ttl><sy:updatePeriod>hourly</sy:updatePeriod>"
        f"<sy:updateFrequency>1</sy:updateFrequency>{''.join(items)}</channel></rss>"
    )


def sitemap(stories: Sequence[Story]) -> str:
    rows = "".join(
        f"<url><loc>{ORIGIN}{article_path(s)}</loc>"
        f"<lastmod>{utc_z(s.modified or s.published)}</lastmod>"
        "<changefreq>always</changefreq><priority>0.5</priority>"
        f"<image:image><image:loc>{_image(s)}</image:loc>"
        f"<image:caption><![CDATA[{s.caption}]]></image:caption></image:image></url>"
        for s in stories
    )
    return (
        f'{DECL}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">{rows}</urlset>'
    )


def sections_sitemap(sections: Sequence[str], newest: Story) -> str:
    rows = "".join(
        f"<url><loc>{ORIGIN}/{slugify(s)}/</loc><lastmod>{utc_z(newest.published)}</lastmod>"
        "<changefreq>hourly</changefreq><priority>0.8</priority></url>"
        for s in sections
    )
    return f'{DECL}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'


def news_sitemap(stories: Sequence[Story]) -> str:
    rows = "".join(
        f"<url><loc>{ORIGIN}{article_path(s)}</loc>"
        f"<lastmod>{utc_z(s.modified or s.published)}</lastmod>"
        "<changefreq>always</changefreq><priority>0.5</priority><news:news><news:publication>"
        f"<news:name>{esc(NAME)}</news:name><news:language>en</news:language>"
        f"</news:publication><news:publication_date>{utc_z(s.modified or s.published)}"
        f"</news:publication_date><news:title><![CDATA[{s.title}]]></news:title>"
        f"<news:keywords><![CDATA[{','.join(s.tags)}]]></news:keywords></news:news></url>"
        for s in stories
    )
    return (
        f'{DECL}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{rows}</urlset>'
    )


def sitemap_index(newest: Story) -> str:
    rows = "".join(
        f"<sitemap><loc>{ORIGIN}{path}{XML}</loc><lastmod>{utc_z(newest.published)}</lastmod>"
        "</sitemap>"
        for path in (SITEMAP, SECTIONS_SITEMAP)
    )
    return (
        f'{DECL}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}'
        "</sitemapindex>"
    )


def robots() -> str:
    return (
        "User-agent: *\nDisallow: /pf/admin/\nDisallow: /pf/api/\nDisallow: /account/\n"
        "Disallow: /arc/\nAllow: /arc/outboundfeeds/\n\n"
        f"Sitemap: {ORIGIN}{SITEMAP_INDEX}{XML}\nSitemap: {ORIGIN}{NEWS_SITEMAP}{XML}\n"
    )


def amp(story: Story, standfirst: str) -> str:
    """Arc's AMP output type (``?outputType=amp``), canonical to the article."""
    names = ", ".join(
        f'<a href="{person_url(a)}">{esc(a)}</a>' if person_url(a) else esc(a)
        for a in story.authors
    )
    text = "\n".join(
        f"<h2>{esc(b.text)}</h2>" if b.kind == "h2" else f"<p>{esc(b.text)}</p>"
        for b in story.blocks
    )
    return f"""<!DOCTYPE html><html amp lang="en"><head><meta charset="utf-8">
<title>{esc(story.title)} {DASH} {NAME}</title>
<link rel="canonical" href="{ORIGIN}{article_path(story)}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<script async src="https://cdn.ampproject.org/v0.js"></script></head>
<body><header class="amp-header"><a href="/">{NAME}</a></header><article>
<h1>{esc(story.title)}</h1><h2 class="subheadline">{esc(standfirst)}</h2>
<div class="byline">By {names}</div>
<amp-img src="{image_src(story, 800, 450)}" width="800" height="450" layout="responsive"></amp-img>
<p class="caption">{esc(story.caption)} {esc(credit_text(story))}</p>
{text}
</article></body></html>
"""
