"""The article item: one stored news article."""

from __future__ import annotations

import scrapy

from newscrawl.fields import ARTICLE_FIELDS, LIST_FIELDS

__all__ = ["ARTICLE_FIELDS", "LIST_FIELDS", "ArticleItem"]


class ArticleItem(scrapy.Item):
    """A news article.

    ``published_at`` / ``modified_at`` are ISO 8601 strings in UTC
    (``2024-12-11T13:18:00+00:00``); ``*_raw`` keep the value as the page gave
    it. ``body`` is plain text, paragraphs separated by one blank line.
    ``authors`` and ``tags`` are lists of strings. ``duplicate_of`` is the
    canonical URL of the first-seen article this one (nearly) repeats.
    ``signature`` (not an article field: never exported) carries the body's
    MinHash from the near-duplicate pipeline to the store.
    """

    url = scrapy.Field()
    canonical_url = scrapy.Field()
    site = scrapy.Field()
    title = scrapy.Field()
    authors = scrapy.Field()
    published_at = scrapy.Field()
    published_raw = scrapy.Field()
    modified_at = scrapy.Field()
    modified_raw = scrapy.Field()
    body = scrapy.Field()
    description = scrapy.Field()
    lead_image_url = scrapy.Field()
    lead_image_caption = scrapy.Field()
    tags = scrapy.Field()
    section = scrapy.Field()
    language = scrapy.Field()
    paywalled = scrapy.Field()
    word_count = scrapy.Field()
    content_hash = scrapy.Field()
    duplicate_of = scrapy.Field()
    fetched_at = scrapy.Field()
    signature = scrapy.Field()
