"""The recovery key, shown exactly once after set-up, with ways to keep it.

Owns `RecoveryKeyPage`. ExitBot keeps only the key's wrap, so the page will not let the
officer go on before confirming it was written down or printed. Printing uses Qt's
print dialog (a one-page document renders instantly); saving writes a private text file
in the background. The key leaves memory when the page is left.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QHBoxLayout, QWidget

from exitbot_desktop.engine.files import write_private_text
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.operations import Lane, Op
from exitbot_desktop.ui.widgets import (
    Box,
    ErrorLine,
    Page,
    button,
    button_row,
    label,
    tab_order,
)


class RecoveryKeyPage(Page):
    """Shows the key; `confirmed` once the officer says it is safely kept."""

    confirmed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._key = ""
        self._organisation = ""
        self._title = label("title")
        self._intro = label()
        self.key_label = label("code", wrap=True, selectable=True)
        self._warning = label("muted")
        self.print_button = button()
        self.save_button = button()
        self.written_down = QCheckBox()
        self.continue_button = button(primary=True)
        self.status = label("muted")
        self.error = ErrorLine()

        actions = QHBoxLayout()
        actions.addWidget(self.print_button)
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        card = Box()
        card.body.addWidget(self._intro)
        card.body.addWidget(self.key_label)
        card.body.addWidget(self._warning)
        card.body.addLayout(actions)
        card.body.addWidget(self.status)

        self.column.addWidget(self._title)
        self.column.addWidget(card)
        self.column.addWidget(self.written_down)
        self.column.addWidget(self.error)
        self.column.addLayout(button_row(self.continue_button))
        self.column.addStretch(1)

        self.continue_button.setEnabled(False)
        self.written_down.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._continue)
        self.print_button.clicked.connect(self._print)
        self.save_button.clicked.connect(self._ask_where)
        tab_order(
            self.key_label,
            self.print_button,
            self.save_button,
            self.written_down,
            self.continue_button,
        )
        self.retranslate()

    def show_key(self, recovery_key: str, organisation: str) -> None:
        self._key = recovery_key
        self._organisation = organisation
        self.key_label.setText(recovery_key)
        self.written_down.setChecked(False)
        self.status.clear()
        self.error.clear_message()
        self.retranslate()

    def first_focus(self) -> QWidget:
        return self.print_button

    def retranslate(self) -> None:
        self._title.setText(self.tr("Your recovery key"))
        self._intro.setText(
            self.tr(
                "If every HR password is ever lost, this key is the only way to open the "
                "interviews. Write it down or print it now and keep it somewhere safe, "
                "such as a locked drawer or a safe."
            )
        )
        self._warning.setText(
            self.tr("It is shown only this once. ExitBot does not keep a readable copy.")
        )
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        self.key_label.setAccessibleDescription(self._key)
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print the recovery key"))
        self.save_button.setText(self.tr("&Save to a file…"))
        self.save_button.setAccessibleName(self.tr("Save the recovery key to a file"))
        self.written_down.setText(
            self.tr("I have &written down or printed the recovery key and will keep it safe")
        )
        self.written_down.setAccessibleName(
            self.tr("I have written down or printed the recovery key")
        )
        self.continue_button.setText(self.tr("C&ontinue"))
        self.continue_button.setAccessibleName(self.tr("Continue"))

    def _document_text(self) -> str:
        return self.tr(
            "ExitBot recovery key\n\nOrganisation: {organisation}\n\n{key}\n\n"
            "Keep this sheet somewhere safe. It opens the encrypted interview database "
            "if every HR password is lost.\n"
        ).format(organisation=self._organisation or "-", key=self._key)

    def _print(self) -> None:
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery key"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setPlainText(self._document_text())
        document.print_(printer)
        self.status.setText(self.tr("The recovery key was sent to the printer."))

    def _ask_where(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery key"),
            str(Path.home() / "exitbot-recovery-key.txt"),
            self.tr("Text files (*.txt)"),
            # The engine never writes a key over an existing file and says so.
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Write the sheet to a new private file `path`, in the background; an existing
        file is never replaced (the engine says so and the page shows it)."""
        text = self._document_text()
        self.status.clear()
        self.error.clear_message()
        Op(lambda _ctx: write_private_text(path, text), lane=Lane.WORK, owner=self).success(
            lambda _none: self.status.setText(
                self.tr(
                    "Saved to {path}. Print it or copy it to a safe place, then delete the file."
                ).format(path=path)
            )
        ).failure(known_failure(self.error.show_message)).run_in_background()

    def _continue(self) -> None:
        self._key = ""
        self.key_label.clear()
        self.key_label.setAccessibleDescription("")
        self.confirmed.emit()
