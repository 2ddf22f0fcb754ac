"""The HR officer's interview browser: every interview, filtered, searched and sorted.

Owns `InterviewsPage`. The filters build one `ListQuery`; the table shows it through
`InterviewTableModel`, which reads page by page in the background as the table scrolls.
Typing in the search or receipt field waits for a short pause before the list is read
again, so each key press does not start a query. Start interview, Lock and the other
workspace pages are on the workspace bar above it; the dashboard shows figures for the
same filters and can set them (`show_filters`) to open the interviews behind a figure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from exitbot_desktop.engine.filters import LIST_STATUSES, Filters
from exitbot_desktop.engine.interview_list import ListQuery
from exitbot_desktop.engine.metadata import TENURE_BANDS
from exitbot_desktop.engine.reports import labels
from exitbot_desktop.ui.hr.interview_model import InterviewTableModel, status_names, tone_names
from exitbot_desktop.ui.widgets import (
    ErrorLine,
    Page,
    button,
    data_table,
    fill_choices,
    label,
    tab_order,
    typed_date,
)

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

TYPING_PAUSE_MS = 350


class InterviewsPage(Page):
    open_requested = Signal(int)  # an interview's id: Enter or a double click on its row
    export_requested = Signal()

    def __init__(self) -> None:
        super().__init__(max_chars=400)
        self._store: Store | None = None
        self.model = InterviewTableModel()

        self._title = label("title")
        self.export_button = button()
        header = QHBoxLayout()
        header.addWidget(self._title, 1)
        header.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.receipt = QLineEdit()
        self.receipt.setClearButtonEnabled(True)
        self.department = QLineEdit()
        self.role = QLineEdit()
        self.location = QLineEdit()
        self.leaving_type = QComboBox()
        self.status = QComboBox()
        self.theme = QComboBox()
        self.tone = QComboBox()
        self.tenure = QComboBox()
        self.source = QComboBox()
        # Typed dates: a date spin box with an "any" value traps the Tab key.
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        self.urgent = QCheckBox()
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        # Each filter field by name: its label and its screen-reader name follow the name.
        self._fields: dict[str, QWidget] = {
            "search": self.search,
            "receipt": self.receipt,
            "department": self.department,
            "role": self.role,
            "location": self.location,
            "tenure": self.tenure,
            "leaving_type": self.leaving_type,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "status": self.status,
            "theme": self.theme,
            "tone": self.tone,
            "source": self.source,
        }
        self._labels = {name: label("muted", wrap=False) for name in self._fields}
        for position, (name, field) in enumerate(self._fields.items()):
            row, column = divmod(position, _GRID_COLUMNS)
            self._labels[name].setBuddy(field)
            grid.addWidget(self._labels[name], row * 2, column)
            grid.addWidget(field, row * 2 + 1, column)
        grid.addWidget(self.urgent, 3, _GRID_COLUMNS - 1)

        self.count = label("muted", wrap=False)
        self.table = data_table(self.model, _COLUMN_CHARS)  # the themes take what is left
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setMinimumHeight(self.fontMetrics().height() * 24)
        self.error = ErrorLine()

        self.column.addLayout(header)
        self.column.addLayout(grid)
        self.column.addWidget(self.count)
        self.column.addWidget(self.table, 1)
        self.column.addWidget(self.error)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._apply)
        typed = (
            self.search,
            self.receipt,
            self.department,
            self.role,
            self.location,
            self.date_from,
            self.date_to,
        )
        for line in typed:
            line.textChanged.connect(self._typing.start)
        combos = (self.status, self.theme, self.tone, self.tenure, self.leaving_type, self.source)
        for combo in combos:
            combo.currentIndexChanged.connect(self._apply)
        self.urgent.toggled.connect(self._apply)
        self.model.loaded.connect(self._show_count)
        self.model.failed.connect(self.error.show_message)
        self.export_button.clicked.connect(self.export_requested)
        self.table.activated.connect(
            lambda index: self.open_requested.emit(self.model.row_at(index.row()).id)
        )
        tab_order(*self._fields.values(), self.urgent, self.table, self.export_button)
        self.retranslate()

    def show_for(self, store: Store) -> None:
        self._store = store
        self.error.clear_message()
        self._apply()

    def forget(self) -> None:
        self._store = None
        self.model.forget()

    def first_focus(self) -> QWidget:
        return self.search

    # ----------------------------------------------------------------- the query
    def query(self) -> ListQuery:
        """What the filters ask for now, in the table's current order; `ValueError` when
        a date field holds something that is not a date."""
        current = self.model.query
        return ListQuery(
            filters=Filters(
                date_from=typed_date(self.date_from.text()),
                date_to=typed_date(self.date_to.text()),
                department=self.department.text().strip() or None,
                role=self.role.text().strip() or None,
                tenure_band=self.tenure.currentData(),
                location=self.location.text().strip() or None,
                leaving_type=self.leaving_type.currentData(),
                status=self.status.currentData(),
                theme=self.theme.currentData(),
                tone=self.tone.currentData(),
                urgent_only=self.urgent.isChecked(),
                source=self.source.currentData(),
                words=self.search.text(),
            ),
            receipt_code=self.receipt.text().strip() or None,
            sort=current.sort,
            descending=current.descending,
        )

    def show_filters(self, store: Store, filters: Filters) -> None:
        """List what `filters` select (the dashboard's way to open the interviews behind a
        figure). Every field is set from `filters`; the receipt code is cleared, because
        figures never stand for one receipt."""
        self._store = store
        texts = {
            self.department: filters.department,
            self.role: filters.role,
            self.location: filters.location,
            self.date_from: filters.date_from.isoformat() if filters.date_from else None,
            self.date_to: filters.date_to.isoformat() if filters.date_to else None,
            self.search: filters.words,
            self.receipt: None,
        }
        choices = {
            self.status: filters.status,
            self.theme: filters.theme,
            self.tone: filters.tone,
            self.tenure: filters.tenure_band,
            self.leaving_type: filters.leaving_type,
            self.source: filters.source,
        }
        # One query for the whole change, not one per field.
        for widget in (*texts, *choices, self.urgent):
            widget.blockSignals(True)
        for line, text in texts.items():
            line.setText(text or "")
        for combo, value in choices.items():
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.urgent.setChecked(filters.urgent_only)
        for widget in (*texts, *choices, self.urgent):
            widget.blockSignals(False)
        self.error.clear_message()
        self._apply()

    def _apply(self) -> None:
        self._typing.stop()
        if self._store is None:
            return
        try:
            query = self.query()
        except ValueError:
            self.error.show_message(
                self.tr(
                    "Type dates as year-month-day, for example 2026-03-31, or leave them empty."
                )
            )
            return
        self.error.clear_message()
        self.count.setText(self.tr("Reading…"))
        self.model.show(self._store, query)

    def _show_count(self, total: int) -> None:
        self.count.setText(self.tr("Interviews found: {count}").format(count=total))

    # ----------------------------------------------------------------- words
    def retranslate(self) -> None:
        self._title.setText(self.tr("Interviews"))
        self.export_button.setText(self.tr("E&xport…"))
        self.export_button.setAccessibleName(self.tr("Export the interviews listed"))
        names = {
            "search": self.tr("Words in answers"),
            "receipt": self.tr("Receipt code"),
            "department": self.tr("Department"),
            "role": self.tr("Role"),
            "location": self.tr("Location"),
            "leaving_type": self.tr("Voluntary or not"),
            "date_from": self.tr("Started from"),
            "date_to": self.tr("Started until"),
            "status": self.tr("Status"),
            "theme": self.tr("Theme"),
            "tone": self.tr("Tone"),
            "tenure": self.tr("Time with us"),
            "source": self.tr("Source"),
        }
        for name, text in names.items():
            self._labels[name].setText(text)
        for name, field in self._fields.items():
            field.setAccessibleName(names[name])
        self.search.setPlaceholderText(self.tr("e.g. overtime manager"))
        self.receipt.setPlaceholderText("EX-…")
        anything = self.tr("Any")
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        statuses = status_names()
        _fill_any(self.status, anything, [(statuses[s], s) for s in LIST_STATUSES])
        themes = sorted((text, code) for code, text in labels.THEME_LABELS.items())
        _fill_any(self.theme, anything, themes)
        _fill_any(self.tone, anything, [(text, code) for code, text in tone_names().items()])
        _fill_any(self.tenure, anything, [(text, code) for code, text in TENURE_BANDS.items()])
        _fill_any(
            self.leaving_type,
            anything,
            [(self.tr("Voluntary"), "voluntary"), (self.tr("Involuntary"), "involuntary")],
        )
        _fill_any(
            self.source,
            anything,
            [(self.tr("Interview station"), "station"), (self.tr("Paper (imported)"), "import")],
        )
        self.urgent.setText(self.tr("&Urgent issues only"))
        self.table.setAccessibleName(self.tr("Interviews"))
        self.model.retranslate()
        if self.model.total is not None:
            self._show_count(self.model.total)


# Filter fields side by side; the grid's last column ends with "urgent issues only".
_GRID_COLUMNS = 7
# Date, department, role, time with us, status, themes (0: the rest), tone, urgent, follow-ups.
_COLUMN_CHARS = (19, 17, 15, 20, 13, 0, 11, 16, 11)


def _fill_any(combo: QComboBox, anything: str, items: list[tuple[str, str]]) -> None:
    """`anything` (no filter) first, then `items` (shown text, value)."""
    fill_choices(combo, [(anything, None), *items])
