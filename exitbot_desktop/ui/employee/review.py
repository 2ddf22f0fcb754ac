"""Review and submit: every answer listed in the person's words, each one changeable.

Owns `ReviewPage`. Nothing is final until Submit; "Change" jumps to the question and its
Next button then comes back here. Answers are put into words by the engine
(`answer_text`), as in the HR reports.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from exitbot_desktop.engine.answer_text import answer_text
from exitbot_desktop.engine.interview import ReviewItem
from exitbot_desktop.ui.widgets import (
    Box,
    ErrorLine,
    Page,
    button,
    clear_layout,
    label,
    tab_order,
)


class ReviewPage(Page):
    edit_requested = Signal(str)
    back_requested = Signal()
    submit_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._title = label("title")
        self._intro = label("subtitle")
        self._items = QVBoxLayout()
        self._items.setSpacing(10)
        self.error = ErrorLine()
        self.back_button = button()
        self.submit_button = button(primary=True)
        self.change_buttons: dict[str, QWidget] = {}
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.submit_button)
        self.column.addWidget(self._title)
        self.column.addWidget(self._intro)
        self.column.addLayout(self._items)
        self.column.addWidget(self.error)
        self.column.addStretch(1)
        self.footer.addLayout(row)
        self.back_button.clicked.connect(self.back_requested)
        self.submit_button.clicked.connect(self.submit_requested)
        self.retranslate()

    def show_items(self, items: Sequence[ReviewItem], language: str) -> None:
        clear_layout(self._items)
        self.change_buttons.clear()
        self.error.clear_message()
        chain: list[QWidget] = []
        for number, item in enumerate(items, start=1):
            question, followups = item.question, item.followups
            card = Box()
            text = question.text_for(language)
            heading = label("muted")
            heading.setText(f"{number}. {text}")
            said_text = answer_text(question, item.answer, language)
            said = label(selectable=True)
            said.setText(said_text)
            said.setAccessibleName(self.tr("Your answer to: {question}").format(question=text))
            change = button(flat=True)
            top = QHBoxLayout()
            top.addWidget(heading, 1)
            top.addWidget(change, 0, Qt.AlignmentFlag.AlignTop)
            card.body.addLayout(top)
            card.body.addWidget(said)
            for followup in followups:
                asked = label("bubble-bot")
                asked.setText(followup.followup_question or "")
                reply = label("bubble-me", selectable=True)
                reply.setText(
                    followup.text
                    if followup.status == "answered" and followup.text
                    else self.tr("(skipped)")
                )
                card.body.addWidget(asked)
                card.body.addWidget(reply)
            change.setText(self.tr("Change"))
            change.setAccessibleName(
                self.tr("Change your answer to: {question}").format(question=text)
            )
            # A screen reader tabbing through the Change buttons hears each answer too.
            change.setAccessibleDescription(
                self.tr("Your answer: {answer}").format(answer=said_text)
            )
            change.clicked.connect(
                lambda _checked=False, qid=question.id: self.edit_requested.emit(qid)
            )
            self._items.addWidget(card)
            self.change_buttons[question.id] = change
            chain.append(change)
        tab_order(*chain, self.back_button, self.submit_button)

    def first_focus(self) -> QWidget:
        # Not Submit: one reflex Space there would send everything for good.
        return next(iter(self.change_buttons.values()), self.back_button)

    def retranslate(self) -> None:
        self._title.setText(self.tr("Check your answers"))
        self._intro.setText(
            self.tr(
                "You can change any answer before you submit. Nothing is sent to anyone until "
                "you press Submit."
            )
        )
        self.back_button.setText(self.tr("&Back to the questions"))
        self.back_button.setAccessibleName(self.tr("Back to the questions"))
        self.submit_button.setText(self.tr("S&ubmit my answers"))
        self.submit_button.setAccessibleName(self.tr("Submit my answers"))
