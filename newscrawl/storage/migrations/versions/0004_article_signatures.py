"""MinHash signatures for near-duplicate detection; an index on articles.duplicate_of.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 15:20:00

A new table and an index, not a change to ``articles``' columns: no SQLite
batch rebuild, so the FTS triggers of 0002 stay in place. Articles stored
before this revision get a signature when they are next stored.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("dated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_signatures_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_signatures")),
    )
    op.create_index(
        op.f("ix_article_signatures_dated_at"), "article_signatures", ["dated_at"], unique=False
    )
    op.create_index(op.f("ix_articles_duplicate_of"), "articles", ["duplicate_of"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_articles_duplicate_of"), table_name="articles")
    op.drop_index(op.f("ix_article_signatures_dated_at"), table_name="article_signatures")
    op.drop_table("article_signatures")
