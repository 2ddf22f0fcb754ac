"""One interview from the employee's side: consent, questions, follow-ups, review, submit.

Driven through the engine alone (no Qt): each call's `Outcome` says what the employee
sees next, as the app's controller shows it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from conftest import answer_and_go_on
from sqlalchemy import func, select

from exitbot_desktop.engine.errors import InterviewStateError, InvalidAnswerError
from exitbot_desktop.engine.followup_policy import Followup, FollowupPolicy
from exitbot_desktop.engine.interview import (
    Answered,
    InterviewSession,
    PreferNotToSay,
    Skipped,
)
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.interviews import months_before
from exitbot_desktop.engine.store.models import Answer, Interview, utcnow

pytestmark = pytest.mark.every_store  # the embedded file, and a real server that seals

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
    step = session.respond(Answered("manager")).step
    assert step.total == total_without_manager_branch + 1  # the manager checklist appeared
    involuntary = _start(store, question_set, InterviewMeta(leaving_type="involuntary"))
    assert (
        involuntary.current().total == total_without_manager_branch - 1
    )  # no "what would have kept you"


def test_skip_back_and_edit_keep_answers_and_position(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.respond(Answered("career_development"))
    step = session.respond(Skipped()).step
    assert step.question is not None and step.question.id == "other_reasons"
    step = session.back().step
    assert step.question is not None and step.question.id == "main_reason_details"
    assert step.answer is not None and step.answer.status == "skipped"
    answer_and_go_on(session, "No promotion path in three years.")
    session.go_to_review()
    assert session.current().in_review
    step = session.edit("main_reason").step
    assert step.answer is not None and step.answer.value == "career_development"
    session.respond(Answered("compensation_benefits"), return_to_review=True)
    review = {item.question.id: item.answer for item in session.review()}
    assert (
        review["main_reason"] is not None and review["main_reason"].value == "compensation_benefits"
    )
    assert review["main_reason_details"] is not None
    assert review["main_reason_details"].text == "No promotion path in three years."


def test_prefer_not_to_say_is_recorded_as_such(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.respond(PreferNotToSay())
    assert session.record.main_answers()["main_reason"].status == "prefer_not"
    assert store.interviews.load(session.id).main_answers()["main_reason"].status == "prefer_not"


def test_invalid_answers_are_refused_with_a_sentence(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    with pytest.raises(InvalidAnswerError):
        session.respond(Answered("not-a-choice"))
    session.respond(Answered("manager"))
    with pytest.raises(InvalidAnswerError, match="limit"):
        session.respond(Answered("x" * 100_000))
    assert "main_reason_details" not in session.record.main_answers()
    assert "main_reason_details" not in store.interviews.load(session.id).main_answers()


def test_control_characters_are_removed_and_unicode_kept(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.respond(Answered("other"))
    session.respond(Answered("Zu viel\x00 Druck\x1b[31m 😞 — العمل\r\nzweite Zeile"))
    stored = session.record.main_answers()["main_reason_details"].text
    assert stored is not None
    assert "\x00" not in stored and "\x1b" not in stored
    assert "😞" in stored and "العمل" in stored and "\nzweite Zeile" in stored


def test_a_broken_character_is_refused_with_a_sentence_and_the_draft_kept(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.respond(Answered("other"))
    broken = "Too much pressure \ud83d and no thanks"  # half of an emoji's UTF-16 pair
    session.save_draft(broken)
    with pytest.raises(InvalidAnswerError, match=r"broken character .* retype"):
        session.respond(Answered(broken))

    reread = store.interviews.load(session.id)
    assert "main_reason_details" not in reread.main_answers()
    assert reread.draft_text == "Too much pressure \ufffd and no thanks"
    session.respond(Answered("Too much pressure and no thanks"))
    assert store.interviews.load(session.id).main_answers()["main_reason_details"].text == (
        "Too much pressure and no thanks"
    )


def test_cannot_move_on_without_answering_or_skipping(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    with pytest.raises(InterviewStateError, match="Answer or skip"):
        session.go_on()


def test_time_spent_on_each_question_is_recorded(
    store: vault.Store, question_set: QuestionSet
) -> None:
    clock = FakeClock()
    session = _start(store, question_set, clock=clock)
    clock.now += 12.5
    session.respond(Answered("relocation"))
    clock.now += 40.0
    session.respond(Answered("We are moving to Lisbon."))
    answers = session.record.main_answers()
    assert answers["main_reason"].seconds_spent == pytest.approx(12.5)
    assert answers["main_reason_details"].seconds_spent == pytest.approx(40.0)


def test_a_follow_up_is_due_after_free_text_only_and_the_policy_caps_it(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set, policy=FollowupPolicy(per_question=1, per_interview=1))
    chose = session.respond(Answered("manager"))
    assert chose.followup is None  # choices never get follow-ups: straight on
    assert chose.step.question is not None and chose.step.question.id == "main_reason_details"
    wrote = session.respond(Answered("My manager rarely gave feedback."))
    assert wrote.followup is not None
    assert wrote.followup.answer_text == "My manager rarely gave feedback."
    assert wrote.step.question is not None and wrote.step.question.id == "main_reason_details"
    asked = session.record_followup(Followup("What kind of feedback did you miss?", "rules"))
    assert asked.step.pending_followup is not None
    assert asked.followup is None  # one is waiting for a reply
    replied = session.reply_to_followup("Any at all, honestly.")
    assert replied.followup is None  # per-question and per-interview caps reached
    assert replied.step.question is not None and replied.step.question.id != "main_reason_details"
    stored = store.interviews.load(session.id).followups_for("main_reason_details")
    assert [(f.followup_question, f.text, f.followup_source) for f in stored] == [
        ("What kind of feedback did you miss?", "Any at all, honestly.", "rules")
    ]


@pytest.mark.parametrize("answer", ["No.", "nothing", "Prefer not to say", None])
def test_no_follow_up_after_a_refusal(
    store: vault.Store, question_set: QuestionSet, answer: str | None
) -> None:
    session = _start(store, question_set)
    session.respond(Answered("other"))
    outcome = session.respond(Skipped() if answer is None else Answered(answer))
    assert outcome.followup is None
    assert outcome.step.question is not None and outcome.step.question.id == "other_reasons"


def test_no_follow_up_after_a_german_refusal(store: vault.Store, question_set: QuestionSet) -> None:
    session = InterviewSession.start(store, question_set, language="de", meta=VOLUNTARY)
    session.consent()
    session.respond(Answered("other"))
    assert session.respond(Answered("Möchte ich nicht sagen.")).followup is None


def test_submit_gives_a_receipt_code_that_finds_the_interview(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.respond(Answered("retirement"))
    session.go_to_review()
    code = session.submit()
    assert code.startswith("EX-") and len(code) == 11
    found = store.interviews.find_by_receipt(code.lower())
    assert found is not None and found.status == "completed" and found.completed_at is not None
    session.rate_experience(5)
    with pytest.raises(InterviewStateError):
        session.respond(Answered("manager"))


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
    record = store.interviews.load(session.id)
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
    assert store.interviews.load(session.id).meta.employee_name is None


def test_interview_records_the_exact_question_set_version(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    record = store.interviews.load(session.id)
    assert (record.question_set["id"], record.question_set["version"]) == (
        question_set.id,
        question_set.version,
    )


def test_resume_returns_to_the_same_question_with_the_draft(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.respond(Answered("work_life_balance"))
    session.save_draft("The on-call rota meant I")
    again = InterviewSession.resume(store, session.id)
    step = again.current()
    assert step.question is not None and step.question.id == "main_reason_details"
    assert step.draft == "The on-call rota meant I"
    assert [r.id for r in store.interviews.unfinished()] == [session.id]


def test_discarded_interview_cannot_be_resumed(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.respond(Answered("manager"))
    session.discard()
    with pytest.raises(InterviewStateError, match="discarded"):
        InterviewSession.resume(store, session.id)
    assert store.interviews.unfinished() == []


def test_unknown_language_is_refused(store: vault.Store, question_set: QuestionSet) -> None:
    with pytest.raises(InterviewStateError, match="'fr'"):
        InterviewSession.start(store, question_set, language="fr", meta=VOLUNTARY)


def test_erasing_an_interview_removes_every_answer_and_is_audited(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set)
    session.respond(Answered("manager"))
    answer_and_go_on(session, "My manager never listened.")
    session.go_to_review()
    code = session.submit()
    store.interviews.delete(session.id)
    assert store.interviews.find_by_receipt(code) is None
    with store.database.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Answer)) == 0
    last = store.audit.entries(limit=1)[0]
    assert (last.action, last.detail["receipt_code"]) == ("interview_erased", code)
    assert store.audit.verify().ok


def test_no_further_follow_up_after_the_employee_skipped_one(
    store: vault.Store, question_set: QuestionSet
) -> None:
    session = _start(store, question_set, policy=FollowupPolicy(per_question=3, per_interview=9))
    session.respond(Answered("other"))
    assert session.respond(Answered("Too many reorganisations in two years.")).followup
    session.record_followup(Followup("What changed each time?", "rules"))
    skipped = session.skip_followup()
    assert skipped.followup is None
    assert skipped.step.question is not None and skipped.step.question.id == "other_reasons"
    back_again = session.back().step
    assert back_again.followups[-1].status == "skipped"


def test_purge_erases_interviews_past_the_retention_period_only(
    store: vault.Store, question_set: QuestionSet
) -> None:
    old, recent = _start(store, question_set), _start(store, question_set)
    old.respond(Answered("manager"))
    recent.respond(Answered("relocation"))
    with store.database.transaction() as s:
        s.get(Interview, old.id).updated_at = months_before(utcnow(), 25)  # type: ignore[union-attr]
    assert store.interviews.purge_older_than(24) == 1
    remaining = [r.id for r in store.interviews.unfinished()]
    assert remaining == [recent.id]
    with store.database.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Answer)) == 1
    last = store.audit.entries(limit=1)[0]
    assert (last.action, last.detail["erased"], last.detail["months"]) == ("retention_purge", 1, 24)


@pytest.mark.parametrize(
    "touch",
    [
        lambda repo, iid: repo.set_position(iid, "main_reason", False),
        lambda repo, iid: repo.save_draft(iid, "main_reason", "half a thought"),
        lambda repo, iid: repo.flag_care(iid),
        lambda repo, iid: repo.save_answer(
            iid, "main_reason", status="answered", value="manager", text=None, seconds=1.0
        ),
    ],
    ids=["position", "draft", "care", "answer"],
)
def test_every_write_during_an_interview_keeps_it_from_the_retention_purge(
    store: vault.Store, question_set: QuestionSet, touch: Any
) -> None:
    session = _start(store, question_set)
    with store.database.transaction() as s:
        s.get(Interview, session.id).updated_at = months_before(utcnow(), 25)  # type: ignore[union-attr]
    touch(store.interviews, session.id)
    assert store.interviews.purge_older_than(24) == 0
    assert [r.id for r in store.interviews.unfinished()] == [session.id]


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
