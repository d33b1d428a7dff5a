"""URL classification: what a URL probably leads to, from its shape.

The kinds are article, listing, next page, feed, sitemap and other (pages a news
crawler should not fetch). Classification is generic: it reads the URL's shape
(dated paths, long slugs, numeric ids, well-known path words in several
languages) and, when given, ``rel`` and the anchor text ("More news", "Mehr
Nachrichten", an arrow; see :mod:`newscrawl.extract.anchortext`). It never keys
on a domain. Reading links out of a page is :mod:`newscrawl.extract.links`' job.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlsplit

from newscrawl.extract.anchortext import (
    NEXT_PHRASES,
    OTHER_TEXTS,
    collapse_space,
    fold_text,
    looks_like_headline,
)


class LinkKind(StrEnum):
    """What a link probably leads to; the spider's routing key."""

    NEXT = "next"
    FEED = "feed"
    SITEMAP = "sitemap"
    ARTICLE = "article"
    LISTING = "listing"
    OTHER = "other"


# --- vocabulary -------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    """A frozenset from whitespace-separated words (keeps long vocabularies readable)."""
    return frozenset(words.split())


_STATIC_EXTENSIONS = _wordset(
    "jpg jpeg png gif webp svg ico bmp tif tiff avif heic pdf doc docx xls xlsx ppt pptx odt "
    "ods zip gz tgz bz2 xz rar 7z tar css js mjs map woff woff2 ttf eot otf mp3 mp4 m4a m4v "
    "wav ogg oga webm mov avi mkv flv wmv txt csv exe dmg apk msi iso epub mobi ics vcf"
)
_PAGE_EXTENSIONS = _wordset("html htm shtml xhtml php asp aspx jsp cms ece cfm")
_FEED_EXTENSIONS = frozenset({"rss", "atom", "rdf", "xml"})
_FEED_SEGMENTS = frozenset(
    {"feed", "feeds", "rss", "rss2", "atom", "rdf", "rss-feed", "rss-feeds", "rssfeed", "feed.json"}
)
_FEED_QUERY_VALUES = frozenset({"rss", "rss2", "atom", "feed", "rdf"})
_FEED_QUERY_KEYS = frozenset({"feed", "format", "type", "output", "outputtype"})
_FEED_HOST_LABELS = frozenset({"feeds", "feed", "rss"})

#: Path words of pages a news crawler should not fetch (checked on whole path segments,
#: so ``/news/contact-tracing-app`` is not caught by ``contact``).
_OTHER_SEGMENTS = _wordset(
    """
    about about-us aboutus who-we-are contact contact-us contacts contactus imprint impressum
    kontakt kontakty kontakte contacto contatti contato o-nas pro-nas o-proekte redaktsiya
    subscribe subscription subscriptions subscriber subscribers membership memberships member
    members join donate donation donations support-us shop store cart checkout offers offer
    login log-in signin sign-in signup sign-up register registration logout log-out account
    accounts my-account myaccount profile user users settings preferences password
    newsletter newsletters alerts notifications
    privacy privacy-policy privacypolicy privacy-notice cookie cookies cookie-policy
    cookie-settings terms terms-of-use terms-of-service terms-and-conditions tos legal
    disclaimer datenschutz datenschutzerklaerung agb mentions-legales aviso-legal
    politica-de-privacidad privacidad rules pravila
    jobs careers career vacancies vakansii karriere empleo advertise advertising
    advertisement ads media-kit mediakit reklama werbung publicite publicidad
    search suche recherche buscar busqueda cerca poisk poshuk
    help faq faqs feedback accessibility sitemap-html
    comment comments reply replies respond wp-login.php wp-login wp-admin
    share sharer sharer.php share.php sharearticle intent tweet submit send print
    """
)
#: Path words that make any page below them a listing (tag, author, section pages).
_LISTING_SEGMENTS = _wordset(
    """
    tag tags topic topics category categories section sections author authors writer writers
    columnist columnists contributor contributors people person archive archives series
    rubric rubrics rubrika rubriki rubrique rubriques rubrik thema themen theme themes tema
    temas kategorie kategorien categoria categorias categorie seccion secciones sezione
    etiqueta etiquetas tegi teg avtor avtory autor autoren auteur auteurs staff reporter
    reporters journalist journalists byline
    """
)
#: Path words whose child is an article (``/article/<anything>``).
_ARTICLE_PREFIXES = _wordset(
    "article story post live liveblog live-blog artikel articulo articolo noticia stattia "
    "statya novost news-story"
)
#: Words that make a script name a listing: news_list.php, archive.html.
_LIST_WORDS = frozenset({"list", "index", "archive", "archives", "category", "section", "tag"})
_INDEX_STEMS = frozenset({"", "index", "default", "home", "main", "start", "all"})
_PAGINATION_KEYS = frozenset(
    {"page", "p", "pg", "paged", "offset", "start", "pagina", "seite", "strona", "stranitsa"}
)
_OFFSET_KEYS = frozenset({"offset", "start"})
_PAGINATION_SEGMENTS = frozenset({"page", "pages", "seite", "pagina", "strona", "stranitsa"})
_ARTICLE_ID_KEYS = frozenset(
    {
        "id",
        "aid",
        "nid",
        "sid",
        "article",
        "articleid",
        "article_id",
        "story",
        "storyid",
        "story_id",
        "newsid",
        "news_id",
        "postid",
        "post_id",
        "itemid",
        "item_id",
    }
)
_SEARCH_KEYS = frozenset({"s", "q", "query", "search", "keyword", "keywords"})
_OTHER_QUERY_KEYS = frozenset({"replytocom", "share", "print", "action", "redirect_to"})
_AMP_QUERY = frozenset({"amp", "outputtype", "output"})
_NON_HTTP_SCHEMES = frozenset(
    {
        "mailto",
        "tel",
        "javascript",
        "sms",
        "whatsapp",
        "data",
        "callto",
        "skype",
        "viber",
        "tg",
        "fb-messenger",
        "ftp",
        "file",
        "intent",
        "market",
        "itms-apps",
    }
)
_COMMENT_FRAGMENT = re.compile(r"^(comments?|respond|reply|disqus|discussion)", re.IGNORECASE)

_LANG_SEGMENT = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2,4})?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MONTH = re.compile(r"^(?:0?[1-9]|1[0-2])$")
_DAY = re.compile(r"^(?:0?[1-9]|[12]\d|3[01])$")
_DATE_SEGMENT = re.compile(r"^(?:19|20)\d\d-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])$")
_DATE_IN_SLUG = re.compile(
    r"(?:^|[-_])(?:19|20)\d\d[-_]?(?:0[1-9]|1[0-2])[-_]?(?:0[1-9]|[12]\d|3[01])(?:[-_]|$)"
)
_DIGITS = re.compile(r"^\d+$")
_SLUG_ID = re.compile(r"[-_.,](?:[a-z]{0,3})(\d{4,})$")
_UUID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}")
_WORD_SPLIT = re.compile(r"[-_+\s.]+")


# --- URL classification -----------------------------------------------------


def classify_url(url: str, *, text: str = "", rel: str = "") -> LinkKind:
    """Say what ``url`` probably is, from its shape, the anchor ``text`` and ``rel``.

    ``url`` should be absolute; a relative one is read as a path.
    """
    if not text and not rel:  # most calls: the URL's shape alone
        return classify_with_strength(url, "", "")[0]
    return classify_with_strength(url, collapse_space(text), rel.lower())[0]


@lru_cache(maxsize=8192)
def classify_with_strength(url: str, text: str, rel: str) -> tuple[LinkKind, bool]:
    """Classify; the flag says whether the URL shape alone was conclusive ("strong").

    Weak results (a short slug that may be a section or a story) can be promoted by the
    anchor text here and by the link's position in the page in
    :func:`newscrawl.extract.links.extract_links`.
    """
    kind, strong = _classify_shape(url, rel)
    folded = fold_text(text)
    if kind is LinkKind.LISTING and folded in NEXT_PHRASES:
        return LinkKind.NEXT, True
    if not strong and folded in OTHER_TEXTS:
        return LinkKind.OTHER, True
    if not strong and kind is LinkKind.LISTING and looks_like_headline(text):
        return LinkKind.ARTICLE, True
    return kind, strong


def _classify_shape(url: str, rel: str) -> tuple[LinkKind, bool]:
    """Classify from the URL and ``rel`` only."""
    rels = set(rel.split())
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return LinkKind.OTHER, True
    scheme = parts.scheme.lower()
    if scheme in _NON_HTTP_SCHEMES or (scheme and scheme not in {"http", "https"}):
        return LinkKind.OTHER, True
    if _COMMENT_FRAGMENT.match(parts.fragment):
        return LinkKind.OTHER, True

    segments = [unquote(s).strip().lower() for s in parts.path.split("/") if s.strip()]
    query = [(k.lower(), v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    query_keys = {k for k, _ in query}
    last = segments[-1] if segments else ""
    stem, ext = _split_extension(last)

    # Share links and redirects carry a whole URL in their query string.
    if any(v.lower().startswith(("http://", "https://", "www.")) for _, v in query):
        return LinkKind.OTHER, True
    if ext in {"xml", "gz", "txt"} and "sitemap" in last:
        return LinkKind.SITEMAP, True
    if ext in _STATIC_EXTENSIONS:
        return LinkKind.OTHER, True
    if _is_feed_shape(parts.hostname or "", segments, query, ext, last):
        # A feed under an article or a comments path is a comments feed: not worth it.
        if "comments" in segments or "comment" in segments:
            return LinkKind.OTHER, True
        parent = [s for s in segments if s not in _FEED_SEGMENTS]
        if parent and _classify_segments(parent, [], set())[0] is LinkKind.ARTICLE:
            return LinkKind.OTHER, True
        return LinkKind.FEED, True
    if ext == "json":
        return LinkKind.OTHER, True
    if query_keys & _OTHER_QUERY_KEYS:
        return LinkKind.OTHER, True
    if query_keys & _SEARCH_KEYS and (not segments or stem in _INDEX_STEMS):
        return LinkKind.OTHER, True
    kind, strong = _classify_segments(segments, query, query_keys)
    # rel=next on a story link means "next story" (WordPress post navigation).
    if kind is not LinkKind.ARTICLE and "next" in rels:
        return LinkKind.NEXT, True
    if kind is not LinkKind.ARTICLE and rels & {"prev", "previous"}:
        return LinkKind.LISTING, True
    return kind, strong


def _is_feed_shape(
    host: str, segments: list[str], query: list[tuple[str, str]], ext: str, last: str
) -> bool:
    """True for RSS/Atom/JSON feed URLs."""
    if ext in _FEED_EXTENSIONS:
        return True
    if last == "feed.json" or (ext == "json" and "feed" in last):
        return True
    if host.split(".", 1)[0] in _FEED_HOST_LABELS:
        return True
    if any(s in _FEED_SEGMENTS or _split_extension(s)[0] in _FEED_SEGMENTS for s in segments):
        return True
    return any(k in _FEED_QUERY_KEYS and v.lower() in _FEED_QUERY_VALUES for k, v in query)


def _classify_segments(
    segments: list[str], query: list[tuple[str, str]], query_keys: set[str]
) -> tuple[LinkKind, bool]:
    """Classify a path (lower-cased, unquoted segments) and its query."""
    if len(segments) > 1 and _LANG_SEGMENT.match(segments[0]):
        segments = segments[1:]
    stems = [_split_extension(s)[0] for s in segments]
    while stems and stems[-1] in _INDEX_STEMS:
        stems.pop()
    # /category/x/page/2/ and /news?page=2 are further pages of a listing.
    for i, stem in enumerate(stems[:-1]):
        if stem in _PAGINATION_SEGMENTS and _DIGITS.match(stems[i + 1]):
            return LinkKind.NEXT, True
    if _has_article_id_query(query, stems):
        return LinkKind.ARTICLE, True
    pagination = any(_is_pagination_param(k, v) for k, v in query)

    for i, stem in enumerate(stems):
        if stem in _OTHER_SEGMENTS:
            return LinkKind.OTHER, True
        if stem in _LISTING_SEGMENTS:
            return (LinkKind.NEXT if pagination else LinkKind.LISTING), True
        if stem in _ARTICLE_PREFIXES and i + 1 < len(stems):
            return LinkKind.ARTICLE, True
        if stem == "amp" or stem.endswith(".amp"):
            rest = stems[:i] + stems[i + 1 :]
            return (LinkKind.ARTICLE if rest else LinkKind.LISTING), True
    amp_query = "amp" in query_keys or any(k in _AMP_QUERY and v.lower() == "amp" for k, v in query)
    if amp_query and stems:
        return LinkKind.ARTICLE, True

    dated = _classify_dated(stems)
    if dated is not None:
        return dated, True
    if any(_is_article_id(stem) for stem in stems):
        return LinkKind.ARTICLE, True
    if pagination:
        return LinkKind.NEXT, True
    if not stems:
        return LinkKind.LISTING, True

    last_segment = segments[-1] if segments else ""
    last_stem, last_ext = _split_extension(last_segment)
    words = _slug_words(stems[-1])
    if len(words) >= 4 or (len(words) == 3 and len(stems[-1]) >= 24):
        return LinkKind.ARTICLE, True
    # Story pages of older CMSes: /world/story.html; /business.html is a section.
    story_page = (
        last_ext in _PAGE_EXTENSIONS
        and last_stem not in _INDEX_STEMS
        and not _LIST_WORDS.intersection(words)
    )
    if story_page and (len(stems) > 1 or len(words) > 1):
        return LinkKind.ARTICLE, True
    # /business, /news/world/europe: sections. /world/storm-hits may be either: weak.
    if all(len(_slug_words(s)) == 1 and not any(c.isdigit() for c in s) for s in stems):
        return LinkKind.LISTING, True
    if len(stems) == 1 and len(words) == 2:
        return LinkKind.LISTING, True
    return LinkKind.LISTING, False


def _classify_dated(stems: list[str]) -> LinkKind | None:
    """Dated paths: /2024/12/11/slug is an article, /2024/12/ an archive listing."""
    for i, stem in enumerate(stems):
        if _DATE_SEGMENT.match(stem):
            return LinkKind.ARTICLE if i + 1 < len(stems) else LinkKind.LISTING
        if _DATE_IN_SLUG.search(stem) and len(_slug_words(stem)) >= 3:
            return LinkKind.ARTICLE
        if not _YEAR.match(stem):
            continue
        j = i + 1
        if j < len(stems) and _MONTH.match(stems[j]):
            j += 1
            if j < len(stems) and _DAY.match(stems[j]):
                j += 1
        rest = stems[j:]
        if not rest:
            return LinkKind.LISTING
        if j > i + 1 or len(_slug_words(rest[-1])) >= 2:
            return LinkKind.ARTICLE
    return None


def _is_pagination_param(key: str, value: str) -> bool:
    """page=2, p=3, offset=40; a long ``p``/``page`` value is a tracking or post id."""
    if key not in _PAGINATION_KEYS or not _DIGITS.match(value):
        return False
    return key in _OFFSET_KEYS or len(value) <= 4


def _is_article_id(stem: str) -> bool:
    """Numeric ids: /123456, /1234.html, /slug-123456, /slug_a1234567, uuids."""
    if _DIGITS.match(stem):
        return len(stem) >= 5 or (len(stem) == 4 and not _YEAR.match(stem))
    match = _SLUG_ID.search(stem)
    if match and not (len(match.group(1)) == 4 and _YEAR.match(match.group(1))):
        return True
    return bool(_UUID.search(stem))


def _has_article_id_query(query: list[tuple[str, str]], stems: list[str]) -> bool:
    """article.php?id=123 and WordPress short links /?p=123."""
    for key, value in query:
        if key in _ARTICLE_ID_KEYS and (_DIGITS.match(value) or _UUID.match(value.lower())):
            return True
        # ?p=2 paginates a listing, /?p=1234 is a WordPress post id.
        if key == "p" and not stems and _DIGITS.match(value) and len(value) >= 3:
            return True
    return False


def _split_extension(segment: str) -> tuple[str, str]:
    """``story.html`` -> (``story``, ``html``); only short alphabetic extensions count."""
    stem, dot, ext = segment.rpartition(".")
    if dot and stem and 1 <= len(ext) <= 5 and ext.isalnum() and not ext.isdigit():
        return stem, ext.lower()
    return segment, ""


def _slug_words(stem: str) -> list[str]:
    return [w for w in _WORD_SPLIT.split(stem) if w]
