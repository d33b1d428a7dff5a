"""Link discovery: find the links of a page and say what each one probably is.

Pure functions over HTML text and a URL. The ``news`` spider routes with the
result (next page / more news > feed > article > section); offsite filtering,
robots.txt and canonicalisation happen in the spider, not here.

Classification is generic: it reads the URL's shape (dated paths, long slugs,
numeric ids, well-known path words in several languages), the anchor text
("More news", "Mehr Nachrichten", an arrow), ``rel`` and the position of the link
in the page (inside ``<article>`` or a headline). It never keys on a domain.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

from lxml import etree
from parsel import Selector
from w3lib.html import strip_html5_whitespace
from w3lib.url import safe_url_string

logger = logging.getLogger(__name__)


class LinkKind(StrEnum):
    """What a link probably leads to; the spider's routing key."""

    NEXT = "next"
    FEED = "feed"
    SITEMAP = "sitemap"
    ARTICLE = "article"
    LISTING = "listing"
    OTHER = "other"


#: Dedupe keeps the strongest kind a URL was seen with (lower = stronger).
KIND_STRENGTH: dict[LinkKind, int] = {
    LinkKind.NEXT: 0,
    LinkKind.FEED: 1,
    LinkKind.SITEMAP: 2,
    LinkKind.ARTICLE: 3,
    LinkKind.LISTING: 4,
    LinkKind.OTHER: 5,
}


@dataclass(frozen=True)
class Link:
    """A link found on a page: absolute URL without fragment, its kind, text and rel."""

    url: str
    kind: LinkKind
    text: str
    rel: str = ""


# --- vocabulary -------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    """A frozenset from whitespace-separated words (keeps long vocabularies readable)."""
    return frozenset(words.split())


def _phrases(phrases: str) -> frozenset[str]:
    """A frozenset from ``|``-separated phrases that may span lines."""
    return frozenset(p.strip() for p in phrases.replace("\n", " ").split("|") if p.strip())


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
_WS = re.compile(r"\s+")

#: Anchor texts that mean "the next page of this listing", in many languages. Matched on the
#: whole text (arrows and punctuation removed), so "Read more" or "Читати далі" do not match.
_NEXT_PHRASES = _phrases(
    """
    next|next page|next posts|next entries|next articles|next stories|older|older posts|
    older entries|older articles|older stories|older news|earlier|earlier articles|more|
    more news|more stories|more articles|more headlines|more posts|more results|load more|
    load more stories|load more articles|load more news|show more|show more news|view more|
    see more|see more news|see more stories|more latest news|more top stories|
    більше|більше новин|більше статей|наступна|наступна сторінка|далі|ще|ще новини|
    показати більше|показати ще|завантажити ще|завантажити більше|старіші|старіші новини|
    ещё|еще|больше|больше новостей|следующая|следующая страница|далее|показать ещё|
    показать еще|показать больше|загрузить ещё|загрузить еще|ещё новости|еще новости|
    mehr|mehr nachrichten|mehr artikel|mehr laden|mehr anzeigen|weiter|nächste|nächste seite|
    ältere beiträge|ältere artikel|weitere artikel|weitere nachrichten|
    plus|plus d'actualités|plus d'actualité|plus d'articles|plus d'infos|suivant|suivante|
    page suivante|voir plus|charger plus|afficher plus|articles plus anciens|
    ver más|ver mas|más|mas|más noticias|mas noticias|siguiente|página siguiente|
    pagina siguiente|cargar más|cargar mas|mostrar más|mostrar mas|entradas anteriores|
    ver mais|mais|mais notícias|mais noticias|próxima|próximo|proxima|proximo|
    próxima página|carregar mais|mostrar mais|
    successivo|successiva|pagina successiva|altre notizie|altri articoli|carica altri|
    mostra altri|vedi altri|
    volgende|volgende pagina|meer|meer nieuws|meer laden|meer artikelen|
    następna|następne|następna strona|więcej|więcej wiadomości|dalej|starsze wpisy|
    załaduj więcej|pokaż więcej|
    další|další strana|více|více zpráv|starší|načíst další|
    sonraki|sonraki sayfa|daha fazla|daha fazla haber|
    nästa|fler|fler nyheter|visa fler|næste|flere|flere nyheder|neste|flere nyheter|
    seuraava|lisää|lisää uutisia|
    következő|további|további hírek|több|
    următoarea|următorul|mai multe|mai multe știri|
    επόμενη|περισσότερα|
    التالي|المزيد|المزيد من الأخبار|הבא|עוד|
    次へ|次のページ|もっと見る|さらに表示|下一页|下一頁|更多|更多新闻|加载更多|
    다음|다음 페이지|더보기|더 보기
    """
)
# Not the triangles (\u25b6 \u25ba): menus use them as bullets.
_ARROWS = frozenset("\u203a\u00bb\u2192\u27e9\u276f>\u3009\u21d2\u27f6")
_TEXT_STRIP = re.compile(
    "[\\s\u203a\u00bb\u2192\u27e9\u25b6\u25b8\u25ba\u276f>\u3009\u21d2\u27f6"
    "<\u00ab\u2039\u2190.\u2026:!()\\[\\]|/\u00b7\u2022+\\-\u2013\u2014]+"
)
_NEXT_CLASS = re.compile(r"(?:^|[\s_-])(?:next|load-?more|show-?more|more-news)(?:$|[\s_-])")
_OTHER_TEXTS = _phrases(
    """
    subscribe|subscribe now|log in|login|sign in|sign up|register|donate|my account|account|
    contact|contact us|about|about us|privacy|privacy policy|terms|terms of use|
    terms of service|cookie settings|cookies|advertise|advertise with us|careers|jobs|
    newsletter|newsletters|share|tweet|print|reply|comments|search
    """
)
_PLAIN_URL = re.compile(r"https?://[a-z0-9.-]+(?::\d{1,5})?(?:/[A-Za-z0-9._~/?#@!$&()*+,;=:-]*)?")
_SEE_ALL = re.compile(r"(?i)(?:see|view|show|browse|read)\s+(?:all|more)\b|all\s|more\s")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NAVIGATION_TAGS = frozenset({"nav", "header", "footer", "menu"})
_FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/rss",
        "application/feed+json",
        "text/rss+xml",
        "text/atom+xml",
        "application/x-rss+xml",
    }
)


# --- URL classification -----------------------------------------------------


def classify_url(url: str, *, text: str = "", rel: str = "") -> LinkKind:
    """Say what ``url`` probably is, from its shape, the anchor ``text`` and ``rel``.

    ``url`` should be absolute; a relative one is read as a path.
    """
    return _classify(url, _collapse(text), rel.lower())[0]


@lru_cache(maxsize=8192)
def _classify(url: str, text: str, rel: str) -> tuple[LinkKind, bool]:
    """Classify; the flag says whether the URL shape alone was conclusive ("strong").

    Weak results (a short slug that may be a section or a story) can be promoted by the
    anchor text here and by the link's position in the page in :func:`extract_links`.
    """
    kind, strong = _classify_shape(url, rel)
    folded = _fold_text(text)
    if kind is LinkKind.LISTING and folded in _NEXT_PHRASES:
        return LinkKind.NEXT, True
    if not strong and folded in _OTHER_TEXTS:
        return LinkKind.OTHER, True
    if not strong and kind is LinkKind.LISTING and _looks_like_headline(text):
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


def _collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _fold_text(text: str) -> str:
    """Lower-case and strip arrows and punctuation around and inside an anchor text."""
    folded = _TEXT_STRIP.sub(" ", text.casefold()).strip()
    if not folded and text.strip() and all(c in _ARROWS or c.isspace() for c in text):
        return "next"
    return folded.replace("\u2019", "'")


def _looks_like_headline(text: str) -> bool:
    """A sentence-long anchor text is a headline, not a menu entry ("See all ..." is)."""
    if _SEE_ALL.match(text):
        return False
    if len(text) < 30:
        # CJK headlines have no spaces but are dense.
        return len(text) >= 15 and not any(c.isspace() for c in text) and not text.isascii()
    return len(text.split()) >= 6


# --- page link extraction ---------------------------------------------------


def extract_links(
    html: str,
    base_url: str,
    *,
    article_selector: str | None = None,
    listing_selector: str | None = None,
) -> list[Link]:
    """Every ``<a href>`` (and ``<link rel=next/prev/alternate>``) of a page, classified.

    URLs are absolute (``<base href>`` respected), without fragment, deduplicated keeping
    the strongest kind (next > feed > sitemap > article > listing > other), in document
    order. ``article_selector``/``listing_selector`` (CSS, or XPath when starting with
    ``/`` or ``(``) force ARTICLE/LISTING for the links they match or contain.
    Same-page anchors (``href="#..."``) are skipped.
    """
    if not html or not html.strip():
        return []
    selector = Selector(text=html, base_url=base_url)
    root = selector.root
    base = _document_base(root, base_url)
    forced = _Forced()
    forced.collect(selector, base, listing_selector, LinkKind.LISTING)
    # Articles second so that an element both selectors match ends up an article.
    forced.collect(selector, base, article_selector, LinkKind.ARTICLE)

    resolve = _Resolver(base)
    links: list[Link] = []
    index: dict[str, int] = {}
    forced_urls: set[str] = set()
    for element in root.iter("a", "area", "link"):
        link = _element_link(element, resolve, forced)
        if link is None:
            continue
        is_forced = element in forced.elements or link.url in forced.urls
        seen = index.get(link.url)
        if seen is None:
            index[link.url] = len(links)
            links.append(link)
        elif _replaces(link, is_forced, links[seen], link.url in forced_urls):
            links[seen] = link
        if is_forced:
            forced_urls.add(link.url)
    return links


def _replaces(new: Link, new_forced: bool, old: Link, old_forced: bool) -> bool:
    """Dedupe rule: a profile's choice beats the heuristics, then the stronger kind wins."""
    if new_forced != old_forced:
        return new_forced
    return KIND_STRENGTH[new.kind] < KIND_STRENGTH[old.kind]


def feed_urls(html: str, base_url: str) -> list[str]:
    """All feeds a page advertises, in document order.

    ``<link rel=alternate>`` with an RSS/Atom/RDF/JSON feed type first, then ``<a>``
    links that are feeds by type or URL shape. Comments feeds are left out.
    """
    if not html or not html.strip():
        return []
    root = Selector(text=html, base_url=base_url).root
    base = _document_base(root, base_url)
    advertised: list[str] = []
    found: list[str] = []
    for element in root.iter("a", "link"):
        href = element.get("href")
        if not href:
            continue
        url = absolute_url(href, base)
        if url is None or classify_url(url) is LinkKind.OTHER:
            continue
        rels = (element.get("rel") or "").lower().split()
        if _is_feed_type(element.get("type")) and (element.tag == "a" or "alternate" in rels):
            advertised.append(url)
        elif element.tag == "a" and classify_url(url) is LinkKind.FEED:
            found.append(url)
    return list(dict.fromkeys(advertised + found))


def _document_base(root: Any, base_url: str) -> str:
    """``<base href>`` resolved against the page URL, else the page URL."""
    for href in root.xpath("//base/@href"):
        href = strip_html5_whitespace(str(href))
        if href:
            return urljoin(base_url, href)
    return base_url


def absolute_url(href: str, base: str) -> str | None:
    """``href`` made absolute against ``base``: safe (w3lib), whitespace stripped, no fragment.

    None for empty and same-page (``#...``) hrefs. Non-HTTP URLs (``mailto:``) are kept.
    """
    resolved = _resolve(href, base)
    return resolved[0] if resolved else None


def _resolve(href: str, base: str) -> tuple[str, str] | None:
    """(safe absolute URL without fragment, joined URL with fragment) of an ``href``.

    The fragment matters for classification (``#comments``), not for the link itself.
    """
    href = strip_html5_whitespace(href)
    if not href or href.startswith("#"):
        return None
    # Plain absolute ASCII URLs (most of them) are already what urljoin and
    # safe_url_string would return: skip their cost, it matters for 50k-URL sitemaps.
    if _PLAIN_URL.fullmatch(href) and "/." not in href:
        url = joined = href
    else:
        joined = urljoin(base, href)
        try:
            url = joined if _PLAIN_URL.fullmatch(joined) else safe_url_string(joined)
        except ValueError:
            return None
    if url.startswith(("http://", "https://")):
        url = url.partition("#")[0]
    return url, joined


class _Resolver:
    """Memoised :func:`_resolve` for one page: menus repeat the same hrefs many times."""

    def __init__(self, base: str) -> None:
        self.base = base
        self._cache: dict[str, tuple[str, str] | None] = {}

    def __call__(self, href: str) -> tuple[str, str] | None:
        try:
            return self._cache[href]
        except KeyError:
            resolved = self._cache[href] = _resolve(href, self.base)
            return resolved


def _element_link(element: Any, resolve: _Resolver, forced: _Forced) -> Link | None:
    """Build the :class:`Link` of one ``<a>``/``<area>``/``<link>`` element, or None."""
    href = element.get("href")
    if not href:
        return None
    rel = _collapse(element.get("rel") or "").lower()
    if element.tag == "link" and not set(rel.split()) & {"next", "prev", "previous", "alternate"}:
        return None
    resolved = resolve(href)
    if resolved is None:
        return None
    url, joined = resolved
    text = _anchor_text(element)
    kind = forced.elements.get(element) or forced.urls.get(url)
    if kind is None:
        is_alternate = element.tag == "link" and "alternate" in rel.split()
        if is_alternate and _is_feed_type(element.get("type")):
            # Comments feeds are advertised the same way; their URL shape gives them away.
            shape = classify_url(url)
            kind = LinkKind.OTHER if shape is LinkKind.OTHER else LinkKind.FEED
        else:
            kind = _contextual_kind(element, joined, text, rel)
    return Link(url=url, kind=kind, text=text, rel=rel)


def _contextual_kind(element: Any, url: str, text: str, rel: str) -> LinkKind:
    """Classify by URL and text, then let the link's position settle weak cases."""
    kind, strong = _classify(url, text, rel)
    if kind is LinkKind.LISTING and _has_next_class(element):
        return LinkKind.NEXT
    if kind is LinkKind.LISTING and not strong and _in_headline(element, text):
        return LinkKind.ARTICLE
    return kind


def _anchor_text(element: Any) -> str:
    """Visible text, else aria-label/title/img alt (icon-only links)."""
    if element.tag == "link":
        return _collapse(element.get("title") or "")
    text = _collapse("".join(element.itertext()))
    if text:
        return text
    for attribute in ("aria-label", "title"):
        value = element.get(attribute)
        if value and value.strip():
            return _collapse(value)
    for alt in element.xpath(".//img/@alt"):
        if str(alt).strip():
            return _collapse(str(alt))
    return ""


def _has_next_class(element: Any) -> bool:
    """``class="next"``/``load-more`` on the link or its parent (pagination widgets)."""
    for node in (element, element.getparent()):
        if node is not None and _NEXT_CLASS.search((node.get("class") or "").lower()):
            return True
    return False


def _in_headline(element: Any, text: str) -> bool:
    """Inside a heading, or an ``<article>`` card with a sentence-like anchor text.

    A one-word link inside a card is usually its section label, not the story.
    """
    for ancestor in element.iterancestors():
        tag = ancestor.tag
        if tag in _NAVIGATION_TAGS:
            return False
        if tag in _HEADING_TAGS:
            return True
        if tag == "article":
            return len(text.split()) >= 4
    return False


def _is_feed_type(value: str | None) -> bool:
    """RSS, Atom, RDF and JSON Feed media types (not oEmbed or REST API JSON)."""
    mime = (value or "").split(";", 1)[0].strip().lower()
    return mime in _FEED_TYPES or mime.endswith(("rss+xml", "atom+xml"))


class _Forced:
    """Kinds a site profile's selectors force on links, by element and by URL.

    Holding the matched elements keeps lxml's element proxies alive, so the same
    proxy objects come back while iterating the tree and compare equal.
    """

    def __init__(self) -> None:
        self.elements: dict[Any, LinkKind] = {}
        self.urls: dict[str, LinkKind] = {}

    def collect(self, selector: Selector, base: str, query: str | None, kind: LinkKind) -> None:
        """Record the links ``query`` (CSS, or XPath when it starts with / or () matches."""
        if not query:
            return
        try:
            is_xpath = query.startswith(("/", "("))
            matched = selector.xpath(query) if is_xpath else selector.css(query)
        except (ValueError, SyntaxError) as exc:
            # A broken profile selector must not stop discovery: heuristics still work.
            logger.warning("Invalid %s selector %r: %s", kind.value, query, exc)
            return
        for item in matched:
            node = item.root
            if isinstance(node, str):
                # ``a::attr(href)`` and ``//a/@href`` select the URL itself.
                url = absolute_url(node, base)
                if url:
                    self.urls[url] = kind
            elif isinstance(node, etree._Element):
                for anchor in node.iter("a", "area"):
                    self.elements[anchor] = kind
