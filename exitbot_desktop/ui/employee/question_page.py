"""One question at a time: its input, follow-ups underneath, Back / Skip / Next.

Owns `QuestionPage`. It shows whatever `Outcome` the controller delivers and turns the
person's actions back into controller calls; it never touches the session itself. Text
being typed is saved as a draft after a short pause (a debounce timer), so a crash
loses at most the last second or two. Keyboard: Tab moves between the input and the
buttons, Alt+letter triggers a button, Ctrl+Enter goes on from inside a text box.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from exitbot_desktop.engine.interview import (
    Answered,
    Outcome,
    PreferNotToSay,
    Response,
    Skipped,
    Step,
)
from exitbot_desktop.engine.records import AnswerRecord
from exitbot_desktop.engine.settings import CareContact
from exitbot_desktop.ui.employee.answer_inputs import AnswerInput, TextInput, make_input
from exitbot_desktop.ui.employee.care import CarePanel
from exitbot_desktop.ui.employee.controller import InterviewController
from exitbot_desktop.ui.employee.followup_chat import FollowupChat
from exitbot_desktop.ui.widgets import ErrorLine, Page, button, label, tab_order

DRAFT_DELAY_MS = 1500


class QuestionPage(Page):
    pause_requested = Signal()

    def __init__(self, controller: InterviewController) -> None:
        super().__init__()
        self._controller = controller
        self._step: Step | None = None
        self._language = "en"
        self.from_review = False
        self.care_contacts: tuple[CareContact, ...] = ()

        self.counter = label("muted", wrap=False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.question = label("question", selectable=False)
        self.help = label("muted")
        self._input_holder = QVBoxLayout()
        self._input_holder.setContentsMargins(0, 4, 0, 0)
        self.input: AnswerInput | None = None
        self.prefer_not = QCheckBox()
        self.followups = FollowupChat(4000)
        self.care = CarePanel()
        self.error = ErrorLine()
        self.back_button = button()
        self.skip_button = button()
        self.next_button = button(primary=True)

        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.skip_button)
        nav.addWidget(self.next_button)
        self.column.addWidget(self.counter)
        self.column.addWidget(self.progress)
        self.column.addSpacing(8)
        self.column.addWidget(self.question)
        self.column.addWidget(self.help)
        self.column.addLayout(self._input_holder)
        self.column.addWidget(self.prefer_not)
        self.column.addWidget(self.followups)
        self.column.addWidget(self.care)
        self.column.addWidget(self.error)
        self.column.addStretch(1)
        self.footer.addLayout(nav)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.flush_draft)
        self._draft_text: str | None = None

        self.next_button.clicked.connect(self._next)
        self.skip_button.clicked.connect(self._skip)
        self.back_button.clicked.connect(self._back)
        self.prefer_not.toggled.connect(self._prefer_not_toggled)
        self.followups.skip_requested.connect(self._skip_followup)
        self.followups.reply.edited.connect(self._typed)
        self.care.continue_requested.connect(self._after_care)
        self.care.pause_requested.connect(self.pause_requested)
        controller.followup_token.connect(self.followups.append)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._next)
        self.retranslate()

    # ------------------------------------------------------------------ showing
    def show_outcome(self, outcome: Outcome, language: str) -> None:
        step = outcome.step
        assert step.question is not None
        self._draft_timer.stop()
        self._draft_text = None
        self._language = language
        question = step.question
        same_question = self._step is not None and self._step.question == question
        self._step = step
        self.error.clear_message()
        if not same_question or self.input is None:
            self._build_input(step)
        self.counter.setText(
            self.tr("Question {number} of {total}").format(number=step.number, total=step.total)
        )
        self.progress.setRange(0, step.total)
        self.progress.setValue(step.number)
        self.progress.setAccessibleName(self.counter.text())
        text = question.text_for(language)
        self.question.setText(text)
        self.help.setText(question.help_for(language))
        self.help.setVisible(bool(self.help.text()))
        self.prefer_not.setVisible(question.allow_prefer_not and not step.followups)
        self.skip_button.setVisible(not question.required)

        pending = step.pending_followup
        if not same_question or not (outcome.care or outcome.followup or pending):
            self._fill(step, has_pending=pending is not None)
        self.followups.show_history(step.followups)
        if pending is not None:
            self.followups.show_recorded(pending, step.draft)
        self.care.hide()
        # Once the answer is saved and support or a follow-up comes next, the answer is
        # shown but not changed here: edits would land in the draft slot (and after a crash
        # in the follow-up's reply), and "Skip question" would overwrite the saved answer.
        answered = outcome.care or outcome.followup is not None or pending is not None
        if answered:
            self.prefer_not.hide()
            self.skip_button.hide()
        if self.input is not None:
            self.input.set_locked(answered)
        focus: QWidget | None = None
        if outcome.care:
            self.care.offer(self.care_contacts)
            focus = self.care.continue_button
        elif outcome.followup is not None:
            self.followups.begin()  # the controller is writing it
            focus = self.followups.skip_button
        elif pending is not None:
            focus = self.followups.reply.box
        elif self.input is not None:
            focus = self.input.focus_target()
        self._update_buttons()
        if focus is not None:
            focus.setFocus()
            self.reveal(self.care if outcome.care else focus)
        if pending is not None and same_question:
            self.reveal(self.followups.reply)

    def _build_input(self, step: Step) -> None:
        assert step.question is not None
        if self.input is not None:
            self.input.setParent(None)
            self.input.deleteLater()
        self.input = make_input(step.question, self._language)
        text = step.question.text_for(self._language)
        self.input.setAccessibleName(text)
        # A screen reader on "4" (or "Yes") hears which question it answers, and the help
        # line that says what the ends of a rating mean.
        context = " ".join(part for part in (text, step.question.help_for(self._language)) if part)
        for control in self.input.focus_chain():
            control.setAccessibleDescription(context)
        self._input_holder.addWidget(self.input)
        if isinstance(self.input, TextInput):
            self.input.edited.connect(self._typed)
        # Keep the order a keyboard user expects: answer, "prefer not", then the buttons.
        chain = [*self.input.focus_chain(), self.prefer_not, self.followups.reply.box]
        chain += [self.followups.skip_button, self.care.pause_button, self.care.continue_button]
        chain += [self.back_button, self.skip_button, self.next_button]
        tab_order(*chain)

    def _fill(self, step: Step, *, has_pending: bool) -> None:
        """The stored answer, or the draft typed before a crash, back in the input."""
        if self.input is None:
            return
        answer: AnswerRecord | None = step.answer
        self.prefer_not.blockSignals(True)
        self.prefer_not.setChecked(answer is not None and answer.status == "prefer_not")
        self.prefer_not.blockSignals(False)
        value = answer.value if answer is not None and answer.status == "answered" else None
        if step.draft and not has_pending and isinstance(self.input, TextInput):
            value = step.draft
        self.input.set_value(value)
        self.input.setEnabled(not self.prefer_not.isChecked())

    def first_focus(self) -> QWidget | None:
        return self.input.focus_target() if self.input is not None else None

    def retranslate(self) -> None:
        self.prefer_not.setText(self.tr("I'd &prefer not to say"))
        self.prefer_not.setAccessibleName(self.tr("I'd prefer not to say"))
        self.back_button.setText(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Back to the previous question"))
        self.skip_button.setText(self.tr("&Skip question"))
        self.skip_button.setAccessibleName(self.tr("Skip this question"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        if self.from_review:
            self.next_button.setText(self.tr("Save and &return to review"))
            self.next_button.setAccessibleName(self.tr("Save and return to the review"))
        else:
            self.next_button.setText(self.tr("&Next"))
            self.next_button.setAccessibleName(self.tr("Next question"))
        first = self._step is None or self._step.number <= 1
        self.back_button.setEnabled(not first)

    # ------------------------------------------------------------------ actions
    def _entered(self) -> Response | None:
        if self.prefer_not.isVisible() and self.prefer_not.isChecked():
            return PreferNotToSay()
        value = self.input.value() if self.input is not None else None
        return Answered(value) if value is not None else None

    def _next(self) -> None:
        if self._controller.busy or not self.isVisible():
            return
        self._drop_draft()
        if self.followups.active:
            if self.followups.followup_id is None:
                self._controller.skip_followup()  # Next while it is being written skips it
            else:
                reply = self.followups.reply.value()
                self._controller.reply_to_followup(str(reply or ""))
            return
        if self.care.isVisible():
            self._after_care()
            return
        response = self._entered()
        if response is None:
            step = self._step
            if step is not None and step.question is not None and step.question.required:
                self.error.show_message(self.tr("Please answer this question to go on."))
                return
            response = Skipped()
        # from_review stays set until the review is back (EmployeeMode clears it then), so
        # a save that fails can be tried again and still returns to the review.
        self._controller.respond(response, return_to_review=self.from_review)

    def _skip(self) -> None:
        if self._controller.busy:
            return
        if self.followups.active:
            # The question's answer is already saved: only the follow-up can be skipped.
            self._skip_followup()
            return
        self._drop_draft()
        self._controller.cancel_followup()
        self._controller.respond(Skipped(), return_to_review=self.from_review)

    def _back(self) -> None:
        if self._controller.busy:
            return
        self._controller.cancel_followup()
        if self.followups.active:
            # Keep the reply being typed: it comes back with the follow-up (show_recorded).
            self.flush_draft()
            self._controller.back()
            return
        self._drop_draft()
        self._controller.back(self._entered())

    def _skip_followup(self) -> None:
        self._drop_draft()
        self._controller.skip_followup()

    def _after_care(self) -> None:
        self.care.hide()
        self._controller.go_on()

    def _prefer_not_toggled(self, checked: bool) -> None:
        if self.input is not None:
            self.input.setEnabled(not checked)

    # ------------------------------------------------------------------ drafts
    def _typed(self, text: str) -> None:
        self._draft_text = text
        self._draft_timer.start()

    def _drop_draft(self) -> None:
        """The answer being saved now supersedes the pending draft."""
        self._draft_timer.stop()
        self._draft_text = None

    def flush_draft(self) -> None:
        """Save what is typed now (also called before the station leaves this page)."""
        self._draft_timer.stop()
        if self._draft_text is not None:
            self._controller.save_draft(self._draft_text)
            self._draft_text = None
