"""A question as the employee will see it, before the set is saved or activated.

Owns `QuestionPreview`, a dialog holding the employee's own `QuestionPage` (not a copy
of it), shown the question in English or German. The question is checked with the set
file's parser first; one that it refuses shows the parser's messages instead. Answers
typed into a preview go nowhere: its controller has no interview and reports itself
busy, so Next, Skip and Back do nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QWidget

from exitbot_desktop.engine.errors import QuestionSetError
from exitbot_desktop.engine.interview import Outcome, Step
from exitbot_desktop.engine.questions import Question, parse_question_set
from exitbot_desktop.ui.assistant import Assistant
from exitbot_desktop.ui.employee.controller import InterviewController
from exitbot_desktop.ui.employee.question_page import QuestionPage
from exitbot_desktop.ui.widgets import ErrorLine, button, button_row, dialog_column, label


def parse_one(content: dict[str, Any], question: dict[str, Any]) -> Question:
    """`question` checked alone, as the set's parser checks it (its branch left out: the
    preview shows the question whatever came before)."""
    alone = {k: v for k, v in question.items() if k != "show_if"}
    qs = parse_question_set({**content, "version": 1, "questions": [alone]}, "preview")
    return qs.questions[0]


class QuestionPreview(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content: dict[str, Any] = {}
        self._question: dict[str, Any] = {}
        self._number, self._total = 1, 1
        self.note = label("muted")
        self.language = QComboBox()
        self.controller = InterviewController(Assistant())
        self.controller.busy = True  # see the module docstring: a preview records nothing
        self.page = QuestionPage(self.controller)
        self.problems = ErrorLine()
        self.close_button = button(primary=True)
        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(self.language)
        self._column = dialog_column(
            self, top, self.page, self.problems, button_row(self.close_button)
        )
        self.language.currentIndexChanged.connect(self._render)
        self.close_button.clicked.connect(self.accept)
        self.resize(760, 620)
        self.retranslate()

    def show_question(
        self, content: dict[str, Any], question: dict[str, Any], number: int, total: int
    ) -> None:
        """Render `question` (file form) of the set `content` as question `number` of `total`."""
        self._content, self._question = content, question
        self._number, self._total = number, total
        chosen = self.language.currentData()
        self.language.blockSignals(True)
        self.language.clear()
        names = {"en": self.tr("English"), "de": self.tr("German")}
        languages = content.get("languages")
        for code in languages if isinstance(languages, list) else ["en"]:
            self.language.addItem(names.get(str(code), str(code)), str(code))
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        self.language.blockSignals(False)
        self._render()

    def _render(self) -> None:
        try:
            question = parse_one(self._content, self._question)
        except QuestionSetError as refused:
            self.page.hide()  # the last question shown, with no new one to replace it
            self.problems.show_message(
                self.tr("This question cannot be shown yet:") + "\n" + refused.user_message
            )
            return
        self.problems.clear_message()
        # A new page for each rendering: the employee's page keeps a question's input
        # while the question stays the same, and here the language of its options changes.
        fresh = QuestionPage(self.controller)
        self._column.replaceWidget(self.page, fresh)
        self.page.hide()
        self.page.deleteLater()
        self.page = fresh
        step = Step(question, self._number, self._total, None, (), None)
        self.page.show_outcome(Outcome(step), str(self.language.currentData() or "en"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preview of a question"))
        self.note.setText(
            self.tr("The employee sees the question like this. Answers typed here are not saved.")
        )
        self.language.setAccessibleName(self.tr("Language of the preview"))
        self.close_button.setText(self.tr("Close"))
