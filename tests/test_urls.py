from urllib.parse import urljoin

import pytest

from newscrawl.urls import canonicalize, is_tracking_param, join_base, same_site, url_key


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://ex.com/a/b/?utm_source=tw&utm_medium=x", "https://ex.com/a/b/"),
        ("https://ex.com/a?fbclid=123&id=7", "https://ex.com/a?id=7"),
        ("https://ex.com/a?gclid=1", "https://ex.com/a"),
        ("HTTPS://EX.com:443/A", "https://ex.com/A"),
        ("http://ex.com:8080/a#comments", "http://ex.com:8080/a"),
        ("https://ex.com/amp/news/story-1", "https://ex.com/news/story-1"),
        ("https://ex.com/2024/12/11/story/amp/", "https://ex.com/2024/12/11/story"),
        ("https://ex.com/news/story.amp.html", "https://ex.com/news/story.html"),
        ("https://ex.com/a?b=2&a=1", "https://ex.com/a?a=1&b=2"),
        ("https://ex.com/a?amp=1", "https://ex.com/a"),
        ("https://ex.com/news/ampere-record", "https://ex.com/news/ampere-record"),
        ("https://ex.com/latest?page=2", "https://ex.com/latest?page=2"),
        ("https://ex.com/a b", "https://ex.com/a%20b"),
    ],
)
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize(url) == expected


def test_url_key_ignores_scheme_www_and_trailing_slash() -> None:
    assert url_key("https://www.ex.com/a/") == url_key("http://ex.com/a")
    assert url_key("https://ex.com/a") != url_key("https://ex.com/b")
    assert url_key("https://ex.com/a?page=2") != url_key("https://ex.com/a?page=3")


def test_tracking_params() -> None:
    assert is_tracking_param("UTM_Campaign")
    assert not is_tracking_param("page")


def test_same_site() -> None:
    assert same_site("http://127.0.0.1:8000/a", "http://127.0.0.1:8000/b")
    assert not same_site("http://127.0.0.1:8000/a", "http://127.0.0.1:8001/a")
    assert same_site("https://www.ex.com/a", "https://ex.com:443/b")


@pytest.mark.parametrize(
    ("declared", "url", "trusted"),
    [
        ("http://a.test/news/story", "http://a.test/partner/story", True),
        ("http://a.test/", "http://a.test/news/story", False),  # home page
        ("http://a.test/news/", "http://a.test/news/story", False),  # its section
        ("http://b.test/news/story", "http://a.test/news/story", False),  # other site
        ("/news/story", "http://a.test/x", False),  # not absolute
        (None, "http://a.test/x", False),
        ("http://a.test/news/story", "http://a.test/news/story", True),
    ],
)
def test_trusted_canonical(declared: object, url: str, trusted: bool) -> None:
    from newscrawl.urls import trusted_canonical

    assert (trusted_canonical(declared, url) is not None) is trusted


def test_an_output_format_parameter_is_dropped_only_for_amp() -> None:
    assert canonicalize("https://x.example/news/a/?outputType=amp") == "https://x.example/news/a/"
    feed = "https://x.example/arc/outboundfeeds/sitemap/latest/?outputType=xml"
    assert canonicalize(feed) == feed


def test_join_base_is_read_by_urljoin_as_the_whole_page_url() -> None:
    bases = [
        "http://h.com/a/b/c?x=1",
        "https://h.com:8080/",
        "HTTP://H.com/x",
        "http://user@h.com/x",
    ]
    hrefs = ["/a/b", "/a/../b", "/a//b/", "/a;p=1?q#f", "/", "http://o.com/x/../y"]
    hrefs += ["https://h.com/a?", "http://a.com:80", "https://#f", "http:///x", "//cdn.com/x"]
    for base in bases:
        for href in hrefs:
            shorter = join_base(base, href)
            if shorter is not None:
                assert urljoin(shorter, href) == urljoin(base, href), (base, href)
    # Where the page's path matters, there is no shorter base.
    for href in ("rel/x", "?p=2", "//cdn.com/x", "http:///x", "#top"):
        assert join_base("http://h.com/a/b", href) is None, href
    assert join_base("https://H.com:8080/a/b?x", "/y") == "https://H.com:8080/"
    assert join_base("https://h.com/a", "http://o.com/y") == "https://"
