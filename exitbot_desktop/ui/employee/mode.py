"""Employee mode: the armed station, from welcome to thank-you, and back for the next person.

Owns `EmployeeMode`, a widget with its own page stack (welcome, question, review,
thanks, pause) and the `InterviewController` they share. It routes the controller's
results to the right page, keeps the idle watch running while a page that shows or
invites answers is up (welcome, question, review, pause), and asks the main window
(through signals) when the employee switches language, when an HR officer wants out,
and when the station should lock itself: someone who walks away must not leave their
answers for the next person to page through.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from exitbot_desktop.engine.interview import Outcome
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.settings import Settings
from exitbot_desktop.ui.assistant import Assistant
from exitbot_desktop.ui.employee.care import PausePage
from exitbot_desktop.ui.employee.controller import InterviewController
from exitbot_desktop.ui.employee.question_page import QuestionPage
from exitbot_desktop.ui.employee.review import ReviewPage
from exitbot_desktop.ui.employee.thanks import ThanksPage
from exitbot_desktop.ui.employee.welcome import WelcomePage
from exitbot_desktop.ui.idle import IdleWatch
from exitbot_desktop.ui.station import Arming
from exitbot_desktop.ui.widgets import ErrorLine, Page, button, label

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


class _WaitPage(Page):
    """Nothing but room for an error: shown between interviews and while one loads, so the
    previous person's last screen never shows to the next."""

    def __init__(self) -> None:
        super().__init__()
        self.error = ErrorLine()
        self.column.addStretch(1)
        self.column.addWidget(self.error)
        self.column.addStretch(1)


class EmployeeMode(QWidget):
    leave_requested = Signal()  # an HR officer wants the station back (password follows)
    idle_timeout = Signal()  # nobody touched an interview page for `idle_disarm_minutes`
    rearm_needed = Signal()  # the next interview needs HR (a named interview ended)
    language_changed = Signal(str)

    def __init__(self, assistant: Assistant) -> None:
        super().__init__()
        self.controller = InterviewController(assistant)
        self._store: Store | None = None
        self._arming: Arming | None = None
        self._settings = Settings()

        self._organisation = label("muted", wrap=False)
        self.leave_button = button(flat=True)
        bar = QHBoxLayout()
        bar.setContentsMargins(16, 8, 16, 0)
        bar.addWidget(self._organisation)
        bar.addStretch(1)
        bar.addWidget(self.leave_button)

        self.stack = QStackedWidget()
        self.waiting = _WaitPage()
        self.welcome = WelcomePage()
        self.question = QuestionPage(self.controller)
        self.review = ReviewPage()
        self.thanks = ThanksPage()
        self.pause = PausePage()
        pages = (self.waiting, self.welcome, self.question, self.review, self.thanks, self.pause)
        for page in pages:
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self.idle = IdleWatch()
        self.idle.idle.connect(self.idle_timeout)
        self.stack.currentChanged.connect(self._watch_idle)
        self.leave_button.clicked.connect(self.leave_requested)

        c = self.controller
        c.outcome.connect(self._outcome)
        c.submitted.connect(self._submitted)
        c.declined.connect(self._declined)
        c.resumed.connect(self._resumed)
        c.consent_needed.connect(self._consent_needed)
        c.failed.connect(self._failed)
        self.welcome.start_requested.connect(c.consent)
        self.welcome.decline_confirmed.connect(c.decline)
        self.welcome.language_chosen.connect(self._language_chosen)
        self.question.pause_requested.connect(lambda: self._show(self.pause))
        self.pause.resume_requested.connect(self._resume_after_pause)
        self.review.edit_requested.connect(self._edit)
        self.review.back_requested.connect(lambda: c.back())
        self.review.submit_requested.connect(c.submit)
        self.thanks.rated.connect(c.rate)
        self.thanks.finished.connect(self._next_person)
        self.retranslate()

    # ----------------------------------------------------------------- arming
    def arm(self, store: Store, arming: Arming) -> None:
        """Hand the station to the next person: the welcome screen, nothing recorded yet."""
        self._store, self._arming, self._settings = store, arming, arming.settings
        self.controller.arm(store, arming)
        self.question.care_contacts = arming.settings.care_contacts
        self._organisation.setText(store.organisation)
        self.welcome.show_for(arming, store.organisation)
        self._show(self.welcome)

    def resume(self, store: Store, interview_id: int, arming: Arming) -> None:
        """Continue an interrupted interview; `arming` serves the next person after it."""
        self._store, self._arming, self._settings = store, arming, arming.settings
        self.question.care_contacts = arming.settings.care_contacts
        self._organisation.setText(store.organisation)
        self.waiting.error.clear_message()
        self._show(self.waiting)  # until the interview is loaded
        self.controller.resume(store, interview_id, arming.settings)

    def stop(self) -> None:
        """HR takes the station back: keep what is typed, stop timers and follow-ups."""
        self.question.flush_draft()
        self.controller.cancel_followup()
        self.thanks.stop()
        self.idle.stop()
        self.stack.setCurrentWidget(self.waiting)

    def forget(self) -> None:
        """The store is closing (lock, disarm, shutdown): hold nothing that refers to it.

        Call after `stop`, whose draft is already queued on the store lane.
        """
        self._store = None
        self._arming = None
        self.controller.forget()

    # ----------------------------------------------------------------- routing
    def _show(self, page: Page) -> None:
        self.stack.setCurrentWidget(page)
        focus = page.first_focus()
        if focus is not None:
            focus.setFocus()

    def _outcome(self, outcome: Outcome) -> None:
        if outcome.review is not None:
            self.question.from_review = False
            self.review.show_items(outcome.review, self.controller.language)
            self._show(self.review)
            return
        self.question.show_outcome(outcome, self.controller.language)
        if self.stack.currentWidget() is not self.question:
            self.stack.setCurrentWidget(self.question)

    def _edit(self, question_id: str) -> None:
        self.question.from_review = True
        self.controller.edit(question_id)

    def _submitted(self, code: str) -> None:
        self.thanks.show_receipt(code, self._settings.thank_you_seconds)
        self._show(self.thanks)

    def _declined(self) -> None:
        self.thanks.show_declined(self._settings.thank_you_seconds)
        self._show(self.thanks)

    def _resumed(self, language: str) -> None:
        if self._arming is not None:
            self._arming = dataclasses.replace(self._arming, language=language)
        self.language_changed.emit(language)

    def _consent_needed(self) -> None:
        """A resumed interview that never got consent: ask, in its own terms and language."""
        session = self.controller.session
        if self._arming is not None and self._store is not None and session is not None:
            fixed = dataclasses.replace(self._arming, meta=session.meta, language=session.language)
            self.welcome.show_for(fixed, self._store.organisation, language_fixed=True)
        self._show(self.welcome)

    def _language_chosen(self, language: str) -> None:
        self.controller.set_language(language)
        if self._arming is not None:
            self._arming = dataclasses.replace(self._arming, language=language)
            self.welcome.set_language(self._arming)
        self.language_changed.emit(language)

    def _watch_idle(self) -> None:
        """Time the pages that show or invite answers; the others end on their own."""
        watched = (self.welcome, self.question, self.review, self.pause)
        if self.stack.currentWidget() in watched and self._settings.idle_disarm_minutes > 0:
            self.idle.start(self._settings.idle_disarm_minutes)
        else:
            self.idle.stop()

    def _resume_after_pause(self) -> None:
        self.stack.setCurrentWidget(self.question)
        self.question.care.continue_button.setFocus()

    def _next_person(self) -> None:
        """After thanks: a fresh anonymous welcome, or back to HR if the last was named."""
        arming, store = self._arming, self._store
        if arming is None or store is None or self._settings.anonymity == "named":
            self.rearm_needed.emit()
            return
        blank = dataclasses.replace(arming, meta=InterviewMeta(anonymous=True))
        self.arm(store, blank)

    def _failed(self, message: str) -> None:
        page = self.stack.currentWidget()
        error = getattr(page, "error", None)
        if isinstance(error, ErrorLine):
            error.show_message(message)

    def retranslate(self) -> None:
        self.leave_button.setText(self.tr("For HR staff: end interview mode"))
        self.leave_button.setAccessibleName(self.tr("For HR staff: end interview mode"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
