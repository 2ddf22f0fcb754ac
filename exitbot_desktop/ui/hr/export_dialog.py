"""Exporting what the interview browser shows: the aggregate PDF, CSV or JSON.

Owns `ExportDialog`. HR picks the format (and for data files one row per answer or per
interview), anonymised or named, and a password for the PDF; the save dialog asks
where. The engine's `export` writes the file all or nothing in the background and audits
it; a progress bar follows it and Cancel stops it at its next step, leaving no file and
no audit entry. Named exports are offered only when the anonymity policy lets interviews
carry names at all.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from exitbot_desktop.engine.filters import Selection
from exitbot_desktop.engine.progress import cancellable
from exitbot_desktop.engine.reports.export_csv_json import ExportOptions
from exitbot_desktop.engine.reports.exports import ExportRequest, ExportResult, Format, export
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.operations import Op, OpContext
from exitbot_desktop.ui.widgets import ErrorLine, dialog_column, label, show_progress

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

_SUFFIX: dict[Format, str] = {"pdf": ".pdf", "csv": ".csv", "json": ".json"}


class ExportDialog(QDialog):
    def __init__(
        self, parent: QWidget, store: Store, selection: Selection, *, names_allowed: bool
    ) -> None:
        super().__init__(parent)
        self._store, self._selection = store, selection
        self._cancel: threading.Event | None = None
        self.setModal(True)
        self._covers = label("muted")
        self.pdf = QRadioButton()
        self.csv = QRadioButton()
        self.json = QRadioButton()
        self.pdf.setChecked(True)
        formats = QButtonGroup(self)
        for choice in (self.pdf, self.csv, self.json):
            formats.addButton(choice)
        self.per_interview = QRadioButton()
        self.per_answer = QRadioButton()
        self.per_answer.setChecked(True)
        rows = QButtonGroup(self)
        rows.addButton(self.per_answer)
        rows.addButton(self.per_interview)
        self.anonymised = QRadioButton()
        self.named = QRadioButton()
        self.anonymised.setChecked(True)
        self.named.setEnabled(names_allowed)
        naming = QButtonGroup(self)
        naming.addButton(self.anonymised)
        naming.addButton(self.named)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.progress = QProgressBar()
        self.progress.hide()
        self.outcome = label()
        self.error = ErrorLine()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.close_button = QPushButton()

        form = QFormLayout()
        self._format_label, self._rows_label = label(wrap=False), label(wrap=False)
        self._names_label, self._password_label = label(wrap=False), label(wrap=False)
        form.addRow(self._format_label, _choices(self.pdf, self.csv, self.json))
        form.addRow(self._rows_label, _choices(self.per_answer, self.per_interview))
        form.addRow(self._names_label, _choices(self.anonymised, self.named))
        form.addRow(self._password_label, self.password)
        self._password_label.setBuddy(self.password)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        dialog_column(self, self._covers, form, self.progress, self.outcome, self.error, buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

        for choice in (self.pdf, self.csv, self.json):
            choice.toggled.connect(self._format_changed)
        self.save_button.clicked.connect(self._ask_where)
        self.close_button.clicked.connect(self._close_or_cancel)
        self.retranslate()
        self._format_changed()

    def format(self) -> Format:
        return "pdf" if self.pdf.isChecked() else "csv" if self.csv.isChecked() else "json"

    def request(self, path: Path) -> ExportRequest:
        options = ExportOptions(
            per="interview" if self.per_interview.isChecked() else "answer",
            anonymise=not self.named.isChecked(),
            include_receipt=self.named.isChecked(),
        )
        password = self.password.text() if self.format() == "pdf" else ""
        return ExportRequest(self.format(), path, self._selection, options, password or None)

    # ----------------------------------------------------------------- exporting
    def _ask_where(self) -> None:
        suffix = _SUFFIX[self.format()]
        path, _filter = QFileDialog.getSaveFileName(
            self, self.windowTitle(), f"exit-interviews{suffix}", f"*{suffix}"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the export to `path` in the background, with progress and Cancel."""
        store, request = self._store, self.request(path)
        cancel = self._cancel = threading.Event()

        def work(ctx: OpContext) -> ExportResult:
            def report(done: int, total: int, _what: str) -> None:
                ctx.report((done, total))

            return export(store, request, progress=cancellable(report, cancel.is_set))

        self.error.clear_message()
        self.outcome.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.save_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel e&xport"))
        Op(work, owner=self).progress(lambda value: show_progress(self.progress, value)).success(
            self._done
        ).failure(known_failure(self._failed)).run_in_background()

    def _done(self, result: ExportResult) -> None:
        self._finished()
        self.outcome.setText(result.summary)

    def _failed(self, message: str) -> None:
        self._finished()
        self.error.show_message(message)

    def _finished(self) -> None:
        self._cancel = None
        self.progress.hide()
        self.save_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("C&lose"))

    def _close_or_cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()  # the export stops at its next step and says so
            self.close_button.setEnabled(False)
            self.close_button.setText(self.tr("Cancelling…"))
            return
        self.accept()

    def _format_changed(self) -> None:
        data = not self.pdf.isChecked()
        self.per_answer.setEnabled(data)
        self.per_interview.setEnabled(data)
        self.password.setEnabled(not data)

    # ----------------------------------------------------------------- words
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export interviews"))
        self._covers.setText(
            self.tr("Covers: {selection}").format(selection=self._selection.describe())
        )
        self._format_label.setText(self.tr("Format:"))
        self.pdf.setText(self.tr("&Report (PDF)"))
        self.csv.setText(self.tr("Spreadsheet (&CSV)"))
        self.json.setText(self.tr("&Data (JSON)"))
        self._rows_label.setText(self.tr("Rows:"))
        self.per_answer.setText(self.tr("One per &answer"))
        self.per_interview.setText(self.tr("One per &interview"))
        self._names_label.setText(self.tr("Names:"))
        self.anonymised.setText(self.tr("A&nonymised"))
        self.named.setText(self.tr("Na&med"))
        self._password_label.setText(self.tr("PDF &password (optional):"))
        self.password.setAccessibleName(self.tr("Password for the PDF"))
        self.save_button.setText(self.tr("&Save…"))
        self.close_button.setText(self.tr("C&lose"))


def _choices(*widgets: QWidget) -> QWidget:
    """Radio buttons one under the other: each reads whole, however long its words."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        column.addWidget(widget)
    return holder
