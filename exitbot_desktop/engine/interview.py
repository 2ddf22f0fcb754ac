"""InterviewSession: the state machine of one exit interview, and what follows each answer.

consent → questions (answer, skip, prefer not to say, back, edit) → review → submit.
Every call that changes something returns an `Outcome`: what the employee sees now and
what comes next. Giving an answer (`respond`) saves it, analyses it (lexicon, in
milliseconds), decides whether it suggests distress (then support is shown and no
follow-up asked: the model never counsels) or whether a follow-up is due, and otherwise
moves on: all in one transaction, committed before the call returns, together with the
position, so a restarted app resumes at the same question and a crash loses nothing.
Which questions are shown follows earlier answers and the interview metadata, so
"question N of M" counts only the questions this person actually sees. Follow-up *text*
comes from a provider outside this module (rules or a local LLM); this module decides
when a follow-up is due and records what was asked and answered. Never imports Qt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from exitbot_desktop.engine.analysis.pipeline import (
    NOTHING,
    AnswerAnalysis,
    analyse_answer,
    store_answer_analysis,
)
from exitbot_desktop.engine.errors import InterviewStateError
from exitbot_desktop.engine.followup_policy import Followup, FollowupPolicy, FollowupRequest
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import (
    Question,
    QuestionSet,
    parse_question_set,
    to_json,
)
from exitbot_desktop.engine.records import (
    UNFINISHED,
    AnswerRecord,
    AnswerStatus,
    InterviewRecord,
    InterviewStatus,
)
from exitbot_desktop.engine.safe_text import without_lone_surrogates

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.interview_store import InterviewStore

MAX_FREE_TEXT = 20_000  # hard cap even if a question set asks for more
_log = logging.getLogger(__name__)


# ----------------------------------------------------------------------- responses
@dataclass(frozen=True)
class Answered:
    """The employee answered; `value` is checked against the question."""

    value: object


@dataclass(frozen=True)
class Skipped:
    """The employee skipped a question that allows it."""


@dataclass(frozen=True)
class PreferNotToSay:
    """The employee ticked "I'd prefer not to say" (where the question offers it)."""


Response = Answered | Skipped | PreferNotToSay


# ----------------------------------------------------------------------- what follows
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

    @property
    def pending_followup(self) -> AnswerRecord | None:
        """The follow-up asked and waiting for a reply, if any."""
        pending = [f for f in self.followups if f.status == "pending"]
        return pending[-1] if pending else None


@dataclass(frozen=True)
class ReviewItem:
    question: Question
    answer: AnswerRecord | None
    followups: tuple[AnswerRecord, ...]


@dataclass(frozen=True)
class Outcome:
    """Where the interview is after a call, and what the employee should be offered next."""

    step: Step
    saved: AnswerRecord | None = None  # the answer or reply this call committed
    analysis: AnswerAnalysis | None = None  # what the analysis found in it
    care: bool = False  # it suggests distress: show support, ask no follow-up
    followup: FollowupRequest | None = None  # a follow-up is due: write it now
    review: tuple[ReviewItem, ...] | None = None  # on the review page: everything answered


class InterviewSession:
    """One interview, bound to a store. Create with `start` or `resume`."""

    def __init__(
        self,
        store: InterviewStore,
        record: InterviewRecord,
        *,
        policy: FollowupPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._repo = store.interviews
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
        store: InterviewStore,
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
        meta.check()
        set_pk = store.question_sets.snapshot(to_json(question_set))
        interview_id = store.interviews.create(set_pk, language, meta)
        return cls(store, store.interviews.load(interview_id), policy=policy, clock=clock)

    @classmethod
    def resume(
        cls,
        store: InterviewStore,
        interview_id: int,
        *,
        policy: FollowupPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> InterviewSession:
        """Pick up an unfinished interview at the question where it stopped."""
        record = store.interviews.load(interview_id)
        if record.status not in UNFINISHED:
            raise InterviewStateError(f"This interview is {record.status} and cannot be continued.")
        return cls(store, record, policy=policy, clock=clock)

    # ------------------------------------------------------------------ reading
    @property
    def id(self) -> int:
        return self._id

    @property
    def status(self) -> InterviewStatus:
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
        draft = self._record.draft_text if self._record.draft_question_id == qid else None
        return Step(
            visible[index],
            index + 1,
            len(visible),
            self._record.main_answers().get(qid),
            tuple(self._record.followups_for(qid)),
            draft,
        )

    def state(self) -> Outcome:
        """Where the interview stands (what a resumed interview shows first)."""
        return self._outcome()

    def review(self) -> tuple[ReviewItem, ...]:
        """Every shown question with its answer and follow-ups, for the review page."""
        main = self._record.main_answers()
        return tuple(
            ReviewItem(q, main.get(q.id), tuple(self._record.followups_for(q.id)))
            for q in self.visible_questions()
        )

    # ----------------------------------------------------------------- consent
    def consent(self) -> Outcome:
        self._require(*UNFINISHED)
        with self._change():
            self._repo.set_status(self._id, "in_progress")
            visible = self.visible_questions()
            if self._record.current_question_id is None and visible:
                self._repo.set_position(self._id, visible[0].id, False)
        self._reload()
        self._shown_at = self._clock()
        return self._outcome()

    def decline(self) -> None:
        """The employee said no: nothing is kept but the fact that they declined."""
        self._require("created")
        self._repo.set_status(self._id, "declined")
        self._reload()

    def discard(self) -> None:
        """HR abandons an unfinished interview (kept as 'discarded', answers removed)."""
        self._require(*UNFINISHED)
        self._repo.set_status(self._id, "discarded")
        self._reload()

    # ----------------------------------------------------------------- answering
    def respond(self, response: Response, *, return_to_review: bool = False) -> Outcome:
        """Save the current question's answer and say what comes next.

        Support when the words suggest distress, else a follow-up when one is due, else
        the next question (or, editing from the review page, the review again). The
        answer, its analysis and the new position commit together before this returns.
        """
        question = self._current_question()
        with self._change():
            saved, analysis = self._save(question, response)
            if return_to_review:
                return self._move(None, in_review=True, saved=saved, analysis=analysis)
            return self._after(saved, analysis, saved.text)

    def go_on(self) -> Outcome:
        """Past the support message, or past a question already answered: the next question."""
        step = self.current()
        if step.question is not None and step.answer is None:
            raise InterviewStateError("Answer or skip this question before going on.")
        return self._next(step)

    def save_draft(self, text: str) -> None:
        """Keep what is being typed so a crash loses at most the last short pause.

        A broken character (lone surrogate) is kept as "\ufffd": a draft is only a safety
        net, and the answer itself is refused with a sentence until it is retyped.
        """
        question = self._current_question()
        draft = without_lone_surrogates(text[:MAX_FREE_TEXT])
        self._repo.save_draft(self._id, question.id, draft)
        self._record = dataclasses.replace(
            self._record, draft_question_id=question.id, draft_text=draft
        )

    # ----------------------------------------------------------------- follow-ups
    def record_followup(self, followup: Followup) -> Outcome:
        """Record the follow-up shown to the employee; it now waits for a reply."""
        step = self.current()
        if step.question is None or step.answer is None:
            raise InterviewStateError("A follow-up needs an answered question.")
        added = self._repo.add_followup(self._id, step.question.id, step.answer.id, followup)
        self._keep(added)
        self._policy.count(step.question.id)
        self._shown_at = self._clock()
        return self._outcome()

    def reply_to_followup(self, text: str) -> Outcome:
        """The employee's reply to the waiting follow-up (empty: they skipped it), then
        what comes next, as after an answer."""
        step = self.current()
        pending = step.pending_followup
        if step.question is None or pending is None:
            raise InterviewStateError("There is no follow-up question waiting for a reply.")
        if not text.strip():
            return self.skip_followup()
        clean = str(step.question.validate(text)) if step.question.type == "text" else text
        with self._change():
            saved = self._repo.reply_followup(
                pending.id, status="answered", text=clean, seconds=self._elapsed()
            )
            self._keep(saved)
            if step.draft is not None:  # the reply's draft is used up
                self._repo.save_draft(self._id, None, None)
                self._record = dataclasses.replace(
                    self._record, draft_question_id=None, draft_text=None
                )
            return self._after(saved, self._analyse(None, saved), clean)

    def skip_followup(self) -> Outcome:
        """No reply to the follow-up (waiting or still being written): the next question."""
        step = self.current()
        with self._change():
            for followup in step.followups:
                if followup.status == "pending":
                    self._keep(
                        self._repo.reply_followup(
                            followup.id, status="skipped", text=None, seconds=self._elapsed()
                        )
                    )
            return self._next(self.current())

    # ----------------------------------------------------------------- navigation
    def back(self, response: Response | None = None) -> Outcome:
        """Keep what was entered (if anything) and go to the previous question."""
        with self._change():
            if response is not None:
                self._save(self._current_question(), response)
            step = self.current()
            visible = self.visible_questions()
            if step.question is None:
                target = visible[-1].id if visible else None
            else:
                index = [q.id for q in visible].index(step.question.id)
                target = visible[max(index - 1, 0)].id
            return self._move(target, in_review=False)

    def edit(self, question_id: str) -> Outcome:
        """Jump to a question from the review page to change its answer."""
        if question_id not in [q.id for q in self.visible_questions()]:
            raise InterviewStateError("That question is not part of this interview.")
        return self._move(question_id, in_review=False)

    def go_to_review(self) -> Outcome:
        self._require("in_progress")
        return self._move(None, in_review=True)

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
    @contextlib.contextmanager
    def _change(self) -> Iterator[None]:
        """One transaction; if it fails, the session forgets what it kept of it."""
        before = self._record
        try:
            with self._store.transaction():
                yield
        except BaseException:
            self._record = before
            raise

    def _checked(
        self, question: Question, response: Response
    ) -> tuple[AnswerStatus, Any, str | None]:
        """(status, value, text) to store, or `InvalidAnswerError` / `InterviewStateError`."""
        if isinstance(response, Skipped):
            if question.required:
                raise InterviewStateError("This question needs an answer before you can go on.")
            return "skipped", None, None
        if isinstance(response, PreferNotToSay):
            if not question.allow_prefer_not:
                raise InterviewStateError("This question does not offer 'prefer not to say'.")
            return "prefer_not", None, None
        value = question.validate(response.value)
        if isinstance(value, str):
            value = value[:MAX_FREE_TEXT]
            return "answered", value, value
        return "answered", value, None

    def _save(self, question: Question, response: Response) -> tuple[AnswerRecord, AnswerAnalysis]:
        """Check, save and analyse the answer to `question` (inside the caller's block)."""
        status, value, text = self._checked(question, response)
        saved = self._repo.save_answer(
            self._id, question.id, status=status, value=value, text=text, seconds=self._elapsed()
        )
        self._keep(saved)
        return saved, self._analyse(question, saved)

    def _analyse(self, question: Question | None, saved: AnswerRecord) -> AnswerAnalysis:
        """Analyse and store, inside the caller's transaction. Never in the employee's way:
        a failure is logged (and the full analysis after submit tries again)."""
        try:
            result = analyse_answer(saved, question, self.language)
        except Exception:
            _log.exception("Analysing an answer failed; it is saved without analysis")
            return NOTHING
        store_answer_analysis(self._store, self._id, saved, result)
        if result.care:
            self._record = dataclasses.replace(self._record, needs_care=True)
        return result

    def _after(self, saved: AnswerRecord, analysis: AnswerAnalysis, text: str | None) -> Outcome:
        """Support, a follow-up, or the next question: what a saved answer leads to."""
        if analysis.care:
            return self._outcome(saved=saved, analysis=analysis, care=True)
        request = self._followup_due() if text else None
        if request is not None:
            return self._outcome(saved=saved, analysis=analysis, followup=request)
        return self._next(self.current(), saved=saved, analysis=analysis)

    def _followup_due(self) -> FollowupRequest | None:
        """A follow-up about the current question's latest words, if policy allows one now."""
        step = self.current()
        question = step.question
        if question is None or question.type != "text" or not question.followups:
            return None
        if step.answer is None or step.answer.status != "answered" or not step.answer.text:
            return None
        if step.pending_followup is not None:
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

    def _next(self, step: Step, **found: Any) -> Outcome:
        if step.question is None:
            return self._outcome(**found)
        visible = self.visible_questions()
        index = [q.id for q in visible].index(step.question.id)
        if index + 1 < len(visible):
            return self._move(visible[index + 1].id, in_review=False, **found)
        return self._move(None, in_review=True, **found)

    def _move(self, question_id: str | None, *, in_review: bool, **found: Any) -> Outcome:
        self._repo.set_position(self._id, question_id, in_review)
        self._record = dataclasses.replace(
            self._record, current_question_id=question_id, in_review=in_review
        )
        self._shown_at = self._clock()
        return self._outcome(**found)

    def _outcome(self, **found: Any) -> Outcome:
        step = self.current()
        return Outcome(step, review=self.review() if step.in_review else None, **found)

    def _keep(self, saved: AnswerRecord) -> None:
        """This session is the only writer of its answers: keep the record in step without
        reading the interview back after every change."""
        answers = [a for a in self._record.answers if a.id != saved.id]
        answers.append(saved)
        answers.sort(key=lambda a: a.id)
        draft_gone = not saved.is_followup and self._record.draft_question_id == saved.question_id
        self._record = dataclasses.replace(
            self._record,
            answers=tuple(answers),
            draft_question_id=None if draft_gone else self._record.draft_question_id,
            draft_text=None if draft_gone else self._record.draft_text,
        )

    def _require(self, *statuses: InterviewStatus) -> None:
        if self._record.status not in statuses:
            raise InterviewStateError(
                f"This interview is {self._record.status}; that step is not possible now."
            )

    def _current_question(self) -> Question:
        question = self.current().question
        if question is None:
            raise InterviewStateError("There is no open question; the interview is in review.")
        return question

    def _elapsed(self) -> float:
        now = self._clock()
        elapsed, self._shown_at = max(0.0, now - self._shown_at), now
        return elapsed

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
