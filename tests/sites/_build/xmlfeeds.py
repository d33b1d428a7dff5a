"""RSS 2.0, Atom and sitemap documents for the fixture-site generators.

Generic: each function takes absolute URLs (normally starting with the
``{{ORIGIN}}`` token) and entries, and returns the document text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from common import esc, rfc822

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'


@dataclass(frozen=True)
class Entry:
    """One article as feeds and sitemaps list it."""

    url: str
    title: str
    published: datetime
    updated: datetime | None = None
    authors: tuple[str, ...] = ()
    summary: str = ""
    categories: tuple[str, ...] = ()
    language: str = "en"
    guid: str = field(default="")


def rss2(
    channel_url: str,
    self_url: str,
    title: str,
    description: str,
    entries: Sequence[Entry],
    language: str = "en",
) -> str:
    """An RSS 2.0 feed with ``dc:creator`` and categories, WordPress style."""
    items = []
    for e in entries:
        cats = "".join(f"<category><![CDATA[{c}]]></category>" for c in e.categories)
        items.append(
            f"<item><title>{esc(e.title)}</title><link>{e.url}</link>"
            f"<dc:creator><![CDATA[{', '.join(e.authors)}]]></dc:creator>"
            f"<pubDate>{rfc822(e.published)}</pubDate>{cats}"
            f'<guid isPermaLink="false">{e.guid or e.url}</guid>'
            f"<description><![CDATA[{e.summary}]]></description></item>"
        )
    return (
        XML_DECL + '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        f"<title>{esc(title)}</title>\n"
        f'<atom:link href="{self_url}" rel="self" type="application/rss+xml"/>\n'
        f"<link>{channel_url}</link>\n<description>{esc(description)}</description>\n"
        f"<language>{language}</language>\n"
        f"<lastBuildDate>{rfc822(entries[0].published)}</lastBuildDate>\n"
        + "\n".join(items)
        + "\n</channel>\n</rss>\n"
    )


def atom(home_url: str, self_url: str, title: str, entries: Sequence[Entry]) -> str:
    """An Atom 1.0 feed; times keep the offset of the datetimes given (local time)."""
    rows = []
    for e in entries:
        authors = "".join(f"<author><name>{esc(a)}</name></author>" for a in e.authors)
        rows.append(
            f'<entry><title>{esc(e.title)}</title><link href="{e.url}"/><id>{e.url}</id>'
            f"<published>{e.published.isoformat()}</published>"
            f"<updated>{(e.updated or e.published).isoformat()}</updated>{authors}"
            f"<summary>{esc(e.summary)}</summary></entry>"
        )
    return (
        XML_DECL + '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f'<title>{esc(title)}</title><link href="{home_url}"/>'
        f'<link rel="self" href="{self_url}"/>\n'
        f"<id>{home_url}</id><updated>{entries[0].published.isoformat()}</updated>\n"
        + "\n".join(rows)
        + "\n</feed>\n"
    )


def sitemap_index(children: Sequence[tuple[str, str]]) -> str:
    """A sitemap index of ``(url, lastmod)`` pairs."""
    rows = "\n".join(
        f"<sitemap><loc>{u}</loc><lastmod>{m}</lastmod></sitemap>" for u, m in children
    )
    return f'{XML_DECL}<sitemapindex xmlns="{SITEMAP_NS}">\n{rows}\n</sitemapindex>\n'


def url_sitemap(entries: Sequence[Entry], when: Callable[[datetime], str]) -> str:
    """A plain ``urlset`` with ``lastmod`` (the update time when there is one)."""
    rows = "\n".join(
        f"<url><loc>{e.url}</loc><lastmod>{when(e.updated or e.published)}</lastmod></url>"
        for e in entries
    )
    return f'{XML_DECL}<urlset xmlns="{SITEMAP_NS}">\n{rows}\n</urlset>\n'


def news_sitemap(
    publication: str, entries: Sequence[Entry], when: Callable[[datetime], str]
) -> str:
    """A Google News sitemap: ``news:publication_date`` formatted by ``when``."""
    rows = "\n".join(
        f"<url><loc>{e.url}</loc><news:news><news:publication>"
        f"<news:name>{esc(publication)}</news:name><news:language>{e.language}</news:language>"
        f"</news:publication><news:publication_date>{when(e.published)}"
        f"</news:publication_date><news:title>{esc(e.title)}</news:title></news:news></url>"
        for e in entries
    )
    return f'{XML_DECL}<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n{rows}\n</urlset>\n'
