"""The Audit log page in a real window over a real encrypted database.

HR sees the entries numbered by their place in the chain, filters them by action and
by day, verifies the keyed chain (a tampered entry is named by its position and marked
in the table), and exports what is shown to a CSV file whose cells cannot run as
formulas; the export itself is audited. Thousands of entries load and scroll quickly.
"""

from __future__ import annotations

import csv
import time
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from sqlalchemy import update
from ui_fixtures import workspace_alt_keys

from exitbot_desktop.engine.store.models import AuditEntry

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.engine.store.folder import DataFolder
    from exitbot_desktop.engine.store.vault import Store
    from exitbot_desktop.ui.hr.audit_page import AuditPage
    from exitbot_desktop.ui.main_window import MainWindow


def _store(window: MainWindow) -> Store:
    assert window.store is not None
    return window.store


def _open_audit(ui: UiDriver, window: MainWindow) -> AuditPage:
    ui.unlock(window)
    ui.press(Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    page = window.audit_page
    ui.wait_page(window, page)
    ui.qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page


def _reload(ui: UiDriver, page: AuditPage, window: MainWindow) -> None:
    page.show_for(_store(window))
    expected = len(_store(window).audit.numbered())
    ui.qtbot.waitUntil(lambda: page.model.rowCount() == expected)


def _column(page: AuditPage, column: int) -> list[str]:
    model = page.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_page_lists_every_entry_newest_first_with_its_position(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_audit(ui, window)
    entries = _store(window).audit.numbered()

    assert page.model.rowCount() == len(entries) >= 2
    assert _column(page, 0) == [str(position) for position, _e in reversed(entries)]
    assert _column(page, 3)[-1] == "database_created"
    assert "login" in _column(page, 3)[:3] and _column(page, 2)[0] == "alice"
    assert page.count.text() == f"{len(entries)} entries shown"


def test_filtering_by_action_and_by_day(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_audit(ui, window)
    store = _store(window)
    for n in range(3):
        store.audit.record("export", {"format": "csv", "rows": n})
    _reload(ui, page, window)

    page.action.setCurrentIndex(page.action.findData("export"))
    ui.qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert set(_column(page, 3)) == {"export"}
    assert page.count.text() == "3 entries shown"
    page.action.setCurrentIndex(page.action.findData("database_created"))
    ui.qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.count.text() == "1 entry shown"  # English, with no translation file
    page.action.setCurrentIndex(page.action.findData("export"))
    ui.qtbot.waitUntil(lambda: page.model.rowCount() == 3)

    today = date.today()
    page.date_from.setFocus()
    ui.type((today + timedelta(days=1)).isoformat())
    ui.qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    page.date_from.setText(today.isoformat())
    page.date_to.setText(today.isoformat())
    ui.qtbot.waitUntil(lambda: page.model.rowCount() == 3)

    page.date_to.setText("31.12.2026")
    ui.qtbot.waitUntil(page.error.isVisible)
    assert "year-month-day" in page.error.text()

    ui.activate(page.clear_button)
    ui.qtbot.waitUntil(lambda: page.model.rowCount() == len(store.audit.numbered()))
    assert page.action.currentIndex() == 0 and page.date_to.text() == ""
    assert not page.error.isVisible()


def test_verify_says_intact_then_names_and_marks_a_tampered_entry(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_audit(ui, window)
    store = _store(window)
    exported = store.audit.record("export", {"format": "csv", "rows": 12})
    store.audit.record("export", {"format": "pdf", "rows": 1})
    _reload(ui, page, window)

    ui.activate(page.verify_button)
    ui.qtbot.waitUntil(page.verdict.isVisible)
    assert "Verified: all" in page.verdict.text() and not page.broken.isVisible()

    with store.database.transaction() as s:
        s.execute(update(AuditEntry).where(AuditEntry.id == exported.id).values(detail={"rows": 1}))
    position = next(p for p, e in store.audit.numbered() if e.id == exported.id)

    ui.activate(page.verify_button)
    ui.qtbot.waitUntil(page.broken.isVisible)
    total = len(store.audit.numbered())
    assert f"breaks at entry {position} of {total}" in page.broken.text()
    assert "changed" in page.broken.text() and not page.verdict.isVisible()
    (selected,) = page.table.selectionModel().selectedRows()
    assert selected.data() == str(position)
    assert page.model.index(selected.row(), 1).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_export_writes_the_shown_entries_with_formulas_neutralised_and_is_audited(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, tmp_path: Path
) -> None:
    window = make_window(hr_folder)
    page = _open_audit(ui, window)
    store = _store(window)
    store.audit.record("import", {"file": '=HYPERLINK("http://x")', "interviews": 4})
    store.audit.record("export", {"format": "csv", "rows": 12})
    _reload(ui, page, window)
    page.action.setCurrentIndex(page.action.findData("import"))
    ui.qtbot.waitUntil(lambda: page.model.rowCount() == 1)

    target = tmp_path / "audit.csv"
    page.export_to(target)
    ui.qtbot.waitUntil(page.result_line.isVisible)

    assert str(target) in page.result_line.text() and page.result_line.text().startswith(
        "Exported 1 entry to "
    )
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["position", "time_utc", "account", "action", "detail", "hash"]
    (row,) = rows[1:]
    assert row[2:4] == ["alice", "import"]
    assert row[4].startswith('{"file": "=HYPERLINK')  # inside JSON, not at the cell start
    last = store.audit.entries(limit=1)[0]
    assert last.action == "audit_exported"
    assert last.detail == {"file": "audit.csv", "entries": 1, "action": "import"}


def test_a_formula_at_the_start_of_a_cell_gets_an_apostrophe(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, tmp_path: Path
) -> None:
    window = make_window(hr_folder)
    page = _open_audit(ui, window)
    store = _store(window)
    store.audit.record("=cmd|' /C calc'!A0", {})
    _reload(ui, page, window)

    target = tmp_path / "audit.csv"
    page.export_to(target)
    ui.qtbot.waitUntil(page.result_line.isVisible)
    with target.open(encoding="utf-8", newline="") as handle:
        actions = [row[3] for row in csv.reader(handle)]
    assert "'=cmd|' /C calc'!A0" in actions


def test_thousands_of_entries_load_and_scroll_quickly(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_audit(ui, window)
    store = _store(window)
    with store.transaction():
        for n in range(3000):
            store.audit.record("export", {"format": "csv", "rows": n})

    started = time.perf_counter()
    _reload(ui, page, window)
    page.table.scrollToBottom()
    page.table.viewport().repaint()
    page.table.scrollToTop()
    page.table.viewport().repaint()
    elapsed = time.perf_counter() - started

    assert page.model.rowCount() > 3000
    assert elapsed < 5.0, f"{elapsed:.2f} s"


def test_no_two_controls_on_the_page_or_the_bar_share_an_alt_key(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_audit(ui, window)
    keys = workspace_alt_keys(window, page)
    assert len(keys) == len(set(keys)), sorted(keys)
