"""The chat-like thread of follow-ups under a question: earlier ones, the one being written.

Owns `FollowupChat`. While the assistant writes, a typing indicator shows; the words of
the follow-up it keeps appear as they come (a draft the guard refuses never does);
"Skip this follow-up" is there the whole time. Once the follow-up is recorded, its
final text (the same words, or a rules question when the model's were refused) is what
stays, and a reply box takes the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from exitbot_desktop.engine.records import AnswerRecord
from exitbot_desktop.ui.employee.answer_inputs import TextInput
from exitbot_desktop.ui.widgets import button, clear_layout, label

_DOTS = ("●○○", "○●○", "○○●")


class FollowupChat(QWidget):
    skip_requested = Signal()

    def __init__(self, max_length: int) -> None:
        super().__init__()
        self._history = QVBoxLayout()
        self._history.setSpacing(8)
        self.bubble = label("bubble-bot", selectable=True)
        self.typing = label("muted", wrap=False)
        self.reply = TextInput(max_length, "", lines=3)
        self.skip_button = button()
        self.skip_button.clicked.connect(self.skip_requested)
        self.followup_id: int | None = None  # the recorded follow-up awaiting a reply
        self._dots = 0
        self._timer = QTimer(self)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self._tick)

        skip_row = QHBoxLayout()
        skip_row.addWidget(self.typing)
        skip_row.addStretch(1)
        skip_row.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._history)
        layout.addWidget(self.bubble)
        layout.addWidget(self.reply)
        layout.addLayout(skip_row)
        self.clear()
        self.retranslate()

    def retranslate(self) -> None:
        self.typing.setAccessibleName(self.tr("The assistant is writing a follow-up question"))
        self.reply.box.setAccessibleName(self.tr("Your reply to the follow-up question"))
        self.skip_button.setText(self.tr("Skip this follo&w-up"))
        self.skip_button.setAccessibleName(self.tr("Skip this follow-up question"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def active(self) -> bool:
        """A follow-up is being written or waits for a reply."""
        return self.bubble.isVisible()

    def clear(self) -> None:
        clear_layout(self._history)
        self._stop()
        self.bubble.hide()
        self.reply.hide()
        self.skip_button.hide()
        self.followup_id = None

    def show_history(self, followups: tuple[AnswerRecord, ...]) -> None:
        """Follow-ups already asked; a pending one is shown ready for its reply."""
        self.clear()
        for followup in followups:
            if followup.status == "pending":
                self.show_recorded(followup)
                continue
            self._history.addWidget(self._bubble("bubble-bot", followup.followup_question or ""))
            reply = followup.text if followup.status == "answered" else self.tr("(skipped)")
            self._history.addWidget(self._bubble("bubble-me", reply or ""))

    def begin(self) -> None:
        """The assistant starts writing."""
        self.bubble.setText("")
        self.bubble.setAccessibleName(self.tr("Follow-up question"))
        self.bubble.show()
        self.reply.hide()
        self.skip_button.show()
        self.typing.show()
        self._dots = 0
        self._tick()
        self._timer.start()

    def append(self, text: str) -> None:
        self.bubble.setText(self.bubble.text() + text)

    def show_recorded(self, followup: AnswerRecord, draft: str | None = None) -> None:
        """The follow-up as recorded: its final text, and the reply box with the focus."""
        self._stop()
        self.followup_id = followup.id
        text = followup.followup_question or ""
        self.bubble.setText(text)
        self.bubble.setAccessibleName(self.tr("Follow-up question: {text}").format(text=text))
        self.bubble.show()
        self.skip_button.show()
        self.reply.set_value(draft)
        self.reply.box.setAccessibleDescription(text)
        self.reply.show()
        self.reply.box.setFocus()

    def _bubble(self, role: str, text: str) -> QLabel:
        bubble = label(role, selectable=True)
        bubble.setText(text)
        bubble.setAccessibleName(text)
        if role == "bubble-me":
            bubble.setAlignment(Qt.AlignmentFlag.AlignRight)
        return bubble

    def _tick(self) -> None:
        self.typing.setText(self.tr("Writing {dots}").format(dots=_DOTS[self._dots % len(_DOTS)]))
        self._dots += 1

    def _stop(self) -> None:
        self._timer.stop()
        self.typing.hide()
