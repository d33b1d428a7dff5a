"""A generated static news site of any size, for the throughput benchmark.

    .venv/bin/python bench/newssite.py --articles 2000 [--out DIR] [--seed 1]

Deterministic: the same ``--articles`` and ``--seed`` give the same bytes, and a
site already generated with the same parameters is reused (a ``site.json`` stamp,
written last, records them). Default place: ``/tmp/newscrawl-bench/<N>``, outside
the repository: 100,000 articles take about 10 GB.

The site, newest story first (one every 30 minutes):
- ``/``: home page with a "News Feed" block, section teasers, a "More news" link;
- ``/news/``, ``/news/page/N/``: "More news" listings, 20 stories a page, with
  numbered pagination and ``rel=next``;
- ``/section/S/`` (paginated the same way), ``/tag/T/``, ``/author/A/`` (the
  latest 20 each, with a bio on author pages);
- ``/about/``, ``/subscribe/``, ``/contact/``: pages that are not articles;
- ``/feed.xml`` (RSS, latest 50), ``/sitemap.xml`` (a sitemap index of a Google
  News sitemap of the last two days and one sitemap per month), ``/robots.txt``;
- article pages of about 100 KB: header navigation, breadcrumbs, JSON-LD
  NewsArticle, byline, ``<time>``, a lead figure, a 5-12 paragraph story, tags,
  a "Related" block, a "MORE NEWS" block, a "Most read" sidebar, a newsletter
  box, an app-state script and a footer site map, as real pages carry. Each
  article links to about 15 others. Three markup variants, by section.

Feeds, sitemaps and robots.txt carry the token ``{{ORIGIN}}`` where absolute URLs
belong; the server replaces it (bench/nginx.py: ``sub_filter``), so the site does
not depend on the port it is served on. HTML pages use root-relative links.
``articles.txt`` lists every article path, one a line, for the row check.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

#: Bump when the pages change: a stamp with another version is regenerated.
VERSION = 1
PER_PAGE = 20
#: The newest story; the others go back from it, one every STEP.
NEWEST = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)
STEP = timedelta(minutes=30)
DEFAULT_ROOT = Path("/tmp/newscrawl-bench")

SECTIONS = ["local", "politics", "business", "sport", "culture", "science", "weather", "opinion"]
# Words of bench/recrawl.py's site, and more: a body from 35 words repeats its
# 4-word shingles across stories far more than real text does.
_WORDS = (
    "council harbour ferry school river bridge market library storm budget plan tram "
    "station museum festival police hospital water energy port team match winter "
    "residents officials said week project city district road new old report vote "
    "mayor minister parliament committee inquiry court judge jury trial appeal "
    "company shares profits workers union strike wages prices inflation bank loan "
    "housing rent tenants landlord planning permission developer tower park garden "
    "trees flood rain wind forecast heat summer spring autumn season league cup final "
    "goal coach players fans stadium ticket concert theatre gallery artist author book "
    "film director actor award prize research university students scientists study data "
    "climate emissions carbon solar wind farm electricity grid network broadband phone "
    "app users privacy rules law reform tax spending deficit growth jobs factory export "
    "import trade deal talks agreement border coast island village town county region "
    "north south east west centre airport flight train bus cyclists drivers traffic "
    "accident fire crews rescue volunteers charity donation appeal community meeting "
    "hearing statement spokesperson chief executive board members chair leader party "
    "election campaign candidates voters poll result turnout seats majority coalition "
    "opposition government department agency review figures survey percent million "
    "thousand hundred dozen several many few most some every early late recent later "
    "yesterday today tomorrow morning evening night weekend month year decade century"
)
_FIRST = "Ada Ben Clara Dev Elif Finn Greta Hugo Iris Jonas Kira Luca Maya Nils Omar Pia"
_LAST = "Quill Rowe Sato Tran Underhill Varga Weiss Xu Young Zeller Abbott Brandt"
WORDS, FIRST, LAST = _WORDS.split(), _FIRST.split(), _LAST.split()
TAGS = sorted({f"{a}-{b}" for a in WORDS[:40] for b in ("news", "plan", "row", "watch")})[:120]


@dataclass(frozen=True)
class Story:
    n: int
    title: str
    when: datetime
    section: str
    author: str
    tags: tuple[str, ...]
    path: str


def _slug(text: str) -> str:
    return "-".join(text.lower().split())


def author_names() -> list[str]:
    rng = random.Random(7)
    return sorted({f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(60)})[:40]


def stories(count: int, seed: int) -> list[Story]:
    """The site's stories, newest first."""
    authors = author_names()
    out = []
    for n in range(count - 1, -1, -1):
        rng = random.Random(seed * 1_000_003 + n)
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 10))]
        title = " ".join(words).capitalize()
        when = NEWEST - STEP * (count - 1 - n)
        slug = _slug(" ".join(words[:6]))
        out.append(
            Story(
                n=n,
                title=title,
                when=when,
                section=SECTIONS[n % len(SECTIONS)],
                author=rng.choice(authors),
                tags=tuple(rng.sample(TAGS, rng.randint(2, 4))),
                path=f"/{when:%Y/%m/%d}/{slug}-{n}/",
            )
        )
    return out


def paragraphs(story: Story, seed: int) -> list[str]:
    rng = random.Random(seed * 7_000_003 + story.n)
    out = []
    for _ in range(rng.randint(5, 12)):
        sentences = []
        for _ in range(rng.randint(3, 6)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(9, 24))]
            sentences.append(" ".join(words).capitalize() + rng.choice("...?"))
        out.append(" ".join(sentences))
    return out


# --- the parts every page shares (built once per site) ----------------------------------


def _style() -> str:
    # A news site's inline critical CSS: many small rules.
    rules = []
    for i, name in enumerate(WORDS[:160]):
        rules.append(
            f".c-{name}{{margin:{i % 7}px {i % 5}px;padding:{i % 3}px;"
            f"color:#{(i * 7919) % 0xFFFFFF:06x};"
            f"font:{12 + i % 6}px/1.{i % 9} Georgia,serif}}"
            f".c-{name}:hover{{text-decoration:underline}}"
            f"@media (max-width:{480 + i}px){{.c-{name}{{display:{'block' if i % 2 else 'flex'}}}}}"
        )
    return "<style>" + "".join(rules) + "</style>"


def _nav() -> str:
    menus = []
    for section in SECTIONS:
        subs = "".join(
            f'<li><a href="/tag/{tag}/">{tag.replace("-", " ").title()}</a></li>'
            for tag in TAGS[SECTIONS.index(section) * 15 : SECTIONS.index(section) * 15 + 15]
        )
        menus.append(
            f'<li class="menu-item"><a href="/section/{section}/">{section.title()}</a>'
            f'<ul class="sub-menu">{subs}</ul></li>'
        )
    return (
        '<header class="site-header"><div class="masthead"><a class="logo" href="/">'
        'The Bench Times</a></div><nav class="primary-nav" aria-label="Sections"><ul>'
        + "".join(menus)
        + '</ul></nav><div class="utility"><a href="/subscribe/">Subscribe</a> '
        '<a href="/about/">About</a> <a href="/contact/">Contact</a></div></header>'
    )


def _footer() -> str:
    columns = []
    for section in SECTIONS:
        links = "".join(
            f'<li><a href="/tag/{tag}/">{tag.replace("-", " ").title()}</a></li>'
            for tag in TAGS[SECTIONS.index(section) * 15 : SECTIONS.index(section) * 15 + 15]
        )
        columns.append(f'<div class="footer-col"><h4>{section.title()}</h4><ul>{links}</ul></div>')
    return (
        '<footer class="site-footer"><div class="footer-map">'
        + "".join(columns)
        + '</div><p class="legal">&copy; 2026 The Bench Times. A generated site for '
        'benchmarks. <a href="/about/">About us</a> <a href="/contact/">Contact</a> '
        '<a href="/subscribe/">Subscribe</a></p></footer>'
    )


def _scripts() -> str:
    # Consent, analytics and ad-slot configuration, inline as sites ship them.
    slots = [
        {"id": f"slot-{i}", "sizes": [[300, 250], [728, 90]], "targeting": {"pos": i, "s": name}}
        for i, name in enumerate(WORDS[:60])
    ]
    config = json.dumps({"slots": slots, "consent": {v: i % 2 == 0 for i, v in enumerate(WORDS)}})
    return (
        f"<script>window.__ADS__={config};"
        "(function(w,d){var q=w.dataLayer=w.dataLayer||[];function t(e,p){q.push({event:e,"
        "props:p,ts:Date.now()})}d.addEventListener('click',function(e){var a=e.target.closest"
        "('a');if(a){t('link',{href:a.href})}});w.addEventListener('scroll',function(){t("
        "'scroll',{y:w.scrollY})},{passive:true});t('view',{path:location.pathname})})"
        "(window,document);</script>"
    )


#: Inline SVG icons, defined once per page.
SPRITE = (
    '<svg xmlns="http://www.w3.org/2000/svg" style="display:none">'
    + "".join(
        f'<symbol id="icon-{name}" viewBox="0 0 24 24"><path d="M{i % 24} {(i * 7) % 24}'
        + "".join(f"l{(i * k) % 9 - 4} {(i + k) % 9 - 4}" for k in range(24))
        + 'z"/></symbol>'
        for i, name in enumerate(WORDS[:60])
    )
    + "</svg>"
)

NEWSLETTER = (
    '<div class="newsletter-box"><h3>Get the morning briefing</h3><p>The day\'s stories '
    'in your inbox before breakfast. Sign up now.</p><form action="/subscribe/" '
    'method="post"><input type="email" name="email" placeholder="Your email">'
    '<button type="submit">Sign up</button></form></div>'
)


class Chrome:
    """The page furniture of one site: style, navigation, footer, most-read list."""

    def __init__(self, most_read: list[Story]) -> None:
        self.style = _style()
        self.nav = _nav()
        self.footer = _footer()
        self.scripts = _scripts()
        self.most_read = (
            '<aside class="sidebar most-read"><h3>Most read</h3><ol>'
            + "".join(f'<li><a href="{s.path}">{escape(s.title)}</a></li>' for s in most_read)
            + "</ol>"
            + NEWSLETTER
            + '<div class="ad-slot" data-slot="sidebar-1"></div></aside>'
        )

    def page(self, title: str, body: str, head: str = "", kind: str = "page") -> str:
        return (
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)} | The Bench Times</title>"
            '<link rel="alternate" type="application/rss+xml" title="The Bench Times" '
            f'href="/feed.xml">{head}{self.style}</head><body class="{kind}">{SPRITE}{self.nav}'
            f"{body}{self.footer}{self.scripts}</body></html>"
        )


# --- pages ---------------------------------------------------------------------


def teaser(story: Story, rng: random.Random, image: bool = True) -> str:
    figure = (
        f'<img src="/img/{story.n}-thumb.jpg" alt="" width="160" height="90" loading="lazy">'
        if image
        else ""
    )
    blurb = " ".join(rng.choice(WORDS) for _ in range(18)).capitalize() + "."
    return (
        f'<li class="teaser">{figure}<a href="{story.path}">{escape(story.title)}</a>'
        f'<p class="dek">{blurb}</p><time datetime="{story.when.isoformat()}">'
        f"{story.when:%d %b %Y}</time></li>"
    )


def article_page(
    chrome: Chrome, story: Story, body: list[str], others: list[Story], seed: int
) -> str:
    rng = random.Random(seed * 3_000_017 + story.n)
    variant = SECTIONS.index(story.section) % 3
    related, more, inline = others[:5], others[5:11], others[11:13]
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": story.when.isoformat(),
        "dateModified": (story.when + timedelta(minutes=rng.randint(5, 90))).isoformat(),
        "author": {
            "@type": "Person",
            "name": story.author,
            "url": f"/author/{_slug(story.author)}/",
        },
        "publisher": {"@type": "Organization", "name": "The Bench Times"},
        "articleSection": story.section.title(),
        "keywords": [t.replace("-", " ") for t in story.tags],
        "image": f"/img/{story.n}.jpg",
        "mainEntityOfPage": story.path,
    }
    head = (
        f'<link rel="canonical" href="{story.path}">'
        '<meta property="og:type" content="article">'
        f'<meta property="og:title" content="{escape(story.title)}">'
        f'<meta property="og:image" content="/img/{story.n}.jpg">'
        f'<meta name="twitter:card" content="summary_large_image">'
        f'<meta property="article:section" content="{story.section.title()}">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    )
    byline = (
        f'<a rel="author" href="/author/{_slug(story.author)}/">{story.author}</a>'
        if variant != 1
        else f'<span class="author-name"><a href="/author/{_slug(story.author)}/">'
        f"{story.author}</a></span>"
    )
    when = f'<time datetime="{story.when.isoformat()}">{story.when:%d %B %Y, %H:%M} UTC</time>'
    paras = [f"<p>{escape(p)}</p>" for p in body]
    if inline:
        read_also = "".join(f'<a href="{s.path}">{escape(s.title)}</a>' for s in inline)
        paras.insert(
            len(paras) // 2, f'<div class="read-also"><strong>Read also:</strong> {read_also}</div>'
        )
    tags = "".join(f'<a class="tag" href="/tag/{t}/">{t.replace("-", " ")}</a>' for t in story.tags)
    story_html = (
        f'<nav class="breadcrumb"><a href="/">Home</a> &rsaquo; '
        f'<a href="/section/{story.section}/">{story.section.title()}</a></nav>'
        f'<h1 class="headline">{escape(story.title)}</h1>'
        f'<p class="standfirst">{escape(body[0][:160])}</p>'
        f'<div class="byline">{"By " if variant == 0 else "Words by "}{byline} {when}</div>'
        f'<figure class="lead"><img src="/img/{story.n}.jpg" alt="" width="1200" height="675">'
        f"<figcaption>{escape(' '.join(rng.choice(WORDS) for _ in range(10)).capitalize())}."
        f" Photo: The Bench Times</figcaption></figure>"
        f'<div class="story-body">{"".join(paras)}</div><div class="tags">{tags}</div>'
    )
    main = (
        f'<article class="story story--v{variant}">{story_html}</article>'
        if variant != 2
        else f'<main><div class="article-wrap" itemscope itemtype="https://schema.org/NewsArticle">'
        f"{story_html}</div></main>"
    )
    related_html = (
        '<section class="related"><h2>Related</h2><ul>'
        + "".join(teaser(s, rng) for s in related)
        + "</ul></section>"
    )
    more_html = (
        '<section class="more-news"><h2>MORE NEWS</h2><ul>'
        + "".join(teaser(s, rng, image=False) for s in more)
        + "</ul></section>"
    )
    # The state blob of a client-side app (as Next.js pages ship): big, not visible.
    state = {
        "page": {"id": story.n, "section": story.section, "tags": list(story.tags)},
        "recommendations": [
            {
                "id": s.n,
                "title": s.title,
                "url": s.path,
                "summary": " ".join(rng.choice(WORDS) for _ in range(120)),
            }
            for s in others
        ],
        "tracking": {f"k{i}": f"{rng.getrandbits(128):032x}" for i in range(300)},
    }
    app = f'<script id="__APP_STATE__" type="application/json">{json.dumps(state)}</script>'
    return chrome.page(
        story.title,
        f'<div class="layout">{main}{chrome.most_read}</div>{related_html}{more_html}{app}',
        head,
        kind="article",
    )


def listing_body(
    title: str, chunk: list[Story], base: str, number: int, pages: int, rng: random.Random
) -> tuple[str, str]:
    """A listing page's body and head: stories, numbered pagination, "More news"."""
    items = "".join(teaser(s, rng) for s in chunk)

    def href(k: int) -> str:
        return base if k == 1 else f"{base}page/{k}/"

    shown = sorted({1, pages, *range(max(1, number - 2), min(pages, number + 2) + 1)})
    numbers = "".join(
        f'<a class="page-number" href="{href(k)}">{k}</a>' if k != number else f"<span>{k}</span>"
        for k in shown
    )
    more = (
        f'<a class="more" rel="next" href="{href(number + 1)}">More news</a>'
        if number < pages
        else ""
    )
    head = f'<link rel="next" href="{href(number + 1)}">' if number < pages else ""
    if number > 1:
        head += f'<link rel="prev" href="{href(number - 1)}">'
    body = (
        f'<main class="listing"><h1>{escape(title)}</h1><ul class="stories">{items}</ul>'
        f'<nav class="pagination">{numbers}{more}</nav></main>'
    )
    return body, head


def _chunks(items: list[Story], size: int = PER_PAGE) -> list[list[Story]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


class Writer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0
        self.bytes = 0

    def write(self, path: str, text: str) -> None:
        target = (
            self.root / path.strip("/") / "index.html"
            if path.endswith("/")
            else self.root / path.lstrip("/")
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        with open(target, "wb") as out:
            out.write(data)
        self.files += 1
        self.bytes += len(data)


def related_to(index: int, all_stories: list[Story], rng: random.Random) -> list[Story]:
    """Thirteen other stories: neighbours in time, same section, and a few at random."""
    count = len(all_stories)
    picked: dict[int, Story] = {}
    for offset in (-2, -1, 1, 2):
        if 0 <= index + offset < count:
            picked[index + offset] = all_stories[index + offset]
    sections = len(SECTIONS)
    for k in (1, 2, 3, 4):  # same section: every len(SECTIONS)-th story
        j = index + k * sections
        if j < count:
            picked[j] = all_stories[j]
    while len(picked) < min(13, count - 1):
        j = rng.randrange(count)
        if j != index:
            picked[j] = all_stories[j]
    return list(picked.values())[:13]


def build(root: Path, count: int, seed: int = 1) -> dict[str, object]:
    """Write the site for ``count`` articles into ``root`` (replaced); return its stamp."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    out = Writer(root)
    all_stories = stories(count, seed)
    rng = random.Random(seed)
    chrome = Chrome(all_stories[5:15])
    with open(root / "articles.txt", "w", encoding="utf-8") as manifest:
        for index, story in enumerate(all_stories):
            others = related_to(index, all_stories, random.Random(seed * 11 + story.n))
            out.write(
                story.path, article_page(chrome, story, paragraphs(story, seed), others, seed)
            )
            manifest.write(story.path + "\n")
    _write_indexes(out, chrome, all_stories, rng)
    stamp = {
        "version": VERSION,
        "articles": count,
        "seed": seed,
        "files": out.files,
        "bytes": out.bytes,
    }
    (root / "site.json").write_text(json.dumps(stamp, indent=1) + "\n", "utf-8")
    return stamp


def _write_indexes(
    out: Writer, chrome: Chrome, all_stories: list[Story], rng: random.Random
) -> None:
    feed_block = "".join(
        f'<li><a href="{s.path}">{escape(s.title)}</a></li>' for s in all_stories[:10]
    )
    by_section = {name: [s for s in all_stories if s.section == name] for name in SECTIONS}
    blocks = "".join(
        f'<section class="section-block"><h2><a href="/section/{name}/">{name.title()}</a></h2>'
        f"<ul>{''.join(teaser(s, rng) for s in items[:3])}</ul></section>"
        for name, items in by_section.items()
    )
    out.write(
        "/",
        chrome.page(
            "Home",
            f'<main class="home"><section class="news-feed"><h2>News Feed</h2><ul>{feed_block}</ul>'
            f'</section>{blocks}<a class="more" href="/news/">More news</a></main>',
            kind="home",
        ),
    )
    listings: list[tuple[str, str, list[Story]]] = [("/news/", "News", all_stories)]
    listings += [(f"/section/{n}/", n.title(), items) for n, items in by_section.items()]
    for base, title, items in listings:
        chunks = _chunks(items)
        for number, chunk in enumerate(chunks, 1):
            body, head = listing_body(title, chunk, base, number, len(chunks), rng)
            path = base if number == 1 else f"{base}page/{number}/"
            out.write(path, chrome.page(f"{title} - page {number}", body, head, kind="listing"))
    by_tag: dict[str, list[Story]] = {}
    by_author: dict[str, list[Story]] = {}
    for s in all_stories:
        for tag in s.tags:
            by_tag.setdefault(tag, []).append(s)
        by_author.setdefault(s.author, []).append(s)
    for tag in TAGS:
        items = "".join(teaser(s, rng) for s in by_tag.get(tag, [])[:PER_PAGE])
        name = tag.replace("-", " ").title()
        out.write(
            f"/tag/{tag}/",
            chrome.page(
                name, f'<main class="listing"><h1>{name}</h1><ul>{items}</ul></main>', kind="tag"
            ),
        )
    for author in author_names():
        items = "".join(teaser(s, rng) for s in by_author.get(author, [])[:PER_PAGE])
        bio = (
            f"{author} is a reporter for The Bench Times covering "
            + ", ".join(rng.sample(SECTIONS, 2))
            + ". Before joining the paper they worked at a regional daily for six years."
        )
        out.write(
            f"/author/{_slug(author)}/",
            chrome.page(
                author,
                f'<main class="author-page"><h1>{author}</h1><p class="bio">{bio}</p>'
                f"<h2>Latest from {author}</h2><ul>{items}</ul></main>",
                kind="author",
            ),
        )
    about = (
        "The Bench Times has covered the city and the region since 1921, and is owned by a trust "
        "that keeps it independent."
    )
    for path, title, text in (
        ("/about/", "About us", about),
        (
            "/subscribe/",
            "Subscribe",
            "Unlimited access to every story for 4 euros a month." + NEWSLETTER,
        ),
        ("/contact/", "Contact", "Write to the newsroom at news@example.org or call 555 0100."),
    ):
        out.write(
            path, chrome.page(title, f'<main class="static"><h1>{title}</h1><p>{text}</p></main>')
        )
    _write_feeds(out, all_stories)


def _write_feeds(out: Writer, all_stories: list[Story]) -> None:
    items = "".join(
        f"<item><title>{escape(s.title)}</title><link>{{{{ORIGIN}}}}{s.path}</link>"
        f"<guid>{{{{ORIGIN}}}}{s.path}</guid><category>{s.section}</category>"
        f"<pubDate>{s.when:%a, %d %b %Y %H:%M:%S +0000}</pubDate></item>"
        for s in all_stories[:50]
    )
    out.write(
        "/feed.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>The Bench Times</title><link>{{{{ORIGIN}}}}/</link>{items}</channel></rss>",
    )
    newest = all_stories[0].when
    recent = [s for s in all_stories if newest - s.when <= timedelta(days=2)][:1000]
    news_urls = "".join(
        f"<url><loc>{{{{ORIGIN}}}}{s.path}</loc><news:news><news:publication><news:name>"
        "The Bench Times</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{s.when.isoformat()}</news:publication_date>"
        f"<news:title>{escape(s.title)}</news:title></news:news></url>"
        for s in recent
    )
    out.write(
        "/sitemaps/news.xml",
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{news_urls}</urlset>',
    )
    months: dict[str, list[Story]] = {}
    for s in all_stories:
        months.setdefault(f"{s.when:%Y-%m}", []).append(s)
    entries = ["<sitemap><loc>{{ORIGIN}}/sitemaps/news.xml</loc></sitemap>"]
    for month, items_of_month in months.items():
        urls = "".join(
            f"<url><loc>{{{{ORIGIN}}}}{s.path}</loc><lastmod>{s.when.isoformat()}</lastmod></url>"
            for s in items_of_month
        )
        out.write(
            f"/sitemaps/posts-{month}.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
        )
        entries.append(
            f"<sitemap><loc>{{{{ORIGIN}}}}/sitemaps/posts-{month}.xml</loc>"
            f"<lastmod>{items_of_month[0].when.isoformat()}</lastmod></sitemap>"
        )
    out.write(
        "/sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{"".join(entries)}</sitemapindex>',
    )
    out.write("/robots.txt", "User-agent: *\nDisallow: /search/\nSitemap: {{ORIGIN}}/sitemap.xml\n")


def ensure_site(count: int, seed: int = 1, root: Path | None = None) -> Path:
    """The site directory for ``count`` articles, generated unless already there."""
    root = root or DEFAULT_ROOT / str(count)
    stamp_file = root / "site.json"
    if stamp_file.exists():
        stamp = json.loads(stamp_file.read_text("utf-8"))
        if (stamp.get("version"), stamp.get("articles"), stamp.get("seed")) == (
            VERSION,
            count,
            seed,
        ):
            return root
    need = count * 110_000 * 1.1
    free = shutil.disk_usage(root.parent if root.parent.exists() else Path("/")).free
    if free < need:
        raise SystemExit(f"{root}: needs about {need / 1e9:.1f} GB, {free / 1e9:.1f} GB free")
    build(root, count, seed)
    return root


def article_paths(root: Path) -> Iterator[str]:
    with open(root / "articles.txt", encoding="utf-8") as lines:
        for line in lines:
            yield line.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None, help="default /tmp/newscrawl-bench/N")
    args = parser.parse_args()
    os.makedirs(DEFAULT_ROOT, exist_ok=True)
    root = ensure_site(args.articles, args.seed, args.out)
    print(root, (root / "site.json").read_text("utf-8"))


if __name__ == "__main__":
    main()
