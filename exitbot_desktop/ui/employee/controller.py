"""One interview's traffic with the engine: the session on the store lane, follow-ups on the
model lane, results back on the GUI thread as signals.

Owns `InterviewController` and `Outcome`. Every session call (answer, skip, back, draft,
submit) runs on the store lane, in order, so each answer is committed before the next
step shows and a crash loses nothing already given. After a free-text answer it checks
for distress (then no follow-up is asked: the LLM never counsels) and asks the session
whether a follow-up slot is open; the follow-up streams from the assistant and can be
cancelled at once. Failures reach the employee as calm sentences; bugs are re-raised.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from exitbot_desktop.engine.analysis.flags import needs_care
from exitbot_desktop.engine.analysis.pipeline import analyze_answer, analyze_interview
from exitbot_desktop.engine.errors import (
    ExitBotError,
    InterviewStateError,
    InvalidAnswerError,
)
from exitbot_desktop.engine.followup import Followup, FollowupPolicy, FollowupRequest
from exitbot_desktop.engine.interview import InterviewSession, Step
from exitbot_desktop.engine.llm.complete import completion_for
from exitbot_desktop.engine.store.vault import Store
from exitbot_desktop.ui.assistant import Assistant
from exitbot_desktop.ui.operations import Lane, Op, OpContext
from exitbot_desktop.ui.policy import Arming, StationPolicy

T = TypeVar("T")
_log = logging.getLogger("exitbot.ui.interview")

ANSWER, SKIP, PREFER_NOT = "answer", "skip", "prefer_not"


@dataclass(frozen=True)
class Outcome:
    """Where the interview is after an action, and what the page should offer next."""

    step: Step
    care: bool = False  # the answer suggested distress: show support, ask no follow-up
    followup: FollowupRequest | None = None  # a follow-up slot opened for this answer


class InterviewController(QObject):
    outcome = Signal(object)  # Outcome: show this step
    followup_token = Signal(str)  # streamed text of the follow-up being written
    followup_ready = Signal(object)  # Step: the follow-up is recorded and awaits a reply
    resumed = Signal(str)  # an interrupted interview is back; its language
    consent_needed = Signal()  # ... but it never got consent
    review_ready = Signal(object)  # list of (Question, AnswerRecord | None, [follow-ups])
    submitted = Signal(str)  # receipt code
    declined = Signal()
    failed = Signal(str)  # a calm sentence for the employee

    def __init__(self, assistant: Assistant) -> None:
        super().__init__()
        self._assistant = assistant
        self._store: Store | None = None
        self._arming: Arming | None = None
        self.session: InterviewSession | None = None
        self.busy = False
        self._followup_ops: list[Op[Any]] = []
        # Bumped by `forget`: results of session calls made before then are dropped.
        self._generation = 0

    # ----------------------------------------------------------------- beginning
    def arm(self, store: Store, arming: Arming) -> None:
        """Ready for the next person; nothing is recorded until they consent or decline."""
        self._store, self._arming, self.session = store, arming, None

    def forget(self) -> None:
        """The store is closing: drop it, the session on it and every pending result."""
        self.cancel_followup()
        self._generation += 1
        self._store, self._arming, self.session = None, None, None
        self.busy = False

    def set_language(self, language: str) -> None:
        """The employee switched language on the welcome page, before consenting."""
        if self._arming is not None and self.session is None:
            self._arming = dataclasses.replace(self._arming, language=language)

    @property
    def language(self) -> str:
        if self.session is not None:
            return self.session.language
        return self._arming.language if self._arming else "en"

    def consent(self) -> None:
        store, arming, existing = self._store, self._arming, self.session

        def start(_ctx: OpContext) -> InterviewSession:
            session = existing
            if session is None:
                assert store is not None and arming is not None
                session = InterviewSession.start(
                    store,
                    arming.question_set,
                    language=arming.language,
                    meta=arming.meta,
                    policy=_followup_policy(arming.policy),
                )
            session.consent()
            return session

        self._run(start, self._started)

    def decline(self) -> None:
        store, arming, existing = self._store, self._arming, self.session

        def decline(_ctx: OpContext) -> None:
            session = existing
            if session is None:
                assert store is not None and arming is not None
                session = InterviewSession.start(
                    store, arming.question_set, language=arming.language, meta=arming.meta
                )
            session.decline()

        def declined(_none: None) -> None:
            self.cancel_followup()
            self.declined.emit()

        self._run(decline, declined)

    def resume(self, store: Store, interview_id: int, policy: StationPolicy) -> None:
        """Continue an interrupted interview at the question where it stopped."""
        self._store = store

        def resume(_ctx: OpContext) -> InterviewSession:
            return InterviewSession.resume(store, interview_id, policy=_followup_policy(policy))

        self._run(resume, self._resumed)

    def _started(self, session: InterviewSession) -> None:
        self.session = session
        self._assistant.begin_interview(session.language)
        self.outcome.emit(Outcome(session.current()))

    def _resumed(self, session: InterviewSession) -> None:
        self.session = session
        self._assistant.begin_interview(session.language)
        self.resumed.emit(session.language)
        if session.status == "created":
            self.consent_needed.emit()
        else:
            self.outcome.emit(Outcome(session.current()))

    # ----------------------------------------------------------------- answering
    def answer(self, kind: str, value: object = None) -> None:
        """Record the current question's answer (or skip / prefer not to say), then move on
        unless a follow-up or the care message comes first."""
        session, store = self._session(), self._store

        def save(_ctx: OpContext) -> Outcome:
            _record(session, kind, value)
            step = session.current()
            text = step.answer.text if step.answer is not None else None
            if step.answer is not None and store is not None:
                _analyse(store, step.answer.id)
            return _after_text(session, text)

        self._run(save, self.outcome.emit)

    def answer_followup(self, followup_id: int, text: str) -> None:
        session, store = self._session(), self._store

        def save(_ctx: OpContext) -> Outcome:
            if text.strip():
                session.answer_followup(followup_id, text)
                if store is not None:
                    _analyse(store, followup_id)
            else:
                session.skip_followup(followup_id)
            if session.current().draft is not None:
                session.save_draft("")  # the reply's draft is used up
            return _after_text(session, text if text.strip() else None)

        self._run(save, self.outcome.emit)

    def skip_followup(self) -> None:
        """Stop the follow-up at once: generation is cancelled, any recorded one skipped."""
        self.cancel_followup()
        session = self._session()

        def skip(_ctx: OpContext) -> Outcome:
            for followup in session.current().followups:
                if followup.status == "pending":
                    session.skip_followup(followup.id)
            return Outcome(session.next())

        self._run(skip, self.outcome.emit)

    def go_on(self) -> None:
        """After the care message, or past a question already answered: the next question."""
        session = self._session()
        self._run(lambda _ctx: Outcome(session.next()), self.outcome.emit)

    def back(self, kind: str | None, value: object = None) -> None:
        """Keep what was entered (if anything) and go to the previous question."""
        session = self._session()

        def back(_ctx: OpContext) -> Outcome:
            _record(session, kind, value)
            return Outcome(session.back())

        self._run(back, self.outcome.emit)

    def edit(self, question_id: str) -> None:
        session = self._session()
        self._run(lambda _ctx: Outcome(session.edit(question_id)), self.outcome.emit)

    def save_and_review(self, kind: str | None, value: object = None) -> None:
        """Save the question being edited and return to the review page."""
        session = self._session()

        def save(_ctx: OpContext) -> Outcome:
            _record(session, kind, value)
            return Outcome(session.go_to_review())

        self._run(save, self.outcome.emit)

    def save_draft(self, text: str) -> None:
        """Keep the words being typed; best effort, never in the employee's way."""
        session = self.session
        if session is None:
            return
        Op(lambda _ctx: session.save_draft(text), owner=self).failure(
            self._draft_failed
        ).run_in_background()

    # ----------------------------------------------------------------- follow-ups
    def generate_followup(self, request: FollowupRequest) -> None:
        self.cancel_followup()
        session = self._session()
        op = self._assistant.generate(request)
        op.progress(lambda token: self.followup_token.emit(str(token)))
        op.success(lambda followup: self._record_followup(session, followup))
        op.failure(self._followup_failed)
        self._followup_ops.append(op.run_in_background())

    def cancel_followup(self) -> None:
        for op in self._followup_ops:
            op.cancel()
        self._followup_ops.clear()

    def _record_followup(self, session: InterviewSession, followup: Followup | None) -> None:
        if followup is None:  # cancelled
            return

        def record(_ctx: OpContext) -> Step:
            session.add_followup(followup)
            return session.current()

        op = Op(record, owner=self).success(self.followup_ready.emit)
        op.failure(self._store_failed)
        self._followup_ops.append(op.run_in_background())

    def _followup_failed(self, error: Exception) -> None:
        _log.error("Follow-up generation failed", exc_info=error)
        message = self.tr(
            "Your answer is saved. The assistant is unavailable, so we'll continue "
            "with the next question."
        )
        session = self._session()

        def moved_on(outcome: Outcome) -> None:
            self.outcome.emit(outcome)
            self.failed.emit(message)  # after the next question shows, which clears errors

        self._run(lambda _ctx: Outcome(session.next()), moved_on)

    # ----------------------------------------------------------------- finishing
    def load_review(self) -> None:
        session = self._session()
        self._run(lambda _ctx: session.review(), self.review_ready.emit)

    def submit(self) -> None:
        session = self._session()

        def submitted(code: str) -> None:
            self._summarise(session.id)
            self.cancel_followup()
            self.submitted.emit(code)

        self._run(lambda _ctx: session.submit(), submitted)

    def _summarise(self, interview_id: int) -> None:
        """Analysis and the HR summary after submit, in the background (a model writes the
        summary when one that follows instructions is in use, else it is extractive)."""
        store, backend = self._store, self._assistant.backend
        if store is None:
            return
        complete = completion_for(backend)
        Op(
            lambda _ctx: analyze_interview(store, interview_id, complete, backend.model),
            lane=Lane.WORK,
            owner=self,
            uses_store=True,  # closing the store waits for it
        ).failure(
            lambda error: _log.error("Analysis after submit failed", exc_info=error)
        ).run_in_background()

    def rate(self, rating: int) -> None:
        """The optional one-click 'how was this interview for you?' after submitting."""
        session = self._session()
        Op(lambda _ctx: session.rate_experience(rating), owner=self).failure(
            self._draft_failed
        ).run_in_background()

    # ----------------------------------------------------------------- plumbing
    def _session(self) -> InterviewSession:
        if self.session is None:
            raise InterviewStateError("No interview is running.")
        return self.session

    def _run(self, fn: Callable[[OpContext], T], done: Callable[[T], None]) -> None:
        """A session call on the store lane; one at a time, so a double press does nothing."""
        if self.busy:
            return
        self.busy = True
        generation = self._generation

        def finished(result: T) -> None:
            if generation != self._generation:
                return  # the store closed meanwhile: this interview is no longer shown
            self.busy = False
            done(result)

        def failed(error: Exception) -> None:
            if generation != self._generation:
                _log.error("A session call failed after the store closed", exc_info=error)
                return
            self.busy = False
            self._store_failed(error)

        Op(fn, owner=self).success(finished).failure(failed).run_in_background()

    def _store_failed(self, error: Exception) -> None:
        if isinstance(error, InvalidAnswerError | InterviewStateError):
            self.failed.emit(error.user_message)
        elif isinstance(error, ExitBotError):
            _log.error("Saving failed: %s", error.user_message)
            self.failed.emit(
                self.tr(
                    "We could not save that just now. What you answered before is safe. "
                    "Please try again, or let the HR person know."
                ),
            )
        else:
            raise error

    def _draft_failed(self, error: Exception) -> None:
        if not isinstance(error, ExitBotError):
            raise error
        _log.warning("A draft or rating was not saved: %s", error.user_message)


def _record(session: InterviewSession, kind: str | None, value: object = None) -> None:
    """Save the current question as the person left it: an answer, "prefer not to say",
    a skip, or (kind None) nothing at all."""
    if kind == ANSWER:
        session.answer(value)
    elif kind == PREFER_NOT:
        session.prefer_not_to_say()
    elif kind == SKIP:
        session.skip()


def _followup_policy(policy: StationPolicy) -> FollowupPolicy:
    return FollowupPolicy(
        per_question=policy.followups_per_question, per_interview=policy.followups_per_interview
    )


def _analyse(store: Store, answer_id: int) -> None:
    """Sentiment, themes and flags for the answer just saved (the lexicon: milliseconds).

    Never in the employee's way: the answer is already committed, and a failure here is
    logged; the full analysis after submit covers every answer again.
    """
    try:
        analyze_answer(store, answer_id)
    except ExitBotError as error:
        _log.warning("Analysing answer %s failed: %s", answer_id, error.user_message)


def _after_text(session: InterviewSession, text: str | None) -> Outcome:
    """After a saved answer: support if it suggests distress, else a follow-up or the next step."""
    if text and needs_care(text, session.language):
        session.flag_care()
        return Outcome(session.current(), care=True)
    request = session.followup_request() if text else None
    if request is not None:
        return Outcome(session.current(), followup=request)
    return Outcome(session.next())
