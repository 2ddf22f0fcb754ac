"""The bar over every HR workspace page: where HR is, where else to go, Start and Lock.

Owns `WorkspaceBar` and `SECTIONS`, the table of the workspace's pages in the order the
bar shows them (Ctrl+1 opens the first, Ctrl+2 the second, …). A new page (question
sets, settings, accounts, …) is one more `Section` here and one entry in the window's
table of what each section shows. The window shows the bar above the workspace pages
only, never over unlocking, arming the station or the employee's interview; a hidden
bar's shortcuts do nothing, so Ctrl+2 cannot open the interviews from employee mode.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from exitbot_desktop.ui.widgets import button, tab_order


@dataclass(frozen=True)
class Section:
    """One workspace page as the bar offers it."""

    key: str  # what `WorkspaceBar.section_requested` says, and the window looks up
    text: str  # the button's words with its Alt key, in English (translated when shown)
    name: str  # what a screen reader says


SECTIONS: tuple[Section, ...] = (
    Section(
        "home",
        str(QT_TRANSLATE_NOOP("WorkspaceBar", "&Home")),
        str(QT_TRANSLATE_NOOP("WorkspaceBar", "Home: start or resume interviews")),
    ),
    Section(
        "interviews",
        str(QT_TRANSLATE_NOOP("WorkspaceBar", "&Interviews")),
        str(QT_TRANSLATE_NOOP("WorkspaceBar", "Interviews: browse, filter and export")),
    ),
    Section(
        "dashboard",
        str(QT_TRANSLATE_NOOP("WorkspaceBar", "&Dashboard")),
        str(QT_TRANSLATE_NOOP("WorkspaceBar", "Dashboard: figures for the current filter")),
    ),
    Section(
        "settings",
        str(QT_TRANSLATE_NOOP("WorkspaceBar", "Se&ttings")),
        str(QT_TRANSLATE_NOOP("WorkspaceBar", "Settings: policy, reports and the assistant")),
    ),
    Section(
        "backup",
        str(QT_TRANSLATE_NOOP("WorkspaceBar", "&Backup")),
        str(QT_TRANSLATE_NOOP("WorkspaceBar", "Backup and health: back up now, automatic backups")),
    ),
    Section(
        "questions",
        str(QT_TRANSLATE_NOOP("WorkspaceBar", "&Questions")),
        str(QT_TRANSLATE_NOOP("WorkspaceBar", "Questions: the question sets, edit and activate")),
    ),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkspaceBar", text)


class WorkspaceBar(QFrame):
    section_requested = Signal(str)  # a `Section.key`
    start_requested = Signal()
    lock_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "workspace-bar")
        self.sections: dict[str, QPushButton] = {}
        self._current: str | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 10, 24, 10)
        row.setSpacing(6)
        for number, section in enumerate(SECTIONS, start=1):
            nav = button()
            nav.setCheckable(True)
            nav.setProperty("nav", True)
            nav.clicked.connect(lambda _checked=False, key=section.key: self._request(key))
            self.sections[section.key] = nav
            row.addWidget(nav)
            # Ctrl+1, Ctrl+2, …: the bar's own shortcuts, silent while the bar is hidden.
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda key=section.key: self._request(key))
        row.addStretch(1)
        self.start_button = button(primary=True)
        self.lock_button = button()
        row.addWidget(self.start_button)
        row.addWidget(self.lock_button)
        self.start_button.clicked.connect(self.start_requested)
        self.lock_button.clicked.connect(self.lock_requested)
        tab_order(*self.sections.values(), self.start_button, self.lock_button)
        self.retranslate()

    def show_section(self, key: str | None) -> None:
        """Mark `key` as the page on show. (Not a Qt exclusive group: Tab would then skip
        every section but the checked one, and keyboard users would have to know arrows.)"""
        self._current = key
        for name, nav in self.sections.items():
            nav.setChecked(name == key)

    def current(self) -> str | None:
        """The section marked as on show."""
        return self._current

    def first_focus(self) -> QWidget:
        """Where a keyboard user starts on a page that has nothing of its own to offer first."""
        return self.start_button

    def _request(self, key: str) -> None:
        if self.isVisible():
            self.section_requested.emit(key)
        self.show_section(self._current)  # a click toggled the button; the window decides

    def retranslate(self) -> None:
        for section in SECTIONS:
            nav = self.sections[section.key]
            nav.setText(_tr(section.text))
            nav.setAccessibleName(_tr(section.name))
        for number, section in enumerate(SECTIONS, start=1):
            keys = QKeySequence(f"Ctrl+{number}").toString(QKeySequence.SequenceFormat.NativeText)
            self.sections[section.key].setToolTip(f"{_tr(section.name)} ({keys})")
        self.start_button.setText(self.tr("&Start interview"))
        self.start_button.setAccessibleName(self.tr("Start interview"))
        self.lock_button.setText(self.tr("&Lock"))
        self.lock_button.setAccessibleName(self.tr("Lock ExitBot"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
