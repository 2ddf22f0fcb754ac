"""The values the store hands out: interviews, answers and analysis results, as frozen records.

Owns `InterviewRecord`, `AnswerRecord` and `AnalysisEntry`. The store builds them from
its tables; the interview flow, analysis, reports and the UI read them and never see a
database row. This module imports nothing heavy, so the UI can name these types before
the database layer has loaded. Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from exitbot_desktop.engine.metadata import InterviewMeta

AnswerStatus = Literal["answered", "skipped", "prefer_not", "pending"]
InterviewStatus = Literal["created", "in_progress", "declined", "completed", "discarded"]
InterviewSource = Literal["station", "import"]
UNFINISHED: tuple[InterviewStatus, ...] = ("created", "in_progress")


@dataclass(frozen=True)
class AnswerRecord:
    """A main answer, or a follow-up (the question asked and the reply)."""

    id: int
    question_id: str
    status: AnswerStatus  # "pending": a follow-up not yet replied to
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
class HrReview:
    """What the HR officer handling an interview records about it."""

    leaving_type: str | None
    regrettable: bool | None  # a regrettable loss; None: not judged yet
    hr_note: str | None  # private to HR, never exported


@dataclass(frozen=True)
class SeenAnalysis:
    """What HR's screen showed of an answer's analysis when a correction began: a
    correction saved over a different one is refused (`StaleEditError`)."""

    themes: frozenset[str]
    tone: str | None  # the sentiment label; None when there was none


@dataclass(frozen=True)
class InterviewRecord:
    id: int
    status: InterviewStatus
    source: InterviewSource
    receipt_code: str | None
    language: str
    meta: InterviewMeta
    question_set: dict[str, Any]  # the exact set version this interview used
    created_at: datetime
    completed_at: datetime | None
    current_question_id: str | None
    in_review: bool
    draft_question_id: str | None
    draft_text: str | None
    needs_care: bool
    regrettable: bool | None  # HR's judgement of the departure; None: not judged
    hr_note: str | None  # private to HR
    answers: tuple[AnswerRecord, ...]

    @property
    def hr_review(self) -> HrReview:
        return HrReview(self.meta.leaving_type, self.regrettable, self.hr_note)

    def main_answers(self) -> dict[str, AnswerRecord]:
        return {a.question_id: a for a in self.answers if not a.is_followup}

    def followups_for(self, question_id: str) -> list[AnswerRecord]:
        return [a for a in self.answers if a.is_followup and a.question_id == question_id]


# The provenance of a result HR set by hand; later analysis never replaces it.
CORRECTED_BY_HR = "hr"


@dataclass(frozen=True)
class AnalysisEntry:
    """One stored analysis result: per answer (sentiment, themes, flags) or a summary."""

    answer_id: int | None
    kind: str  # sentiment | themes | flags | summary
    payload: dict[str, Any]
    provenance: str
