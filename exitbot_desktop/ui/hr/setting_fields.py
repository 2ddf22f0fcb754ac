"""One field per HR setting, chosen from the engine's rule for it.

Owns `SettingRow` (caption, field, meaning, limits, and the sentence when a value is
refused) and `row_for`, which picks the field: a list of choices for a `ChoiceRule`, a
tick for a `FlagRule`, a line for numbers and text, ticks for the required details,
lines for care contacts, a file for the logo. A field never judges a value itself: what
HR typed goes to the engine, whose limits decide (so the page and the CLI refuse the
same values). Rows hold no store and run nothing in the background; the settings page does.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from exitbot_desktop.engine.metadata import META_FIELD_NAMES
from exitbot_desktop.engine.settings import (
    ChoiceRule,
    FlagRule,
    NumberRule,
    ReportLogo,
    SettingSpec,
    TextRule,
)
from exitbot_desktop.ui.hr import setting_texts
from exitbot_desktop.ui.widgets import ErrorLine, button, label, tab_order


class SettingRow(QWidget):
    """One setting on the page. Subclasses supply the field and how its value reads."""

    edited = Signal()  # HR changed the field

    def __init__(self, spec: SettingSpec, field: QWidget, focus: QWidget) -> None:
        super().__init__()
        self.spec = spec
        self.focus_widget = focus
        self.caption = label("caption")
        self.caption.setBuddy(focus)
        self.meaning = label("muted")
        self.limits = label("muted")
        self.error = ErrorLine()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(4)
        for widget in (self.caption, field, self.meaning, self.limits, self.error):
            column.addWidget(widget)

    def load(self, in_force: object) -> None:
        """Show the value in force; what the field then holds counts as unchanged."""
        raise NotImplementedError

    def value(self) -> object:
        """What HR entered, for the engine to check (None: back to the default)."""
        raise NotImplementedError

    def changed(self) -> bool:
        raise NotImplementedError

    def retranslate(self) -> None:
        caption = setting_texts.title(self.spec)
        self.caption.setText(caption)
        self.meaning.setText(setting_texts.meaning(self.spec))
        self.limits.setText(setting_texts.limits(self.spec))
        self.focus_widget.setAccessibleName(caption)
        self.focus_widget.setAccessibleDescription(f"{self.meaning.text()} {self.limits.text()}")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _as_text(value: object) -> str:
    """A value as HR would type it: whole numbers without ".0", lists as JSON."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


class LineRow(SettingRow):
    """Numbers and text typed on one line; empty means the default."""

    def __init__(self, spec: SettingSpec) -> None:
        self.line = QLineEdit()
        super().__init__(spec, self.line, self.line)
        self.line.setPlaceholderText(_as_text(spec.default))
        self.line.textEdited.connect(lambda _text: self.edited.emit())
        self._initial = ""

    def load(self, in_force: object) -> None:
        self._initial = _as_text(in_force)
        self.line.setText(self._initial)

    def value(self) -> object:
        text = self.line.text().strip()
        if not text:
            return None
        if isinstance(self.spec.read, TextRule):
            return text
        try:
            parsed: object = json.loads(text)
        except json.JSONDecodeError:
            return text  # the engine's limits will say what it takes
        if isinstance(self.spec.read, NumberRule) and not isinstance(parsed, int | float):
            return text
        return parsed

    def changed(self) -> bool:
        return self.line.text().strip() != self._initial


class ChoiceRow(SettingRow):
    """One of the rule's options; the page names them (`name_options`)."""

    def __init__(self, spec: SettingSpec, rule: ChoiceRule) -> None:
        self.combo = QComboBox()
        super().__init__(spec, self.combo, self.combo)
        for option in rule.options:
            self.combo.addItem(option, option)
        self.combo.activated.connect(lambda _index: self.edited.emit())
        self._initial: object = None

    def name_options(self, names: dict[str, str]) -> None:
        """Show each option by its name in HR's language (the stored value stays)."""
        for index in range(self.combo.count()):
            option = self.combo.itemData(index)
            self.combo.setItemText(index, names.get(option, option))

    def load(self, in_force: object) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(in_force)))
        self._initial = self.combo.currentData()

    def value(self) -> object:
        return self.combo.currentData()

    def changed(self) -> bool:
        return bool(self.value() != self._initial)


class CheckRow(SettingRow):
    """On or off: one tick (a line would show Python's "False" and refuse "True")."""

    def __init__(self, spec: SettingSpec) -> None:
        self.check = QCheckBox()
        super().__init__(spec, self.check, self.check)
        self.check.toggled.connect(lambda _on: self.edited.emit())
        self._initial = False

    def load(self, in_force: object) -> None:
        self.check.setChecked(in_force is True)
        self._initial = self.check.isChecked()

    def value(self) -> object:
        return self.check.isChecked()

    def changed(self) -> bool:
        return self.check.isChecked() != self._initial

    def retranslate(self) -> None:
        super().retranslate()
        self.check.setText(self.tr("On"))


class ChecksRow(SettingRow):
    """The interview details HR must fill in, one tick each."""

    def __init__(self, spec: SettingSpec) -> None:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[str, QCheckBox] = {}
        for index, name in enumerate(META_FIELD_NAMES):
            check = QCheckBox(name)
            check.toggled.connect(lambda _on: self.edited.emit())
            grid.addWidget(check, index // 3, index % 3)
            self.checks[name] = check
        first = self.checks[META_FIELD_NAMES[0]]
        super().__init__(spec, box, first)
        tab_order(*self.checks.values())
        self._initial: list[str] = []

    def name_fields(self, names: dict[str, str]) -> None:
        for name, check in self.checks.items():
            check.setText(names.get(name, name))
            check.setAccessibleName(f"{setting_texts.title(self.spec)}: {names.get(name, name)}")

    def load(self, in_force: object) -> None:
        chosen = set(in_force) if isinstance(in_force, tuple | list) else set()
        for name, check in self.checks.items():
            check.setChecked(name in chosen)
        self._initial = self._ticked()

    def value(self) -> object:
        return self._ticked() or None

    def changed(self) -> bool:
        return self._ticked() != self._initial

    def _ticked(self) -> list[str]:
        return [name for name, check in self.checks.items() if check.isChecked()]


class ContactsRow(SettingRow):
    """Care contacts, one per line as "name: details"."""

    def __init__(self, spec: SettingSpec) -> None:
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)  # Tab leaves the field, as in every other one
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 16)
        super().__init__(spec, self.text, self.text)
        self.text.textChanged.connect(self.edited)
        self._initial = ""

    def load(self, in_force: object) -> None:
        contacts = in_force if isinstance(in_force, tuple) else ()
        lines = [
            f"{c.name}: {c.details}" if c.name else c.details
            for c in contacts  # CareContact
        ]
        self._initial = "\n".join(lines)
        self.text.setPlainText(self._initial)

    def value(self) -> object:
        contacts: list[object] = []
        for line in self.text.toPlainText().splitlines():
            name, colon, details = line.partition(":")
            if not line.strip():
                continue
            if colon and name.strip() and details.strip():
                contacts.append({"name": name.strip(), "note": details.strip()})
            else:
                contacts.append(line.strip())
        return contacts or None

    def changed(self) -> bool:
        return self.text.toPlainText().strip() != self._initial.strip()


class LogoRow(SettingRow):
    """The report logo: a preview, a file to choose, or none."""

    def __init__(self, spec: SettingSpec) -> None:
        self.preview = QLabel()
        self.preview.setFixedHeight(48)
        self.file_name = label("muted")
        self.choose_button = button()
        self.remove_button = button()
        box = QWidget()
        shown = QHBoxLayout()
        shown.addWidget(self.preview)
        shown.addWidget(self.file_name, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(shown)
        column.addLayout(buttons)
        super().__init__(spec, box, self.choose_button)
        self.choose_button.clicked.connect(self._ask_for_file)
        self.remove_button.clicked.connect(self.remove)
        tab_order(self.choose_button, self.remove_button)
        self._logo: ReportLogo | None = None
        self._chosen: Path | None = None
        self._removed = False

    def load(self, in_force: object) -> None:
        self._logo = in_force if isinstance(in_force, ReportLogo) else None
        self._chosen, self._removed = None, False
        pixmap = QPixmap()
        if self._logo is not None:
            pixmap.loadFromData(self._logo.data)
        self._show(pixmap)

    def choose_file(self, path: Path) -> None:
        """Use the image at `path` (read and checked when the page is saved)."""
        self._chosen, self._removed = path, False
        self._show(QPixmap(str(path)))
        self.edited.emit()

    def remove(self) -> None:
        self._chosen, self._removed = None, self._logo is not None
        self._show(QPixmap())
        self.edited.emit()

    def value(self) -> object:
        return self._chosen  # a Path the engine reads, or None: no logo

    def changed(self) -> bool:
        return self._chosen is not None or self._removed

    def retranslate(self) -> None:
        super().retranslate()
        self.choose_button.setText(self.tr("Choose l&ogo…"))
        self.choose_button.setAccessibleName(self.tr("Choose a logo for reports"))
        self.remove_button.setText(self.tr("&Remove logo"))
        self.remove_button.setAccessibleName(self.tr("Remove the logo from reports"))
        self._show_name()

    def _ask_for_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Logo for reports"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.choose_file(Path(path))

    def _show(self, pixmap: QPixmap) -> None:
        if pixmap.isNull():
            self.preview.clear()
            self.preview.hide()
        else:
            self.preview.setPixmap(pixmap.scaledToHeight(48))
            self.preview.show()
        self.remove_button.setEnabled(not pixmap.isNull())
        self._show_name()

    def _show_name(self) -> None:
        if self._chosen is not None:
            text = self.tr("{file} (saved with the settings)").format(file=self._chosen.name)
        elif self._logo is None or self._removed:
            text = self.tr("No logo: reports show the organisation's name only.")
        else:
            text = self.tr("The logo reports show now.")
        self.file_name.setText(text)
        self.preview.setAccessibleName(text)


def row_for(spec: SettingSpec) -> SettingRow:
    """The field for `spec`: by its key where the value has a shape of its own, else by
    the rule that reads it."""
    if spec.key == "required_metadata":
        return ChecksRow(spec)
    if spec.key == "care_contacts":
        return ContactsRow(spec)
    if spec.key == "report_logo":
        return LogoRow(spec)
    if isinstance(spec.read, ChoiceRule):
        return ChoiceRow(spec, spec.read)
    if isinstance(spec.read, FlagRule):
        return CheckRow(spec)
    return LineRow(spec)
