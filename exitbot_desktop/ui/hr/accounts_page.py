"""The Accounts page of the HR workspace: HR accounts, the recovery key, the data key,
and erasure requests by receipt code.

Owns `AccountsPage`. Each action is one engine call on the store lane (the `Store`
account methods, `rotate_data_key`, `erase_by_receipt`): Argon2 and re-encryption never
run on the GUI thread. Forms with passwords are dialogs (`account_dialogs`); actions
that cannot be undone (removing an account, a new recovery key, erasing an interview)
ask first, naming what will change. A refusal from the engine (the last account, a wrong
password) shows its sentence on the page. A new recovery key (made on its own or by a
key change) is handed to the window, which shows it once on the recovery key page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from exitbot_desktop.engine.erasure import (
    Erased,
    ErasureCandidate,
    erase_by_receipt,
    find_for_erasure,
)
from exitbot_desktop.engine.store.keys import KdfParams
from exitbot_desktop.engine.store.rotation import Rotation
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.account_dialogs import (
    AddAccountDialog,
    ChangePasswordDialog,
    Confirmation,
    ResetPasswordDialog,
    RotateKeyDialog,
)
from exitbot_desktop.ui.hr.home import local_time
from exitbot_desktop.ui.operations import Op
from exitbot_desktop.ui.widgets import Box, ErrorLine, Page, button, label, tab_order

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import AccountInfo, Store
    from exitbot_desktop.ui.hr.account_dialogs import _FormDialog


class AccountsPage(Page):
    recovery_key_made = Signal(str)  # shown once by the window, then back here
    store_closed = Signal(str)  # a key change failed midway: the window locks and says why

    def __init__(self, kdf: KdfParams) -> None:
        super().__init__(max_chars=100)  # three account buttons side by side
        self._kdf = kdf
        self._store: Store | None = None
        self._accounts: list[AccountInfo] = []
        self.dialog: _FormDialog | None = None  # the form open now, if any
        self.confirmation: Confirmation | None = None  # the question open now, if any
        self._title = label("title")

        self._accounts_heading = label("subtitle")
        self.signed_in = label("muted")
        self.accounts = QTreeWidget()
        self.accounts.setRootIsDecorated(False)
        self.accounts.setColumnCount(3)
        self.accounts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.accounts.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        line = self.fontMetrics().height()
        self.accounts.setMinimumHeight(line * 5)
        self.accounts.setMaximumHeight(line * 9)  # a handful of officers, not a long list
        self.add_button = button()
        self.remove_button = button()
        self.reset_button = button()
        self.change_button = button()
        account_buttons = QHBoxLayout()
        for widget in (self.add_button, self.remove_button, self.reset_button):
            account_buttons.addWidget(widget)
        account_buttons.addStretch(1)
        own_row = QHBoxLayout()
        own_row.addWidget(self.signed_in, 1)
        own_row.addWidget(self.change_button)
        accounts_card = Box()
        accounts_card.body.addWidget(self._accounts_heading)
        accounts_card.body.addWidget(self.accounts)
        accounts_card.body.addLayout(account_buttons)
        accounts_card.body.addLayout(own_row)

        self._keys_heading = label("subtitle")
        self._recovery_text = label()
        self.new_recovery_button = button()
        self._rotate_text = label()
        self.rotate_button = button()
        keys_card = Box()
        keys_card.body.addWidget(self._keys_heading)
        keys_card.body.addWidget(self._recovery_text)
        keys_card.body.addLayout(_left(self.new_recovery_button))
        keys_card.body.addWidget(self._rotate_text)
        keys_card.body.addLayout(_left(self.rotate_button))

        self._erase_heading = label("subtitle")
        self._erase_text = label()
        self.receipt = QLineEdit()
        self.receipt.setClearButtonEnabled(True)
        self._receipt_label = label(wrap=False)
        self._receipt_label.setBuddy(self.receipt)
        self.erase_button = button()
        receipt_row = QHBoxLayout()
        receipt_row.addWidget(self.receipt, 1)
        receipt_row.addWidget(self.erase_button)
        form = QFormLayout()
        form.addRow(self._receipt_label, receipt_row)
        erase_card = Box("notice")
        erase_card.body.addWidget(self._erase_heading)
        erase_card.body.addWidget(self._erase_text)
        erase_card.body.addLayout(form)

        self.result_line = label(selectable=True)
        self.result_line.hide()
        self.error = ErrorLine()
        self.column.addWidget(self._title)
        self.column.addWidget(self.result_line)
        self.column.addWidget(self.error)
        self.column.addWidget(accounts_card)
        self.column.addWidget(keys_card)
        self.column.addWidget(erase_card)
        self.column.addStretch(1)

        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._ask_remove)
        self.reset_button.clicked.connect(self._reset)
        self.change_button.clicked.connect(self._change_own)
        self.new_recovery_button.clicked.connect(self._ask_new_recovery_key)
        self.rotate_button.clicked.connect(self._rotate)
        self.erase_button.clicked.connect(self._find_for_erasure)
        self.receipt.returnPressed.connect(self._find_for_erasure)
        self.accounts.itemSelectionChanged.connect(self._selection_changed)
        tab_order(
            self.accounts,
            self.add_button,
            self.remove_button,
            self.reset_button,
            self.change_button,
            self.new_recovery_button,
            self.rotate_button,
            self.receipt,
            self.erase_button,
        )
        self.retranslate()

    # ----------------------------------------------------------------- showing
    def show_for(self, store: Store) -> None:
        self._store = store
        self.error.clear_message()
        self.refresh()

    def forget(self) -> None:
        self._store = None
        self._accounts = []
        self.accounts.clear()
        for open_now in (self.dialog, self.confirmation):
            if open_now is not None:
                open_now.reject()

    def first_focus(self) -> QWidget:
        return self.accounts

    def refresh(self) -> None:
        store = self._store
        if store is None:
            return
        Op(lambda _ctx: store.account_list(), owner=self).success(self._show_accounts).failure(
            known_failure(self.error.show_message)
        ).run_in_background()

    def _show_accounts(self, accounts: list[AccountInfo]) -> None:
        chosen = self.selected_account()
        self._accounts = accounts
        self.accounts.clear()
        for info in accounts:
            item = QTreeWidgetItem([info.name, _when(info.created_at), _when(info.last_login_at)])
            self.accounts.addTopLevelItem(item)
        names = [info.name for info in accounts]
        self.select_account(chosen if chosen in names else (names[0] if names else ""))
        self.retranslate()

    def selected_account(self) -> str | None:
        items = self.accounts.selectedItems()
        return items[0].text(0) if items else None

    def select_account(self, name: str) -> None:
        for row in range(self.accounts.topLevelItemCount()):
            item = self.accounts.topLevelItem(row)
            if item is not None and item.text(0) == name:
                self.accounts.setCurrentItem(item)

    def _selection_changed(self) -> None:
        chosen = self.selected_account() is not None
        self.remove_button.setEnabled(chosen)
        self.reset_button.setEnabled(chosen)

    def _said(self, text: str) -> None:
        self.error.clear_message()
        self.result_line.setText(text)
        self.result_line.show()

    def _failed(self, message: str) -> None:
        self.result_line.hide()
        self.error.show_message(message)

    # ----------------------------------------------------------------- forms
    def _open(self, dialog: _FormDialog, then: Callable[[object], None]) -> None:
        self.dialog = dialog
        dialog.succeeded.connect(then)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self._open_modal(dialog)

    def _closed(self, dialog: _FormDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _open_modal(self, dialog: QDialog) -> None:
        """Open `dialog`; when it closes, keyboard users continue on the control they left
        (some platforms leave the window without focus)."""
        before = QApplication.focusWidget()

        def back() -> None:
            self.window().activateWindow()
            if before is not None and shiboken6.isValid(before) and before.isVisible():
                before.setFocus()

        dialog.finished.connect(back)
        dialog.open()

    def _add(self) -> None:
        if self._store is not None:
            self._open(AddAccountDialog(self, self._store, self._kdf), self._added)

    def _added(self, name: object) -> None:
        self._said(self.tr("HR account '{name}' was added.").format(name=name))
        self.refresh()

    def _change_own(self) -> None:
        store = self._store
        if store is not None:
            self._open(
                ChangePasswordDialog(self, store, self._kdf),
                lambda _none: self._said(
                    self.tr("Your password was changed. Use it the next time you unlock ExitBot.")
                ),
            )

    def _reset(self) -> None:
        store, account = self._store, self.selected_account()
        if store is not None and account is not None:
            self._open(
                ResetPasswordDialog(self, store, account, self._kdf),
                lambda name: self._said(
                    self.tr(
                        "A new password was set for '{name}'. Tell them in person; the "
                        "recovery key stays valid."
                    ).format(name=name)
                ),
            )

    def _rotate(self) -> None:
        store = self._store
        if store is None:
            return
        names = [info.name for info in self._accounts] or store.accounts()
        dialog = RotateKeyDialog(self, store, names, self._kdf)
        dialog.refused.connect(lambda message: self._rotation_failed(store, dialog, message))
        self._open(dialog, self._rotated)

    def _rotation_failed(self, store: Store, dialog: RotateKeyDialog, message: str) -> None:
        """A failure after the re-encryption began closed the store (the next unlock
        finishes the change): the window must lock. Before it, nothing changed and the
        dialog says why."""
        if not store.database.is_open:
            dialog.reject()
            self.store_closed.emit(message)

    def _rotated(self, rotation: object) -> None:
        assert isinstance(rotation, Rotation)
        if rotation.backup is None:
            self._said(
                self.tr(
                    "The answers on the central server are now sealed under a new data key; "
                    "old copies of the key file no longer open them. The other stations take "
                    "the new key when HR next unlocks them."
                )
            )
        else:
            self._said(
                self.tr(
                    "The database is now encrypted under a new data key; old copies of the "
                    "key file no longer open it. The copy from before is in {folder}: delete "
                    "it once ExitBot has worked for a while, since the old passwords still "
                    "open it."
                ).format(folder=rotation.backup)
            )
        self.recovery_key_made.emit(rotation.recovery_key)

    # ----------------------------------------------------------------- questions
    def _ask(self, title: str, text: str, yes: str, then: Callable[[], None]) -> None:
        """A question with `yes` and Cancel (Cancel is the default); `then` on `yes`."""
        box = Confirmation(self, title, text, yes)
        self.confirmation = box

        def finished(result: int) -> None:
            self.confirmation = None
            box.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                then()

        box.finished.connect(finished)
        self._open_modal(box)

    def _ask_remove(self) -> None:
        store, account = self._store, self.selected_account()
        if store is None or account is None:
            return
        question = self.tr(
            "Remove the HR account '{name}'? Its password will no longer unlock ExitBot. "
            "The interviews stay as they are. If its owner may have kept a copy of the "
            "key file, change the data key afterwards."
        ).format(name=account)
        if account == store.actor:
            question += " " + self.tr(
                "This is your own account: you stay signed in until ExitBot is locked."
            )
        self._ask(
            self.tr("Remove an HR account"),
            question,
            self.tr("Remove account"),
            lambda: self._remove(store, account),
        )

    def _remove(self, store: Store, account: str) -> None:
        Op(lambda _ctx: store.remove_account(account), owner=self).success(
            lambda _none: self._removed(account)
        ).failure(known_failure(self._failed)).run_in_background()

    def _removed(self, account: str) -> None:
        self._said(self.tr("HR account '{name}' was removed.").format(name=account))
        self.refresh()

    def _ask_new_recovery_key(self) -> None:
        store = self._store
        if store is None:
            return
        self._ask(
            self.tr("Make a new recovery key"),
            self.tr(
                "The current recovery key stops working at once, printed copies included. "
                "The new one is shown once, to print or save. Make a new one?"
            ),
            self.tr("Make a new key"),
            lambda: self._new_recovery_key(store),
        )

    def _new_recovery_key(self, store: Store) -> None:
        self.new_recovery_button.setEnabled(False)
        kdf = self._kdf

        def made(recovery_key: str) -> None:
            self.new_recovery_button.setEnabled(True)
            self._said(self.tr("A new recovery key was made; the old one no longer works."))
            self.recovery_key_made.emit(recovery_key)

        def failed(message: str) -> None:
            self.new_recovery_button.setEnabled(True)
            self._failed(message)

        Op(lambda _ctx: store.replace_recovery_key(kdf), owner=self).success(made).failure(
            known_failure(failed)
        ).run_in_background()

    # ----------------------------------------------------------------- erasure
    def _find_for_erasure(self) -> None:
        store, code = self._store, self.receipt.text()
        if store is None:
            return
        if not code.strip():
            self._failed(self.tr("Type the receipt code from the employee's erasure request."))
            self.receipt.setFocus()
            return
        self.erase_button.setEnabled(False)
        Op(lambda _ctx: find_for_erasure(store, code), owner=self).success(
            lambda found: self._ask_erase(store, found)
        ).failure(known_failure(self._erase_failed)).run_in_background()

    def _ask_erase(self, store: Store, found: ErasureCandidate) -> None:
        self.erase_button.setEnabled(True)
        facts = [self.tr("started {time}").format(time=local_time(found.started))]
        if found.completed is not None:
            facts.append(self.tr("completed {time}").format(time=local_time(found.completed)))
        else:
            facts.append(self.tr("not completed"))
        if found.department:
            facts.append(self.tr("department {name}").format(name=found.department))
        if found.role:
            facts.append(self.tr("role {name}").format(name=found.role))
        facts.append(  # two sentences, not "%n" plurals ("1 answers" in English otherwise)
            self.tr("1 answer")
            if found.answers == 1
            else self.tr("{count} answers").format(count=found.answers)
        )
        self._ask(
            self.tr("Erase an interview"),
            self.tr(
                "Erase the interview with receipt {code} ({facts})? All its answers, "
                "follow-ups, notes and analysis are deleted for good. The audit log records "
                "the erasure with the receipt code only."
            ).format(code=found.receipt_code, facts="; ".join(facts)),
            self.tr("Erase for good"),
            lambda: self._erase(store, found.receipt_code),
        )

    def _erase(self, store: Store, code: str) -> None:
        self.erase_button.setEnabled(False)
        Op(lambda _ctx: erase_by_receipt(store, code), owner=self).success(self._erased).failure(
            known_failure(self._erase_failed)
        ).run_in_background()

    def _erased(self, erased: Erased) -> None:
        self.erase_button.setEnabled(True)
        self.receipt.clear()
        self._said(
            self.tr(
                "The interview with receipt {code} was erased with all its answers and "
                "analysis; the audit log keeps only the receipt code."
            ).format(code=erased.receipt_code)
        )

    def _erase_failed(self, message: str) -> None:
        self.erase_button.setEnabled(True)
        self._failed(message)

    # ----------------------------------------------------------------- words
    def retranslate(self) -> None:
        self._title.setText(self.tr("Accounts and keys"))
        self._accounts_heading.setText(self.tr("HR accounts"))
        self.accounts.setHeaderLabels(
            [self.tr("Account"), self.tr("Added"), self.tr("Last unlocked")]
        )
        self.accounts.setAccessibleName(self.tr("HR accounts"))
        self.signed_in.setText(
            self.tr("You are signed in as '{name}'.").format(name=self._store.actor)
            if self._store is not None
            else ""
        )
        self.add_button.setText(self.tr("Add acc&ount…"))
        self.add_button.setAccessibleName(self.tr("Add an HR account"))
        self.remove_button.setText(self.tr("&Remove account…"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected HR account"))
        self.reset_button.setText(self.tr("Reset with recovery &key…"))
        self.reset_button.setAccessibleName(
            self.tr("Reset the selected account's password with the recovery key")
        )
        self.change_button.setText(self.tr("&Change my password…"))
        self.change_button.setAccessibleName(self.tr("Change my password"))
        self._keys_heading.setText(self.tr("Keys"))
        self._recovery_text.setText(
            self.tr(
                "The printed recovery key opens ExitBot when every password is lost. Make a "
                "new one when the old one may have been seen or lost; the old one then stops "
                "working."
            )
        )
        self.new_recovery_button.setText(self.tr("&New recovery key…"))
        self.new_recovery_button.setAccessibleName(self.tr("Make a new recovery key"))
        self._rotate_text.setText(
            self.tr(
                "Change the data key when a copy of the key file may have left with someone, "
                "for example an officer whose account was removed. The database is copied "
                "first and re-encrypted all at once."
            )
        )
        self.rotate_button.setText(self.tr("Change the data ke&y…"))
        self.rotate_button.setAccessibleName(self.tr("Change the data key"))
        self._erase_heading.setText(self.tr("Erasure request"))
        self._erase_text.setText(
            self.tr(
                "An employee who asks for their interview to be erased gives the receipt code "
                "they were shown at the end. ExitBot names the interview and asks before it "
                "erases anything."
            )
        )
        self._receipt_label.setText(self.tr("Recei&pt code:"))
        self.receipt.setAccessibleName(self.tr("Receipt code"))
        self.receipt.setPlaceholderText(self.tr("e.g. EX-7KQ2M9PA"))
        self.erase_button.setText(self.tr("&Erase interview…"))
        self.erase_button.setAccessibleName(self.tr("Find and erase the interview"))
        self._selection_changed()


def _left(widget: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


def _when(moment: datetime | None) -> str:
    return local_time(moment) if moment is not None else "–"
