"""The database schema as SQLAlchemy 2 typed declarative models.

The schema changes only through Alembic migrations (``migrations/versions``);
these models are the source the migrations are written from and what the
repository queries. Every datetime is stored in UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints: Alembic can only drop or alter (SQLite batch mode) what has a name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime, stored in UTC, always read back aware.

    SQLite has no time zones and returns naive values; PostgreSQL returns them
    in the session time zone. Both come back as UTC here.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = to_utc(value)
        # SQLite would store the offset-free wall time of whatever zone it got.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else to_utc(value)


def to_utc(value: datetime) -> datetime:
    """Return ``value`` in UTC; a naive value is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base holding the shared metadata."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: dict[Any, Any] = {datetime: UTCDateTime()}


class Site(Base):
    """A news site, by the name its profile or domain gives it."""

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class Article(Base):
    """One article, unique by canonical URL; the latest version of its content."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"), index=True)
    url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(index=True)
    published_raw: Mapped[str | None] = mapped_column(Text)
    modified_at: Mapped[datetime | None]
    modified_raw: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    lead_image_url: Mapped[str | None] = mapped_column(Text)
    lead_image_caption: Mapped[str | None] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(35))
    paywalled: Mapped[bool | None] = mapped_column(Boolean)
    word_count: Mapped[int | None] = mapped_column(Integer)
    content_hash: Mapped[str | None] = mapped_column(String(128), index=True)
    # The first-seen article this one is a (near-)duplicate of: a wire copy, an edited version.
    duplicate_of: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_crawled_at: Mapped[datetime] = mapped_column(default=utcnow)
    fetched_at: Mapped[datetime | None]


class Author(Base):
    """An author name, shared by all the articles that credit it."""

    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)


class ArticleAuthor(Base):
    """Credits an author on an article; ``position`` keeps the byline order."""

    __tablename__ = "article_authors"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)


class Tag(Base):
    """A tag or keyword name."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)


class ArticleTag(Base):
    """Puts a tag on an article; ``position`` keeps the page's order."""

    __tablename__ = "article_tags"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)


class ArticleRevision(Base):
    """A previous version of an article, copied before an update replaced it."""

    __tablename__ = "article_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    modified_at: Mapped[datetime | None]
    content_hash: Mapped[str | None] = mapped_column(String(128))
    captured_at: Mapped[datetime] = mapped_column(default=utcnow)


class CrawlRun(Base):
    """One crawl: its arguments, outcome counts and status."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    spider: Mapped[str] = mapped_column(String(100))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    arguments: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    pages: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    new: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    updated: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    unchanged: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    duplicates: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    failed: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    status: Mapped[str] = mapped_column(String(20), default="running")


class ArticleSignature(Base):
    """The MinHash signature of an article's body, for near-duplicate detection.

    ``dated_at`` is the article's publication time (its first sighting when it
    has none): signatures are loaded by time window, never all at once.
    """

    __tablename__ = "article_signatures"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    dated_at: Mapped[datetime] = mapped_column(index=True)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)


class PageValidator(Base):
    """HTTP validators of a listing, feed or sitemap page, for conditional requests."""

    __tablename__ = "page_validators"

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)
    etag: Mapped[str | None] = mapped_column(String(512))
    last_modified: Mapped[str | None] = mapped_column(String(64))
    checked_at: Mapped[datetime] = mapped_column(default=utcnow)


#: Full-text search objects made by migration 0002 outside the models: the FTS5
#: table (and its shadow tables) on SQLite, the tsvector column and its index on
#: PostgreSQL. Neither dialect can express the other's, so the models leave them out.
FTS_TABLE = "articles_fts"
SEARCH_VECTOR = "search_vector"
_SEARCH_INDEX = "ix_articles_search_vector"


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic ``include_object`` hook: leave the full-text search objects out.

    Used by autogenerate (``migrations/env.py``) and the schema-matches-models
    test, so that they compare only what the models declare.
    """
    if type_ == "table" and name is not None and name.startswith(FTS_TABLE):
        return False
    if type_ == "column" and name == SEARCH_VECTOR:
        return False
    return not (type_ == "index" and name == _SEARCH_INDEX)


#: The counters of a crawl run, as ``finish_run`` accepts them.
RUN_COUNTERS: tuple[str, ...] = ("pages", "new", "updated", "unchanged", "duplicates", "failed")
