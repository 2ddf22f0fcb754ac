"""The input for each question type: text box, 1–5 rating, 0–10 scale, choices, yes/no.

Owns `AnswerInput` and `make_input`. Every input speaks the same small language to the
question page (`value`, `set_value`, `changed`, `focus_target`), so the page never
needs to know which type it shows. Inputs are plain radio buttons, check boxes and a
text box: screen readers and keyboards already know them (arrow keys move within a
group of radio buttons, Tab leaves it). Texts come from the question set's translation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from exitbot_desktop.engine.interview import MAX_FREE_TEXT
from exitbot_desktop.engine.questions import Question
from exitbot_desktop.ui.widgets import label


class AnswerInput(QWidget):
    """What every input offers the question page."""

    def value(self) -> object | None:
        """The answer as the engine expects it, or None when nothing is entered."""
        raise NotImplementedError

    def set_value(self, value: object | None) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        """Where focus goes when the question appears."""
        raise NotImplementedError

    def focus_chain(self) -> list[QWidget]:
        """The input's controls in tab order."""
        return [self.focus_target()]

    def set_locked(self, locked: bool) -> None:
        """Show the saved answer but take no changes (while a follow-up is open).

        Works on the controls, not on the input itself, whose enabled state follows
        "prefer not to say".
        """
        for control in self.focus_chain():
            control.setEnabled(not locked)


class TextInput(AnswerInput):
    """A text box with a live character count; typing stops at the limit."""

    edited = Signal(str)  # typed by the person (not set by the page): drafts follow this

    def __init__(self, max_length: int, name: str, *, lines: int = 6) -> None:
        super().__init__()
        self._max = min(max_length, MAX_FREE_TEXT)
        self.box = QPlainTextEdit()
        self.box.setTabChangesFocus(True)  # Tab must leave the box for keyboard users
        self.box.setAccessibleName(name)
        self.box.setMinimumHeight(self.fontMetrics().lineSpacing() * (lines + 1))
        self.box.setMaximumHeight(self.fontMetrics().lineSpacing() * (lines * 2 + 1))
        self.counter = label("counter", wrap=False)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.counter)
        self.box.textChanged.connect(self._typed)
        self._update_counter()

    def value(self) -> object | None:
        text = self.box.toPlainText()
        return text if text.strip() else None

    def set_value(self, value: object | None) -> None:
        self.box.blockSignals(True)
        self.box.setPlainText(str(value) if value else "")
        self.box.moveCursor(QTextCursor.MoveOperation.End)
        self.box.blockSignals(False)
        self._update_counter()

    def focus_target(self) -> QWidget:
        return self.box

    def set_locked(self, locked: bool) -> None:
        # Read-only rather than disabled: the words stay crisp and a screen reader can
        # still read them; only typing stops.
        self.box.setReadOnly(locked)

    def _typed(self) -> None:
        text = self.box.toPlainText()
        if len(text) > self._max:
            # Pasting past the limit keeps what fits rather than losing the paste.
            self.box.blockSignals(True)
            self.box.setPlainText(text[: self._max])
            self.box.moveCursor(QTextCursor.MoveOperation.End)
            self.box.blockSignals(False)
            text = text[: self._max]
        self._update_counter()
        self.edited.emit(text)

    def _update_counter(self) -> None:
        count = len(self.box.toPlainText())
        self.counter.setText(
            self.tr("{count} of {limit} characters").format(
                count=QLocale().toString(count), limit=QLocale().toString(self._max)
            )
        )
        self.counter.setProperty("role", "error" if count >= self._max else "counter")
        self.counter.style().polish(self.counter)


class _ChoiceButtons(AnswerInput):
    """Radio buttons (one answer) or check boxes (several), each with a value."""

    def __init__(self, exclusive: bool) -> None:
        super().__init__()
        self.group = QButtonGroup(self)
        self.group.setExclusive(exclusive)
        self._values: dict[int, object] = {}

    def _add(self, button: QAbstractButton, value: object) -> None:
        index = len(self._values)
        self._values[index] = value
        self.group.addButton(button, index)

    def buttons(self) -> list[QAbstractButton]:
        return [self.group.button(i) for i in range(len(self._values))]

    def value(self) -> object | None:
        chosen = [self._values[i] for i in self._values if self.group.button(i).isChecked()]
        if self.group.exclusive():
            return chosen[0] if chosen else None
        return chosen or None

    def set_value(self, value: object | None) -> None:
        wanted = value if isinstance(value, list) else [value]
        exclusive = self.group.exclusive()
        self.group.setExclusive(False)  # an exclusive group cannot be cleared otherwise
        for index, option in self._values.items():
            self.group.button(index).setChecked(value is not None and option in wanted)
        self.group.setExclusive(exclusive)

    def focus_target(self) -> QWidget:
        checked = [b for b in self.buttons() if b.isChecked()]
        return (checked or self.buttons())[0]

    def focus_chain(self) -> list[QWidget]:
        return list(self.buttons())


class ListChoice(_ChoiceButtons):
    """Single or multiple choice, one option per line."""

    def __init__(self, question: Question, language: str) -> None:
        multiple = question.type == "multiple_choice"
        super().__init__(exclusive=not multiple)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for choice in question.choices:
            text = choice.label_for(language)
            button: QAbstractButton = QCheckBox(text) if multiple else QRadioButton(text)
            button.setAccessibleName(text)
            layout.addWidget(button)
            self._add(button, choice.id)


class YesNo(_ChoiceButtons):
    def __init__(self) -> None:
        super().__init__(exclusive=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for value, text in ((True, self.tr("Yes")), (False, self.tr("No"))):
            button = QRadioButton(text)
            button.setAccessibleName(text)
            layout.addWidget(button)
            self._add(button, value)
        layout.addStretch(1)


class Scale(_ChoiceButtons):
    """A row of numbered toggle buttons with words at both ends (1–5 or 0–10).

    Toggle buttons rather than radio buttons: eleven radio buttons with their numbers do
    not fit a reading column. Arrow keys move between them, Space chooses.
    """

    def __init__(self, low: int, high: int, low_text: str = "", high_text: str = "") -> None:
        super().__init__(exclusive=True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        for column, number in enumerate(range(low, high + 1)):
            button = QPushButton(str(number))
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setAutoDefault(True)  # Enter chooses the focused number, like Space
            button.setProperty("choice", True)
            end = low_text if number == low else high_text if number == high else ""
            button.setAccessibleName(f"{number}: {end}" if end else str(number))
            grid.addWidget(button, 0, column)
            self._add(button, number)
        if low_text or high_text:
            ends = QHBoxLayout()
            low_label, high_label = label("muted", wrap=False), label("muted", wrap=False)
            low_label.setText(low_text)
            high_label.setText(high_text)
            ends.addWidget(low_label)
            ends.addStretch(1)
            ends.addWidget(high_label)
            grid.addLayout(ends, 1, 0, 1, high - low + 1)
        grid.setColumnStretch(high - low + 1, 1)


def make_input(question: Question, language: str) -> AnswerInput:
    """The input for this question, labelled in the interview's language.

    A 1–5 rating has no words at its ends: what 1 and 5 mean differs per question and
    the question's help line says it.
    """
    if question.type == "text":
        return TextInput(question.max_length, question.text_for(language))
    if question.type == "yes_no":
        return YesNo()
    if question.type == "rating":
        return Scale(1, 5)
    if question.type == "scale_0_10":
        return Scale(
            0,
            10,
            QCoreApplication.translate("AnswerInput", "Not at all likely"),
            QCoreApplication.translate("AnswerInput", "Extremely likely"),
        )
    return ListChoice(question, language)
