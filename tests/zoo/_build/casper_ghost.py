# ruff: noqa: E501  (HTML templates reproduce the theme's own lines and whitespace)
"""What Ghost core itself emits, for the Ghost-themed zoo sites (``casper``, ``source``).

Theme templates live in each site's generator; this module is the part of the page
and the site that Ghost writes whatever the theme: the ``{{ghost_head}}`` block, the
``{{navigation}}`` and ``{{pagination}}`` helper output, Koenig's signup card, the RSS
feed at ``/rss/``, the sitemap index and its four child sitemaps, ``robots.txt``,
image URLs under ``/content/images/`` and the ``reading_time`` helper.

Modelled on TryGhost/Ghost (read through the search tool's file index; the repository
is too large to fetch):

- ``ghost/core/core/frontend/helpers/ghost_head.js`` (commit 007dad0c): tag order,
  ``writeMetaTag`` (``name=`` for ``twitter:*``, ``property=`` otherwise, ``" />"``),
  JSON-LD as ``JSON.stringify(schema, null, '    ')``, no structured data on paged
  listings, generator, RSS link, Portal and Sodo Search scripts, card assets, member
  attribution. The webmention discovery link is left out (the endpoint only takes POST).
- ``frontend/meta/schema.js`` (02b1ea7c): Article (also for pages), WebSite, Series,
  Person; ``escapeExpression`` on names and headline (so an apostrophe is ``&#x27;``).
- ``frontend/meta/structured-data.js`` (8be5ea14), ``published-date.js``,
  ``modified-date.js`` (``toISOString()``: ``2025-11-08T04:10:00.000Z``), ``title.js``,
  ``description.js``, ``excerpt.js``, ``keywords.js``, ``blog-logo.js``.
- ``frontend/helpers/tpl/navigation.hbs``, ``tpl/pagination.hbs`` (814a9b00),
  ``helpers/authors.js``; ``services/rss/generate-feed.js`` (048089b4, the ``rss`` npm
  package's element order); ``services/sitemap/*`` (index order pages, posts, authors,
  tags; ``image:image`` nodes; ``<?xml-stylesheet?>`` written here with an absolute
  ``{{ORIGIN}}`` URL because the token cannot be made protocol-relative).
- TryGhost/Koenig ``packages/kg-default-nodes/lib/nodes/signup/signup-renderer.js``
  (4ad453c8) for the signup card, and the reading-time rule of ``@tryghost/helpers``
  (275 words a minute, 12 s for the first image, 11 s for the next, ...).
"""

from __future__ import annotations

import hashlib
import html as htmllib
import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from common import ORIGIN, SiteFiles, Story, _parse_story, grey_jpeg, slugify

PAGINATION = "pagination"
UPLOAD = (1200, 675)  # every feature image is uploaded at this size


def hbs(text: str) -> str:
    """Handlebars' ``escapeExpression``: what ``{{value}}`` prints."""
    table = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
    table |= {"`": "&#x60;", "=": "&#x3D;"}
    return "".join(table.get(ch, ch) for ch in text)


def iso_z(moment: datetime) -> str:
    """``new Date(x).toISOString()``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def gmt(moment: datetime) -> str:
    """``Date.prototype.toUTCString()``, as the rss package prints dates."""
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def object_id(name: str) -> str:
    """A stable 24-hex Ghost ObjectId."""
    return hashlib.sha1(name.encode()).hexdigest()[:24]


# -- stories ---------------------------------------------------------------


@dataclass(frozen=True)
class Post:
    """A story as a Ghost post: the story plus the Ghost fields it carries."""

    story: Story
    excerpt: str | None  # custom_excerpt

    @property
    def slug(self) -> str:
        return self.story.slug

    @property
    def path(self) -> str:
        return f"/{self.story.slug}/"

    @property
    def id(self) -> str:
        return object_id("post:" + self.story.slug)

    @property
    def listed(self) -> bool:
        return self.story.reach is None

    @property
    def tags(self) -> tuple[str, ...]:
        return self.story.tags

    @property
    def primary_tag(self) -> str:
        return self.story.tags[0]

    def image(self, width: int | None = None, fmt: str | None = None) -> str:
        """Path of the feature image, optionally a resized copy (``/size/w600/``)."""
        stamp = self.story.published.strftime("%Y/%m")
        size = f"size/w{width}/" if width else ""
        size += f"format/{fmt}/" if fmt else ""
        return f"/content/images/{size}{stamp}/{self.story.slug}.jpg"


def load_ghost_stories(path: Path, tz: ZoneInfo) -> list[Post]:
    """Read a story file with two Ghost extras; newest first.

    ``excerpt:`` is the custom excerpt; ``reach: pagination`` (a kind the common
    loader does not know) marks the story linked only from a later index page.
    """
    text = path.read_text(encoding="utf-8")
    posts = []
    for chunk in re.split(r"^=== ", text, flags=re.MULTILINE)[1:]:
        head, sep, body = chunk.partition("\n---\n")
        kept, extras = [], {}
        for line in head.splitlines():
            key = line.split(": ", 1)[0]
            if key == "excerpt" or line == f"reach: {PAGINATION}":
                extras[key] = line.split(": ", 1)[1]
            else:
                kept.append(line)
        story = _parse_story("\n".join(kept) + sep + body, tz)
        if "reach" in extras:
            story = replace(story, reach=PAGINATION)
        posts.append(Post(story, extras.get("excerpt")))
    return sorted(posts, key=lambda p: (-p.story.published.timestamp(), p.slug))


def reading_time(content_html: str, feature_image: bool = True) -> str:
    """The ``{{reading_time}}`` helper on a post's HTML."""
    text = re.sub(r"<[^>]*>", " ", content_html)
    words = len(re.findall(r"[A-Za-z\u00C0-\u00FF0-9_\u0392-\u03C9\u0410-\u04F9]+", text))
    images = len(re.findall(r"<img", content_html)) + (1 if feature_image else 0)
    seconds = words / (275 / 60) + sum(max(12 - i, 3) for i in range(images))
    minutes = round(seconds / 60)
    return "1 min read" if minutes < 1 else f"{minutes} min read"


def plaintext(blocks_html: str) -> str:
    """Ghost's ``plaintext`` of post HTML, roughly: block texts separated by blank lines."""
    text = re.sub(r"</(p|h2|h3|div|figure)>", "\n\n", blocks_html)
    text = htmllib.unescape(re.sub(r"<[^>]*>", "", text))
    return re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


def words(text: str, count: int) -> str:
    """The first ``count`` words (Ghost's ``generateExcerpt`` / ``downsize``)."""
    return " ".join(text.split()[:count])


# -- site -----------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A Ghost staff user."""

    name: str
    bio: str
    location: str = ""
    website: str = ""
    role: str = ""  # shown by site customisations only

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def path(self) -> str:
        return f"/author/{self.slug}/"


@dataclass
class GhostSite:
    """Settings that ``ghost_head`` and the feeds read (``@site``)."""

    title: str
    description: str
    version: str
    facebook: str
    twitter: str
    cover: str
    people: dict[str, Person]
    content_key: str
    code_injection: str = ""
    tag_descriptions: dict[str, str] = field(default_factory=dict)

    def person(self, name: str) -> Person:
        return self.people[name]


def navigation(items: Sequence[tuple[str, str]], current: str) -> str:
    """``{{navigation}}``: labels with root-relative paths, printed absolute."""
    rows = []
    for label, path in items:
        cls = f"nav-{slugify(label)}" + (" nav-current" if path == current else "")
        rows.append(f'    <li class="{cls}"><a href="{ORIGIN}{path}">{hbs(label)}</a></li>')
    return '<ul class="nav">\n' + "\n".join(rows) + "\n</ul>\n"


def page_url(base: str, n: int) -> str:
    return base if n == 1 else f"{base}page/{n}/"


def pagination(base: str, page: int, pages: int) -> str:
    """``{{pagination}}`` (Ghost's default ``tpl/pagination.hbs``)."""
    prev_, next_ = page > 1, page < pages
    cls = f"{'with-prev' if prev_ else ''} {'with-next' if next_ else ''}"
    out = [f'<nav class="pagination">\n\t<ul class="{cls}">']
    if prev_:
        out.append(f'\t\t\t<li class="prev"><a href="{page_url(base, page - 1)}">&lt;</a></li>')
    for n in range(1, pages + 1):
        active = ' class="active" ' if n == page else ""
        out.append(f'\t\t\t\t<li {active}><a href="{page_url(base, n)}">{n}</a></li>')
    if next_:
        out.append(f'\t\t\t<li class="next"><a href="{page_url(base, page + 1)}">&gt;</a></li>')
    return "\n".join(out) + "\n\t</ul>\n</nav>\n"


def authors_links(names: Sequence[str], site: GhostSite, sep: str = ", ") -> str:
    """``{{authors}}``: linked names joined by the separator."""
    return sep.join(f'<a href="{site.person(n).path}">{hbs(n)}</a>' for n in names)


LOADER_SVG = """<svg xmlns="http://www.w3.org/2000/svg" height="24" width="24" viewBox="0 0 24 24">
        <g stroke-linecap="round" stroke-width="2" fill="currentColor" stroke="none" stroke-linejoin="round" class="nc-icon-wrapper">
            <g class="nc-loop-dots-4-24-icon-o">
                <circle cx="4" cy="12" r="3"></circle>
                <circle cx="12" cy="12" r="3"></circle>
                <circle cx="20" cy="12" r="3"></circle>
            </g>
        </g>
    </svg>"""


@dataclass(frozen=True)
class SignupCard:
    """Texts of a Koenig signup card."""

    header: str
    subheader: str
    disclaimer: str
    label: str
    button: str = "Subscribe"
    success: str = "Thanks! Now check your email to confirm."

    def texts(self) -> list[str]:
        return [self.header, self.subheader, self.disclaimer, self.success]


def signup_card(card: SignupCard, background: str = "#F0F0F0") -> str:
    """A Koenig signup card as the Lexical renderer writes it into post HTML."""
    return f"""<div class="kg-card kg-signup-card kg-width-regular " data-lexical-signup-form style="background-color: {background}; display: none;">
            <div class="kg-signup-card-content">
                <div class="kg-signup-card-text ">
                    <h2 class="kg-signup-card-heading" style="color: #000000;"><span style="white-space: pre-wrap;">{card.header}</span></h2>
                    <p class="kg-signup-card-subheading" style="color: #000000;"><span style="white-space: pre-wrap;">{card.subheader}</span></p>
        <form class="kg-signup-card-form" data-members-form="signup">
            <input data-members-label type="hidden" value="{hbs(card.label)}" />
            <div class="kg-signup-card-fields">
                <input class="kg-signup-card-input" id="email" data-members-email="" type="email" required="true" placeholder="Your email" />
                <button class="kg-signup-card-button kg-style-accent" style="color: #FFFFFF;" type="submit">
                    <span class="kg-signup-card-button-default">{card.button}</span>
                    <span class="kg-signup-card-button-loading">{LOADER_SVG}</span>
                </button>
            </div>
            <div class="kg-signup-card-success" style="color: #000000;">
                {card.success}
            </div>
            <div class="kg-signup-card-error" style="color: #000000;" data-members-error></div>
        </form>
                    <p class="kg-signup-card-disclaimer" style="color: #000000;"><span style="white-space: pre-wrap;">{card.disclaimer}</span></p>
                </div>
            </div>
        </div>"""


def heading_id(text: str) -> str:
    """The ``id`` Ghost gives a heading in post HTML."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def caption_html(caption: str, credit: str) -> str:
    """A Lexical caption: plain text and an italic credit."""
    return (
        f'<span style="white-space: pre-wrap;">{htmllib.escape(caption, quote=False)} </span>'
        f'<i><em class="italic" style="white-space: pre-wrap;">Photo: {htmllib.escape(credit, quote=False)}</em></i>'
    )


# -- ghost_head ------------------------------------------------------------


@dataclass
class Head:
    """What one page's ``{{ghost_head}}`` is made from."""

    context: str  # home, paged, post, page, tag, author
    canonical: str  # root-relative path
    title: str  # the metaTitle for og/twitter and JSON-LD headline
    description: str | None = None  # <meta name="description">
    og_description: str | None = None
    image: str | None = None  # root-relative image path
    image_size: tuple[int, int] | None = None
    published: datetime | None = None
    modified: datetime | None = None
    keywords: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    schema_description: str | None = None
    prev: str | None = None
    next: str | None = None
    name: str = ""  # tag or author name for their schema


def meta_tag(prop: str, content: str) -> str:
    kind = "name" if prop.startswith("twitter") else "property"
    return f'<meta {kind}="{prop}" content="{hbs(content)}" />'


def _image_object(site: GhostSite, head: Head) -> dict[str, object] | None:
    if not head.image:
        return None
    obj: dict[str, object] = {"@type": "ImageObject", "url": ORIGIN + head.image}
    if head.image_size:
        obj["width"], obj["height"] = head.image_size
    return obj


def _publisher(site: GhostSite) -> dict[str, object]:
    return {
        "@type": "Organization",
        "name": hbs(site.title),
        "url": f"{ORIGIN}/",
        "logo": {"@type": "ImageObject", "url": f"{ORIGIN}/favicon.ico", "width": 48, "height": 48},
    }


def _person(site: GhostSite, name: str, full: bool) -> dict[str, object]:
    person = site.person(name)
    obj: dict[str, object] = {"@type": "Person", "name": hbs(name), "url": ORIGIN + person.path}
    obj["sameAs"] = [hbs(person.website)] if person.website else []
    return obj


def schema(site: GhostSite, head: Head) -> dict[str, object] | None:
    url = ORIGIN + head.canonical
    data: dict[str, object | None]
    if head.context in ("post", "page"):
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "publisher": _publisher(site),
            "author": _person(site, head.authors[0], True),
            "contributor": [_person(site, n, False) for n in head.authors[1:]] or None,
            "headline": hbs(head.title),
            "url": url,
            "datePublished": iso_z(head.published) if head.published else None,
            "dateModified": iso_z(head.modified) if head.modified else None,
            "image": _image_object(site, head),
            "keywords": ", ".join(head.keywords) or None,
            "description": hbs(head.schema_description) if head.schema_description else None,
            "mainEntityOfPage": url,
        }
    elif head.context == "home":
        data = {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "publisher": _publisher(site),
            "url": url,
            "name": site.title,
            "image": _image_object(site, head),
            "mainEntityOfPage": url,
            "description": hbs(head.description) if head.description else None,
        }
    elif head.context == "tag":
        data = {
            "@context": "https://schema.org",
            "@type": "Series",
            "publisher": _publisher(site),
            "url": url,
            "image": _image_object(site, head),
            "name": head.name,
            "mainEntityOfPage": url,
            "description": hbs(head.description) if head.description else None,
        }
    elif head.context == "author":
        person = site.person(head.name)
        data = {
            "@context": "https://schema.org",
            "@type": "Person",
            "sameAs": [hbs(person.website)] if person.website else [],
            "name": hbs(person.name),
            "url": url,
            "image": _image_object(site, head),
            "mainEntityOfPage": url,
            "description": hbs(head.description) if head.description else None,
        }
    else:
        return None
    return {k: v for k, v in data.items() if v is not None}


def ghost_head(site: GhostSite, head: Head) -> str:
    """The ``{{ghost_head}}`` output for one page."""
    out = []
    if head.description:
        out.append(f'<meta name="description" content="{hbs(head.description)}" />')
    out.append(f'<link rel="canonical" href="{hbs(ORIGIN + head.canonical)}" />')
    out.append('<meta name="referrer" content="no-referrer-when-downgrade" />')
    if head.prev:
        out.append(f'<link rel="prev" href="{hbs(ORIGIN + head.prev)}" />')
    if head.next:
        out.append(f'<link rel="next" href="{hbs(ORIGIN + head.next)}" />')
    if head.context != "paged":
        out.append("")
        out.extend(_structured(site, head))
        out.append("")
        found = schema(site, head)
        if found:
            text = json.dumps(found, indent=4, ensure_ascii=False)
            out.append(f'<script type="application/ld+json">\n{text}\n    </script>\n')
    out.append(f'<meta name="generator" content="Ghost {site.version}" />')
    out.append(
        f'<link rel="alternate" type="application/rss+xml" title="{hbs(site.title)}" '
        f'href="{ORIGIN}/rss/" />'
    )
    out.append(
        '<script defer src="https://cdn.jsdelivr.net/ghost/portal@~2.51/umd/portal.min.js" '
        f'data-i18n="true" data-ghost="{ORIGIN}/" data-key="{site.content_key}" '
        f'data-api="{ORIGIN}/ghost/api/content/" data-locale="en" crossorigin="anonymous"></script>'
        '<style id="gh-members-styles">.gh-post-upgrade-cta-content,\n.gh-post-upgrade-cta '
        "{\n    display: flex;\n    flex-direction: column;\n    align-items: center;\n}\n</style>"
    )
    out.append(
        '<script defer src="https://cdn.jsdelivr.net/ghost/sodo-search@~1.8/umd/sodo-search.min.js" '
        f'data-key="{site.content_key}" '
        'data-styles="https://cdn.jsdelivr.net/ghost/sodo-search@~1.8/umd/main.css" '
        f'data-sodo-search="{ORIGIN}/" data-locale="en" crossorigin="anonymous"></script>'
    )
    out.append('<script defer src="/public/cards.min.js?v=4b2e6a7c1f"></script>')
    out.append('<link rel="stylesheet" type="text/css" href="/public/cards.min.css?v=4b2e6a7c1f">')
    out.append('<script defer src="/public/member-attribution.min.js?v=4b2e6a7c1f"></script>')
    if site.code_injection:
        out.append(site.code_injection)
    return "\n    ".join(out).strip()


def _structured(site: GhostSite, head: Head) -> list[str]:
    og_type = {"post": "article", "author": "profile"}.get(head.context, "website")
    og_desc = head.og_description or head.description
    url = ORIGIN + head.canonical
    image = ORIGIN + head.image if head.image else None
    rows: list[tuple[str, str | None]] = [
        ("og:site_name", site.title),
        ("og:type", og_type),
        ("og:title", head.title),
        ("og:description", og_desc),
        ("og:url", url),
        ("og:image", image),
        ("article:published_time", iso_z(head.published) if head.published else None),
        ("article:modified_time", iso_z(head.modified) if head.modified else None),
    ]
    out = [meta_tag(k, v) for k, v in rows if v is not None]
    if head.keywords:
        out.extend(meta_tag("article:tag", k) for k in head.keywords)
        out.append("")
    tail: list[tuple[str, str | None]] = [
        ("article:publisher", f"https://www.facebook.com/{site.facebook}"),
        ("twitter:card", "summary"),
        ("twitter:title", head.title),
        ("twitter:description", og_desc),
        ("twitter:url", url),
        ("twitter:image", image),
    ]
    if head.context == "post":
        tail += [("twitter:label1", "Written by"), ("twitter:data1", head.authors[0])]
        if head.keywords:
            tail += [("twitter:label2", "Filed under"), ("twitter:data2", ", ".join(head.keywords))]
    tail.append(("twitter:site", site.twitter))
    if head.image and head.image_size:
        tail += [("og:image:width", str(head.image_size[0]))]
        tail += [("og:image:height", str(head.image_size[1]))]
    out.extend(meta_tag(k, v) for k, v in tail if v is not None)
    return out


# -- feeds, sitemaps, robots, static files --------------------------------------


def rss(site: GhostSite, posts: Sequence[Post], content: dict[str, str]) -> str:
    """``/rss/``: the 15 newest posts with their full HTML (``content:encoded``)."""
    posts = list(posts)[:15]
    items = []
    for p in posts:
        image = ORIGIN + p.image()
        body = content[p.slug].replace(
            "<p>", f'<img src="{image}" alt="{htmllib.escape(p.story.title)}"><p>', 1
        )
        description = p.excerpt or words(plaintext(content[p.slug]), 50)
        cats = "".join(f"<category><![CDATA[{t}]]></category>" for t in p.tags)
        items.append(
            f"<item><title><![CDATA[{p.story.title}]]></title>"
            f"<description><![CDATA[{description}]]></description>"
            f'<link>{ORIGIN}{p.path}</link><guid isPermaLink="false">{p.id}</guid>{cats}'
            f"<dc:creator><![CDATA[{p.story.authors[0]}]]></dc:creator>"
            f"<pubDate>{gmt(p.story.published)}</pubDate>"
            f'<media:content url="{image}" medium="image"/>'
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:atom="http://www.w3.org/2005/Atom" version="2.0" '
        'xmlns:media="http://search.yahoo.com/mrss/"><channel>'
        f"<title><![CDATA[{site.title}]]></title>"
        f"<description><![CDATA[{site.description}]]></description>"
        f"<link>{ORIGIN}/</link><image><url>{ORIGIN}/favicon.png</url>"
        f"<title>{htmllib.escape(site.title)}</title><link>{ORIGIN}/</link></image>"
        f"<generator>Ghost {site.version}</generator>"
        f"<lastBuildDate>{gmt(posts[0].story.published)}</lastBuildDate>"
        f'<atom:link href="{ORIGIN}/rss/" rel="self" type="application/rss+xml"/>'
        f"<ttl>60</ttl>{''.join(items)}</channel></rss>"
    )


XML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<?xml-stylesheet type="text/xsl" href="{ORIGIN}/sitemap.xsl"?>'
)


@dataclass(frozen=True)
class SitemapUrl:
    path: str
    lastmod: datetime
    image: str | None = None


def urlset(rows: Sequence[SitemapUrl]) -> str:
    nodes = []
    for row in sorted(rows, key=lambda r: -r.lastmod.timestamp()):
        image = ""
        if row.image:
            image = (
                f"<image:image><image:loc>{ORIGIN}{row.image}</image:loc>"
                f"<image:caption>{row.image.rsplit('/', 1)[-1]}</image:caption></image:image>"
            )
        nodes.append(
            f"<url><loc>{ORIGIN}{row.path}</loc><lastmod>{iso_z(row.lastmod)}</lastmod>{image}</url>"
        )
    return (
        XML_HEAD + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
        + "".join(nodes)
        + "</urlset>"
    )


def write_sitemaps(files: SiteFiles, kinds: dict[str, list[SitemapUrl]]) -> None:
    """``/sitemap.xml`` and ``/sitemap-<kind>.xml`` for pages, posts, authors, tags."""
    index = []
    for kind in ("pages", "posts", "authors", "tags"):
        rows = kinds[kind]
        files.add(f"/sitemap-{kind}.xml", urlset(rows))
        newest = max(r.lastmod for r in rows)
        index.append(
            f"<sitemap><loc>{ORIGIN}/sitemap-{kind}.xml</loc><lastmod>{iso_z(newest)}</lastmod></sitemap>"
        )
    files.add(
        "/sitemap.xml",
        XML_HEAD
        + '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(index)
        + "</sitemapindex>",
    )


ROBOTS = f"""User-agent: *
Sitemap: {ORIGIN}/sitemap.xml
Disallow: /ghost/
Disallow: /email/
Disallow: /members/api/comments/counts/
Disallow: /r/
Disallow: /webmentions/receive/
"""

XSL = """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="2.0" xmlns:html="http://www.w3.org/TR/REC-html40"
    xmlns:sitemap="http://www.sitemaps.org/schemas/sitemap/0.9"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="html" version="1.0" encoding="UTF-8" indent="yes"/>
<xsl:template match="/"><html><head><title>XML Sitemap</title></head>
<body><h1>XML Sitemap</h1><xsl:apply-templates/></body></html></xsl:template>
</xsl:stylesheet>
"""

ADMIN = """<!DOCTYPE html>
<html><head><meta charset="utf-8" /><title>Ghost Admin</title>
<meta name="robots" content="noindex, nofollow" /></head>
<body><div id="ember-application"></div><noscript>Ghost Admin needs JavaScript.</noscript></body></html>
"""


def png_1x1() -> bytes:
    """A one-pixel grey PNG (Ghost's default favicon stand-in)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return len(data).to_bytes(4, "big") + kind + data + crc.to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


def write_core_files(files: SiteFiles) -> None:
    """robots.txt, the admin shell, the sitemap stylesheet, favicons and card assets."""
    files.add("/robots.txt", ROBOTS)
    files.add("/ghost/", ADMIN)
    files.add_bytes("sitemap.xsl", XSL.encode())
    files.add_bytes("favicon.png", png_1x1())
    files.add_bytes("favicon.ico", png_1x1())
    files.add_bytes("public/cards.min.js", b"/* Ghost card assets */\n")
    files.add_bytes("public/cards.min.css", b".kg-card{margin:0}\n")
    files.add_bytes("public/member-attribution.min.js", b"/* member attribution */\n")


def write_images(
    files: SiteFiles, post: Post, widths: Sequence[int], fmts: Sequence[str | None]
) -> None:
    """The uploaded feature image and the resized copies the theme's srcsets name."""
    up_w, up_h = UPLOAD
    files.add_bytes(post.image().lstrip("/"), grey_jpeg(up_w, up_h))
    for width in widths:
        w = min(width, up_w)
        for fmt in fmts:
            files.add_bytes(post.image(width, fmt).lstrip("/"), grey_jpeg(w, w * up_h // up_w))
