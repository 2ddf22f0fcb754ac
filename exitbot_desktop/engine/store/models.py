"""SQLAlchemy ORM tables. Only `store/` sees these; everything else gets dataclasses.

Times are naive UTC (`utcnow()`), the database has no time zone of its own.
Never imports Qt.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from exitbot_desktop.engine.records import AnswerStatus, InterviewSource, InterviewStatus


class _MainAnswer(ColumnElement[bool]):
    """The condition of the partial unique index on main answers. An upsert's conflict
    target must state it exactly as the index does for the database to match the two,
    and each dialect's index states it its own way: SQLite compares with 0 (schema 2 made
    it so), PostgreSQL has no boolean = integer."""

    inherit_cache = True
    type = Boolean()


@compiles(_MainAnswer)
def _main_answer_sqlite(_element: _MainAnswer, _compiler: Any, **_kw: Any) -> str:
    return "is_followup = 0"


@compiles(_MainAnswer, "postgresql")
def _main_answer_postgresql(_element: _MainAnswer, _compiler: Any, **_kw: Any) -> str:
    return "NOT is_followup"


MAIN_ANSWER = _MainAnswer()


class json_text(FunctionElement[str]):  # noqa: N801 (reads as the SQL function it is)
    """A JSON column's stored text, for reading many rows raw or matching with LIKE.

    SQLite keeps JSON as text already, so there it is the bare column (a CAST would cost
    on 160,000 analysis rows); PostgreSQL's `json` type needs the CAST, or psycopg
    hands back parsed objects and `length()` has no `json` form."""

    type = Text()
    inherit_cache = True
    name = "json_text"


@compiles(json_text)
def _json_text_sqlite(element: json_text, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(json_text, "postgresql")
def _json_text_postgresql(element: json_text, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS TEXT)"


def utcnow() -> datetime:
    """Naive UTC: what SQLite stores and compares as text."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class HrAccount(Base):
    """HR officers by name; their password material lives only in the key file."""

    __tablename__ = "hr_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)


class QuestionSetRow(Base):
    """The exact question set version an interview used, kept even after edits."""

    __tablename__ = "question_sets"

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (Index("ix_question_sets_set_version", "set_id", "version", unique=True),)


class Interview(Base):
    __tablename__ = "interviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[InterviewStatus] = mapped_column(String(20), default="created")
    source: Mapped[InterviewSource] = mapped_column(
        String(20), default="station", server_default="station"
    )
    receipt_code: Mapped[str | None] = mapped_column(String(20), unique=True)
    question_set_pk: Mapped[int] = mapped_column(ForeignKey("question_sets.id"))
    language: Mapped[str] = mapped_column(String(10))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    employee_name: Mapped[str | None] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    tenure_band: Mapped[str | None] = mapped_column(String(50))
    location: Mapped[str | None] = mapped_column(String(200))
    manager: Mapped[str | None] = mapped_column(String(200))
    leaving_date: Mapped[str | None] = mapped_column(String(10))
    leaving_type: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    consented_at: Mapped[datetime | None] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    current_question_id: Mapped[str | None] = mapped_column(String(100))
    in_review: Mapped[bool] = mapped_column(Boolean, default=False)
    draft_question_id: Mapped[str | None] = mapped_column(String(100))
    draft_text: Mapped[str | None] = mapped_column(Text)
    feedback_rating: Mapped[int | None] = mapped_column(Integer)
    needs_care: Mapped[bool] = mapped_column(Boolean, default=False)
    llm_backend: Mapped[str | None] = mapped_column(String(100))
    regrettable: Mapped[bool | None] = mapped_column(Boolean)  # HR's judgement; None: not yet
    hr_note: Mapped[str | None] = mapped_column(Text)  # private to HR
    # Set by a station's queue, which delivers the interview to a server (`delivery.py`).
    station_ref: Mapped[str | None] = mapped_column(String(32))

    question_set: Mapped[QuestionSetRow] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", order_by="Answer.id"
    )

    __table_args__ = (
        Index("ix_interviews_created_at", "created_at"),
        Index("ix_interviews_completed_at", "completed_at"),
        Index("ix_interviews_department", "department"),
        Index("ix_interviews_status", "status"),
        Index("ix_interviews_station_ref", "station_ref", unique=True),
    )


class Answer(Base):
    """One answer to a main question, or one follow-up (its question and the reply)."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(100))
    status: Mapped[AnswerStatus] = mapped_column(String(20))
    value: Mapped[Any] = mapped_column(JSON)
    text: Mapped[str | None] = mapped_column(Text)
    is_followup: Mapped[bool] = mapped_column(Boolean, default=False)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))
    followup_question: Mapped[str | None] = mapped_column(Text)
    followup_source: Mapped[str | None] = mapped_column(String(50))
    followup_model: Mapped[str | None] = mapped_column(String(200))
    guard_reason: Mapped[str | None] = mapped_column(String(200))
    seconds_spent: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    interview: Mapped[Interview] = relationship(back_populates="answers")

    __table_args__ = (
        Index("ix_answers_interview_question", "interview_id", "question_id"),
        # One main answer per question; follow-ups repeat the question id.
        Index(
            "ux_answers_main",
            "interview_id",
            "question_id",
            unique=True,
            sqlite_where=MAIN_ANSWER,
            postgresql_where=MAIN_ANSWER,
        ),
        # Erasing cascades through these foreign keys; without an index each deleted
        # answer would scan the whole table.
        Index("ix_answers_parent", "parent_id"),
    )


class AnalysisRow(Base):
    """Sentiment, themes, flags or a summary, with what produced it."""

    __tablename__ = "analysis"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"))
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # sentiment | themes | flags | summary
    payload: Mapped[Any] = mapped_column(JSON)
    provenance: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        Index("ix_analysis_interview_kind", "interview_id", "kind"),
        Index("ix_analysis_answer", "answer_id"),
    )


class InterviewDigest(Base):
    """The facts the aggregates count for one completed interview (see `digests.py`)."""

    __tablename__ = "interview_digests"

    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), primary_key=True
    )
    format: Mapped[int] = mapped_column(Integer)  # `digests.FORMAT` when it was written
    facts: Mapped[str] = mapped_column(Text)  # JSON


class AuditEntry(Base):
    """One audit log line; `hash` covers the line and the previous line's hash."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    detail: Mapped[Any] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
