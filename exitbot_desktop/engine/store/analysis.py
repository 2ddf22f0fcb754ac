"""The `analysis` table: sentiment, themes and flags per answer, one summary per interview.

Owns `AnalysisRepository`. Results are replaced, never added to, so analysing again (after
an edit, with a better model) is always safe. What the results mean and how they are
made is `engine.analysis`. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select

from exitbot_desktop.engine.records import AnalysisEntry
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.models import AnalysisRow, Answer

ANSWER_KINDS = ("sentiment", "themes", "flags")
SUMMARY = "summary"


class AnalysisRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

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
        """
        with self._db.transaction() as s:
            if if_answer_is is not None:
                answer = s.get(Answer, answer_id)
                now = (answer.status, answer.text, answer.value) if answer is not None else None
                if now != if_answer_is:
                    return False
            s.execute(
                delete(AnalysisRow).where(
                    AnalysisRow.interview_id == interview_id,
                    AnalysisRow.kind.in_(ANSWER_KINDS),
                    AnalysisRow.answer_id == answer_id,
                )
            )
            s.add_all(
                AnalysisRow(
                    interview_id=interview_id,
                    answer_id=answer_id,
                    kind=entry.kind,
                    payload=entry.payload,
                    provenance=entry.provenance,
                )
                for entry in entries
            )
            return True

    def replace_summary(self, interview_id: int, text: str, provenance: str) -> None:
        with self._db.transaction() as s:
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
