"""The editor of one question set: its title, its questions in order, the selected one's form.

Owns `QuestionSetEditor`. It edits the set in file form and hands it back whole
(`content`); the Questions page saves it through the engine, and a refusal comes back
as the parser's messages, listed here one per line, with nothing saved. The order of
the questions changes by dragging a row or with Ctrl+Up / Ctrl+Down in the list.
Built-in and legacy sets are shown read-only: they can be previewed and copied.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from exitbot_desktop.ui.hr.question_form import LANGUAGES, QuestionForm
from exitbot_desktop.ui.hr.question_list_model import QuestionListModel
from exitbot_desktop.ui.hr.question_preview import QuestionPreview
from exitbot_desktop.ui.widgets import Box, button, label, tab_order


class QuestionSetEditor(QWidget):
    dirty_changed = Signal(bool)  # the set differs from what was last loaded or saved

    def __init__(self) -> None:
        super().__init__()
        self._content: dict[str, Any] = {}
        self._saved: dict[str, Any] = {}
        self._dirty = False
        self._editable = False
        self._row = -1
        self.preview: QuestionPreview | None = None

        self.title_edits = {lang: QLineEdit() for lang in LANGUAGES}
        self.model = QuestionListModel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setDropIndicatorShown(True)
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.add_button = button()
        self.remove_button = button()
        self.up_button = button()
        self.down_button = button()
        self.preview_button = button()
        self.form = QuestionForm()
        self.problems_heading = label("error")
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self._problems_box = Box("notice")
        self._problems_box.body.addWidget(self.problems_heading)
        self._problems_box.body.addWidget(self.problems)
        self._problems_box.hide()

        titles = QFormLayout()
        self._title_labels = {lang: label(wrap=False) for lang in LANGUAGES}
        for lang in LANGUAGES:
            self._title_labels[lang].setBuddy(self.title_edits[lang])
            titles.addRow(self._title_labels[lang], self.title_edits[lang])
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        moves = QHBoxLayout()
        for widget in (self.up_button, self.down_button):
            moves.addWidget(widget)
        left.addLayout(moves)
        edits = QHBoxLayout()
        for widget in (self.add_button, self.remove_button):
            edits.addWidget(widget)
        left.addLayout(edits)
        left.addWidget(self.preview_button)
        row = QHBoxLayout()
        row.setSpacing(18)
        row.addLayout(left, 2)
        row.addWidget(self.form, 3)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(titles)
        column.addLayout(row)
        column.addWidget(self._problems_box)

        for keys, step in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            QShortcut(QKeySequence(keys), self.list, lambda step=step: self.move_selected(step))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.add_button.clicked.connect(self.add_question)
        self.remove_button.clicked.connect(self.remove_question)
        self.preview_button.clicked.connect(self.show_preview)
        self.list.selectionModel().currentRowChanged.connect(self._selected)
        self.model.rowsAboutToBeMoved.connect(self._forget_row)
        self.model.rowsMoved.connect(self._moved)
        self.form.edited.connect(self._form_edited)
        for edit in self.title_edits.values():
            edit.textEdited.connect(self._mark_dirty)
        tab_order(
            *self.title_edits.values(),
            self.list,
            self.up_button,
            self.down_button,
            self.add_button,
            self.remove_button,
            self.preview_button,
            self.form.id_edit,
        )
        self.retranslate()

    # ------------------------------------------------------------------ the page's calls
    def load(self, content: dict[str, Any], *, editable: bool) -> None:
        """Show a set; only a custom set (`editable`) takes changes."""
        self._content = copy.deepcopy(content)
        self._saved = copy.deepcopy(content)
        self._editable = editable
        for lang in LANGUAGES:
            title = content.get("title")
            self.title_edits[lang].setText(
                str(title.get(lang) or "") if isinstance(title, dict) else ""
            )
        self.model.set_questions(list(content.get("questions") or []))
        self._row = -1
        for widget in (*self.title_edits.values(), self.form):
            widget.setEnabled(editable)
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button):
            widget.setEnabled(editable)
        self.list.setDragEnabled(editable)
        self.clear_problems()
        self._set_dirty(False)
        if self.model.rowCount():
            self.select(0)

    def content(self) -> dict[str, Any]:
        """The set as edited, in file form."""
        self._keep_form()
        title = self._content.get("title")
        titles = dict(title) if isinstance(title, dict) else {}
        for lang, edit in self.title_edits.items():
            if edit.text().strip():
                titles[lang] = edit.text().strip()
            else:
                titles.pop(lang, None)
        return {**self._content, "title": titles, "questions": self.model.questions()}

    def saved(self) -> None:
        """What is shown was stored: it is the new point to compare with."""
        self._saved = self.content()
        self._set_dirty(False)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def show_problems(self, problems: list[str]) -> None:
        self.problems.clear()
        self.problems.addItems(problems)
        lines = min(max(len(problems), 2), 10) * 2  # a message may wrap onto a second line
        self.problems.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 16)
        self._problems_box.show()

    def clear_problems(self) -> None:
        self.problems.clear()
        self._problems_box.hide()

    # ------------------------------------------------------------------ questions
    def select(self, row: int) -> None:
        index = self.model.index(row)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def move_selected(self, step: int) -> None:
        """Ctrl+Up / Ctrl+Down and the two buttons: one place up or down."""
        row = self.list.currentIndex().row()
        if self._editable and row >= 0:
            self._keep_form()
            self.model.move(row, row + step)

    def add_question(self) -> None:
        if not self._editable:
            return
        self._keep_form()
        row = self.list.currentIndex().row() + 1 if self.list.currentIndex().isValid() else 0
        taken = {q.get("id") for q in self.model.questions()}
        number = next(n for n in range(1, len(taken) + 2) if f"question_{n}" not in taken)
        self.model.insert(
            row,
            {
                "id": f"question_{number}",
                "type": "text",
                "text": {},
                "required": False,
                "prefer_not_to_say": True,
                "followups": True,
            },
        )
        self.select(row)
        self._mark_dirty()
        self.form.text_edits["en"].setFocus()

    def remove_question(self) -> None:
        row = self.list.currentIndex().row()
        if not self._editable or row < 0:
            return
        self._row = -1  # its form is not kept
        self.model.remove(row)
        self._mark_dirty()
        if self.model.rowCount():
            self.select(min(row, self.model.rowCount() - 1))

    def show_preview(self) -> None:
        row = self.list.currentIndex().row()
        if row < 0:
            return
        self._keep_form()
        if self.preview is None:
            self.preview = QuestionPreview(self)
        self.preview.show_question(
            self.content(), self.model.question(row), row + 1, self.model.rowCount()
        )
        self.preview.open()

    # ------------------------------------------------------------------ keeping in step
    def _selected(self) -> None:
        self._keep_form()
        row = self.list.currentIndex().row()
        self._row = row
        if row >= 0:
            questions = self.model.questions()
            self.form.show_question(questions[row], questions[:row])

    def _keep_form(self) -> None:
        """Put the form's fields into the list before the list changes or is read."""
        if self._editable and 0 <= self._row < self.model.rowCount():
            value = self.form.value()
            if value != self.model.question(self._row):
                self.model.replace(self._row, value)

    def _forget_row(self) -> None:
        """Every edit is already in the list (`_form_edited`); while rows move, the form's
        row number means nothing, so nothing is written back by it."""
        self._row = -1

    def _moved(self) -> None:
        self._row = self.list.currentIndex().row()
        questions = self.model.questions()
        if self._row >= 0:  # the questions before it changed: so did what it may refer to
            self.form.show_question(questions[self._row], questions[: self._row])
        self._mark_dirty()

    def _form_edited(self) -> None:
        self._keep_form()
        self._mark_dirty()

    def _mark_dirty(self, *_args: object) -> None:
        self._set_dirty(self.content() != self._saved)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._title_labels["en"].setText(self.tr("Title (English)"))
        self._title_labels["de"].setText(self.tr("Title (German)"))
        self.list.setAccessibleName(self.tr("Questions in the order they are asked"))
        self.list.setToolTip(self.tr("Drag a question, or press Ctrl+Up / Ctrl+Down, to move it"))
        self.up_button.setText(self.tr("Move up"))
        self.up_button.setToolTip(self.tr("Move the question up (Ctrl+Up)"))
        self.down_button.setText(self.tr("Move down"))
        self.down_button.setToolTip(self.tr("Move the question down (Ctrl+Down)"))
        self.add_button.setText(self.tr("&New question"))
        self.add_button.setAccessibleName(self.tr("New question"))
        self.remove_button.setText(self.tr("&Remove question"))
        self.remove_button.setAccessibleName(self.tr("Remove question"))
        self.preview_button.setText(self.tr("&Preview as the employee sees it"))
        self.preview_button.setAccessibleName(self.tr("Preview as the employee sees it"))
        self.problems_heading.setText(self.tr("Nothing was saved. Correct these and save again:"))
        self.problems.setAccessibleName(self.tr("Why the set was not saved"))
