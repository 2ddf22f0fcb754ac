"""Bulk reads for aggregates, exports and quotes: narrow rows over many interviews.

Owns `ReportReader`. Reports read thousands of interviews, so these
queries return plain tuples of just the columns asked for, unsorted where the caller
groups anyway, and JSON columns as their raw text where the caller decodes only some
(each distinct text once). Filters become SQL here and nowhere else; times are compared
as DateTime. Reads only. Never imports Qt.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Executable,
    Select,
    Text,
    cast,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import InstrumentedAttribute

from exitbot_desktop.engine.filters import Selection
from exitbot_desktop.engine.metadata import BREAKDOWN_FIELDS, META_FIELD_NAMES, MetaField
from exitbot_desktop.engine.store import db
from exitbot_desktop.engine.store.analysis import SUMMARY
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.models import (
    AnalysisRow,
    Answer,
    Interview,
    InterviewDigest,
    QuestionSetRow,
    json_text,
)
from exitbot_desktop.engine.store.question_sets import StoredQuestionSet
from exitbot_desktop.engine.store.sealing import SEALED
from exitbot_desktop.engine.store.selection_sql import NO_FLAGS_JSON, selection_conditions


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


# (id, status, month started, month completed, current question id, *breakdown field
# values): see `ReportReader.interview_facts`.
InterviewFact = tuple[Any, ...]

# (interview id, question id, status, is follow-up (0/1), parent answer id, seconds spent,
# text length or None): see `ReportReader.answer_facts`.
AnswerFact = tuple[int, str, str, int, int | None, float, Any]


# (interview id, answer id, question id, status, raw value as JSON text, text, is
# follow-up (0/1), follow-up question, seconds spent): see `answers_for_export`.
AnswerExportRow = tuple[int, int, str, str, Any, str | None, int, str | None, float]

# (interview id, answer id or None, kind, provenance, payload as JSON text or None): see
# `ReportReader.analysis`.
AnalysisFact = tuple[int, int | None, str, str, str | None]


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
        ).where(*selection_conditions(selection, self._db))
        with self._db.connection() as c:
            rows: list[Any] = list(c.execute(query))
        if self._db.sealer is not None:
            rows = [self._opened_interview(row) for row in rows]
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

    @property
    def counts_in_sql(self) -> bool:
        """Whether HR's figures are counted by the database (`figure_queries.py`): on a
        server, where moving every digest to the station would cost seconds; the embedded
        file's digests are read and counted in Python, which is quicker there."""
        return not db.is_embedded(self._db.engine)

    def grouped_fields(self) -> tuple[MetaField, ...]:
        """The breakdown fields figures can be grouped by: all of them in the embedded
        file; on a server those it holds in clear, since a sealed value (the location) is
        different in every row (`sealing.py`) and would make every interview a group."""
        if self._db.sealer is None:
            return BREAKDOWN_FIELDS
        return tuple(f for f in BREAKDOWN_FIELDS if f.name not in SEALED[Interview.__tablename__])

    def interview_facts(self, selection: Selection) -> list[InterviewFact]:
        """The selected interviews as the aggregates need them, nothing more.

        (id, status, month started, month completed or None, question reached, then the
        `grouped_fields`' values in that order): one narrow row each, without the
        names and receipt codes `interviews` carries for exports. Months are "YYYY-MM",
        cut from the stored time rather than parsed into a datetime per interview.
        """
        query = select(
            Interview.id,
            Interview.status,
            type_coerce(Interview.created_at, Text),
            type_coerce(Interview.completed_at, Text),
            Interview.current_question_id,
            *(getattr(Interview, f.name) for f in self.grouped_fields()),
        ).where(*selection_conditions(selection, self._db))
        with self._db.connection() as c:
            return [
                (iid, status, _month(started), _month(completed), *rest)
                for iid, status, started, completed, *rest in _plain_rows(c, query)
            ]

    def count(self, selection: Selection) -> int:
        query = (
            select(func.count())
            .select_from(Interview)
            .where(*selection_conditions(selection, self._db))
        )
        with self._db.connection() as c:
            return c.scalar(query) or 0

    def question_sets(self, selection: Selection) -> list[StoredQuestionSet]:
        """The question-set versions the selected interviews used, newest first."""
        used = (
            select(Interview.question_set_pk)
            .where(*selection_conditions(selection, self._db))
            .distinct()
        )
        query = (
            select(
                QuestionSetRow.id,
                QuestionSetRow.set_id,
                QuestionSetRow.version,
                QuestionSetRow.content,
            )
            .where(QuestionSetRow.id.in_(used))
            .order_by(QuestionSetRow.id.desc())
        )
        with self._db.connection() as c:
            return [StoredQuestionSet(*row) for row in c.execute(query)]

    def answer_facts(self, selection: Selection) -> list[AnswerFact]:
        """Every main answer and follow-up of the selection as one narrow tuple.

        For the interviews that have no digest (those not completed, usually few), so the
        rows are found through the interview index rather than a pass over the table.
        `AnswerFact`'s last column is the text's length in characters: the aggregates
        count lengths, never read the words. Plain tuples (`_plain_rows`).
        """
        query = select(
            Answer.interview_id,
            Answer.question_id,
            Answer.status,
            Answer.is_followup,
            Answer.parent_id,
            Answer.seconds_spent,
            func.length(Answer.text) if self._db.sealer is None else Answer.text,
            *(() if self._db.sealer is None else (Answer.id,)),
        ).where(Answer.interview_id.in_(_ids(selection, self._db)))
        with self._db.connection() as c:
            rows = _plain_rows(c, query)
        if self._db.sealer is None:
            return rows
        lengths = [self._open_answer(row[-1], "text", row[-2]) for row in rows]
        return [
            (*row[:-2], None if text is None else len(text))
            for row, text in zip(rows, lengths, strict=True)
        ]

    def digests(self, selection: Selection) -> list[tuple[int, str]]:
        """(interview id, digest as JSON text) of the selection's completed interviews
        (`store/digests.py`): what the aggregates read instead of answers and analysis."""
        query = select(InterviewDigest.interview_id, InterviewDigest.facts).where(
            InterviewDigest.interview_id.in_(_ids(selection, self._db))
        )
        with self._db.connection() as c:
            return _plain_rows(c, query)

    def answers_for_export(self, selection: Selection) -> list[AnswerExportRow]:
        """Every answer of the selection with its words, in storage order (group yourself).

        Plain tuples in `AnswerExportRow`'s column order (`_plain_rows`): an export reads
        every answer, and a named tuple or `Row` per answer costs more than the reading.
        """
        query = select(
            Answer.interview_id,
            Answer.id,
            Answer.question_id,
            Answer.status,
            json_text(Answer.value),
            Answer.text,
            Answer.is_followup,
            Answer.followup_question,
            Answer.seconds_spent,
        ).where(_in_selection(Answer.interview_id, selection, self._db))
        with self._db.connection() as c:
            rows = _plain_rows(c, query)
        if self._db.sealer is None:
            return rows
        return [
            (
                iid,
                aid,
                qid,
                status,
                json.dumps(self._open_answer(aid, "value", json.loads(value))),
                self._open_answer(aid, "text", text),
                is_followup,
                self._open_answer(aid, "followup_question", question),
                spent,
            )
            for iid, aid, qid, status, value, text, is_followup, question, spent in rows
        ]

    def analysis(
        self,
        selection: Selection,
        kinds: Sequence[str],
        *,
        skip_empty_flags: bool = False,
    ) -> list[AnalysisFact]:
        """Analysis results of the selection, payloads as raw JSON text, in storage order.

        Raw text, because most payloads repeat ("themes": ["manager"]) and the caller
        decodes each distinct text once; plain tuples (`_plain_rows`), because there is
        one row per kind and answer, 160,000 for 10,000 interviews.
        """
        conds: list[ColumnElement[bool]] = [
            AnalysisRow.kind.in_(list(kinds)),
            _in_selection(AnalysisRow.interview_id, selection, self._db),
        ]
        if skip_empty_flags:
            # A row written in another format is simply read.
            conds.append(
                or_(
                    AnalysisRow.kind != "flags",
                    func.length(json_text(AnalysisRow.payload)) > len(NO_FLAGS_JSON),
                )
            )
        query = select(
            AnalysisRow.interview_id,
            AnalysisRow.answer_id,
            AnalysisRow.kind,
            AnalysisRow.provenance,
            json_text(AnalysisRow.payload),
        ).where(*conds)
        with self._db.connection() as c:
            rows = _plain_rows(c, query)
        if self._db.sealer is None or SUMMARY not in kinds:
            return rows
        return [
            (
                iid,
                aid,
                kind,
                source,
                self._opened_summary(iid, payload) if kind == SUMMARY else payload,
            )
            for iid, aid, kind, source, payload in rows
        ]

    def known_names(self) -> list[str]:
        """Every employee and manager name in the database (for scrubbing quotes)."""
        columns = (Interview.employee_name, Interview.manager)
        rows: list[Any]
        with self._db.connection() as c:
            if self._db.sealer is None:
                rows = list(c.execute(select(*columns).distinct()))
            else:
                rows = [
                    (
                        self._open_interview(iid, "employee_name", name),
                        self._open_interview(iid, "manager", manager),
                    )
                    for iid, name, manager in c.execute(select(Interview.id, *columns))
                ]
        return sorted({name for pair in rows for name in pair if name})

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
                AnalysisRow.interview_id.in_(_ids(selection, self._db)),
                cast(AnalysisRow.payload, Text).like(f'%"{theme}"%'),
            )
            .limit(limit)
        )
        with self._db.connection() as c:
            if self._db.sealer is None:
                texts = c.scalars(
                    select(Answer.text).where(
                        Answer.id.in_(tagged),
                        func.length(Answer.text).between(min_chars, max_chars),
                    )
                ).all()
            else:  # lengths are known only once the words are opened, here
                opened = (
                    self._open_answer(aid, "text", text)
                    for aid, text in c.execute(
                        select(Answer.id, Answer.text).where(Answer.id.in_(tagged))
                    )
                )
                texts = [t for t in opened if t and min_chars <= len(t) <= max_chars]
        return [t for t in texts if t]

    # A sealing database (`sealing.py`): the words are opened here, on the HR station.
    def _open_answer(self, answer_id: int, column: str, stored: Any) -> Any:
        return self._db.unseal(Answer.__tablename__, column, answer_id, stored)

    def _open_interview(self, interview_id: int, column: str, stored: Any) -> Any:
        return self._db.unseal(Interview.__tablename__, column, interview_id, stored)

    def _opened_summary(self, interview_id: int, payload: str | None) -> str | None:
        if payload is None:
            return None
        summary = self._db.unseal(
            AnalysisRow.__tablename__, "payload", interview_id, json.loads(payload)
        )
        return json.dumps(summary, ensure_ascii=False)

    def _opened_interview(self, row: Any) -> tuple[Any, ...]:
        """An `interviews` query row with its sealed metadata opened (name at 8, meta from 9)."""
        names = ("employee_name", *META_FIELD_NAMES)
        return (
            *row[:8],
            *(
                self._open_interview(row[0], name, value)
                if name in SEALED[Interview.__tablename__]
                else value
                for name, value in zip(names, row[8:], strict=True)
            ),
        )


def _ids(selection: Selection, database: Database) -> Select[int]:
    return select(Interview.id).where(*selection_conditions(selection, database))


def _in_selection(
    interview_id: InstrumentedAttribute[int], selection: Selection, database: Database
) -> ColumnElement[bool]:
    """Rows whose interview is in the selection, checked row by row during one table scan.

    Given `interview_id IN (…)`, SQLite reads the rows through the interview index, one
    search and one table lookup per row, which for a report over most interviews costs
    twice a plain pass over the table. The `+ 0` makes the column an expression no index
    can serve, so SQLite scans the table once and tests each row against the selected
    ids (a Bloom filter first). The pass costs the same whatever the selection, which
    bounds a filtered report by the cost of the full one.
    """
    return (interview_id + 0).in_(_ids(selection, database))


def _month(stored: str | datetime | None) -> str | None:
    """ "YYYY-MM" of a time as the driver returns it (SQLite: ISO text)."""
    if stored is None:
        return None
    return stored[:7] if isinstance(stored, str) else f"{stored:%Y-%m}"


def _plain_rows(connection: Connection, query: Executable) -> list[Any]:
    """All rows of `query` as the driver returns them: plain tuples, no conversion.

    SQLAlchemy binds the parameters and runs the query; the rows are then fetched from
    its DBAPI cursor directly, because building a `Row` per row costs more than reading
    it when there are 150,000. Only for columns whose stored value is what the caller
    wants: integers, floats and text (booleans come back as 0/1; no dates).
    """
    result = connection.execute(query)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()
