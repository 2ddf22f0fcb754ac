"""First run: the organisation's name and the first HR account create the encrypted store.

Owns `SetupPage`. The key derivation (Argon2id, 64 MiB) and the database creation run
in the background; the page only collects and checks what was typed. The recovery key
that `vault.create` returns goes straight to the next page and is never stored here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import KdfParams
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.password_hint import password_hint
from exitbot_desktop.ui.operations import Op
from exitbot_desktop.ui.widgets import Box, ErrorLine, Page, button, button_row, label, tab_order

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


class SetupPage(Page):
    """Shown when the data folder holds no database yet."""

    created = Signal(object, str, str)  # the open Store, the account name, the recovery key

    def __init__(self, folder: DataFolder, kdf: KdfParams) -> None:
        super().__init__()
        self._folder = folder
        self._kdf = kdf
        self._title = label("title")
        self._intro = label("subtitle")
        self.organisation = QLineEdit()
        self.account = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self._hint = label("muted")
        self.error = ErrorLine()
        self.create_button = button(primary=True)
        self._where = label("muted", selectable=True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        self._org_label = label(wrap=False)
        self._account_label = label(wrap=False)
        self._password_label = label(wrap=False)
        self._repeat_label = label(wrap=False)
        for caption, field in (
            (self._org_label, self.organisation),
            (self._account_label, self.account),
            (self._password_label, self.password),
            (self._repeat_label, self.repeat),
        ):
            caption.setBuddy(field)
            form.addRow(caption, field)
        form.addRow("", self._hint)
        card = Box()
        card.body.addLayout(form)

        self.column.addWidget(self._title)
        self.column.addWidget(self._intro)
        self.column.addWidget(card)
        self.column.addWidget(self.error)
        self.column.addLayout(button_row(self.create_button))
        self.column.addWidget(self._where)
        self.column.addStretch(1)

        self.password.textChanged.connect(self._update_hint)
        self.create_button.clicked.connect(self._create)
        for field in (self.organisation, self.account, self.password, self.repeat):
            field.returnPressed.connect(self._create)
        tab_order(self.organisation, self.account, self.password, self.repeat, self.create_button)
        self.retranslate()
        self._update_hint()

    def first_focus(self) -> QWidget:
        return self.organisation

    def retranslate(self) -> None:
        self._title.setText(self.tr("Welcome to ExitBot"))
        self._intro.setText(
            self.tr(
                "Let's set up this computer. Interviews are stored encrypted on this "
                "computer only; you will open them with the HR password you choose now."
            )
        )
        self._org_label.setText(self.tr("&Organisation name:"))
        self._account_label.setText(self.tr("Your &name (HR account):"))
        self._password_label.setText(self.tr("&Password:"))
        self._repeat_label.setText(self.tr("&Repeat password:"))
        self.organisation.setAccessibleName(self.tr("Organisation name"))
        self.organisation.setPlaceholderText(self.tr("e.g. Acme Ltd"))
        self.account.setAccessibleName(self.tr("HR account name"))
        self.account.setPlaceholderText(self.tr("e.g. Maria Schmidt"))
        self.password.setAccessibleName(self.tr("Password"))
        self.repeat.setAccessibleName(self.tr("Repeat password"))
        self.create_button.setText(self.tr("&Create encrypted database"))
        self.create_button.setAccessibleName(self.tr("Create encrypted database"))
        self._where.setText(self.tr("Data folder: {path}").format(path=self._folder.root))
        self._update_hint()

    def _update_hint(self) -> None:
        _level, sentence = password_hint(self.password.text())
        self._hint.setText(sentence)
        self.password.setAccessibleDescription(sentence)

    def _create(self) -> None:
        if not self.create_button.isEnabled():
            return
        problem = self._check()
        if problem:
            self.error.show_message(problem)
            return
        self.error.clear_message()
        self._busy(True)
        folder, kdf = self._folder, self._kdf
        organisation, account = self.organisation.text(), self.account.text().strip()
        password = self.password.text()

        def create(_ctx: object) -> tuple[Store, str]:
            from exitbot_desktop.engine.store import vault  # loaded in the background

            return vault.create(
                folder, organisation=organisation, user=account, password=password, kdf=kdf
            )

        Op(create, owner=self).success(lambda result: self._done(result, account)).failure(
            known_failure(self._failed)
        ).run_in_background()

    def _check(self) -> str:
        if not self.account.text().strip():
            self.account.setFocus()
            return self.tr("Please enter your name for the HR account.")
        level, sentence = password_hint(self.password.text())
        if level == 0:
            self.password.setFocus()
            return sentence
        if self.password.text() != self.repeat.text():
            self.repeat.setFocus()
            self.repeat.selectAll()
            return self.tr("The two passwords are not the same. Please type them again.")
        return ""

    def _done(self, result: tuple[Store, str], account: str) -> None:
        store, recovery_key = result
        self.password.clear()
        self.repeat.clear()
        self._busy(False)
        self.created.emit(store, account, recovery_key)

    def _failed(self, message: str) -> None:
        self._busy(False)
        self.error.show_message(message)

    def _busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)
        self.create_button.setText(
            self.tr("Setting up…") if busy else self.tr("&Create encrypted database")
        )
