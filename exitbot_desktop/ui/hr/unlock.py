"""Unlock: an HR officer opens the encrypted store with a password or the recovery key.

Owns `UnlockPage`. Unlocking derives a key with Argon2id and opens SQLCipher, so it runs
in the background; every known failure (wrong password, another ExitBot open, missing or
damaged key file) appears as the engine's sentence under the field, and the engine
guarantees none of them changed a byte of the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import KdfParams, KeyFile
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.password_hint import password_hint
from exitbot_desktop.ui.operations import Op
from exitbot_desktop.ui.widgets import Box, ErrorLine, Page, button, button_row, label, tab_order

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


class UnlockPage(Page):
    """Account picker and password, or the recovery key and a new password."""

    unlocked = Signal(object, str)  # the open Store, the HR account name

    def __init__(self, folder: DataFolder, kdf: KdfParams) -> None:
        super().__init__()
        self._folder = folder
        self._kdf = kdf
        self._organisation = ""
        self._title = label("title")
        self._intro = label("subtitle")
        self.account = QComboBox()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.unlock_button = button(primary=True)
        self.error = ErrorLine()
        self.forgot_button = button(flat=True)

        # Recovery: the printed key plus a new password for the chosen account.
        self.recovery_key = QLineEdit()
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_repeat = QLineEdit()
        self.new_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self._new_hint = label("muted")
        self.recover_button = button(primary=True)
        self.back_button = button(flat=True)
        self.recovery_error = ErrorLine()
        self._recovery_intro = label()

        # One form for both ways in; the rows of the other way are hidden.
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setVerticalSpacing(10)
        self._captions: dict[QWidget, QLabel] = {}
        self._form.addRow(self._recovery_intro)
        for field in (
            self.account,
            self.password,
            self.recovery_key,
            self.new_password,
            self.new_repeat,
        ):
            caption = label(wrap=False)
            caption.setBuddy(field)
            self._captions[field] = caption
            self._form.addRow(caption, field)
        self._form.addRow("", self._new_hint)
        card = Box()
        card.body.addLayout(self._form)
        card.body.addWidget(self.error)
        card.body.addWidget(self.recovery_error)

        self._password_buttons = _row_widget(self.forgot_button, self.unlock_button)
        self._recovery_buttons = _row_widget(self.back_button, self.recover_button)

        self.column.addSpacing(24)
        self.column.addWidget(self._title)
        self.column.addWidget(self._intro)
        self.column.addWidget(card)
        self.column.addWidget(self._password_buttons)
        self.column.addWidget(self._recovery_buttons)
        self.column.addStretch(1)

        self.unlock_button.clicked.connect(self._unlock)
        self.password.returnPressed.connect(self._unlock)
        self.forgot_button.clicked.connect(lambda: self._show_recovery(True))
        self.back_button.clicked.connect(lambda: self._show_recovery(False))
        self.recover_button.clicked.connect(self._recover)
        self.new_repeat.returnPressed.connect(self._recover)
        self.new_password.textChanged.connect(self._update_hint)
        # One chain for both modes; Qt skips whichever half is hidden.
        chain = (
            self.account,
            self.password,
            self.unlock_button,
            self.forgot_button,
            self.recovery_key,
            self.new_password,
            self.new_repeat,
            self.recover_button,
            self.back_button,
        )
        tab_order(*chain)
        self._show_recovery(False)
        self.retranslate()

    # ------------------------------------------------------------------ showing
    def reload(self, message: str = "") -> None:
        """Read the account names from the key file; a damaged key file is said so here."""
        self.password.clear()
        self.error.show_message(message)
        self._show_recovery(False)
        try:
            key_file = KeyFile.load(self._folder.key_path)
        except ExitBotError as error:
            self._organisation = ""
            self.account.clear()
            self._set_enabled(False)
            self.error.show_message(error.user_message)
            self.retranslate()
            return
        self._organisation = key_file.organisation
        current = self.account.currentText()
        self.account.clear()
        self.account.addItems(key_file.accounts)
        if current in key_file.accounts:
            self.account.setCurrentText(current)
        self._set_enabled(True)
        self.retranslate()
        self.password.setFocus()

    def first_focus(self) -> QWidget:
        return self.password if self.password.isEnabled() else self.account

    def retranslate(self) -> None:
        self._title.setText(self._organisation or self.tr("ExitBot"))
        self._intro.setText(self.tr("Exit interviews are locked. An HR officer can unlock them."))
        self._captions[self.account].setText(self.tr("HR &account:"))
        self._captions[self.password].setText(self.tr("&Password:"))
        self.account.setAccessibleName(self.tr("HR account"))
        self.password.setAccessibleName(self.tr("Password"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.forgot_button.setText(self.tr("Forgot your password? Use the recovery key"))
        self.forgot_button.setAccessibleName(self.tr("Forgot your password? Use the recovery key"))
        self._recovery_intro.setText(
            self.tr(
                "Type the recovery key from the printed sheet and choose a new password for "
                "the HR account."
            )
        )
        self._captions[self.recovery_key].setText(self.tr("Recovery &key:"))
        self._captions[self.new_password].setText(self.tr("&New password:"))
        self._captions[self.new_repeat].setText(self.tr("&Repeat new password:"))
        self.recovery_key.setAccessibleName(self.tr("Recovery key"))
        self.recovery_key.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.new_password.setAccessibleName(self.tr("New password"))
        self.new_repeat.setAccessibleName(self.tr("Repeat new password"))
        self.recover_button.setText(self.tr("&Set new password and unlock"))
        self.recover_button.setAccessibleName(self.tr("Set new password and unlock"))
        self.back_button.setText(self.tr("Back to password"))
        self.back_button.setAccessibleName(self.tr("Back to password"))
        self._update_hint()

    def _show_recovery(self, recovery: bool) -> None:
        self._form.setRowVisible(self.password, not recovery)
        if recovery:
            self.error.clear_message()
        for row in (
            self._recovery_intro,
            self.recovery_key,
            self.new_password,
            self.new_repeat,
            self._new_hint,
        ):
            self._form.setRowVisible(row, recovery)
        self._password_buttons.setVisible(not recovery)
        self._recovery_buttons.setVisible(recovery)
        self.recovery_error.clear_message()
        (self.recovery_key if recovery else self.password).setFocus()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.account, self.password, self.unlock_button, self.forgot_button):
            widget.setEnabled(enabled)

    def _update_hint(self) -> None:
        self._new_hint.setText(password_hint(self.new_password.text())[1])

    # ------------------------------------------------------------------ actions
    def _unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        account, password = self.account.currentText(), self.password.text()
        if not password:
            self.error.show_message(self.tr("Please type the password."))
            return
        self.error.clear_message()
        self._busy(self.unlock_button, True)
        folder = self._folder

        def unlock(_ctx: object) -> Store:
            from exitbot_desktop.engine.store import vault  # loaded in the background

            return vault.unlock(folder, user=account, password=password)

        Op(unlock, owner=self).success(lambda store: self._opened(store, account)).failure(
            known_failure(self._unlock_failed)
        ).run_in_background()

    def _unlock_failed(self, message: str) -> None:
        self._busy(self.unlock_button, False)
        self.password.selectAll()
        self.password.setFocus()
        self.error.show_message(message)

    def _recover(self) -> None:
        if not self.recover_button.isEnabled():
            return
        account = self.account.currentText()
        key, new = self.recovery_key.text(), self.new_password.text()
        if not key.strip():
            self.recovery_error.show_message(self.tr("Please type the recovery key."))
            return
        level, sentence = password_hint(new)
        if level == 0:
            self.recovery_error.show_message(sentence)
            return
        if new != self.new_repeat.text():
            self.recovery_error.show_message(
                self.tr("The two passwords are not the same. Please type them again.")
            )
            return
        self.recovery_error.clear_message()
        self._busy(self.recover_button, True)
        folder, kdf = self._folder, self._kdf

        def recover(_ctx: object) -> Store:
            from exitbot_desktop.engine.store import vault  # loaded in the background

            return vault.recover(folder, key, account, new, kdf)

        Op(recover, owner=self).success(lambda store: self._opened(store, account)).failure(
            known_failure(self._recover_failed)
        ).run_in_background()

    def _recover_failed(self, message: str) -> None:
        self._busy(self.recover_button, False)
        self.recovery_error.show_message(message)

    def _opened(self, store: Store, account: str) -> None:
        self._busy(self.unlock_button, False)
        self._busy(self.recover_button, False)
        for field in (self.password, self.recovery_key, self.new_password, self.new_repeat):
            field.clear()
        self.unlocked.emit(store, account)

    def _busy(self, which: QWidget, busy: bool) -> None:
        which.setEnabled(not busy)
        if which is self.unlock_button:
            self.unlock_button.setText(self.tr("Unlocking…") if busy else self.tr("&Unlock"))


def _row_widget(*buttons: QWidget) -> QWidget:
    """Buttons in a row that can be hidden together."""
    holder = QWidget()
    row = button_row(*buttons)
    row.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(row)
    return holder
