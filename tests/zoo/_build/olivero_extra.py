"""Service pages, feeds, sitemap and assets of the ``olivero`` zoo site (a mixin of Olivero).

Modelled on drupal/drupal: views-view-rss.html.twig and views-view-row-rss.html.twig
(0366140fa0) with the node RSS row plugin (00934960bb: ``pubDate`` in ``gmdate('r')``,
``dc:creator`` = the node owner, ``guid`` "<nid> at <base url>"); the frontpage feed at
``/rss.xml`` (ten promoted nodes) and the taxonomy_term view's feed display
``/taxonomy/term/<n>/feed``; Olivero's search-result.html.twig (3a0a39ca66) and
item-list--search-results (1e79f5be4d); the Simple XML Sitemap module's generator
(vijaycs85/simple_sitemap: DefaultSitemapGenerator 1d71bbf212, SitemapGeneratorBase
09e0e2ec38; the XSL line of the 4.x writer); core's robots.txt.
"""

# Long lines are the theme's markup, kept as Drupal prints it.
# ruff: noqa: E501

from __future__ import annotations

from typing import Any

from common import ORIGIN, rfc822
from olivero_blocks import ROBOTS, simplenews_block
from olivero_node import Node, original_image, search_result, user_path
from olivero_page import (
    CSS,
    FAVICON,
    FONTS,
    JS,
    NAME,
    NEWSLETTER_PITCH,
    NOJS_CSS,
    SLOGAN,
    core_links,
    esc,
    local,
)

SEARCH_KEYS = "snow"
EDITOR = "Jo Harlan"
PEOPLE = {
    EDITOR: (2, "Web editor. Jo puts the Courier's stories online and looks after the site."),
    "Dana Whitcomb": (3, "Dana covers the county commission, roads and the public library."),
    "Priya Raman": (4, "Priya writes about business, tourism and the ski season."),
    "Tom Kessler": (5, "Tom covers the outdoors: trails, wildlife and backcountry safety."),
    "Courier Staff": (6, "Stories written by several members of the Courier newsroom."),
}


def newest_first(node: Node) -> float:
    return -node.story.published.timestamp()


class ExtraPages:
    """Pages that are not article listings; relies on the attributes Olivero sets."""

    files: Any
    listed: list[Node]
    special: dict[str, Node]
    by_slug: dict[str, Node]
    tid: dict[tuple[str, str], int]
    page: Any
    term_path: Any

    def basic_page(self, path: str, nid: int, title: str, body: str) -> None:
        content = f"""<article data-history-node-id="{nid}" class="node node--type-page node--view-mode-full">
  <header class="">
  </header>
  <div class="node__content">
    <div class="text-content clearfix field field--name-body field--type-text-with-summary field--label-hidden field__item">{body}</div>
  </div>
</article>
"""
        self.page(
            path,
            title,
            "path-node page-node-type-page",
            f"node/{nid}",
            content,
            h1=f'<span class="field field--name-title field--type-string '
            f'field--label-hidden">{esc(title)}</span>',
            links=core_links(path, f"/node/{nid}"),
            crumbs=[("Home", "/")],
        )

    def static_pages(self, page_nids: dict[str, int]) -> None:
        staff = "".join(
            f'<li><a href="{user_path(p)}">{esc(p)}</a></li>'
            for p in PEOPLE
            if p != "Courier Staff"
        )
        about = (
            f"<p>{NAME} has covered Quillan Springs and Tamarack County since 1931. It is owned "
            "by a local nonprofit and published online every day and in print on Thursdays.</p>"
            f"<h2>Our newsroom</h2><ul>{staff}</ul><p>Looking for an older story? Try the "
            f'<a href="/search/node?keys={SEARCH_KEYS}">archive search</a>.</p>'
        )
        self.basic_page("/about", page_nids["about"], "About us", about)
        old = self.by_slug["ski-hill-opening"]
        newsletter = (
            f"<p>{esc(NEWSLETTER_PITCH)} It arrives at 6 a.m. every weekday and is free.</p>"
            f'<p>Most read last week: <a href="{old.old_alias}">{esc(old.story.title)}</a></p>'
            + simplenews_block("simplenews-subscriptions-page-form")
        )
        self.basic_page("/newsletter", page_nids["newsletter"], "Newsletter", newsletter)
        results = [
            n
            for n in self.listed
            if SEARCH_KEYS
            in " ".join(b.text for b in n.story.blocks).lower() + n.story.title.lower()
        ]
        items = "\n".join(search_result(n) for n in results)
        search = f"""<form class="search-form" data-drupal-selector="search-form" action="/search/node?keys={SEARCH_KEYS}" method="post" id="search-form" accept-charset="UTF-8">
  <div class="container-inline js-form-wrapper form-wrapper" data-drupal-selector="edit-basic" id="edit-basic"><div class="js-form-item form-item js-form-type-search form-item-keys js-form-item-keys">
      <label for="edit-keys" class="form-item__label">Enter your keywords</label>
        <input data-drupal-selector="edit-keys" type="search" id="edit-keys" name="keys" value="{SEARCH_KEYS}" size="30" maxlength="255" class="form-search form-element form-element--type-search form-element--api-search" />
        </div>
<input data-drupal-selector="edit-submit" type="submit" id="edit-submit" value="Search" class="button js-form-submit form-submit button--primary" />
</div>
</form>
<h2>Search results</h2>
<ol class="search-results node_search-results">{items}</ol>
"""
        self.page(
            f"/search/node?keys={SEARCH_KEYS}",
            "Search",
            "path-search",
            "search/node",
            search,
            h1="Search",
            crumbs=[("Home", "/")],
        )
        empty = search.split("<h2>Search results</h2>")[0].replace(
            f'value="{SEARCH_KEYS}"', 'value=""'
        )
        self.page(
            "/search/node",
            "Search",
            "path-search",
            "search/node",
            empty,
            h1="Search",
            crumbs=[("Home", "/")],
        )
        for path, title, fields in (
            (
                "/user/login",
                "Log in",
                [("name", "Username", "text"), ("pass", "Password", "password")],
            ),
            (
                "/user/register",
                "Create new account",
                [("mail", "Email address", "email"), ("name", "Username", "text")],
            ),
            (
                "/user/password",
                "Reset your password",
                [("name", "Username or email address", "text")],
            ),
        ):
            inputs = "".join(
                f'<div class="js-form-item form-item js-form-type-{t} form-item-{k} js-form-item-{k}">'
                f'<label for="edit-{k}" class="form-item__label js-form-required form-required">{label}</label>'
                f'<input type="{t}" id="edit-{k}" name="{k}" class="form-{t} required form-element '
                f'form-element--type-{t} form-element--api-{t}" required="required" /></div>'
                for k, label, t in fields
            )
            tabs = (
                '<nav class="tabs-wrapper tabs-wrapper--primary" aria-labelledby="primary-tabs-title">'
                '<h2 id="primary-tabs-title" class="visually-hidden">Primary tabs</h2><ul class="tabs '
                'tabs--primary"><li class="tabs__tab"><a href="/user/login" class="tabs__link '
                'js-tabs-link">Log in</a></li><li class="tabs__tab"><a href="/user/register" '
                'class="tabs__link js-tabs-link">Create new account</a></li><li class="tabs__tab">'
                '<a href="/user/password" class="tabs__link js-tabs-link">Reset your password</a>'
                "</li></ul></nav>\n"
            )
            form = (
                f'{tabs}<form class="user-form" action="{path}" method="post" accept-charset="UTF-8">'
                f'{inputs}<div class="form-actions js-form-wrapper form-wrapper"><input type="submit" '
                f'value="{title}" class="button js-form-submit form-submit button--primary" /></div></form>\n'
            )
            self.page(path, title, "path-user", path.strip("/"), form, h1=title, sidebar=False)

    # -- feeds, sitemap, assets ----------------------------------------------------------

    def rss_item(self, node: Node) -> str:
        story = node.story
        first = next(b.text for b in story.blocks if b.kind == "p")
        desc = esc(
            '<div class="text-content clearfix field field--name-body field--type-text-with-'
            f'summary field--label-hidden field__item"><p>{esc(first)}</p></div>'
        )
        return f"""  <item>
    <title>{esc(story.title)}</title>
    <link>{ORIGIN}{node.path}</link>
    <description>{desc}</description>
  <pubDate>{rfc822(story.published)}</pubDate>
    <dc:creator>{esc(node.owner)}</dc:creator>
    <guid isPermaLink="false">{node.nid} at {ORIGIN}</guid>
    </item>
"""

    def rss(self, title: str, link: str, self_url: str, nodes: list[Node], desc: str = "") -> str:
        items = "".join(self.rss_item(n) for n in nodes)
        return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xml:base="{ORIGIN}{link}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{esc(title)}</title>
    <link>{ORIGIN}{link}</link>
    <description>{esc(desc)}</description>
    <language>en</language>
    <atom:link href="{ORIGIN}{self_url}" rel="self" type="application/rss+xml" />
{items}  </channel>
</rss>
"""

    def frontpage_feed(self) -> None:
        promoted = sorted(
            [*self.listed, self.special["feed"], self.special["more_news"]], key=newest_first
        )[:10]
        assert self.special["more_news"] not in promoted
        self.files.add("/rss.xml", self.rss(NAME, "/", "/rss.xml", promoted, SLOGAN))

    def term_feed(self, feed: str, name: str, base: str, members: list[Node]) -> None:
        self.files.add(feed + "/", self.rss(name, base, feed, members[:10]))

    def sitemap(self, page_nids: dict[str, int]) -> None:
        rows = [
            " <url>\n  <loc>{ORIGIN}/</loc>\n  <changefreq>daily</changefreq>\n"
            "  <priority>1.0</priority>\n </url>".replace("{ORIGIN}", ORIGIN)
        ]
        chosen = [*self.listed, self.special["sitemap"]]
        for node in sorted(chosen, key=lambda n: n.nid):
            when = local(node.story.modified or node.story.published).isoformat()
            rows.append(
                f" <url>\n  <loc>{ORIGIN}{node.path}</loc>\n  <lastmod>{when}</lastmod>\n"
                "  <changefreq>weekly</changefreq>\n  <priority>0.7</priority>\n"
                f"  <image:image>\n   <image:loc>{ORIGIN}{original_image(node.story)}</image:loc>\n"
                "  </image:image>\n </url>"
            )
        for key, path in (("newsletter", "/newsletter"), ("about", "/about")):
            rows.append(
                f" <url>\n  <loc>{ORIGIN}{path}</loc>\n  <lastmod>2024-11-02T10:00:00-06:00"
                f"</lastmod>\n  <changefreq>monthly</changefreq>\n  <priority>0.3</priority>\n </url>"
            )
            del key
        for (vocab, name), _ in sorted(self.tid.items(), key=lambda kv: kv[1]):
            if vocab == "sections" and any(n.story.section == name for n in self.listed):
                rows.append(
                    f" <url>\n  <loc>{ORIGIN}{self.term_path(vocab, name)}</loc>\n"
                    "  <changefreq>daily</changefreq>\n  <priority>0.5</priority>\n </url>"
                )
        text = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<?xml-stylesheet type="text/xsl" href="/sitemap_generator/default/sitemap.xsl"?>\n'
            "<!--Generated by the Simple XML Sitemap Drupal module: "
            "https://drupal.org/project/simple_sitemap.-->\n"
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n'
            + "\n".join(rows)
            + "\n</urlset>\n"
        )
        self.files.add("/sitemap.xml", text)
        self.files.add_bytes(
            "sitemap_generator/default/sitemap.xsl",
            b'<?xml version="1.0" encoding="UTF-8"?>\n<xsl:stylesheet version="2.0" '
            b'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" '
            b'xmlns:sitemap="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            b'<xsl:template match="/"><html><body><xsl:apply-templates/></body></html>'
            b"</xsl:template>\n</xsl:stylesheet>\n",
        )

    def assets(self) -> None:
        for href in CSS:
            self.files.add_bytes(href.lstrip("/"), b"/* aggregated olivero css */\n")
        self.files.add_bytes(NOJS_CSS.lstrip("/"), b"/* nav-primary-no-js */\n")
        self.files.add_bytes(JS.lstrip("/"), b"/* aggregated drupal js */\n")
        for font in FONTS:
            self.files.add_bytes(font.lstrip("/"), b"wOF2")
        self.files.add_bytes(FAVICON.lstrip("/"), b"\x00\x00\x01\x00")
        self.files.add("/robots.txt", ROBOTS)
