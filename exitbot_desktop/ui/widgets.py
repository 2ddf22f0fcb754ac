"""Small building blocks every page uses, so pages share one look and one behaviour.

Owns `Page` (a centred, scrollable column that stays readable from 1024×768 to 4K),
`ErrorLine` (a calm sentence under a field, announced to screen readers), and helpers
that mark labels and buttons with the roles the stylesheet styles. Strings shown here
come from the pages; this module translates nothing itself.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

# Comfortable reading width in multiples of the font's average character width.
_COLUMN_CHARS = 78


def label(role: str = "", *, wrap: bool = True, selectable: bool = False) -> QLabel:
    """A label styled by `role` (title, subtitle, question, muted, code, ...)."""
    widget = QLabel()
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        widget.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    return widget


def button(*, primary: bool = False, flat: bool = False) -> QPushButton:
    """A push button; `primary` for the one main action of a page, `flat` for links."""
    widget = QPushButton()
    # Enter and Return press the focused button, as Space does: keyboard users expect it.
    # (Only pages use these; in a dialog an auto-default button would take Enter over.)
    widget.setAutoDefault(True)
    if primary:
        widget.setProperty("primary", True)
    if flat:
        widget.setProperty("flat", True)
        widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


class Box(QFrame):
    """A styled box (card, notice, care); put content into `body`."""

    def __init__(self, role: str = "card") -> None:
        super().__init__()
        self.setProperty("role", role)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 20, 24, 20)
        self.body.setSpacing(10)


def tab_order(*widgets: QWidget) -> None:
    """Tab visits `widgets` in this order (Shift+Tab in reverse)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def dialog_column(dialog: QWidget, *items: QWidget | QLayout) -> QVBoxLayout:
    """A dialog's content, top to bottom, with the app's margins.

    Sized from its hint when shown: a layout-imposed minimum size would be pushed to the
    window system on every change, which some platforms (offscreen) refuse.
    """
    column = QVBoxLayout(dialog)
    column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    column.setContentsMargins(24, 20, 24, 20)
    column.setSpacing(12)
    for item in items:
        if isinstance(item, QLayout):
            column.addLayout(item)
        else:
            column.addWidget(item)
    return column


def show_progress(bar: QProgressBar, value: object) -> None:
    """Move `bar` to a (done, total) step reported by a background `Op`; anything else
    leaves it as it is (busy, until the first step arrives)."""
    if isinstance(value, tuple):
        done, total = value
        bar.setRange(0, max(total, 1))
        bar.setValue(done)


def fill_choices(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Set the choices (shown text, value), keeping the chosen value (a language change
    refills them) and without announcing a change of choice."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, value in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)


def data_table(model: QAbstractItemModel, column_chars: Sequence[int]) -> QTableView:
    """A read-only table of rows selected whole: Tab leaves it, arrows move in it, no
    row numbers, no wrapping. Column widths in characters follow the font; a 0 width
    takes what is left."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    char = table.fontMetrics().averageCharWidth()
    for column, chars in enumerate(column_chars):
        if chars:
            header.resizeSection(column, chars * char)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table


def typed_date(text: str) -> date | None:
    """The date typed in a filter field (ISO, year-month-day), None when empty;
    `ValueError` otherwise. (A date spin box with an "any" value traps the Tab key.)"""
    return date.fromisoformat(text.strip()) if text.strip() else None


def clear_layout(layout: QLayout) -> None:
    """Take every item out of `layout`; its widgets are deleted."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def button_row(*widgets: QWidget) -> QHBoxLayout:
    """Buttons aligned to the right, the way dialogs place them."""
    row = QHBoxLayout()
    row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    return row


class ErrorLine(QLabel):
    """One sentence under a field saying what went wrong; hidden while there is none."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))
        if text:
            # Screen readers announce alerts even when focus stays in the field.
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def clear_message(self) -> None:
        self.show_message("")


class Page(QWidget):
    """A page: a centred column in a scroll area; add content to `self.column`.

    Subclasses put every user-visible string in `retranslate`, so switching the
    language (the employee may do so on the welcome page) updates the page in place.
    """

    def __init__(self, *, max_chars: int = _COLUMN_CHARS) -> None:
        super().__init__()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(24, 32, 24, 32)
        self._inner = QWidget()
        self._inner.setMaximumWidth(self.fontMetrics().averageCharWidth() * max_chars)
        self._inner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addStretch(1)
        row.addWidget(self._inner, 100)
        row.addStretch(1)
        self.column = QVBoxLayout(self._inner)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(14)
        scroll.setWidget(holder)
        self._scroll_area = scroll
        # Buttons that must stay visible however long the content gets.
        self._footer_inner = QWidget()
        self._footer_inner.setMaximumWidth(self._inner.maximumWidth())
        self.footer = QHBoxLayout(self._footer_inner)
        self.footer.setContentsMargins(0, 0, 0, 0)
        footer_row = QHBoxLayout()
        footer_row.setContentsMargins(24, 10, 24, 18)
        footer_row.addStretch(1)
        footer_row.addWidget(self._footer_inner, 100)
        footer_row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(scroll, 1)
        outer.addLayout(footer_row)
        self._max_chars = max_chars

    def retranslate(self) -> None:
        """Set every visible string; pages call it once built and on each language change."""

    def reveal(self, widget: QWidget) -> None:
        """Scroll so that `widget` (say, a follow-up that just appeared) is in view."""
        # After the pending layout pass, so a box that just appeared has its place.
        QTimer.singleShot(0, self, lambda: self._scroll_area.ensureWidgetVisible(widget, 0, 40))

    def first_focus(self) -> QWidget | None:
        """The control a keyboard user starts on when the page appears (None: Qt's choice)."""
        return None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            width = self.fontMetrics().averageCharWidth() * self._max_chars
            self._inner.setMaximumWidth(width)
            self._footer_inner.setMaximumWidth(width)
        super().changeEvent(event)
