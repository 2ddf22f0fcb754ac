"""Running the analysers on stored answers and storing what they found, with provenance.

Owns the `analysis` rows: per answer a sentiment row (free text, or a 1–5 / 0–10 rating),
a themes row and a flags row; per interview one summary row. Every run replaces what an
earlier run stored for the same answer or interview, so re-running after an edit, a
better model or a lexicon update is always safe. Provenance says what produced each row:
"lexicon", "rating", "lexicon+llm:<model>", or the summary's own ("extractive" or the
model name).

A model call can take seconds, so it never runs inside a database transaction: the
answer is read in one transaction, analysed, and written in a second one that first
checks the answer still says the same (an answer edited meanwhile gets its own run).
Payload shapes are what `aggregates` and the reports read:
``{"label", "score"}``, ``{"themes": [...]}``, ``{"flags": [...]}``, ``{"text"}``.
Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from exitbot_desktop.engine.analysis.flags import detect_flags, needs_care
from exitbot_desktop.engine.analysis.sentiment import (
    Sentiment,
    sentiment_of_rating,
    sentiment_of_text,
)
from exitbot_desktop.engine.analysis.summary import Summary, extractive_summary, llm_summary
from exitbot_desktop.engine.analysis.themes import classify_themes, refine_themes_with_llm
from exitbot_desktop.engine.errors import InterviewStateError, QuestionSetError
from exitbot_desktop.engine.questions import Question, parse_question_set
from exitbot_desktop.engine.store.models import AnalysisRow, Answer, Interview
from exitbot_desktop.engine.store.vault import Store

Complete = Callable[[str], str]
LEXICON = "lexicon"
RATING = "rating"
ANSWER_KINDS = ("sentiment", "themes", "flags")
_SCALES = {"rating": 5, "scale_0_10": 10}


@dataclass(frozen=True)
class AnswerAnalysis:
    """What was stored for one answer; empty for answers with nothing to analyse."""

    sentiment: Sentiment | None
    themes: tuple[str, ...]
    flags: tuple[str, ...]
    care: bool  # the words suggest distress: HR sees the interview highlighted


@dataclass(frozen=True)
class _Snapshot:
    """An answer as read in the first transaction, enough to analyse and to re-check."""

    answer_id: int
    interview_id: int
    language: str
    question_id: str
    question_type: str | None  # None for a follow-up, or a question the set lost
    question_text: str
    status: str
    value: Any
    text: str | None


def analyze_answer(
    store: Store, answer_id: int, complete: Complete | None = None, model: str = ""
) -> AnswerAnalysis:
    """Analyse one answer (a model, when given, may refine its themes) and store the result."""
    with store.session() as s:
        answer = s.get(Answer, answer_id)
        if answer is None:
            raise InterviewStateError(
                "That answer no longer exists (it was edited away or the interview was "
                "erased); there is nothing to analyse."
            )
        snapshot = _snapshot(answer, _questions(answer.interview))
    result, provenance = _analyse(snapshot, complete, model)
    with store.session() as s:
        current = s.get(Answer, answer_id)
        now = (current.status, current.text, current.value) if current is not None else None
        if now != (snapshot.status, snapshot.text, snapshot.value):
            return result  # edited meanwhile: the newer run stores its own analysis
        _store_answer(s, snapshot, result, provenance)
    return result


def summarise_interview(
    store: Store, interview_id: int, complete: Complete | None = None, model: str = ""
) -> Summary:
    """Write (or rewrite) the interview's summary: by the model when given, else extractive."""
    with store.session() as s:
        interview = _interview(s, interview_id)
        pairs = _question_answer_pairs(interview, _questions(interview))
    if complete is not None:
        summary = llm_summary(pairs, complete, model or "llm")
    else:
        summary = extractive_summary(pairs)
    with store.session() as s:
        _store_summary(s, _interview(s, interview_id), summary)
    return summary


def analyze_interview(
    store: Store, interview_id: int, complete: Complete | None = None, model: str = ""
) -> Summary:
    """Every answer, then the summary: what runs in the background after submit."""
    with store.session() as s:
        answer_ids = list(s.scalars(select(Answer.id).where(Answer.interview_id == interview_id)))
    for answer_id in answer_ids:
        analyze_answer(store, answer_id, complete, model)
    return summarise_interview(store, interview_id, complete, model)


def analyse_in_session(session: Session, interview: Interview) -> None:
    """Lexicon analysis and extractive summary inside the caller's transaction.

    For bulk work that must be all-or-nothing (the legacy import): no model is asked,
    so nothing slow runs while the transaction is open.
    """
    questions = _questions(interview)
    for answer in interview.answers:
        snapshot = _snapshot(answer, questions)
        result, provenance = _analyse(snapshot, None, "")
        _store_answer(session, snapshot, result, provenance)
    _store_summary(
        session, interview, extractive_summary(_question_answer_pairs(interview, questions))
    )


# ----------------------------------------------------------------------- internals
def _questions(interview: Interview) -> Mapping[str, Question]:
    try:
        qs = parse_question_set(interview.question_set.content, f"interview {interview.id}")
    except QuestionSetError:
        return {}  # analysis still works on the words; only question hints are lost
    return {q.id: q for q in qs.questions}


def _snapshot(answer: Answer, questions: Mapping[str, Question]) -> _Snapshot:
    question = questions.get(answer.question_id)
    language = answer.interview.language
    if answer.is_followup:
        qtype, qtext = None, answer.followup_question or ""
    else:
        qtype = question.type if question else None
        qtext = question.text_for(language) if question else answer.question_id
    return _Snapshot(
        answer_id=answer.id,
        interview_id=answer.interview_id,
        language=language,
        question_id=answer.question_id,
        question_type=qtype,
        question_text=qtext,
        status=answer.status,
        value=answer.value,
        text=answer.text,
    )


def _analyse(snap: _Snapshot, complete: Complete | None, model: str) -> tuple[AnswerAnalysis, str]:
    if snap.status != "answered":
        return AnswerAnalysis(None, (), (), False), ""
    scale = _SCALES.get(snap.question_type or "")
    if scale is not None and isinstance(snap.value, int) and not isinstance(snap.value, bool):
        return AnswerAnalysis(sentiment_of_rating(snap.value, scale), (), (), False), RATING
    text = (snap.text or "").strip()
    # Choices store their id as text ("manager"); only typed words are analysed.
    if not text or snap.question_type not in (None, "text"):
        return AnswerAnalysis(None, (), (), False), ""
    lang = snap.language
    themes = classify_themes(text, lang, snap.question_id, snap.question_text)
    provenance = LEXICON
    refined = refine_themes_with_llm(text, themes, complete) if complete is not None else None
    if refined is not None:
        themes, provenance = refined, f"{LEXICON}+llm:{model or 'llm'}"
    sentiment = sentiment_of_text(text, lang, question=snap.question_text)
    result = AnswerAnalysis(sentiment, themes, detect_flags(text, lang), needs_care(text, lang))
    return result, provenance


def _store_answer(
    session: Session, snap: _Snapshot, result: AnswerAnalysis, provenance: str
) -> None:
    session.execute(
        delete(AnalysisRow).where(
            AnalysisRow.interview_id == snap.interview_id,  # uses the (interview, kind) index
            AnalysisRow.kind.in_(ANSWER_KINDS),
            AnalysisRow.answer_id == snap.answer_id,
        )
    )
    if result.sentiment is None:
        return
    payloads: list[tuple[str, dict[str, Any], str]] = [
        (
            "sentiment",
            {"label": result.sentiment.label, "score": round(result.sentiment.score, 4)},
            RATING if provenance == RATING else LEXICON,
        )
    ]
    if provenance != RATING:
        payloads.append(("themes", {"themes": list(result.themes)}, provenance))
        payloads.append(("flags", {"flags": list(result.flags)}, LEXICON))
    for kind, payload, source in payloads:
        session.add(
            AnalysisRow(
                interview_id=snap.interview_id,
                answer_id=snap.answer_id,
                kind=kind,
                payload=payload,
                provenance=source,
            )
        )
    if result.care:
        interview = session.get(Interview, snap.interview_id)
        if interview is not None:
            interview.needs_care = True


def _store_summary(session: Session, interview: Interview, summary: Summary) -> None:
    session.execute(
        delete(AnalysisRow).where(
            AnalysisRow.interview_id == interview.id, AnalysisRow.kind == "summary"
        )
    )
    session.add(
        AnalysisRow(
            interview_id=interview.id,
            answer_id=None,
            kind="summary",
            payload={"text": summary.text},
            provenance=summary.provenance,
        )
    )


def _interview(session: Session, interview_id: int) -> Interview:
    interview = session.get(Interview, interview_id)
    if interview is None:
        raise InterviewStateError(
            f"Interview {interview_id} no longer exists (it may have been erased)."
        )
    return interview


def _question_answer_pairs(
    interview: Interview, questions: Mapping[str, Question]
) -> list[tuple[str, str]]:
    """(question, answer) for every answered free text and follow-up, in interview order."""
    pairs: list[tuple[str, str]] = []
    for answer in interview.answers:
        if answer.status != "answered" or not answer.text:
            continue
        if answer.is_followup:
            pairs.append((answer.followup_question or "", answer.text))
        else:
            question = questions.get(answer.question_id)
            label = question.text_for(interview.language) if question else answer.question_id
            pairs.append((label, answer.text))
    return pairs
