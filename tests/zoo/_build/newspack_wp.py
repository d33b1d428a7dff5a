"""WordPress core, Yoast SEO and Jetpack output for the ``newspack`` zoo site, as pure functions.

Modelled on (read with ``git show`` / the search tool's ``read_file``):

- Yoast/wordpress-seo ``src/generators/schema/{article,webpage,breadcrumb,person,website,
  organization,main-image}.php`` and ``src/integrations/third-party/coauthors-plus.php``
  (stored versions 00907c76, 0435b11a, 004d6156): the ``@graph`` pieces, the ``#article``,
  ``#primaryimage``, ``#breadcrumb``, ``#website``, ``#organization`` and ``#/schema/person/``
  ids, Article ``author`` as a list of ``{"@id"}`` refs when Co-Authors Plus is active,
  ``CollectionPage`` / ``ProfilePage`` / ``SearchResultsPage`` on archives; the head
  presenters (title, canonical, og:*, article:*, twitter labels "Written by" / "Est. reading
  time") and the XML sitemaps (``sitemap_index.xml``, ``post-sitemap.xml``...).
- WordPress core (wp-includes ``feed-rss2.php``, ``script-loader.php``
  ``wp_default_packages_inline_scripts`` for the ``wp.date.setSettings`` timezone script,
  ``robots.txt``): found in WordPress/wordpress-develop through the search index.
- Automattic/jetpack ``class.related-posts.php`` ``render_block_item`` (the
  ``jp-related-posts-i2`` block markup) and the sharing buttons (``?share=facebook``).
"""

from __future__ import annotations

import hashlib
import re
import json
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from common import ORIGIN, Story, esc, rfc822

NAME = "The Riverbend Beacon"
TAGLINE = "Nonprofit news for Riverbend and Kessler County"
TZ = ZoneInfo("America/Chicago")
WP_VERSION = "6.7.1"
YOAST_VERSION = "23.9"
SEP = " - "
MONTHS = (
    "January February March April May June July August September October November December"
).split()


def digest(text: str, n: int = 32) -> str:
    return hashlib.md5(text.encode()).hexdigest()[:n]


def w3c(moment: datetime) -> str:
    """``get_the_date( DATE_W3C )``: local time with its offset."""
    return moment.astimezone(TZ).isoformat()


def gmt(moment: datetime) -> str:
    """Yoast's ``date->format( post_date_gmt )``: UTC with ``+00:00``."""
    return moment.astimezone(UTC).isoformat()


def wp_date(moment: datetime) -> str:
    """The site's date format ``F j, Y g:i a``: ``December 12, 2024 9:40 am`` (local, no zone)."""
    local = moment.astimezone(TZ)
    hour = local.hour % 12 or 12
    half = "am" if local.hour < 12 else "pm"
    return f"{MONTHS[local.month - 1]} {local.day}, {local.year} {hour}:{local:%M} {half}"


def date_only(moment: datetime) -> str:
    local = moment.astimezone(TZ)
    return f"{MONTHS[local.month - 1]} {local.day}, {local.year}"


def reading_minutes(story: Story) -> int:
    words = sum(len(b.text.split()) for b in story.blocks)
    return max(1, -(-words // 200))


def json_graph(graph: list[dict[str, Any]]) -> str:
    """Yoast prints the graph with ``JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE``."""
    data = {"@context": "https://schema.org", "@graph": graph}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'<script type="application/ld+json" class="yoast-schema-graph">{text}</script>'


def website_piece() -> dict[str, Any]:
    return {
        "@type": "WebSite",
        "@id": f"{ORIGIN}/#website",
        "url": f"{ORIGIN}/",
        "name": NAME,
        "description": TAGLINE,
        "publisher": {"@id": f"{ORIGIN}/#organization"},
        "potentialAction": [
            {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{ORIGIN}/?s={{search_term_string}}",
                },
                "query-input": {
                    "@type": "PropertyValueSpecification",
                    "valueRequired": True,
                    "valueName": "search_term_string",
                },
            }
        ],
        "inLanguage": "en-US",
    }


def organization_piece() -> dict[str, Any]:
    logo = f"{ORIGIN}/wp-content/uploads/2023/05/beacon-logo.png"
    return {
        "@type": ["Organization", "NewsMediaOrganization"],
        "@id": f"{ORIGIN}/#organization",
        "name": NAME,
        "url": f"{ORIGIN}/",
        "logo": {
            "@type": "ImageObject",
            "inLanguage": "en-US",
            "@id": f"{ORIGIN}/#/schema/logo/image/",
            "url": logo,
            "contentUrl": logo,
            "width": 600,
            "height": 160,
            "caption": NAME,
        },
        "image": {"@id": f"{ORIGIN}/#/schema/logo/image/"},
        "sameAs": [
            "https://www.facebook.com/riverbendbeacon",
            "https://x.com/riverbendbeacon",
        ],
    }


def person_id(slug: str) -> str:
    return f"{ORIGIN}/#/schema/person/{digest('guest' + slug)}"


def person_piece(slug: str, name: str, bio: str) -> dict[str, Any]:
    """A Co-Authors Plus guest author as Yoast's CoAuthor generator writes it."""
    avatar = f"https://secure.gravatar.com/avatar/{digest(slug)}?s=96&d=mm&r=g"
    return {
        "@type": "Person",
        "@id": person_id(slug),
        "name": name,
        "image": {
            "@type": "ImageObject",
            "inLanguage": "en-US",
            "@id": f"{ORIGIN}/#/schema/person/image/{digest(avatar)}",
            "url": avatar,
            "contentUrl": avatar,
            "caption": name,
        },
        "description": bio,
        "url": f"{ORIGIN}/author/{slug}/",
    }


def breadcrumb_piece(url: str, trail: list[tuple[str, str | None]]) -> dict[str, Any]:
    items = []
    for position, (name, link) in enumerate(trail, start=1):
        item: dict[str, Any] = {"@type": "ListItem", "position": position, "name": name}
        if link is not None:
            item["item"] = link
        items.append(item)
    return {"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": items}


def robots_meta(index: bool = True) -> str:
    first = "index, follow" if index else "noindex, follow"
    return (
        f"<meta name='robots' content='{first}, max-image-preview:large, max-snippet:-1, "
        "max-video-preview:-1' />\n"
    )


def yoast_block(inner: str) -> str:
    return (
        f"\n\t<!-- This site is optimized with the Yoast SEO plugin v{YOAST_VERSION} - "
        "https://yoast.com/wordpress/plugins/seo/ -->\n"
        f"{inner}\t<!-- / Yoast SEO plugin. -->\n\n\n"
    )


def wp_date_script() -> str:
    """Core's inline ``wp-date`` settings: the site's time zone in a script a reader can see."""
    settings = {
        "l10n": {
            "locale": "en_US",
            "months": MONTHS,
            "monthsShort": [m[:3] for m in MONTHS],
            "weekdays": "Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split(),
            "weekdaysShort": "Sun Mon Tue Wed Thu Fri Sat".split(),
            "meridiem": {"am": "am", "pm": "pm", "AM": "AM", "PM": "PM"},
            "relative": {
                "future": "%s from now",
                "past": "%s ago",
                "s": "a second",
                "ss": "%d seconds",
                "m": "a minute",
                "mm": "%d minutes",
                "h": "an hour",
                "hh": "%d hours",
                "d": "a day",
                "dd": "%d days",
                "M": "a month",
                "MM": "%d months",
                "y": "a year",
                "yy": "%d years",
            },
            "startOfWeek": 0,
        },
        "formats": {
            "time": "g:i a",
            "date": "F j, Y g:i a",
            "datetime": "F j, Y g:i a",
            "datetimeAbbreviated": "M j, Y g:i a",
        },
        "timezone": {"offset": -6, "offsetFormatted": "-6", "string": "America/Chicago", "abbr": "CST"},
    }
    text = json.dumps(settings, separators=(",", ":"))
    return (
        f'<script src="{ORIGIN}/wp-includes/js/dist/date.min.js?ver=aaca6387d1cf924acc51" '
        'id="wp-date-js"></script>\n'
        f'<script id="wp-date-js-after">\nwp.date.setSettings( {text} );\n</script>\n'
    )


# -- feeds and sitemaps ----------------------------------------------------------


def rss2(
    self_url: str, title: str, items: list[dict[str, Any]], last_build: datetime
) -> str:
    """``wp-includes/feed-rss2.php`` with ``rss_use_excerpt`` off: full content."""
    rows = []
    for it in items:
        cats = "".join(f"\n\t\t<category><![CDATA[{c}]]></category>" for c in it["categories"])
        rows.append(
            f"""	<item>
		<title>{esc(it["title"])}</title>
		<link>{it["link"]}</link>
		<dc:creator><![CDATA[{it["creator"]}]]></dc:creator>
		<pubDate>{rfc822(it["published"])}</pubDate>{cats}
		<guid isPermaLink="false">{ORIGIN}/?p={it["id"]}</guid>

					<description><![CDATA[{it["description"]}]]></description>
										<content:encoded><![CDATA[{it["content"]}]]></content:encoded>
					
		
		
			</item>"""
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>{esc(title)}</title>
	<atom:link href="{self_url}" rel="self" type="application/rss+xml" />
	<link>{ORIGIN}/</link>
	<description>{esc(TAGLINE)}</description>
	<lastBuildDate>{rfc822(last_build)}</lastBuildDate>
	<language>en-US</language>
	<sy:updatePeriod>
	hourly	</sy:updatePeriod>
	<sy:updateFrequency>
	1	</sy:updateFrequency>
	<generator>https://wordpress.org/?v={WP_VERSION}</generator>

<image>
	<url>{ORIGIN}/wp-content/uploads/2023/05/cropped-beacon-icon-32x32.png</url>
	<title>{esc(title)}</title>
	<link>{ORIGIN}/</link>
	<width>32</width>
	<height>32</height>
</image> 
{chr(10).join(rows)}
	</channel>
</rss>
"""


def yoast_sitemap_index(children: list[tuple[str, datetime | None]]) -> str:
    rows = []
    for url, mod in children:
        last = f"\n\t\t<lastmod>{gmt(mod)}</lastmod>" if mod else ""
        rows.append(f"\t<sitemap>\n\t\t<loc>{url}</loc>{last}\n\t</sitemap>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" '
        f'href="{ORIGIN}/main-sitemap.xsl"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(rows)
        + "\n</sitemapindex>\n<!-- XML Sitemap generated by Yoast SEO -->"
    )


def yoast_urlset(rows: list[tuple[str, datetime | None, str | None]]) -> str:
    out = []
    for url, mod, image in rows:
        last = f"\n\t\t<lastmod>{gmt(mod)}</lastmod>" if mod else ""
        img = ""
        if image:
            img = f"\n\t\t<image:image>\n\t\t\t<image:loc>{image}</image:loc>\n\t\t</image:image>"
        out.append(f"\t<url>\n\t\t<loc>{url}</loc>{last}{img}\n\t</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" '
        f'href="{ORIGIN}/main-sitemap.xsl"?>\n'
        '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
        'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
        "http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd "
        "http://www.google.com/schemas/sitemap-image/1.1 "
        'http://www.google.com/schemas/sitemap-image/1.1/sitemap-image.xsd" '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(out)
        + "\n</urlset>\n<!-- XML Sitemap generated by Yoast SEO -->"
    )


MAIN_SITEMAP_XSL = """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="html" encoding="UTF-8" indent="yes"/>
<xsl:template match="/"><html><head><title>XML Sitemap</title></head><body>
<h1>XML Sitemap</h1></body></html></xsl:template>
</xsl:stylesheet>
"""


# -- Jetpack -------------------------------------------------------------------------


def share_buttons(post_id: int, url: str, title: str) -> str:
    """Jetpack sharing, icon style, as ``sharing_display()`` prints it."""
    buttons = []
    for service, label in (("facebook", "Facebook"), ("x", "X"), ("linkedin", "LinkedIn")):
        buttons.append(
            f'<li class="share-{service}"><a rel="nofollow noopener noreferrer" '
            f'data-shared="sharing-{service}-{post_id}" class="share-{service} sd-button '
            f'share-icon no-text" href="{url}?share={service}" target="_blank" '
            f'title="Click to share on {label}" ><span></span><span '
            f'class="sharing-screen-reader-text">Click to share on {label} (Opens in new '
            "window)</span></a></li>"
        )
    subject = esc(f"[Shared Post] {title}")
    buttons.append(
        '<li class="share-email"><a rel="nofollow noopener noreferrer" data-shared="" '
        f'class="share-email sd-button share-icon no-text" href="mailto:?subject={subject}'
        f'&#038;body={url}&#038;share=email" target="_blank" title="Click to email a link '
        'to a friend" data-email-share-error-title="Do you have email set up?"><span></span>'
        '<span class="sharing-screen-reader-text">Click to email a link to a friend (Opens '
        "in new window)</span></a></li>"
    )
    return (
        '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block '
        'sd-social sd-social-icon sd-sharing"><h3 class="sd-title">Share this:</h3><div '
        'class="sd-content"><ul>' + "".join(buttons) + '<li class="share-end"></li></ul>'
        "</div></div></div>"
    )


def related_posts(post_id: int, items: list[tuple[str, str, datetime, str]]) -> str:
    """The Jetpack Related Posts block: ``(url, title, published, context)`` rows."""
    rows = []
    for n, (url, title, published, context) in enumerate(items):
        uid = f"related-posts-item-{digest(f'{post_id}-{n}', 13)}"
        rows.append(
            f'<ul id="{uid}" aria-labelledby="{uid}-label" class="jp-related-posts-i2__post" '
            f'role="menuitem"><li class="jp-related-posts-i2__post-link"><a id="{uid}-label" '
            f'href="{url}" >{wptx(title)}</a></li><li class="jp-related-posts-i2__post-date">'
            f'{date_only(published)}</li><li class="jp-related-posts-i2__post-context">'
            f"{esc(context)}</li></ul>"
        )
    return (
        '<nav class="jp-relatedposts-i2 wp-block-jetpack-related-posts" data-layout="grid">'
        '<h3 class="jp-relatedposts-headline"><em>Related</em></h3>'
        f'<div class="jp-related-posts-i2__row" data-post-count="{len(rows)}">'
        + "".join(rows)
        + "</div></nav>"
    )


# -- wptexturize ---------------------------------------------------------------------

_ENTITIES = {"’": "&#8217;", "‘": "&#8216;", "“": "&#8220;", "”": "&#8221;", "–": "&#8211;",
             "—": "&#8212;", "…": "&#8230;"}


def texturize(text: str) -> str:
    """The plain-text result of core's ``wptexturize()`` (English quotes, dashes, ellipses)."""
    t = text.replace("...", "…").replace(" -- ", " — ").replace(" - ", " – ")
    t = re.sub(r"(^|[\s(\[{\-—–])\"", r"\1“", t).replace('"', "”")
    t = re.sub(r"(?<=\w)'(?=\w)", "’", t)
    t = re.sub(r"(^|[\s(\[{\-—–“])'", r"\1‘", t).replace("'", "’")
    return t


def wptx(text: str) -> str:
    """``wptexturize()`` as HTML: escaped, with the numeric entities WordPress prints."""
    out = esc(texturize(text)).replace("&#x27;", "'").replace("&quot;", '"')
    for char, entity in _ENTITIES.items():
        out = out.replace(char, entity)
    return out
