"""Initial schema: sites, articles, authors, tags, revisions, crawl runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 12:45:43

Written to run unchanged on SQLite and PostgreSQL. Datetimes are stored in UTC
(``DateTime(timezone=True)``: timestamptz on PostgreSQL, text on SQLite).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _counter(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer(), server_default="0", nullable=False)


def upgrade() -> None:
    op.create_table(
        "sites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        _utc("first_seen_at", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sites")),
        sa.UniqueConstraint("name", name=op.f("uq_sites_name")),
    )
    op.create_table(
        "authors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authors")),
        sa.UniqueConstraint("name", name=op.f("uq_authors_name")),
    )
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )
    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("spider", sa.String(length=100), nullable=False),
        _utc("started_at", nullable=False),
        _utc("finished_at"),
        sa.Column("arguments", sa.JSON(), nullable=False),
        _counter("pages"),
        _counter("new"),
        _counter("updated"),
        _counter("unchanged"),
        _counter("duplicates"),
        _counter("failed"),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crawl_runs")),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("canonical_url", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        _utc("published_at"),
        sa.Column("published_raw", sa.Text(), nullable=True),
        _utc("modified_at"),
        sa.Column("modified_raw", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("lead_image_url", sa.Text(), nullable=True),
        sa.Column("lead_image_caption", sa.Text(), nullable=True),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=35), nullable=True),
        sa.Column("paywalled", sa.Boolean(), nullable=True),
        sa.Column("word_count", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(length=128), nullable=True),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        _utc("first_seen_at", nullable=False),
        _utc("last_crawled_at", nullable=False),
        _utc("fetched_at"),
        sa.ForeignKeyConstraint(
            ["duplicate_of"],
            ["articles.id"],
            name=op.f("fk_articles_duplicate_of_articles"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_articles_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("canonical_url", name=op.f("uq_articles_canonical_url")),
    )
    op.create_index(op.f("ix_articles_content_hash"), "articles", ["content_hash"])
    op.create_index(op.f("ix_articles_published_at"), "articles", ["published_at"])
    op.create_index(op.f("ix_articles_site_id"), "articles", ["site_id"])

    for link, other, other_table in (
        ("article_authors", "author_id", "authors"),
        ("article_tags", "tag_id", "tags"),
    ):
        op.create_table(
            link,
            sa.Column("article_id", sa.Integer(), nullable=False),
            sa.Column(other, sa.Integer(), nullable=False),
            sa.Column("position", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(
                ["article_id"],
                ["articles.id"],
                name=op.f(f"fk_{link}_article_id_articles"),
                ondelete="CASCADE",
            ),
            sa.ForeignKeyConstraint(
                [other], [f"{other_table}.id"], name=op.f(f"fk_{link}_{other}_{other_table}")
            ),
            sa.PrimaryKeyConstraint("article_id", other, name=op.f(f"pk_{link}")),
        )
        op.create_index(op.f(f"ix_{link}_{other}"), link, [other])

    op.create_table(
        "article_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        _utc("modified_at"),
        sa.Column("content_hash", sa.String(length=128), nullable=True),
        _utc("captured_at", nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_revisions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_revisions")),
    )
    op.create_index(op.f("ix_article_revisions_article_id"), "article_revisions", ["article_id"])


def downgrade() -> None:
    # Dropping a table drops its indexes too; children before parents.
    for table in (
        "article_revisions",
        "article_tags",
        "article_authors",
        "articles",
        "crawl_runs",
        "tags",
        "authors",
        "sites",
    ):
        op.drop_table(table)
