"""GUI start: first-run set-up, unlock, recovery, and the errors a person can act on.

Every test drives the real main window over a real encrypted database in tmp_path.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from conftest import forge_key_file
from PySide6.QtCore import Qt

from exitbot_desktop.engine.interview import Answered, InterviewSession
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.interviews import months_before
from exitbot_desktop.engine.store.keys import FAST_KDF
from exitbot_desktop.engine.store.models import Interview, utcnow

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory


RECOVERY_KEY = re.compile(r"^[A-Z2-9]{5}(-[A-Z2-9]{5}){7}$")


def test_first_run_wizard_creates_a_database_that_then_unlocks(
    ui: UiDriver, make_window: WindowFactory, folder: DataFolder
) -> None:
    window = make_window(folder)
    page = window.setup_page
    assert window.stack.currentWidget() is page
    assert page.organisation.hasFocus()
    ui.type("Acme GmbH")
    ui.press(Qt.Key.Key_Tab)
    ui.type("Maria")
    ui.press(Qt.Key.Key_Tab)
    ui.type(ui.password)
    assert "Strong" in page._hint.text()
    ui.press(Qt.Key.Key_Tab)
    ui.type(ui.password)
    ui.press(Qt.Key.Key_Return)

    recovery = window.recovery_page
    ui.qtbot.waitUntil(lambda: window.stack.currentWidget() is recovery, timeout=10_000)
    key = recovery.key_label.text()
    assert RECOVERY_KEY.match(key)
    assert not recovery.continue_button.isEnabled()
    ui.tab_to(recovery.written_down)
    ui.press(Qt.Key.Key_Space)
    assert recovery.continue_button.isEnabled()
    ui.tab_to(recovery.continue_button)
    ui.press(Qt.Key.Key_Space)
    ui.qtbot.waitUntil(lambda: window.stack.currentWidget() is window.home_page)
    assert recovery.key_label.text() == ""
    assert "Acme GmbH" in window.home_page._title.text()
    window.shutdown()

    again = make_window(folder)
    assert again.stack.currentWidget() is again.unlock_page
    assert again.unlock_page.account.currentText() == "Maria"
    ui.unlock(again)
    again.shutdown()
    vault.unlock_with_recovery_key(folder, key.lower().replace("-", " ")).close()


def test_setup_explains_a_short_or_mismatched_password(
    ui: UiDriver, make_window: WindowFactory, folder: DataFolder
) -> None:
    window = make_window(folder)
    page = window.setup_page
    page.account.setText("Maria")
    page.password.setText("short")
    page.create_button.click()
    assert "at least 10 characters" in page.error.text()
    page.password.setText(ui.password)
    page.repeat.setText(ui.password + "x")
    page.create_button.click()
    assert page.error.text() == "The two passwords are not the same. Please type them again."
    assert not folder.exists()


def test_wrong_password_shows_the_sentence_and_changes_no_byte(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    before = ui.folder_digest(hr_folder)
    window = make_window(hr_folder)
    page = window.unlock_page
    assert page.password.hasFocus()
    ui.type("not the password")
    ui.press(Qt.Key.Key_Return)
    ui.qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10_000)
    assert page.error.text().startswith("The password for 'alice' is not right.")
    assert window.stack.currentWidget() is page
    assert window.store is None
    assert ui.folder_digest(hr_folder) == before


def test_after_five_wrong_passwords_the_unlock_page_says_how_long_to_wait(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = window.unlock_page
    for attempt in range(1, 7):
        page.password.setText("not the password" if attempt < 6 else ui.password)
        page.error.hide()
        page.password.setFocus()
        ui.press(Qt.Key.Key_Return)
        ui.qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10_000)
        if attempt == 5:
            assert "the next try is possible in 30 seconds" in page.error.text()

    assert page.error.text().startswith("Too many wrong passwords for 'alice' in a row.")
    assert "next try is possible in" in page.error.text()
    assert window.store is None and window.stack.currentWidget() is page


def test_second_instance_shows_the_locked_message(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    first = vault.unlock(hr_folder, user="alice", password=ui.password)
    try:
        window = make_window(hr_folder)
        page = window.unlock_page
        ui.type(ui.password)
        ui.press(Qt.Key.Key_Return)
        ui.qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10_000)
        assert page.error.text().startswith("ExitBot is already open with this data folder")
        assert window.store is None
    finally:
        first.close()


def test_missing_key_file_is_explained_on_the_unlock_page(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    hr_folder.key_path.unlink()
    window = make_window(hr_folder)
    page = window.unlock_page
    assert page.error.text().startswith("The key file")
    assert "is missing" in page.error.text()
    assert not page.unlock_button.isEnabled()


@pytest.mark.parametrize("memory_kib", [0, 2**32 - 1])
def test_a_key_file_with_forged_argon2_costs_is_explained_before_anyone_unlocks(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, memory_kib: int
) -> None:
    def forge(document: dict[str, Any]) -> None:
        document["wraps"]["alice"]["kdf"]["memory_kib"] = memory_kib

    forge_key_file(hr_folder, forge)
    before = ui.folder_digest(hr_folder)
    window = make_window(hr_folder)
    page = window.unlock_page
    assert page.error.text().startswith("The key file")
    assert "outside the accepted" in page.error.text()  # said when the page opens
    assert not page.unlock_button.isEnabled() and page.unlock_button.text() == "&Unlock"
    assert window.store is None and window.stack.currentWidget() is page
    assert ui.folder_digest(hr_folder) == before


def test_recovery_key_sets_a_new_password_and_unlocks(
    ui: UiDriver, make_window: WindowFactory, folder: DataFolder
) -> None:
    store, key = vault.create(
        folder, organisation="Acme", user="alice", password=ui.password, kdf=FAST_KDF
    )
    store.close()
    window = make_window(folder)
    page = window.unlock_page
    ui.tab_to(page.forgot_button)
    ui.press(Qt.Key.Key_Space)
    assert page.recovery_key.hasFocus()
    ui.type(key)
    ui.press(Qt.Key.Key_Tab)
    ui.type("a brand new passphrase")
    ui.press(Qt.Key.Key_Tab)
    ui.type("a brand new passphrase")
    ui.press(Qt.Key.Key_Return)
    ui.qtbot.waitUntil(lambda: window.stack.currentWidget() is window.home_page, timeout=10_000)
    window.shutdown()
    vault.unlock(folder, user="alice", password="a brand new passphrase").close()


def test_home_offers_unfinished_interviews_and_lock_forgets_the_key(
    ui: UiDriver,
    make_window: WindowFactory,
    hr_folder: DataFolder,
    question_set: QuestionSet,
) -> None:
    with vault.unlock(hr_folder, user="alice", password=ui.password) as store:
        session = InterviewSession.start(
            store, question_set, language="en", meta=InterviewMeta(department="Sales")
        )
        session.consent()
        session.respond(Answered("manager"))
    window = make_window(hr_folder)
    ui.unlock(window)
    home = window.home_page
    ui.qtbot.waitUntil(lambda: home.unfinished.count() == 1)
    text = home.unfinished.item(0).text()
    assert "Sales" in text
    assert "answers so far: 1" in text
    assert home.resume_button.isEnabled()

    ui.tab_to(window.workspace.lock_button)
    ui.press(Qt.Key.Key_Space)
    ui.qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock_page)
    assert window.store is None
    # The lock is released: another process could open the folder now.
    vault.unlock(hr_folder, user="alice", password=ui.password).close()


def test_unlock_erases_interviews_past_the_retention_period(
    ui: UiDriver,
    make_window: WindowFactory,
    hr_folder: DataFolder,
    question_set: QuestionSet,
) -> None:
    with vault.unlock(hr_folder, user="alice", password=ui.password) as store:
        store.settings.set("retention_months", 12)
        old, recent = (
            InterviewSession.start(store, question_set, language="en", meta=InterviewMeta())
            for _ in range(2)
        )
        for session in (old, recent):
            session.consent()
            session.respond(Answered("manager"))
        with store.database.transaction() as s:
            row = s.get(Interview, old.id)
            assert row is not None
            row.updated_at = months_before(utcnow(), 13)
    window = make_window(hr_folder)
    ui.unlock(window)
    home = window.home_page
    ui.qtbot.waitUntil(lambda: home.unfinished.count() == 1)
    store = window.store
    assert store is not None
    assert [r.id for r in store.interviews.unfinished()] == [recent.id]
