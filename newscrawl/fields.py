"""The fields of an article: one list for the item, the exports and the database.

Plain data with no Scrapy import, so that storage can use it and stay free of
the crawler.
"""

from __future__ import annotations

#: Every field of an article, in the order exports show them.
ARTICLE_FIELDS: tuple[str, ...] = (
    "url",
    "canonical_url",
    "site",
    "title",
    "authors",
    "published_at",
    "published_raw",
    "modified_at",
    "modified_raw",
    "body",
    "description",
    "lead_image_url",
    "lead_image_caption",
    "tags",
    "section",
    "language",
    "paywalled",
    "word_count",
    "content_hash",
    "duplicate_of",
    "fetched_at",
)

#: Fields that hold lists; every other field holds one value or None.
LIST_FIELDS: frozenset[str] = frozenset({"authors", "tags"})
