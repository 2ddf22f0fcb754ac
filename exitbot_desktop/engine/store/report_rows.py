"""Bulk reads for aggregates, exports and quotes: narrow rows over many interviews.

Owns `ReportReader`. Reports read thousands of interviews, so these
queries return plain tuples of just the columns asked for, unsorted where the caller
groups anyway, and JSON columns as their raw text where the caller decodes only some
(each distinct text once). Filters become SQL here and nowhere else; times are compared
as DateTime. Reads only. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, time, timedelta
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, Text, case, cast, func, or_, select, type_coerce

from exitbot_desktop.engine.filters import Selection
from exitbot_desktop.engine.metadata import META_FIELD_NAMES
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.models import AnalysisRow, Answer, Interview, QuestionSetRow
from exitbot_desktop.engine.store.question_sets import StoredQuestionSet


class InterviewRow(NamedTuple):
    id: int
    status: str
    question_set_pk: int
    current_question_id: str | None
    created_at: datetime
    completed_at: datetime | None
    language: str
    receipt_code: str | None
    employee_name: str | None
    meta: tuple[str | None, ...]  # META_FIELDS' values, in that order


class AnswerStatsRow(NamedTuple):
    interview_id: int
    question_id: str
    status: str
    is_followup: bool
    parent_id: int | None
    seconds_spent: float
    text_length: int | None
    raw_value: Any  # JSON text, only for the `closed` questions asked for (else None)


class AnswerExportRow(NamedTuple):
    interview_id: int
    id: int
    question_id: str
    status: str
    raw_value: Any  # JSON text
    text: str | None
    is_followup: bool
    followup_question: str | None
    seconds_spent: float


class AnalysisRowTuple(NamedTuple):
    interview_id: int
    answer_id: int | None
    kind: str
    provenance: str
    raw_payload: Any  # JSON text


# How the JSON column stores an empty flags payload (nearly every answer has one).
_NO_FLAGS_JSON = '{"flags": []}'


class ReportReader:
    def __init__(self, database: Database) -> None:
        self._db = database

    def interviews(self, selection: Selection) -> list[InterviewRow]:
        meta = [getattr(Interview, name) for name in META_FIELD_NAMES]
        query = select(
            Interview.id,
            Interview.status,
            Interview.question_set_pk,
            Interview.current_question_id,
            Interview.created_at,
            Interview.completed_at,
            Interview.language,
            Interview.receipt_code,
            Interview.employee_name,
            *meta,
        ).where(*_conditions(selection))
        with self._db.transaction() as s:
            rows = s.connection().execute(query).all()
        return [
            InterviewRow(
                id=row[0],
                status=row[1],
                question_set_pk=row[2],
                current_question_id=row[3],
                created_at=row[4],
                completed_at=row[5],
                language=row[6],
                receipt_code=row[7],
                employee_name=row[8],
                meta=tuple(row[9:]),
            )
            for row in rows
        ]

    def count(self, selection: Selection) -> int:
        with self._db.transaction() as s:
            query = select(func.count()).select_from(Interview).where(*_conditions(selection))
            return s.scalar(query) or 0

    def question_sets(self, selection: Selection) -> list[StoredQuestionSet]:
        """The question-set versions the selected interviews used, newest first."""
        used = select(Interview.question_set_pk).where(*_conditions(selection)).distinct()
        with self._db.transaction() as s:
            rows = s.scalars(
                select(QuestionSetRow)
                .where(QuestionSetRow.id.in_(used))
                .order_by(QuestionSetRow.id.desc())
            ).all()
            return [StoredQuestionSet(r.id, r.set_id, r.version, r.content) for r in rows]

    def answer_stats(
        self, selection: Selection, closed_question_ids: Sequence[str]
    ) -> Iterator[AnswerStatsRow]:
        """Every answer of the selection, narrow; values only for closed questions."""
        raw_value = case(
            (Answer.question_id.in_(list(closed_question_ids)), type_coerce(Answer.value, Text))
        )
        query = select(
            Answer.interview_id,
            Answer.question_id,
            Answer.status,
            Answer.is_followup,
            Answer.parent_id,
            Answer.seconds_spent,
            func.length(Answer.text),
            raw_value,
        ).where(Answer.interview_id.in_(_ids(selection)))
        with self._db.transaction() as s:
            for row in s.connection().execute(query):
                yield AnswerStatsRow(*row)

    def answers_for_export(self, selection: Selection) -> list[AnswerExportRow]:
        """Every answer of the selection with its words, in storage order (group yourself)."""
        query = select(
            Answer.interview_id,
            Answer.id,
            Answer.question_id,
            Answer.status,
            type_coerce(Answer.value, Text),
            Answer.text,
            Answer.is_followup,
            Answer.followup_question,
            Answer.seconds_spent,
        ).where(Answer.interview_id.in_(_ids(selection)))
        with self._db.transaction() as s:
            return [AnswerExportRow(*row) for row in s.connection().execute(query)]

    def analysis(
        self, selection: Selection, kinds: Sequence[str], *, skip_empty_flags: bool = False
    ) -> Iterator[AnalysisRowTuple]:
        """Analysis results of the selection, payloads as raw JSON text."""
        conds: list[ColumnElement[bool]] = [
            AnalysisRow.kind.in_(list(kinds)),
            AnalysisRow.interview_id.in_(_ids(selection)),
        ]
        if skip_empty_flags:
            # A row written in another format is simply read.
            conds.append(
                or_(
                    AnalysisRow.kind != "flags",
                    func.length(AnalysisRow.payload) > len(_NO_FLAGS_JSON),
                )
            )
        query = select(
            AnalysisRow.interview_id,
            AnalysisRow.answer_id,
            AnalysisRow.kind,
            AnalysisRow.provenance,
            type_coerce(AnalysisRow.payload, Text),
        ).where(*conds)
        with self._db.transaction() as s:
            for row in s.connection().execute(query):
                yield AnalysisRowTuple(*row)

    def known_names(self) -> list[str]:
        """Every employee and manager name in the database (for scrubbing quotes)."""
        with self._db.transaction() as s:
            rows = s.execute(select(Interview.employee_name, Interview.manager).distinct()).all()
        return [name for pair in rows for name in pair if name]

    def quote_candidates(
        self, selection: Selection, theme: str, *, limit: int, min_chars: int, max_chars: int
    ) -> list[str]:
        """Free-text answers of the selection tagged with `theme`, of a readable length."""
        # The payload is JSON text; a LIKE on the quoted name finds the rows without
        # unpacking every payload.
        tagged = (
            select(AnalysisRow.answer_id)
            .where(
                AnalysisRow.kind == "themes",
                AnalysisRow.interview_id.in_(_ids(selection)),
                cast(AnalysisRow.payload, Text).like(f'%"{theme}"%'),
            )
            .limit(limit)
        )
        with self._db.transaction() as s:
            texts = s.scalars(
                select(Answer.text).where(
                    Answer.id.in_(tagged), func.length(Answer.text).between(min_chars, max_chars)
                )
            ).all()
        return [t for t in texts if t]


def _ids(selection: Selection) -> Select[int]:
    return select(Interview.id).where(*_conditions(selection))


def _conditions(selection: Selection) -> list[ColumnElement[bool]]:
    """SQL conditions on `Interview` (bound parameters, never formatted text)."""
    filters = selection.filters
    conds: list[ColumnElement[bool]] = []
    if filters.date_from:
        conds.append(Interview.created_at >= datetime.combine(filters.date_from, time()))
    if filters.date_to:
        end = datetime.combine(filters.date_to + timedelta(days=1), time())
        conds.append(Interview.created_at < end)
    for name, value in filters.metadata().items():
        conds.append(getattr(Interview, name) == value)
    if selection.receipt_code:
        conds.append(Interview.receipt_code == selection.receipt_code.strip().upper())
    if selection.statuses is not None:
        conds.append(Interview.status.in_(selection.statuses))
    return conds
