"""The Accounts page in a real window over a real encrypted database.

HR adds an account (a weak password is refused with the engine's reason, in the dialog,
keeping what was typed), cannot remove the last one, changes its own password and
unlocks with it, resets another's password with the recovery key, makes a new recovery
key that retires the old one, changes the data key with every interview still readable,
and erases an interview by its receipt code after a confirmation naming it, audited.
"""

from __future__ import annotations

import shutil
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import shiboken6
from PySide6.QtCore import Qt
from ui_fixtures import HR_PASSWORD, workspace_alt_keys

from bench.synthetic import populate
from exitbot_desktop.engine.errors import WrongPasswordError
from exitbot_desktop.engine.filters import Selection
from exitbot_desktop.engine.store import db, vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF, RECOVERY_ACCOUNT, KeyFile
from exitbot_desktop.engine.store.keys import normalise_recovery_key as normalise
from exitbot_desktop.ui.hr.account_dialogs import (
    AddAccountDialog,
    ChangePasswordDialog,
    ResetPasswordDialog,
    RotateKeyDialog,
    _FormDialog,
)
from exitbot_desktop.ui.operations import Op

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.engine.store.vault import Store
    from exitbot_desktop.ui.hr.accounts_page import AccountsPage
    from exitbot_desktop.ui.main_window import MainWindow

BOB = "purple elephant juggles quietly"
NEW = "seven lanterns over the harbour"


@pytest.fixture
def keyed_folder(folder: DataFolder) -> tuple[DataFolder, str]:
    """Accounts 'alice' and 'bob', 30 interviews, and the printed recovery key."""
    store, recovery_key = vault.create(
        folder, organisation="Acme GmbH", user="alice", password=HR_PASSWORD, kdf=FAST_KDF
    )
    with store:
        store.add_account("bob", BOB, kdf=FAST_KDF)
        populate(store, 30, start=datetime.now() - timedelta(days=60), months=2)
    return folder, recovery_key


def _open_accounts(ui: UiDriver, window: MainWindow) -> AccountsPage:
    ui.unlock(window)
    ui.press(Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = window.accounts_page
    ui.wait_page(window, page)
    ui.qtbot.waitUntil(lambda: page.accounts.topLevelItemCount() > 0)
    return page


def _store(window: MainWindow) -> Store:
    assert window.store is not None
    return window.store


def _dialog(ui: UiDriver, page: AccountsPage, kind: type[_FormDialog]) -> _FormDialog:
    ui.qtbot.waitUntil(lambda: isinstance(page.dialog, kind) and page.dialog.isVisible())
    assert page.dialog is not None
    return page.dialog


def _submit(ui: UiDriver, dialog: _FormDialog) -> bool:
    """OK, then wait for the engine's answer: True when the dialog closed (it is deleted
    then), False when it stays open saying why not."""
    dialog.error.clear_message()
    dialog.ok_button.click()

    def closed() -> bool:
        return not shiboken6.isValid(dialog) or not dialog.isVisible()

    ui.qtbot.waitUntil(lambda: closed() or dialog.error.isVisible(), timeout=20_000)
    return closed()


def _confirm(ui: UiDriver, page: AccountsPage) -> str:
    """Press the question's first (yes) button; returns the question's text."""
    ui.qtbot.waitUntil(lambda: page.confirmation is not None and page.confirmation.isVisible())
    box = page.confirmation
    assert box is not None
    text = box.question.text()
    box.yes_button.click()
    return text


def test_a_weak_password_is_refused_with_its_reason_and_a_strong_one_adds_the_account(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_accounts(ui, window)
    assert [page.accounts.topLevelItem(0).text(0)] == ["alice"]
    assert "'alice'" in page.signed_in.text()

    ui.activate(page.add_button)
    dialog = _dialog(ui, page, AddAccountDialog)
    assert isinstance(dialog, AddAccountDialog)
    ui.qtbot.waitUntil(dialog.name.hasFocus)
    ui.type("bob")
    dialog.password.setText("aaaaaaaaaa")
    dialog.repeat.setText("aaaaaaaaaa")
    assert not _submit(ui, dialog)

    assert dialog.isVisible()
    assert "too weak" in dialog.error.text() and "Repeats" in dialog.error.text()
    assert dialog.name.text() == "bob"  # nothing typed is lost
    assert _store(window).accounts() == ["alice"]

    dialog.password.setText(BOB)
    dialog.repeat.setText(BOB + "x")
    assert not _submit(ui, dialog)
    assert "not the same" in dialog.error.text()

    dialog.repeat.setText(BOB)
    assert _submit(ui, dialog)
    ui.qtbot.waitUntil(lambda: page.accounts.topLevelItemCount() == 2)
    assert page.result_line.text() == "HR account 'bob' was added."
    assert _store(window).key_file.has_wrap_for("bob", BOB)


def test_the_last_account_cannot_be_removed_and_another_can(
    ui: UiDriver, make_window: WindowFactory, keyed_folder: tuple[DataFolder, str]
) -> None:
    folder, _key = keyed_folder
    window = make_window(folder)
    page = _open_accounts(ui, window)

    page.select_account("bob")
    ui.activate(page.remove_button)
    question = _confirm(ui, page)
    assert "'bob'" in question and "change the data key" in question
    ui.qtbot.waitUntil(lambda: page.accounts.topLevelItemCount() == 1)
    assert page.result_line.text() == "HR account 'bob' was removed."

    page.select_account("alice")
    ui.activate(page.remove_button)
    _confirm(ui, page)
    ui.qtbot.waitUntil(page.error.isVisible)
    assert "only HR account" in page.error.text() and "Add another account" in page.error.text()
    assert _store(window).accounts() == ["alice"]


def test_changing_your_own_password_then_unlocking_with_it(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_accounts(ui, window)
    ui.activate(page.change_button)
    dialog = _dialog(ui, page, ChangePasswordDialog)
    assert isinstance(dialog, ChangePasswordDialog)

    dialog.current.setText("not my password at all")
    dialog.password.setText(NEW)
    dialog.repeat.setText(NEW)
    assert not _submit(ui, dialog)
    assert "current password for 'alice' is not right" in dialog.error.text()

    dialog.current.setText(HR_PASSWORD)
    assert _submit(ui, dialog)
    assert "Your password was changed" in page.result_line.text()

    ui.activate(window.workspace.lock_button)
    ui.wait_page(window, window.unlock_page)
    ui.qtbot.waitUntil(lambda: window.unlock_page.password.isEnabled(), timeout=20_000)
    ui.unlock(window, NEW)
    assert window.account == "alice"


def test_another_accounts_password_is_reset_with_the_recovery_key(
    ui: UiDriver, make_window: WindowFactory, keyed_folder: tuple[DataFolder, str]
) -> None:
    folder, recovery_key = keyed_folder
    window = make_window(folder)
    page = _open_accounts(ui, window)
    page.select_account("bob")
    ui.activate(page.reset_button)
    dialog = _dialog(ui, page, ResetPasswordDialog)
    assert isinstance(dialog, ResetPasswordDialog)

    dialog.recovery_key.setText("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH")
    dialog.password.setText(NEW)
    dialog.repeat.setText(NEW)
    assert not _submit(ui, dialog)
    assert "recovery key does not open this database" in dialog.error.text()

    dialog.recovery_key.setText(recovery_key.lower())
    assert _submit(ui, dialog)
    assert "new password was set for 'bob'" in page.result_line.text()
    key_file = KeyFile.load(folder.key_path)
    assert key_file.has_wrap_for("bob", NEW) and not key_file.has_wrap_for("bob", BOB)
    actions = [e.action for e in _store(window).audit.entries(limit=3)]
    assert "password_reset_with_recovery_key" in actions


def test_a_new_recovery_key_is_shown_once_and_the_old_one_stops_working(
    ui: UiDriver, make_window: WindowFactory, keyed_folder: tuple[DataFolder, str]
) -> None:
    folder, old_key = keyed_folder
    window = make_window(folder)
    page = _open_accounts(ui, window)

    ui.activate(page.new_recovery_button)
    assert "stops working" in _confirm(ui, page)
    recovery = window.recovery_page
    ui.wait_page(window, recovery)
    new_key = recovery.key_label.text()
    assert new_key and new_key != old_key
    assert not window.workspace.isVisible()  # the key must be confirmed first

    key_file = KeyFile.load(folder.key_path)
    assert not key_file.has_wrap_for(RECOVERY_ACCOUNT, normalise(old_key))
    assert key_file.has_wrap_for(RECOVERY_ACCOUNT, normalise(new_key))

    ui.activate(recovery.written_down)
    ui.activate(recovery.continue_button)
    ui.wait_page(window, page)
    assert "old one no longer works" in page.result_line.text()
    assert recovery.key_label.text() == ""


def test_the_new_recovery_key_is_saved_only_to_a_new_private_file(
    ui: UiDriver,
    make_window: WindowFactory,
    keyed_folder: tuple[DataFolder, str],
    tmp_path: Path,
) -> None:
    folder, _old_key = keyed_folder
    other = tmp_path / "other-installation-key.txt"
    other.write_text("another installation's recovery key")
    other.chmod(0o644)
    window = make_window(folder)
    page = _open_accounts(ui, window)
    ui.activate(page.new_recovery_button)
    _confirm(ui, page)
    recovery = window.recovery_page
    ui.wait_page(window, recovery)
    key = recovery.key_label.text()

    recovery.save_to(other)  # what the file dialog hands back for an existing file
    ui.qtbot.waitUntil(recovery.error.isVisible, timeout=10_000)
    assert recovery.error.text() == (
        f"{other} already exists, and ExitBot never writes a key over another file. "
        "Choose a new file name."
    )
    assert other.read_text() == "another installation's recovery key"
    assert other.stat().st_mode & 0o777 == 0o644

    fresh = tmp_path / "exitbot-recovery-key.txt"
    recovery.save_to(fresh)
    ui.qtbot.waitUntil(lambda: recovery.status.text().startswith("Saved to"), timeout=10_000)
    assert not recovery.error.isVisible()
    assert key in fresh.read_text() and "Acme GmbH" in fresh.read_text()
    assert fresh.stat().st_mode & 0o777 == 0o600


def test_changing_the_data_key_from_the_page_keeps_every_interview_readable(
    ui: UiDriver,
    make_window: WindowFactory,
    keyed_folder: tuple[DataFolder, str],
    tmp_path: Path,
) -> None:
    folder, old_recovery_key = keyed_folder
    old_key_file = tmp_path / "old-keys.json"
    shutil.copy(folder.key_path, old_key_file)
    window = make_window(folder)
    page = _open_accounts(ui, window)
    before = _answers(_store(window))
    assert len(before) >= 20

    ui.activate(page.rotate_button)
    dialog = _dialog(ui, page, RotateKeyDialog)
    assert isinstance(dialog, RotateKeyDialog)
    assert list(dialog.passwords) == ["alice", "bob"]
    dialog.passwords["alice"].setText(HR_PASSWORD)
    assert not _submit(ui, dialog)
    assert "Please type the password of 'bob'" in dialog.error.text()

    dialog.passwords["bob"].setText("not bobs password")
    assert not _submit(ui, dialog)
    assert "password given for 'bob' is not right" in dialog.error.text()
    assert not (folder.root / "backups").exists()  # refused before anything was written

    steps: list[int] = []
    dialog.progress.valueChanged.connect(steps.append)
    dialog.passwords["bob"].setText(BOB)
    assert _submit(ui, dialog)
    assert len(set(steps)) >= 3
    recovery = window.recovery_page
    ui.wait_page(window, recovery)
    new_recovery_key = recovery.key_label.text()
    ui.activate(recovery.written_down)
    ui.activate(recovery.continue_button)
    ui.wait_page(window, page)
    assert "new data key" in page.result_line.text()

    old_data_key = KeyFile.load(old_key_file).unwrap("alice", HR_PASSWORD)
    assert not db.opens_with(folder.db_path, old_data_key)
    ui.activate(window.workspace.lock_button)
    ui.wait_page(window, window.unlock_page)
    window.shutdown()
    with vault.unlock_with_recovery_key(folder, new_recovery_key) as store:
        assert store.audit.verify().ok
        assert "data_key_rotated" in [e.action for e in store.audit.entries(limit=5)]
    with pytest.raises(WrongPasswordError):
        vault.unlock_with_recovery_key(folder, old_recovery_key)
    with vault.unlock(folder, user="bob", password=BOB) as store:
        assert _answers(store) == before


def _answers(store: Store) -> dict[int, list[str | None]]:
    """Every interview's answer texts, by id: what must survive a key change."""
    ids = [row.id for row in store.reports.interviews(Selection())]
    return {i: [a.text for a in store.interviews.load(i).answers] for i in ids}


def test_an_interview_is_erased_by_its_receipt_code_after_a_confirmation_naming_it(
    ui: UiDriver, make_window: WindowFactory, keyed_folder: tuple[DataFolder, str]
) -> None:
    folder, _key = keyed_folder
    window = make_window(folder)
    page = _open_accounts(ui, window)
    store = _store(window)
    receipt = next(
        code
        for code in (f"EX-S{n:07d}" for n in range(1, 31))
        if store.interviews.find_by_receipt(code) is not None
    )

    page.receipt.setFocus()
    ui.type("ex-nothere1")
    ui.press(Qt.Key.Key_Return)
    ui.qtbot.waitUntil(page.error.isVisible)
    assert "No interview has the receipt code 'EX-NOTHERE1'" in page.error.text()

    page.receipt.clear()
    ui.type(f" {receipt.lower()} ")
    ui.activate(page.erase_button)
    question = _confirm(ui, page)
    assert receipt in question and "answers" in question and "deleted for good" in question
    ui.qtbot.waitUntil(lambda: receipt in page.result_line.text(), timeout=10_000)

    assert store.interviews.find_by_receipt(receipt) is None
    (entry,) = [e for e in store.audit.entries(limit=3) if e.action == "interview_erased"]
    assert entry.detail["receipt_code"] == receipt and entry.actor == "alice"
    assert page.receipt.text() == "" and not page.error.isVisible()


def test_no_two_controls_on_the_page_or_the_bar_share_an_alt_key(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_accounts(ui, window)
    keys = workspace_alt_keys(window, page)
    assert len(keys) == len(set(keys)), sorted(keys)


def test_stopping_a_data_key_change_before_the_re_encryption_changes_nothing(
    ui: UiDriver, make_window: WindowFactory, keyed_folder: tuple[DataFolder, str]
) -> None:
    folder, _key = keyed_folder
    window = make_window(folder)
    page = _open_accounts(ui, window)
    wraps_before = KeyFile.load(folder.key_path).wraps
    ui.activate(page.rotate_button)
    dialog = _dialog(ui, page, RotateKeyDialog)
    assert isinstance(dialog, RotateKeyDialog)
    dialog.passwords["alice"].setText(HR_PASSWORD)
    dialog.passwords["bob"].setText(BOB)
    gate = threading.Event()  # holds the store lane so Stop surely comes first
    Op(lambda _ctx: gate.wait(10)).run_in_background()

    dialog.ok_button.click()
    assert dialog.progress.isVisible() and dialog.cancel_button.text() == "Stop"
    dialog.cancel_button.click()
    assert dialog.isVisible()  # Stop never leaves a change half made behind a closed dialog
    gate.set()

    ui.qtbot.waitUntil(dialog.error.isVisible, timeout=20_000)
    assert dialog.error.text() == "Cancelled. Nothing was written."
    assert dialog.cancel_button.text() == "Cancel" and dialog.ok_button.isEnabled()
    assert KeyFile.load(folder.key_path).wraps == wraps_before
    assert not (folder.root / "backups").exists()
    assert "data_key_rotated" not in [e.action for e in _store(window).audit.entries(limit=5)]
