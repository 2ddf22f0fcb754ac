"""The follow-up slot: what the interview hands to a follow-up provider and gets back.

The interview decides *whether* a follow-up may be asked (see `FollowupPolicy`); a
provider (rules, or a local LLM behind a guard) decides *what* to ask. This module
never generates text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exitbot_desktop.engine.analysis.refusals import is_refusal


@dataclass(frozen=True)
class FollowupRequest:
    """Everything a provider may use to ask one follow-up about one answer."""

    question_id: str
    question_text: str
    answer_text: str
    language: str
    previous_followups: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Followup:
    """A follow-up question and where it came from, as stored with the interview."""

    text: str
    source: str  # backend name: "rules", "llama_cpp", "ollama"
    model: str = ""
    guard_reason: str = ""  # why the guard replaced the model's text, "" if it did not


def is_detailed(answer: str) -> bool:
    """True when the answer already says enough that probing would feel like nagging."""
    words = answer.split()
    sentences = [s for s in re.split(r"[.!?]+", answer) if s.strip()]
    return len(words) >= 60 or (len(words) >= 40 and len(sentences) >= 3)


@dataclass
class FollowupPolicy:
    """How many follow-ups an interview may ask, per question and in total."""

    per_question: int = 1
    per_interview: int = 4
    _asked: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0 <= self.per_question <= 3:
            raise ValueError("per_question must be between 0 and 3")
        if self.per_interview < 0:
            raise ValueError("per_interview must not be negative")

    def restore(self, asked: dict[str, int]) -> None:
        """Take over the counts of an interview that is being resumed."""
        self._asked = dict(asked)

    def allows(self, question_id: str, answer: str, language: str) -> bool:
        """Whether one more follow-up may be asked after this answer."""
        if sum(self._asked.values()) >= self.per_interview:
            return False
        if self._asked.get(question_id, 0) >= self.per_question:
            return False
        return not (is_refusal(answer, language) or is_detailed(answer))

    def count(self, question_id: str) -> None:
        """Record that a follow-up was asked for this question."""
        self._asked[question_id] = self._asked.get(question_id, 0) + 1
