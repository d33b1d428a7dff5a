"""Structured data layers: JSON-LD, microdata, OpenGraph / twitter / meta / Dublin Core.

Each reader takes the parsed lxml tree (parsed once by ``article.py``) and
returns a dict of raw candidate values keyed by article field. Nothing here
normalises: that is the job of ``newscrawl.processors``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement

from newscrawl.extract.treeindex import metas, microdata

logger = logging.getLogger(__name__)

#: schema.org types that describe one article.
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "SatiricalArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "TechArticle",
        "ScholarlyArticle",
        "SocialMediaPosting",
    }
)


@lru_cache(maxsize=1)
def _extractors() -> tuple[Any, Any]:
    """extruct's JSON-LD and microdata extractors, imported on first use.

    Importing extruct loads every syntax it knows (microformats through
    BeautifulSoup included): about 0.15 s that a crawl whose pages are all
    unchanged (304) should not pay at start-up.
    """
    from extruct.jsonld import JsonLdExtractor
    from extruct.w3cmicrodata import LxmlMicrodataExtractor

    return JsonLdExtractor(), LxmlMicrodataExtractor()


def _types(obj: dict[str, Any]) -> list[str]:
    raw = obj.get("@type", obj.get("type", []))
    values = raw if isinstance(raw, list) else [raw]
    # Microdata types are full IRIs ("http://schema.org/NewsArticle").
    return [str(v).rsplit("/", 1)[-1] for v in values if v]


def iter_jsonld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page, with ``@graph`` and lists flattened."""
    stack: list[Any] = list(reversed(_jsonld_items(tree)))
    while stack:
        obj = stack.pop()
        if isinstance(obj, list):
            stack.extend(reversed(obj))
        elif isinstance(obj, dict):
            graph = obj.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph))
            yield obj
            main = obj.get("mainEntity")
            if isinstance(main, dict | list) and not isinstance(graph, list):
                stack.append(main)


@lru_cache(maxsize=4)
def _jsonld_items(tree: HtmlElement) -> tuple[Any, ...]:
    """The values of the page's JSON-LD scripts, read once per tree.

    The page-type check and article extraction both read them. Keyed by the
    tree object, like ``parse_html``'s cache; the values are not modified.
    """
    items: list[Any] = []
    # One script at a time: a broken block must not hide the good ones.
    for script in tree.xpath("//script[@type='application/ld+json']"):
        items.extend(_read_jsonld_script(script))
    return tuple(items)


def _read_jsonld_script(script: HtmlElement) -> list[Any]:
    """The objects of one JSON-LD script; extruct first, then the leading JSON value."""
    try:
        return list(_extractors()[0].extract_items(script))
    except Exception:  # extruct raises whatever its lenient JSON parser raises
        logger.debug("unreadable JSON-LD block", exc_info=True)
    # Typical breakage: a second object or stray text after the first value.
    try:
        value, _ = json.JSONDecoder(strict=False).raw_decode(script.text_content().strip())
    except ValueError:
        return []
    return value if isinstance(value, list) else [value]


def jsonld_types(tree: HtmlElement) -> list[str]:
    """The ``@type`` names of all JSON-LD objects, in page order."""
    return [t for obj in iter_jsonld_objects(tree) for t in _types(obj)]


def _best_article(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The article object with the most evidence (headline, body, dates)."""
    candidates = [o for o in objects if ARTICLE_TYPES.intersection(_types(o))]
    if not candidates:
        return None

    def weight(obj: dict[str, Any]) -> tuple[int, int]:
        fields = sum(
            1 for k in ("headline", "datePublished", "author", "articleBody") if obj.get(k)
        )
        return fields, len(str(obj.get("articleBody") or ""))

    return max(candidates, key=weight)


def _text(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a dict, list or string."""
    if value is None:
        return None
    if isinstance(value, list):
        for item in value:
            text = _text(item)
            if text:
                return text
        return None
    if isinstance(value, dict):
        return _text(value.get("@value") or value.get("name") or value.get("text"))
    text = str(value).strip()
    return text or None


def _props(value: dict[str, Any]) -> dict[str, Any]:
    """The properties of a JSON-LD object, or of an extruct microdata item."""
    inner = value.get("properties")
    return inner if isinstance(inner, dict) else value


def _people(value: Any) -> list[str]:
    """Names from ``author``: strings, Person/Organization objects or lists."""
    if value is None:
        return []
    if isinstance(value, list):
        return [name for item in value for name in _people(item)]
    if isinstance(value, dict):
        props = _props(value)
        name = props.get("name")
        if isinstance(name, list):
            name = " ".join(str(n) for n in name)
        if not name and (props.get("givenName") or props.get("familyName")):
            name = f"{props.get('givenName', '')} {props.get('familyName', '')}"
        return [str(name).strip()] if name and str(name).strip() else []
    text = str(value).strip()
    # An author given as a profile URL is not a name.
    if not text or text.startswith(("http://", "https://", "/")):
        return []
    return [text]


def _image(value: Any, base_url: str) -> tuple[str | None, str | None]:
    """(url, caption) of the first image in an ``image`` value."""
    if value is None:
        return None, None
    if isinstance(value, list):
        for item in value:
            url, caption = _image(item, base_url)
            if url:
                return url, caption
        return None, None
    if isinstance(value, dict):
        props = _props(value)
        url = _text(props.get("url") or props.get("contentUrl") or _image_id(props))
        caption = _text(props.get("caption") or props.get("description"))
        return (urljoin(base_url, url) if url else None), caption
    return urljoin(base_url, str(value).strip()), None


def _image_id(props: dict[str, Any]) -> str | None:
    """An ImageObject's ``@id`` when it is the picture's address.

    Yoast-style ids ("https://site/post/#primaryimage") name a graph node, not
    a file; an unresolved reference like that is no image URL.
    """
    node_id = _text(props.get("@id"))
    return node_id if node_id and "#" not in node_id else None


def _keywords(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [t for item in value for t in _keywords(item)]
    if isinstance(value, dict):
        text = _text(value)
        return [text] if text else []
    return [part.strip() for part in str(value).split(",") if part.strip()]


def _paywalled(value: Any) -> bool | None:
    """``isAccessibleForFree`` says free; the article is paywalled when it is false."""
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, bool):
        return not value
    text = str(value).strip().casefold()
    if text in {"false", "0", "no"}:
        return True
    if text in {"true", "1", "yes"}:
        return False
    return None


_BLOCK_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")


def article_body_text(value: str | None) -> str | None:
    """``articleBody`` as plain paragraphs; some sites put HTML in it."""
    if not value or "<" not in value or ">" not in value:
        return value
    try:
        fragment = lxml.html.fragment_fromstring(value, create_parent="div")
    except (ParserError, ValueError):
        return value
    blocks = [" ".join(b.text_content().split()) for b in fragment.iter(*_BLOCK_TAGS)]
    blocks = [b for b in blocks if b]
    if not blocks:
        return " ".join(fragment.text_content().split()) or None
    return "\n\n".join(blocks)


def _from_schema(obj: dict[str, Any], base_url: str) -> dict[str, Any]:
    """Map one schema.org article object (JSON-LD or microdata props) to fields."""
    image_url, caption = _image(obj.get("image") or obj.get("thumbnailUrl"), base_url)
    main = obj.get("mainEntityOfPage")
    canonical = _text(obj.get("url")) or (
        _text(main.get("@id") or main.get("url")) if isinstance(main, dict) else _text(main)
    )
    fields: dict[str, Any] = {
        "title": _text(obj.get("headline") or obj.get("name")),
        "authors": _people(obj.get("author") or obj.get("creator")),
        "published_raw": _text(obj.get("datePublished") or obj.get("dateCreated")),
        "modified_raw": _text(obj.get("dateModified")),
        "description": _text(obj.get("description")),
        "lead_image_url": image_url,
        "lead_image_caption": caption,
        "tags": _keywords(obj.get("keywords")),
        "section": _text(obj.get("articleSection")),
        "language": _text(obj.get("inLanguage")),
        "paywalled": _paywalled(obj.get("isAccessibleForFree")),
        "body": article_body_text(_text(obj.get("articleBody"))),
        "canonical_url": urljoin(base_url, canonical) if canonical else None,
        "site_name": _text(obj.get("publisher")),
    }
    return {k: v for k, v in fields.items() if v not in (None, "", [])}


def _resolve_references(obj: dict[str, Any], objects: list[dict[str, Any]]) -> dict[str, Any]:
    """Replace ``{"@id": ...}`` references (Yoast-style @graph) by the objects they name."""
    by_id = {str(o["@id"]): o for o in objects if isinstance(o.get("@id"), str) and len(o) > 1}

    def resolve(value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"@id"}:
            return by_id.get(str(value["@id"]), value)
        if isinstance(value, list):
            return [resolve(v) for v in value]
        return value

    return {key: resolve(value) for key, value in obj.items()}


def jsonld_fields(tree: HtmlElement, url: str) -> dict[str, Any]:
    """Fields from the page's best JSON-LD article object ({} when none)."""
    objects = list(iter_jsonld_objects(tree))
    article = _best_article(objects)
    if article is None:
        return {}
    fields = _from_schema(_resolve_references(article, objects), url)
    if "lead_image_url" not in fields:
        # Yoast and similar graphs hang the picture on the WebPage node.
        for obj in objects:
            if "WebPage" in _types(obj):
                page = _resolve_references(obj, objects)
                image_url, caption = _image(
                    page.get("primaryImageOfPage") or page.get("image"), url
                )
                if image_url:
                    fields["lead_image_url"] = image_url
                    if caption and "lead_image_caption" not in fields:
                        fields["lead_image_caption"] = caption
                    break
    if "site_name" not in fields:
        for obj in objects:
            if "WebSite" in _types(obj) and _text(obj.get("name")):
                fields["site_name"] = _text(obj.get("name"))
                break
    return fields


def microdata_fields(tree: HtmlElement, url: str) -> dict[str, Any]:
    """Fields from a schema.org article in microdata ({} when none)."""
    # Microdata extraction walks the whole tree; skip it on the many pages without it.
    if not microdata(tree).scoped:
        return {}
    try:
        items = _extractors()[1].extract_items(tree, url)
    except Exception:  # extruct's microdata walker is not defensive about odd markup
        logger.debug("unreadable microdata", exc_info=True)
        return {}
    stack: list[Any] = list(items)
    candidates: list[dict[str, Any]] = []
    while stack:
        item = stack.pop()
        if not isinstance(item, dict):
            continue
        props = item.get("properties", {})
        if ARTICLE_TYPES.intersection(_types(item)):
            candidates.append(props)
        for value in props.values():
            if isinstance(value, dict):
                stack.append(value)
            elif isinstance(value, list):
                stack.extend(v for v in value if isinstance(v, dict))
    if not candidates:
        return {}
    best = max(candidates, key=len)
    fields = _from_schema(best, url)
    # Microdata "articleBody" is the element's text: raw markup text, not clean.
    fields.pop("body", None)
    return fields


# --------------------------------------------------------------------------- meta tags

# meta name/property -> field, in order of trust within the layer.
_OG_MAP: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title"),
    "description": ("og:description", "twitter:description"),
    "lead_image_url": ("og:image", "og:image:url", "og:image:secure_url", "twitter:image"),
    "lead_image_caption": ("og:image:alt", "twitter:image:alt"),
    "published_raw": ("article:published_time", "og:article:published_time"),
    "modified_raw": ("article:modified_time", "og:updated_time", "og:article:modified_time"),
    "authors": ("article:author", "og:article:author"),
    "section": ("article:section", "og:article:section"),
    "tags": ("article:tag", "og:article:tag"),
    "language": ("og:locale",),
    "canonical_url": ("og:url",),
    "site_name": ("og:site_name", "twitter:site"),
    "page_type": ("og:type",),
}
_META_MAP: dict[str, tuple[str, ...]] = {
    "title": ("dc.title", "dcterms.title", "parsely-title", "sailthru.title", "title"),
    "description": ("description", "dc.description", "dcterms.description", "abstract"),
    "authors": (
        "author",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
        "article.author",
        "citation_author",
    ),
    "published_raw": (
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "dcterms.issued",
        "parsely-pub-date",
        "sailthru.date",
        "article.published",
        "datepublished",
        "original-publish-date",
        "citation_publication_date",
    ),
    "modified_raw": ("lastmod", "last-modified", "dcterms.modified", "article.updated"),
    "tags": ("news_keywords", "keywords", "parsely-tags", "sailthru.tags"),
    "section": ("parsely-section", "section", "article.section", "cxenseparse:recs:category"),
    "language": ("dc.language", "language", "content-language"),
    "lead_image_url": ("parsely-image-url", "thumbnail"),
}
_LIST_FIELDS = frozenset({"authors", "tags"})


def _meta_index(tree: HtmlElement) -> dict[str, list[str]]:
    """All meta tags' content keyed by lowercased name / property / itemprop."""
    index: dict[str, list[str]] = {}
    for prop, name, http_equiv, content in metas(tree):
        key = prop or name or http_equiv
        if not key or not content.strip():
            continue
        index.setdefault(key.strip().casefold(), []).append(content.strip())
    return index


def _pick(index: dict[str, list[str]], keys: tuple[str, ...], many: bool) -> Any:
    for key in keys:
        values = index.get(key)
        if values:
            return list(values) if many else values[0]
    return None


def meta_layers(tree: HtmlElement, url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(opengraph, meta) candidate fields from ``<meta>``, ``<link>`` and ``<html lang>``."""
    index = _meta_index(tree)
    og = {f: _pick(index, keys, f in _LIST_FIELDS) for f, keys in _OG_MAP.items()}
    meta = {f: _pick(index, keys, f in _LIST_FIELDS) for f, keys in _META_MAP.items()}
    # article:author is often a profile URL; only names are candidates.
    if og.get("authors"):
        og["authors"] = [a for a in og["authors"] if not a.startswith(("http://", "https://"))]
    for key in ("lead_image_url", "canonical_url"):
        if og.get(key):
            og[key] = urljoin(url, og[key])
    if meta.get("lead_image_url"):
        meta["lead_image_url"] = urljoin(url, meta["lead_image_url"])
    tier = _pick(index, ("article:content_tier", "og:article:content_tier"), False)
    if tier:
        meta["paywalled"] = _paywalled(tier.casefold() == "free")
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    if canonical and canonical[0].strip():
        meta["canonical_url"] = urljoin(url, canonical[0].strip())
    title = tree.find(".//title")
    if title is not None and title.text_content().strip():
        meta["title"] = meta.get("title") or title.text_content().strip()
    lang = tree.get("lang") or tree.get("xml:lang")
    if lang and not meta.get("language"):
        meta["language"] = lang
    return _drop_empty(og), _drop_empty(meta)


def _drop_empty(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v not in (None, "", [])}
