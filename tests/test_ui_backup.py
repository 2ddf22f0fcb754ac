"""The Backup page in a real window over a real encrypted database.

HR backs up into a folder with a progress bar and reads where it went; Cancel leaves
nothing behind; the automatic backup switch is saved and a backup is made when HR
locks; the Health card shows the engine's figures; and no two controls on the page
(the workspace bar included) share an Alt key, in English or German.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import model_wrote_two_followups_and_the_guard_stood_in_once
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel
from ui_fixtures import alt_key

from bench.synthetic import populate
from exitbot_desktop.engine.backups import back_up
from exitbot_desktop.engine.health_panel import health_figures
from exitbot_desktop.engine.llm.latency import Latencies
from exitbot_desktop.engine.settings import read_settings
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.ui.hr.health_view import HealthView
from exitbot_desktop.ui.operations import Op

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.ui.hr.backup_page import BackupPage
    from exitbot_desktop.ui.i18n import Translations
    from exitbot_desktop.ui.main_window import MainWindow

PASSWORD = "correct horse battery staple"


@pytest.fixture
def office_folder(hr_folder: DataFolder) -> DataFolder:
    """A few MB of recent interviews: the copy takes several steps."""
    with vault.unlock(hr_folder, user="alice", password=PASSWORD) as store:
        populate(store, 400, start=datetime.now() - timedelta(days=120), months=4)
    return hr_folder


def _open_backup(ui: UiDriver, window: MainWindow) -> BackupPage:
    ui.unlock(window)
    ui.press(Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.backup_page
    ui.wait_page(window, page)
    ui.qtbot.waitUntil(lambda: page.last_line.text() not in ("", "…"))
    return page


def test_backing_up_shows_progress_then_where_the_backup_went(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder, tmp_path: Path
) -> None:
    window = make_window(office_folder)
    page = _open_backup(ui, window)
    assert page.last_line.text() == "No backup has been made yet."
    assert "never" in page.health.rows["backup"].text()
    assert "%" in page.health.rows["completion"].text()
    assert "built-in" in page.health.rows["followups"].text()
    steps: list[int] = []
    page.progress.valueChanged.connect(steps.append)

    page.back_up_to(tmp_path / "usb")
    assert page.progress.isVisible() and page.cancel_button.isVisible()
    ui.qtbot.waitUntil(lambda: "Backed up to" in page.result_line.text(), timeout=30_000)

    (made,) = (tmp_path / "usb").iterdir()
    assert str(made) in page.result_line.text() and "encrypted" in page.result_line.text()
    assert len(set(steps)) > 2 and not page.progress.isVisible()
    assert not page.cancel_button.isVisible() and page.back_up_button.isEnabled()
    ui.qtbot.waitUntil(lambda: str(made) in page.last_line.text())
    assert page.health.rows["backup"].text() == "less than an hour ago"


def test_cancel_stops_the_backup_and_leaves_nothing(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder, tmp_path: Path
) -> None:
    window = make_window(office_folder)
    page = _open_backup(ui, window)
    gate = threading.Event()  # holds the store lane so Cancel surely comes first
    Op(lambda _ctx: gate.wait(10)).run_in_background()

    page.back_up_to(tmp_path / "usb")
    ui.activate(page.cancel_button)
    gate.set()

    ui.qtbot.waitUntil(page.error.isVisible, timeout=30_000)
    assert page.error.text() == "Cancelled. Nothing was written."
    assert list((tmp_path / "usb").iterdir()) == []
    assert page.back_up_button.isEnabled() and not page.progress.isVisible()
    assert page.last_line.text() == "No backup has been made yet."


def test_the_automatic_switch_is_saved_and_locking_makes_a_backup(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_backup(ui, window)
    assert not page.automatic.isChecked() and page.keep.value() == 7
    assert str(hr_folder.root / "backups") in page.auto_folder.text()

    ui.activate(page.automatic)
    page.keep.setValue(3)
    store = window.store
    assert store is not None
    ui.qtbot.waitUntil(lambda: read_settings(store).auto_backup_keep == 3)
    assert read_settings(store).auto_backup

    ui.activate(window.workspace.lock_button)
    ui.wait_page(window, window.unlock_page)
    ui.qtbot.waitUntil(lambda: (hr_folder.root / "backups").exists(), timeout=30_000)
    (made,) = (hr_folder.root / "backups").iterdir()
    assert made.name.startswith("exitbot-auto-")


def test_closing_exitbot_makes_the_automatic_backup(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    with vault.unlock(hr_folder, user="alice", password=PASSWORD) as store:
        store.settings.set("auto_backup", True)
    window = make_window(hr_folder)
    ui.unlock(window)

    window.close()  # HR closes the app; shutdown waits for the store lane

    (made,) = (hr_folder.root / "backups").iterdir()
    assert made.name.startswith("exitbot-auto-")
    assert sorted(p.name for p in made.iterdir()) == [
        "exitbot.db",
        "exitbot.keys.json",
        "manifest.json",
    ]


def test_a_failed_automatic_backup_is_said_on_the_unlock_page_after_locking(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "usb-stick"
    not_a_folder.write_text("a file where the backup folder should be")
    with vault.unlock(hr_folder, user="alice", password=PASSWORD) as store:
        store.settings.set("auto_backup", True)
        store.settings.set("backup_folder", str(not_a_folder / "backups"))
    window = make_window(hr_folder)
    ui.unlock(window)

    ui.activate(window.workspace.lock_button)
    ui.wait_page(window, window.unlock_page)
    error = window.unlock_page.error
    ui.qtbot.waitUntil(error.isVisible, timeout=30_000)

    assert error.text().startswith(
        f"The automatic backup failed: Cannot write a backup into {not_a_folder / 'backups'}"
    )
    assert "choose another folder" in error.text()
    assert window.unlock_page.unlock_button.isEnabled()  # HR can unlock again at once


def test_the_health_card_names_the_model_speed_the_guard_and_an_overdue_backup(
    qtbot: QtBot, hr_folder: DataFolder, tmp_path: Path
) -> None:
    with vault.unlock(hr_folder, user="alice", password=PASSWORD) as store:
        populate(store, 60, start=datetime.now() - timedelta(days=90), months=3)
        model_wrote_two_followups_and_the_guard_stood_in_once(store)
        back_up(store, tmp_path / "usb")
        late = health_figures(store, now=datetime.now(UTC) + timedelta(days=8))
    latencies = Latencies()
    for first, total in ((0.4, 1.5), (0.6, 2.5)):
        latencies.record(first, total)
    view = HealthView()
    qtbot.addWidget(view)

    view.show_figures(late, ("Local model: gemma-3-270m", latencies.summary()))

    assert view.rows["assistant"].text() == "Local model: gemma-3-270m"
    assert (
        view.rows["speed"].text() == "first word after 0.5 s, whole question after 2.0 s (last 2)"
    )
    assert view.rows["followups"].text().startswith(f"{round(late.model_share * 100)} % written")
    assert view.rows["guard"].text() == "repeats the question: 1"
    assert f"schema version {vault.SCHEMA_VERSION}" in view.rows["disk"].text()
    backup = view.rows["backup"]
    assert backup.text() == "8 days ago: more than a week ago. Back up now."
    assert backup.property("role") == "error"  # drawn in red


def _accelerators(page: BackupPage, window: MainWindow) -> list[str]:
    texts = [b.text() for b in window.workspace.findChildren(QAbstractButton)]
    texts += [b.text() for b in page.findChildren(QAbstractButton)]
    texts += [label.text() for label in page.findChildren(QLabel) if label.buddy() is not None]
    return [key for text in texts if (key := alt_key(text)) is not None]


@pytest.mark.parametrize("language", ["en", "de"])
def test_no_two_controls_share_an_alt_key(
    ui: UiDriver,
    make_window: WindowFactory,
    hr_folder: DataFolder,
    translations: Translations,
    language: str,
) -> None:
    window = make_window(hr_folder)
    page = _open_backup(ui, window)
    translations.set_language(language)
    keys = _accelerators(page, window)
    assert len(keys) >= 9
    assert len(keys) == len(set(keys)), keys
