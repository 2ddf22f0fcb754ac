"""What follows an answer, decided by the engine alone (no Qt): saved, analysed, support,
follow-up or the next question, each as one `Outcome` of one call."""

from __future__ import annotations

import logging

import pytest
from conftest import answer_and_go_on

from exitbot_desktop.engine import interview as interview_module
from exitbot_desktop.engine.errors import StoreError
from exitbot_desktop.engine.followup_policy import Followup, FollowupPolicy
from exitbot_desktop.engine.interview import Answered, InterviewSession, Skipped
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store.vault import Store

DISTRESS = "Honestly I have thoughts of ending my life because of this job."


def _at_details(store: Store, question_set: QuestionSet, **kwargs: object) -> InterviewSession:
    """An interview waiting at the free-text question after the main reason."""
    session = InterviewSession.start(
        store,
        question_set,
        language="en",
        meta=InterviewMeta(leaving_type="voluntary"),
        **kwargs,  # type: ignore[arg-type]
    )
    session.consent()
    session.respond(Answered("other"))
    return session


def test_an_answer_is_saved_and_analysed_before_the_call_returns(
    store: Store, question_set: QuestionSet
) -> None:
    session = _at_details(store, question_set)

    outcome = session.respond(Answered("My manager shouted at us and never gave feedback."))

    assert outcome.saved is not None and outcome.saved.text is not None
    assert outcome.analysis is not None and "manager" in outcome.analysis.themes
    stored = {
        e.kind: e.payload
        for e in store.analysis.for_interview(session.id)
        if e.answer_id == outcome.saved.id
    }
    assert stored["themes"] == {"themes": list(outcome.analysis.themes)}
    assert outcome.analysis.sentiment is not None
    assert stored["sentiment"]["label"] == outcome.analysis.sentiment.label
    reread = store.interviews.load(session.id).main_answers()["main_reason_details"]
    assert reread.text == "My manager shouted at us and never gave feedback."


def test_distress_shows_support_and_no_follow_up_and_marks_the_interview_for_hr(
    store: Store, question_set: QuestionSet
) -> None:
    session = _at_details(store, question_set)

    outcome = session.respond(Answered(DISTRESS))

    assert outcome.care and outcome.followup is None
    assert outcome.step.question is not None and outcome.step.question.id == "main_reason_details"
    assert store.interviews.load(session.id).needs_care
    after = session.go_on()
    assert after.step.question is not None and after.step.question.id == "other_reasons"


def test_a_detailed_answer_moves_straight_on(store: Store, question_set: QuestionSet) -> None:
    session = _at_details(store, question_set)
    detailed = " ".join(["The team was great but the pay was far below the market rate."] * 6)

    outcome = session.respond(Answered(detailed))

    assert outcome.followup is None and not outcome.care
    assert outcome.step.question is not None and outcome.step.question.id == "other_reasons"


def test_an_empty_reply_skips_the_follow_up_and_asks_no_other(
    store: Store, question_set: QuestionSet
) -> None:
    session = _at_details(store, question_set, policy=FollowupPolicy(per_question=3))
    assert session.respond(Answered("Too many reorganisations.")).followup is not None
    session.record_followup(Followup("What changed each time?", "rules"))

    outcome = session.reply_to_followup("   ")

    assert outcome.followup is None
    assert outcome.step.question is not None and outcome.step.question.id == "other_reasons"
    stored = store.interviews.load(session.id).followups_for("main_reason_details")
    assert [f.status for f in stored] == ["skipped"]


def test_a_reply_can_lead_to_a_second_follow_up_when_policy_allows(
    store: Store, question_set: QuestionSet
) -> None:
    session = _at_details(store, question_set, policy=FollowupPolicy(per_question=2))
    session.respond(Answered("My manager and I disagreed about priorities."))
    session.record_followup(Followup("What were the priorities?", "rules"))

    outcome = session.reply_to_followup("Speed over quality, every single time.")

    assert outcome.followup is not None
    assert outcome.followup.answer_text == "Speed over quality, every single time."
    assert outcome.followup.previous_followups == ("What were the priorities?",)
    assert outcome.saved is not None and outcome.saved.is_followup


def test_the_review_arrives_with_the_outcome_of_the_last_answer(
    store: Store, question_set: QuestionSet
) -> None:
    session = _at_details(store, question_set)
    outcome = session.respond(Skipped())
    while outcome.review is None:
        question = outcome.step.question
        assert question is not None
        if question.required:
            value: object = {"rating": 3, "scale_0_10": 5, "yes_no": True}.get(question.type)
            if question.type == "single_choice":
                value = question.choices[0].id
            elif question.type == "multiple_choice":
                value = [question.choices[0].id]
            outcome = answer_and_go_on(session, value)
            outcome = session.state()
        else:
            outcome = session.respond(Skipped())

    assert outcome.step.in_review
    ids = [item.question.id for item in outcome.review]
    assert ids == [q.id for q in session.visible_questions()]
    assert outcome.review[0].answer is not None and outcome.review[0].answer.value == "other"


def test_changing_an_answer_from_the_review_goes_back_to_the_review_with_fresh_analysis(
    store: Store, question_set: QuestionSet
) -> None:
    session = _at_details(store, question_set)
    answer_and_go_on(session, "The commute was long.")
    session.go_to_review()
    session.edit("main_reason_details")

    outcome = session.respond(
        Answered("The pay was far below market and the bonus was cut."), return_to_review=True
    )

    assert outcome.review is not None and outcome.followup is None
    assert outcome.analysis is not None
    assert outcome.analysis.themes == ("compensation_benefits",)


def test_an_answer_survives_an_analysis_that_fails(
    store: Store,
    question_set: QuestionSet,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    session = _at_details(store, question_set)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a lexicon bug")

    monkeypatch.setattr(interview_module, "analyse_answer", broken)

    with caplog.at_level(logging.ERROR):
        outcome = session.respond(Answered("I was never given a proper induction."))

    assert "Analysing an answer failed" in caplog.text
    assert outcome.analysis is not None and outcome.analysis.sentiment is None
    stored = store.interviews.load(session.id).main_answers()["main_reason_details"]
    assert stored.text == "I was never given a proper induction."


def test_a_change_that_could_not_be_saved_is_not_kept_in_the_session(
    store: Store, question_set: QuestionSet
) -> None:
    session = _at_details(store, question_set)
    before = session.record
    store.close()

    with pytest.raises(StoreError, match="locked"):
        session.respond(Answered("This will not be saved."))

    assert session.record == before
    assert "main_reason_details" not in session.record.main_answers()


def test_a_resumed_interview_shows_the_follow_up_still_waiting_for_its_reply(
    store: Store, question_set: QuestionSet
) -> None:
    session = _at_details(store, question_set)
    session.respond(Answered("My manager took credit for my work."))
    session.record_followup(Followup("How did that affect you?", "rules"))

    resumed = InterviewSession.resume(store, session.id).state()

    pending = resumed.step.pending_followup
    assert pending is not None and pending.followup_question == "How did that affect you?"
    assert resumed.followup is None  # it was written already: nothing new to write
