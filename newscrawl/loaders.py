"""The article item loader: which processor normalises which field.

The declarations are all there is; every rule lives in :mod:`newscrawl.processors`.
``build_item`` turns an :class:`~newscrawl.extract.article.ExtractedArticle`
into an :class:`~newscrawl.items.ArticleItem`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from itemloaders import ItemLoader
from itemloaders.processors import Compose, Identity, MapCompose, TakeFirst

from newscrawl.extract.article import ExtractedArticle
from newscrawl.extract.merge import MERGED_FIELDS
from newscrawl.extract.siteclock import SiteClock
from newscrawl.items import ARTICLE_FIELDS, LIST_FIELDS, ArticleItem
from newscrawl.processors.authors import clean_author, split_authors
from newscrawl.processors.dates import to_utc
from newscrawl.processors.language import normalize_language
from newscrawl.processors.text import (
    clean_body,
    clean_tags,
    clean_text,
    clean_url,
    content_hash,
    dedupe,
    to_bool,
    word_count,
)
from newscrawl.processors.zones import language_zone
from newscrawl.urls import canonicalize, trusted_canonical

logger = logging.getLogger(__name__)


class ArticleLoader(ItemLoader):
    """Normalises raw extracted values into an :class:`ArticleItem`."""

    default_item_class = ArticleItem
    default_input_processor = MapCompose(clean_text)
    default_output_processor = TakeFirst()

    authors_in = MapCompose(split_authors, clean_author)
    authors_out = Compose(dedupe)
    tags_in = MapCompose(clean_tags)
    tags_out = Compose(dedupe)
    body_in = MapCompose(clean_body)
    published_at_in = MapCompose(to_utc)
    modified_at_in = MapCompose(to_utc)
    language_in = MapCompose(normalize_language)
    url_in = MapCompose(clean_url)
    canonical_url_in = MapCompose(clean_url)
    lead_image_url_in = MapCompose(clean_url)
    paywalled_in = MapCompose(to_bool)
    word_count_in = Identity()
    fetched_at_in = Identity()


def build_item(
    extracted: ExtractedArticle,
    *,
    url: str,
    site: str,
    timezone: str | None = None,
    fetched_at: datetime,
    clock: SiteClock | None = None,
) -> ArticleItem:
    """An item with every field of ``ARTICLE_FIELDS`` (None or [] when unknown).

    Dates printed without an offset are read in ``timezone`` when it is given
    (a site profile's), else by the site's learned ``clock``, else in the zone
    the page's language implies (``language_zone``: Tokyo for Japanese), else
    as UTC.
    """
    fields = extracted.fields
    loader = ArticleLoader(
        timezone=timezone,
        clock=None if timezone else clock,
        language_zone=language_zone(fields.get("language")),
    )
    loader.add_value("url", url)
    loader.add_value("canonical_url", _canonical(fields.get("canonical_url"), url))
    loader.add_value("site", site)
    for name in MERGED_FIELDS:
        if name != "canonical_url":  # chosen above, by the trust rule
            loader.add_value(name, fields.get(name))
    loader.add_value("published_at", fields.get("published_raw"))
    loader.add_value("modified_at", fields.get("modified_raw"))
    stamp = fetched_at if fetched_at.tzinfo else fetched_at.replace(tzinfo=UTC)
    loader.add_value("fetched_at", stamp.astimezone(UTC).isoformat())
    item = loader.load_item()
    body = item.get("body")
    item["word_count"] = word_count(body)
    item["content_hash"] = content_hash(body)
    if item.get("paywalled") is None:
        item["paywalled"] = False  # a flag: no paywall signal on the page means open
    for name in ARTICLE_FIELDS:
        if name not in item:
            item[name] = [] if name in LIST_FIELDS else None
    return item


def _canonical(declared: Any, url: str) -> str:
    """The declared canonical URL when it can be trusted, else the page's own URL."""
    return canonicalize(trusted_canonical(declared, url) or url)
