"""HR's corrections of an answer's themes and tone: stored, counted, audited, kept when
the answer is analysed again; a bad correction is refused and changes nothing."""

from __future__ import annotations

import threading

import pytest
from test_aggregates import HAPPY, UNHAPPY, conduct

from exitbot_desktop.engine import interview_detail
from exitbot_desktop.engine.analysis import aggregates, pipeline
from exitbot_desktop.engine.analysis.corrections import correct_answer
from exitbot_desktop.engine.errors import InterviewStateError, InvalidAnswerError, StaleEditError
from exitbot_desktop.engine.interview import InterviewSession
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.records import AnswerRecord, SeenAnalysis
from exitbot_desktop.engine.store.vault import Store

pytestmark = pytest.mark.every_store  # the embedded file, and a real server that seals


def _details(store: Store, interview_id: int) -> AnswerRecord:
    return next(
        a
        for a in store.interviews.load(interview_id).answers
        if a.question_id == "main_reason_details" and not a.is_followup
    )


def _seen(store: Store, interview_id: int, answer: AnswerRecord) -> SeenAnalysis:
    """The answer's analysis as the interview page shows it."""
    shown = interview_detail.load(store, store.interviews.load(interview_id)).analysis
    mood = shown.sentiment(answer.id)
    return SeenAnalysis(frozenset(shown.themes(answer.id)), mood[0] if mood else None)


def test_a_correction_is_shown_counted_audited_and_kept_over_new_analysis(
    store: Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(store, question_set, HAPPY)
    answer = _details(store, interview_id)

    changed = correct_answer(
        store, interview_id, answer.id, themes=["compensation_benefits", "manager"], tone="negative"
    )
    pipeline.analyse_interview(store, interview_id)  # what runs after submit, again

    assert changed == ["sentiment", "themes"]
    detail = interview_detail.load(store, store.interviews.load(interview_id))
    assert detail.analysis.themes(answer.id) == ["manager", "compensation_benefits"]
    assert detail.analysis.sentiment(answer.id) == ("negative", -1.0)
    assert detail.analysis.corrected(answer.id) == {"themes", "sentiment"}
    agg = aggregates.compute(store, group_size=1)
    assert dict(agg.themes)["compensation_benefits"] == 1
    assert agg.sentiment["negative"] == 1
    entry = store.audit.entries(limit=1)[0]
    assert entry.action == "analysis_corrected"
    assert entry.detail["changed"] == ["sentiment", "themes"]
    assert entry.detail["answer_id"] == answer.id


def test_the_same_correction_twice_changes_and_audits_nothing(
    store: Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY)
    answer = _details(store, interview_id)
    correct_answer(store, interview_id, answer.id, tone="neutral")
    entries = len(store.audit.entries(limit=1000))

    assert correct_answer(store, interview_id, answer.id, tone="neutral") == []
    assert len(store.audit.entries(limit=1000)) == entries


@pytest.mark.parametrize(
    ("themes", "tone", "message"),
    [
        (["pay"], None, "not ones ExitBot knows: pay"),
        (None, "furious", "'furious' is not a tone"),
    ],
)
def test_an_unknown_theme_or_tone_is_refused_and_nothing_changes(
    store: Store,
    question_set: QuestionSet,
    themes: list[str] | None,
    tone: str | None,
    message: str,
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY)
    answer = _details(store, interview_id)
    before = interview_detail.load(store, store.interviews.load(interview_id)).analysis

    with pytest.raises(InvalidAnswerError, match=message):
        correct_answer(store, interview_id, answer.id, themes=themes, tone=tone)

    after = interview_detail.load(store, store.interviews.load(interview_id)).analysis
    assert after.by_answer == before.by_answer
    assert after.corrected(answer.id) == set()


def test_correcting_an_answer_of_another_interview_is_refused(
    store: Store, question_set: QuestionSet
) -> None:
    first, second = conduct(store, question_set, HAPPY), conduct(store, question_set, HAPPY)
    with pytest.raises(InterviewStateError, match="no longer exists"):
        correct_answer(store, second, _details(store, first).id, tone="negative")


def test_discarding_an_unfinished_interview_is_audited(
    store: Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY, stop_at="satisfaction_team")
    InterviewSession.resume(store, interview_id).discard()
    entry = store.audit.entries(limit=1)[0]
    assert (entry.action, entry.detail["interview_id"]) == ("interview_discarded", interview_id)


def test_a_correction_over_one_saved_meanwhile_is_refused_and_theirs_stays(
    store: Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY)
    answer = _details(store, interview_id)
    seen = _seen(store, interview_id, answer)
    correct_answer(store, interview_id, answer.id, tone="neutral", seen=seen)  # the other officer
    audited = len(store.audit.entries(limit=1000))

    with pytest.raises(StaleEditError, match="Someone else changed the analysis"):
        correct_answer(store, interview_id, answer.id, tone="positive", seen=seen)

    now = interview_detail.load(store, store.interviews.load(interview_id)).analysis
    assert now.sentiment(answer.id) == ("neutral", 0.0)
    assert len(store.audit.entries(limit=1000)) == audited


def test_two_officers_correcting_at_once_never_lose_a_correction_silently(
    store: Store, question_set: QuestionSet
) -> None:
    interview_id = conduct(store, question_set, UNHAPPY)
    answer = _details(store, interview_id)
    seen = _seen(store, interview_id, answer)
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def officer(tone: str) -> None:
        start.wait()
        try:
            correct_answer(store, interview_id, answer.id, tone=tone, seen=seen)
            outcomes[tone] = "saved"
        except StaleEditError:
            outcomes[tone] = "refused"

    threads = [threading.Thread(target=officer, args=(tone,)) for tone in ("neutral", "positive")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes.values()) == ["refused", "saved"]
    winner = next(tone for tone, outcome in outcomes.items() if outcome == "saved")
    now = interview_detail.load(store, store.interviews.load(interview_id)).analysis
    assert now.sentiment(answer.id) == (winner, 0.0 if winner == "neutral" else 1.0)
