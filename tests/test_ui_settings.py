"""The Settings page in a real window over a real encrypted database.

HR changes every setting with the keyboard and saves; the values come back after
locking and unlocking, and the audit log holds each old and new value. A value outside
its limits is refused next to its field and nothing is saved. The retention field
previews what a purge would erase; the assistant can be tried (rules, a local
Ollama-protocol server) and an address on another computer is warned about.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui_fixtures import shown_alt_keys

from bench.synthetic import populate
from exitbot_desktop.engine.settings import SETTINGS, ReportLogo, Settings, read_settings
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.ui.hr import setting_texts
from exitbot_desktop.ui.hr.setting_fields import (
    CheckRow,
    ChecksRow,
    ChoiceRow,
    ContactsRow,
    LineRow,
    LogoRow,
)

if TYPE_CHECKING:
    from ollama_fake import FakeOllama
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.engine.audit import AuditRecord
    from exitbot_desktop.ui.hr.settings_page import SettingsPage
    from exitbot_desktop.ui.i18n import Translations
    from exitbot_desktop.ui.main_window import MainWindow

PASSWORD = "correct horse battery staple"


def _open_settings(ui: UiDriver, window: MainWindow) -> SettingsPage:
    ui.unlock(window)
    ui.activate(window.workspace.sections["settings"])
    page = window.settings_page
    ui.wait_page(window, page)
    row = page.rows["retention_months"]
    assert isinstance(row, LineRow)
    ui.qtbot.waitUntil(lambda: row.line.text() != "", timeout=10_000)
    return page


def _type_into(ui: UiDriver, page: SettingsPage, key: str, text: str) -> None:
    """Tab to the field, select what is there and type over it."""
    row = page.rows[key]
    ui.tab_to(row.focus_widget, limit=80)
    ui.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        ui.type(text)
    else:
        ui.press(Qt.Key.Key_Delete)


def _choose(ui: UiDriver, page: SettingsPage, key: str, value: str) -> None:
    """Tab to a list of choices and step through it with the arrow keys."""
    row = page.rows[key]
    assert isinstance(row, ChoiceRow)
    ui.tab_to(row.combo, limit=80)
    ui.press(Qt.Key.Key_Home)
    for _ in range(row.combo.count()):
        if row.combo.currentData() == value:
            return
        ui.press(Qt.Key.Key_Down)
    raise AssertionError(f"{value} is not offered for {key}")


def _save(ui: UiDriver, page: SettingsPage, expect: str) -> None:
    ui.activate(page.save_button)
    ui.qtbot.waitUntil(lambda: expect in page.status.text(), timeout=10_000)


def _audited(folder: DataFolder) -> tuple[Settings, list[dict[str, object]]]:
    with vault.unlock(folder, user="alice", password=PASSWORD) as store:
        entries: list[AuditRecord] = list(reversed(store.audit.entries()))
        return read_settings(store), [e.detail for e in entries if e.action == "settings_changed"]


def test_every_setting_is_saved_with_the_keyboard_and_read_back(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), "navy").save(logo)
    window = make_window(hr_folder)
    page = _open_settings(ui, window)
    assert {row.spec.key for row in page.rows.values()} == {s.key for s in SETTINGS}

    _type_into(ui, page, "organisation", "Beispiel AG")
    logo_row = page.rows["report_logo"]
    assert isinstance(logo_row, LogoRow)
    logo_row.choose_file(logo)  # what the file dialog hands back
    _type_into(ui, page, "min_group_size", "7")
    _choose(ui, page, "anonymity", "choose")
    details = page.rows["required_metadata"]
    assert isinstance(details, ChecksRow)
    for name in ("department", "role"):
        ui.activate(details.checks[name])
    _type_into(ui, page, "followups_per_question", "2")
    _type_into(ui, page, "followups_per_interview", "6")
    _type_into(ui, page, "care_contacts", "Employee assistance: 0800 123 456")
    ui.press(Qt.Key.Key_Return)
    ui.type("HR office, room 4")
    _type_into(ui, page, "retention_months", "36")
    _type_into(ui, page, "idle_disarm_minutes", "20")
    _type_into(ui, page, "hr_idle_lock_minutes", "5")
    _type_into(ui, page, "thank_you_seconds", "30")
    _choose(ui, page, "llm_backend", "rules")
    _type_into(ui, page, "ollama_host", "127.0.0.1:11500")
    _type_into(ui, page, "ollama_model", "llama3.2")
    _save(ui, page, "Saved.")
    ui.qtbot.waitUntil(lambda: window._hr_idle_minutes == 5)  # applies at once

    window.lock()
    ui.wait_page(window, window.unlock_page)
    settings, audited = _audited(hr_folder)
    assert settings.organisation == "Beispiel AG"
    assert isinstance(settings.report_logo, ReportLogo)
    assert settings.report_logo.data == logo.read_bytes()
    assert (settings.min_group_size, settings.anonymity) == (7, "choose")
    assert settings.required_metadata == ("department", "role")
    assert (settings.followups_per_question, settings.followups_per_interview) == (2, 6)
    assert [(c.name, c.details) for c in settings.care_contacts] == [
        ("Employee assistance", "0800 123 456"),
        ("", "HR office, room 4"),
    ]
    assert settings.retention_months == 36
    assert (settings.idle_disarm_minutes, settings.hr_idle_lock_minutes) == (20, 5)
    assert settings.thank_you_seconds == 30
    assert (settings.llm_backend, settings.ollama_host) == ("rules", "127.0.0.1:11500")
    assert settings.ollama_model == "llama3.2"
    assert {"key": "retention_months", "old": None, "new": 36} in audited
    assert {"key": "organisation", "old": "Acme GmbH", "new": "Beispiel AG"} in audited
    assert {"key": "anonymity", "old": None, "new": "choose"} in audited
    # One entry for each setting changed above (the question set was left alone).
    assert {str(entry["key"]) for entry in audited} == {
        "organisation",
        "report_logo",
        "min_group_size",
        "anonymity",
        "required_metadata",
        "followups_per_question",
        "followups_per_interview",
        "care_contacts",
        "retention_months",
        "idle_disarm_minutes",
        "hr_idle_lock_minutes",
        "thank_you_seconds",
        "llm_backend",
        "ollama_host",
        "ollama_model",
    }
    assert len(audited) == 15

    # Unlocked again, the page shows what was saved.
    page = _open_settings(ui, window)
    retention = page.rows["retention_months"]
    assert isinstance(retention, LineRow) and retention.line.text() == "36"
    contacts = page.rows["care_contacts"]
    assert isinstance(contacts, ContactsRow)
    assert contacts.text.toPlainText() == "Employee assistance: 0800 123 456\nHR office, room 4"
    assert details.checks["role"].isChecked() and not details.checks["location"].isChecked()
    assert "logo reports show now" in logo_row.file_name.text()
    assert window.home_page._title.text() == "Beispiel AG"


def test_a_bad_value_is_refused_next_to_its_field_and_nothing_is_saved(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_settings(ui, window)
    _type_into(ui, page, "followups_per_question", "2")
    _type_into(ui, page, "retention_months", "forever")
    _save(ui, page, "Nothing was saved")

    error = page.rows["retention_months"].error
    assert error.isVisible()
    assert error.text() == (
        "This value is not accepted. Keep interviews for (months) takes 1 to 600 "
        "(default 24). Nothing was saved."
    )
    assert not page.rows["followups_per_question"].error.isVisible()
    assert QApplication.focusWidget() is page.rows["retention_months"].focus_widget
    window.lock()
    ui.wait_page(window, window.unlock_page)
    settings, audited = _audited(hr_folder)
    assert (settings.followups_per_question, audited) == (1, [])


def test_the_automatic_backup_is_a_tick_switched_on_with_the_keyboard_and_audited(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_settings(ui, window)
    row = page.rows["auto_backup"]
    assert isinstance(row, CheckRow) and not row.check.isChecked()
    assert row.limits.text() == "Tick it to switch it on (default: off)."

    ui.tab_to(row.check, limit=80)
    ui.press(Qt.Key.Key_Space)
    _save(ui, page, "Saved.")

    window.lock()
    ui.wait_page(window, window.unlock_page)
    settings, audited = _audited(hr_folder)
    assert settings.auto_backup is True
    assert [{k: d.get(k) for k in ("key", "old", "new")} for d in audited] == [
        {"key": "auto_backup", "old": None, "new": True}
    ]
    page = _open_settings(ui, window)
    assert row.check.isChecked() and not row.changed()


def test_the_retention_field_previews_how_many_interviews_would_be_erased(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    with vault.unlock(hr_folder, user="alice", password=PASSWORD) as store:
        store.settings.set("retention_months", 600)  # so the unlock below keeps them
        populate(store, 9, start=datetime.now() - timedelta(days=40 * 31), months=3)
        populate(store, 4, seed=8, start=datetime.now() - timedelta(days=60), months=1)
    window = make_window(hr_folder)
    page = _open_settings(ui, window)
    ui.qtbot.waitUntil(lambda: "0 interviews would be erased" in page.purge_preview.text())

    _type_into(ui, page, "retention_months", "24")
    ui.qtbot.waitUntil(
        lambda: page.purge_preview.text() == "9 interviews would be erased at the next unlock.",
        timeout=10_000,
    )
    _type_into(ui, page, "retention_months", "1")
    ui.qtbot.waitUntil(lambda: page.purge_preview.text().startswith("13 interviews"))
    _type_into(ui, page, "retention_months", "0")  # out of range: no count to show
    ui.qtbot.waitUntil(lambda: page.purge_preview.text() == "")


def _test_result(ui: UiDriver, page: SettingsPage) -> str:
    ui.activate(page.backend_test.test_button)
    ui.qtbot.waitUntil(lambda: page.backend_test.result.text() != "", timeout=30_000)
    return f"{page.backend_test.status.text()}\n{page.backend_test.result.text()}"


def test_the_assistant_test_with_the_built_in_questions(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_settings(ui, window)
    _choose(ui, page, "llm_backend", "rules")
    shown = _test_result(ui, page)
    assert "Backend: Built-in questions (no AI model)." in shown
    assert "no first-word time" in shown
    assert re.search(r"Sample follow-up: “.+\?”", shown)


def test_the_assistant_test_with_an_ollama_server(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, fake_ollama: FakeOllama
) -> None:
    window = make_window(hr_folder)
    page = _open_settings(ui, window)
    _choose(ui, page, "llm_backend", "ollama")
    _type_into(ui, page, "ollama_host", fake_ollama.host)
    _type_into(ui, page, "ollama_model", "llama3.2")
    assert not page._remote_box.isVisible()  # 127.0.0.1 is this computer
    shown = _test_result(ui, page)
    assert f"Backend: Ollama: llama3.2 at {fake_ollama.host}." in shown
    assert re.search(r"First word after \d+ ms\.", shown)
    assert f"Sample follow-up: “{fake_ollama.reply}”" in shown
    assert fake_ollama.chats  # it really asked the server


def test_a_hanging_assistant_test_can_be_stopped(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, fake_ollama: FakeOllama
) -> None:
    fake_ollama.fault = "hang_before_first_token"
    window = make_window(hr_folder)
    page = _open_settings(ui, window)
    _choose(ui, page, "llm_backend", "ollama")
    _type_into(ui, page, "ollama_host", fake_ollama.host)
    ui.activate(page.backend_test.test_button)
    assert QApplication.focusWidget() is page.backend_test.stop_button
    ui.press(Qt.Key.Key_Space)
    assert page.backend_test.status.text() == "Test stopped."
    assert page.backend_test.test_button.isEnabled() and not page.backend_test.running
    assert page.backend_test.result.text() == ""


def test_an_ollama_address_on_another_computer_is_warned_about(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_settings(ui, window)
    _choose(ui, page, "llm_backend", "ollama")
    _type_into(ui, page, "ollama_host", "ollama.example.org:11434")
    assert page._remote_box.isVisible()
    assert page.remote_warning.text().startswith(
        "Answers will be sent to ollama.example.org, which is not this computer."
    )
    _choose(ui, page, "llm_backend", "rules")  # the rules send nothing anywhere
    assert not page._remote_box.isVisible()


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_control_is_named_and_no_alt_key_is_used_twice(
    ui: UiDriver,
    make_window: WindowFactory,
    hr_folder: DataFolder,
    translations: Translations,
    language: str,
) -> None:
    window = make_window(hr_folder)
    page = _open_settings(ui, window)
    translations.set_language(language)
    expected = {"en": "Se&ttings", "de": "&Einstellungen"}[language]
    ui.qtbot.waitUntil(lambda: window.workspace.sections["settings"].text() == expected)
    widgets = [*page.findChildren(QWidget), *window.workspace.findChildren(QWidget)]
    keys = shown_alt_keys(widgets)
    assert len(keys) == len(set(keys)), keys
    assert len(keys) >= 10
    for widget in page.findChildren(QWidget):
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            name = widget.accessibleName()
            assert name.strip(), f"{type(widget).__name__} has no accessible name"
    if language == "de":
        assert page.rows["retention_months"].caption.text() == "Gespräche aufbewahren (Monate)"
        assert page.rows["retention_months"].limits.text() == "Erlaubt: 1 bis 600 (Standard 24)."


def test_every_engine_sentence_is_offered_for_translation() -> None:
    shown = {s.meaning for s in SETTINGS} | {
        s.limits for s in SETTINGS if s.key not in ("required_metadata", "care_contacts")
    }
    assert shown <= set(setting_texts.ENGINE_TEXTS)
