"""Generate the ``jsnews`` fixture site: Velmora Now, a news site built by JavaScript.

Run ``python tests/sites/_build/jsnews.py`` to rewrite ``tests/sites/jsnews``
from ``jsnews_stories.txt``; the output is deterministic.

Nothing a reader wants is in the static HTML:

- the home page is an app shell; ``/assets/app.js`` fetches ``/api/latest.json``
  and builds the list; a "Load more" button fetches ``/api/latest-2.json`` and so
  on (stories on the later pages are linked nowhere else);
- ``/archive/`` is an infinite-scroll list: scrolling to the bottom fetches the next
  page of ``/api/archive*.json`` (its last stories are linked nowhere else);
- article pages are shells with ``<noscript>Please enable JavaScript</noscript>``;
  the script inserts headline, byline, date, image, body, JSON-LD and a "Most read"
  box from ``/api/articles/<slug>.json``.

No feed and no sitemap: a crawler without a browser finds no article at all.
The gold answers go to ``_expected_rendered.json`` (not ``_expected.json``, so the
static end-to-end suite in tests/test_crawl_sites.py leaves this site alone).

:func:`build_site` also serves the rendering benchmark (``bench/render.py``), which
generates hundreds of stories, and can write a ``static`` twin of the same site
(server-rendered pages, "More news" links) to compare a crawl without a browser.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The folder is not a package: its modules import each other by path.
from common import (
    ORIGIN,
    SiteFiles,
    Story,
    check_stories,
    dump_json,
    esc,
    expected_article,
    grey_jpeg,
    load_stories,
    utc_iso,
    utc_z,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent / "jsnews"
NAME = "Velmora Now"
PAGE_SIZE = 5
#: Stories on the first page of the archive; the rest come by scrolling.
ARCHIVE_FIRST = 5
MOST_READ = 3
BOILERPLATE = [
    "Load more",
    "Please enable JavaScript",
    "Most read",
    "Velmora Now newsletter",
    "Velmora Now is the independent news site",
]

STYLE = """
@font-face { font-family: "Velmora Sans"; src: url("/assets/velmora-sans.woff2") format("woff2"); }
body { font-family: "Velmora Sans", sans-serif; margin: 0 auto; max-width: 760px; }
.story-card { min-height: 160px; border-bottom: 1px solid #ddd; }
.story-card h3 { font-size: 1.3em; }
"""

APP_JS = r"""
(function () {
  "use strict";

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => node.setAttribute(key, value));
    if (text) node.textContent = text;
    return node;
  }

  async function getJSON(url) {
    const response = await fetch(url, {headers: {Accept: "application/json"}});
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response.json();
  }

  function card(item) {
    const li = el("li", {class: "story-card"});
    const h3 = el("h3");
    h3.appendChild(el("a", {href: item.url}, item.title));
    li.appendChild(h3);
    const meta = el("p", {class: "card-meta"}, item.section + " | ");
    meta.appendChild(el("time", {datetime: item.published}, item.published.slice(0, 10)));
    li.appendChild(meta);
    return li;
  }

  function pager(list) {
    let next = list.dataset.source;
    let loading = false;
    return async function loadPage() {
      if (!next || loading) return false;
      loading = true;
      try {
        const page = await getJSON(next);
        page.items.forEach((item) => list.appendChild(card(item)));
        next = page.next;
      } finally {
        loading = false;
      }
      return Boolean(next);
    };
  }

  async function feedWithButton(list) {
    const button = document.getElementById("load-more");
    const loadPage = pager(list);
    button.addEventListener("click", async () => {
      button.disabled = true;
      const more = await loadPage();
      button.disabled = false;
      button.hidden = !more;
    });
    button.hidden = !(await loadPage());
  }

  async function infiniteFeed(list) {
    const loadPage = pager(list);
    let more = await loadPage();
    window.addEventListener("scroll", async () => {
      const bottom = window.innerHeight + window.scrollY;
      if (more && bottom >= document.documentElement.scrollHeight - 200) {
        more = await loadPage();
      }
    });
  }

  function jsonLd(story) {
    const data = {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: story.title,
      datePublished: story.published,
      author: story.authors.map((name) => ({"@type": "Person", name: name})),
      articleSection: story.section,
      keywords: story.tags.join(", "),
      image: story.image,
      publisher: {"@type": "Organization", name: story.site},
    };
    if (story.modified) data.dateModified = story.modified;
    const script = el("script", {type: "application/ld+json"});
    script.textContent = JSON.stringify(data);
    return script;
  }

  async function article(root) {
    const story = await getJSON("/api/articles/" + root.dataset.slug + ".json");
    document.title = story.title + " - " + story.site;
    document.head.appendChild(el("meta", {property: "og:type", content: "article"}));
    document.head.appendChild(el("meta", {property: "og:title", content: story.title}));
    document.head.appendChild(jsonLd(story));
    root.appendChild(el("h1", {class: "headline"}, story.title));
    const byline = el("p", {class: "byline"});
    story.authors.forEach((name, index) => {
      if (index) byline.appendChild(document.createTextNode(" and "));
      byline.appendChild(el("a", {rel: "author", href: "#"}, name));
    });
    root.appendChild(byline);
    root.appendChild(el("time", {datetime: story.published, class: "published"}, story.date));
    const figure = el("figure");
    figure.appendChild(el("img", {src: story.image, alt: story.caption, width: "800"}));
    figure.appendChild(el("figcaption", {}, story.caption));
    root.appendChild(figure);
    const body = el("div", {class: "story-body"});
    story.blocks.forEach((block) => body.appendChild(el(block.kind, {}, block.text)));
    root.appendChild(body);
    const aside = document.getElementById("most-read");
    const popular = await getJSON("/api/most-read.json");
    aside.appendChild(el("h2", {}, "Most read"));
    const list = el("ol");
    popular.items.forEach((item) => {
      const li = el("li");
      li.appendChild(el("a", {href: item.url}, item.title));
      list.appendChild(li);
    });
    aside.appendChild(list);
  }

  const feed = document.getElementById("feed");
  if (feed) feedWithButton(feed);
  const archive = document.getElementById("archive-feed");
  if (archive) infiniteFeed(archive);
  const story = document.getElementById("story");
  if (story) article(story);
})();
"""


def article_path(story: Story) -> str:
    return f"/story/{story.slug}"


def image_path(story: Story) -> str:
    return f"/images/{story.slug}.jpg"


def summary(story: Story) -> str:
    first = next(block.text for block in story.blocks if block.kind == "p")
    return first if len(first) < 160 else first[:157].rsplit(" ", 1)[0] + "..."


def card_data(story: Story) -> dict[str, str]:
    return {
        "url": article_path(story),
        "title": story.title,
        "section": story.section or "",
        "published": utc_z(story.published),
    }


def pages_of(items: Sequence[Story], size: int) -> list[list[Story]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)] or [[]]


def api_page_path(name: str, number: int) -> str:
    return f"/api/{name}.json" if number == 1 else f"/api/{name}-{number}.json"


class JsNews:
    """Collects the files of the site for a list of stories (newest first)."""

    def __init__(self, stories: Sequence[Story], page_size: int = PAGE_SIZE) -> None:
        self.stories = list(stories)
        self.page_size = page_size
        self.files = SiteFiles()
        # The home list leaves out the two oldest stories: only scrolling the archive finds them.
        self.home_stories = self.stories[:-2] if len(self.stories) > 4 else self.stories
        tail = max(0, len(self.home_stories) - ARCHIVE_FIRST)
        self.archive_stories = self.stories[tail:]

    # --- shared page parts -----------------------------------------------------

    def page(self, title: str, main: str, *, canonical: str, scripted: bool = True) -> str:
        script = '<script src="/assets/app.js" defer></script>\n' if scripted else ""
        notice = (
            f"<noscript><p>Please enable JavaScript to read {NAME}.</p></noscript>\n"
            if scripted
            else ""
        )
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n"
            f'<link rel="canonical" href="{ORIGIN}{canonical}">\n'
            f"<style>{STYLE}</style>\n</head>\n<body>\n"
            f'<header><a class="logo" href="/">{NAME}</a>\n<nav><a href="/">Latest</a> '
            '<a href="/archive/">Archive</a> <a href="/about/">About</a></nav></header>\n'
            f"{notice}{main}\n"
            f"<footer><p>{NAME} newsletter: every morning at seven.</p>\n"
            '<a href="/about/">About</a> <a href="/admin/">Staff</a></footer>\n'
            f"{script}</body>\n</html>\n"
        )

    # --- the script-built site ---------------------------------------------------

    def build(self) -> None:
        self.files.add_bytes("assets/app.js", APP_JS.lstrip().encode("utf-8"))
        self.files.add_bytes("assets/velmora-sans.woff2", b"wOF2 not a real font")
        self.add_common()
        self.files.add(
            "/",
            self.page(
                NAME,
                '<main id="app"><h1>Latest news</h1>\n'
                '<ul id="feed" data-source="/api/latest.json"></ul>\n'
                '<button id="load-more" type="button" hidden>Load more</button></main>',
                canonical="/",
            ),
        )
        self.files.add(
            "/archive/",
            self.page(
                f"Archive - {NAME}",
                '<main id="app"><h1>Archive</h1>\n'
                '<ul id="archive-feed" data-source="/api/archive.json"></ul></main>',
                canonical="/archive/",
            ),
        )
        self.add_feed_api("latest", pages_of(self.home_stories, self.page_size))
        first, rest = self.archive_stories[:ARCHIVE_FIRST], self.archive_stories[ARCHIVE_FIRST:]
        self.add_feed_api("archive", [first, *pages_of(rest, self.page_size)] if rest else [first])
        self.files.add_json(
            "api/most-read.json", {"items": [card_data(s) for s in self.stories[:MOST_READ]]}
        )
        for story in self.stories:
            self.files.add(
                article_path(story),
                self.page(
                    NAME,
                    f'<main><article id="story" data-slug="{story.slug}"></article>\n'
                    '<aside id="most-read"></aside></main>',
                    canonical=article_path(story),
                ),
            )
            self.files.add_json(f"api/articles/{story.slug}.json", self.story_data(story))

    def add_common(self) -> None:
        for story in self.stories:
            self.files.add_bytes(image_path(story).lstrip("/"), grey_jpeg(64, 40))
        self.files.add(
            "/about/",
            self.page(
                f"About - {NAME}",
                f"<main><h1>About us</h1><p>{NAME} is the independent news site of Velmora "
                "and the lake villages, written by a small team of local reporters.</p></main>",
                canonical="/about/",
                scripted=False,
            ),
        )
        self.files.add(
            "/admin/",
            self.page("Staff login", "<main><h1>Staff login</h1></main>", canonical="/admin/"),
        )
        self.files.add("/robots.txt", "User-agent: *\nDisallow: /admin/\n")

    def add_feed_api(self, name: str, pages: list[list[Story]]) -> None:
        for number, items in enumerate(pages, start=1):
            following = api_page_path(name, number + 1) if number < len(pages) else None
            self.files.add_json(
                api_page_path(name, number).lstrip("/"),
                {"items": [card_data(s) for s in items], "next": following},
            )

    def story_data(self, story: Story) -> dict[str, Any]:
        return {
            "site": NAME,
            "title": story.title,
            "authors": list(story.authors),
            "published": utc_z(story.published),
            "modified": utc_z(story.modified) if story.modified else None,
            "date": story.published.strftime("%d %B %Y, %H:%M"),
            "section": story.section,
            "tags": list(story.tags),
            "image": image_path(story),
            "caption": story.caption,
            "blocks": [{"kind": b.kind, "text": b.text} for b in story.blocks],
        }

    # --- the same site rendered on the server (benchmark baseline) ---------------

    def build_static(self) -> None:
        self.add_common()
        pages = pages_of(self.stories, self.page_size)
        for number, items in enumerate(pages, start=1):
            path = "/" if number == 1 else f"/?page={number}"
            cards = "\n".join(
                f'<li class="story-card"><h3><a href="{article_path(s)}">{esc(s.title)}</a></h3>'
                f"<p>{esc(summary(s))}</p></li>"
                for s in items
            )
            more = f'<a href="/?page={number + 1}">More news</a>' if number < len(pages) else ""
            main = f"<main><h1>Latest news</h1>\n<ul>{cards}</ul>\n{more}</main>"
            self.files.add(path, self.page(NAME, main, canonical=path, scripted=False))
        for story in self.stories:
            self.files.add(article_path(story), self.static_article(story))

    def static_article(self, story: Story) -> str:
        blocks = "\n".join(f"<{b.kind}>{esc(b.text)}</{b.kind}>" for b in story.blocks)
        authors = " and ".join(f'<a rel="author" href="#">{esc(a)}</a>' for a in story.authors)
        main = (
            f'<main><article><h1 class="headline">{esc(story.title)}</h1>\n'
            f'<p class="byline">{authors}</p>\n'
            f'<time datetime="{utc_z(story.published)}">{utc_iso(story.published)}</time>\n'
            f'<div class="story-body">{blocks}</div></article></main>'
        )
        return self.page(story.title, main, canonical=article_path(story), scripted=False)

    # --- gold answers ------------------------------------------------------------

    def expected(self) -> dict[str, Any]:
        articles = []
        first_home_page = {s.slug for s in self.home_stories[: self.page_size]}
        home = {s.slug for s in self.home_stories}
        archive_first = {s.slug for s in self.archive_stories[:ARCHIVE_FIRST]}
        popular = {s.slug for s in self.stories[:MOST_READ]}
        for story in self.stories:
            record = expected_article(story, article_path(story), story.section, image_path(story))
            if story.slug in first_home_page or story.slug in popular:
                record["reachable_only_from"] = None
            elif story.slug in home and story.slug not in archive_first:
                record["reachable_only_from"] = "load_more"
            elif story.slug not in home and story.slug not in archive_first:
                record["reachable_only_from"] = "infinite_scroll"
            else:
                record["reachable_only_from"] = None
            articles.append(record)
        return {
            "site": "jsnews",
            "timezone": "UTC",
            "articles": articles,
            "not_articles": ["/", "/archive/", "/about/"],
            "duplicates": [],
            "disallowed": ["/admin/"],
            "boilerplate": BOILERPLATE + [s.caption for s in self.stories],
            "never_fetched_in_rendered_pages": ["/images/", "/assets/velmora-sans.woff2"],
        }


def build_site(
    root: Path, stories: Sequence[Story], *, page_size: int = PAGE_SIZE, static: bool = False
) -> dict[str, Any]:
    """Write the site (or its server-rendered twin) into ``root``; return the gold answers."""
    site = JsNews(stories, page_size)
    if static:
        site.build_static()
    else:
        site.build()
    expected = site.expected()
    site.files.add_bytes("_expected_rendered.json", dump_json(expected).encode("utf-8"))
    site.files.write(root)
    return expected


def build(root: Path = ROOT) -> dict[str, Any]:
    from zoneinfo import ZoneInfo

    stories = load_stories(HERE / "jsnews_stories.txt", ZoneInfo("UTC"))
    check_stories(stories, [*BOILERPLATE, *(s.caption for s in stories)])
    return build_site(root, stories)


if __name__ == "__main__":
    result = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
    print(f"jsnews: {len(result['articles'])} articles written to the site folder")
