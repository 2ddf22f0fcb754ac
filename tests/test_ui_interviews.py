"""The HR interview browser in a real window over a real encrypted database.

The table fills page by page as it scrolls, the filters and the receipt field narrow
it, a header click sorts it, and the window keeps reacting while pages are read.
"""

from __future__ import annotations

import csv
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from bench.synthetic import populate
from exitbot_desktop.engine.filters import Filters
from exitbot_desktop.engine.interview_list import ListQuery
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.ui.hr.export_dialog import ExportDialog
from exitbot_desktop.ui.hr.interview_model import PAGE_SIZE
from exitbot_desktop.ui.operations import Op
from exitbot_desktop.ui.stall import StallMeter

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.ui.hr.interviews_page import InterviewsPage
    from exitbot_desktop.ui.main_window import MainWindow

TOTAL = 230


@pytest.fixture
def office_folder(hr_folder: DataFolder) -> DataFolder:
    # Recent interviews: unlocking erases those past the retention period.
    recent = datetime.now() - timedelta(days=200)
    with vault.unlock(hr_folder, user="alice", password="correct horse battery staple") as store:
        populate(store, TOTAL, start=recent, months=6)
    return hr_folder


def _open_browser(ui: UiDriver, window: MainWindow) -> InterviewsPage:
    ui.unlock(window)
    ui.activate(window.workspace.sections["interviews"])
    page = window.interviews_page
    ui.wait_page(window, page)
    ui.qtbot.waitUntil(lambda: page.model.rowCount() == PAGE_SIZE, timeout=10_000)
    return page


def test_the_table_fills_page_by_page_as_it_scrolls(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    page = _open_browser(ui, window)
    model = page.model
    assert page.count.text() == f"Interviews found: {TOTAL}"
    meter = StallMeter()
    meter.start()

    page.table.scrollToBottom()
    ui.qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE, timeout=10_000)
    page.table.scrollToBottom()
    ui.qtbot.waitUntil(lambda: model.rowCount() == TOTAL, timeout=10_000)

    assert meter.stop() <= 500  # pages were read off the GUI thread
    assert not model.canFetchMore()
    ids = {model.row_at(row).id for row in range(model.rowCount())}
    assert len(ids) == TOTAL
    first = model.index(0, 0).data()
    assert first  # a date, shown in the user's locale


def test_a_filter_narrows_the_list_to_what_the_engine_finds(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    page = _open_browser(ui, window)
    store = window.store
    assert store is not None
    expected = store.interview_list.page(
        ListQuery(filters=Filters(status="unfinished")), 0, 1
    ).total

    page.status.setCurrentIndex(page.status.findData("unfinished"))

    ui.qtbot.waitUntil(lambda: page.count.text() == f"Interviews found: {expected}")
    ui.qtbot.waitUntil(lambda: page.model.rowCount() == min(expected, PAGE_SIZE))
    statuses = {page.model.index(r, 4).data() for r in range(page.model.rowCount())}
    assert statuses == {"Unfinished"}


def test_a_receipt_code_typed_finds_one_interview(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    page = _open_browser(ui, window)
    wanted = next(
        page.model.row_at(r)
        for r in range(page.model.rowCount())
        if page.model.row_at(r).receipt_code
    )
    assert wanted.receipt_code is not None

    page.receipt.setFocus()
    ui.type(wanted.receipt_code.lower())

    ui.qtbot.waitUntil(lambda: page.count.text() == "Interviews found: 1", timeout=10_000)
    ui.qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).id == wanted.id


def test_clicking_a_header_sorts_in_the_database(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    page = _open_browser(ui, window)

    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # department, as a click does

    ui.qtbot.waitUntil(lambda: page.model.query.sort == "department")
    ui.qtbot.waitUntil(lambda: page.model.rowCount() == PAGE_SIZE)
    store = window.store
    assert store is not None
    first = store.interview_list.page(ListQuery(sort="department", descending=False), 0, 1)
    assert page.model.row_at(0).department == first.rows[0].department
    departments = [page.model.row_at(r).department or "" for r in range(PAGE_SIZE)]
    assert departments == sorted(departments)


def test_every_filter_has_a_name_for_screen_readers_and_tab_reaches_the_table(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    page = _open_browser(ui, window)
    fields = (page.search, page.receipt, page.department, page.role, page.date_from)
    fields += (page.date_to, page.status, page.theme, page.tone, page.tenure, page.source)

    assert all(field.accessibleName() for field in fields)
    assert page.search.hasFocus()
    ui.tab_to(page.table)


def test_locking_from_the_browser_empties_it(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    page = _open_browser(ui, window)

    ui.activate(window.workspace.lock_button)

    ui.wait_page(window, window.unlock_page)
    assert page.model.rowCount() == 0 and window.store is None


def test_a_date_that_is_not_one_is_explained_and_a_real_one_filters(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder
) -> None:
    window = make_window(office_folder)
    page = _open_browser(ui, window)

    page.date_from.setFocus()
    ui.type("31.12.2026")
    ui.qtbot.waitUntil(page.error.isVisible, timeout=5_000)
    assert "year-month-day" in page.error.text()
    assert page.model.rowCount() == PAGE_SIZE  # the list is left as it was

    page.date_from.setText((datetime.now() - timedelta(days=60)).date().isoformat())
    ui.qtbot.waitUntil(lambda: not page.error.isVisible(), timeout=5_000)
    ui.qtbot.waitUntil(lambda: 0 < (page.model.total or TOTAL) < TOTAL, timeout=10_000)
    assert all(
        page.model.row_at(r).started >= datetime.now() - timedelta(days=61)
        for r in range(page.model.rowCount())
    )


def _open_export(ui: UiDriver, window: MainWindow, page: InterviewsPage) -> ExportDialog:
    ui.activate(page.export_button)
    ui.qtbot.waitUntil(lambda: window.findChild(ExportDialog) is not None, timeout=10_000)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    ui.qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_exporting_what_the_list_shows_writes_those_interviews_and_audits_it(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder, tmp_path: Path
) -> None:
    window = make_window(office_folder)
    page = _open_browser(ui, window)
    page.status.setCurrentIndex(page.status.findData("completed"))
    ui.qtbot.waitUntil(lambda: page.model.query.filters.status == "completed")
    ui.qtbot.waitUntil(lambda: page.model.total is not None)
    listed = page.model.total
    dialog = _open_export(ui, window, page)
    assert "Status: completed" in dialog._covers.text()
    assert not dialog.named.isEnabled()  # the policy keeps interviews anonymous
    dialog.csv.setChecked(True)
    dialog.per_interview.setChecked(True)
    out = tmp_path / "completed.csv"

    dialog.export_to(out)  # what the save dialog calls with the chosen path

    ui.qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Exported"), timeout=20_000)
    with out.open(encoding="utf-8", newline="") as handle:
        note = handle.readline()  # an anonymised export says what it guarantees first
        rows = list(csv.DictReader(handle))
    assert note.startswith('"# Anonymised export')
    assert len(rows) == listed
    assert {row["status"] for row in rows} == {"completed"}
    store = window.store
    assert store is not None
    audited = [e for e in store.audit.entries(limit=3) if e.action == "export"]
    assert audited and "Status: completed" in audited[0].detail["selection"]


def test_cancel_stops_the_export_and_nothing_is_written(
    ui: UiDriver, make_window: WindowFactory, office_folder: DataFolder, tmp_path: Path
) -> None:
    window = make_window(office_folder)
    page = _open_browser(ui, window)
    dialog = _open_export(ui, window, page)
    dialog.csv.setChecked(True)
    out = tmp_path / "all.csv"
    started = threading.Event()
    # Something else holds the store lane for a moment, so Cancel comes before the export.
    Op(lambda _ctx: (started.set(), time.sleep(0.5))).run_in_background()
    started.wait(5)

    dialog.export_to(out)
    ui.activate(dialog.close_button)  # it reads "Cancel export" while the export runs

    ui.qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.error.text() == "Cancelled. Nothing was written."
    assert not out.exists()
    store = window.store
    assert store is not None
    assert not [e for e in store.audit.entries(limit=5) if e.action == "export"]
