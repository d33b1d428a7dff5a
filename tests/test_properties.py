"""Property tests (Hypothesis): processors and URL canonicalisation take any input.

Two properties for each normaliser: no input makes it raise (a page can hold
anything), and its output is a fixed point (normalising twice changes nothing,
so a re-crawl of a stored article cannot drift).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from newscrawl.processors.authors import clean_author, split_authors
from newscrawl.processors.dates import _TZ_ABBREVIATIONS, parse_datetime, parse_local, to_utc
from newscrawl.processors.language import normalize_language
from newscrawl.processors.sitenames import strip_title_suffix
from newscrawl.processors.text import (
    clean_body,
    clean_tags,
    clean_text,
    clean_url,
    content_hash,
    to_bool,
    word_count,
)
from newscrawl.urls import canonicalize, same_site, trusted_canonical, url_key

#: Whatever a page, a feed or JSON-LD can hand a processor.
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)
#: Text with the markup, entities and odd spaces pages are made of.
MARKUP = st.lists(
    st.sampled_from(
        [
            "<b>",
            "</b>",
            "<p>",
            "</p>",
            "<br/>",
            "&amp;",
            "&nbsp;",
            "&#x2014;",
            "\u00a0",
            "\u200b",
            "\ufeff",
            "\u00ad",
            "\n\n",
            "\r\n",
            " ",
            "\t",
            "By ",
            " and ",
            ",",
            ";",
            "<The Palace>",
            "&lt;",
            "#",
            "e\u0301",
        ]
    )
    | st.text(max_size=8),
    max_size=12,
).map("".join)
TEXTS = st.one_of(st.text(), MARKUP)

_ZONES = st.sampled_from([*sorted(_TZ_ABBREVIATIONS), "", "Z", "+05:30", "-0800", "XYZ", "U"])
_STAMPS = st.datetimes(min_value=datetime(1980, 1, 1), max_value=datetime(2030, 12, 31)).flatmap(
    lambda when: st.sampled_from(
        [
            when.isoformat(),
            when.strftime("%B %d, %Y %I:%M %p"),
            when.strftime("%d.%m.%Y %H:%M"),
            when.strftime("%a, %d %b %Y %H:%M:%S"),
            str(int(when.replace(tzinfo=UTC).timestamp())),
        ]
    )
)
DATES = st.one_of(
    st.text(),
    st.tuples(_STAMPS, _ZONES).map(" ".join),
    st.tuples(st.sampled_from(["Published ", "Updated: ", "on ", ""]), _STAMPS).map("".join),
    st.datetimes(timezones=st.just(UTC) | st.just(timezone(timedelta(hours=-3)))),
)
ZONE_NAMES = st.sampled_from(
    ["UTC", "Europe/Kyiv", "America/New_York", "Asia/Kolkata", "", "No/Zone"]
)

_HOSTS = st.one_of(
    st.from_regex(r"\A[a-z0-9][a-z0-9.-]{0,15}\Z"),
    st.sampled_from(
        [
            "[::1]",
            "[2001:db8::1]",
            "127.0.0.1",
            "WWW.Example.COM",
            "пример.рф",
            "xn--e1afmkfd.xn--p1ai",
            "[x",
            "a..b",
            "-a-.com",
            "user:pw@host",
            "",
        ]
    ),
    st.text(max_size=10),
)
_PORTS = st.one_of(
    st.just(""), st.integers(0, 70000).map(lambda p: f":{p}"), st.sampled_from([":", ":x", ":80"])
)
_PATHS = st.one_of(
    st.from_regex(r"\A(/[a-zA-Z0-9%._~!$&'()*+,;=:@-]{0,8}){0,4}/?\Z"),
    st.text(max_size=15).map(lambda s: "/" + s),
    st.sampled_from(["/amp/", "/a/amp", "/x.amp.html", "/%zz", "/%2F", "/a/../b", "/./", "//"]),
)
_PARAMS = st.tuples(
    st.sampled_from(["utm_source", "id", "page", "outputType", "output", "fbclid", "q", "é", ""]),
    st.sampled_from(["", "amp", "AMP", "xml", "2", "a b", "%20", "&"]) | st.text(max_size=4),
)
_QUERIES = st.one_of(
    st.just(""),
    st.lists(_PARAMS, max_size=4).map(lambda kv: "?" + "&".join(f"{k}={v}" for k, v in kv)),
    st.text(max_size=10).map(lambda s: "?" + s),
)
URLS = st.one_of(
    st.builds(
        "{}://{}{}{}{}{}".format,
        st.sampled_from(["http", "https", "HTTPS", "ftp", "javascript"]),
        _HOSTS,
        _PORTS,
        _PATHS,
        _QUERIES,
        st.just("") | st.text(max_size=5).map(lambda s: "#" + s),
    ),
    st.text(),
)


def _fixed_point(fn: Any, value: Any) -> None:
    once = fn(value)
    if once is not None:
        assert fn(once) == once, (value, once)


@given(st.one_of(VALUES, TEXTS))
def test_clean_text_takes_anything_and_is_idempotent(value: Any) -> None:
    _fixed_point(clean_text, value)


@given(st.one_of(VALUES, TEXTS))
def test_clean_body_takes_anything_and_is_idempotent(value: Any) -> None:
    body = clean_body(value)
    _fixed_point(clean_body, value)
    # The hash of a stored body is the hash of that body cleaned again.
    assert content_hash(body) == content_hash(clean_body(body))
    assert word_count(body) >= 0


@given(st.one_of(VALUES, TEXTS, st.lists(TEXTS, max_size=5)))
def test_clean_tags_takes_anything_and_is_idempotent(value: Any) -> None:
    tags = clean_tags(value)
    assert clean_tags(tags) == tags


@given(st.one_of(VALUES, TEXTS))
def test_clean_url_and_to_bool_take_anything(value: Any) -> None:
    _fixed_point(clean_url, value)
    assert to_bool(value) in {True, False, None}


@given(st.one_of(VALUES, TEXTS, st.lists(TEXTS, max_size=4)))
def test_authors_take_anything_and_are_idempotent(value: Any) -> None:
    for name in split_authors(value):
        assert split_authors(name) == [name]
        assert clean_author(name) == name
    _fixed_point(clean_author, value)


@given(st.one_of(VALUES, TEXTS, st.sampled_from(["en-GB", "EN_us", "uk", "ukr", "zz", "en-"])))
def test_normalize_language_takes_anything_and_is_idempotent(value: Any) -> None:
    _fixed_point(normalize_language, value)


@given(TEXTS, st.one_of(st.none(), TEXTS))
def test_strip_title_suffix_takes_anything_and_is_idempotent(title: str, site: str | None) -> None:
    once = strip_title_suffix(title, site)
    if once is not None:
        assert strip_title_suffix(once, site) == once


@given(st.one_of(VALUES, DATES), ZONE_NAMES)
def test_dates_take_anything_and_come_out_as_utc_iso(value: Any, zone: str) -> None:
    parse_local(value)
    for parsed in (parse_datetime(value, zone), to_utc(value, {"timezone": zone})):
        if parsed is not None:
            when = datetime.fromisoformat(parsed)
            assert when.utcoffset() == timedelta(0)
            assert parse_datetime(parsed) == parsed  # a stored date reads back as itself


@given(URLS)
def test_canonicalize_takes_anything_and_is_idempotent(url: str) -> None:
    canonical = canonicalize(url)
    assert canonicalize(canonical) == canonical, (url, canonical)
    assert url_key(canonical) == url_key(url)


@given(URLS, URLS)
def test_site_checks_take_anything(declared: str, url: str) -> None:
    assert same_site(declared, url) in {True, False}
    assert trusted_canonical(declared, url) in {None, declared}
