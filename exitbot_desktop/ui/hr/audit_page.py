"""The Audit log page of the HR workspace: the entries, filtered, verified and exported.

Owns `AuditPage`. The filters (action, first and last day) make one `AuditQuery`; the
entries it selects are read on the store lane and shown newest first by
`AuditTableModel`, numbered by their position in the chain. Verify asks the engine for
its verdict on the keyed chain (every seal, every link, and the head kept in the key
file) and, when it breaks, says where and marks that entry. Export writes the entries
shown to a CSV file (`export_audit_csv`, audited). Nothing here changes the log.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QWidget,
)

from exitbot_desktop.engine.audit import AuditRecord, ChainVerdict
from exitbot_desktop.engine.audit_query import AuditQuery, audit_entries
from exitbot_desktop.engine.reports.audit_csv import export_audit_csv
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.audit_model import AuditTableModel
from exitbot_desktop.ui.operations import Op
from exitbot_desktop.ui.widgets import (
    Box,
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
_COLUMN_CHARS = (7, 22, 20, 28, 0)  # 0: takes what is left
_Loaded = tuple[list[tuple[int, AuditRecord]], list[str]]


def _read(store: Store, query: AuditQuery) -> _Loaded:
    return audit_entries(store, query), store.audit.actions()


class AuditPage(Page):
    def __init__(self) -> None:
        super().__init__(max_chars=400)
        self._store: Store | None = None
        self._query = AuditQuery()
        self._broken: int | None = None
        self.model = AuditTableModel()
        self._title = label("title")
        self._intro = label("muted")

        self.verify_button = button(primary=True)
        self.verdict = label(selectable=True)
        self.verdict.hide()
        self.broken = ErrorLine()
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_button)
        verify_row.addStretch(1)
        verify_card = Box()
        verify_card.body.addWidget(self._intro)
        verify_card.body.addLayout(verify_row)
        verify_card.body.addWidget(self.verdict)
        verify_card.body.addWidget(self.broken)

        self.action = QComboBox()
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        self.clear_button = button()
        self._action_label = label(wrap=False)
        self._from_label = label(wrap=False)
        self._to_label = label(wrap=False)
        grid = QGridLayout()
        for column, (caption, field) in enumerate(
            (
                (self._action_label, self.action),
                (self._from_label, self.date_from),
                (self._to_label, self.date_to),
            )
        ):
            caption.setBuddy(field)
            grid.addWidget(caption, 0, column)
            grid.addWidget(field, 1, column)
        grid.addWidget(self.clear_button, 1, 3)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        self.count = label("muted", wrap=False)
        self.export_button = button()
        count_row = QHBoxLayout()
        count_row.addWidget(self.count, 1)
        count_row.addWidget(self.export_button)

        self.table = data_table(self.model, _COLUMN_CHARS)
        # Fixed row heights: the view never measures rows it does not show.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setMinimumHeight(self.fontMetrics().height() * 22)
        self.result_line = label("muted", selectable=True)
        self.result_line.hide()
        self.error = ErrorLine()

        self.column.addWidget(self._title)
        self.column.addWidget(verify_card)
        self.column.addLayout(grid)
        self.column.addLayout(count_row)
        self.column.addWidget(self.table, 1)
        self.column.addWidget(self.result_line)
        self.column.addWidget(self.error)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._apply)
        for edit in (self.date_from, self.date_to):
            edit.textChanged.connect(self._typing.start)
            edit.returnPressed.connect(self._apply)
        self.action.currentIndexChanged.connect(self._apply)
        self.clear_button.clicked.connect(self._clear)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self._ask_where)
        tab_order(
            self.verify_button,
            self.action,
            self.date_from,
            self.date_to,
            self.clear_button,
            self.export_button,
            self.table,
        )
        self.retranslate()

    # ----------------------------------------------------------------- showing
    def show_for(self, store: Store) -> None:
        """Read the entries again; a verdict from an earlier visit may be stale, so it goes."""
        self._store = store
        self._broken = None
        self.verdict.hide()
        self.broken.clear_message()
        self.error.clear_message()
        self.result_line.hide()
        self._load()

    def forget(self) -> None:
        self._store = None
        self.model.set_entries([])
        self.verdict.hide()
        self.broken.clear_message()

    def first_focus(self) -> QWidget:
        return self.verify_button

    def query(self) -> AuditQuery:
        """The filters as typed; `ValueError` when a date is not a date."""
        action = self.action.currentData()
        return AuditQuery(
            action=action if isinstance(action, str) else None,
            date_from=typed_date(self.date_from.text()),
            date_to=typed_date(self.date_to.text()),
        )

    def _apply(self) -> None:
        self._typing.stop()
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
        self._query = query
        self._load()

    def _clear(self) -> None:
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self.action.blockSignals(True)
        self.action.setCurrentIndex(0)
        self.action.blockSignals(False)
        self._apply()

    def _load(self) -> None:
        store, query = self._store, self._query
        if store is None:
            return
        Op(lambda _ctx: _read(store, query), owner=self).success(self._show).failure(
            known_failure(self.error.show_message)
        ).run_in_background()

    def _show(self, loaded: _Loaded) -> None:
        entries, actions = loaded
        self.model.set_entries(entries)
        self.model.mark_broken(self._broken)
        self._fill_actions(actions)
        # Two sentences rather than Qt's "%n" plurals ("1 entries" in English otherwise).
        self.count.setText(
            self.tr("1 entry shown")
            if len(entries) == 1
            else self.tr("{count} entries shown").format(count=len(entries))
        )

    def _fill_actions(self, actions: list[str]) -> None:
        fill_choices(
            self.action,
            [(self.tr("All actions"), None), *((name, name) for name in actions)],
        )

    # ----------------------------------------------------------------- verifying
    def verify(self) -> None:
        store = self._store
        if store is None:
            return
        self.verify_button.setEnabled(False)
        self.verify_button.setText(self.tr("Verifying…"))
        Op(lambda _ctx: store.audit.check(), owner=self).success(self._verified).failure(
            known_failure(self._verify_failed)
        ).run_in_background()

    def _verified(self, verdict: ChainVerdict) -> None:
        self._verify_done()
        self._broken = verdict.position
        if verdict.ok:
            self.broken.clear_message()
            self.verdict.setText(
                self.tr(
                    "Verified: all {n} entries are sealed and in place, and the log ends "
                    "where the key file says it should."
                ).format(n=verdict.entries)
            )
            self.verdict.show()
            self.model.mark_broken(None)
            return
        self.verdict.hide()
        self.broken.show_message(verdict.sentence())
        row = self.model.mark_broken(verdict.position)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _verify_failed(self, message: str) -> None:
        self._verify_done()
        self.error.show_message(message)

    def _verify_done(self) -> None:
        self.verify_button.setEnabled(True)
        self.verify_button.setText(self.tr("&Verify the log"))

    # ----------------------------------------------------------------- exporting
    def _ask_where(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the shown entries"),
            str(Path.home() / "exitbot-audit-log.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """The entries the filters select, as a CSV file, in the background."""
        store, query = self._store, self._query
        if store is None:
            return
        self.export_button.setEnabled(False)
        self.result_line.hide()
        Op(lambda _ctx: export_audit_csv(store, path, query), owner=self).success(
            lambda count: self._exported(path, count)
        ).failure(known_failure(self._export_failed)).run_in_background()

    def _exported(self, path: Path, count: int) -> None:
        self.export_button.setEnabled(True)
        self.result_line.setText(
            (
                self.tr("Exported 1 entry to {path}. The export is recorded in the log.")
                if count == 1
                else self.tr(
                    "Exported {count} entries to {path}. The export is recorded in the log."
                )
            ).format(count=count, path=path)
        )
        self.result_line.show()
        self._load()  # the export's own entry

    def _export_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.error.show_message(message)

    # ----------------------------------------------------------------- words
    def retranslate(self) -> None:
        self._title.setText(self.tr("Audit log"))
        self._intro.setText(
            self.tr(
                "Every unlock, export, erasure, account change and settings change is "
                "recorded here. Each entry is sealed with a key only this database holds and "
                "linked to the one before, so a changed, removed or rolled-back entry shows "
                "up when the log is verified."
            )
        )
        if self.verify_button.isEnabled():
            self.verify_button.setText(self.tr("&Verify the log"))
        self.verify_button.setAccessibleName(self.tr("Verify the audit log"))
        self._action_label.setText(self.tr("Acti&on"))
        self._from_label.setText(self.tr("&From day"))
        self._to_label.setText(self.tr("U&ntil day"))
        self.action.setAccessibleName(self.tr("Action"))
        self.date_from.setAccessibleName(self.tr("From day"))
        self.date_to.setAccessibleName(self.tr("Until day"))
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.clear_button.setText(self.tr("&Clear filter"))
        self.clear_button.setAccessibleName(self.tr("Clear the filter"))
        self.export_button.setText(self.tr("E&xport shown to CSV…"))
        self.export_button.setAccessibleName(self.tr("Export the shown entries to a CSV file"))
        self.table.setAccessibleName(self.tr("Audit log entries"))
        if self.action.count():
            self.action.setItemText(0, self.tr("All actions"))
        self.model.retranslate()
