"""The end of an interview: thanks, the receipt code and what it is for, a one-click rating.

Owns `ThanksPage`, also used (without code or rating) after someone declines. The page
returns to the welcome screen by itself after the `thank_you_seconds` setting, with a
visible countdown, so the next person never sees it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from exitbot_desktop.ui.widgets import Box, Page, button, label, tab_order

# Over the app's stylesheet (which draws the code's box): a frame in the focus colour, one
# pixel less padding for the one pixel more border, so nothing moves when focus arrives.
_CODE_FOCUS = "QLabel:focus { border: 2px solid palette(highlight); padding: 9px 13px; }"


class ThanksPage(Page):
    finished = Signal()
    rated = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self._code = ""
        self._remaining = 0
        self._title = label("title")
        self._text = label("subtitle")
        self._code_intro = label()
        self.code = label("code", wrap=False, selectable=True)
        # The code takes the focus first: a screen reader reads it out, and a reflex
        # Space lands here rather than on a rating. The frame shows where focus is.
        self.code.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.code.setStyleSheet(_CODE_FOCUS)
        self._code_use = label("muted")
        self._code_card = Box()
        code_row = QHBoxLayout()
        code_row.addWidget(self.code)
        code_row.addStretch(1)
        self._code_card.body.addWidget(self._code_intro)
        self._code_card.body.addLayout(code_row)
        self._code_card.body.addWidget(self._code_use)

        self._rating_card = Box()
        self._rating_question = label()
        self._rating_thanks = label("muted")
        self._rating_group = QButtonGroup(self)
        rating_row = QHBoxLayout()
        self.rating_buttons: list[QPushButton] = []
        self._low = label("muted", wrap=False)
        rating_row.addWidget(self._low)
        for value in range(1, 6):
            choice = button()
            choice.setProperty("choice", True)
            choice.setCheckable(True)
            choice.setText(str(value))
            self._rating_group.addButton(choice, value)
            self.rating_buttons.append(choice)
            rating_row.addWidget(choice)
        self._high = label("muted", wrap=False)
        rating_row.addWidget(self._high)
        rating_row.addStretch(1)
        self._rating_card.body.addWidget(self._rating_question)
        self._rating_card.body.addLayout(rating_row)
        self._rating_card.body.addWidget(self._rating_thanks)

        self.countdown = label("muted")
        self.done_button = button(primary=True)
        row = QHBoxLayout()
        row.addWidget(self.countdown, 1)
        row.addWidget(self.done_button)
        self.column.addWidget(self._title)
        self.column.addWidget(self._text)
        self.column.addWidget(self._code_card)
        self.column.addWidget(self._rating_card)
        self.column.addLayout(row)
        self.column.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.done_button.clicked.connect(self._finish)
        tab_order(self.code, *self.rating_buttons, self.done_button)
        self._rating_group.idClicked.connect(self._rate)
        self.retranslate()

    def show_receipt(self, code: str, seconds: int) -> None:
        self._code = code
        self.code.setText(code)
        self._code_card.show()
        self._rating_card.show()
        self._reset_rating()
        self._start(seconds)

    def show_declined(self, seconds: int) -> None:
        self._code = ""
        self._code_card.hide()
        self._rating_card.hide()
        self._start(seconds)

    def first_focus(self) -> QWidget:
        return self.code if self._code else self.done_button

    def stop(self) -> None:
        self._timer.stop()

    def retranslate(self) -> None:
        self._title.setText(self.tr("Thank you"))
        if self._code:
            self._text.setText(
                self.tr("Your answers have been submitted. Thank you for your time and honesty.")
            )
        else:
            self._text.setText(
                self.tr(
                    "That's completely fine. Nothing has been recorded except that you chose "
                    "not to take part. Please let the HR person know you are done."
                )
            )
        self._code_intro.setText(self.tr("Your receipt code:"))
        self.code.setAccessibleName(self.tr("Receipt code {code}").format(code=self._code))
        self._code_use.setText(
            self.tr(
                "Please write it down. If you later want to see or delete your answers, give "
                "this code to HR; it is the only way to find your interview."
            )
        )
        self.code.setAccessibleDescription(self._code_use.text())
        self._rating_question.setText(self.tr("How was this interview for you? (optional)"))
        self._low.setText(self.tr("Not good"))
        self._high.setText(self.tr("Very good"))
        for value, choice in enumerate(self.rating_buttons, start=1):
            choice.setAccessibleName(self.tr("Rate the interview {value} of 5").format(value=value))
        self.done_button.setText(self.tr("&Finish"))
        self.done_button.setAccessibleName(self.tr("Finish"))
        self._show_countdown()

    def _start(self, seconds: int) -> None:
        self._remaining = seconds
        self.retranslate()
        self._timer.start()

    def _reset_rating(self) -> None:
        self._rating_group.setExclusive(False)
        for choice in self.rating_buttons:
            choice.setChecked(False)
            choice.setEnabled(True)
        self._rating_group.setExclusive(True)
        self._rating_thanks.clear()

    def _rate(self, value: int) -> None:
        for choice in self.rating_buttons:
            choice.setEnabled(choice is self._rating_group.button(value))
        self._rating_thanks.setText(self.tr("Thank you for your feedback."))
        self.rated.emit(value)
        self.done_button.setFocus()

    def _tick(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self._finish()
        else:
            self._show_countdown()

    def _show_countdown(self) -> None:
        self.countdown.setText(
            self.tr("This screen closes by itself in {seconds} seconds.").format(
                seconds=max(self._remaining, 0)
            )
        )

    def _finish(self) -> None:
        self._timer.stop()
        self.finished.emit()
