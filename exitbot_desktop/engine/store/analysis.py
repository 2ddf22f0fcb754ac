"""The `analysis` table: sentiment, themes and flags per answer, one summary per interview.

Owns `AnalysisRepository`. Results are replaced, never added to, so analysing again (after
an edit, with a better model) is always safe. A result HR corrected (provenance
`CORRECTED_BY_HR`) is kept over any later analysis of the same answer: the machine does not
overrule the officer. What the results mean and how they are made is `engine.analysis`.
Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, delete, insert, or_, select
from sqlalchemy.orm import Session

from exitbot_desktop.engine.errors import InterviewStateError, StaleEditError
from exitbot_desktop.engine.records import CORRECTED_BY_HR, AnalysisEntry, SeenAnalysis
from exitbot_desktop.engine.store.audit_log import AuditLog
from exitbot_desktop.engine.store.database import Database
from exitbot_desktop.engine.store.digests import Digests
from exitbot_desktop.engine.store.driver import DriverStatement
from exitbot_desktop.engine.store.models import AnalysisRow, Answer, Base, Interview, utcnow

ANSWER_KINDS = ("sentiment", "themes", "flags")
_ANALYSIS = Base.metadata.tables[AnalysisRow.__tablename__]
_OF_ANSWER = _ANALYSIS.c.answer_id == bindparam("answer_id")
# They run inside every answer's commit, so they go straight through the driver.
_FORGET_ANSWER = DriverStatement(
    delete(_ANALYSIS).where(
        _OF_ANSWER,
        or_(*(_ANALYSIS.c.kind == kind for kind in ANSWER_KINDS)),  # not IN: see driver.py
        _ANALYSIS.c.provenance != CORRECTED_BY_HR,
    )
)
_CORRECTED_KINDS = DriverStatement(
    select(_ANALYSIS.c.kind).where(_OF_ANSWER, _ANALYSIS.c.provenance == CORRECTED_BY_HR)
)
_INSERT = DriverStatement(insert(_ANALYSIS))
_ANSWERS = Base.metadata.tables[Answer.__tablename__]
_ANSWER_NOW = select(_ANSWERS.c.status, _ANSWERS.c.text, _ANSWERS.c.value).where(
    _ANSWERS.c.id == bindparam("answer_id")
)
SUMMARY = "summary"


class AnalysisRepository:
    def __init__(self, database: Database, digests: Digests, audit: AuditLog) -> None:
        self._db = database
        self._digests = digests
        self._audit = audit

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
        return [
            AnalysisEntry(a, k, self._opened_summary(interview_id, p) if k == SUMMARY else p, v)
            for a, k, p, v in rows
        ]

    def replace_for_answer(
        self,
        interview_id: int,
        answer_id: int,
        entries: Sequence[AnalysisEntry],
        *,
        if_answer_is: tuple[str, str | None, Any] | None = None,
    ) -> bool:
        """Put `entries` in place of the answer's earlier results, except where HR
        corrected a kind of result: that stays, and the entry of that kind is dropped.

        With `if_answer_is` (status, text, value), nothing is written when the answer
        changed or went since it was read (False): the newer version gets its own run.
        Driver statements (`DriverStatement`): this runs inside every answer's commit.
        """
        with self._db.connection() as conn, self._db.driver_cursor() as cursor:
            if if_answer_is is not None:
                now = conn.execute(_ANSWER_NOW, {"answer_id": answer_id}).one_or_none()
                if now is None:
                    return False
                status, text, value = now
                words = (
                    self._db.unseal(_ANSWERS.name, "text", answer_id, text),
                    self._db.unseal(_ANSWERS.name, "value", answer_id, value),
                )
                if (status, *words) != if_answer_is:
                    return False
            self._digests.touched(interview_id)
            dialect, created = self._db.dialect, utcnow()
            _FORGET_ANSWER.run(cursor, dialect, {"answer_id": answer_id})
            kept = {
                kind for (kind,) in _CORRECTED_KINDS.rows(cursor, dialect, {"answer_id": answer_id})
            }
            for entry in entries:
                if entry.kind in kept:
                    continue
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

    def correct(
        self,
        interview_id: int,
        answer_id: int,
        entries: Sequence[AnalysisEntry],
        *,
        seen: SeenAnalysis | None = None,
    ) -> list[str]:
        """HR's own results for an answer, replacing whatever produced that kind before,
        kept over later analysis; audited with the kinds that changed (never the words).
        Returns those kinds; nothing is written or audited when nothing changed.

        `seen` is the analysis as this officer's screen showed it: when someone else
        corrected the answer since (or it was analysed again), nothing is written and
        `StaleEditError` says so. The answer's row is locked while it is compared.
        """
        kinds = [entry.kind for entry in entries]
        with self._db.transaction() as s:
            answer = s.get(Answer, answer_id, with_for_update=True)
            if answer is None or answer.interview_id != interview_id:
                raise InterviewStateError("That answer no longer exists; reload the interview.")
            if seen is not None and self._seen_now(s, answer_id) != seen:
                raise StaleEditError(
                    "Someone else changed the analysis of this answer while you were "
                    "correcting it, so your correction was not saved. Open the interview "
                    "again to see theirs, then correct it again if you still need to."
                )
            now = {
                row.kind: (row.payload, row.provenance)
                for row in s.scalars(
                    select(AnalysisRow).where(
                        AnalysisRow.answer_id == answer_id, AnalysisRow.kind.in_(kinds)
                    )
                )
            }
            changed = sorted(
                e.kind for e in entries if now.get(e.kind) != (e.payload, CORRECTED_BY_HR)
            )
            if not changed:
                return []
            s.execute(
                delete(AnalysisRow).where(
                    AnalysisRow.answer_id == answer_id, AnalysisRow.kind.in_(changed)
                )
            )
            for entry in entries:
                if entry.kind in changed:
                    s.add(
                        AnalysisRow(
                            interview_id=interview_id,
                            answer_id=answer_id,
                            kind=entry.kind,
                            payload=entry.payload,
                            provenance=CORRECTED_BY_HR,
                        )
                    )
            self._digests.touched(interview_id)
            receipt = s.scalar(select(Interview.receipt_code).where(Interview.id == interview_id))
            self._audit.record(
                "analysis_corrected",
                {
                    "interview_id": interview_id,
                    "receipt_code": receipt,
                    "answer_id": answer_id,
                    "changed": changed,
                },
            )
            return changed

    def _seen_now(self, session: Session, answer_id: int) -> SeenAnalysis:
        """The answer's themes and tone as a screen would show them now."""
        payloads: dict[str, Any] = {
            kind: payload
            for kind, payload in session.execute(
                select(AnalysisRow.kind, AnalysisRow.payload).where(
                    AnalysisRow.answer_id == answer_id,
                    or_(AnalysisRow.kind == "themes", AnalysisRow.kind == "sentiment"),
                )
            )
        }
        themes = (payloads.get("themes") or {}).get("themes", [])
        tone = (payloads.get("sentiment") or {}).get("label")
        return SeenAnalysis(frozenset(themes), tone)

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
                    # Bound to the interview, which has one summary (`sealing.py`).
                    payload=self._db.seal(_ANALYSIS.name, "payload", interview_id, {"text": text}),
                    provenance=provenance,
                )
            )

    def _opened_summary(self, interview_id: int, payload: Any) -> Any:
        return self._db.unseal(_ANALYSIS.name, "payload", interview_id, payload)
