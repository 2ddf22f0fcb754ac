"""InterviewSession: the state machine of one exit interview.

consent → questions (answer, skip, prefer not to say, back, edit) → review → submit.
Every step that changes something is committed before the call returns, including the
current position, so a restarted app resumes at the same question. Which questions
are shown follows earlier answers and the interview metadata, so "question N of M"
counts only the questions this person actually sees. Follow-up *text* comes from a
provider outside this module (rules or a local LLM); this module only decides when a
follow-up slot opens and records what was asked and answered. Never imports Qt.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from exitbot_desktop.engine.errors import InterviewStateError
from exitbot_desktop.engine.followup import Followup, FollowupPolicy, FollowupRequest
from exitbot_desktop.engine.questions import Question, QuestionSet, parse_question_set, to_json
from exitbot_desktop.engine.store.interviews import (
    AnswerRecord,
    InterviewMeta,
    InterviewRecord,
    InterviewRepository,
)
from exitbot_desktop.engine.store.vault import Store

MAX_FREE_TEXT = 20_000  # hard cap even if a question set asks for more


@dataclass(frozen=True)
class Step:
    """What the employee sees now: a question with its position, or the review page."""

    question: Question | None  # None on the review page
    number: int  # 1-based position among the questions shown
    total: int
    answer: AnswerRecord | None
    followups: tuple[AnswerRecord, ...]
    draft: str | None

    @property
    def in_review(self) -> bool:
        return self.question is None


class InterviewSession:
    """One interview, bound to a store. Create with `start` or `resume`."""

    def __init__(
        self,
        store: Store,
        record: InterviewRecord,
        *,
        policy: FollowupPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._repo = InterviewRepository(store)
        self._id = record.id
        self.question_set: QuestionSet = parse_question_set(
            record.question_set, source=f"interview {record.id}"
        )
        self.language = record.language
        self.meta = record.meta
        self._record = record
        self._policy = policy or FollowupPolicy()
        self._policy.restore(_followup_counts(record))
        self._clock = clock
        self._shown_at = clock()

    # ----------------------------------------------------------------- creation
    @classmethod
    def start(
        cls,
        store: Store,
        question_set: QuestionSet,
        *,
        language: str,
        meta: InterviewMeta,
        policy: FollowupPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> InterviewSession:
        """A new interview waiting for consent; it records the exact question set version."""
        if language not in question_set.languages:
            raise InterviewStateError(
                f"The question set '{question_set.id}' has no '{language}' translation."
            )
        repo = InterviewRepository(store)
        set_pk = repo.snapshot_question_set(to_json(question_set))
        interview_id = repo.create(set_pk, language, meta)
        return cls(store, repo.load(interview_id), policy=policy, clock=clock)

    @classmethod
    def resume(
        cls,
        store: Store,
        interview_id: int,
        *,
        policy: FollowupPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> InterviewSession:
        """Pick up an unfinished interview at the question where it stopped."""
        record = InterviewRepository(store).load(interview_id)
        if record.status not in ("created", "in_progress"):
            raise InterviewStateError(f"This interview is {record.status} and cannot be continued.")
        return cls(store, record, policy=policy, clock=clock)

    # ------------------------------------------------------------------ reading
    @property
    def id(self) -> int:
        return self._id

    @property
    def status(self) -> str:
        return self._record.status

    @property
    def record(self) -> InterviewRecord:
        return self._record

    def visible_questions(self) -> list[Question]:
        answers = {
            qid: a.value for qid, a in self._record.main_answers().items() if a.status == "answered"
        }
        return self.question_set.visible(answers, self.meta.as_conditions())

    def current(self) -> Step:
        self._require("in_progress")
        visible = self.visible_questions()
        if self._record.in_review or not visible:
            return Step(None, len(visible) + 1, len(visible), None, (), None)
        ids = [q.id for q in visible]
        qid = self._record.current_question_id
        if qid not in ids:
            qid = self._first_unanswered(visible)
        index = ids.index(qid)
        question = visible[index]
        draft = self._record.draft_text if self._record.draft_question_id == qid else None
        return Step(
            question,
            index + 1,
            len(visible),
            self._record.main_answers().get(qid),
            tuple(self._record.followups_for(qid)),
            draft,
        )

    def review(self) -> list[tuple[Question, AnswerRecord | None, list[AnswerRecord]]]:
        """Every shown question with its answer and follow-ups, for the review page."""
        main = self._record.main_answers()
        return [
            (q, main.get(q.id), self._record.followups_for(q.id)) for q in self.visible_questions()
        ]

    # ----------------------------------------------------------------- consent
    def consent(self) -> None:
        self._require("created", "in_progress")
        self._repo.set_status(self._id, "in_progress")
        visible = self.visible_questions()
        if self._record.current_question_id is None and visible:
            self._repo.set_position(self._id, visible[0].id, False)
        self._reload()
        self._shown_at = self._clock()

    def decline(self) -> None:
        """The employee said no: nothing is kept but the fact that they declined."""
        self._require("created")
        self._repo.set_status(self._id, "declined")
        self._reload()

    def discard(self) -> None:
        """HR abandons an unfinished interview (kept as 'discarded', answers removed)."""
        self._require("created", "in_progress")
        self._repo.set_status(self._id, "discarded")
        self._reload()

    # ----------------------------------------------------------------- answering
    def answer(self, value: object) -> None:
        """Answer the current question (validated), committed before returning."""
        question = self._current_question()
        normalised = question.validate(value)
        text = normalised if isinstance(normalised, str) else None
        if text is not None and len(text) > MAX_FREE_TEXT:
            text = text[:MAX_FREE_TEXT]
            normalised = text
        self._save(question, "answered", normalised, text)

    def skip(self) -> None:
        question = self._current_question()
        if question.required:
            raise InterviewStateError("This question needs an answer before you can go on.")
        self._save(question, "skipped", None, None)

    def prefer_not_to_say(self) -> None:
        question = self._current_question()
        if not question.allow_prefer_not:
            raise InterviewStateError("This question does not offer 'prefer not to say'.")
        self._save(question, "prefer_not", None, None)

    def save_draft(self, text: str) -> None:
        """Keep what is being typed so a crash loses at most the last short pause."""
        question = self._current_question()
        self._repo.save_draft(self._id, question.id, text[:MAX_FREE_TEXT])
        self._reload()

    def flag_care(self) -> None:
        """An answer suggested distress: HR sees this interview highlighted."""
        self._repo.flag_care(self._id)
        self._reload()

    # ----------------------------------------------------------------- follow-ups
    def followup_request(self) -> FollowupRequest | None:
        """A follow-up slot for the current question's answer, if policy allows one now."""
        step = self.current()
        question = step.question
        if question is None or question.type != "text" or not question.followups:
            return None
        if step.answer is None or step.answer.status != "answered" or not step.answer.text:
            return None
        if any(f.status == "pending" for f in step.followups):
            return None
        if step.followups and step.followups[-1].status != "answered":
            return None  # they skipped the last follow-up: asking again would be nagging
        latest = step.followups[-1].text if step.followups else None
        answer_text = latest or step.answer.text
        if not self._policy.allows(question.id, answer_text, self.language):
            return None
        return FollowupRequest(
            question_id=question.id,
            question_text=question.text_for(self.language),
            answer_text=answer_text,
            language=self.language,
            previous_followups=tuple(f.followup_question or "" for f in step.followups),
        )

    def add_followup(self, followup: Followup) -> int:
        """Record the follow-up question shown to the employee; returns its id."""
        step = self.current()
        if step.question is None or step.answer is None:
            raise InterviewStateError("A follow-up needs an answered question.")
        followup_id = self._repo.add_followup(self._id, step.question.id, step.answer.id, followup)
        self._policy.count(step.question.id)
        self._reload()
        self._shown_at = self._clock()
        return followup_id

    def answer_followup(self, followup_id: int, text: str) -> None:
        question = self._current_question()
        clean = question.validate(text) if question.type == "text" else text
        self._repo.reply_followup(
            followup_id, status="answered", text=str(clean), seconds=self._elapsed()
        )
        self._reload()

    def skip_followup(self, followup_id: int) -> None:
        self._repo.reply_followup(followup_id, status="skipped", text=None, seconds=self._elapsed())
        self._reload()

    # ----------------------------------------------------------------- navigation
    def next(self) -> Step:
        """Move on after the current question has been answered, skipped or declined."""
        step = self.current()
        if step.question is None:
            return step
        if step.answer is None:
            raise InterviewStateError("Answer or skip this question before going on.")
        visible = self.visible_questions()
        ids = [q.id for q in visible]
        index = ids.index(step.question.id)
        if index + 1 < len(visible):
            self._repo.set_position(self._id, visible[index + 1].id, False)
        else:
            self._repo.set_position(self._id, None, True)
        return self._moved()

    def back(self) -> Step:
        step = self.current()
        visible = self.visible_questions()
        if step.question is None:
            target = visible[-1].id if visible else None
        else:
            index = [q.id for q in visible].index(step.question.id)
            target = visible[max(index - 1, 0)].id
        self._repo.set_position(self._id, target, False)
        return self._moved()

    def edit(self, question_id: str) -> Step:
        """Jump to a question from the review page to change its answer."""
        if question_id not in [q.id for q in self.visible_questions()]:
            raise InterviewStateError("That question is not part of this interview.")
        self._repo.set_position(self._id, question_id, False)
        return self._moved()

    def go_to_review(self) -> Step:
        self._require("in_progress")
        self._repo.set_position(self._id, None, True)
        return self._moved()

    def submit(self) -> str:
        """Finish; returns the receipt code HR uses for access or erasure requests."""
        self._require("in_progress")
        main = self._record.main_answers()
        missing = [
            q.text_for(self.language)
            for q in self.visible_questions()
            if q.required and (q.id not in main or main[q.id].status == "skipped")
        ]
        if missing:
            raise InterviewStateError(
                "Please answer these questions before submitting: " + "; ".join(missing)
            )
        code = self._repo.complete(self._id)
        self._reload()
        return code

    def rate_experience(self, rating: int) -> None:
        """The optional 'how was this interview for you?' after submitting (1–5)."""
        if not 1 <= rating <= 5:
            raise InterviewStateError("The rating must be between 1 and 5.")
        self._repo.set_feedback(self._id, rating)

    # ----------------------------------------------------------------- internals
    def _require(self, *statuses: str) -> None:
        if self._record.status not in statuses:
            raise InterviewStateError(
                f"This interview is {self._record.status}; that step is not possible now."
            )

    def _current_question(self) -> Question:
        question = self.current().question
        if question is None:
            raise InterviewStateError("There is no open question; the interview is in review.")
        return question

    def _save(self, question: Question, status: str, value: Any, text: str | None) -> None:
        self._repo.save_answer(
            self._id,
            question.id,
            status=status,
            value=value,
            text=text,
            seconds=self._elapsed(),
        )
        self._reload()

    def _elapsed(self) -> float:
        now = self._clock()
        elapsed, self._shown_at = max(0.0, now - self._shown_at), now
        return elapsed

    def _moved(self) -> Step:
        self._reload()
        self._shown_at = self._clock()
        return self.current()

    def _reload(self) -> None:
        self._record = self._repo.load(self._id)

    def _first_unanswered(self, visible: list[Question]) -> str:
        main = self._record.main_answers()
        for question in visible:
            if question.id not in main:
                return question.id
        return visible[-1].id


def _followup_counts(record: InterviewRecord) -> dict[str, int]:
    counts: dict[str, int] = {}
    for answer in record.answers:
        if answer.is_followup:
            counts[answer.question_id] = counts.get(answer.question_id, 0) + 1
    return counts
