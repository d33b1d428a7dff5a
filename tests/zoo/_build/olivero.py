"""Generate the ``olivero`` zoo site: a regional paper on Drupal 10 core with the Olivero theme.

Run ``.venv/bin/python tests/zoo/_build/olivero.py`` to rewrite ``tests/zoo/olivero`` from
``olivero_stories.txt``; the output is deterministic.

Markup source: github drupal/drupal, ``core/themes/olivero/templates/`` (the commits of each
template are listed in olivero_page.py and olivero_node.py), stable9 base templates, the
core TimestampFormatter and datetime formatters, views-view-rss / views-view-row-rss
(0366140fa0) with the node RSS row plugin (00934960bb), the scaffold robots.txt (577ba8b5d5),
and the Simple XML Sitemap module's generator (vijaycs85/simple_sitemap 1d71bbf212,
SitemapGeneratorBase 09e0e2ec38; 4.x adds the XSL processing instruction).

Drupal as it is set up here: pathauto aliases ``/news/<title>``, ``/sections/<term>``,
``/topics/<term>`` (for ``/taxonomy/term/<n>``), ``/authors/<user>`` (for ``/user/<n>``);
the Redirect module sends ``/node/<n>`` (each page's shortlink) and an outdated alias to the
current alias; views pages with zero-based ``?page=N`` and query-only pager hrefs; the
frontpage feed at ``/rss.xml`` (ten promoted nodes, ``dc:creator`` is the node owner) and a
feed per term at ``/taxonomy/term/<n>/feed``; simple_sitemap's ``/sitemap.xml``; core's
robots.txt plus a Sitemap line. Site zone America/Denver, stated in a footer block.

"reach: more_news" in the story file means here: linked only from the last page of the
paginated ``/news`` listing (gold ``reachable_only_from`` stays "more_news"); "feed": only in
``/rss.xml``; "sitemap": only in ``/sitemap.xml``.
"""

# Long lines are the theme's markup, kept as Drupal prints it.
# ruff: noqa: E501

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "sites" / "_build"))

# The folders are not packages: modules import each other by path.
from common import (  # noqa: E402
    ORIGIN,
    SiteFiles,
    check_stories,
    dump_json,
    expected_article,
    grey_jpeg,
    load_stories,
    slugify,
)
from olivero_blocks import body_close, feed_icon, footer, pager, simplenews_block  # noqa: E402
from olivero_extra import EDITOR, PEOPLE, ExtraPages, newest_first  # noqa: E402
from olivero_node import (  # noqa: E402
    Node,
    comment_destination,
    full_node,
    lead_image,
    metatag,
    original_image,
    read_extras,
    styled_image,
    teaser,
    user_path,
)
from olivero_page import (  # noqa: E402
    MC_TITLE,
    NAME,
    NEWSLETTER,
    NEWSLETTER_PITCH,
    SLOGAN,
    TZ,
    TZ_NOTE,
    body_open,
    core_links,
    esc,
    field_row,
    head,
    layout,
    main_open,
    medium,
    view,
    views_block,
)

ROOT = HERE.parent / "olivero"
NEWS_PER_PAGE = 4
TERM_PER_PAGE = 3
FRONT_COUNT = 6
COMMENTS = {
    "snowplow-contract": [
        (
            "Walt Pryor",
            "2024-12-11 10:02",
            "Fenwick Creek was not plowed until noon twice last year. Anything is better than that.",
        ),
        (
            "June Aldana",
            "2024-12-11 11:47",
            "Who checks that the contractor actually meets the six o'clock deadline?",
        ),
    ],
    "ski-hill-opening": [
        (
            "Kit Morrow",
            "2024-12-04 12:15",
            "The lessons program got both my kids skiing. Thank you to the bank and the ski club.",
        ),
    ],
}
UTM = "?utm_source=newsletter&utm_medium=email&utm_campaign=courier_daily"
BOILERPLATE = [
    "News Feed",
    "MORE NEWS",
    "Editors' Picks",
    "More in ",
    "indicates required",
    MC_TITLE,
    NEWSLETTER,
    NEWSLETTER_PITCH,
    TZ_NOTE,
    "to post comments",
    "Photo:",
    "Powered by",
    "Skip to main content",
    SLOGAN,
]


class Olivero(ExtraPages):
    """Renders every page of the site from the nodes."""

    def __init__(self, nodes: list[Node]) -> None:
        self.nodes = nodes  # newest first
        self.listed = [n for n in nodes if n.story.reach is None]
        self.special = {n.story.reach: n for n in nodes if n.story.reach}
        self.by_slug = {n.slug: n for n in nodes}
        sections = sorted({n.story.section or "" for n in nodes})
        tags = sorted({t for n in nodes for t in n.story.tags})
        self.tid = {("sections", s): i for i, s in enumerate(sections, start=1)}
        self.tid.update({("tags", t): len(sections) + i for i, t in enumerate(tags, start=1)})
        self.files = SiteFiles()
        self.not_articles: list[str] = []
        self.utm_node = self.listed[2]
        self.picks = [self.listed[6], self.listed[7], self.listed[2]]

    # -- helpers -------------------------------------------------------------------------

    @staticmethod
    def term_path(vocab: str, name: str) -> str:
        return f"/{'sections' if vocab == 'sections' else 'topics'}/{slugify(name)}"

    def tags_of(self, node: Node) -> list[tuple[str, str]]:
        return [(t, self.term_path("tags", t)) for t in node.story.tags]

    def page(
        self,
        path: str,
        title: str,
        body_class: str,
        system_path: str,
        content: str,
        *,
        h1: str = "",
        sidebar: bool = True,
        below: str = "",
        meta: str = "",
        links: str = "",
        crumbs: list[tuple[str, str]] | None = None,
        front: bool = False,
        article: bool = False,
    ) -> None:
        if not links and not meta:
            links = core_links(path.split("?")[0])
        side = self.news_feed() if sidebar else ""
        html = (
            head(title, meta, links)
            + body_open(body_class)
            + main_open(crumbs)
            + layout(h1, content, side, below)
            + "          </div>\n"
            + footer(self.utm_node.path + UTM.replace("&", "&amp;"), self.utm_node.story.title)
            + body_close(system_path, front)
        )
        self.files.add(path, html)
        if not article:
            self.not_articles.append(path)

    def news_feed(self) -> str:
        rows = "".join(field_row(n.path, n.story.title, n.story.published) for n in self.listed[:6])
        return views_block("views-block-news-feed-block-1", "news_feed", "News Feed", rows)

    def titles_block(self, block_id: str, view_id: str, label: str, nodes: list[Node]) -> str:
        rows = "".join(field_row(n.path, n.story.title) for n in nodes)
        return views_block(block_id, view_id, label, rows)

    # -- articles ------------------------------------------------------------------------

    def related(self, node: Node) -> str:
        same = [n for n in self.listed if n.story.section == node.story.section and n is not node]
        same = same[:3]
        rest = [n for n in self.listed if n is not node and n not in same][:5]
        out = ""
        if same:
            out += self.titles_block(
                "views-block-more-in-section-block-1",
                "more_in_section",
                f"More in {node.story.section}",
                same,
            )
        out += self.titles_block("views-block-more-news-block-1", "more_news", "MORE NEWS", rest)
        return out + simplenews_block("simplenews-subscriptions-block-courier-daily")

    def article(self, node: Node, index: int) -> None:
        story = node.story
        section_href = self.term_path("sections", story.section or "")
        comments = [
            (name, _medium_text(when), text)
            for name, when, text in (COMMENTS.get(node.slug, []) if node.comments else [])
        ]
        content = full_node(node, section_href, self.tags_of(node), comments)
        if node.kind == "article":
            meta = metatag(node, original_image(story))
            links = f'<link rel="shortlink" href="{ORIGIN}/node/{node.nid}" />\n'
        else:
            meta, links = "", core_links(node.path, f"/node/{node.nid}")
        h1 = (
            '<span class="field field--name-title field--type-string field--label-hidden">'
            f"{esc(story.title)}</span>"
        )
        self.page(
            node.path,
            story.title,
            f"path-node page-node-type-{node.kind}",
            f"node/{node.nid}",
            content,
            h1=h1,
            below=self.related(node),
            meta=meta,
            links=links,
            crumbs=[("Home", "/"), ("News", "/news")],
            article=True,
        )
        width = 1200 - 16 * index
        self.files.add_bytes(original_image(story).lstrip("/"), grey_jpeg(width, 675))
        for style, size in (("wide", (1100, 619)), ("large", (480, 270)), ("medium", (220, 124))):
            rel = styled_image(story, style).split("?")[0].lstrip("/")
            self.files.add_bytes(rel, grey_jpeg(*size))

    # -- listings ------------------------------------------------------------------------

    def front(self) -> None:
        rows = "".join(teaser(n) for n in self.listed[:FRONT_COUNT])
        dom = "frontpage"
        more = '<div class="more-link"><a href="/news">More news</a></div>\n'
        content = (
            f'<div class="views-element-container"><div class="view view-frontpage '
            f"view-id-frontpage view-display-id-page_1 grid-full layout--pass--content-narrow "
            f'js-view-dom-id-{dom}">\n      <div class="view-content">\n{rows}    </div>\n'
            f"{more}</div>\n</div>\n"
        )
        below = self.titles_block(
            "views-block-editors-picks-block-1", "editors_picks", "Editors' Picks", self.picks
        )
        links = core_links("/") + (
            f'<link rel="alternate" type="application/rss+xml" title="" href="{ORIGIN}/rss.xml" />\n'
        )
        self.page(
            "/", NAME, "path-frontpage", "node", content, below=below, links=links, front=True
        )

    def paged(
        self,
        base: str,
        members: list[Node],
        per_page: int,
        render: Any,
    ) -> list[str]:
        """Write ``base``, ``base?page=1`` ...; the pager also links ``base?page=0``."""
        chunks = [members[i : i + per_page] for i in range(0, len(members), per_page)] or [[]]
        paths = []
        for n, chunk in enumerate(chunks):
            path = base if n == 0 else f"{base}?page={n}"
            render(path, chunk, pager(n, len(chunks)))
            paths.append(path)
        if len(chunks) > 1:
            self.not_articles.append(f"{base}?page=0")
        return paths

    def news_listing(self) -> None:
        members = sorted([*self.listed, self.special["more_news"]], key=newest_first)

        def render(path: str, chunk: list[Node], pager_html: str) -> None:
            rows = "".join(teaser(n) for n in chunk)
            content = view("news", "page_1", rows, pager_html)
            self.page(path, "News", "path-news", "news", content, h1="News", crumbs=[("Home", "/")])

        paths = self.paged("/news", members, NEWS_PER_PAGE, render)
        hidden = self.special["more_news"]
        last = self.files.files["news/index@page=" + paths[-1].rsplit("=", 1)[-1] + ".html"]
        assert hidden.path.encode() in last, "the pagination-only story must be on the last page"

    def term_pages(self) -> None:
        for (vocab, name), tid in sorted(self.tid.items(), key=lambda kv: kv[1]):
            base = self.term_path(vocab, name)
            if vocab == "sections":
                members = [n for n in self.listed if n.story.section == name]
            else:
                members = [n for n in self.listed if name in n.story.tags]
            feed = f"/taxonomy/term/{tid}/feed"
            links = core_links(base) + (
                f'<link rel="alternate" type="application/rss+xml" title="{esc(name)}" '
                f'href="{ORIGIN}{feed}" />\n'
            )
            header = (
                f'  <div class="view-header">\n<div id="taxonomy-term-{tid}" class="taxonomy-term '
                f'vocabulary-{vocab}">\n  <div class="content">\n  </div>\n</div>\n  </div>\n'
            )

            def render(
                path: str,
                chunk: list[Node],
                pager_html: str,
                *,
                _n=name,
                _f=feed,
                _h=header,
                _l=links,
                _t=tid,
            ) -> None:
                rows = "".join(teaser(n) for n in chunk)
                icons = f'  <div class="feed-icons">\n{feed_icon(_f, _n)}  </div>\n'
                content = view("taxonomy_term", "page_1", rows, pager_html, icons)
                content = content.replace(
                    '">\n      <div class="view-content">',
                    f'">\n{_h}      <div class="view-content">',
                    1,
                )
                self.page(
                    path,
                    _n,
                    "path-taxonomy",
                    f"taxonomy/term/{_t}",
                    content,
                    h1=esc(_n),
                    links=_l,
                    crumbs=[("Home", "/")],
                )

            self.paged(base, members, TERM_PER_PAGE, render)
            self.term_feed(feed, name, base, members)

    def author_pages(self) -> None:
        for name, (uid, bio) in PEOPLE.items():
            path = user_path(name)
            members = [n for n in self.listed if n.owner == name][:3]
            profile = f"""<article class="profile">
  <div class="text-content clearfix field field--name-field-bio field--type-text-long field--label-hidden field__item"><p>{esc(bio)}</p></div>
  <div class="js-form-item form-item js-form-type-item form-item- js-form-item-">
      <label class="form-item__label">Member for</label>
        {uid + 1} years {uid * 2} months
        </div>
</article>
"""
            rows = "".join(teaser(n) for n in members)
            below = views_block(
                "views-block-author-content-block-1", "author_content", f"Stories by {name}", rows
            )
            self.page(
                path,
                name,
                "path-user",
                f"user/{uid}",
                profile,
                h1=esc(name),
                below=below,
                links=core_links(path, f"/user/{uid}"),
                crumbs=[("Home", "/")],
            )

    # -- other pages ---------------------------------------------------------------------

    # -- everything ----------------------------------------------------------------------

    def build(self) -> dict[str, Any]:
        for index, node in enumerate(self.nodes):
            self.article(node, index)
        page_nids = {"newsletter": len(self.nodes) + 1, "about": len(self.nodes) + 2}
        self.front()
        self.news_listing()
        self.term_pages()
        self.author_pages()
        self.static_pages(page_nids)
        self.frontpage_feed()
        self.sitemap(page_nids)
        self.assets()
        redirects = {f"/node/{n.nid}": n.path for n in self.nodes}
        redirects[f"/node/{page_nids['newsletter']}"] = "/newsletter"
        redirects[f"/node/{page_nids['about']}"] = "/about"
        old = self.by_slug["ski-hill-opening"]
        redirects[old.old_alias or ""] = old.path
        redirects.update({f"/user/{uid}": user_path(name) for name, (uid, _) in PEOPLE.items()})
        self.files.add_json("_redirects.json", redirects)
        headers = {"/rss.xml": {"Content-Type": "application/rss+xml; charset=utf-8"}}
        for (_, _), tid in sorted(self.tid.items(), key=lambda kv: kv[1]):
            headers[f"/taxonomy/term/{tid}/feed"] = {
                "Content-Type": "application/rss+xml; charset=utf-8"
            }
        self.files.add_json("_headers.json", headers)
        duplicates = [{"path": f"/node/{n.nid}", "canonical_path": n.path} for n in self.nodes] + [
            {"path": old.old_alias, "canonical_path": old.path},
            {"path": self.utm_node.path + UTM, "canonical_path": self.utm_node.path},
        ]
        articles = []
        for node in self.nodes:
            record = expected_article(node.story, node.path, node.story.section, lead_image(node))
            if node.kind == "article":  # core's image field has no caption
                record["lead_image_caption"] = None
            articles.append(record)
        login_links = sorted(
            {
                f"/user/{kind}?destination={comment_destination(n)}"
                for n in self.nodes
                if n.kind == "article"
                for kind in ("login", "register")
            }
        )
        roles = sorted({n.role for n in self.nodes if n.role})
        comments = [text for rows in COMMENTS.values() for _, _, text in rows]
        expected = {
            "site": "olivero",
            "timezone": "America/Denver",
            "articles": articles,
            "not_articles": [*self.not_articles, *login_links],
            "duplicates": duplicates,
            "disallowed": ["/search/", "/admin/"],
            "broken_links": [],
            "boilerplate": BOILERPLATE + roles + comments + [n.story.caption for n in self.nodes],
        }
        self.files.add_bytes("_expected.json", dump_json(expected).encode("utf-8"))
        return expected


def _medium_text(when: str) -> str:
    return medium(datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=TZ))


def make_nodes(path: Path) -> list[Node]:
    stories = load_stories(path, TZ)
    extras = read_extras(path)
    oldest_first = sorted(stories, key=lambda s: s.published)
    nid = {s.slug: i for i, s in enumerate(oldest_first, start=1)}
    nodes = []
    for story in stories:
        extra = extras[story.slug]
        nodes.append(
            Node(
                story=story,
                nid=nid[story.slug],
                kind=extra["type"],
                owner=extra.get("owner", EDITOR),
                byline=extra.get("byline"),
                role=extra.get("role"),
                comments=extra.get("comments") == "yes",
                inbody=extra.get("inbody") == "yes",
                old_alias=extra.get("alias"),
            )
        )
    return nodes


def build(root: Path = ROOT) -> dict[str, Any]:
    """Write the site into ``root`` (replacing it) and return the gold answers."""
    nodes = make_nodes(HERE / "olivero_stories.txt")
    stories = [n.story for n in nodes]
    roles = [n.role for n in nodes if n.role]
    comments = [text for rows in COMMENTS.values() for _, _, text in rows]
    check_stories(
        stories, [*BOILERPLATE, *roles, *comments, *(s.caption for s in stories)], words=(80, 300)
    )
    site = Olivero(nodes)
    expected = site.build()
    site.files.write(root)
    return expected


if __name__ == "__main__":
    result = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
    print(f"olivero: {len(result['articles'])} articles written to the site folder")
