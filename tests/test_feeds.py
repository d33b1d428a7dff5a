"""Feed sniffing and parsing on small hand-written feeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawl.extract.feeds import FeedEntry, UnsafeXMLError, is_feed, parse_feed, sanitize_xml

DATA = Path(__file__).parent / "data" / "discovery"


def _read(name: str) -> bytes:
    return (DATA / name).read_bytes()


def test_rss2_relative_links_entities_cdata_and_origlink() -> None:
    entries = parse_feed(_read("rss2.xml"), "https://daily-bugle.test/feed/")
    assert entries == [
        FeedEntry(
            url="https://daily-bugle.test/2024/12/11/mayor-opens-bridge/",
            title="Mayor opens the new bridge \u2013 crowds cheer",
            published_raw="Wed, 11 Dec 2024 09:30:00 +0000",
            updated_raw=None,
        ),
        FeedEntry(
            url="https://daily-bugle.test/business/tom-and-jerry-deal-987654",
            title="Tom & Jerry's AT&T deal",
            published_raw="2024-12-11T08:00:00Z",
            updated_raw=None,
        ),
        FeedEntry(
            url="https://daily-bugle.test/world/guid-only-story-123456",
            title="Guid only",
            published_raw="Tue, 10 Dec 2024 20:00:00 +0000",
            updated_raw=None,
        ),
    ]


def test_atom_xml_base_and_alternate_link() -> None:
    entries = parse_feed(_read("atom.xml"), "https://zeitung.test/feeds/politik")
    assert [entry.url for entry in entries] == [
        "https://zeitung.test/inland/wahl-ergebnis-steht-fest-a-1234567",
        "https://zeitung.test/politik/haushalt-beschlossen-a-7654321",
    ]
    first, second = entries
    assert first.title == "Wahl: Ergebnis steht fest"
    assert first.published_raw == "2024-12-11T09:00:00+01:00"
    assert first.updated_raw == "2024-12-11T09:45:00+01:00"
    assert second.title == "Haushalt beschlossen"
    assert second.published_raw is None
    assert second.updated_raw == "2024-12-10T18:00:00+01:00"


def test_atom_without_xml_base_resolves_against_feed_url() -> None:
    body = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title>
    <link href="../story/one-two-three"/></entry></feed>"""
    entries = parse_feed(body, "https://blog.test/feeds/atom/")
    assert [entry.url for entry in entries] == ["https://blog.test/feeds/story/one-two-three"]


def test_atom_source_element_does_not_lend_its_fields() -> None:
    body = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry>
    <source><title>Origin feed</title><link href="https://origin.test/"/>
    <updated>2020-01-01T00:00:00Z</updated></source>
    <title>Copied story</title><link href="https://agg.test/news/copied-story-here"/>
    </entry><entry><source><link href="https://origin.test/"/></source><title>No link</title>
    </entry></feed>"""
    entries = parse_feed(body, "https://agg.test/atom")
    assert entries == [
        FeedEntry("https://agg.test/news/copied-story-here", "Copied story", None, None)
    ]


def test_rdf_rss1() -> None:
    entries = parse_feed(_read("rdf.xml"), "https://gazette.test/index.rdf")
    assert entries == [
        FeedEntry(
            url="https://gazette.test/news/harbour-reopens-after-storm",
            title="Harbour reopens after storm",
            published_raw="2024-12-09T07:15:00Z",
            updated_raw=None,
        ),
        FeedEntry(
            url="https://gazette.test/news/about-only-item-link",
            title="About only",
            published_raw=None,
            updated_raw=None,
        ),
    ]


def test_broken_xml_is_recovered() -> None:
    entries = parse_feed(_read("broken.rss"), "https://broken.test/rss")
    assert [entry.url for entry in entries] == [
        "https://broken.test/news/first-story-here-now?a=1&b=2",
        "https://broken.test/news/second-story-here-now",
        "https://broken.test/news/third-story-here-now",
    ]
    assert entries[0].title == "First story \u00a9 2024 & more"
    assert entries[1].published_raw == "Mon, 09 Dec 2024 10:00:00 GMT"
    assert entries[1].title == "Second unclosed"
    # recovery inside the broken item may drop the "&"; the words survive
    assert "unknownentity" in (entries[2].title or "")


def test_unknown_and_html_entities_in_titles() -> None:
    body = b"""<rss><channel><item><title>Caf&eacute; &amp; bar &rsquo;24 &nosuch; AT&T</title>
    <link>https://x.test/news/cafe-and-bar-story</link></item></channel></rss>"""
    (entry,) = parse_feed(body, "https://x.test/rss")
    assert entry.title == "Caf\u00e9 & bar \u201924 &nosuch; AT&T"


def test_an_entity_bomb_is_refused_without_expanding() -> None:
    # A "billion laughs" DTD must neither expand nor hang: the feed is refused.
    body = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss><channel><item><title>&d;</title><link>https://x.test/news/a-b-c-d</link></item>
</channel></rss>"""
    with pytest.raises(UnsafeXMLError, match="refers to other entities"):
        parse_feed(body, "https://x.test/rss")


def test_flat_entities_and_external_dtds_are_read_without_expansion() -> None:
    body = b"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://x.test/rss.dtd" [
<!ENTITY nbsp "&#160;"><!ENTITY site "The Invented Times">]>
<rss><channel><item><title>&site; story</title><link>https://x.test/news/flat-entity</link>
</item></channel></rss>"""
    (entry,) = parse_feed(body, "https://x.test/rss")
    assert entry.url == "https://x.test/news/flat-entity"


@pytest.mark.parametrize(
    "declaration",
    [b'<!ENTITY x SYSTEM "file:///etc/passwd">', b'<!ENTITY % p SYSTEM "http://x.test/"> %p;'],
)
def test_external_and_parameter_entities_are_refused(declaration: bytes) -> None:
    body = b"<!DOCTYPE rss [" + declaration + b"]><rss><channel><item><title>&x;</title>"
    body += b"<link>https://x.test/news/a</link></item></channel></rss>"
    with pytest.raises(UnsafeXMLError):
        parse_feed(body, "https://x.test/rss")


def test_json_feed() -> None:
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Invented",
            "items": [
                {
                    "id": "1",
                    "url": "/news/json-feed-story-one",
                    "title": "One",
                    "date_published": "2024-12-11T10:00:00Z",
                },
                {"id": "2", "external_url": "https://other.test/x", "date_modified": "2024"},
                {"id": "3"},
                "junk",
            ],
        }
    ).encode()
    assert is_feed(body)
    entries = parse_feed(body, "https://json.test/feed.json")
    assert entries == [
        FeedEntry(
            "https://json.test/news/json-feed-story-one", "One", "2024-12-11T10:00:00Z", None
        ),
        FeedEntry("https://other.test/x", None, None, "2024"),
    ]


def test_not_a_feed_gives_no_entries() -> None:
    assert parse_feed(b"<html><body><a href='/x'>x</a></body></html>", "https://x.test/") == []
    assert parse_feed(b"", "https://x.test/") == []
    assert parse_feed(b"{not json", "https://x.test/") == []


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', None, True),
        (b"\xef\xbb\xbf  <feed xmlns='http://www.w3.org/2005/Atom'/>", "text/html", True),
        (b"<?xml version='1.0'?><!-- c --><?xml-stylesheet href='x'?><rdf:RDF/>", None, True),
        (b"<!DOCTYPE html><html><head><title>rss feed</title></head></html>", None, False),
        (b'<?xml version="1.0"?><urlset/>', "application/rss+xml", False),
        (b"<html><body>&lt;rss&gt;</body></html>", "application/rss+xml", False),
        (b"", "application/atom+xml; charset=utf-8", True),
        (b"", "text/html", False),
        (b'{"items": []}', "application/json", False),
    ],
)
def test_is_feed(body: bytes, content_type: str | None, expected: bool) -> None:
    assert is_feed(body, content_type) is expected


def test_is_feed_on_fixtures() -> None:
    for name in ("rss2.xml", "atom.xml", "rdf.xml", "broken.rss"):
        assert is_feed(_read(name)), name
    assert not is_feed(_read("listing.html"))
    assert not is_feed(_read("news-sitemap.xml"))


def test_sanitize_xml_keeps_cdata_and_xml_entities() -> None:
    assert sanitize_xml(b"  <a><![CDATA[AT&T &nbsp;]]> AT&T &nbsp; &amp; &#38; &foo;</a>") == (
        b"<a><![CDATA[AT&T &nbsp;]]> AT&amp;T &#160; &amp; &#38; &amp;foo;</a>"
    )
