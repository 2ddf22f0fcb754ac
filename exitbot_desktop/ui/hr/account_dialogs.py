"""The Accounts page's forms: add an account, change your password, reset another's with
the recovery key, and change the data key (which needs every account's password).

Owns `AddAccountDialog`, `ChangePasswordDialog`, `ResetPasswordDialog` and
`RotateKeyDialog`, built on `_FormDialog`, and `Confirmation`, the question asked before
what cannot be undone. In a form, OK runs one engine call on the store lane
(each wraps the data key with Argon2, far too slow for the GUI thread), the dialog stays
open meanwhile, and a refusal (a weak password, a wrong current password or recovery
key) shows the engine's sentence in the dialog and keeps what was typed. New passwords
get the live strength hint the set-up page shows. Dialogs are opened with `open()`,
never `exec()`, so the event loop keeps running.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from exitbot_desktop.engine.progress import cancellable
from exitbot_desktop.engine.store.keys import KdfParams
from exitbot_desktop.engine.store.rotation import Rotation, rotate_data_key
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.password_hint import password_hint
from exitbot_desktop.ui.operations import Op, OpContext
from exitbot_desktop.ui.widgets import ErrorLine, dialog_column, label, show_progress

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


class Confirmation(QDialog):
    """A question naming what cannot be undone, with `yes` and Cancel (the default, so
    Enter never erases anything by accident)."""

    def __init__(self, parent: QWidget, title: str, question: str, yes: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.question = label()
        self.question.setText(question)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.yes_button = self.buttons.addButton(yes, QDialogButtonBox.ButtonRole.AcceptRole)
        self.yes_button.setAccessibleName(yes.replace("&", ""))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        cancel.setAccessibleName(self.tr("Cancel"))
        # A wrapped label's height follows its width: give it one, then size to fit.
        self.question.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        dialog_column(self, self.question, self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.adjustSize()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setFocus()


class _FormDialog(QDialog):
    """A form whose OK runs `_work` in the background; `succeeded` carries its result."""

    succeeded = Signal(object)
    refused = Signal(str)  # the engine's sentence, also shown in the dialog

    def __init__(self, parent: QWidget, title: str, intro: str, ok_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._busy = False
        self._intro = label()
        self._intro.setText(intro)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.progress = QProgressBar()
        self.progress.hide()
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button.setText(ok_text)
        self.ok_button.setAccessibleName(ok_text.replace("&", ""))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        dialog_column(self, self._intro, self.form, self.progress, self.error, self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def cancel_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def field(self, caption: str, *, secret: bool = True) -> QLineEdit:
        edit = QLineEdit()
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(caption.replace("&", "").rstrip(":"))
        self.form.addRow(caption, edit)
        return edit

    def new_password_fields(self) -> tuple[QLineEdit, QLineEdit]:
        """A new password with its live strength hint, and the same again."""
        password = self.field(self.tr("&New password:"))
        hint = label("muted")
        self.form.addRow("", hint)
        repeat = self.field(self.tr("&Repeat new password:"))

        def update() -> None:
            _level, sentence = password_hint(password.text())
            hint.setText(sentence)
            password.setAccessibleDescription(sentence)

        password.textChanged.connect(update)
        update()
        return password, repeat

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        for edit in self._fields():
            edit.setFocus()
            break

    def _fields(self) -> list[QLineEdit]:
        return self.findChildren(QLineEdit)

    # ----------------------------------------------------------------- to override
    def _check(self) -> str:
        """What is wrong with the form before the engine is asked ("" when nothing)."""
        return ""

    def _work(self) -> Callable[[OpContext], Any]:
        raise NotImplementedError

    # ----------------------------------------------------------------- running
    def _submit(self) -> None:
        if self._busy:
            return
        problem = self._check()
        if problem:
            self.error.show_message(problem)
            self.adjustSize()
            return
        self.error.clear_message()
        self._set_busy(True)
        Op(self._work(), owner=self).progress(
            lambda value: show_progress(self.progress, value)
        ).success(self._succeeded).failure(known_failure(self._failed)).run_in_background()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        for edit in self._fields():
            edit.setEnabled(not busy)

    def _succeeded(self, result: object) -> None:
        self._set_busy(False)
        self.succeeded.emit(result)
        self.accept()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.progress.hide()
        self.error.show_message(message)
        self.adjustSize()
        self.refused.emit(message)

    def reject(self) -> None:
        if not self._busy:  # the work is under way: it finishes, then the dialog closes
            super().reject()

    def _repeat_problem(self, password: QLineEdit, repeat: QLineEdit) -> str:
        if password.text() != repeat.text():
            repeat.selectAll()
            repeat.setFocus()
            return self.tr("The two new passwords are not the same. Please type them again.")
        return ""


class AddAccountDialog(_FormDialog):
    def __init__(self, parent: QWidget, store: Store, kdf: KdfParams) -> None:
        super().__init__(
            parent,
            self.tr("Add an HR account"),
            self.tr(
                "The new officer unlocks ExitBot with their own name and password and sees "
                "everything you see. Let them type the password themselves."
            ),
            self.tr("Add account"),
        )
        self._store, self._kdf = store, kdf
        self.name = self.field(self.tr("&Account name:"), secret=False)
        self.password, self.repeat = self.new_password_fields()

    def _check(self) -> str:
        if not self.name.text().strip():
            self.name.setFocus()
            return self.tr("Please type a name for the new account.")
        return self._repeat_problem(self.password, self.repeat)

    def _work(self) -> Callable[[OpContext], str]:
        store, kdf = self._store, self._kdf
        name, password = self.name.text().strip(), self.password.text()

        def add(_ctx: OpContext) -> str:
            store.add_account(name, password, kdf)
            return name

        return add


class ChangePasswordDialog(_FormDialog):
    def __init__(self, parent: QWidget, store: Store, kdf: KdfParams) -> None:
        super().__init__(
            parent,
            self.tr("Change your password"),
            self.tr(
                "The new password replaces the current one for '{account}' at once. The "
                "interviews are not re-encrypted; this takes a moment."
            ).format(account=store.actor),
            self.tr("Change password"),
        )
        self._store, self._kdf = store, kdf
        self.current = self.field(self.tr("&Current password:"))
        self.password, self.repeat = self.new_password_fields()

    def _check(self) -> str:
        if not self.current.text():
            self.current.setFocus()
            return self.tr("Please type your current password.")
        return self._repeat_problem(self.password, self.repeat)

    def _work(self) -> Callable[[OpContext], None]:
        store, kdf = self._store, self._kdf
        current, new = self.current.text(), self.password.text()
        return lambda _ctx: store.change_own_password(current, new, kdf)


class ResetPasswordDialog(_FormDialog):
    def __init__(self, parent: QWidget, store: Store, account: str, kdf: KdfParams) -> None:
        super().__init__(
            parent,
            self.tr("Reset a password with the recovery key"),
            self.tr(
                "For an officer who lost their password: type the printed recovery key and "
                "a new password for '{account}'. The recovery key stays valid."
            ).format(account=account),
            self.tr("Reset password"),
        )
        self._store, self._account, self._kdf = store, account, kdf
        self.recovery_key = self.field(self.tr("Recovery &key:"), secret=False)
        self.recovery_key.setPlaceholderText("XXXXX-XXXXX-…")
        self.password, self.repeat = self.new_password_fields()

    def _check(self) -> str:
        if not self.recovery_key.text().strip():
            self.recovery_key.setFocus()
            return self.tr("Please type the recovery key.")
        return self._repeat_problem(self.password, self.repeat)

    def _work(self) -> Callable[[OpContext], str]:
        store, account, kdf = self._store, self._account, self._kdf
        key, new = self.recovery_key.text(), self.password.text()

        def reset(_ctx: OpContext) -> str:
            store.reset_password_with_recovery_key(account, key, new, kdf)
            return account

        return reset


class RotateKeyDialog(_FormDialog):
    """Every account's current password, then the rotation with progress; Cancel stops it
    until the re-encryption has begun (after that it runs to its end: it is all or nothing)."""

    def __init__(self, parent: QWidget, store: Store, accounts: list[str], kdf: KdfParams) -> None:
        super().__init__(
            parent,
            self.tr("Change the data key"),
            self.tr(
                "ExitBot copies the database into its backups folder, then re-encrypts it "
                "under a new key and wraps that key anew for every account. Old copies of "
                "the key file stop working, and so does the recovery key: you get a new one "
                "at the end. Each account's current password is needed; remove accounts "
                "that are no longer used first."
            ),
            self.tr("Change the key"),
        )
        self._store, self._kdf = store, kdf
        self._cancel = threading.Event()
        self.passwords: dict[str, QLineEdit] = {}
        for account in accounts:
            self.passwords[account] = self.field(
                self.tr("Password of {account}:").format(account=account.replace("&", "&&"))
            )
            self.passwords[account].setAccessibleName(
                self.tr("Password of {account}").format(account=account)
            )

    def _check(self) -> str:
        for account, edit in self.passwords.items():
            if not edit.text():
                edit.setFocus()
                return self.tr("Please type the password of '{account}'.").format(account=account)
        return ""

    def _work(self) -> Callable[[OpContext], Rotation]:
        store, kdf, cancel = self._store, self._kdf, self._cancel
        passwords = {account: edit.text() for account, edit in self.passwords.items()}
        cancel.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setText(self.tr("Stop"))

        def rotate(ctx: OpContext) -> Rotation:
            def report(done: int, total: int, _what: str) -> None:
                ctx.report((done, total))

            return rotate_data_key(
                store, passwords, kdf, progress=cancellable(report, cancel.is_set)
            )

        return rotate

    def reject(self) -> None:
        if self._busy:
            self._cancel.set()  # stops before the re-encryption, else it finishes
            self.cancel_button.setEnabled(False)
            return
        super().reject()

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        if not busy:
            self.cancel_button.setEnabled(True)
            self.cancel_button.setText(self.tr("Cancel"))
