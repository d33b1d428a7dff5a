"""RSS, sitemaps and robots.txt of the ``newsletter`` zoo site, as Ghost core writes them.

From github TryGhost/Ghost (file index): ``ghost/core/core/frontend/services/rss/
generate-feed.js`` @ 048089b4 (the ``rss`` npm module: CDATA title and description, ``guid`` is
the post id, categories are the tag names, ``dc:creator`` the primary author, ``media:content``
and the feature image put before the first paragraph of ``content:encoded``), ``services/
sitemap/base-site-map-generator.js`` @ 0daf302a (``lastmod`` from ``updated_at``,
``image:image`` with the file name as caption) and ``site-map-index-generator.js`` @ 16d11895
(``/sitemap-<type>.xml`` children). robots.txt is Ghost's default.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime

from common import ORIGIN, Story, esc, utc_z
from newsletter_article import NAME, VERSION, content, image, post_path

DECL = (
    '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" '
    f'href="{ORIGIN}/sitemap.xsl"?>'
)
SITEMAP_NS = (
    'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"'
)
DESCRIPTION = "Local news for Corrin Heads, in your inbox every weekday morning."


def post_id(story: Story) -> str:
    return hashlib.sha1(story.slug.encode()).hexdigest()[:24]


def gmt(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")


def rss(stories: Sequence[Story], descriptions: dict[str, str]) -> str:
    items = []
    for s in stories:
        img = f"{ORIGIN}{image(s)}"
        html = content(s, for_feed=True)
        html = html.replace("<p>", f'<img src="{img}" alt="{esc(s.title)}"><p>', 1)
        cats = "".join(f"<category><![CDATA[{t}]]></category>" for t in s.tags)
        items.append(
            f"<item><title><![CDATA[{s.title}]]></title>"
            f"<description><![CDATA[{descriptions[s.slug]}]]></description>"
            f"<link>{ORIGIN}{post_path(s)}</link>"
            f'<guid isPermaLink="false">{post_id(s)}</guid>{cats}'
            f"<dc:creator><![CDATA[{s.authors[0]}]]></dc:creator>"
            f"<pubDate>{gmt(s.published)}</pubDate>"
            f'<media:content url="{img}" medium="image"/>'
            f"<content:encoded><![CDATA[{html}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:atom="http://www.w3.org/2005/Atom" version="2.0" '
        'xmlns:media="http://search.yahoo.com/mrss/"><channel>'
        f"<title><![CDATA[{NAME}]]></title><description><![CDATA[{DESCRIPTION}]]></description>"
        f"<link>{ORIGIN}/</link><image><url>{ORIGIN}/favicon.png</url><title>{NAME}</title>"
        f"<link>{ORIGIN}/</link></image><generator>Ghost {VERSION}</generator>"
        f"<lastBuildDate>{gmt(stories[0].published)}</lastBuildDate>"
        f'<atom:link href="{ORIGIN}/rss/" rel="self" type="application/rss+xml"/>'
        f"<ttl>60</ttl>{''.join(items)}</channel></rss>"
    )


def urlset(rows: Sequence[tuple[str, datetime, str | None]]) -> str:
    """``(path, lastmod, image path)`` rows, newest first as Ghost sorts them."""
    out = []
    for path, when, img in rows:
        pic = (
            f"<image:image><image:loc>{ORIGIN}{img}</image:loc><image:caption>"
            f"{img.rsplit('/', 1)[1]}</image:caption></image:image>"
            if img
            else ""
        )
        out.append(f"<url><loc>{ORIGIN}{path}</loc><lastmod>{utc_z(when)}</lastmod>{pic}</url>")
    return f"{DECL}<urlset {SITEMAP_NS}>{''.join(out)}</urlset>"


def posts_sitemap(stories: Sequence[Story]) -> str:
    rows = [(post_path(s), s.modified or s.published, image(s)) for s in stories]
    return urlset(sorted(rows, key=lambda r: r[1], reverse=True))


def sitemap_index(children: Sequence[tuple[str, datetime]]) -> str:
    rows = "".join(
        f"<sitemap><loc>{ORIGIN}/sitemap-{name}.xml</loc><lastmod>{utc_z(when)}</lastmod></sitemap>"
        for name, when in children
    )
    return (
        f'{DECL}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}'
        "</sitemapindex>"
    )


def robots() -> str:
    return (
        f"User-agent: *\nSitemap: {ORIGIN}/sitemap.xml\nDisallow: /ghost/\nDisallow: /email/\n"
        "Disallow: /members/api/comments/counts/\nDisallow: /r/\n"
        "Disallow: /webmentions/receive/\n"
    )


SITEMAP_XSL = """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:template match="/"><html><body><h1>XML Sitemap</h1></body></html></xsl:template>
</xsl:stylesheet>
"""
