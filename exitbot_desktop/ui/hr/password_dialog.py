"""The HR password check that guards leaving employee mode and closing the window.

Owns `HrPasswordDialog`. Any HR account's password will do; it is checked against the
key file's wrap (an Argon2 derivation, so in the background) by `Store.confirm_password`,
which counts wrong passwords like the unlock page does and audits which account it was.
The dialog is window-modal and opened with `open()`, never `exec()`, so the event loop
keeps running while it waits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.operations import Lane, Op
from exitbot_desktop.ui.widgets import ErrorLine, dialog_column, label

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


class HrPasswordDialog(QDialog):
    def __init__(
        self, parent: QWidget, store: Store, account: str, reason: str, action: str
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._action = action  # what the audit log records with the account that typed
        self.setWindowTitle(self.tr("HR password needed"))
        self.setModal(True)
        self._reason = label()
        self._reason.setText(reason)
        self.account = QComboBox()
        self.account.addItems(store.accounts())
        self.account.setCurrentText(account)
        self.account.setAccessibleName(self.tr("HR account"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("HR password"))
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Continue"))
        ok.setAccessibleName(self.tr("Continue"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        form = QFormLayout()
        form.addRow(self.tr("HR &account:"), self.account)
        form.addRow(self.tr("&Password:"), self.password)
        dialog_column(self, self._reason, form, self.error, self.buttons)
        self.buttons.accepted.connect(self._verify)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.password.setFocus()

    def _verify(self) -> None:
        account, password, store = self.account.currentText(), self.password.text(), self._store
        action = self._action
        if not password:
            self.error.show_message(self.tr("Please type the password."))
            return
        self.buttons.setEnabled(False)
        Op(
            lambda _ctx: store.confirm_password(account, password, action=action),
            lane=Lane.WORK,
            owner=self,
        ).success(lambda _none: self.accept()).failure(
            known_failure(self._wrong)
        ).run_in_background()

    def _wrong(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.password.selectAll()
        self.password.setFocus()
        self.error.show_message(message)
        self.adjustSize()
