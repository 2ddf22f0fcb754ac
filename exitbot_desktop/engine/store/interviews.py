"""Reading and writing interviews and their answers, one transaction per change.

Each public write is its own transaction on purpose: the moment a call returns, the
answer is on disk (synchronous=FULL), which is what lets an interview survive a crash.
Callers get frozen dataclasses, never ORM objects. Never imports Qt.
"""

from __future__ import annotations

import calendar
import secrets
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import selectinload

from exitbot_desktop.engine import audit
from exitbot_desktop.engine.errors import InterviewStateError
from exitbot_desktop.engine.followup import Followup
from exitbot_desktop.engine.store.models import (
    Answer,
    Interview,
    QuestionSetRow,
    utcnow,
)
from exitbot_desktop.engine.store.vault import Store

_RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


# Stored ids → the words reports print. The station offers these, the import of paper
# interviews maps years onto them, so breakdowns and filters see one set of groups.
TENURE_BANDS: dict[str, str] = {
    "<1": "Less than 1 year",
    "1-2": "1 to 2 years",
    "2-5": "2 to 5 years",
    "5-10": "5 to 10 years",
    "10+": "More than 10 years",
}


def tenure_band(years: float) -> str:
    """The tenure band id for a length of service in years."""
    for limit, band in ((1, "<1"), (2, "1-2"), (5, "2-5"), (10, "5-10")):
        if years < limit:
            return band
    return "10+"


@dataclass(frozen=True)
class InterviewMeta:
    """What HR fills in when arming the station; every field is optional by policy."""

    department: str | None = None
    role: str | None = None
    tenure_band: str | None = None
    location: str | None = None
    manager: str | None = None
    leaving_date: str | None = None  # ISO date
    leaving_type: str | None = None  # voluntary | involuntary
    anonymous: bool = True
    employee_name: str | None = None

    def as_conditions(self) -> dict[str, str]:
        """Metadata as question conditions see it (unset fields are absent)."""
        return {
            f.name: str(getattr(self, f.name))
            for f in fields(self)
            if f.name not in ("anonymous", "employee_name") and getattr(self, f.name)
        }


@dataclass(frozen=True)
class AnswerRecord:
    id: int
    question_id: str
    status: str  # answered | skipped | prefer_not | pending (a follow-up not yet replied to)
    value: Any
    text: str | None
    is_followup: bool
    parent_id: int | None
    followup_question: str | None
    followup_source: str | None
    followup_model: str | None
    guard_reason: str | None
    seconds_spent: float
    updated_at: datetime


@dataclass(frozen=True)
class InterviewRecord:
    id: int
    status: str  # created | in_progress | declined | completed | discarded
    receipt_code: str | None
    language: str
    meta: InterviewMeta
    question_set: dict[str, Any]
    created_at: datetime
    completed_at: datetime | None
    current_question_id: str | None
    in_review: bool
    draft_question_id: str | None
    draft_text: str | None
    needs_care: bool
    answers: tuple[AnswerRecord, ...]

    def main_answers(self) -> dict[str, AnswerRecord]:
        return {a.question_id: a for a in self.answers if not a.is_followup}

    def followups_for(self, question_id: str) -> list[AnswerRecord]:
        return [a for a in self.answers if a.is_followup and a.question_id == question_id]


class InterviewRepository:
    """All interview persistence goes through here."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def snapshot_question_set(self, content: dict[str, Any]) -> int:
        """The row holding this exact set version, created the first time it is used."""
        set_id, version = str(content["id"]), int(content["version"])
        with self._store.session() as s:
            row = s.scalar(
                select(QuestionSetRow).where(
                    QuestionSetRow.set_id == set_id, QuestionSetRow.version == version
                )
            )
            if row is None:
                row = QuestionSetRow(set_id=set_id, version=version, content=content)
                s.add(row)
                s.flush()
            return row.id

    def create(self, question_set_pk: int, language: str, meta: InterviewMeta) -> int:
        with self._store.session() as s:
            interview = Interview(
                question_set_pk=question_set_pk,
                language=language,
                status="created",
                **{f.name: getattr(meta, f.name) for f in fields(meta)},
            )
            if interview.anonymous:
                interview.employee_name = None
            s.add(interview)
            s.flush()
            return interview.id

    def load(self, interview_id: int) -> InterviewRecord:
        with self._store.session() as s:
            row = s.scalar(
                select(Interview)
                .where(Interview.id == interview_id)
                .options(selectinload(Interview.answers), selectinload(Interview.question_set))
            )
            if row is None:
                raise InterviewStateError(f"Interview {interview_id} does not exist.")
            return _record(row)

    def unfinished(self) -> list[InterviewRecord]:
        """Interviews started but neither submitted, declined nor discarded: offered for resume."""
        with self._store.session() as s:
            rows = s.scalars(
                select(Interview)
                .where(Interview.status.in_(("created", "in_progress")))
                .options(selectinload(Interview.answers), selectinload(Interview.question_set))
                .order_by(Interview.updated_at.desc())
            ).all()
            return [_record(r) for r in rows]

    def find_by_receipt(self, receipt_code: str) -> InterviewRecord | None:
        code = receipt_code.strip().upper()
        with self._store.session() as s:
            row = s.scalar(select(Interview.id).where(Interview.receipt_code == code))
        return None if row is None else self.load(row)

    def set_status(self, interview_id: int, status: str) -> None:
        with self._store.session() as s:
            row = _get(s, interview_id)
            row.status = status
            if status == "in_progress" and row.consented_at is None:
                row.consented_at = utcnow()
            if status in ("declined", "discarded"):
                # Keep only the fact and HR's metadata: no name, no draft, no answers.
                row.draft_text = None
                row.draft_question_id = None
                row.employee_name = None
                row.answers.clear()

    def set_position(self, interview_id: int, question_id: str | None, in_review: bool) -> None:
        with self._store.session() as s:
            row = _get(s, interview_id)
            row.current_question_id = question_id
            row.in_review = in_review

    def save_draft(self, interview_id: int, question_id: str | None, text: str | None) -> None:
        with self._store.session() as s:
            row = _get(s, interview_id)
            row.draft_question_id = question_id
            row.draft_text = text

    def flag_care(self, interview_id: int) -> None:
        with self._store.session() as s:
            _get(s, interview_id).needs_care = True

    def save_answer(
        self,
        interview_id: int,
        question_id: str,
        *,
        status: str,
        value: Any,
        text: str | None,
        seconds: float,
    ) -> int:
        """Insert or replace the main answer, and clear the draft it came from, atomically."""
        with self._store.session() as s:
            interview = _get(s, interview_id)
            answer = s.scalar(
                select(Answer).where(
                    Answer.interview_id == interview_id,
                    Answer.question_id == question_id,
                    Answer.is_followup.is_(False),
                )
            )
            if answer is None:
                answer = Answer(interview_id=interview_id, question_id=question_id)
                s.add(answer)
                answer.seconds_spent = 0.0
            answer.status = status
            answer.value = value
            answer.text = text
            answer.seconds_spent = (answer.seconds_spent or 0.0) + seconds
            if interview.draft_question_id == question_id:
                interview.draft_question_id = None
                interview.draft_text = None
            interview.updated_at = utcnow()
            s.flush()
            return answer.id

    def add_followup(
        self, interview_id: int, question_id: str, parent_id: int, followup: Followup
    ) -> int:
        with self._store.session() as s:
            answer = Answer(
                interview_id=interview_id,
                question_id=question_id,
                parent_id=parent_id,
                is_followup=True,
                status="pending",
                value=None,
                followup_question=followup.text,
                followup_source=followup.source,
                followup_model=followup.model or None,
                guard_reason=followup.guard_reason or None,
                seconds_spent=0.0,
            )
            s.add(answer)
            s.flush()
            return answer.id

    def reply_followup(
        self, answer_id: int, *, status: str, text: str | None, seconds: float
    ) -> None:
        with self._store.session() as s:
            answer = s.get(Answer, answer_id)
            if answer is None or not answer.is_followup:
                raise InterviewStateError("That follow-up question does not exist.")
            answer.status = status
            answer.text = text
            answer.value = text
            answer.seconds_spent = (answer.seconds_spent or 0.0) + seconds

    def complete(self, interview_id: int) -> str:
        """Mark submitted and hand out a receipt code (unique, unambiguous characters)."""
        with self._store.session() as s:
            row = _get(s, interview_id)
            while True:
                code = new_receipt_code()
                if s.scalar(select(Interview.id).where(Interview.receipt_code == code)) is None:
                    break
            row.receipt_code = code
            row.status = "completed"
            row.completed_at = utcnow()
            row.in_review = False
            row.current_question_id = None
            row.draft_text = None
            row.draft_question_id = None
            return code

    def set_feedback(self, interview_id: int, rating: int) -> None:
        with self._store.session() as s:
            _get(s, interview_id).feedback_rating = rating

    def purge_older_than(self, months: int) -> int:
        """Erase every interview last touched more than `months` ago; returns how many.

        This is what the welcome page promises ("kept for N months"). The count goes to
        the audit log in the same transaction; the erased interviews leave no trace.
        """
        if months < 1:
            raise InterviewStateError("Keep interviews for at least one month.")
        cutoff = months_before(utcnow(), months)
        with self._store.session() as s:
            old = Interview.updated_at < cutoff
            count = s.scalar(select(func.count()).select_from(Interview).where(old)) or 0
            s.execute(delete(Interview).where(old))
            audit.record(
                s,
                self._store.actor,
                "retention_purge",
                {"months": months, "cutoff": cutoff.date().isoformat(), "erased": count},
            )
            return count

    def delete(self, interview_id: int) -> None:
        """Erase an interview with all its answers and analysis (an erasure request).

        The audit entry commits with the deletion and keeps only the receipt code.
        """
        with self._store.session() as s:
            receipt = _get(s, interview_id).receipt_code
            s.execute(delete(Interview).where(Interview.id == interview_id))
            audit.record(
                s,
                self._store.actor,
                "interview_erased",
                {"interview_id": interview_id, "receipt_code": receipt},
            )


def new_receipt_code() -> str:
    """A receipt code people can read out: EX- and 8 unambiguous characters."""
    return "EX-" + "".join(secrets.choice(_RECEIPT_ALPHABET) for _ in range(8))


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the 31st becomes the
    month's last day)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _get(session: Any, interview_id: int) -> Interview:
    row: Interview | None = session.get(Interview, interview_id)
    if row is None:
        raise InterviewStateError(f"Interview {interview_id} does not exist.")
    return row


def _record(row: Interview) -> InterviewRecord:
    meta = InterviewMeta(**{f.name: getattr(row, f.name) for f in fields(InterviewMeta)})
    answers = tuple(
        AnswerRecord(
            id=a.id,
            question_id=a.question_id,
            status=a.status,
            value=a.value,
            text=a.text,
            is_followup=a.is_followup,
            parent_id=a.parent_id,
            followup_question=a.followup_question,
            followup_source=a.followup_source,
            followup_model=a.followup_model,
            guard_reason=a.guard_reason,
            seconds_spent=a.seconds_spent,
            updated_at=a.updated_at,
        )
        for a in row.answers
    )
    return InterviewRecord(
        id=row.id,
        status=row.status,
        receipt_code=row.receipt_code,
        language=row.language,
        meta=meta,
        question_set=row.question_set.content,
        created_at=row.created_at,
        completed_at=row.completed_at,
        current_question_id=row.current_question_id,
        in_review=row.in_review,
        draft_question_id=row.draft_question_id,
        draft_text=row.draft_text,
        needs_care=row.needs_care,
        answers=answers,
    )
