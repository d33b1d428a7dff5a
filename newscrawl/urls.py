"""URL identity: canonical article URLs and dedupe keys.

``canonicalize`` gives the URL we store: the publisher's URL with tracking
parameters, fragments, default ports and AMP markers removed (w3lib does the
escaping and query sorting). ``url_key`` is looser and only for "have we seen
this?": it also ignores scheme, a leading ``www.`` and a trailing slash, which
real sites serve interchangeably.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, safe_url_string

#: Query parameters that only track the visitor; never part of a page's identity.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "ocid",
        "cmpid",
        "ref_src",
        "ref_url",
        "s_cid",
        "sr_share",
        "share",
        "smid",
        "amp",
        "__twitter_impression",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "at_", "ito")
#: Parameters that pick an output format: dropped only when they ask for the AMP
#: copy (Arc XP's ``?outputType=amp``); ``?outputType=xml`` is a feed or sitemap.
_FORMAT_PARAMS = frozenset({"outputtype", "output"})
_AMP_PATH = re.compile(r"(?:^/amp(?=/)|/amp/?$|\.amp(?=\.html?$))", re.IGNORECASE)


_WITH_HOST = re.compile(r"https?://[^/?#]")


def join_base(base: str, href: str) -> str | None:
    """A base shorter than ``base`` that ``urljoin`` reads exactly like it for ``href``.

    ``scheme://host/`` for a root-relative href (urljoin keeps only the base's
    scheme and host), ``scheme://`` for an absolute one with a host (only the
    schemes are compared); None when the base's path matters. Menus repeat the
    same hrefs on every page of a site with another page URL each time: a memo
    keyed by this base, not the page's, hits from one page to the next.
    """
    if href[:1] == "/" and href[1:2] != "/":
        return _base_parts(base)[0]
    if _WITH_HOST.match(href):
        return _base_parts(base)[1]
    return None


@lru_cache(maxsize=64)
def _base_parts(base: str) -> tuple[str, str]:
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}/", f"{parts.scheme}://"


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


#: canonicalize and url_key run for every link of every page, and a site's menus,
#: sidebars and "MORE NEWS" blocks repeat the same URLs on each page: a bounded
#: memo (a few MB at most) saves most of that work.
_MEMO = 8192


@lru_cache(maxsize=_MEMO)
def canonicalize(url: str) -> str:
    """The stored form of ``url``; idempotent.

    Only http(s) URLs with a host are rewritten. Anything else (another
    scheme, no host, a port that is no number, a broken IPv6 literal) comes
    back stripped but otherwise as given: every caller still gets a key, and
    none needs to guard against a page's bad link.

    >>> canonicalize("HTTP://Example.com:80/amp/news/a-b?utm_source=x&id=2#top")
    'http://example.com/news/a-b?id=2'
    """
    try:
        return _canonicalize(url.strip())
    except ValueError:
        return url.strip()


def _canonicalize(url: str) -> str:
    parts = urlsplit(safe_url_string(url))
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return url
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    query = [
        (k, v)
        for k, v in query
        if not is_tracking_param(k) and not (k.lower() in _FORMAT_PARAMS and v.lower() == "amp")
    ]
    path = _AMP_PATH.sub("", parts.path) or "/"
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal: hostname drops its brackets
    port = parts.port
    if port and (scheme, port) not in {("http", 80), ("https", 443)}:
        host = f"{host}:{port}"
    cleaned = urlunsplit((scheme, host, path, urlencode(query), ""))
    return canonicalize_url(cleaned, keep_fragments=False)


@lru_cache(maxsize=_MEMO)
def url_key(url: str) -> str:
    """A key equal for URLs that name the same page on real sites."""
    canonical = canonicalize(url)
    try:
        parts = urlsplit(canonical)
    except ValueError:
        return canonical  # not a URL: its own key
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, parts.query, "")).lstrip("/")


def same_site(url: str, other: str) -> bool:
    """True when both URLs are on one site: same host (ignoring ``www.``) and port.

    False when either is not a URL urllib can split.
    """
    a, b = _host_port(url), _host_port(other)
    return a is not None and a == b


def trusted_canonical(declared: object, url: str) -> str | None:
    """The declared rel=canonical of the page at ``url``, when it can be trusted.

    Trusted: an absolute http(s) URL on the same site that is neither the home
    page nor an ancestor of ``url`` (sites that point every page's canonical at
    the home page or a section would otherwise fold all articles into one).
    An off-site canonical names the original publisher of a syndicated copy:
    not this site's URL for the article, so it is not trusted here either.
    """
    if not isinstance(declared, str) or not declared.startswith(("http://", "https://")):
        return None
    if not same_site(declared, url):
        return None
    # Both split already in same_site: neither raises here.
    path = urlsplit(declared).path.rstrip("/")
    here = urlsplit(url).path.rstrip("/")
    if not path or (here.startswith(path + "/") and path != here):
        return None
    return declared


def _host_port(url: str) -> tuple[str, int | None] | None:
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    return ((host or "").lower().removeprefix("www."), port if port not in (80, 443) else None)
