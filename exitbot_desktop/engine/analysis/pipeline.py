"""Running the analysers on answers and storing what they found, with provenance.

Owns `analyse_answer` (what one answer says: sentiment of free text or of a 1–5 / 0–10
rating, themes, urgent flags, whether it suggests distress) and `analyse_interview`
(every answer again, then the summary: what runs after submit). Results replace what an
earlier run stored, so re-running after an edit, a better model or a lexicon update is
always safe. Provenance says what produced each result: "lexicon", "rating",
"lexicon+llm:<model>", or the summary's own ("extractive" or the model name).

A model call can take seconds, so it never runs inside a database transaction: the
interview is read, analysed, and each result written only if its answer still says the
same (an answer edited meanwhile gets its own run). Payload shapes are what the
aggregates and the reports read: ``{"label", "score"}``, ``{"themes": [...]}``,
``{"flags": [...]}``, ``{"text"}``. Reads and writes through the store's repositories.
Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from exitbot_desktop.engine.analysis.flags import detect_flags, needs_care
from exitbot_desktop.engine.analysis.sentiment import (
    Sentiment,
    sentiment_of_rating,
    sentiment_of_text,
)
from exitbot_desktop.engine.analysis.summary import Summary, extractive_summary, llm_summary
from exitbot_desktop.engine.analysis.themes import classify_themes, refine_themes_with_llm
from exitbot_desktop.engine.errors import QuestionSetError
from exitbot_desktop.engine.questions import Question, parse_question_set
from exitbot_desktop.engine.records import AnalysisEntry, AnswerRecord, InterviewRecord

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.interview_store import InterviewStore

Complete = Callable[[str], str]
LEXICON = "lexicon"
RATING = "rating"
_SCALES = {"rating": 5, "scale_0_10": 10}


@dataclass(frozen=True)
class AnswerAnalysis:
    """What one answer says; empty for answers with nothing to analyse."""

    sentiment: Sentiment | None
    themes: tuple[str, ...]
    flags: tuple[str, ...]
    care: bool  # the words suggest distress: HR sees the interview highlighted
    provenance: str = ""  # of the themes: "lexicon", "lexicon+llm:<model>", or "rating"

    def entries(self) -> list[AnalysisEntry]:
        """The rows to store for this answer (none when there was nothing to analyse)."""
        if self.sentiment is None:
            return []
        sentiment = AnalysisEntry(
            None,
            "sentiment",
            {"label": self.sentiment.label, "score": round(self.sentiment.score, 4)},
            RATING if self.provenance == RATING else LEXICON,
        )
        if self.provenance == RATING:
            return [sentiment]
        return [
            sentiment,
            AnalysisEntry(None, "themes", {"themes": list(self.themes)}, self.provenance),
            AnalysisEntry(None, "flags", {"flags": list(self.flags)}, LEXICON),
        ]


NOTHING = AnswerAnalysis(None, (), (), False)


def questions_of(record: InterviewRecord) -> Mapping[str, Question]:
    """The interview's questions by id; none when its stored set cannot be read (analysis
    still works on the words, only question hints are lost)."""
    try:
        qs = parse_question_set(record.question_set, f"interview {record.id}")
    except QuestionSetError:
        return {}
    return {q.id: q for q in qs.questions}


def analyse_answer(
    answer: AnswerRecord,
    question: Question | None,
    language: str,
    complete: Complete | None = None,
    model: str = "",
) -> AnswerAnalysis:
    """Analyse one answer (a model, when given, may refine its themes). Stores nothing."""
    if answer.status != "answered":
        return NOTHING
    qtype = None if answer.is_followup or question is None else question.type
    scale = _SCALES.get(qtype or "")
    value = answer.value
    if scale is not None and isinstance(value, int) and not isinstance(value, bool):
        return AnswerAnalysis(sentiment_of_rating(value, scale), (), (), False, RATING)
    text = (answer.text or "").strip()
    # Choices store their id as text ("manager"); only typed words are analysed.
    if not text or qtype not in (None, "text"):
        return NOTHING
    if answer.is_followup:
        qtext = answer.followup_question or ""
    else:
        qtext = question.text_for(language) if question else answer.question_id
    themes = classify_themes(text, language, answer.question_id, qtext)
    provenance = LEXICON
    refined = refine_themes_with_llm(text, themes, complete) if complete is not None else None
    if refined is not None:
        themes, provenance = refined, f"{LEXICON}+llm:{model or 'llm'}"
    return AnswerAnalysis(
        sentiment_of_text(text, language, question=qtext),
        themes,
        detect_flags(text, language),
        needs_care(text, language),
        provenance,
    )


def store_answer_analysis(
    store: InterviewStore,
    interview_id: int,
    answer: AnswerRecord,
    result: AnswerAnalysis,
    *,
    only_if_unchanged: bool = False,
) -> bool:
    """Replace the answer's stored results; distress also flags the interview for HR.

    `only_if_unchanged`: write nothing (False) when the answer was edited since `answer`
    was read, because the newer version gets its own run.
    """
    expected = (answer.status, answer.text, answer.value) if only_if_unchanged else None
    with store.transaction():
        written = store.analysis.replace_for_answer(
            interview_id, answer.id, result.entries(), if_answer_is=expected
        )
        if written and result.care:
            store.interviews.flag_care(interview_id)
    return written


def analyse_interview(
    store: InterviewStore, interview_id: int, complete: Complete | None = None, model: str = ""
) -> Summary:
    """Every answer, then the summary (by the model when given, else extractive)."""
    record = store.interviews.load(interview_id)
    questions = questions_of(record)
    for answer in record.answers:
        result = analyse_answer(
            answer, questions.get(answer.question_id), record.language, complete, model
        )
        store_answer_analysis(store, interview_id, answer, result, only_if_unchanged=True)
    pairs = _question_answer_pairs(record, questions)
    if complete is not None:
        summary = llm_summary(pairs, complete, model or "llm")
    else:
        summary = extractive_summary(pairs)
    store.analysis.replace_summary(interview_id, summary.text, summary.provenance)
    return summary


def _question_answer_pairs(
    record: InterviewRecord, questions: Mapping[str, Question]
) -> list[tuple[str, str]]:
    """(question, answer) for every answered free text and follow-up, in interview order."""
    pairs: list[tuple[str, str]] = []
    for answer in record.answers:
        if answer.status != "answered" or not answer.text:
            continue
        if answer.is_followup:
            pairs.append((answer.followup_question or "", answer.text))
        else:
            question = questions.get(answer.question_id)
            label = question.text_for(record.language) if question else answer.question_id
            pairs.append((label, answer.text))
    return pairs
