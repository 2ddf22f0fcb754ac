"""One interview's traffic with the engine: session calls on the store lane, follow-ups on the
model lane, and every result back on the GUI thread through one signal.

Owns `InterviewController`. It only schedules: each session call (respond, back, reply,
submit, …) runs on the store lane, in order, and its `Outcome` (what to show, and whether
support, a follow-up or the review comes next) is emitted as `outcome`. When an outcome
says a follow-up is due, the controller starts writing it; the streamed words go out as
`followup_token`, and the recorded follow-up comes back as the next `outcome`. What
follows an answer is decided by the engine (`InterviewSession.respond`), never here.
Failures reach the employee as calm sentences; bugs are re-raised.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from exitbot_desktop.engine.analysis.pipeline import analyse_interview
from exitbot_desktop.engine.errors import ExitBotError, InterviewStateError, InvalidAnswerError
from exitbot_desktop.engine.followup_policy import Followup, FollowupPolicy
from exitbot_desktop.engine.interview import InterviewSession, Outcome, Response
from exitbot_desktop.engine.llm.complete import completion_for
from exitbot_desktop.engine.settings import Settings
from exitbot_desktop.ui.assistant import Assistant
from exitbot_desktop.ui.operations import Lane, Op, OpContext
from exitbot_desktop.ui.station import Arming

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

T = TypeVar("T")
_log = logging.getLogger("exitbot.ui.interview")


class InterviewController(QObject):
    outcome = Signal(object)  # Outcome: show this step (and start what it says comes next)
    followup_token = Signal(str)  # streamed text of the follow-up being written
    resumed = Signal(str)  # an interrupted interview is back; its language
    consent_needed = Signal()  # ... but it never got consent
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
        existing = self.session

        def start(_ctx: OpContext) -> tuple[InterviewSession, Outcome]:
            session = existing or self._new_session()
            return session, session.consent()

        self._run(start, self._started)

    def decline(self) -> None:
        existing = self.session

        def decline(_ctx: OpContext) -> None:
            (existing or self._new_session()).decline()

        def declined(_none: None) -> None:
            self.cancel_followup()
            self.declined.emit()

        self._run(decline, declined)

    def resume(self, store: Store, interview_id: int, settings: Settings) -> None:
        """Continue an interrupted interview at the question where it stopped."""
        self._store = store

        def resume(_ctx: OpContext) -> tuple[InterviewSession, Outcome | None]:
            session = InterviewSession.resume(
                store.interview_store, interview_id, policy=_followup_policy(settings)
            )
            return session, None if session.status == "created" else session.state()

        self._run(resume, self._resumed)

    def _new_session(self) -> InterviewSession:
        """Runs on the store lane, from `consent` or `decline`."""
        store, arming = self._store, self._arming
        assert store is not None and arming is not None
        return InterviewSession.start(
            store.interview_store,
            arming.question_set,
            language=arming.language,
            meta=arming.meta,
            policy=_followup_policy(arming.settings),
        )

    def _started(self, result: tuple[InterviewSession, Outcome]) -> None:
        self.session, outcome = result
        self._assistant.begin_interview(self.session.language)
        self._show(outcome)

    def _resumed(self, result: tuple[InterviewSession, Outcome | None]) -> None:
        self.session, outcome = result
        self._assistant.begin_interview(self.session.language)
        self.resumed.emit(self.session.language)
        if outcome is None:
            self.consent_needed.emit()
        else:
            self._show(outcome)

    # ----------------------------------------------------------------- answering
    def respond(self, response: Response, *, return_to_review: bool = False) -> None:
        """Save the current question's answer; the engine says what follows."""
        session = self._session()
        self._run(
            lambda _ctx: session.respond(response, return_to_review=return_to_review), self._show
        )

    def reply_to_followup(self, text: str) -> None:
        session = self._session()
        self._run(lambda _ctx: session.reply_to_followup(text), self._show)

    def skip_followup(self) -> None:
        """Stop the follow-up at once: generation is cancelled, a recorded one skipped."""
        self.cancel_followup()
        session = self._session()
        self._run(lambda _ctx: session.skip_followup(), self._show)

    def go_on(self) -> None:
        """After the support message, or past a question already answered: the next question."""
        session = self._session()
        self._run(lambda _ctx: session.go_on(), self._show)

    def back(self, response: Response | None = None) -> None:
        """Keep what was entered (if anything) and go to the previous question."""
        self.cancel_followup()
        session = self._session()
        self._run(lambda _ctx: session.back(response), self._show)

    def edit(self, question_id: str) -> None:
        session = self._session()
        self._run(lambda _ctx: session.edit(question_id), self._show)

    def save_draft(self, text: str) -> None:
        """Keep the words being typed; best effort, never in the employee's way."""
        session = self.session
        if session is None:
            return
        Op(lambda _ctx: session.save_draft(text), owner=self).failure(
            self._draft_failed
        ).run_in_background()

    # ----------------------------------------------------------------- follow-ups
    def _show(self, outcome: Outcome) -> None:
        self.outcome.emit(outcome)
        if outcome.followup is not None:
            self._write_followup(outcome)

    def _write_followup(self, outcome: Outcome) -> None:
        assert outcome.followup is not None
        self.cancel_followup()
        session = self._session()
        op = self._assistant.generate(outcome.followup)
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
        op = Op(lambda _ctx: session.record_followup(followup), owner=self)
        op.success(self._show).failure(self._store_failed)
        self._followup_ops.append(op.run_in_background())

    def _followup_failed(self, error: Exception) -> None:
        _log.error("Follow-up generation failed", exc_info=error)
        message = self.tr(
            "Your answer is saved. The assistant is unavailable, so we'll continue "
            "with the next question."
        )
        session = self._session()

        def moved_on(outcome: Outcome) -> None:
            self._show(outcome)
            self.failed.emit(message)  # after the next question shows, which clears errors

        self._run(lambda _ctx: session.go_on(), moved_on)

    # ----------------------------------------------------------------- finishing
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
            lambda _ctx: analyse_interview(
                store.interview_store, interview_id, complete, backend.model
            ),
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


def _followup_policy(settings: Settings) -> FollowupPolicy:
    return FollowupPolicy(
        per_question=settings.followups_per_question,
        per_interview=settings.followups_per_interview,
    )
