"""Schema 1, as ExitBot 0.1 created it (the baseline every database starts from).

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.JSON(), nullable=False),
    )
    op.create_table(
        "hr_accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime()),
    )
    op.create_table(
        "question_sets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("set_id", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "ix_question_sets_set_version", "question_sets", ["set_id", "version"], unique=True
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(50), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "interviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("receipt_code", sa.String(20), unique=True),
        sa.Column(
            "question_set_pk", sa.Integer(), sa.ForeignKey("question_sets.id"), nullable=False
        ),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("employee_name", sa.String(200)),
        sa.Column("department", sa.String(200)),
        sa.Column("role", sa.String(200)),
        sa.Column("tenure_band", sa.String(50)),
        sa.Column("location", sa.String(200)),
        sa.Column("manager", sa.String(200)),
        sa.Column("leaving_date", sa.String(10)),
        sa.Column("leaving_type", sa.String(20)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("consented_at", sa.DateTime()),
        sa.Column("completed_at", sa.DateTime()),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("current_question_id", sa.String(100)),
        sa.Column("in_review", sa.Boolean(), nullable=False),
        sa.Column("draft_question_id", sa.String(100)),
        sa.Column("draft_text", sa.Text()),
        sa.Column("feedback_rating", sa.Integer()),
        sa.Column("needs_care", sa.Boolean(), nullable=False),
        sa.Column("llm_backend", sa.String(100)),
    )
    for column in ("department", "created_at", "status", "completed_at"):
        op.create_index(f"ix_interviews_{column}", "interviews", [column])
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "interview_id",
            sa.Integer(),
            sa.ForeignKey("interviews.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("question_id", sa.String(100), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text()),
        sa.Column("is_followup", sa.Boolean(), nullable=False),
        sa.Column("parent_id", sa.Integer(), sa.ForeignKey("answers.id", ondelete="CASCADE")),
        sa.Column("followup_question", sa.Text()),
        sa.Column("followup_source", sa.String(50)),
        sa.Column("followup_model", sa.String(200)),
        sa.Column("guard_reason", sa.String(200)),
        sa.Column("seconds_spent", sa.Float(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_answers_interview_question", "answers", ["interview_id", "question_id"])
    op.create_table(
        "analysis",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "interview_id",
            sa.Integer(),
            sa.ForeignKey("interviews.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("answer_id", sa.Integer(), sa.ForeignKey("answers.id", ondelete="CASCADE")),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("provenance", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_analysis_interview_kind", "analysis", ["interview_id", "kind"])


def downgrade() -> None:
    raise NotImplementedError("ExitBot never downgrades; restore the copy made before upgrading.")
