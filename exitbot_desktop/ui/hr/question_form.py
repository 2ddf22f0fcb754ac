"""The form for one question of the set being edited: its words, type, options and branch.

Owns `QuestionForm`. It shows a question in file form (a dict of a question file) and
gives it back changed, keeping what it does not show (a maximum length, a third
language). It checks nothing itself: the set's parser judges the whole set when HR
saves, so the messages are the file loader's. What it does is keep the dict in the
shape of its type (options only for choice questions, follow-ups only for text ones).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exitbot_desktop.engine.metadata import META_FIELD_NAMES
from exitbot_desktop.engine.questions import condition_values
from exitbot_desktop.ui.widgets import button, fill_choices, label

LANGUAGES = ("en", "de")  # the two the editor writes; others in a file are kept as they are
_CHOICE_TYPES = ("single_choice", "multiple_choice")
_LABELS = Qt.ItemDataRole.UserRole  # on an option's id cell: its labels in every language
TYPE_NAMES: dict[str, str] = {
    "text": str(QT_TRANSLATE_NOOP("QuestionForm", "Free text")),
    "rating": str(QT_TRANSLATE_NOOP("QuestionForm", "Rating from 1 to 5")),
    "single_choice": str(QT_TRANSLATE_NOOP("QuestionForm", "One of several options")),
    "multiple_choice": str(QT_TRANSLATE_NOOP("QuestionForm", "Any of several options")),
    "yes_no": str(QT_TRANSLATE_NOOP("QuestionForm", "Yes or no")),
    "scale_0_10": str(QT_TRANSLATE_NOOP("QuestionForm", "Scale from 0 to 10")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuestionForm", text)


def answer_values(question: dict[str, Any]) -> tuple[str, ...]:
    """What a condition on this question (file form) may name, as the parser allows it."""
    choices = question.get("choices")
    ids = (
        [str(c.get("id")) for c in choices if isinstance(c, dict)]
        if isinstance(choices, list)
        else []
    )
    return condition_values(question.get("type"), ids)


class QuestionForm(QWidget):
    edited = Signal()  # HR changed a field (not sent while a question is being shown)

    def __init__(self) -> None:
        super().__init__()
        self._original: dict[str, Any] = {}
        self._earlier: list[dict[str, Any]] = []
        self._loading = False

        self.id_edit = QLineEdit()
        self.type_combo = QComboBox()
        self.text_edits = {lang: self._text_box() for lang in LANGUAGES}
        self.help_edits = {lang: QLineEdit() for lang in LANGUAGES}
        self.required = QCheckBox()
        self.prefer_not = QCheckBox()
        self.followups = QCheckBox()
        self.choices = QTableWidget(0, 1 + len(LANGUAGES))
        self.choices.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.choices.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
        # Ids never break, so their column is as wide as the longest; the labels share the
        # rest and wrap onto more lines, a row as tall as its longest label needs (and never
        # lower than a row of one line was).
        self.choices.setWordWrap(True)
        rows = self.choices.verticalHeader()
        rows.hide()
        rows.setMinimumSectionSize(rows.defaultSectionSize())
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.choices.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.choices.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.add_choice = button()
        self.remove_choice = button()
        self.condition_kind = QComboBox()
        # Both are refilled on a language change: their width follows the new words.
        for combo in (self.type_combo, self.condition_kind):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.condition_ref = QComboBox()
        self.condition_values = QLineEdit()
        self.condition_hint = label("muted", selectable=True)

        self._labels: dict[str, Any] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, field in (
            ("id", self.id_edit),
            ("type", self.type_combo),
            ("text_en", self.text_edits["en"]),
            ("text_de", self.text_edits["de"]),
            ("help_en", self.help_edits["en"]),
            ("help_de", self.help_edits["de"]),
        ):
            self._labels[key] = label(wrap=False)
            self._labels[key].setBuddy(field)
            form.addRow(self._labels[key], field)
        checks = QHBoxLayout()
        for check in (self.required, self.prefer_not, self.followups):
            checks.addWidget(check)
        checks.addStretch(1)
        form.addRow(checks)
        self.choices_box = QWidget()
        choices_column = QVBoxLayout(self.choices_box)
        choices_column.setContentsMargins(0, 0, 0, 0)
        self._labels["choices"] = label("subtitle")
        choices_column.addWidget(self._labels["choices"])
        choices_column.addWidget(self.choices)
        choice_buttons = QHBoxLayout()
        choice_buttons.addWidget(self.add_choice)
        choice_buttons.addWidget(self.remove_choice)
        choice_buttons.addStretch(1)
        choices_column.addLayout(choice_buttons)
        form.addRow(self.choices_box)
        self._labels["condition"] = label("subtitle")
        form.addRow(self._labels["condition"])
        condition = QHBoxLayout()
        condition.addWidget(self.condition_kind)
        condition.addWidget(self.condition_ref, 1)
        form.addRow(condition)
        self._labels["values"] = label(wrap=False)
        self._labels["values"].setBuddy(self.condition_values)
        form.addRow(self._labels["values"], self.condition_values)
        form.addRow(self.condition_hint)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)

        for edit in (self.id_edit, *self.help_edits.values(), self.condition_values):
            edit.textEdited.connect(self._changed)
        for text_box in self.text_edits.values():
            text_box.textChanged.connect(self._changed)
        for flag in (self.required, self.prefer_not, self.followups):
            flag.toggled.connect(self._changed)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.condition_kind.currentIndexChanged.connect(self._condition_kind_changed)
        self.condition_ref.currentIndexChanged.connect(self._condition_ref_changed)
        self.choices.itemChanged.connect(self._changed)
        self.add_choice.clicked.connect(self._add_choice)
        self.remove_choice.clicked.connect(self._remove_choice)
        self.retranslate()

    @staticmethod
    def _text_box() -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * 3 + 12)
        return box

    # ------------------------------------------------------------------ showing and reading
    def show_question(self, question: dict[str, Any], earlier: list[dict[str, Any]]) -> None:
        """Show `question`; `earlier` are the questions before it (a branch may look back)."""
        self._loading = True
        self._original, self._earlier = dict(question), earlier
        self.id_edit.setText(str(question.get("id") or ""))
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(question.get("type"))))
        for lang in LANGUAGES:
            self.text_edits[lang].setPlainText(_translation(question.get("text"), lang))
            self.help_edits[lang].setText(_translation(question.get("help"), lang))
            self.help_edits[lang].setCursorPosition(0)  # show a long help from its start
        self.required.setChecked(question.get("required") is True)
        self.prefer_not.setChecked(question.get("prefer_not_to_say", True) is True)
        self.followups.setChecked(question.get("followups") is True)
        self.choices.setRowCount(0)
        for choice in question.get("choices") or []:
            if isinstance(choice, dict):
                self._append_choice(choice)
        condition = question.get("show_if")
        condition = condition if isinstance(condition, dict) else {}
        kind = "question" if "question" in condition else "meta" if "meta" in condition else ""
        self.condition_kind.setCurrentIndex(max(0, self.condition_kind.findData(kind)))
        self._fill_refs(str(condition.get(kind) or ""))
        values = condition.get("in")
        self.condition_values.setText(
            ", ".join(map(str, values)) if isinstance(values, list) else ""
        )
        self._loading = False
        self._show_for_type()

    def value(self) -> dict[str, Any]:
        """The question as the fields say, in file form."""
        q = dict(self._original)
        q["id"] = self.id_edit.text().strip()
        qtype = str(self.type_combo.currentData())
        q["type"] = qtype
        q["text"] = _merged(q.get("text"), {k: e.toPlainText() for k, e in self.text_edits.items()})
        help_ = _merged(q.get("help"), {k: e.text() for k, e in self.help_edits.items()})
        if help_:
            q["help"] = help_
        else:
            q.pop("help", None)
        q["required"] = self.required.isChecked()
        q["prefer_not_to_say"] = self.prefer_not.isChecked()
        if qtype == "text":
            q["followups"] = self.followups.isChecked()
        else:
            q.pop("followups", None)
            q.pop("max_length", None)
        if qtype in _CHOICE_TYPES:
            q["choices"] = self._choice_values()
        else:
            q.pop("choices", None)
        kind = self.condition_kind.currentData()
        if kind:
            values = [v.strip() for v in self.condition_values.text().split(",") if v.strip()]
            q["show_if"] = {kind: str(self.condition_ref.currentData() or ""), "in": values}
        else:
            q.pop("show_if", None)
        return q

    # ------------------------------------------------------------------ options
    def _append_choice(self, choice: dict[str, Any]) -> None:
        row = self.choices.rowCount()
        self.choices.blockSignals(True)
        self.choices.insertRow(row)
        id_item = QTableWidgetItem(str(choice.get("id") or ""))
        id_item.setData(_LABELS, dict(choice.get("label") or {}))
        self.choices.setItem(row, 0, id_item)
        for column, lang in enumerate(LANGUAGES, start=1):
            self.choices.setItem(
                row, column, QTableWidgetItem(_translation(choice.get("label"), lang))
            )
        self.choices.blockSignals(False)

    def _choice_values(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for row in range(self.choices.rowCount()):
            id_item = self.choices.item(row, 0)
            typed = {
                lang: (item.text() if (item := self.choices.item(row, column)) else "")
                for column, lang in enumerate(LANGUAGES, start=1)
            }
            out.append(
                {
                    "id": id_item.text().strip() if id_item else "",
                    "label": _merged(id_item.data(_LABELS) if id_item else None, typed),
                }
            )
        return out

    def _add_choice(self) -> None:
        self._append_choice({"id": f"option_{self.choices.rowCount() + 1}", "label": {}})
        row = self.choices.rowCount() - 1
        self.choices.setCurrentCell(row, 1)
        self.choices.setFocus()
        self._changed()

    def _remove_choice(self) -> None:
        row = self.choices.currentRow()
        if row >= 0:
            self.choices.removeRow(row)
            self._changed()

    # ------------------------------------------------------------------ branching
    def _fill_refs(self, chosen: str) -> None:
        kind = self.condition_kind.currentData()
        if kind == "question":
            items = [(str(q.get("id")), str(q.get("id"))) for q in self._earlier if q.get("id")]
        elif kind == "meta":
            items = [(name, name) for name in META_FIELD_NAMES]
        else:
            items = []
        self.condition_ref.blockSignals(True)
        self.condition_ref.clear()
        for text, value in items:
            self.condition_ref.addItem(text, value)
        if chosen and self.condition_ref.findData(chosen) < 0:
            self.condition_ref.addItem(chosen, chosen)  # a reference the parser will judge
        self.condition_ref.setCurrentIndex(max(0, self.condition_ref.findData(chosen)))
        self.condition_ref.blockSignals(False)
        self._update_hint()

    def _update_hint(self) -> None:
        kind = self.condition_kind.currentData()
        ref = self.condition_ref.currentData()
        target = next((q for q in self._earlier if q.get("id") == ref), None)
        values = answer_values(target) if kind == "question" and target else ()
        self.condition_hint.setText(
            self.tr("Possible values: {values}").format(values=", ".join(values)) if values else ""
        )
        self.condition_hint.setVisible(bool(values))
        for widget in (self.condition_ref, self.condition_values):
            widget.setEnabled(bool(kind))

    def _condition_kind_changed(self) -> None:
        self._fill_refs("")
        self._changed()

    def _condition_ref_changed(self) -> None:
        self._update_hint()
        self._changed()

    # ------------------------------------------------------------------ changes
    def _type_changed(self) -> None:
        self._show_for_type()
        self._changed()

    def _show_for_type(self) -> None:
        qtype = self.type_combo.currentData()
        self.choices_box.setVisible(qtype in _CHOICE_TYPES)
        self.followups.setVisible(qtype == "text")

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        fill_choices(self.type_combo, [(_tr(name), key) for key, name in TYPE_NAMES.items()])
        fill_choices(
            self.condition_kind,
            [
                (self.tr("Always shown"), ""),
                (self.tr("Only after an answer to"), "question"),
                (self.tr("Only for interviews whose detail"), "meta"),
            ],
        )
        words = {
            "id": self.tr("Id"),
            "type": self.tr("Type"),
            "text_en": self.tr("Question (English)"),
            "text_de": self.tr("Question (German)"),
            "help_en": self.tr("Help (English)"),
            "help_de": self.tr("Help (German)"),
            "choices": self.tr("Options"),
            "condition": self.tr("When to ask it"),
            "values": self.tr("Values"),
        }
        for key, text in words.items():
            self._labels[key].setText(text)
        self.id_edit.setAccessibleName(self.tr("Question id"))
        self.id_edit.setToolTip(self.tr("Letters, digits, - and _: exports and branches use it"))
        for lang, name in (("en", self.tr("English")), ("de", self.tr("German"))):
            self.text_edits[lang].setAccessibleName(
                self.tr("Question in {language}").format(language=name)
            )
            self.help_edits[lang].setAccessibleName(
                self.tr("Help in {language}").format(language=name)
            )
        self.required.setText(self.tr("Answer required"))
        self.prefer_not.setText(self.tr("Offer \u201cprefer not to say\u201d"))
        self.followups.setText(self.tr("Follow-up questions"))
        self.choices.setHorizontalHeaderLabels(
            [self.tr("Id"), self.tr("English"), self.tr("German")]
        )
        self.choices.setAccessibleName(self.tr("Options"))
        self.add_choice.setText(self.tr("Add option"))
        self.remove_choice.setText(self.tr("Remove option"))
        self.condition_kind.setAccessibleName(self.tr("When to ask it"))
        self.condition_ref.setAccessibleName(self.tr("The earlier question or interview detail"))
        self.condition_values.setAccessibleName(self.tr("Values that show the question"))
        self.condition_values.setPlaceholderText(
            self.tr("separated by commas, e.g. manager, other")
        )
        self._update_hint()


def _translation(texts: object, language: str) -> str:
    return str(texts.get(language) or "") if isinstance(texts, dict) else ""


def _merged(original: object, typed: dict[str, str]) -> dict[str, str]:
    """Other languages kept as they were, the editor's two as typed (empty ones left out)."""
    out = {k: str(v) for k, v in original.items()} if isinstance(original, dict) else {}
    for lang, text in typed.items():
        if text.strip():
            out[lang] = text.strip()
        else:
            out.pop(lang, None)
    return out
