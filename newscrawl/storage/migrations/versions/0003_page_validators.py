"""HTTP validators (ETag, Last-Modified) of listing, feed and sitemap pages.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 14:40:00

A new table, not a change to ``articles``: no SQLite batch rebuild, so the
FTS triggers of 0002 stay in place.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "page_validators",
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("etag", sa.String(length=512), nullable=True),
        sa.Column("last_modified", sa.String(length=64), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_page_validators")),
    )


def downgrade() -> None:
    op.drop_table("page_validators")
