"""Review and submit: every answer listed in the person's words, each one changeable.

Owns `ReviewPage` and `describe_answer`. Nothing is final until Submit; "Change" jumps
to the question and its Next button then comes back here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from exitbot_desktop.engine.questions import Question
from exitbot_desktop.engine.store.interviews import AnswerRecord
from exitbot_desktop.ui.widgets import (
    Box,
    ErrorLine,
    Page,
    button,
    clear_layout,
    label,
    tab_order,
)

ReviewItem = tuple[Question, AnswerRecord | None, list[AnswerRecord]]


def describe_answer(question: Question, answer: AnswerRecord | None, language: str) -> str:
    """An answer as the person would say it (choice labels, Yes/No, "Skipped")."""

    if answer is None:
        return QCoreApplication.translate("ReviewPage", "Not answered")
    if answer.status == "skipped":
        return QCoreApplication.translate("ReviewPage", "Skipped")
    if answer.status == "prefer_not":
        return QCoreApplication.translate("ReviewPage", "Prefer not to say")
    value = answer.value
    labels = {c.id: c.label_for(language) for c in question.choices}
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ReviewPage", "Yes")
            if value
            else QCoreApplication.translate("ReviewPage", "No")
        )
    if isinstance(value, list):
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    if question.type == "rating":
        return QCoreApplication.translate("ReviewPage", "{value} of 5").format(value=value)
    if question.type == "scale_0_10":
        return QCoreApplication.translate("ReviewPage", "{value} of 10").format(value=value)
    return labels.get(str(value), str(value))


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

    def show_items(self, items: list[ReviewItem], language: str) -> None:
        clear_layout(self._items)
        self.change_buttons.clear()
        self.error.clear_message()
        chain: list[QWidget] = []
        for number, (question, answer, followups) in enumerate(items, start=1):
            card = Box()
            text = question.text_for(language)
            heading = label("muted")
            heading.setText(f"{number}. {text}")
            said_text = describe_answer(question, answer, language)
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
