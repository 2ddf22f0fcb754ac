"""Schema 4: `interview_digests`, the facts the aggregates count, one row per completed
interview (see `store/digests.py`).

The rows are not written here: the store builds any missing ones when it opens the
database, with the code that keeps them current afterwards.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interview_digests",
        sa.Column(
            "interview_id",
            sa.Integer(),
            sa.ForeignKey("interviews.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("format", sa.Integer(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("interview_digests")
