"""One interview as HR reads it: its facts, its answers in order, what the analysis said.

Owns `InterviewDetail` and `load`, what the interview PDF and the HR detail screen both
show, so the two cannot tell a different story: the facts in the same order, the main
answers in the order the questions were asked, each with its follow-ups, and each
answer's themes, sentiment and urgent flags. Reads only. Never imports Qt.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from exitbot_desktop.engine.analysis.pipeline import questions_of
from exitbot_desktop.engine.metadata import META_FIELDS, shown_value
from exitbot_desktop.engine.questions import Question
from exitbot_desktop.engine.records import CORRECTED_BY_HR, AnswerRecord, InterviewRecord

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


class InterviewAnalysis:
    """The analysis rows of one interview, by answer, and its summary."""

    def __init__(self, rows: list[tuple[int | None, str, Any, str]]) -> None:
        self.by_answer: dict[int, dict[str, Any]] = defaultdict(dict)
        self._corrected: dict[int, set[str]] = defaultdict(set)
        self.summary: tuple[str, str] | None = None  # (text, what produced it)
        for answer_id, kind, payload, provenance in rows:
            if kind == "summary":
                self.summary = (str(payload.get("text", "")), provenance)
            elif answer_id is not None:
                self.by_answer[answer_id][kind] = payload
                if provenance == CORRECTED_BY_HR:
                    self._corrected[answer_id].add(kind)

    def corrected(self, answer_id: int) -> set[str]:
        """The kinds of result ("themes", "sentiment") HR set by hand for this answer."""
        return set(self._corrected.get(answer_id, ()))

    def themes(self, answer_id: int) -> list[str]:
        return list(self.by_answer.get(answer_id, {}).get("themes", {}).get("themes", []))

    def flags(self, answer_id: int) -> list[str]:
        return list(self.by_answer.get(answer_id, {}).get("flags", {}).get("flags", []))

    def sentiment(self, answer_id: int) -> tuple[str, float] | None:
        found = self.by_answer.get(answer_id, {}).get("sentiment")
        if not found:
            return None
        return str(found.get("label")), float(found.get("score", 0.0))


@dataclass(frozen=True)
class InterviewDetail:
    record: InterviewRecord
    questions: Mapping[str, Question]  # the interview's own question-set version, by id
    analysis: InterviewAnalysis
    organisation: str

    def facts(self) -> list[tuple[str, str]]:
        """(label, value) of who, where and when; "—" for what was not recorded."""
        record, meta = self.record, self.record.meta
        name = "Anonymous" if meta.anonymous or not meta.employee_name else meta.employee_name
        submitted = record.completed_at
        return [
            ("Organisation", self.organisation or "—"),
            ("Employee", name),
            *((f.title, shown_value(f.name, getattr(meta, f.name)) or "—") for f in META_FIELDS),
            ("Interview language", record.language),
            ("Started", f"{record.created_at:%Y-%m-%d %H:%M} UTC"),
            ("Submitted", f"{submitted:%Y-%m-%d %H:%M} UTC" if submitted else "—"),
        ]

    def main_answers(self) -> list[AnswerRecord]:
        """Answers to the main questions, in the order the questions were asked."""
        order = list(self.questions)
        main = [a for a in self.record.answers if not a.is_followup]
        main.sort(
            key=lambda a: order.index(a.question_id) if a.question_id in order else len(order)
        )
        return main

    def question_text(self, answer: AnswerRecord) -> str:
        """The question as the employee read it (its id when the set cannot be read)."""
        question = self.questions.get(answer.question_id)
        return question.text_for(self.record.language) if question else answer.question_id


def load(store: Store, record: InterviewRecord) -> InterviewDetail:
    entries = store.analysis.for_interview(record.id)
    analysis = InterviewAnalysis([(e.answer_id, e.kind, e.payload, e.provenance) for e in entries])
    return InterviewDetail(record, questions_of(record), analysis, store.organisation)
