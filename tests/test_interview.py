"""One interview from the employee's side: consent, questions, follow-ups, review, submit."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from exitbot_desktop.engine import audit
from exitbot_desktop.engine.errors import InterviewStateError, InvalidAnswerError
from exitbot_desktop.engine.followup import Followup, FollowupPolicy
from exitbot_desktop.engine.interview import InterviewSession
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.interviews import (
    InterviewMeta,
    InterviewRepository,
    months_before,
)
from exitbot_desktop.engine.store.models import Answer, Interview, utcnow

VOLUNTARY = InterviewMeta(
    department="Sales", role="Account manager", tenure_band="2-5", leaving_type="voluntary"
)


class FakeClock:
    """Time under the test's control, so time-on-question is exact."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _start(
    store: vault.Store, qs: QuestionSet, meta: InterviewMeta = VOLUNTARY, **kwargs: object
) -> InterviewSession:
    session = InterviewSession.start(store, qs, language="en", meta=meta, **kwargs)  # type: ignore[arg-type]
    session.consent()
    return session


def test_progress_counts_only_questions_this_person_sees(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    first = session.current()
    assert (first.number, first.question and first.question.id) == (1, "main_reason")
    total_without_manager_branch = first.total
    session.answer("manager")
    step = session.next()
    assert step.total == total_without_manager_branch + 1  # the manager checklist appeared
    involuntary = _start(store, question_set, InterviewMeta(leaving_type="involuntary"))
    assert (
        involuntary.current().total == total_without_manager_branch - 1
    )  # no "what would have kept you"


def test_skip_back_and_edit_keep_answers_and_position(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.answer("career_development")
    session.next()
    session.skip()
    step = session.next()
    assert step.question is not None and step.question.id == "other_reasons"
    step = session.back()
    assert step.question is not None and step.question.id == "main_reason_details"
    assert step.answer is not None and step.answer.status == "skipped"
    session.answer("No promotion path in three years.")
    session.go_to_review()
    assert session.current().in_review
    step = session.edit("main_reason")
    assert step.answer is not None and step.answer.value == "career_development"
    session.answer("compensation_benefits")
    review = {q.id: a for q, a, _ in session.review()}
    assert (
        review["main_reason"] is not None and review["main_reason"].value == "compensation_benefits"
    )
    assert review["main_reason_details"] is not None
    assert review["main_reason_details"].text == "No promotion path in three years."


def test_prefer_not_to_say_is_recorded_as_such(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.prefer_not_to_say()
    assert session.current().answer is not None
    assert session.record.main_answers()["main_reason"].status == "prefer_not"


def test_invalid_answers_are_refused_with_a_sentence(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    with pytest.raises(InvalidAnswerError):
        session.answer("not-a-choice")
    session.answer("manager")
    session.next()
    with pytest.raises(InvalidAnswerError, match="limit"):
        session.answer("x" * 100_000)
    assert "main_reason_details" not in session.record.main_answers()


def test_control_characters_are_removed_and_unicode_kept(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.answer("other")
    session.next()
    session.answer("Zu viel\x00 Druck\x1b[31m 😞 — العمل\r\nzweite Zeile")
    stored = session.record.main_answers()["main_reason_details"].text
    assert stored is not None
    assert "\x00" not in stored and "\x1b" not in stored
    assert "😞" in stored and "العمل" in stored and "\nzweite Zeile" in stored


def test_cannot_move_on_without_answering_or_skipping(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    with pytest.raises(InterviewStateError, match="Answer or skip"):
        session.next()


def test_time_spent_on_each_question_is_recorded(
    store: vault.Store, question_set: QuestionSet
) -> None:
    clock = FakeClock()
    session = _start(store, question_set, clock=clock)
    clock.now += 12.5
    session.answer("relocation")
    session.next()
    clock.now += 40.0
    session.answer("We are moving to Lisbon.")
    answers = session.record.main_answers()
    assert answers["main_reason"].seconds_spent == pytest.approx(12.5)
    assert answers["main_reason_details"].seconds_spent == pytest.approx(40.0)


def test_follow_up_slot_opens_after_free_text_and_respects_the_policy(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set, policy=FollowupPolicy(per_question=1, per_interview=1))
    session.answer("manager")
    assert session.followup_request() is None  # choices never get follow-ups
    session.next()
    session.answer("My manager rarely gave feedback.")
    request = session.followup_request()
    assert request is not None
    assert request.answer_text == "My manager rarely gave feedback."
    followup_id = session.add_followup(Followup("What kind of feedback did you miss?", "rules"))
    assert session.followup_request() is None  # one is waiting for a reply
    session.answer_followup(followup_id, "Any at all, honestly.")
    assert session.followup_request() is None  # per-question and per-interview caps reached
    stored = session.record.followups_for("main_reason_details")
    assert [(f.followup_question, f.text, f.followup_source) for f in stored] == [
        ("What kind of feedback did you miss?", "Any at all, honestly.", "rules")
    ]


@pytest.mark.parametrize("answer", ["No.", "nothing", "Prefer not to say", "  "])
def test_no_follow_up_after_a_refusal(
    store: vault.Store, question_set: QuestionSet, answer: str
) -> None:
    session = _start(store, question_set)
    session.answer("other")
    session.next()
    if answer.strip():
        session.answer(answer)
    else:
        session.skip()
    assert session.followup_request() is None


def test_no_follow_up_after_a_german_refusal(store: vault.Store, question_set: QuestionSet) -> None:
    session = InterviewSession.start(store, question_set, language="de", meta=VOLUNTARY)
    session.consent()
    session.answer("other")
    session.next()
    session.answer("Möchte ich nicht sagen.")
    assert session.followup_request() is None


def test_submit_gives_a_receipt_code_that_finds_the_interview(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.answer("retirement")
    session.go_to_review()
    code = session.submit()
    assert code.startswith("EX-") and len(code) == 11
    found = InterviewRepository(store).find_by_receipt(code.lower())
    assert found is not None and found.status == "completed" and found.completed_at is not None
    session.rate_experience(5)
    with pytest.raises(InterviewStateError):
        session.answer("manager")


def test_declining_keeps_nothing_but_the_declined_status(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = InterviewSession.start(
        store,
        question_set,
        language="en",
        meta=InterviewMeta(department="IT", anonymous=False, employee_name="Dana Scully"),
    )
    session.decline()
    record = InterviewRepository(store).load(session.id)
    assert record.status == "declined"
    assert record.answers == ()
    assert record.meta.employee_name is None


def test_anonymous_interviews_never_store_a_name(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = InterviewSession.start(
        store,
        question_set,
        language="en",
        meta=InterviewMeta(anonymous=True, employee_name="Fox Mulder"),
    )
    assert InterviewRepository(store).load(session.id).meta.employee_name is None


def test_interview_records_the_exact_question_set_version(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    record = InterviewRepository(store).load(session.id)
    assert (record.question_set["id"], record.question_set["version"]) == (
        question_set.id,
        question_set.version,
    )


def test_resume_returns_to_the_same_question_with_the_draft(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.answer("work_life_balance")
    session.next()
    session.save_draft("The on-call rota meant I")
    again = InterviewSession.resume(store, session.id)
    step = again.current()
    assert step.question is not None and step.question.id == "main_reason_details"
    assert step.draft == "The on-call rota meant I"
    assert [r.id for r in InterviewRepository(store).unfinished()] == [session.id]


def test_discarded_interview_cannot_be_resumed(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.answer("manager")
    session.discard()
    with pytest.raises(InterviewStateError, match="discarded"):
        InterviewSession.resume(store, session.id)
    assert InterviewRepository(store).unfinished() == []


def test_unknown_language_is_refused(store: vault.Store, question_set: QuestionSet) -> None:
    with pytest.raises(InterviewStateError, match="'fr'"):
        InterviewSession.start(store, question_set, language="fr", meta=VOLUNTARY)


def test_erasing_an_interview_removes_every_answer_and_is_audited(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.answer("manager")
    session.next()
    session.answer("My manager never listened.")
    session.go_to_review()
    code = session.submit()
    InterviewRepository(store).delete(session.id)
    assert InterviewRepository(store).find_by_receipt(code) is None
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Answer)) == 0
    last = audit.entries(store, limit=1)[0]
    assert (last.action, last.detail["receipt_code"]) == ("interview_erased", code)
    assert audit.verify(store) is None


def test_no_further_follow_up_after_the_employee_skipped_one(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set, policy=FollowupPolicy(per_question=3, per_interview=9))
    session.answer("other")
    session.next()
    session.answer("Too many reorganisations in two years.")
    first = session.add_followup(Followup("What changed each time?", "rules"))
    session.skip_followup(first)
    assert session.followup_request() is None


def test_purge_erases_interviews_past_the_retention_period_only(
    store: vault.Store, question_set: QuestionSet
) -> None:
    old, recent = _start(store, question_set), _start(store, question_set)
    old.answer("manager")
    recent.answer("relocation")
    with store.session() as s:
        s.get(Interview, old.id).updated_at = months_before(utcnow(), 25)  # type: ignore[union-attr]
    assert InterviewRepository(store).purge_older_than(24) == 1
    remaining = [r.id for r in InterviewRepository(store).unfinished()]
    assert remaining == [recent.id]
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Answer)) == 1
    last = audit.entries(store, limit=1)[0]
    assert (last.action, last.detail["erased"], last.detail["months"]) == ("retention_purge", 1, 24)


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime(2026, 3, 31, 9, 0), 1, datetime(2026, 2, 28, 9, 0)),
        (datetime(2026, 1, 15), 24, datetime(2024, 1, 15)),
        (datetime(2026, 1, 15), 13, datetime(2024, 12, 15)),
    ],
)
def test_months_before_counts_calendar_months(
    moment: datetime, months: int, expected: datetime
) -> None:
    assert months_before(moment, months) == expected
