"""Schema 2: where an interview came from, one main answer per question, erasure indexes.

- `interviews.source` ("station" or "import") replaces the "legacy import" marker that
  ExitBot 0.1 wrote into `llm_backend` for paper interviews.
- A unique index holds each interview to one main answer per question (follow-ups
  repeat their question's id, so they are left out).
- Erasing an interview cascades to its answers and their analysis through `parent_id`
  and `answer_id`; indexes on both keep that from scanning the tables once per answer.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interviews") as batch:
        batch.add_column(
            sa.Column("source", sa.String(20), nullable=False, server_default="station")
        )
    op.execute(
        "UPDATE interviews SET source = 'import', llm_backend = NULL "
        "WHERE llm_backend = 'legacy import'"
    )
    op.create_index(
        "ux_answers_main",
        "answers",
        ["interview_id", "question_id"],
        unique=True,
        sqlite_where=sa.text("is_followup = 0"),
        postgresql_where=sa.text("NOT is_followup"),
    )
    op.create_index("ix_answers_parent", "answers", ["parent_id"])
    op.create_index("ix_analysis_answer", "analysis", ["answer_id"])


def downgrade() -> None:
    raise NotImplementedError("ExitBot never downgrades; restore the copy made before upgrading.")
