"""The pages of the hostile fixture site (tests/hostile.py): what each route answers.

Pure builders of HTML, XML and bytes; the server decides which one a request gets.
"""

from __future__ import annotations

import gzip
import io
import json
import struct
import tomllib
import zipfile
import zlib
from functools import cache
from html import escape
from pathlib import Path
from typing import Any, Protocol


class Site(Protocol):
    """What the builders need of the server: its articles and its origin."""

    articles: list[dict[str, Any]]

    @property
    def origin(self) -> str: ...


ARTICLES_FILE = Path(__file__).parent / "data" / "hostile" / "articles.toml"

#: Path of each trap -> the reason newscrawl must count it under (``newscrawl/bad/<reason>``).
TRAPS: dict[str, str] = {
    "/news/gzip-bomb-front-page/": "too_large",
    "/news/endless-page-without-length/": "too_large",
    "/news/annual-report-pdf/": "binary_pdf",
    "/news/photo-of-the-day/": "binary_png",
    "/news/archive-download/": "binary_zip",
    "/news/moved-1/": "too_many_redirects",
    "/news/stalled-story/": "timeout",
    "/news/slow-trickle-story/": "timeout",
    "/news/cut-short-story/": "data_loss",
    "/news/server-error-story/": "http_500",
    "/news/come-back-tomorrow-story/": "http_503",
    "/news/deeply-nested-page/": "too_deep",
    "/news/redirect-to-private/": "forbidden_address",
    "/news/redirect-to-file/": "bad_redirect",
    "/feed-bomb.xml": "xml_entities",
    "/sitemap-bomb.xml": "xml_entities",
    "/dead-links/": "http_404",  # its links: /story/N, every one a 404
    "/calendar/2025/03/": "listing_trap",
    "/archive/?page=1": "listing_trap",
}
#: Links on the front page that must never be requested in any form.
NON_HTTP_LINKS = (
    "file:///etc/passwd",
    "ftp://127.0.0.1/pub/",
    "gopher://127.0.0.1:70/1",
    "javascript:alert(1)",
    "mailto:news@example.org",
)
DEAD_LINKS = 20_000
NESTING = 10_000


def load_articles() -> list[dict[str, Any]]:
    with ARTICLES_FILE.open("rb") as f:
        return list(tomllib.load(f)["article"])


def good_paths() -> list[str]:
    return [f"/{a['slug']}/" for a in load_articles()]


def article_html(article: dict[str, Any], origin: str, *, jsonld: str | None = None) -> str:
    url = f"{origin}/{article['slug']}/"
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article["title"],
        "datePublished": article["published"],
        "author": {"@type": "Person", "name": article["author"]},
        "mainEntityOfPage": url,
        "url": url,
    }
    ld = jsonld if jsonld is not None else json.dumps(data, ensure_ascii=False)
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in article["paragraphs"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(article["title"])} - The Fenmouth Gazette</title>
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{article["published"]}">
<script type="application/ld+json">{ld}</script>
</head><body>
<header><a href="/">The Fenmouth Gazette</a></header>
<main><article>
<h1>{escape(article["title"])}</h1>
<p class="byline">By <span class="author">{escape(article["author"])}</span>
<time datetime="{article["published"]}">{article["published"][:10]}</time></p>
<div class="entry-content">
{paragraphs}
</div>
</article></main>
<footer><a href="/">Home</a></footer>
</body></html>"""


def front_page(site: Site) -> str:
    cards = [
        f'<li><h2><a href="/{a["slug"]}/">{escape(a["title"])}</a></h2></li>' for a in site.articles
    ]
    cards += [
        f'<li><h2><a href="{path}">A story at {escape(path)}</a></h2></li>'
        for path in TRAPS
        if not path.endswith(".xml")
    ]
    cards += [f'<li><a href="{escape(link)}">elsewhere</a></li>' for link in NON_HTTP_LINKS]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The Fenmouth Gazette</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="alternate" type="application/rss+xml" href="/feed-bomb.xml">
</head><body><h1>The Fenmouth Gazette</h1>
<ul class="latest">{"".join(cards)}</ul>
</body></html>"""


def listing_page(title: str, links: list[tuple[str, str]], next_url: str | None) -> str:
    items = "".join(f'<li><h2><a href="{u}">{escape(t)}</a></h2></li>' for u, t in links)
    more = f'<a class="next" rel="next" href="{next_url}">Next page</a>' if next_url else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)}</title></head><body><h1>{escape(title)}</h1>
<ul>{items}</ul>{more}</body></html>"""


def dead_links_page() -> str:
    links = "".join(
        f'<li><a href="/story/{n}">Story number {n}</a></li>' for n in range(DEAD_LINKS)
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Every story we ever ran</title></head><body><h1>Every story</h1>
<ul>{links}</ul></body></html>"""


def deep_page() -> str:
    text = " ".join(["Nested words that go on and on inside ten thousand boxes."] * 10)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Deep</title>'
        f"</head><body>{'<div>' * NESTING}<p>{text}</p>{'</div>' * NESTING}</body></html>"
    )


def feed_xml(site: Site) -> str:
    items = "".join(
        f"<item><title>{escape(a['title'])}</title><link>{site.origin}/{a['slug']}/</link></item>"
        for a in site.articles
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>The Fenmouth Gazette</title>{items}</channel></rss>"
    )


def sitemap_xml(site: Site) -> str:
    urls = "".join(f"<url><loc>{site.origin}/{a['slug']}/</loc></url>" for a in site.articles)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    )


def entity_bomb(root: str, inner: str) -> str:
    """A billion-laughs document: ``&lol9;`` expands to 10^9 ``lol``s."""
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    ]
    return f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n{chr(10).join(entities)}\n]>\n{inner}'


def feed_bomb(site: Site) -> str:
    first = site.articles[0]
    return entity_bomb(
        "rss",
        '<rss version="2.0"><channel><title>&lol9;</title>'
        f"<item><title>&lol9;</title><link>{site.origin}/{first['slug']}/</link></item>"
        "</channel></rss>",
    )


def sitemap_bomb(site: Site) -> str:
    first = site.articles[0]
    return entity_bomb(
        "urlset",
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.origin}/{first['slug']}/</loc><lastmod>&lol9;</lastmod></url>"
        "</urlset>",
    )


@cache
def gzip_bomb(size: int) -> bytes:
    """An HTML page of ``size`` bytes (mostly spaces) gzipped, about 1000:1.

    Built as repeated gzip members of 16 MiB each (a gzip stream may hold many;
    decoders read them all), so a 1 GiB bomb takes a tenth of a second to make.
    """
    head = gzip.compress(b"<!DOCTYPE html><html><head><title>Bomb</title></head><body>")
    member = 16 * 1024 * 1024
    block = gzip.compress(b" " * member, compresslevel=9)
    return head + block * max(1, size // member)


def pdf_bytes() -> bytes:
    stream = b"BT /F1 24 Tf 72 720 Td (Annual report of the Fenmouth Gazette) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    body = b"%PDF-1.4\n"
    for n, obj in enumerate(objects, 1):
        body += b"%d 0 obj\n%s\nendobj\n" % (n, obj)
    return body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + b"\xff\x80\x00" * 8 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def zip_bytes(site: Site) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("index.html", article_html(site.articles[0], site.origin))
    return out.getvalue()


def bad_bytes(html: str) -> bytes:
    """The page as UTF-8 with invalid sequences and a NUL byte among the words."""
    data = html.encode("utf-8")
    return data.replace(b"Visitors were shown", b"Visitors\xff were\x00 shown\xc3").replace(
        b"The queue for the boat", b"The queue \x80for the boat"
    )
