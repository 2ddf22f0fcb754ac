"""The `analysis` table: sentiment, themes and flags per answer, one summary per interview.

Owns `AnalysisRepository`. Results are replaced, never added to, so analysing again (after
an edit, with a better model) is always safe. What the results mean and how they are
made is `engine.analysis`. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, delete, insert, or_, select

from exitbot_desktop.engine.records import AnalysisEntry
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.digests import Digests
from exitbot_desktop.engine.store.driver import DriverStatement
from exitbot_desktop.engine.store.models import AnalysisRow, Answer, Base, utcnow

ANSWER_KINDS = ("sentiment", "themes", "flags")
_ANALYSIS = Base.metadata.tables[AnalysisRow.__tablename__]
# They run inside every answer's commit, so they go straight through the driver.
_FORGET_ANSWER = DriverStatement(
    delete(_ANALYSIS).where(
        _ANALYSIS.c.answer_id == bindparam("answer_id"),
        or_(*(_ANALYSIS.c.kind == kind for kind in ANSWER_KINDS)),  # not IN: see driver.py
    )
)
_INSERT = DriverStatement(insert(_ANALYSIS))
_ANSWERS = Base.metadata.tables[Answer.__tablename__]
_ANSWER_NOW = select(_ANSWERS.c.status, _ANSWERS.c.text, _ANSWERS.c.value).where(
    _ANSWERS.c.id == bindparam("answer_id")
)
SUMMARY = "summary"


class AnalysisRepository:
    def __init__(self, database: Database, digests: Digests) -> None:
        self._db = database
        self._digests = digests

    def for_interview(self, interview_id: int) -> list[AnalysisEntry]:
        with self._db.transaction() as s:
            rows = s.execute(
                select(
                    AnalysisRow.answer_id,
                    AnalysisRow.kind,
                    AnalysisRow.payload,
                    AnalysisRow.provenance,
                ).where(AnalysisRow.interview_id == interview_id)
            ).all()
        return [AnalysisEntry(a, k, p, v) for a, k, p, v in rows]

    def replace_for_answer(
        self,
        interview_id: int,
        answer_id: int,
        entries: Sequence[AnalysisEntry],
        *,
        if_answer_is: tuple[str, str | None, Any] | None = None,
    ) -> bool:
        """Put `entries` in place of the answer's earlier results.

        With `if_answer_is` (status, text, value), nothing is written when the answer
        changed or went since it was read (False): the newer version gets its own run.
        Driver statements (`DriverStatement`): this runs inside every answer's commit.
        """
        with self._db.connection() as conn, self._db.driver_cursor() as cursor:
            if if_answer_is is not None:
                now = conn.execute(_ANSWER_NOW, {"answer_id": answer_id}).one_or_none()
                if now is None or tuple(now) != if_answer_is:
                    return False
            self._digests.touched(interview_id)
            dialect, created = self._db.dialect, utcnow()
            _FORGET_ANSWER.run(cursor, dialect, {"answer_id": answer_id})
            for entry in entries:
                _INSERT.run(
                    cursor,
                    dialect,
                    {
                        "interview_id": interview_id,
                        "answer_id": answer_id,
                        "kind": entry.kind,
                        "payload": entry.payload,
                        "provenance": entry.provenance,
                        "created_at": created,
                    },
                )
        return True

    def replace_summary(self, interview_id: int, text: str, provenance: str) -> None:
        with self._db.transaction() as s:
            self._digests.touched(interview_id)
            s.execute(
                delete(AnalysisRow).where(
                    AnalysisRow.interview_id == interview_id, AnalysisRow.kind == SUMMARY
                )
            )
            s.add(
                AnalysisRow(
                    interview_id=interview_id,
                    answer_id=None,
                    kind=SUMMARY,
                    payload={"text": text},
                    provenance=provenance,
                )
            )
